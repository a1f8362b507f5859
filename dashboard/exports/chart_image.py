"""A chart as a PNG or SVG file, drawn by plotly.js in a local headless Chromium.

Plotly's own static-image export (kaleido) renders the figure exactly as the
browser does, so the file from ``python -m dashboard export chart`` is the
chart on the compare page. It uses the Chromium the reports already need, and
plotly.js from the installed package: no network.
"""

from __future__ import annotations

import logging
import os

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.exports.pdf import find_chromium

FORMATS = ("png", "svg")
WIDTH, HEIGHT = 1000, 560
"""Pixels of the exported chart: readable on a slide and in a printed report."""


class ChartImageError(RuntimeError):
    """The image could not be made (no Chromium, no kaleido, or the rendering failed)."""


def chart_image(figure: go.Figure, fmt: str, *, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The figure as ``png`` (twice the pixels, for projectors) or ``svg`` bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of {', '.join(FORMATS)}")
    chromium = find_chromium()
    if chromium is None:
        raise ChartImageError("chromium_missing")
    # kaleido's browser finder honours BROWSER_PATH; point it at the Chromium we use for PDFs.
    os.environ.setdefault("BROWSER_PATH", chromium)
    # Its browser-pipe logger prints tracebacks for messages it then ignores; a user needs none of that.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    try:
        return pio.to_image(figure, format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)
    except (ImportError, ValueError, RuntimeError) as error:
        raise ChartImageError(str(error)) from error
