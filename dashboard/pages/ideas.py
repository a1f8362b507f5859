"""The ideas page (/forslag): a public form per locality, the published ideas with support
buttons and counts, and for the locality's editors and staff the moderation queue."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.widgets import dropdown, labelled
from dashboard.ids_ideas import (
    IDEA_ACTION_MESSAGE, IDEA_AREAS, IDEA_CONTACT, IDEA_COUNTS, IDEA_DESCRIPTION, IDEA_FORM_MESSAGE, IDEA_LAT, IDEA_LIST,
    IDEA_LOCALITY, IDEA_LON, IDEA_PICKER, IDEA_QUEUE, IDEA_REFRESH, IDEA_SEND, IDEA_TITLE, IDEA_TRAP, IDEA_URL, error_id,
)
from dashboard.data import DashboardData
from dashboard.i18n.messages import area_title, text
from dashboard.views.idea_import import workshop_import_section
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.ideas.records import CONTACT_MAX, DESCRIPTION_MAX, TITLE_MAX
from indicators.storage.app_settings import IDEA_CONTACT_MONTHS, read_settings

_OFFSCREEN = {"position": "absolute", "left": "-10000px", "width": "1px", "height": "1px", "overflow": "hidden"}
"""The honeypot is moved off screen (not display:none, which some bots skip) and hidden from screen readers."""


def ideas_page(data: DashboardData, language: str | None = None) -> html.Div:
    localities = data.localities()
    return html.Div(
        [
            dcc.Location(id=IDEA_URL, refresh=False),
            dcc.Store(id=IDEA_REFRESH, data=0),
            html.H2(text("ideas_title", language)),
            html.P(text("ideas_intro", language)),
            html.Div(
                labelled(text("groups_locality", language), dropdown(
                    IDEA_LOCALITY, language, options=[{"label": loc.name, "value": loc.id} for loc in localities],
                    placeholder=text("locality_placeholder", language)), IDEA_LOCALITY),
                className="controls",
            ),
            _error(IDEA_LOCALITY, "locality_id"),
            html.Div(id=IDEA_ACTION_MESSAGE, role="status"),
            html.Section(_form(language, read_settings(data.store.engine).get(IDEA_CONTACT_MONTHS)), className="idea-form", **{"aria-labelledby": "idea-form-heading"}),
            html.Section([html.H3(text("ideas_published_heading", language)), html.Div(id=IDEA_LIST)]),
            html.Section(id=IDEA_QUEUE),
            html.Section([html.H3(text("ideas_counts_heading", language)), html.Div(id=IDEA_COUNTS)]),
            workshop_import_section(data, language),
        ],
        className="page ideas-page",
    )


def _form(language: str | None, months: int) -> list:
    return [
        html.H3(text("ideas_form_heading", language), id="idea-form-heading"),
        labelled(text("idea_field_title", language),
                 dcc.Input(id=IDEA_TITLE, type="text", maxLength=TITLE_MAX, className="text-input"), IDEA_TITLE),
        _error(IDEA_TITLE, "title"),
        labelled(text("idea_field_description", language),
                 dcc.Textarea(id=IDEA_DESCRIPTION, maxLength=DESCRIPTION_MAX, rows=5), IDEA_DESCRIPTION),
        _error(IDEA_DESCRIPTION, "description"),
        html.Fieldset([
            html.Legend(text("idea_field_areas", language)),
            dcc.Checklist(id=IDEA_AREAS, options=[{"label": area_title(area, language), "value": area.id}
                                                  for area in DEVELOPMENT_AREAS], inline=True),
        ]),
        _error(IDEA_AREAS, "areas"),
        html.Fieldset([
            html.Legend(text("idea_field_place", language)),
            html.P(text("idea_place_help", language), className="hint"),
            html.Iframe(id=IDEA_PICKER, srcDoc="", title=text("picker_title", language), className="point-picker"),
            html.Div([
                labelled(text("idea_field_lat", language), dcc.Input(id=IDEA_LAT, type="text", inputMode="decimal"),
                         IDEA_LAT),
                labelled(text("idea_field_lon", language), dcc.Input(id=IDEA_LON, type="text", inputMode="decimal"),
                         IDEA_LON),
            ], className="controls"),
        ]),
        _error(IDEA_PICKER, "point"),
        labelled(text("idea_field_contact", language),
                 dcc.Input(id=IDEA_CONTACT, type="text", maxLength=CONTACT_MAX, autoComplete="email"),
                 IDEA_CONTACT, text("idea_contact_hint", language)),
        _error(IDEA_CONTACT, "contact"),
        html.Div([html.Label(text("idea_trap_label", language), htmlFor=IDEA_TRAP),
                  dcc.Input(id=IDEA_TRAP, type="text", autoComplete="off")],
                 style=_OFFSCREEN, **{"aria-hidden": "true"}),
        html.P(text("idea_privacy_note", language, months=months), className="source idea-privacy"),
        html.Button(text("idea_send", language), id=IDEA_SEND, className="button"),
        html.Div(id=IDEA_FORM_MESSAGE, role="status", **{"aria-live": "polite"}),
    ]


def _error(component_id: str, field: str) -> html.Div:
    return html.Div(id=error_id(field), className="field-error", role="alert", **{"data-for": component_id})
