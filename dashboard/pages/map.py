"""The map page: controls, map and locality panel. Values are filled in by callbacks from the URL."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.idea_filter import idea_filter
from dashboard.components.widgets import dropdown, labelled
from dashboard.data import DashboardData
from dashboard.i18n.messages import status_label, text
from dashboard.views.url_state import LATEST
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.groupwork.records import InitiativeStatus


def map_page(data: DashboardData, language: str | None = None) -> html.Div:
    """Built per visit, so localities or indicators added since start appear."""
    localities = data.localities()
    return html.Div(
        [
            dcc.Location(id=ids.MAP_URL, refresh=False),
            dcc.Store(id=ids.MAP_STATE),
            dcc.Store(id=ids.PANEL_KEY),
            # The frame's key (what geometry it draws) and the values that colour it: decision 72.
            dcc.Store(id=ids.MAP_FRAME_KEY),
            dcc.Store(id=ids.MAP_VALUES),
            dcc.Store(id=ids.MAP_APPLIED),
            # The page's copy of the panels and the requests it leaves for the server: decision 83.
            dcc.Store(id=ids.PANEL_CACHE),
            dcc.Store(id=ids.PANEL_WANTED),
            dcc.Store(id=ids.SELECT_REQUEST),
            dcc.Store(id=ids.URL_REQUEST),
            dcc.Store(id=ids.SHOWN_SEARCH),
            html.Div(
                [
                    labelled(
                        text("indicator_label", language),
                        dropdown(ids.INDICATOR, language,
                            options=data.layer_options(),
                            value=data.default_indicator(),
                            clearable=False,
                        ),
                        ids.INDICATOR,
                    ),
                    html.Div(
                        [
                            html.Label(text("year_label", language), htmlFor=ids.YEAR),
                            dcc.Checklist(
                                id=ids.YEAR_LATEST,
                                options=[{"label": text("year_latest_option", language), "value": LATEST}],
                                value=[LATEST],
                                className="year-latest",
                            ),
                            dcc.Slider(id=ids.YEAR, min=0, max=1, step=None, marks={}, value=None,
                                       included=False, className="year-slider",
                                       tooltip={"placement": "bottom", "always_visible": False}),
                        ],
                        className="control",
                    ),
                    labelled(
                        text("locality_label", language),
                        dropdown(ids.LOCALITY, language,
                            options=[{"label": loc.name, "value": loc.id} for loc in localities],
                            placeholder=text("locality_placeholder", language),
                        ),
                        ids.LOCALITY,
                    ),
                ],
                className="controls",
            ),
            html.Details(
                [
                    html.Summary(text("initiative_filters", language)),
                    html.Div(
                        [
                            labelled(text("filter_areas", language), dropdown(
                                ids.INI_FILTER_AREAS, language, multi=True,
                                options=[{"label": a.short_name, "value": a.id} for a in DEVELOPMENT_AREAS]),
                                ids.INI_FILTER_AREAS),
                            labelled(text("filter_status", language), dropdown(
                                ids.INI_FILTER_STATUS, language, multi=True,
                                options=[{"label": status_label(s, language), "value": s.value}
                                         for s in InitiativeStatus]), ids.INI_FILTER_STATUS),
                            labelled(text("filter_year", language), dropdown(
                                ids.INI_FILTER_YEAR, language,
                                placeholder=text("filter_all_years", language),
                                options=[{"label": str(y), "value": str(y)} for y in data.initiative_years()]),
                                ids.INI_FILTER_YEAR),
                            idea_filter(language),
                        ],
                        className="controls",
                    ),
                ],
                className="initiative-filters",
            ),
            html.Div(
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
        ],
        className="map-page",
    )
