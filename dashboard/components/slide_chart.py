"""A chart on a presentation slide: as large as the slide lets it be, or "inga uppgifter".

On a projector a chart fills what the slide leaves (``assets/presentation.css`` gives it the
room; Plotly follows its box), so a fixed pixel height is dropped. A chart with nothing to
show draws no axes: Plotly would invent a −1..1 axis for all-zero or all-missing values, which
reads as data. Its PNG and SVG buttons are in the presentation's menu, not on every slide.

A chart that cannot be read on a phone comes in two drawings (``slide_chart_by_width``): both are
on the slide and ``assets/presentation.css`` shows the one that fits the screen's width, so a
phone turned sideways switches at once, with no round trip to the server.
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
    """Whether any trace holds a number other than zero (bars' length, a heatmap's z)."""
    for trace in figure.data:
        for name in _value_fields(trace):
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


def slide_chart_by_width(wide: go.Figure, narrow: go.Figure, name: str, language: str | None = None) -> html.Div:
    """``wide`` for a projector or a laptop, ``narrow`` for a phone; CSS shows one of them.

    ``wide`` is sized by the slide, as in ``slide_chart``; ``narrow`` keeps its own height (a
    phone's slide scrolls) and takes the slide's width. Both rest on the same values, so a chart
    with nothing to show is the one "no data" note on every screen.
    """
    if not has_values(wide):
        return slide_chart(wide, name, language)
    wide_box = slide_chart(wide, name, language)
    wide_box.className += " slide-wide"
    return html.Div([wide_box, _narrow_box(narrow, name)], className="slide-chart-pair")


NARROW_TOP_MARGIN = 12
NARROW_TOP_MARGIN_SUBPLOTS = 40
"""Room above a narrow drawing's plot once its title has moved out; more where the first row of
small multiples has its own titles (annotations) there."""


def _narrow_box(figure: go.Figure, name: str) -> html.Div:
    """The figure under its title and caption as page text, which wraps on a phone; plotly draws
    a title on one line and cuts what does not fit the width."""
    title_lines = _plain_lines(figure.layout.title.text)
    notes = title_lines[1:] + _plain_lines(figure.layout.title.subtitle.text)
    top = NARROW_TOP_MARGIN_SUBPLOTS if figure.layout.annotations else NARROW_TOP_MARGIN
    height = (figure.layout.height or 600) - max(0, (figure.layout.margin.t or 0) - top)
    figure.update_layout(title={"text": "", "subtitle": {"text": ""}}, margin={"t": top}, height=height)
    heading = [html.H3(line) for line in title_lines[:1]] + [html.P(line, className="source") for line in notes]
    graph = dcc.Graph(figure=figure, config=STATIC_GRAPH_CONFIG, responsive=True,
                      style={"height": f"{height}px", "width": "100%"})
    return html.Div([*heading, graph], className="slide-graph slide-narrow", **{"data-chart": name})


def _plain_lines(markup: str | None) -> list[str]:
    """Plotly text as plain lines: split at ``<br>``, our tags dropped, entities decoded (people's
    own ``<`` and ``&`` arrive as entities, so they come back as the characters they typed)."""
    lines = re.split(r"<br\s*/?>", markup or "")
    plain = (html_entities.unescape(re.sub(r"<[^>]*>", "", line)).strip() for line in lines)
    return [line for line in plain if line]


def chart_title(figure: go.Figure) -> str:
    """The figure's title as plain text (its first line; Plotly's entities decoded), to head the note."""
    title = figure.layout.title.text or ""
    return html_entities.unescape(re.split(r"<br\s*/?>", title, maxsplit=1)[0]).strip()


def _value_fields(trace) -> tuple[str, ...]:
    """Where a trace keeps its numbers: a heatmap's z, a horizontal bar's x, else y."""
    if trace.type == "heatmap":
        return ("z",)
    if getattr(trace, "orientation", None) == "h":
        return ("x",)
    return ("y",)


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
