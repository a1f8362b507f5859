"""The bundled data files (read by indicators.storage.bundled through importlib.resources).

A regular package, so ``importlib.resources.files("indicators.data")`` resolves
to this folder even where a same-named folder elsewhere on ``sys.path`` (such
as ``tests/indicators``) would turn ``indicators`` itself into a namespace.
"""
