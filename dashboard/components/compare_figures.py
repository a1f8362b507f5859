"""Plotly figures of the comparison, as pure functions of domain records.

Readable on a projector: large type, thick marks, Okabe–Ito colours with a
distinct symbol per locality so series stay apart in greyscale. The source
and year go into every figure's caption, since figures travel as screenshots.
Every text from people or files (locality and indicator names, units, sources,
bases) goes in through ``chart_text``: plotly draws HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from dashboard.components.chart_text import chart_message, chart_text
from dashboard.i18n.messages import indicator_name, source_of, text, unit_heading
from dashboard.views.formatting import number
from dashboard.views.provenance import Kind, provenance_note, star_note, starred, with_note
from indicators.core.model import MUNICIPALITY_ID, SWEDEN_ID, Indicator, Observation
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.i18n.texts import N_
from indicators.metrics.provenance import (
    EXAMPLE,
    NOTHING,
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
    (made with ``chart_message``/``chart_text`` where they carry people's or files' text)."""
    figure.update_layout(
        title={"text": title, "font": {"size": 19}},
        height=height,
        font=FONT,
        separators=", ",
        margin={"l": 60, "r": 20, "t": 60, "b": 120},
        plot_bgcolor="#fff",
        legend={"orientation": "h", "y": -0.2},
        annotations=[{"text": caption, "xref": "paper", "yref": "paper", "x": 0, "y": -0.42,
                      "showarrow": False, "font": {"size": 13, "color": "#444"}, "xanchor": "left"}],
    )
    return figure


def radar_figure(table: ScoreTable, selected: Sequence[str], names: Mapping[str, str],
                 language: str | None = None) -> go.Figure:
    """The six area scores per locality; a gap where an area has no score."""
    theta = [area.short_name for area in DEVELOPMENT_AREAS]
    figure = go.Figure()
    marked: list[bool] = []
    for i, locality in enumerate(selected):
        scores = table.areas[locality]
        r = [scores[area.id].score for area in DEVELOPMENT_AREAS]
        coverage = [with_note(text("score_coverage", language, used=scores[a.id].used,
                                   available=scores[a.id].available),
                              provenance(scores[a.id]), Kind.AREA_SCORE, language)
                    for a in DEVELOPMENT_AREAS]
        found = [provenance(scores[a.id]) for a in DEVELOPMENT_AREAS]
        marked.append(any(p.rests_on_example for p in found))
        colour, symbol = _style(i)
        figure.add_trace(go.Scatterpolar(
            r=r + r[:1], theta=theta + theta[:1], name=starred(chart_text(names.get(locality, locality)),
                                                               EXAMPLE if marked[-1] else NOTHING),
            mode="lines+markers",
            line={"color": colour, "width": 3}, marker={"size": 10, "symbol": symbol, "color": colour},
            customdata=coverage + coverage[:1], connectgaps=False,
            hovertemplate="%{theta}: %{r:.0f} (" + text("col_coverage", language).lower()
            + " %{customdata})<extra>%{fullData.name}</extra>",
        ))
    figure.update_layout(polar={"radialaxis": {"range": [0, 100], "tickfont": {"size": 13}},
                                "angularaxis": {"tickfont": {"size": 17}}})
    ranking = ranking_provenance(EXAMPLE if flag else REAL for flag in marked)
    return _layout(figure, _marked_title(text("radar_title", language, year=table.year), ranking, language),
                   text("source_line", language, source=text("score_source", language)), height=480)


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
    """One bar per locality with the municipality (and Sweden) as reference lines where comparable."""
    indicator = column.indicator
    values = column.per_1000 if per_1000 else column.values
    labels = [chart_text(names.get(loc, loc)) for loc in selected]
    shown = [values.get(loc) for loc in selected]
    figure = go.Figure(go.Bar(
        x=labels, y=shown, marker={"color": [COLOURS[0] if loc not in column.examples else "#8fb8d8"
                                             for loc in selected]},
        text=[starred(number(_round(v), language), figure_provenance(column, loc)) if v is not None
              else text("missing", language) for loc, v in zip(selected, shown)],
        textposition="outside", name=chart_text(indicator_name(indicator, language)),
    ))
    if column.municipality is not None and (per_1000 or not indicator.per_1000):
        _reference_line(figure, column.municipality, text("reference_municipality", language), language)
    if sweden is not None and sweden.value is not None and not indicator.per_1000 and not per_1000:
        _reference_line(figure, sweden.value, text("reference_sweden", language), language, dash="dot")
    unit = text("col_per_1000", language) if per_1000 else chart_text(unit_heading(indicator, language))
    figure.update_layout(yaxis={"title": unit, "rangemode": "tozero"}, showlegend=False)
    title_key = N_("bars_per_1000_title") if per_1000 else N_("bars_title")
    caption = _caption(indicator, column, language)
    title = chart_message(title_key, language, indicator=indicator_name(indicator, language), year=column.year)
    ranking = ranking_provenance(figure_provenance(column, loc) for loc in selected)
    return _layout(figure, _marked_title(title, ranking, language), caption)


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
    figure.update_layout(xaxis={"title": text("year_axis", language), "dtick": 1},
                         yaxis={"title": chart_text(unit_heading(indicator, language)), "rangemode": "tozero"})
    sources = sorted({source_of(o, language) for o in observations if o.place_id in places and o.value is not None})
    caption = chart_message("source_line", language, source="; ".join(sources) or indicator.source)
    title = chart_message(N_("series_title"), language, indicator=indicator_name(indicator, language))
    return _layout(figure, _marked_title(title, ranking_provenance(series_marks), language), caption)


def _reference_line(figure: go.Figure, value: float, label: str, language: str, dash: str = "dash") -> None:
    figure.add_hline(y=value, line={"color": REFERENCE_COLOUR, "width": 2, "dash": dash},
                     annotation_text=f"{label} {number(_round(value), language)}",
                     annotation_position="top right", annotation_font={"size": 15})


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
