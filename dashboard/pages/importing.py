"""The import page: staff upload a file and see what was stored, or every problem in it."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from dash import Dash, Input, Output, State, html

from dashboard import ids
from dashboard.components.help_link import help_note
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.uploads import decode_upload, limited_upload, shown_name
from dashboard.views.formatting import moment
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError, Problem
from indicators.i18n.texts import N_
from indicators.observations.service import import_indicator_file


def import_page(data: DashboardData, language: str | None = None) -> html.Div:
    upload = (
        limited_upload(ids.UPLOAD, text("import_drop", language), language)
        if can(data.current_user(), Action.IMPORT_INDICATORS)
        else html.P(text("import_disabled", language), className="notice notice-info")
    )
    return html.Div(
        [
            html.H2(text("import_title", language)),
            html.P(text("import_intro", language)),
            upload,
            html.Div(id=ids.UPLOAD_RESULT, className="upload-result", **{"aria-live": "polite"}),
            help_note(text("import_docs", language), "import-siffror", language),
            html.H3(text("import_log_heading", language)),
            html.Div(import_log_table(data, language), id=ids.IMPORT_LOG),
        ],
        className="import-page narrow-page",
    )


def handle_upload(data: DashboardData, contents: str | None, filename: str | None,
                  language: str | None = None) -> tuple:
    """Decode the upload, import it as the signed-in user through the one import path, report the outcome.

    Whether they may is the import service's question (``import_indicator_file``),
    asked before the file is read; the page only hides the form from others.

    The file goes to a temporary path because the importers read files (the
    CLI's way); the user sees it under its own name.
    """
    language = language or current_language()
    if not contents:
        return html.Div(), import_log_table(data, language)
    user = data.current_user()
    shown = shown_name(filename)
    try:
        name, payload = decode_upload(contents, filename or "")
    except InputError as error:
        return _failure(shown, error.problems, language), import_log_table(data, language)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(payload)
        try:
            report = import_indicator_file(data.store, user, path, display_name=name)
        except PermissionDenied as error:  # the service checks: the page's hidden form is no lock
            return _failure(name, [Problem(name, error.message)], language), import_log_table(data, language)
        except InputError as error:
            return _failure(name, error.problems, language), import_log_table(data, language)
    result = report.result
    message = text("import_ok", language, file=name, added=result.added, changed=result.changed,
                   unchanged=result.unchanged)
    return html.P(message, className="notice notice-ok", role="status"), import_log_table(data, language)


def _failure(name: str, problems: Sequence[Problem], language: str) -> html.Div:
    return html.Div(
        [html.P(text("import_failed", language, file=name)), html.Ul([html.Li(p.render(language)) for p in problems])],
        className="notice notice-error",
        role="alert",
    )


def import_log_table(data: DashboardData, language: str | None = None) -> html.Table:
    entries = data.store.import_log(limit=20)
    header = html.Tr([html.Th(text(k, language)) for k in
                      (N_("col_when"), N_("col_who"), N_("col_file"), N_("col_format"), N_("col_rows"), N_("col_added"), N_("col_changed"))])
    rows = [
        html.Tr(
            [
                html.Td(moment(entry.at, language)),
                html.Td(entry.user),
                html.Td(entry.file),
                html.Td(entry.format),
                html.Td(str(entry.rows), className="num"),
                html.Td(str(entry.added), className="num"),
                html.Td(str(entry.changed), className="num"),
            ]
        )
        for entry in entries
    ]
    return html.Table([html.Thead(header), html.Tbody(rows)], className="data-table")


def register_import_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.IMPORT_LOG, "children"),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def _upload(contents, filename):
        return handle_upload(data, contents, filename)
