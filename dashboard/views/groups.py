"""What the groups page shows and does: the URL/controls sync, the overview and a locality's detail,
the record forms (load, cancel, save) and the group-work file export/import.

Every write goes through ``indicators.groupwork.service``, which checks the signed-in user's rights
for the record's locality (and the stored record's) on the server, validates, and stores with a
version check; these functions only translate between form values and records (via
``dashboard.views.forms``) and show the outcome. Pure of Dash's callback machinery, so tests call
them directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from dash import NoUpdate, dcc, html, no_update

from dashboard import ids
from dashboard.components.groups_view import (
    activity_list,
    composition_table,
    initiative_list,
    overview_table,
    status_label,
    timeline_spec,
    weekly_timeline_spec,
)
from dashboard.components.idea_links import suggest_link
from dashboard.components.pager import PAGE_SIZE, clamp_offset, pager
from dashboard.components.widgets import chart, graph_config
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.uploads import decode_upload
from dashboard.views.forms import (
    activity_from_form,
    composition_from_form,
    coordinate_text,
    initiative_from_form,
    outcome_message,
)
from dashboard.views.panel_cache import cached_markup, cached_view
from dashboard.views.url_state import groups_query, parse_groups_query
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
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
from indicators.i18n.texts import N_
from indicators.ideas.store import IdeaStore

ACTIVITIES_LIST, INITIATIVES_LIST = "activities", "initiatives"
"""The ``list`` part of a pager button's id (``dashboard.components.pager``)."""

TIMELINE_POINTS_MAX = 300
"""Above this many activities in the period the timeline draws a point per week (they would hide each other)."""

PERIOD_12_MONTHS = "12m"
"""The groups page's default period, "the last 12 months" (``?period=`` absent from the URL)."""


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
    locality_ids = {loc.id for loc in data.localities()}
    if triggered in (None, ids.GROUPS_URL):
        from_url = parse_groups_query(search, localities=locality_ids)  # the URL's names live in url_state
        new_locality = from_url.locality
        if new_locality is None:
            user = data.current_user()
            new_locality = user.locality_id if user is not None and user.locality_id in locality_ids else None
        new_period = from_url.period or PERIOD_12_MONTHS
    else:
        new_locality = locality if locality in locality_ids else None
        new_period = period or PERIOD_12_MONTHS
    new_search = groups_query(new_locality, new_period if new_period != PERIOD_12_MONTHS else None)
    return GroupsSync(
        search=new_search if new_search != (search or "") else no_update,
        locality=new_locality if new_locality != locality else no_update,
        period=new_period if new_period != period else no_update,
    )


def render_groups(data: DashboardData, locality_id: str | None, period: str | None,
                  language: str | None = None) -> GroupsView:
    """The overview for everyone; the chosen locality's detail, and its forms for those who may edit.

    The detail reads one page of each list (``PAGE_SIZE`` rows, the pager says
    how many there are), the timeline's four columns and the progress counts in
    SQL, never every record: a busy locality has thousands of activities a year.
    """
    gw = data.gw
    language = language or current_language()
    since, until, label = period_bounds(period)
    # What every visitor of the period sees alike is made once per data version (any audited write
    # makes it anew, as for the map's panels: ``views.panel_cache``); with 50,000 activities the
    # counts, the timeline and the lists were ~70 ms of each answer (issue #13 item 4). The tables and
    # lists are kept as data (``cached_markup``): static markup as ``StaticTree``s, the buttons with
    # ids as Dash components, all as the JSON Dash sends.
    activity_counts, status_counts = _period_counts(data, since, until)
    overview = cached_markup(data, ("groups-overview", since, until, label, language), lambda: overview_table(
        data.names(), activity_counts, status_counts, data.populations(until.year), label, language))
    hidden = {"display": "none"}
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        return GroupsView(overview, detail=None, forms_style=hidden, composition_form=None, composition_version=None)
    user = data.current_user()
    editable = can(user, Action.EDIT_GROUP_RECORDS, locality.id)
    group = data.store.group(locality.id)
    activity_total = activity_counts.get(locality.id, (0, None))[0]
    timeline = cached_view(data, ("groups-timeline", locality.id, since, until, language),
                           lambda: _timeline(data, locality.id, locality.name, since, until, activity_total, language))
    initiative_total = _initiative_total(data, locality.id)
    composition = gw.composition(locality.id)
    detail = html.Div(
        [
            html.H2(group.name if group else locality.name),
            html.P(group.note) if group and group.note else None,
            html.P(text("can_edit", language, locality=locality.name) if editable
                   else text("sign_in_to_edit", language), className="notice notice-info"),
            suggest_link(locality, language),
            html.H3(text("activities_heading", language) + f" ({label})"),
            chart(dcc.Graph(figure=timeline, config=graph_config(language)), f"aktiviteter-{locality.id}", language)
            if timeline else None,
            html.Div(_activity_page(data, locality.id, since, until, 0, activity_total, editable, language),
                     id=ids.GW_ACTIVITY_LIST),
            html.H3(text("initiatives_heading", language)),
            cached_markup(data, ("groups-progress", locality.id, language),
                          lambda: _progress(gw.initiative_area_status_counts([locality.id]), language)),
            html.Div(_initiative_page(data, locality.id, 0, initiative_total, editable, language),
                     id=ids.GW_INITIATIVE_LIST),
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


def _period_counts(data: DashboardData, since: date, until: date) -> tuple[dict, dict]:
    """Activities (and participants) per locality in the period, and initiatives per locality and
    status: what the overview and both lists' pagers count, made once per data version."""
    return (cached_view(data, ("groups-activity-counts", since, until), lambda: data.gw.activity_counts(since, until)),
            _status_counts(data))


def _status_counts(data: DashboardData) -> dict:
    """Initiatives per locality and status (initiatives are not counted per period)."""
    return cached_view(data, ("groups-status-counts",), data.gw.initiative_status_counts)


def _initiative_total(data: DashboardData, locality_id: str) -> int:
    """How many initiatives the locality has: the initiatives' pager counts from the same cached
    counts as the overview, not from a query of its own."""
    return sum(count for (place, _), count in _status_counts(data).items() if place == locality_id)


def _timeline(data: DashboardData, locality_id: str, name: str, since: date, until: date, total: int,
              language: str | None) -> dict | None:
    """Each activity as a point, or, above ``TIMELINE_POINTS_MAX`` of them, a point per week and kind."""
    if not total:
        return None
    if total <= TIMELINE_POINTS_MAX:
        return timeline_spec(data.gw.activity_points([locality_id], since, until), name, language)
    return weekly_timeline_spec(data.gw.activity_days([locality_id], since, until), name, language)


def activity_page(data: DashboardData, locality_id: str | None, period: str | None, offset: object,
                  language: str | None = None) -> list | None:
    """The page of a locality's activities that starts at ``offset``, with its pager (the pager's callback)."""
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        return None
    since, until, _ = period_bounds(period)
    total = _period_counts(data, since, until)[0].get(locality.id, (0, None))[0]
    editable = can(data.current_user(), Action.EDIT_GROUP_RECORDS, locality.id)
    return _activity_page(data, locality.id, since, until, clamp_offset(offset, total), total, editable, language)


def initiative_page(data: DashboardData, locality_id: str | None, offset: object,
                    language: str | None = None) -> list | None:
    """The page of a locality's initiatives that starts at ``offset``, with its pager (the pager's callback)."""
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        return None
    total = _initiative_total(data, locality.id)
    editable = can(data.current_user(), Action.EDIT_GROUP_RECORDS, locality.id)
    return _initiative_page(data, locality.id, clamp_offset(offset, total), total, editable, language)


def _activity_page(data: DashboardData, locality_id: str, since: date, until: date, offset: int, total: int,
                   editable: bool, language: str | None) -> list:
    """A page of the list with its pager, made once per data version (shared: never changed by callers)."""
    language = language or current_language()

    def build() -> list:
        activities = data.gw.activities(locality_ids=[locality_id], since=since, until=until, limit=PAGE_SIZE,
                                        offset=offset)
        return [activity_list(activities, editable, language),
                pager(ACTIVITIES_LIST, offset, len(activities), total, language,
                      label_key=N_("gw_pages_activities"))]

    return cached_markup(data, ("groups-activities", locality_id, since, until, offset, total, editable, language),
                         build)


def _initiative_page(data: DashboardData, locality_id: str, offset: int, total: int, editable: bool,
                     language: str | None) -> list:
    """A page of the list with its pager, made once per data version (shared: never changed by callers)."""
    language = language or current_language()

    def build() -> list:
        initiatives = data.gw.initiatives(locality_ids=[locality_id], limit=PAGE_SIZE, offset=offset)
        # Reads only: the salt keys hashes of browser tokens and addresses, which no read here touches.
        origins = IdeaStore(data.store, salt=b"").ideas_for_initiatives(
            i.id for i in initiatives if i.id is not None)
        return [initiative_list(initiatives, editable, language, origins),
                pager(INITIATIVES_LIST, offset, len(initiatives), total, language,
                      label_key=N_("gw_pages_initiatives"))]

    return cached_markup(data, ("groups-initiatives", locality_id, offset, total, editable, language), build)


def _progress(counts: Mapping[tuple[str, InitiativeStatus], int], language: str) -> html.Div:
    """How many initiatives in each status, per SLUS area (``counts``: (area, status) → initiatives)."""
    if not counts:
        return html.Div()
    header = html.Tr([html.Th(""), *[html.Th(status_label(s, language)) for s in InitiativeStatus]])
    rows = []
    for area in DEVELOPMENT_AREAS:
        row = [counts.get((area.id, s), 0) for s in InitiativeStatus]
        if any(row):
            rows.append(html.Tr([html.Th(area.short_name, scope="row"),
                                 *[html.Td(str(c), className="num") for c in row]]))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table progress-table"),
                    className="table-scroll")


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
        parsed = composition_from_form(counts)
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
            "partners": record.partners, "progress": record.progress, "lat": coordinate_text(record.lat),
            "lon": coordinate_text(record.lon)}


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
    ids.ACT_MESSAGE, "form_activity_new", N_("form_activity_edit"),
)
INITIATIVE_FORM = RecordForm(
    INITIATIVE_FIELDS, EMPTY_INITIATIVE, initiative_from_form, initiative_values,
    lambda data, i: data.gw.initiative(i), service.save_initiative, ids.INI_SAVE, ids.INI_CANCEL,
    ids.EDIT_INITIATIVE, ids.INI_EDITING, ids.INI_FORM_TITLE, ids.INI_MESSAGE, "form_initiative_new",
    N_("form_initiative_edit"),
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
