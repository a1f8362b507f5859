"""The frame around every page: header with navigation, the page slot (Dash Pages' container), the footer."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.i18n.messages import text


def build_shell(language: str | None = None) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.ROOT_URL, refresh=False),
            html.Header(
                [
                    html.Div([html.H1(text("app_title", language)), html.P(text("app_subtitle", language))],
                             className="app-title"),
                    # Shown on narrow screens only (assets/responsive.css); assets/responsive.js opens and
                    # closes the menu and keeps aria-expanded true to what is shown.
                    html.Button(text("menu_button", language), id=ids.MENU_BUTTON, className="menu-button",
                                type="button", **{"aria-expanded": "false", "aria-controls": ids.NAV}),
                    html.Nav(id=ids.NAV, className="nav", **{"aria-label": text("nav_label", language)}),
                ],
                className="app-header",
            ),
            html.Div(dash.page_container, id=ids.PAGE, className="page"),
            html.Footer(html.P(text("footer_sources", language)), className="app-footer"),
        ],
        className="app",
        # Words for the buttons Dash 4 draws beside every number field and labels in English
        # ("Decrease value"): assets/a11y.js names them in the reader's language from here.
        **{"data-stepper-decrease": text("stepper_decrease", language),
           "data-stepper-increase": text("stepper_increase", language)},
    )
