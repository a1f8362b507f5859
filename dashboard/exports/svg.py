"""Charts and a map as hand-written inline SVG: no browser, no network, no plotly.

Reports must print at a meeting with a poor network, so their figures are
drawn here from the numbers as plain SVG elements. Every text a person reads
is escaped; colours are our own constants.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

from dashboard.views.formatting import number

# Okabe–Ito, as the app's charts: series stay apart in greyscale with their markers.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
DASHED = ' stroke-dasharray="2 2"'
FONT = "font-family=\"system-ui, sans-serif\""


def _e(value: object) -> str:
    return html.escape(str(value))


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def line_chart_svg(series: Mapping[str, Sequence[tuple[int, float]]], *, title: str, unit: str,
                   width: int = 640, height: int = 280, language: str | None = None) -> str:
    """One line per series (e.g. per basis), years on x, values from zero on y; labelled points.

    ``language`` formats the numbers (the request's language when None).
    """
    points = [p for values in series.values() for p in values]
    if not points:
        return ""
    left, right, top, bottom = 64, 16, 28, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    years = [x for x, _ in points]
    x0, x1 = min(years), max(years)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    y_max = _nice_max(max(y for _, y in points))

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * plot_w

    def sy(y: float) -> float:
        return top + plot_h - y / y_max * plot_h

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{_e(title)}" class="chart">',
             f"<title>{_e(title)}</title>",
             f'<text x="{left}" y="16" font-size="13" {FONT}>{_e(unit)}</text>']
    for i in range(5):
        value = y_max * i / 4
        y = sy(value)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="12" text-anchor="end" {FONT}>'
                     f"{_e(number(value, language))}</text>")
    for x in sorted(set(years)):
        parts.append(f'<text x="{sx(x):.1f}" y="{top + plot_h + 16}" font-size="12" text-anchor="middle" '
                     f"{FONT}>{x}</text>")
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333"/>')
    for i, (name, values) in enumerate(series.items()):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        ordered = sorted(values)
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in ordered)
        if len(ordered) > 1:
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for x, y in ordered:
            marker = (f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4.5" fill="{colour}"/>' if i % 2 == 0 else
                      f'<rect x="{sx(x) - 4:.1f}" y="{sy(y) - 4:.1f}" width="8" height="8" fill="{colour}"/>')
            parts.append(f"<g>{marker}<title>{x}: {_e(number(y, language))}</title></g>")
        legend_y = height - 14
        legend_x = left + i * 180
        parts.append(f'<rect x="{legend_x}" y="{legend_y - 9}" width="14" height="10" fill="{colour}"/>'
                     f'<text x="{legend_x + 20}" y="{legend_y}" font-size="12" {FONT}>{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_svg(bars: Sequence[tuple[str, float | None, str]], *, title: str, max_value: float | None = None,
                  missing_label: str, width: int = 640) -> str:
    """Horizontal bars (label, value, colour); a missing value is written out, never drawn as zero."""
    if not bars:
        return ""
    row_h, left, right, top = 26, 170, 70, 8
    height = top + row_h * len(bars) + 8
    top_value = max_value or _nice_max(max((v for _, v, _ in bars if v is not None), default=1.0))
    plot_w = width - left - right
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{_e(title)}" class="chart">',
             f"<title>{_e(title)}</title>"]
    for i, (label, value, colour) in enumerate(bars):
        y = top + i * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 17}" font-size="13" text-anchor="end" {FONT}>{_e(label)}</text>')
        if value is None:
            parts.append(f'<text x="{left + 4}" y="{y + 17}" font-size="13" font-style="italic" {FONT}>'
                         f"{_e(missing_label)}</text>")
            continue
        w = max(0.0, min(1.0, value / top_value)) * plot_w
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}" '
                     f'stroke="#333" stroke-width=".5"/>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 17}" font-size="13" {FONT}>{_e(number(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def map_svg(boundary: dict, areas: dict, points: dict, bounds, *, title: str, highlight: str | None = None,
            markers: Sequence[tuple[float, float, str]] = (), width: int = 640) -> str:
    """The municipality's areas, boundary and locality points (WGS 84 GeoJSON) as a static SVG.

    A simple equirectangular projection scaled by cos(latitude) is exact enough
    for a municipality 50 km across. ``markers`` are (lat, lon, label) of initiatives.
    """
    (south, west), (north, east) = bounds
    kx = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * kx, north - south
    pad = 12
    scale = (width - 2 * pad) / span_x
    height = int(span_y * scale + 2 * pad)

    def xy(lon: float, lat: float) -> str:
        return f"{pad + (lon - west) * kx * scale:.1f},{pad + (north - lat) * scale:.1f}"

    def path(geometry: dict) -> str:
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else [])
        return " ".join("M" + " L".join(xy(lon, lat) for lon, lat, *_ in ring) + " Z"
                        for polygon in polygons for ring in polygon)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{_e(title)}" class="map">',
             f"<title>{_e(title)}</title>"]
    for feature in areas["features"]:
        lid = feature["properties"].get("id")
        fill = "#9ecae1" if lid == highlight else "#eef1ee"
        parts.append(f'<path d="{path(feature["geometry"])}" fill="{fill}" fill-rule="evenodd" stroke="#555" '
                     f'stroke-width="1"><title>{_e(feature["properties"].get("name", ""))}</title></path>')
    for feature in boundary["features"]:
        parts.append(f'<path d="{path(feature["geometry"])}" fill="none" stroke="#111" stroke-width="2.5"/>')
    for lat, lon, label in markers:
        x, y = (float(v) for v in xy(lon, lat).split(","))
        parts.append(f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="#E69F00" stroke="#111" '
                     f'transform="rotate(45 {x:.1f} {y:.1f})"><title>{_e(label)}</title></rect>')
    for feature in points["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"][:2]
        x, y = (float(v) for v in xy(lon, lat).split(","))
        approximate = props.get("approximate")
        name = ("≈ " if approximate else "") + str(props.get("name", ""))
        strong = props.get("id") == highlight
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{7 if strong else 5}" '
                     f'fill="{"#fff" if approximate else "#000"}" stroke="#000" stroke-width="2"'
                     f'{DASHED if approximate else ""}/>')
        parts.append(f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="{14 if strong else 12}" '
                     f'font-weight="{700 if strong else 600}" paint-order="stroke" stroke="#fff" stroke-width="3" '
                     f'{FONT}>{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
