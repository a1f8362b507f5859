"""Presentation mode for strategic meetings: one large, high-contrast slide at a time.

This module lays the page out; what it shows is computed in ``dashboard.views.presentation`` and
the callbacks are in ``dashboard.pages.presentation_callbacks``. The keyboard drives the slides
through ``assets/presentation.js``, which only clicks the page's own buttons, so mouse, keyboard
and tests take one path. Everything is served by the app: it works with no network at all.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.widgets import dropdown
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.views.presentation import (
    DEFAULT_CHOICE,
    presentation_choices,
    slide_options,
)
from indicators.accounts.auth import can
from indicators.presentations import service as presentation_service
from indicators.presentations.slides import SLIDE_OVERVIEW


def presentation_page(data: DashboardData, language: str | None = None) -> html.Div:
    """The slide stage with its controls, the export buttons and (for staff) the editor."""
    staff = can(data.current_user(), presentation_service.ACTION)
    choices = presentation_choices(data, language)
    return html.Div(
        [
            dcc.Location(id=ids.PRES_URL, refresh=False),
            dcc.Store(id=ids.PRES_FULLSCREEN_DONE),
            html.Div(
                [
                    html.Button(text("pres_prev", language), id=ids.PRES_PREV, className="button"),
                    html.Span(id=ids.PRES_COUNTER, className="pres-counter", role="status"),
                    html.Button(text("pres_next", language), id=ids.PRES_NEXT, className="button"),
                    html.Button(text("pres_fullscreen", language), id=ids.PRES_FULLSCREEN,
                                className="button secondary"),
                    dcc.Link(text("pres_exit", language), href="/", className="button secondary pres-exit"),
                    html.Div([html.Label(text("pres_choose", language), htmlFor=ids.PRES_CHOICE, className="sr-only"),
                              dropdown(ids.PRES_CHOICE, language, options=choices, value=DEFAULT_CHOICE,
                                       clearable=False)], className="control pres-choice"),
                ],
                className="pres-bar",
            ),
            html.Div(
                [
                    dcc.Download(id=ids.PRES_DOWNLOAD),
                    html.Button(text("pres_export_map", language), id=ids.PRES_EXPORT_MAP,
                                className="button small secondary"),
                    html.Button(text("pres_export_report", language), id=ids.PRES_EXPORT_REPORT,
                                className="button small secondary"),
                ],
                className="button-row pres-exports",
            ),
            html.Div(id=ids.PRES_NOTICE),
            html.Div(id=ids.PRES_STAGE, className="pres-stage", tabIndex="-1"),
            html.P(text("pres_keys", language), className="source pres-keys"),
            # Always in the page so its callbacks stay wired; shown to staff only (the server checks saves).
            _editor(data, language, visible=staff),
        ],
        className="presentation-page",
    )


def _editor(data: DashboardData, language: str, visible: bool) -> html.Section:
    options = slide_options(data, language)
    return html.Section(
        [
            dcc.Store(id=ids.PRES_DRAFT),
            html.H3(text("pres_edit_heading", language)),
            html.Div([html.Label(text("pres_name", language), htmlFor=ids.PRES_NAME),
                      dcc.Input(id=ids.PRES_NAME, type="text", maxLength=120)], className="field"),
            html.Ol(id=ids.PRES_SLIDE_LIST, className="slide-list"),
            html.Div([html.Div([html.Label(text("pres_add", language), htmlFor=ids.PRES_ADD_CHOICE, className="sr-only"),
                                dropdown(ids.PRES_ADD_CHOICE, language, options=options, clearable=False,
                                         value=SLIDE_OVERVIEW)], className="control"),
                      html.Button(text("pres_add", language), id=ids.PRES_ADD, className="button secondary")],
                     className="button-row"),
            html.Button(text("pres_save", language), id=ids.PRES_SAVE, className="button"),
            html.Div(id=ids.PRES_MESSAGE, role="status"),
        ],
        className="form-card pres-editor",
        style={} if visible else {"display": "none"},
    )
