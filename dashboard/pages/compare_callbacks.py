"""Compare page callbacks: the URL holds the view, one callback draws it, one exports it.

What the view holds is computed in ``dashboard.views.compare``; ``compare_content`` only lays it
out with the page's ranking table. All state (localities, year, area, indicator, weights) is in
the URL, so a link reproduces the view.
"""

from __future__ import annotations

from typing import NamedTuple

import plotly.graph_objects as go
from dash import ALL, Dash, Input, Output, State, ctx, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.pages.compare import ranking_table
from dashboard.views.compare import (
    compare_view,
    empty_figure,
    export_comparison,
    notice,
    sync_compare,
)
from dashboard.views.url_state import COMPARE_CHARTS


class CompareContent(NamedTuple):
    """What ``compare_content`` draws, in the order of the callback's outputs."""

    message: html.P | None
    example: html.P | None
    radar: go.Figure
    index: go.Figure
    bars: go.Figure
    series: go.Figure
    table: html.Div | None


def compare_content(data: DashboardData, search: str | None, language: str | None = None) -> CompareContent:
    """The message, example notice, four charts and ranking table for the view in the URL."""
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


def register_compare_callbacks(app: Dash, data: DashboardData) -> None:
    weight_inputs = {"type": ids.WEIGHT, "area": ALL}

    @app.callback(
        Output(ids.COMPARE_URL, "search"),
        Output(ids.CMP_LOCALITIES, "value"),
        Output(ids.CMP_YEAR, "value"),
        Output(ids.CMP_AREA, "value"),
        Output(ids.CMP_INDICATOR, "value"),
        Output(ids.CMP_INDICATOR, "options"),
        Output(weight_inputs, "value"),
        Output(ids.WEIGHTS_MESSAGE, "children"),
        Input(ids.COMPARE_URL, "search"),
        Input(ids.CMP_LOCALITIES, "value"),
        Input(ids.CMP_YEAR, "value"),
        Input(ids.CMP_AREA, "value"),
        Input(ids.CMP_INDICATOR, "value"),
        Input(ids.WEIGHTS_APPLY, "n_clicks"),
        Input(ids.WEIGHTS_RESET, "n_clicks"),
        State(weight_inputs, "value"),
    )
    def _sync(search, localities, year, area, indicator, _apply, _reset, weights):
        return sync_compare(data, ctx.triggered_id, search, localities, year, area, indicator, weights)

    @app.callback(
        Output(ids.CMP_MESSAGE, "children"),
        Output(ids.CMP_EXAMPLE, "children"),
        Output(ids.CMP_RADAR, "figure"),
        Output(ids.CMP_INDEX, "figure"),
        Output(ids.CMP_BARS, "figure"),
        Output(ids.CMP_SERIES, "figure"),
        Output(ids.CMP_TABLE, "children"),
        Input(ids.COMPARE_URL, "search"),
    )
    def _content(search):
        return compare_content(data, search)

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.EXPORT_CSV, "n_clicks"),
        Input(ids.EXPORT_XLSX, "n_clicks"),
        State(ids.COMPARE_URL, "search"),
        prevent_initial_call=True,
    )
    def _export(_csv, _xlsx, search):
        return export_comparison(data, search, "xlsx" if ctx.triggered_id == ids.EXPORT_XLSX else "csv")

