"""The groups page: what each local development group does, and forms for its editor."""

from __future__ import annotations

from functools import partial

from dash import dcc, html

from dashboard import ids
from dashboard.components.groups_view import kind_label, status_label
from dashboard.components.help_link import help_note
from dashboard.components.widgets import dropdown, labelled
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.uploads import limited_upload
from dashboard.views.groups import PERIOD_12_MONTHS
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.groupwork.records import (
    DESCRIPTION_MAX,
    PARTNERS_MAX,
    TITLE_MAX,
    ActivityKind,
    InitiativeStatus,
)


def groups_page(data: DashboardData, language: str | None = None) -> html.Div:
    localities = data.localities()
    years = data.activity_years()
    signed_in = data.current_user() is not None
    return html.Div(
        [
            dcc.Location(id=ids.GROUPS_URL, refresh=False),
            dcc.Store(id=ids.GW_REFRESH, data=0),
            html.H2(text("groups_title", language)),
            html.P(text("groups_intro", language)),
            html.Div(
                [
                    labelled(text("groups_locality", language), dropdown(
                        ids.GW_LOCALITY, language, options=[{"label": loc.name, "value": loc.id} for loc in localities],
                        placeholder=text("locality_placeholder", language)), ids.GW_LOCALITY),
                    labelled(text("groups_period", language), dropdown(
                        ids.GW_PERIOD, language, clearable=False, value=PERIOD_12_MONTHS,
                        options=[{"label": text("period_12", language), "value": PERIOD_12_MONTHS},
                                 *[{"label": str(y), "value": str(y)} for y in years]]), ids.GW_PERIOD),
                ],
                className="controls groups-controls",
            ),
            html.Div(id=ids.GW_ACTION_MESSAGE, role="status"),
            html.Div(id=ids.GW_OVERVIEW),
            html.Div(id=ids.GW_DETAIL),
            html.Div(_forms(language), id=ids.GW_FORMS, style={"display": "none"}),
            html.Section(
                [
                    html.H3(text("gw_files_heading", language)),
                    dcc.Download(id=ids.GW_DOWNLOAD),
                    html.Button(text("gw_export", language), id=ids.GW_EXPORT, className="button secondary"),
                    limited_upload(ids.GW_UPLOAD, text("gw_upload", language), language, shown=signed_in),
                    html.Div(id=ids.GW_UPLOAD_RESULT, role="status"),
                    # How a file is read matters only to someone who can upload one.
                    *([help_note(text("gw_files_help", language), "import-grupparbete", language)] if signed_in else []),
                ],
                className="form-card",
            ),
        ],
        className="groups-page",
    )


_field = partial(labelled, class_name="field")


def _decimal_input(component_id: str) -> dcc.Input:
    """A number typed as text: a browser's number field drops a decimal comma (57,5905 became 575905).

    ``inputMode`` still brings up the phone's number keyboard; the server reads the text
    (``dashboard.views.forms.number_value``).
    """
    return dcc.Input(id=component_id, type="text", inputMode="decimal", autoComplete="off")


def _count_input(component_id: str) -> dcc.Input:
    """A whole number typed as text (``1 234`` with a space between thousands is fine)."""
    return dcc.Input(id=component_id, type="text", inputMode="numeric", autoComplete="off")


def _area_options() -> list[dict]:
    return [{"label": a.short_name, "value": a.id} for a in DEVELOPMENT_AREAS]


def _forms(language: str) -> html.Div:
    """Both forms are always in the page (hidden for visitors) so their callbacks stay wired;
    the server refuses every save a user may not make, whatever the page shows."""
    activity = html.Section(
        [
            html.H3(text("form_activity_new", language), id=ids.ACT_FORM_TITLE),
            dcc.Store(id=ids.ACT_EDITING),
            html.Div(
                [
                    _field(text("field_date", language), dcc.Input(id=ids.ACT_DATE, type="date"), ids.ACT_DATE),
                    _field(text("field_kind", language), dropdown(
                        ids.ACT_KIND, language, clearable=False, value=ActivityKind.MEETING.value,
                        options=[{"label": kind_label(k, language), "value": k.value} for k in ActivityKind]),
                        ids.ACT_KIND),
                    _field(text("field_title", language), dcc.Input(id=ids.ACT_TITLE, type="text", maxLength=TITLE_MAX),
                           ids.ACT_TITLE),
                    _field(text("field_participants", language),
                           _count_input(ids.ACT_PARTICIPANTS), ids.ACT_PARTICIPANTS),
                ],
                className="form-grid",
            ),
            _field(text("field_areas", language), dcc.Checklist(id=ids.ACT_AREAS, options=_area_options(), value=[],
                                                                 inline=True), ids.ACT_AREAS),
            _field(text("field_description", language),
                   dcc.Textarea(id=ids.ACT_DESCRIPTION, maxLength=DESCRIPTION_MAX, className="textarea"),
                   ids.ACT_DESCRIPTION),
            html.Div([html.Button(text("button_save", language), id=ids.ACT_SAVE, className="button"),
                      html.Button(text("button_cancel", language), id=ids.ACT_CANCEL, className="button secondary")],
                     className="button-row"),
            html.Div(id=ids.ACT_MESSAGE, role="alert"),
        ],
        className="form-card",
    )
    initiative = html.Section(
        [
            html.H3(text("form_initiative_new", language), id=ids.INI_FORM_TITLE),
            dcc.Store(id=ids.INI_EDITING),
            _field(text("field_title", language), dcc.Input(id=ids.INI_TITLE, type="text", maxLength=TITLE_MAX),
                   ids.INI_TITLE),
            _field(text("field_description", language),
                   dcc.Textarea(id=ids.INI_DESCRIPTION, maxLength=DESCRIPTION_MAX, className="textarea"),
                   ids.INI_DESCRIPTION),
            _field(text("field_areas", language), dcc.Checklist(id=ids.INI_AREAS, options=_area_options(), value=[],
                                                                 inline=True), ids.INI_AREAS),
            html.Div(
                [
                    _field(text("field_status", language), dropdown(
                        ids.INI_STATUS, language, clearable=False, value=InitiativeStatus.IDEA.value,
                        options=[{"label": status_label(s, language), "value": s.value} for s in InitiativeStatus]),
                        ids.INI_STATUS),
                    _field(text("field_start", language), dcc.Input(id=ids.INI_START, type="date"), ids.INI_START),
                    _field(text("field_end", language), dcc.Input(id=ids.INI_END, type="date"), ids.INI_END),
                    _field(text("field_progress", language),
                           _count_input(ids.INI_PROGRESS), ids.INI_PROGRESS),
                    _field(text("field_lead", language), dcc.Input(id=ids.INI_LEAD, type="text", maxLength=TITLE_MAX),
                           ids.INI_LEAD),
                    _field(text("field_partners", language),
                           dcc.Input(id=ids.INI_PARTNERS, type="text", maxLength=PARTNERS_MAX), ids.INI_PARTNERS),
                    _field(text("field_lat", language), _decimal_input(ids.INI_LAT), ids.INI_LAT,
                           text("field_point_hint", language)),
                    _field(text("field_lon", language), _decimal_input(ids.INI_LON), ids.INI_LON),
                ],
                className="form-grid",
            ),
            # Click the locality's map to place the initiative; the fields above are the other way.
            html.Iframe(id=ids.INI_PICKER, srcDoc="", title=text("picker_title", language), className="point-picker",
                        style={"width": "100%", "height": "340px", "border": "1px solid #888", "borderRadius": "4px"}),
            dcc.Store(id=ids.INI_PICKER_SHOWN),
            html.Div([html.Button(text("button_save", language), id=ids.INI_SAVE, className="button"),
                      html.Button(text("button_cancel", language), id=ids.INI_CANCEL, className="button secondary")],
                     className="button-row"),
            html.Div(id=ids.INI_MESSAGE, role="alert"),
        ],
        className="form-card",
    )
    composition = html.Section(
        [
            html.H3(text("composition_heading", language)),
            html.P(text("composition_note", language), className="source"),
            html.Div(id=ids.COMP_FORM_BODY),
            dcc.Store(id=ids.COMP_VERSION),
            html.Div([html.Button(text("button_save", language), id=ids.COMP_SAVE, className="button")],
                     className="button-row"),
            html.Div(id=ids.COMP_MESSAGE, role="alert"),
        ],
        className="form-card",
    )
    return html.Div([activity, initiative, composition], className="forms")
