"""Groups page callbacks. Every write goes through ``indicators.groupwork.service``, which
checks the signed-in user's rights for the record's locality (and the stored record's) on the
server, validates, and stores with a version check; these functions only translate between
form values and records and show the outcome."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from dash import ALL, Dash, Input, NoUpdate, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components.groups_view import (
    activity_list,
    composition_table,
    initiative_list,
    overview_table,
    status_label,
    timeline_figure,
)
from dashboard.components.widgets import GRAPH_CONFIG, chart
from dashboard.data import DashboardData
from dashboard.i18n.messages import label_of, message, text
from dashboard.pages.groups import PERIOD_12_MONTHS
from dashboard.server.language import current_language
from dashboard.server.uploads import decode_upload
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError, Problem
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.groupwork import files as groupwork_io
from indicators.groupwork import service
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
)
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.texts import render

FORM = "formuläret"


def period_bounds(period: str | None, today: date | None = None) -> tuple[date, date, str]:
    """(since, until, label) for "last 12 months" or a calendar year."""
    today = today or date.today()
    if period and period.isdigit() and len(period) == 4:
        year = int(period)
        return date(year, 1, 1), date(year, 12, 31), period
    return today - timedelta(days=365), today, text("period_12").lower()


class GroupsSync(NamedTuple):
    """What ``sync_groups`` sets, in the order of the callback's outputs; ``no_update`` where nothing changes."""

    search: str | NoUpdate
    locality: str | None | NoUpdate
    period: str | NoUpdate


class GroupsView(NamedTuple):
    """What ``render_groups`` draws, in the order of the callback's outputs.

    ``composition_form`` and ``composition_version`` are None unless the
    signed-in user may edit the locality's records.
    """

    overview: html.Div
    detail: html.Div | None
    forms_style: dict[str, str]
    composition_form: html.Div | None
    composition_version: int | None


class RecordFormUpdate(NamedTuple):
    """What ``handle_record_form`` sets: one value per form field, then the editing store, title, message, refresh.

    The number of fields differs between forms, so ``outputs`` flattens it
    into the callback's outputs.
    """

    field_values: tuple[Any, ...]
    editing: dict | None | NoUpdate
    title: str | NoUpdate
    message: html.Div | None | NoUpdate
    refresh: int | NoUpdate

    def outputs(self) -> tuple:
        """The values in the order of the callback's outputs."""
        return (*self.field_values, self.editing, self.title, self.message, self.refresh)


def sync_groups(data: DashboardData, triggered, search: str | None, locality: str | None,
                period: str | None) -> GroupsSync:
    from urllib.parse import parse_qs, urlencode

    params = {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items() if v}
    locality_ids = {loc.id for loc in data.localities()}
    if triggered in (None, ids.GROUPS_URL):
        new_locality = params.get("ort") if params.get("ort") in locality_ids else None
        if new_locality is None:
            user = data.current_user()
            new_locality = user.locality_id if user is not None and user.locality_id in locality_ids else None
        raw = params.get("period") or ""
        new_period = raw if raw.isdigit() and len(raw) == 4 else PERIOD_12_MONTHS
    else:
        new_locality = locality if locality in locality_ids else None
        new_period = period or PERIOD_12_MONTHS
    query = {}
    if new_locality:
        query["ort"] = new_locality
    if new_period != PERIOD_12_MONTHS:
        query["period"] = new_period
    new_search = "?" + urlencode(query) if query else ""
    return GroupsSync(
        search=new_search if new_search != (search or "") else no_update,
        locality=new_locality if new_locality != locality else no_update,
        period=new_period if new_period != period else no_update,
    )


def render_groups(data: DashboardData, locality_id: str | None, period: str | None,
                  language: str | None = None) -> GroupsView:
    """The overview for everyone; the chosen locality's detail, and its forms for those who may edit."""
    gw = data.gw
    since, until, label = period_bounds(period)
    names = data.names()
    overview = overview_table(names, gw.activity_counts(since, until), gw.initiative_status_counts(),
                              data.populations(until.year), label, language)
    hidden = {"display": "none"}
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        return GroupsView(overview, detail=None, forms_style=hidden, composition_form=None, composition_version=None)
    user = data.current_user()
    editable = can(user, Action.EDIT_GROUP_RECORDS, locality.id)
    group = data.store.group(locality.id)
    activities = gw.activities(locality_ids=[locality.id], since=since, until=until)
    initiatives = gw.initiatives(locality_ids=[locality.id])
    composition = gw.composition(locality.id)
    detail = html.Div(
        [
            html.H2(group.name if group else locality.name),
            html.P(group.note) if group and group.note else None,
            html.P(text("can_edit", language, locality=locality.name) if editable
                   else text("sign_in_to_edit", language), className="notice notice-info"),
            html.H3(text("activities_heading", language) + f" ({label})"),
            chart(dcc.Graph(figure=timeline_figure(activities, locality.name, language), config=GRAPH_CONFIG),
                  f"aktiviteter-{locality.id}", language)
            if activities else None,
            activity_list(activities, editable, language),
            html.H3(text("initiatives_heading", language)),
            _progress(initiatives, language),
            initiative_list(initiatives, editable, language),
            # An editor sees the counts in the form below instead.
            *([] if editable else [html.H3(text("composition_heading", language)),
                                   html.P(text("composition_note", language), className="source"),
                                   composition_table(composition, False, language)]),
        ],
        className="group-detail",
        **{"data-locality": locality.id},
    )
    if not editable:
        return GroupsView(overview, detail, forms_style=hidden, composition_form=None, composition_version=None)
    return GroupsView(overview, detail, forms_style={}, composition_form=composition_table(composition, True, language),
                      composition_version=composition.version)


def _progress(initiatives: Sequence[Initiative], language: str) -> html.Div:
    """How many initiatives in each status, per SLUS area."""
    if not initiatives:
        return html.Div()
    header = html.Tr([html.Th(""), *[html.Th(status_label(s, language)) for s in InitiativeStatus]])
    rows = []
    for area in DEVELOPMENT_AREAS:
        counts = [sum(1 for i in initiatives if area.id in i.areas and InitiativeStatus(i.status) is s)
                  for s in InitiativeStatus]
        if any(counts):
            rows.append(html.Tr([html.Th(area.short_name, scope="row"),
                                 *[html.Td(str(c), className="num") for c in counts]]))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table progress-table"),
                    className="table-scroll")


# ------------------------------------------------------------------ forms

def _date(value: str | None, field: str, problems: list[Problem], required: bool) -> date | None:
    if not value:
        if required:
            problems.append(Problem(FORM, message("form_date_missing"), field=field))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(FORM, message("form_not_a_date", value=value), field=field))
        return None


def _int(value, field: str, problems: list[Problem]) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        problems.append(Problem(FORM, message("form_not_an_integer", value=value), field=field))
        return None
    if not number.is_integer():
        problems.append(Problem(FORM, message("form_not_an_integer", value=value), field=field))
        return None
    return int(number)


def _float(value, field: str, problems: list[Problem]) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        problems.append(Problem(FORM, message("form_not_a_number", value=value), field=field))
        return None


def activity_from_form(locality_id: str, values: dict, editing: dict | None) -> Activity:
    """The record the form describes; raises InputError for values that are not even the right type."""
    problems: list[Problem] = []
    when = _date(values.get("date"), "date", problems, required=True)
    participants = _int(values.get("participants"), "participants", problems)
    try:
        kind = ActivityKind(values.get("kind"))
    except ValueError:
        problems.append(Problem(FORM, message("form_unknown_kind"), field="kind"))
        kind = ActivityKind.OTHER
    if problems:
        raise InputError(problems)
    return Activity(
        locality_id=locality_id, date=when, kind=kind, title=(values.get("title") or "").strip(),
        participants=participants, areas=tuple(values.get("areas") or ()),
        description=(values.get("description") or "").strip(),
        id=(editing or {}).get("id"), version=(editing or {}).get("version", 0),
    )


def initiative_from_form(locality_id: str, values: dict, editing: dict | None) -> Initiative:
    problems: list[Problem] = []
    start = _date(values.get("start"), "start", problems, required=False)
    end = _date(values.get("end"), "end", problems, required=False)
    progress = _int(values.get("progress"), "progress", problems)
    lat = _float(values.get("lat"), "lat", problems)
    lon = _float(values.get("lon"), "lon", problems)
    try:
        status = InitiativeStatus(values.get("status"))
    except ValueError:
        problems.append(Problem(FORM, message("form_unknown_status"), field="status"))
        status = InitiativeStatus.IDEA
    if problems:
        raise InputError(problems)
    return Initiative(
        locality_id=locality_id, title=(values.get("title") or "").strip(), status=status,
        description=(values.get("description") or "").strip(), areas=tuple(values.get("areas") or ()),
        start=start, end=end, lead=(values.get("lead") or "").strip(),
        partners=(values.get("partners") or "").strip(), progress=progress, lat=lat, lon=lon,
        id=(editing or {}).get("id"), version=(editing or {}).get("version", 0),
    )


def outcome_message(error: Exception | None, language: str | None = None, ok_key: str = "saved") -> html.Div:
    """The same words for every form: what was wrong, or that it was saved."""
    if error is None:
        return html.P(text(ok_key, language), className="notice notice-ok", role="status")
    language = language or current_language()
    if isinstance(error, InputError):
        return html.Div([html.P(text("form_problems", language)),
                         html.Ul([html.Li(_problem_text(p, language)) for p in error.problems])],
                        className="notice notice-error")
    if isinstance(error, PermissionDenied):
        return html.P(text("permission_denied", language), className="notice notice-error")
    return html.P(render(error.args[0] if error.args else "", language), className="notice notice-error")


def _problem_text(problem: Problem, language: str) -> str:
    """"Titel: måste fyllas i" — the form's own label for the field, then the message."""
    message = render(problem.message, language)
    if not problem.field:
        return message
    return f"{label_of('field', problem.field, language)}: {message}"


def submit_record(data: DashboardData, form: RecordForm, locality_id: str | None, values: dict,
                  editing: dict | None):
    """Save a form's record through the service; returns (saved record or None, message)."""
    try:
        if not locality_id:
            raise PermissionDenied(text("permission_denied"))
        record = form.parse(locality_id, values, editing)
        saved = form.save(data.gw, data.current_user(), record, area_contains=data.area_contains,
                          known_localities=data.locality_ids())
    except (InputError, PermissionDenied, StaleWriteError, NotFoundError) as error:
        return None, outcome_message(error)
    return saved, outcome_message(None)


def submit_composition(data: DashboardData, locality_id: str | None, counts: dict, version: int | None):
    try:
        if not locality_id:
            raise PermissionDenied(text("permission_denied"))
        problems: list[Problem] = []
        parsed = {}
        for key, value in counts.items():
            number = _int(value, f"{key[0]}/{key[1]}", problems)
            parsed[key] = number if number is not None else 0
        if problems:
            raise InputError(problems)
        saved = service.save_composition(data.gw, data.current_user(),
                                         Composition(locality_id, parsed, version or 0),
                                         known_localities=data.locality_ids())
    except (InputError, PermissionDenied, StaleWriteError, NotFoundError) as error:
        return None, outcome_message(error)
    return saved, outcome_message(None)


def export_workbook(data: DashboardData, locality_id: str | None) -> dict:
    """Everything public about the chosen locality's work (or all localities) as a workbook."""
    chosen = [locality_id] if locality_id else None
    content = groupwork_io.workbook_bytes(data.gw.activities(locality_ids=chosen),
                                          data.gw.initiatives(locality_ids=chosen))
    return dcc.send_bytes(content, f"grupparbete-{locality_id or 'alla-orter'}.xlsx")


def import_upload(data: DashboardData, contents: str | None, filename: str | None) -> tuple[html.Div | None, bool]:
    """A group-work file through the same all-or-nothing import as the CLI, as the signed-in user."""
    if not contents:
        return None, False
    try:
        name, payload = decode_upload(contents, filename or "")
        report = groupwork_io.import_groupwork_bytes(data.gw, data.current_user(), payload, name,
                                                     known_localities=data.locality_ids(),
                                                     area_contains=data.area_contains)
    except (InputError, PermissionDenied, StaleWriteError, NotFoundError) as error:
        return outcome_message(error), False
    message = text("gw_upload_ok", file=name, a_added=report.activities.added, a_changed=report.activities.changed,
                   i_added=report.initiatives.added, i_changed=report.initiatives.changed)
    return html.P(message, className="notice notice-ok"), True


ACTIVITY_FIELDS = (("date", ids.ACT_DATE), ("kind", ids.ACT_KIND), ("title", ids.ACT_TITLE),
                   ("participants", ids.ACT_PARTICIPANTS), ("areas", ids.ACT_AREAS),
                   ("description", ids.ACT_DESCRIPTION))
INITIATIVE_FIELDS = (("title", ids.INI_TITLE), ("description", ids.INI_DESCRIPTION), ("areas", ids.INI_AREAS),
                     ("status", ids.INI_STATUS), ("start", ids.INI_START), ("end", ids.INI_END),
                     ("lead", ids.INI_LEAD), ("partners", ids.INI_PARTNERS), ("progress", ids.INI_PROGRESS),
                     ("lat", ids.INI_LAT), ("lon", ids.INI_LON))
EMPTY_ACTIVITY = {"date": None, "kind": ActivityKind.MEETING.value, "title": "", "participants": None, "areas": [],
                  "description": ""}
EMPTY_INITIATIVE = {"title": "", "description": "", "areas": [], "status": InitiativeStatus.IDEA.value,
                    "start": None, "end": None, "lead": "", "partners": "", "progress": None, "lat": None,
                    "lon": None}


def activity_values(record: Activity) -> dict:
    return {"date": record.date.isoformat(), "kind": ActivityKind(record.kind).value, "title": record.title,
            "participants": record.participants, "areas": list(record.areas), "description": record.description}


def initiative_values(record: Initiative) -> dict:
    return {"title": record.title, "description": record.description, "areas": list(record.areas),
            "status": InitiativeStatus(record.status).value,
            "start": record.start.isoformat() if record.start else None,
            "end": record.end.isoformat() if record.end else None, "lead": record.lead,
            "partners": record.partners, "progress": record.progress, "lat": record.lat, "lon": record.lon}


@dataclass(frozen=True)
class RecordForm:
    """One editable kind of record on the groups page: its fields and how it is read, shown and saved."""

    fields: tuple[tuple[str, str], ...]
    empty: dict
    parse: Callable[[str, dict, dict | None], Activity | Initiative]
    values: Callable[[Activity | Initiative], dict]
    load: Callable[[DashboardData, int], Activity | Initiative | None]
    save: Callable[..., Activity | Initiative]
    save_button: str
    cancel_button: str
    edit_button_type: str
    editing_store: str
    title_id: str
    message_id: str
    new_title: str
    edit_title: str


ACTIVITY_FORM = RecordForm(
    ACTIVITY_FIELDS, EMPTY_ACTIVITY, activity_from_form, activity_values, lambda data, i: data.gw.activity(i),
    service.save_activity, ids.ACT_SAVE, ids.ACT_CANCEL, ids.EDIT_ACTIVITY, ids.ACT_EDITING, ids.ACT_FORM_TITLE,
    ids.ACT_MESSAGE, "form_activity_new", "form_activity_edit",
)
INITIATIVE_FORM = RecordForm(
    INITIATIVE_FIELDS, EMPTY_INITIATIVE, initiative_from_form, initiative_values,
    lambda data, i: data.gw.initiative(i), service.save_initiative, ids.INI_SAVE, ids.INI_CANCEL,
    ids.EDIT_INITIATIVE, ids.INI_EDITING, ids.INI_FORM_TITLE, ids.INI_MESSAGE, "form_initiative_new",
    "form_initiative_edit",
)


def handle_record_form(data: DashboardData, form: RecordForm, trigger, trigger_value, locality: str | None,
                       field_values: Sequence, editing: dict | None, refresh: int | None) -> RecordFormUpdate:
    """An edit button fills the form, cancel empties it, save stores it (a refused draft stays put).

    Returns the field values, editing store, title, message and refresh (see ``RecordFormUpdate``).
    """
    keep = (no_update,) * len(form.fields)
    if isinstance(trigger, dict):  # an edit button
        if not trigger_value:
            return RecordFormUpdate(keep, editing=no_update, title=no_update, message=no_update, refresh=no_update)
        record = form.load(data, trigger["id"])
        if record is None:
            return RecordFormUpdate(keep, editing=no_update, title=no_update,
                                    message=outcome_message(NotFoundError("")), refresh=no_update)
        return RecordFormUpdate(_form_outputs(form.fields, form.values(record)),
                                editing={"id": record.id, "version": record.version},
                                title=text(form.edit_title), message=None, refresh=no_update)
    if trigger == form.cancel_button:
        return RecordFormUpdate(_form_outputs(form.fields, form.empty), editing=None, title=text(form.new_title),
                                message=None, refresh=no_update)
    values = dict(zip((name for name, _ in form.fields), field_values))
    saved, message = submit_record(data, form, locality, values, editing)
    if saved is None:
        return RecordFormUpdate(keep, editing=no_update, title=no_update, message=message, refresh=no_update)
    return RecordFormUpdate(_form_outputs(form.fields, form.empty), editing=None, title=text(form.new_title),
                            message=message, refresh=(refresh or 0) + 1)


def _form_outputs(fields, values: dict | None) -> tuple:
    return (no_update,) * len(fields) if values is None else tuple(values[name] for name, _ in fields)


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

    for form in (ACTIVITY_FORM, INITIATIVE_FORM):
        _register_record_form(app, data, form)

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
        return outcome_message(None, ok_key="deleted"), (refresh or 0) + 1

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
