"""The page: header, controls, map and panel. Values are filled in by callbacks from the URL."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.messages import DEFAULT_LANGUAGE, text
from dashboard.url_state import LATEST


def build_layout(data: DashboardData, language: str = DEFAULT_LANGUAGE) -> html.Div:
    """Built per page load, so localities or indicators added since start appear."""
    localities = data.localities()
    indicators = data.map_indicators()
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.MAP_CLICK),
            dcc.Store(id=ids.HIGHLIGHT),
            html.Header(
                [html.H1(text("app_title", language)), html.P(text("app_subtitle", language))],
                className="app-header",
            ),
            html.Div(
                [
                    _control(
                        text("indicator_label", language),
                        dcc.Dropdown(
                            id=ids.INDICATOR,
                            options=[{"label": i.name_sv, "value": i.id} for i in indicators],
                            value=data.default_indicator(),
                            clearable=False,
                        ),
                        ids.INDICATOR,
                    ),
                    _control(
                        text("year_label", language),
                        dcc.Dropdown(id=ids.YEAR, value=LATEST, clearable=False),
                        ids.YEAR,
                    ),
                    _control(
                        text("locality_label", language),
                        dcc.Dropdown(
                            id=ids.LOCALITY,
                            options=[{"label": loc.name, "value": loc.id} for loc in localities],
                            placeholder=text("locality_placeholder", language),
                        ),
                        ids.LOCALITY,
                    ),
                ],
                className="controls",
            ),
            html.Main(
                [
                    html.Section(
                        [
                            html.Iframe(id=ids.MAP_FRAME, title=text("map_title", language), className="map-frame"),
                            html.P(text("map_hint", language), className="hint"),
                        ],
                        className="map-column",
                    ),
                    html.Section(id=ids.PANEL, className="panel-column", **{"aria-live": "polite"}),
                ],
                className="main",
            ),
            html.Footer(html.P(text("footer_sources", language)), className="app-footer"),
        ],
        className="app",
    )


def _control(label: str, component, component_id: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=component_id), component], className="control")
