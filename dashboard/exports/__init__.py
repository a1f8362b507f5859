"""Exports that work offline: a standalone HTML map, print-ready reports and PDF.

Each export is a pure function of the dashboard's data, so the UI and the
command line (``dashboard.exports.cli``) call the very same code.
"""
