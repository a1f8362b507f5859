"""The "Underlag" page's one callback: the Excel download, refused on the server for anyone but staff."""

from __future__ import annotations

from dash import Dash, Input, Output, dcc
from dash.exceptions import PreventUpdate

from dashboard.data import DashboardData
from dashboard.pages.readiness import READINESS_DOWNLOAD, READINESS_DOWNLOAD_BUTTON
from dashboard.server.language import current_language
from dashboard.views.readiness import READINESS_FILE, readiness_view, readiness_workbook
from indicators.accounts.gate import PermissionDenied


def register_readiness_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(Output(READINESS_DOWNLOAD, "data"), Input(READINESS_DOWNLOAD_BUTTON, "n_clicks"),
                  prevent_initial_call=True)
    def _download(clicks):
        if not clicks:
            raise PreventUpdate
        language = current_language()
        try:
            view = readiness_view(data, data.current_user(), language)
        except PermissionDenied:
            raise PreventUpdate from None  # a request that skipped the page gets nothing
        return dcc.send_bytes(readiness_workbook(view, language), READINESS_FILE)
