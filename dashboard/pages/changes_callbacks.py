"""The change view's callbacks: the report for the chosen dates, and its HTML and PDF downloads."""

from __future__ import annotations

from datetime import date

from dash import Dash, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.data import DashboardData
from dashboard.exports.changes_report import changes_report_html, changes_report_pdf
from dashboard.exports.pdf import PdfError
from dashboard.pages.changes import (
    CHANGES_BODY,
    CHANGES_DOWNLOAD,
    CHANGES_END,
    CHANGES_HTML,
    CHANGES_PDF,
    CHANGES_PRESENT,
    CHANGES_START,
    changes_body,
)
from dashboard.views.meeting_slides import presentation_href
from dashboard.views.plans import change_view, problem_lines
from indicators.core.errors import InputError
from indicators.plans.rules import period_problems


def _period(start: str | None, end: str | None) -> tuple[date, date]:
    """The two dates, or InputError with a message per field (a period must run forwards)."""
    parsed = []
    for value in (start, end):
        try:
            parsed.append(date.fromisoformat(value[:10]) if value else None)
        except ValueError:
            parsed.append(value)
    problems = period_problems(*parsed)
    if problems:
        raise InputError(problems)
    return parsed[0], parsed[1]  # type: ignore[return-value]


def register_changes_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(Output(CHANGES_BODY, "children"), Input(CHANGES_START, "date"), Input(CHANGES_END, "date"))
    def _report(start, end):
        try:
            first, last = _period(start, end)
        except InputError as error:
            return html.Ul([html.Li(line) for line in problem_lines(error)], className="notice notice-error")
        return changes_body(change_view(data, first, last))

    @app.callback(Output(CHANGES_PRESENT, "href"), Input(CHANGES_START, "date"), Input(CHANGES_END, "date"),
                  prevent_initial_call=True)
    def _present(start, end):
        try:
            first, last = _period(start, end)
        except InputError:
            raise PreventUpdate from None  # the report says what is wrong; the link keeps the last good period
        return presentation_href(first, last)

    @app.callback(Output(CHANGES_DOWNLOAD, "data"), Input(CHANGES_HTML, "n_clicks"), Input(CHANGES_PDF, "n_clicks"),
                  State(CHANGES_START, "date"), State(CHANGES_END, "date"), prevent_initial_call=True)
    def _download(_html, _pdf, start, end):
        try:
            first, last = _period(start, end)
        except InputError:
            raise PreventUpdate from None
        name = f"sedan-motet-{first.isoformat()}-{last.isoformat()}"
        if ctx.triggered_id == CHANGES_PDF:
            try:
                return dcc.send_bytes(changes_report_pdf(data, first, last), name + ".pdf")
            except PdfError:
                raise PreventUpdate from None
        return dcc.send_string(changes_report_html(data, first, last), name + ".html")
