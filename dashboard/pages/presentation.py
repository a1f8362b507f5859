"""Presentation mode for strategic meetings: one large, high-contrast slide at a time.

This module lays the page out; what it shows is computed in ``dashboard.views.presentation`` and
the callbacks are in ``dashboard.pages.presentation_callbacks``. Keys and the previous/next
buttons move through the slides in one script, ``assets/presentation.js``, which writes the slide
number into the URL at once (so four quick presses move four slides); the server draws the slide
the URL names. The slide fills the window (``assets/presentation.css``); full screen shows the
slide only, with the bar over it while the mouse moves. Everything is served by the app: it works
with no network at all.
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
            # Full screen shows this box only: the slide, with the bar over it while the mouse moves.
            html.Div(
                [
                    html.Div(
                        [
                            html.Button(text("pres_prev", language), id=ids.PRES_PREV, className="button",
                                        type="button"),
                            html.Span(id=ids.PRES_COUNTER, className="pres-counter", role="status"),
                            html.Button(text("pres_next", language), id=ids.PRES_NEXT, className="button",
                                        type="button"),
                            html.Button(text("pres_fullscreen", language), id=ids.PRES_FULLSCREEN,
                                        className="button secondary", type="button"),
                            dcc.Link(text("pres_exit", language), href="/", className="button secondary pres-exit"),
                            html.Div([html.Label(text("pres_choose", language), htmlFor=ids.PRES_CHOICE,
                                                 className="sr-only"),
                                      dropdown(ids.PRES_CHOICE, language, options=choices, value=DEFAULT_CHOICE,
                                               clearable=False)], className="control pres-choice"),
                            _menu(language),
                        ],
                        className="pres-bar",
                    ),
                    html.Div(id=ids.PRES_NOTICE),
                    html.Div(id=ids.PRES_STAGE, className="pres-stage", tabIndex="-1"),
                ],
                id=ids.PRES_SCREEN,
                className="pres-screen",
            ),
            # Always in the page so its callbacks stay wired; shown to staff only (the server checks saves).
            _editor(data, language, visible=staff),
        ],
        className="presentation-page",
    )


def _menu(language: str | None) -> html.Details:
    """What a projector does not need on every slide: files to take away, the chart as an image, the keys."""
    return html.Details(
        [
            html.Summary(text("pres_menu", language)),
            html.Div(
                [
                    dcc.Download(id=ids.PRES_DOWNLOAD),
                    html.Button(text("pres_export_map", language), id=ids.PRES_EXPORT_MAP,
                                className="button small secondary", type="button"),
                    html.Button(text("pres_export_report", language), id=ids.PRES_EXPORT_REPORT,
                                className="button small secondary", type="button"),
                    # assets/presentation.js draws the image from the chart on the slide shown.
                    html.Button(text("pres_chart_png", language), className="button small secondary pres-chart-image",
                                type="button", **{"data-format": "png"}),
                    html.Button(text("pres_chart_svg", language), className="button small secondary pres-chart-image",
                                type="button", **{"data-format": "svg"}),
                    html.P(text("pres_keys", language), className="source pres-keys"),
                ],
                className="pres-menu-items",
            ),
        ],
        id=ids.PRES_MENU,
        className="pres-menu",
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
