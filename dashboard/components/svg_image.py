"""A server-drawn SVG chart shown as an image: no plotly.js, nothing for Dash to lay out.

The map panel's small charts are drawn by ``dashboard.exports.svg`` (the reports' charts), which
escapes every text a person or a file supplied. The drawing reaches the page as the ``src`` of an
``<img>`` (a ``data:`` URL, which the Content-Security-Policy's ``img-src`` allows): an image is
never parsed into the page's document, runs no script and loads nothing, so even a text that
escaped the escaping could not become markup in the dashboard. The image carries an ``alt`` text,
and the figures themselves stay in a table beside it for screen readers and for copying.
"""

from __future__ import annotations

import base64

from dash import html

from dashboard.i18n.messages import text


def svg_data_url(svg: str) -> str:
    """The drawing as a ``data:image/svg+xml`` URL (base64, so no character needs quoting)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def svg_chart(svg: str, alt: str, name: str, class_name: str, language: str | None = None) -> html.Div:
    """The chart as an image, with a link that saves the same drawing as ``allas-vimmerby-<name>.svg``.

    One element for the drawing and a few for the link, however many points the chart has: the
    panel stays light for the browser (issue #13 item 2).
    """
    url = svg_data_url(svg)
    title = text("chart_download_title", language, format="SVG")
    return html.Div(
        [
            html.Img(src=url, alt=alt, className=class_name),
            html.Div(
                [html.Span(text("chart_download", language)),
                 html.A("SVG", href=url, download=f"allas-vimmerby-{name}.svg", title=title,
                        className="button secondary small chart-download", **{"aria-label": title})],
                className="chart-downloads",
            ),
        ],
        className="chart-box svg-chart",
    )
