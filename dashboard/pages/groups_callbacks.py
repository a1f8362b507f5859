"""Groups page callbacks: thin wrappers that read inputs, call ``dashboard.views.groups``, return its result.

What the page shows and how its forms are read and saved lives in ``dashboard.views.groups`` and
``dashboard.views.forms``; this module only wires those functions to an app.
"""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.components.point_picker import SHOW_TYPED_POINT, picker_html
from dashboard.data import DashboardData
from dashboard.views.forms import outcome_message
from dashboard.views.groups import (
    ACTIVITIES_LIST,
    ACTIVITY_FORM,
    INITIATIVE_FORM,
    INITIATIVES_LIST,
    RecordForm,
    activity_page,
    export_workbook,
    handle_record_form,
    import_upload,
    initiative_page,
    render_groups,
    submit_composition,
    sync_groups,
)
from indicators.accounts.gate import PermissionDenied
from indicators.groupwork import service
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.texts import N_


def register_groups_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.GROUPS_URL, "search"), Output(ids.GW_LOCALITY, "value"), Output(ids.GW_PERIOD, "value"),
        Input(ids.GROUPS_URL, "search"), Input(ids.GW_LOCALITY, "value"), Input(ids.GW_PERIOD, "value"),
    )
    def _sync(search, locality, period):
        return sync_groups(data, ctx.triggered_id, search, locality, period)

    @app.callback(
        Output(ids.GW_OVERVIEW, "children"), Output(ids.GW_DETAIL, "children"), Output(ids.GW_FORMS, "style"),
        Output(ids.COMP_FORM_BODY, "children"), Output(ids.COMP_VERSION, "data"),
        Input(ids.GW_LOCALITY, "value"), Input(ids.GW_PERIOD, "value"), Input(ids.GW_REFRESH, "data"),
    )
    def _render(locality, period, _refresh):
        return render_groups(data, locality, period)

    @app.callback(
        Output(ids.GW_ACTIVITY_LIST, "children"),
        Input({"type": ids.GW_PAGE, "list": ACTIVITIES_LIST, "offset": ALL}, "n_clicks"),
        State(ids.GW_LOCALITY, "value"), State(ids.GW_PERIOD, "value"),
        prevent_initial_call=True,
    )
    def _activity_page(_clicks, locality, period):
        if not isinstance(ctx.triggered_id, dict) or not ctx.triggered[0]["value"]:
            return no_update  # new pager buttons appeared; none was clicked
        return activity_page(data, locality, period, ctx.triggered_id["offset"])

    @app.callback(
        Output(ids.GW_INITIATIVE_LIST, "children"),
        Input({"type": ids.GW_PAGE, "list": INITIATIVES_LIST, "offset": ALL}, "n_clicks"),
        State(ids.GW_LOCALITY, "value"),
        prevent_initial_call=True,
    )
    def _initiative_page(_clicks, locality):
        if not isinstance(ctx.triggered_id, dict) or not ctx.triggered[0]["value"]:
            return no_update
        return initiative_page(data, locality, ctx.triggered_id["offset"])

    for form in (ACTIVITY_FORM, INITIATIVE_FORM):
        _register_record_form(app, data, form)

    @app.callback(Output(ids.INI_PICKER, "srcDoc"), Input(ids.GW_LOCALITY, "value"))
    def _picker(locality):
        return picker_html(data.layers(), locality)

    app.clientside_callback(SHOW_TYPED_POINT, Output(ids.INI_PICKER_SHOWN, "data"),
                            Input(ids.INI_LAT, "value"), Input(ids.INI_LON, "value"), prevent_initial_call=True)

    @app.callback(
        Output(ids.GW_ACTION_MESSAGE, "children"), Output(ids.GW_REFRESH, "data", allow_duplicate=True),
        Input({"type": ids.DELETE_ACTIVITY, "id": ALL, "version": ALL}, "n_clicks"),
        Input({"type": ids.DELETE_INITIATIVE, "id": ALL, "version": ALL}, "n_clicks"),
        State(ids.GW_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _delete(_activities, _initiatives, refresh):
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not ctx.triggered[0]["value"]:
            return no_update, no_update
        remove = service.delete_activity if trigger["type"] == ids.DELETE_ACTIVITY else service.delete_initiative
        try:
            remove(data.gw, data.current_user(), trigger["id"], trigger["version"])
        except (PermissionDenied, StaleWriteError, NotFoundError) as error:
            return outcome_message(error), no_update
        return outcome_message(None, ok_key=N_("deleted")), (refresh or 0) + 1

    @app.callback(Output(ids.GW_DOWNLOAD, "data"), Input(ids.GW_EXPORT, "n_clicks"), State(ids.GW_LOCALITY, "value"),
                  prevent_initial_call=True)
    def _export(_clicks, locality):
        return export_workbook(data, locality)

    @app.callback(
        Output(ids.GW_UPLOAD_RESULT, "children"), Output(ids.GW_REFRESH, "data", allow_duplicate=True),
        Input(ids.GW_UPLOAD, "contents"), State(ids.GW_UPLOAD, "filename"), State(ids.GW_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _upload(contents, filename, refresh):
        message, changed = import_upload(data, contents, filename)
        return message, (refresh or 0) + 1 if changed else no_update

    @app.callback(
        Output(ids.COMP_MESSAGE, "children"), Output(ids.GW_REFRESH, "data", allow_duplicate=True),
        Input(ids.COMP_SAVE, "n_clicks"),
        State(ids.GW_LOCALITY, "value"), State({"type": ids.COMP_COUNT, "rep": ALL, "age": ALL}, "value"),
        State({"type": ids.COMP_COUNT, "rep": ALL, "age": ALL}, "id"), State(ids.COMP_VERSION, "data"),
        State(ids.GW_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _composition(_save, locality, values, component_ids, version, refresh):
        counts = {(cid["rep"], cid["age"]): value for cid, value in zip(component_ids, values)}
        saved, message = submit_composition(data, locality, counts, version)
        return message, (refresh or 0) + 1 if saved is not None else no_update




def _register_record_form(app: Dash, data: DashboardData, form: RecordForm) -> None:
    @app.callback(
        *[Output(component, "value", allow_duplicate=True) for _, component in form.fields],
        Output(form.editing_store, "data"), Output(form.title_id, "children"), Output(form.message_id, "children"),
        Output(ids.GW_REFRESH, "data", allow_duplicate=True),
        Input(form.save_button, "n_clicks"), Input(form.cancel_button, "n_clicks"),
        Input({"type": form.edit_button_type, "id": ALL}, "n_clicks"),
        State(ids.GW_LOCALITY, "value"), *[State(component, "value") for _, component in form.fields],
        State(form.editing_store, "data"), State(ids.GW_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _form(_save, _cancel, _edits, locality, *rest):
        *field_values, editing, refresh = rest
        return handle_record_form(data, form, ctx.triggered_id, ctx.triggered[0]["value"], locality, field_values,
                                  editing, refresh).outputs()
