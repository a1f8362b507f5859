"""Geometry for the Allas Vimmerby map: boundary, locality areas, web layers, imports.

Metric work happens in SWEREF 99 TM (EPSG:3006); everything handed to the rest
of the project is WGS 84 (EPSG:4326). The package may use ``indicators`` but
never the dashboard, so the same functions serve the app, the CLI and tests.
"""
