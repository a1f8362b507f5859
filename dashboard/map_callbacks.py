"""Callbacks: thin wrappers that read inputs, call domain functions, return components.

Each callback body is a plain function of (data, inputs) defined at module
level, so tests call it without a browser or a running server;
``register_callbacks`` only wires them to an app.
"""

from __future__ import annotations

from dash import Dash, Input, Output, ctx, html, no_update

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.map_view import render_map_html
from dashboard.messages import DEFAULT_LANGUAGE, text
from dashboard.panel import locality_panel, overview_panel
from dashboard.url_state import LATEST, ViewState, parse_query, to_query, year_or_none
from indicators.latest import map_values, years_with_data
from indicators.model import REFERENCE_PLACE_IDS
from indicators.summary import locality_summary


def sync_view(
    data: DashboardData,
    triggered: str | None,
    search: str | None,
    click: dict | None,
    locality: str | None,
    indicator: str | None,
    year: str | None,
) -> tuple:
    """Keep the URL and the controls in step; the URL wins on page load.

    Returns (search, locality, indicator, year), with ``no_update`` for
    whatever already holds the right value so nothing is redrawn needlessly.
    """
    locality_ids = {loc.id for loc in data.localities()}
    indicator_ids = {i.id for i in data.map_indicators()}
    default = data.default_indicator()
    if triggered in (None, ids.URL):
        state = parse_query(search, localities=locality_ids, indicators=indicator_ids, default_indicator=default)
    else:
        chosen = locality
        if triggered == ids.MAP_CLICK and click and click.get("id") in locality_ids:
            chosen = click["id"]
        state = ViewState(
            locality=chosen if chosen in locality_ids else None,
            indicator=indicator if indicator in indicator_ids else default,
            year=year or LATEST,
        )
    query = to_query(state, default_indicator=default)
    return (
        query if query != (search or "") else no_update,
        state.locality if state.locality != locality else no_update,
        state.indicator if state.indicator != indicator else no_update,
        state.year if state.year != year else no_update,
    )


def year_options(data: DashboardData, indicator_id: str | None, language: str = DEFAULT_LANGUAGE) -> list[dict]:
    """"Latest" plus every year the indicator has a locality value for."""
    locality_ids = [loc.id for loc in data.localities()]
    observations = data.store.observations(indicator_id, locality_ids) if indicator_id else []
    years = years_with_data(observations)
    return [{"label": text("year_latest", language), "value": LATEST}] + [
        {"label": str(y), "value": str(y)} for y in years
    ]


def map_document(data: DashboardData, indicator_id: str | None, year: str | None, tiles: str = "none",
                 language: str = DEFAULT_LANGUAGE) -> str:
    """The map's HTML for the chosen indicator and year."""
    localities = data.localities()
    indicator = data.store.indicator(indicator_id or data.default_indicator())
    if indicator is None:
        indicator = data.store.indicator(data.default_indicator())
    year = year or LATEST
    observations = data.store.observations(indicator.id, [loc.id for loc in localities])
    values = map_values(observations, [loc.id for loc in localities], year_or_none(year))
    year_label = text("year_latest", language).lower() if year == LATEST else year
    return render_map_html(
        data.layers(localities),
        values,
        {loc.id: loc.name for loc in localities},
        indicator,
        year_label=year_label,
        tiles=tiles,
        language=language,
    )


def panel_content(data: DashboardData, locality_id: str | None, indicator_id: str | None, year: str | None,
                  language: str = DEFAULT_LANGUAGE):
    """The chosen locality's panel, or the overview of all localities when none is chosen."""
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        localities = data.localities()
        indicator = data.store.indicator(indicator_id or data.default_indicator())
        if indicator is None:
            return html.P(text("map_hint", language))
        observations = data.store.observations(indicator.id, [loc.id for loc in localities])
        values = map_values(observations, [loc.id for loc in localities], year_or_none(year or LATEST))
        return overview_panel(indicator, values, {loc.id: loc.name for loc in localities}, language)

    indicators = data.store.indicators()
    observations = data.store.observations(place_ids=[locality.id, *REFERENCE_PLACE_IDS])
    population_indicator = data.store.indicator("population")
    population = [o for o in observations if o.indicator_id == "population" and o.place_id == locality.id]
    return locality_panel(
        locality,
        data.store.group(locality.id),
        population_indicator,
        population,
        locality_summary(locality.id, indicators, observations),
        language,
    )


_HIGHLIGHT_JS = """
function (locality) {
    var frame = document.getElementById(%r);
    if (frame && frame.contentWindow && frame.contentWindow.highlightLocality) {
        frame.contentWindow.highlightLocality(locality);
    }
    return window.dash_clientside.no_update;
}
""" % ids.MAP_FRAME


def register_callbacks(app: Dash, data: DashboardData, tiles: str = "none") -> None:
    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.LOCALITY, "value"),
        Output(ids.INDICATOR, "value"),
        Output(ids.YEAR, "value"),
        Input(ids.URL, "search"),
        Input(ids.MAP_CLICK, "data"),
        Input(ids.LOCALITY, "value"),
        Input(ids.INDICATOR, "value"),
        Input(ids.YEAR, "value"),
    )
    def _sync(search, click, locality, indicator, year):
        return sync_view(data, ctx.triggered_id, search, click, locality, indicator, year)

    @app.callback(Output(ids.YEAR, "options"), Input(ids.INDICATOR, "value"))
    def _years(indicator):
        return year_options(data, indicator)

    @app.callback(Output(ids.MAP_FRAME, "srcDoc"), Input(ids.INDICATOR, "value"), Input(ids.YEAR, "value"))
    def _map(indicator, year):
        return map_document(data, indicator, year, tiles)

    @app.callback(
        Output(ids.PANEL, "children"),
        Input(ids.LOCALITY, "value"),
        Input(ids.INDICATOR, "value"),
        Input(ids.YEAR, "value"),
    )
    def _panel(locality, indicator, year):
        return panel_content(data, locality, indicator, year)

    app.clientside_callback(_HIGHLIGHT_JS, Output(ids.HIGHLIGHT, "data"), Input(ids.LOCALITY, "value"))

