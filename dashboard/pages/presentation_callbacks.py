"""Presentation page callbacks: the URL (``?id=``, ``?bild=``) holds which slide is shown.

Moving between slides is not here: ``assets/presentation.js`` writes ``?bild=`` on each key
press or button click without a round trip, so no press is lost; a new presentation chosen in
the dropdown starts at its first slide (``_navigate``).

Thin by design: each callback reads its inputs and returns what ``dashboard.views.presentation``
computes. The only logic here is Dash's own: which button fired (``ctx``), and ignoring the
editor's buttons being redrawn (a pattern-matching input firing with no click).
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.views.presentation import (
    edit_draft,
    export_file,
    load_draft,
    navigate,
    presentation_choices,
    save_presentation,
    show_slide,
    slide_items,
    slides_for,
)

_FULLSCREEN_JS = """
function (clicks) {
    var screen = document.getElementById("%s");
    if (clicks && screen && document.fullscreenEnabled) {
        if (document.fullscreenElement) {
            document.exitFullscreen().catch(function () {});
        } else {
            screen.requestFullscreen().catch(function () {});
        }
    }
    return window.dash_clientside.no_update;
}
""" % ids.PRES_SCREEN


def register_presentation_callbacks(app: Dash, data: DashboardData) -> None:
    """Wire the page: each callback reads its inputs and returns what the view computes."""

    @app.callback(
        Output(ids.PRES_URL, "search"),
        Input(ids.PRES_CHOICE, "value"),
        State(ids.PRES_URL, "search"),
        prevent_initial_call=True,
    )
    def _navigate(choice, search):
        # Previous/next (buttons and keys) are assets/presentation.js's: it writes ?bild= itself, at once.
        slides, _, _ = slides_for(data, choice)
        new = navigate(search, choice, ctx.triggered_id, len(slides))
        return new if new != (search or "") else no_update

    @app.callback(
        Output(ids.PRES_STAGE, "children"), Output(ids.PRES_COUNTER, "children"), Output(ids.PRES_NOTICE, "children"),
        Output(ids.PRES_CHOICE, "value"),
        Input(ids.PRES_URL, "search"), State(ids.PRES_CHOICE, "value"),
    )
    def _show(search, choice):
        return show_slide(data, search, choice)

    @app.callback(
        Output(ids.PRES_DOWNLOAD, "data"),
        Input(ids.PRES_EXPORT_MAP, "n_clicks"), Input(ids.PRES_EXPORT_REPORT, "n_clicks"),
        State(ids.PRES_URL, "search"), State(ids.PRES_CHOICE, "value"),
        prevent_initial_call=True,
    )
    def _export(_map, _report, search, choice):
        return export_file(data, search, choice, "map" if ctx.triggered_id == ids.PRES_EXPORT_MAP else "report")

    app.clientside_callback(_FULLSCREEN_JS, Output(ids.PRES_FULLSCREEN_DONE, "data"),
                            Input(ids.PRES_FULLSCREEN, "n_clicks"), prevent_initial_call=True)

    @app.callback(
        Output(ids.PRES_DRAFT, "data"), Output(ids.PRES_NAME, "value"),
        Input(ids.PRES_CHOICE, "value"),
    )
    def _load_draft(choice):
        return load_draft(data, choice)

    @app.callback(
        Output(ids.PRES_DRAFT, "data", allow_duplicate=True),
        Input({"type": ids.PRES_MOVE, "index": ALL, "delta": ALL}, "n_clicks"), Input(ids.PRES_ADD, "n_clicks"),
        State(ids.PRES_DRAFT, "data"), State(ids.PRES_ADD_CHOICE, "value"),
        prevent_initial_call=True,
    )
    def _edit(_moves, _add, draft, add_choice):
        if isinstance(ctx.triggered_id, dict) and not ctx.triggered[0]["value"]:
            return no_update
        return edit_draft(draft or [], ctx.triggered_id, add_choice)

    @app.callback(Output(ids.PRES_SLIDE_LIST, "children"), Input(ids.PRES_DRAFT, "data"))
    def _list(draft):
        return slide_items(data, draft or [])

    @app.callback(
        Output(ids.PRES_MESSAGE, "children"), Output(ids.PRES_CHOICE, "options"),
        Output(ids.PRES_CHOICE, "value", allow_duplicate=True),
        Input(ids.PRES_SAVE, "n_clicks"), State(ids.PRES_CHOICE, "value"), State(ids.PRES_NAME, "value"),
        State(ids.PRES_DRAFT, "data"),
        prevent_initial_call=True,
    )
    def _save(_clicks, choice, name, draft):
        message, saved = save_presentation(data, choice, name, draft or [])
        if saved is None:
            return message, no_update, no_update
        return message, presentation_choices(data), str(saved.id)
