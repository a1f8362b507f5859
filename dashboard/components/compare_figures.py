"""Plotly figures of the comparison, as pure functions of domain records.

Readable on a projector: large type, thick marks, Okabe–Ito colours with a
distinct symbol per locality so series stay apart in greyscale. The source
and year go into every figure's caption, since figures travel as screenshots;
the caption is the title's subtitle (plotly lays title and subtitle out
with room of their own), so it never runs into a legend or an axis title at
any width, and the legend sits to the right of the plot, where plotly widens
the margin to fit it (decision 66). Ten localities are compared as small
multiples of sorted bars, one per SLUS area, not as a radar (issue 12).
Every text from people or files (locality and indicator names, units, sources,
bases) goes in through ``chart_text``: plotly draws HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.components.chart_text import chart_message, chart_text
from dashboard.i18n.messages import indicator_name, source_of, text, unit_heading
from dashboard.views.formatting import number
from dashboard.views.provenance import (
    Kind,
    provenance_note,
    star_note,
    starred,
    with_note,
)
from indicators.core.model import MUNICIPALITY_ID, SWEDEN_ID, Indicator, Observation
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.i18n.texts import N_
from indicators.metrics.provenance import (
    EXAMPLE,
    REAL,
    Provenance,
    figure_provenance,
    provenance,
    ranking_provenance,
)
from indicators.metrics.scores import IndicatorScores, ScoreTable

COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#999999", "#882255")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "triangle-down", "cross", "pentagon",
           "hexagon")
REFERENCE_COLOUR = "#222222"
FONT = {"size": 16}


def _style(i: int) -> tuple[str, str]:
    return COLOURS[i % len(COLOURS)], SYMBOLS[i % len(SYMBOLS)]


def _layout(figure: go.Figure, title: str, caption: str, height: int = 420) -> go.Figure:
    """Title, caption and the common look; ``title`` and ``caption`` are figure text already
    (made with ``chart_message``/``chart_text`` where they carry people's or files' text).

    Title and caption sit in the top margin, sized by their number of lines (plotly's title
    ``automargin`` broke when a chart was redrawn as an empty one: "axis scaling" errors);
    the legend stands outside the plot on the right; axis labels push their own margins.
    Nothing is placed by a fraction of the plot's height, which is what made texts collide.
    """
    figure.update_layout(
        title={"text": title, "font": {"size": 19}, "yref": "container", "y": 1, "yanchor": "top",
               "pad": {"t": 22}, "x": 0, "xanchor": "left",
               "subtitle": {"text": caption, "font": {"size": 13, "color": "#444"}}},
        height=height,
        font=FONT,
        separators=", ",
        margin={"l": 10, "r": 10, "t": 38 + 26 * (title.count("<br>") + 2), "b": 10, "autoexpand": True},
        plot_bgcolor="#fff",
        legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top",
                "font": {"size": 13}},
    )
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    return figure


def caption_of(figure: go.Figure) -> str:
    """The figure's caption (source, year, weights) as plotly text."""
    return figure.layout.title.subtitle.text or ""


def area_figure(table: ScoreTable, selected: Sequence[str], names: Mapping[str, str],
                language: str | None = None) -> go.Figure:
    """The six area scores as small multiples: one bar chart per SLUS area, localities highest first.

    Ten localities on a radar are ten overlapping rings; sorted bars answer "who is ahead in
    this area" at a glance. A locality without a score in an area is listed last with "saknas",
    never drawn as 0. A star on a score marks one resting on example data.
    """
    columns = 2
    rows = -(-len(DEVELOPMENT_AREAS) // columns)
    row_height = 34 + 24 * max(1, len(selected))
    gap = 56
    plot_height = rows * row_height + (rows - 1) * gap
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=[a.short_name for a in DEVELOPMENT_AREAS],
                           horizontal_spacing=0.3, vertical_spacing=gap / plot_height)
    marked = {loc: False for loc in selected}
    for n, area in enumerate(DEVELOPMENT_AREAS):
        items = sorted(selected, key=lambda loc: (table.areas[loc][area.id].score is None,
                                                  -(table.areas[loc][area.id].score or 0)))
        scores = [table.areas[loc][area.id].score for loc in items]
        found = [provenance(table.areas[loc][area.id]) for loc in items]
        for loc, prov in zip(items, found):
            marked[loc] = marked[loc] or prov.rests_on_example
        coverage = [with_note(text("score_coverage", language, used=table.areas[loc][area.id].used,
                                   available=table.areas[loc][area.id].available), prov, Kind.AREA_SCORE, language)
                    for loc, prov in zip(items, found)]
        figure.add_trace(go.Bar(
            x=scores, y=[chart_text(names.get(loc, loc)) for loc in items], orientation="h", name=area.short_name,
            marker={"color": COLOURS[0]}, showlegend=False,
            text=[starred(number(round(s), language), prov) if s is not None else text("missing", language)
                  for s, prov in zip(scores, found)],
            textposition="outside", cliponaxis=False, textfont={"size": 13}, customdata=coverage,
            hovertemplate="%{y}: %{x:.0f} (" + text("col_coverage", language).lower()
            + " %{customdata})<extra>%{fullData.name}</extra>",
        ), row=n // columns + 1, col=n % columns + 1)
    figure.update_xaxes(range=[0, 125], showticklabels=False, gridcolor="#eee")
    figure.update_yaxes(autorange="reversed", tickfont={"size": 13})
    figure.update_annotations(font={"size": 15})
    ranking = ranking_provenance(EXAMPLE if marked[loc] else REAL for loc in selected)
    return _layout(figure, _marked_title(text("radar_title", language, year=table.year), ranking, language),
                   text("source_line", language, source=text("score_source", language)), height=plot_height + 150)


def index_figure(table: ScoreTable, selected: Sequence[str], names: Mapping[str, str], weights_note: str,
                 language: str | None = None) -> go.Figure:
    """The attractiveness index, highest first; a locality without an index is listed, not drawn as 0."""
    items = sorted(selected, key=lambda loc: (table.index[loc].score is None, -(table.index[loc].score or 0)))
    labels = [chart_text(names.get(loc, loc)) for loc in items]
    scores = [table.index[loc].score for loc in items]
    found = [provenance(table.index[loc]) for loc in items]
    coverage = [with_note(text("index_coverage", language, used=table.index[loc].areas_used,
                               available=table.index[loc].areas_available), prov, Kind.INDEX, language)
                for loc, prov in zip(items, found)]
    figure = go.Figure(go.Bar(
        x=scores, y=labels, orientation="h", marker={"color": COLOURS[0]},
        text=[starred(number(round(s), language), prov) if s is not None else text("missing", language)
              for s, prov in zip(scores, found)],
        textposition="outside", customdata=coverage,
        hovertemplate="%{y}: %{x:.0f} (%{customdata})<extra></extra>",
    ))
    figure.update_layout(xaxis={"range": [0, 110], "title": text("score_unit", language)},
                         yaxis={"autorange": "reversed"})
    return _layout(figure, _marked_title(text("index_title", language, year=table.year), ranking_provenance(found),
                                         language),
                   f"{chart_text(weights_note)}. " + text("source_line", language, source=text("score_source", language)),
                   height=max(300, 60 + 42 * len(items)))


def indicator_bars(column: IndicatorScores, selected: Sequence[str], names: Mapping[str, str],
                   sweden: Observation | None, *, per_1000: bool = False,
                   language: str | None = None) -> go.Figure:
    """One bar per locality, highest first, with the municipality (and Sweden) as reference lines
    where comparable.

    Horizontal, so ten names read without turning the head and never run into each other; the
    reference lines are named in the legend, not by labels that could land on a bar's number.
    """
    indicator = column.indicator
    values = column.per_1000 if per_1000 else column.values
    items = sorted(selected, key=lambda loc: (values.get(loc) is None, -(values.get(loc) or 0)))
    labels = [chart_text(names.get(loc, loc)) for loc in items]
    shown = [values.get(loc) for loc in items]
    figure = go.Figure(go.Bar(
        y=labels, x=shown, orientation="h",
        marker={"color": [COLOURS[0] if loc not in column.examples else "#8fb8d8" for loc in items]},
        text=[starred(number(_round(v), language), figure_provenance(column, loc)) if v is not None
              else text("missing", language) for loc, v in zip(items, shown)],
        textposition="outside", cliponaxis=False, name=chart_text(indicator_name(indicator, language)),
        showlegend=False,
    ))
    if column.municipality is not None and (per_1000 or not indicator.per_1000):
        _reference_line(figure, column.municipality, text("reference_municipality", language), language)
    if sweden is not None and sweden.value is not None and not indicator.per_1000 and not per_1000:
        _reference_line(figure, sweden.value, text("reference_sweden", language), language, dash="dot")
    unit = text("col_per_1000", language) if per_1000 else chart_text(unit_heading(indicator, language))
    drawn_values = [v for v in shown if v is not None]
    top = max([*drawn_values, column.municipality or 0, 0]) or 1
    figure.update_layout(xaxis={"title": unit, "range": [0, top * 1.25]}, yaxis={"autorange": "reversed"},
                         legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom"})
    title_key = N_("bars_per_1000_title") if per_1000 else N_("bars_title")
    caption = _caption(indicator, column, language)
    title = chart_message(title_key, language, indicator=indicator_name(indicator, language), year=column.year)
    ranking = ranking_provenance(figure_provenance(column, loc) for loc in selected)
    _layout(figure, _marked_title(title, ranking, language), caption, height=max(320, 150 + 34 * len(items)))
    figure.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom"})
    return figure


def series_figure(indicator: Indicator, observations: Sequence[Observation], selected: Sequence[str],
                  names: Mapping[str, str], language: str | None = None) -> go.Figure:
    """The indicator over the years, one line per locality (and per basis), the municipality dashed."""
    figure = go.Figure()
    series_marks: list[Provenance] = []
    places = [*selected, MUNICIPALITY_ID, SWEDEN_ID]
    for i, place in enumerate(places):
        series = sorted((o for o in observations if o.place_id == place and o.year is not None
                         and o.value is not None), key=lambda o: (o.basis, o.year))
        if not series:
            continue
        for basis in sorted({o.basis for o in series}):
            points = [o for o in series if o.basis == basis]
            if place == MUNICIPALITY_ID:
                name, colour, symbol, dash = text("reference_municipality", language), REFERENCE_COLOUR, "circle", "dash"
            elif place == SWEDEN_ID:
                name, colour, symbol, dash = text("reference_sweden", language), "#777777", "circle", "dot"
            else:
                colour, symbol = _style(i)
                name, dash = names.get(place, place), "solid"
            if basis and len({o.basis for o in series}) > 1:
                name = f"{name} ({basis})"
            line_provenance = EXAMPLE if any(o.example for o in points) else REAL
            series_marks.append(line_provenance)
            figure.add_trace(go.Scatter(
                x=[o.year for o in points], y=[o.value for o in points], name=starred(chart_text(name), line_provenance),
                mode="lines+markers",
                line={"color": colour, "width": 3, "dash": dash}, marker={"size": 10, "symbol": symbol},
                customdata=[chart_text(source_of(o, language)) for o in points],
                hovertemplate="%{x}: %{y}<br>%{customdata}<extra>%{fullData.name}</extra>",
            ))
    years = [x for trace in figure.data for x in trace.x]
    # Half a year of room at each end keeps the first year's label off the value axis's "0".
    year_range = [min(years) - 0.5, max(years) + 0.5] if years else None
    figure.update_layout(xaxis={"title": text("year_axis", language), "dtick": 1, "range": year_range},
                         yaxis={"title": chart_text(unit_heading(indicator, language)), "rangemode": "tozero"})
    sources = sorted({source_of(o, language) for o in observations if o.place_id in places and o.value is not None})
    caption = chart_message("source_line", language, source="; ".join(sources) or indicator.source)
    title = chart_message(N_("series_title"), language, indicator=indicator_name(indicator, language))
    return _layout(figure, _marked_title(title, ranking_provenance(series_marks), language), caption)


def _reference_line(figure: go.Figure, value: float, label: str, language: str, dash: str = "dash") -> None:
    """A vertical line at ``value``, named with its value in the legend."""
    line = {"color": REFERENCE_COLOUR, "width": 2, "dash": dash}
    figure.add_vline(x=value, line=line)
    bars = figure.data[0].y
    figure.add_trace(go.Scatter(x=[value, value], y=[bars[0], bars[-1]], mode="lines", line=line, hoverinfo="skip",
                                name=f"{label} {number(_round(value), language)}"))


def _caption(indicator: Indicator, column: IndicatorScores, language: str) -> str:
    sources = sorted({source_of(v.observation, language) for v in column.figures.values()
                      if v.observation is not None and v.comparable})
    return chart_message("source_line", language, source="; ".join(sources) or indicator.source)


def _marked_title(title: str, ranking: Provenance, language: str | None) -> str:
    """The title, and on a second line how many of the places shown rest on example data, with the star's key."""
    if not ranking.rests_on_example:
        return title
    note = provenance_note(ranking, Kind.RANKING, language)
    return f"{title}<br><sup>{note} ({star_note(language)})</sup>"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
