"""The staff page: user accounts, strategic meetings, the audit log and the settings (admins only).

The page hides itself from others, and every action on it goes through
``indicators.groupwork.service``, which refuses it on the server for anyone
but an admin whatever the browser sends.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components.widgets import dropdown, labelled
from dashboard.data import DashboardData
from dashboard.i18n.messages import label_of, message, text
from dashboard.server.language import current_language
from dashboard.views.formatting import day, moment
from dashboard.views.forms import FORM, integer_value, outcome_message
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.audit.service import read_audit
from indicators.core.errors import InputError, Problem
from indicators.groupwork import service
from indicators.groupwork.records import NOTES_MAX, TITLE_MAX, Role, StrategicMeeting
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.texts import N_, render
from indicators.storage.app_settings import (
    Setting,
    SwitchSetting,
    all_settings,
    change_settings,
    read_settings,
)


def staff_page(data: DashboardData, language: str | None = None) -> html.Div:
    user = data.current_user()
    if not can(user, Action.MANAGE_USERS):
        return html.Div([html.H2(text("staff_title", language)),
                         html.P(text("staff_only", language), className="notice notice-info")],
                        className="narrow-page")
    localities = data.localities()
    return html.Div(
        [
            dcc.Store(id=ids.STAFF_REFRESH, data=0),
            html.H2(text("staff_title", language)),
            html.H3(text("users_heading", language)),
            html.Div(id=ids.STAFF_USERS),
            html.Section(
                [
                    html.H4(text("user_new", language)),
                    html.Div(
                        [
                            _field(text("field_username", language), dcc.Input(id=ids.USER_NAME, type="text",
                                                                                autoComplete="off"), ids.USER_NAME),
                            _field(text("field_password", language), dcc.Input(id=ids.USER_PASSWORD,
                                                                                type="password",
                                                                                autoComplete="new-password"),
                                   ids.USER_PASSWORD),
                            _field(text("field_role", language), dropdown(
                                ids.USER_ROLE, language, clearable=False, value=Role.EDITOR.value,
                                options=[{"label": text("role_option_editor", language), "value": Role.EDITOR.value},
                                         {"label": text("role_option_admin", language), "value": Role.ADMIN.value}]),
                                   ids.USER_ROLE),
                            _field(text("field_locality", language), dropdown(
                                ids.USER_LOCALITY, language,
                                options=[{"label": loc.name, "value": loc.id} for loc in localities]),
                                   ids.USER_LOCALITY),
                        ],
                        className="form-grid",
                    ),
                    html.Button(text("button_create_user", language), id=ids.USER_CREATE, className="button"),
                    html.Div(id=ids.USER_MESSAGE, role="alert"),
                ],
                className="form-card",
            ),
            html.H3(text("meetings_heading", language)),
            html.Div(id=ids.STAFF_MEETINGS),
            html.Section(
                [
                    html.H4(text("meeting_new", language)),
                    html.Div(
                        [
                            _field(text("field_date", language), dcc.Input(id=ids.MEETING_DATE, type="date"),
                                   ids.MEETING_DATE),
                            _field(text("field_title", language), dcc.Input(id=ids.MEETING_TITLE, type="text",
                                                                             maxLength=TITLE_MAX), ids.MEETING_TITLE),
                            _field(text("field_participants", language), dcc.Input(
                                id=ids.MEETING_PARTICIPANTS, type="text", inputMode="numeric"), ids.MEETING_PARTICIPANTS),
                            _field(text("field_themes", language), dcc.Input(id=ids.MEETING_THEMES, type="text"),
                                   ids.MEETING_THEMES),
                        ],
                        className="form-grid",
                    ),
                    _field(text("field_notes", language), dcc.Textarea(id=ids.MEETING_NOTES, maxLength=NOTES_MAX,
                                                                        className="textarea"), ids.MEETING_NOTES),
                    html.Button(text("button_save", language), id=ids.MEETING_SAVE, className="button"),
                    html.Div(id=ids.MEETING_MESSAGE, role="alert"),
                ],
                className="form-card",
            ),
            html.H3(text("audit_heading", language)),
            html.Div(id=ids.STAFF_AUDIT),
            settings_section(data, language),
        ],
        className="staff-page",
    )


SETTING_INPUT = "setting-input"
SETTINGS_SAVE = "settings-save"
SETTINGS_MESSAGE = "settings-message"


def settings_section(data: DashboardData, language: str | None = None) -> html.Section:
    """Session lifetimes, sign-in limits and whether example data counts (``indicators.storage.app_settings``)."""
    current = read_settings(data.store.engine)
    reader = language or current_language()
    fields = [
        html.Div(
            html.Label([html.Span(render(setting.label, reader)), _setting_input(setting, current.get(setting), language)]),
            className="field",
        )
        for setting in all_settings()
    ]
    return html.Section(
        [
            html.H3(text("settings_heading", language)),
            html.P(text("settings_intro", language), className="muted"),
            html.Div(fields, className="form-grid"),
            html.Button(text("button_save_settings", language), id=SETTINGS_SAVE, className="button"),
            html.Div(id=SETTINGS_MESSAGE, role="alert"),
        ],
        className="form-card",
    )


def _setting_input(setting: Setting, value: object, language: str | None) -> dcc.Input | dcc.Dropdown:
    """A number field for a number, an on/off choice for a switch (the same id pattern: one save callback)."""
    if isinstance(setting, SwitchSetting):
        return dcc.Dropdown(id={"type": SETTING_INPUT, "key": setting.key}, clearable=False,
                            options=[{"label": text("switch_on", language), "value": "on"},
                                     {"label": text("switch_off", language), "value": "off"}],
                            value=SwitchSetting.stored(bool(value)))
    return dcc.Input(id={"type": SETTING_INPUT, "key": setting.key}, type="number", step=1,
                     min=setting.minimum, max=setting.maximum, value=value)


def save_settings_from_form(data: DashboardData, keys: list[dict], values: list) -> html.Div:
    """Save the settings form through the domain service (staff only, validated, audited)."""
    submitted = {key["key"]: value for key, value in zip(keys, values)}
    try:
        change_settings(data.store.engine, data.current_user(), submitted)
    except InputError as error:
        # Each message names its setting already; the form's field labels would repeat it.
        return outcome_message(InputError([replace(problem, field=None) for problem in error.problems]))
    except PermissionDenied as error:
        return outcome_message(error)
    return outcome_message(None)


_field = partial(labelled, class_name="field")


def staff_tables(data: DashboardData, language: str | None = None) -> tuple:
    """(users, meetings, audit) — empty for anyone but an admin."""
    user = data.current_user()
    if not can(user, Action.MANAGE_USERS):
        return None, None, None
    names = data.names()
    users = html.Table([
        html.Thead(html.Tr([html.Th(text(k, language)) for k in (N_("col_user"), N_("col_role"), "col_locality",
                                                                  N_("col_active"), "col_actions")])),
        html.Tbody([
            html.Tr([
                html.Td(u.username),
                html.Td(text(N_("role_option_admin") if u.role is Role.ADMIN else N_("role_option_editor"), language)),
                html.Td(names.get(u.locality_id or "", "")),
                html.Td(text(N_("yes") if u.active else N_("no"), language)),
                html.Td(html.Button(text(N_("button_deactivate") if u.active else N_("button_activate"), language),
                                    id={"type": ids.USER_TOGGLE, "id": u.id}, className="button small secondary")),
            ])
            for u in data.gw.users()
        ]),
    ], className="data-table")
    meetings = data.gw.meetings()
    meeting_table = html.Table([
        html.Thead(html.Tr([html.Th(text(k, language)) for k in (N_("col_date"), N_("col_title"), "col_participants",
                                                                  N_("col_themes"))])),
        html.Tbody([html.Tr([html.Td(day(m.date, language)), html.Td([html.Div(m.title, className="item-title"),
                                                                    html.Div(m.notes, className="item-text")]),
                             html.Td("" if m.participants is None else str(m.participants), className="num"),
                             html.Td(", ".join(m.themes))]) for m in meetings]),
    ], className="data-table") if meetings else html.P(text("no_meetings", language), className="muted")
    reader = language or current_language()  # each line is stored with its key: shown in the reader's language
    try:
        lines = read_audit(data.gw, user, limit=200)  # the log's own check (Action.VIEW_AUDIT)
    except PermissionDenied:
        return html.Div(users, className="table-scroll"), meeting_table, None
    audit = html.Div(html.Table([
        html.Thead(html.Tr([html.Th(text(k, language)) for k in (N_("col_when"), N_("col_who"), N_("col_action"), N_("col_entity"),
                                                                  "col_locality", N_("col_summary"))])),
        html.Tbody([html.Tr([html.Td(moment(e.at, language)), html.Td(e.username), html.Td(label_of("audit_action", e.action, language)),
                             html.Td(f"{label_of('audit_entity', e.entity, language)} {e.entity_id}"), html.Td(names.get(e.locality_id or "", "")),
                             html.Td(e.render(reader))]) for e in lines]),
    ], className="data-table"), className="table-scroll")
    return html.Div(users, className="table-scroll"), meeting_table, audit


def create_user_from_form(data: DashboardData, username, password, role, locality):
    try:
        service.create_user(data.gw, data.current_user(), username or "", password or "", role or "",
                            locality if role == Role.EDITOR.value else None, known_localities=data.locality_ids())
    except (InputError, PermissionDenied) as error:
        return outcome_message(error), False
    return outcome_message(None), True


def save_meeting_from_form(data: DashboardData, when, title, participants, themes, notes):
    problems: list[Problem] = []
    meeting_date = None
    try:
        meeting_date = date.fromisoformat(when) if when else None
    except ValueError:
        problems.append(Problem(FORM, message("form_not_a_date", value=when), field="date"))
    if meeting_date is None and not problems:
        problems.append(Problem(FORM, message("form_date_missing"), field="date"))
    participants = integer_value(participants, "participants", problems)
    try:
        if problems:
            raise InputError(problems)
        record = StrategicMeeting(
            date=meeting_date, title=(title or "").strip(),
            participants=participants,
            themes=tuple(t.strip() for t in (themes or "").split(",") if t.strip()), notes=(notes or "").strip())
        service.save_meeting(data.gw, data.current_user(), record)
    except (InputError, PermissionDenied, StaleWriteError, NotFoundError) as error:
        return outcome_message(error), False
    return outcome_message(None), True


def register_staff_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(Output(ids.STAFF_USERS, "children"), Output(ids.STAFF_MEETINGS, "children"),
                  Output(ids.STAFF_AUDIT, "children"), Input(ids.STAFF_REFRESH, "data"))
    def _tables(_refresh):
        return staff_tables(data)

    @app.callback(Output(ids.USER_MESSAGE, "children"), Output(ids.STAFF_REFRESH, "data", allow_duplicate=True),
                  Output(ids.USER_PASSWORD, "value"),
                  Input(ids.USER_CREATE, "n_clicks"), State(ids.USER_NAME, "value"), State(ids.USER_PASSWORD, "value"),
                  State(ids.USER_ROLE, "value"), State(ids.USER_LOCALITY, "value"), State(ids.STAFF_REFRESH, "data"),
                  prevent_initial_call=True)
    def _create_user(_clicks, username, password, role, locality, refresh):
        message, ok = create_user_from_form(data, username, password, role, locality)
        return message, (refresh or 0) + 1 if ok else no_update, ""  # a password never stays in the page

    @app.callback(Output(ids.USER_MESSAGE, "children", allow_duplicate=True),
                  Output(ids.STAFF_REFRESH, "data", allow_duplicate=True),
                  Input({"type": ids.USER_TOGGLE, "id": ALL}, "n_clicks"), State(ids.STAFF_REFRESH, "data"),
                  prevent_initial_call=True)
    def _toggle_user(_clicks, refresh):
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not ctx.triggered[0]["value"]:
            return no_update, no_update
        try:
            user = data.gw.user(trigger["id"])
            if user is None:
                raise NotFoundError("")
            change = service.deactivate if user.active else service.activate
            change(data.gw, data.current_user(), user.id)
        except (InputError, PermissionDenied, NotFoundError) as error:
            return outcome_message(error), no_update
        return outcome_message(None), (refresh or 0) + 1

    @app.callback(Output(SETTINGS_MESSAGE, "children"), Output(ids.STAFF_REFRESH, "data", allow_duplicate=True),
                  Input(SETTINGS_SAVE, "n_clicks"), State({"type": SETTING_INPUT, "key": ALL}, "id"),
                  State({"type": SETTING_INPUT, "key": ALL}, "value"), State(ids.STAFF_REFRESH, "data"),
                  prevent_initial_call=True)
    def _save_settings(_clicks, keys, values, refresh):
        return save_settings_from_form(data, keys or [], values or []), (refresh or 0) + 1  # the audit log shows it

    @app.callback(Output(ids.MEETING_MESSAGE, "children"), Output(ids.STAFF_REFRESH, "data", allow_duplicate=True),
                  Input(ids.MEETING_SAVE, "n_clicks"), State(ids.MEETING_DATE, "value"),
                  State(ids.MEETING_TITLE, "value"), State(ids.MEETING_PARTICIPANTS, "value"),
                  State(ids.MEETING_THEMES, "value"), State(ids.MEETING_NOTES, "value"),
                  State(ids.STAFF_REFRESH, "data"), prevent_initial_call=True)
    def _save_meeting(_clicks, when, title, participants, themes, notes, refresh):
        message, ok = save_meeting_from_form(data, when, title, participants, themes, notes)
        return message, (refresh or 0) + 1 if ok else no_update
