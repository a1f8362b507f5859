"""A chart on a presentation slide: as large as the slide lets it be, or "inga uppgifter".

On a projector a chart fills what the slide leaves (``assets/presentation.css`` gives it the
room; Plotly follows its box), so a fixed pixel height is dropped. A chart with nothing to
show draws no axes: Plotly would invent a −1..1 axis for all-zero or all-missing values, which
reads as data. Its PNG and SVG buttons are in the presentation's menu, not on every slide.
"""

from __future__ import annotations

import html as html_entities
import math
import re

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.components.widgets import STATIC_GRAPH_CONFIG
from dashboard.i18n.messages import text


def has_values(figure: go.Figure) -> bool:
    """Whether any trace holds a number other than zero (bars' y, a heatmap's z)."""
    for trace in figure.data:
        for name in ("z",) if trace.type == "heatmap" else ("y",):
            values = getattr(trace, name, None)
            if values is None:
                continue
            if any(_shown(v) for v in _flat(values)):
                return True
    return False


def slide_chart(figure: go.Figure, name: str, language: str | None = None) -> html.Div:
    """The figure sized by its box, or a plain note when it has nothing to show.

    ``name`` is the slide's chart name (kept on the box for the image file's name).
    """
    if not has_values(figure):
        return html.Div([html.H3(title) for title in [chart_title(figure)] if title]
                        + [html.P(text("chart_no_data", language), className="slide-no-data")],
                        className="slide-graph slide-graph-empty", **{"data-chart": name})
    figure.update_layout(height=None, autosize=True)
    return html.Div(dcc.Graph(figure=figure, config=STATIC_GRAPH_CONFIG, responsive=True,
                              style={"height": "100%", "width": "100%"}),
                    className="slide-graph", **{"data-chart": name})


def chart_title(figure: go.Figure) -> str:
    """The figure's title as plain text (its first line; Plotly's entities decoded), to head the note."""
    title = figure.layout.title.text or ""
    return html_entities.unescape(re.split(r"<br\s*/?>", title, maxsplit=1)[0]).strip()


def _flat(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flat(value)
        else:
            yield value


def _shown(value) -> bool:
    if value is None or isinstance(value, str):
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return not math.isnan(number) and number != 0
