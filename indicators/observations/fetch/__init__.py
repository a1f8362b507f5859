"""Real figures fetched from public APIs when a network is there (Kolada API v3, SCB PxWeb).

The app itself never needs the network: staff import files. These fetches are
for the operator at a command line (``python -m indicators fetch kolada|scb``)
and end in the same place a file does: one import through
``observations.service.import_indicator_file``, checked by the same row rules,
saved all or nothing with a line in the import log (docs/fetch.md).

Modules: ``http`` (requests with retry and backoff; the only I/O), ``kolada_api``
and ``scb_api`` (pure: URLs, queries, response shapes, mapping to localities),
``figures`` (what a fetch found, as the long CSV the importer reads), ``run``
(the two fetches from request to import) and ``cli`` (arguments and the summary).
"""
