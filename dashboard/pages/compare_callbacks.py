"""Compare page callbacks: the URL holds the view, one callback draws it, one exports it.

Each callback reads its inputs and returns what ``dashboard.views.compare`` computes
(``sync_compare``, ``compare_content``, ``export_comparison``). All state (localities, year, area,
indicator, weights) is in the URL, so a link reproduces the view.
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.views.compare import compare_content, export_comparison, sync_compare


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

