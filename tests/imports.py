"""What a Python source imports, read from its syntax tree: the layout tests' one reader."""

from __future__ import annotations

import ast


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module ``source`` (the module ``module``) imports, at the top or inside a function.

    ``from a.b import c`` counts as both ``a.b`` and ``a.b.c`` (``c`` may be a module); relative
    imports are resolved against the module's package (the module itself for an ``__init__``).
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found
