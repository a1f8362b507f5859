"""What the compare page shows for the state in its link: the URL/controls sync, the four charts
and the rows (``compare_view``), all of it laid out for the page's outputs (``compare_content``),
and the comparison as a CSV/Excel download.

Pure functions of (data, inputs): the page's callbacks, ``python -m dashboard export chart`` and
the benchmarks all draw from here, so an exported chart is the chart on screen for the same link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import plotly.graph_objects as go
from dash import NoUpdate, dcc, html, no_update

from dashboard import ids
from dashboard.components.compare_figures import (
    index_figure,
    indicator_bars,
    area_figure,
    series_figure,
)
from dashboard.components.ranking_table import ranking_table
from dashboard.data import DashboardData
from dashboard.i18n.messages import indicator_name, text
from dashboard.server.language import current_language
from dashboard.views.map import weights_note
from dashboard.views.panel_cache import cached_view
from dashboard.views.priorities import PriorityTable, priority_table
from dashboard.views.url_state import (
    COMPARE_CHARTS,
    EQUAL_WEIGHTS,
    LATEST,
    MAX_COMPARED,
    CompareState,
    compare_query,
    parse_compare_query,
)
from indicators.core.model import MUNICIPALITY_ID, SWEDEN_ID, Indicator
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.i18n.texts import render
from indicators.metrics.comparison import ComparisonRow, comparison_rows
from indicators.metrics.latest import latest
from indicators.metrics.open_data import comparison_frame, to_csv_bytes, to_xlsx_bytes
from indicators.metrics.scores import validate_weights
from indicators.plans.priorities import read_in_force


def compare_years(data: DashboardData) -> list[int]:
    """Years that have scores, newest first: the ones a comparison can be made for."""
    return sorted(data.score_years(), reverse=True)


def default_state(data: DashboardData) -> CompareState:
    """All localities, the newest year with scores, the first area and its first indicator."""
    years = compare_years(data)
    area = DEVELOPMENT_AREAS[0].id
    return CompareState(
        localities=tuple(loc.id for loc in data.localities())[:MAX_COMPARED],
        year=str(years[0]) if years else LATEST,
        area=area,
        indicator=_first_indicator(data, area),
    )


def _area_indicators(data: DashboardData, area: str) -> list:
    return [i for i in data.map_indicators() if i.area_id == area]


def _first_indicator(data: DashboardData, area: str) -> str:
    choices = _area_indicators(data, area)
    scored = [i for i in choices if i.direction.value != "neutral"]
    return (scored or choices)[0].id if choices else ""


def read_state(data: DashboardData, search: str | None) -> CompareState:
    state = parse_compare_query(
        search,
        localities={loc.id for loc in data.localities()},
        areas={a.id for a in DEVELOPMENT_AREAS},
        indicators={i.id for i in data.map_indicators()},
        default=default_state(data),
    )
    if state.indicator not in {i.id for i in _area_indicators(data, state.area)}:
        state = CompareState(state.localities, state.year, state.area, _first_indicator(data, state.area),
                             state.weights)
    return state


class CompareSync(NamedTuple):
    """What ``sync_compare`` sets, named so tests read ``result.search``, not ``result[0]``.

    The field order is the order of the callback's outputs; ``no_update`` marks
    a value that is already right.
    """

    search: str | NoUpdate
    localities: list[str] | NoUpdate
    year: str | NoUpdate
    area: str | NoUpdate
    indicator: str | NoUpdate
    indicator_options: list[dict[str, str]] | NoUpdate
    weights: list[float] | NoUpdate
    weights_message: html.Div | str | NoUpdate


def sync_compare(
    data: DashboardData,
    triggered: str | dict | None,
    search: str | None,
    localities: Sequence[str] | None,
    year: str | None,
    area: str | None,
    indicator: str | None,
    weight_values: Sequence[float | None],
    language: str | None = None,
) -> CompareSync:
    """URL → controls on load; controls → URL afterwards.

    Returns the search, localities, year, area, indicator, indicator options,
    weight inputs and weights message (see ``CompareSync``). Weights reach the URL only through the
    apply button and only when ``validate_weights`` accepts them; the reset
    button puts equal weights back.
    """
    current = read_state(data, search)
    message = no_update
    if triggered in (None, ids.COMPARE_URL):
        state = current
    elif triggered == ids.WEIGHTS_RESET:
        state = CompareState(current.localities, current.year, current.area, current.indicator, dict(EQUAL_WEIGHTS))
        message = ""
    elif triggered == ids.WEIGHTS_APPLY:
        weights = {area.id: value for area, value in zip(DEVELOPMENT_AREAS, weight_values)}
        problems = validate_weights({k: _number_or_text(v) for k, v in weights.items()})
        if problems:
            return CompareSync(*(no_update,) * 7, weights_message=_weights_problems(problems, language))
        state = CompareState(current.localities, current.year, current.area, current.indicator,
                             {k: float(v) for k, v in weights.items()})
        message = ""
    else:
        new_area = area if area in {a.id for a in DEVELOPMENT_AREAS} else current.area
        new_indicator = indicator if triggered != ids.CMP_AREA else _first_indicator(data, new_area)
        state = CompareState(
            localities=tuple(dict.fromkeys(localities or ()))[:MAX_COMPARED],
            year=year or current.year,
            area=new_area,
            indicator=new_indicator or _first_indicator(data, new_area),
            weights=current.weights,
        )
        state = read_state(data, compare_query(state))  # one place decides what is valid
    query = compare_query(state)
    options = [{"label": indicator_name(i), "value": i.id} for i in _area_indicators(data, state.area)]
    return CompareSync(
        search=query if query != (search or "") else no_update,
        localities=list(state.localities) if list(state.localities) != list(localities or []) else no_update,
        year=state.year if state.year != year else no_update,
        area=state.area if state.area != area else no_update,
        indicator=state.indicator if state.indicator != indicator else no_update,
        indicator_options=options,
        weights=[state.weights.get(a.id, 1.0) for a in DEVELOPMENT_AREAS],
        weights_message=message,
    )


def _number_or_text(value):
    if value is None or value == "":
        return "tomt"
    return value


def _weights_problems(problems: Sequence[str], language: str | None) -> html.Div:
    language = language or current_language()
    return html.Div([html.P(text("weights_invalid", language)), html.Ul([html.Li(render(p, language)) for p in problems])],
                    className="notice notice-error")


@dataclass(frozen=True)
class CompareView:
    """What the compare view shows for the state in a link: the four charts, the rows, the notes."""

    state: CompareState
    charts: dict[str, go.Figure]
    rows: list[ComparisonRow]
    indicators: dict[str, Indicator]
    names: dict[str, str]
    example: bool


def compare_view(data: DashboardData, search: str | None, language: str | None = None) -> CompareView | str:
    """The compare view for the link's query, or the message saying why there is none.

    The page and ``python -m dashboard export chart`` both draw from here, so an
    exported chart is the chart on screen for the same link.
    """
    state = read_state(data, search)
    if len(state.localities) < 2:
        return text("compare_too_few", language)
    if state.year == LATEST:
        return text("compare_no_year", language)
    year = int(state.year)
    years = compare_years(data)
    if year not in years:
        return text("compare_year_without_data", language, year=year, years=", ".join(map(str, years)) or "–")
    table = data.score_table(year, state.weights)
    names = data.names()
    selected = list(state.localities)
    indicators = {i.id: i for i in data.map_indicators()}
    rows = comparison_rows(table, selected, list(indicators.values()), language=language or current_language())

    column = table.indicators.get(state.indicator)
    observations = data.observations(state.indicator, [*selected, MUNICIPALITY_ID, SWEDEN_ID])
    sweden = latest([o for o in observations if o.place_id == SWEDEN_ID], year)
    empty = empty_figure()
    if column is None:
        bars = empty
    elif column.indicator.per_1000:
        bars = indicator_bars(column, selected, names, sweden, per_1000=True, language=language)
    else:
        bars = indicator_bars(column, selected, names, sweden, language=language)
    series = series_figure(indicators[state.indicator], observations, selected, names, language) \
        if state.indicator in indicators else empty
    charts = {
        "radar": area_figure(table, selected, names, language),
        "index": index_figure(table, selected, names, weights_note(state.weights, language), language),
        "bars": bars,
        "series": series,
    }
    return CompareView(state, charts, rows, indicators, names, any(r.example for r in rows))


class CompareContent(NamedTuple):
    """What ``compare_content`` draws, in the order of the page callback's outputs."""

    message: html.P | None
    example: html.P | None
    radar: go.Figure
    index: go.Figure
    bars: go.Figure
    series: go.Figure
    table: html.Div | None


def compare_content(data: DashboardData, search: str | None, language: str | None = None) -> CompareContent:
    """The message, example notice, four charts and ranking table for the view in the URL.

    Made once per data version for each link and language (``views.panel_cache``, as the map's
    panels): building plotly's figures, the small multiples above all, was ~280 ms of every answer
    for the same ten localities. What it returns is shared: never change it.
    """
    language = language or current_language()
    return cached_view(data, ("compare", search or "", language), lambda: _compare_content(data, search, language))


def _compare_content(data: DashboardData, search: str | None, language: str) -> CompareContent:
    view = compare_view(data, search, language)
    if isinstance(view, str):
        empty = empty_figure()
        return CompareContent(message=notice(view), example=None, radar=empty, index=empty, bars=empty,
                              series=empty, table=None)
    state = view.state
    return CompareContent(
        message=None,
        example=notice(text("example_note", language), "notice-example") if view.example else None,
        **{name: view.charts[name] for name in COMPARE_CHARTS},
        table=ranking_table(view.rows, list(state.localities), view.names, view.indicators, state.area,
                            int(state.year), language),
    )


def export_comparison(data: DashboardData, search: str | None, fmt: str, language: str | None = None) -> dict | None:
    """The comparison in the URL as a CSV or Excel download (columns in indicators.metrics.open_data).

    Column names are a documented format and never change; the names, units and
    the Excel file's column descriptions follow the page's language.
    """
    language = language or current_language()
    state = read_state(data, search)
    if len(state.localities) < 1 or state.year == LATEST:
        return None
    year = int(state.year)
    table = data.score_table(year, state.weights)
    indicators = {i.id: i for i in data.map_indicators()}
    frame = comparison_frame(comparison_rows(table, list(state.localities), list(indicators.values()),
                                             language=language),
                             data.names(), indicators, language)
    stem = f"jamforelse-{year}-{len(state.localities)}-orter"
    if fmt == "xlsx":
        return dcc.send_bytes(to_xlsx_bytes(frame, language), f"{stem}.xlsx")
    return dcc.send_bytes(to_csv_bytes(frame), f"{stem}.csv")


def notice(message: str, kind: str = "notice-info") -> html.P:
    return html.P(message, className=f"notice {kind}")


def empty_figure() -> go.Figure:
    figure = go.Figure()
    figure.update_layout(height=120, xaxis={"visible": False}, yaxis={"visible": False}, plot_bgcolor="#fff",
                         margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return figure


def priorities_side_by_side(data: DashboardData, today: date | None = None) -> PriorityTable:
    """Every locality's priority per SLUS area in force this year (issue 15), in the store's order.

    Independent of the compare controls: a plan's priorities are not indicator figures and have no
    score year; this year's are what the network discusses.
    """
    year = (today or date.today()).year
    return priority_table(year, read_in_force(data.store, year), data.names())
