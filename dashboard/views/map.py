"""What the map page shows for a state: the URL/controls sync, the year slider, the map document,
the layer values and the side panel.

Pure functions of (data, inputs), kept out of the callbacks module so the page's callbacks, the
presentation's slides and the standalone-map export draw the same map from one place, and tests call
them without a browser or a running server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from dash import NoUpdate, no_update

from dashboard import ids
from dashboard.components.map_view import FRAME_VERSION, map_frame_html, map_geometry, map_values
from dashboard.components.panel import OVERVIEW_PAGE, locality_panel, overview_panel
from dashboard.components.priority_map import category_values
from dashboard.components.priority_table import priority_overview
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.views.map_markers import map_markers
from dashboard.views.panel_cache import cached_markup, cached_view
from dashboard.views.map_layers import (
    LayerData,
    indicator_layer_data,
    is_score_layer,
    score_layer_data,
)
from dashboard.views.priorities import (
    PriorityLayer,
    is_priority_layer,
    layer_year,
    priority_layer,
)
from dashboard.views.url_state import (
    EQUAL_WEIGHTS,
    LATEST,
    ViewState,
    format_weights,
    parse_query,
    parse_weights,
    to_query,
    year_or_none,
)
from indicators.core.model import Locality
from indicators.core.slus import AREAS_BY_ID
from indicators.metrics.latest import years_with_data
from indicators.metrics.summary import locality_summary
from indicators.plans.priorities import plan_years, read_in_force


class ViewSync(NamedTuple):
    """What ``sync_view`` sets, named so tests read ``result.locality``, not ``result[1]``.

    The field order is the order of the callback's outputs (URL search,
    locality dropdown, layer dropdown, year slider, "latest" checkbox, map
    state, the side panel, what the panel shows and the address the page now has written);
    ``no_update`` marks a value that is already right. The panel is here so a selection costs one
    round trip (issue #13 item 2): the URL and the panel change in the same response, with no
    second callback waiting on the first.
    """

    search: str | NoUpdate
    locality: str | None | NoUpdate
    layer: str | NoUpdate
    year: int | None | NoUpdate
    latest: list[str] | NoUpdate
    map_state: dict[str, str] | NoUpdate
    panel: Any
    panel_key: str | NoUpdate
    shown_search: str


class SliderUpdate(NamedTuple):
    """What ``year_slider`` sets on the year slider, in the order of the callback's outputs."""

    marks: dict[int, dict[str, Any]]
    min: int
    max: int
    value: int | NoUpdate
    disabled: bool


def sync_view(
    data: DashboardData,
    triggered: str | None,
    search: str | None,
    click: dict | None,
    locality: str | None,
    layer: str | None,
    year: int | None,
    latest: list[str] | None,
    map_state: dict | None = None,
    shown: str | None = None,
    language: str | None = None,
) -> ViewSync:
    """Keep the URL, the controls and the side panel in step; the URL wins on page load.

    Returns the URL search, locality, layer, slider year, latest checkbox,
    map state and panel (see ``ViewSync``), with ``no_update`` for whatever already holds the right
    value so nothing is redrawn needlessly: choosing a locality must not reload the
    map, so the map listens to the map state (layer, year, weights) only.
    Weights only come from the URL (they are set on the compare page). ``shown`` is the
    ``panel_key`` of the panel on the page (None: none yet); the panel is built only when what it
    should show differs.
    """
    locality_ids = {loc.id for loc in data.localities()}
    layer_ids = {o["value"] for o in data.layer_options()}
    default = data.default_indicator()
    from_url = parse_query(search, localities=locality_ids, indicators=layer_ids, default_indicator=default)
    if triggered in (None, ids.MAP_URL):
        state = from_url
    else:
        chosen = locality
        if triggered == ids.MAP_CLICK and click and click.get("id") in locality_ids:
            chosen = click["id"]
        state = ViewState(
            locality=chosen if chosen in locality_ids else None,
            indicator=layer if layer in layer_ids else default,
            year=LATEST if (latest or year is None) else str(year),
            weights=from_url.weights,
        )
    query = to_query(state, default_indicator=default)
    new_latest = [LATEST] if state.year == LATEST else []
    new_year = year if state.year == LATEST else int(state.year)
    new_map_state = {"layer": state.indicator, "year": state.year, "weights": format_weights(state.weights) or ""}
    key = panel_key(state.locality, new_map_state)
    return ViewSync(
        search=query if query != (search or "") else no_update,
        locality=state.locality if state.locality != locality else no_update,
        layer=state.indicator if state.indicator != layer else no_update,
        year=new_year if new_year != year else no_update,
        latest=new_latest if new_latest != (latest or []) else no_update,
        map_state=new_map_state if new_map_state != map_state else no_update,
        panel=shown_panel(data, state.locality, new_map_state, language) if key != shown else no_update,
        panel_key=key if key != shown else no_update,
        shown_search=query,
    )


def leading_trigger(triggered: Sequence[str]) -> str | None:
    """Which of the inputs that fired together ``sync_request`` answers: the address first, then a choice.

    On load the address and the year slider (set up by its own callback) arrive in one call; the
    address must win, or the controls' defaults would overwrite it.
    """
    for wanted in (ids.URL_REQUEST, ids.SELECT_REQUEST):
        if wanted in triggered:
            return wanted
    return triggered[0] if triggered else None


def sync_request(
    data: DashboardData,
    triggered: str | None,
    url_request: dict | None,
    select_request: dict | None,
    search: str | None,
    locality: str | None,
    layer: str | None,
    year: int | None,
    latest: list[str] | None,
    map_state: dict | None = None,
    shown: str | None = None,
    written: str | None = None,
    language: str | None = None,
) -> ViewSync:
    """``sync_view`` for what the page hands the server (decision 83).

    The page's script (``assets/panel_choice.js``) answers a choice itself when its copy of the
    panels has it, and an address it wrote itself needs no answer; everything else reaches the
    server as a request: ``url_request`` ``{"search"}`` for an address the page did not write (a
    load, back, forward), ``select_request`` ``{"id", "via": "map" | "list"}`` for a choice. They
    are read here as the click, list choice and address they stand for. ``written`` is the address
    the page last wrote; until there is one (None) the page has not read its address yet, and a
    control that changes first (the year slider set up on load) must not win over the address; nor
    may it while the address differs from what the page wrote (back or forward moved it).
    """
    click = None
    if triggered not in (ids.URL_REQUEST, ids.SELECT_REQUEST) and (search or "") != written:
        # The address is not the one the page last showed (None: it has shown none yet), as on load,
        # or after back or forward while their request is on the way: a control's change computed
        # meanwhile must not write over it.
        triggered = ids.MAP_URL
    elif triggered == ids.URL_REQUEST:
        triggered = ids.MAP_URL
        if isinstance(url_request, dict) and isinstance(url_request.get("search"), str):
            search = url_request["search"]
    elif triggered == ids.SELECT_REQUEST:
        request = select_request if isinstance(select_request, dict) else {}
        chosen = request.get("id") if isinstance(request.get("id"), str) else None
        if request.get("via") == "map":
            triggered, click = ids.MAP_CLICK, {"id": chosen}
        else:
            triggered, locality = ids.LOCALITY, chosen
    return sync_view(data, triggered, search, click, locality, layer, year, latest, map_state, shown, language)


def panel_key(locality: str | None, map_state: Mapping[str, str]) -> str:
    """What the side panel shows, as one string: the locality, or the overview of a layer, year and weights.

    A locality's panel is the same whatever colours the map, so a new layer or year leaves it alone.
    """
    if locality:
        return f"ort:{locality}"
    return "overview:" + "|".join(str(map_state.get(name) or "") for name in ("layer", "year", "weights"))


def layer_years(data: DashboardData, layer: str) -> list[int]:
    """Years the layer can be shown for, oldest first."""
    if is_priority_layer(layer):
        return plan_years(data.store)
    if is_score_layer(layer):
        return sorted(data.score_years())
    localities = [loc.id for loc in data.localities()]
    return sorted(years_with_data(data.observations(layer, localities)))


def year_slider(data: DashboardData, layer: str | None, year: int | None, latest: list[str] | None) -> SliderUpdate:
    """Slider marks for the years the layer has data, its range, its value, and whether it is off.

    When "latest" is ticked the slider is disabled but still shows the newest
    year, so the user sees where unticking will start.
    """
    years = layer_years(data, layer) if layer else []
    if year is not None and year not in years:
        years = sorted({*years, year})  # a year from a link stays visible even without data
    if not years:
        return SliderUpdate(marks={}, min=0, max=1, value=no_update, disabled=True)
    marks = slider_marks(years)
    value = year if year is not None else years[-1]
    return SliderUpdate(marks=marks, min=years[0], max=years[-1], value=value if value != year else no_update,
                        disabled=bool(latest))


def slider_marks(years: list[int], max_labels: int = 6) -> dict[int, dict]:
    """A mark per year; labels thinned so they never overlap (every mark stays selectable)."""
    span = max(years[-1] - years[0], 1)
    gap = span / max_labels
    marks, last_labelled = {}, None
    for y in years:
        show = y in (years[0], years[-1]) or last_labelled is None or (
            y - last_labelled >= gap and years[-1] - y >= gap)
        # An empty label would make the slider print the year anyway; a dot marks the data year.
        marks[y] = {"label": str(y) if show else "·"}
        if show:
            last_labelled = y
    return marks


def layer_data(data: DashboardData, layer: str | None, year: str | None, weights: Mapping[str, float],
               language: str | None = None) -> tuple[LayerData, str]:
    """The values to draw and the year label for the legend (made once per data version: the map's
    colours and the overview panel share them)."""
    layer = layer or data.default_indicator()
    year = year or LATEST
    language = language or current_language()
    if is_priority_layer(layer):  # "latest" is this year's plans: a date, not only the data, decides
        return _layer_data(data, layer, year, weights, language)
    key = ("layer", layer, year, format_weights(weights) or "", language)
    return cached_view(data, key, lambda: _layer_data(data, layer, year, weights, language))


def _layer_data(data: DashboardData, layer: str, year: str, weights: Mapping[str, float],
                language: str) -> tuple[LayerData, str]:
    if is_priority_layer(layer):
        chosen_layer = priority_layer_of(data, layer, year, language)
        return LayerData(chosen_layer.indicator, []), str(chosen_layer.year)
    if is_score_layer(layer):
        years = data.score_years()
        chosen = year_or_none(year) if year != LATEST else (max(years) if years else None)
        if chosen is None:
            indicator = data.store.indicator(data.default_indicator())
            return indicator_layer_data(indicator, [], [loc.id for loc in data.localities()], None, language), \
                text("year_latest", language).lower()
        table = data.score_table(chosen, weights)
        return score_layer_data(layer, table, weights_note(weights, language), language), str(chosen)
    indicator = data.store.indicator(layer) or data.store.indicator(data.default_indicator())
    locality_ids = [loc.id for loc in data.localities()]
    observations = data.layer_observations(indicator.id)
    label = text("year_latest", language).lower() if year == LATEST else year
    return indicator_layer_data(indicator, observations, locality_ids, year_or_none(year), language), label


def weights_note(weights: Mapping[str, float], language: str | None = None) -> str:
    if format_weights(weights) is None:
        return text("weights_note", language, weights=text("weights_equal", language))
    described = ", ".join(f"{AREAS_BY_ID[a].short_name} {weights.get(a, 1.0):g}" for a in EQUAL_WEIGHTS)
    return text("weights_note", language, weights=described.replace(".", ","))


class MapUpdate(NamedTuple):
    """What the map callback sets, in the order of its outputs: the frame's document (``no_update``
    when the frame on the page already draws this geometry), the frame's key, and the values."""

    document: str | NoUpdate
    frame_key: str | NoUpdate
    values: dict


def map_document(data: DashboardData, map_state: dict | None, tiles: str = "none",
                 initiative_filter: dict | None = None, focus: str | None = None,
                 language: str | None = None) -> str:
    """The map's whole HTML for the layer, year and weights of the map state, with the initiatives
    that pass the filter (areas, statuses, year) and the residents' published ideas as clustered
    markers (``dashboard.views.map_markers``): self-contained, for slides, exports and the first
    draw of the map page."""
    language = language or current_language()
    geometry = map_geometry_of(data, focus)
    values = map_values_of(data, geometry, map_state, initiative_filter, language)
    # No key: only the map page's own frame takes values sent later (a slide's frame must not).
    return map_frame_html(geometry, values, tiles=tiles, language=language)


def map_update(data: DashboardData, map_state: dict, tiles: str, initiative_filter: dict | None,
               shown_key: str | None, language: str | None = None) -> MapUpdate:
    """The map page's answer to a new layer, year, weights or filter: values only while the frame
    on the page (``shown_key``) draws the same geometry in the same language and tiles, else a new
    frame document too (decision 72). The values always come, so the page hands the newest to the
    frame whether it is the old one or one still loading."""
    language = language or current_language()
    localities = data.localities()  # read once (a query and a Swedish sort): the key and the geometry share it
    key = frame_key(data, tiles, language, localities)
    geometry = map_geometry_of(data, localities=localities)
    values = map_values_of(data, geometry, map_state, initiative_filter, language)
    if key == shown_key:
        return MapUpdate(no_update, no_update, {**values, "frame": key})
    document = map_frame_html(geometry, values, tiles=tiles, key=key, language=language)
    return MapUpdate(document, key, {**values, "frame": key})


def frame_key(data: DashboardData, tiles: str, language: str | None = None,
              localities: Sequence[Locality] | None = None) -> str:
    """Names the frame document: the same while the localities (names, places, areas), the
    language, the tiles and the frame's scripts are, so values can be sent to the frame drawn.

    A digest of what the geometry is made from, not of the geometry itself (1.5 MB at 2,000
    localities), and stable across server processes (no ``hash()``, which Python salts per process).
    """
    localities = data.localities() if localities is None else localities
    made_from = repr((tuple(localities), language or current_language(), tiles, FRAME_VERSION))
    return hashlib.sha256(made_from.encode()).hexdigest()[:20]


def map_geometry_of(data: DashboardData, focus: str | None = None,
                    localities: Sequence[Locality] | None = None) -> dict:
    """The frame's geometry for the data's localities (``map_geometry``)."""
    localities = list(data.localities() if localities is None else localities)
    return map_geometry(data.layers(localities), {loc.id: loc.name for loc in localities}, focus=focus)


def map_values_of(data: DashboardData, geometry: Mapping, map_state: dict | None,
                  initiative_filter: dict | None = None, language: str | None = None) -> dict:
    """The values (fills, tooltips, legend, markers) of the map state's layer, year and weights."""
    layer, year, weights = _unpack(data, map_state)
    markers, marker_notes = map_markers(data, initiative_filter, language)
    if is_priority_layer(layer):
        priorities = priority_layer_of(data, layer, year, language)
        return category_values(geometry, priorities.fills, priorities.tooltips, priorities.legend, markers)
    layer_values, year_label = layer_data(data, layer, year, weights, language)
    return map_values(
        geometry,
        layer_values.values,
        layer_values.indicator,
        year_label=year_label,
        notes=layer_values.notes,
        legend_notes=(*layer_values.legend_notes, *marker_notes),
        initiatives=markers,
        language=language,
    )


def priority_layer_of(data: DashboardData, layer: str, year: str, language: str | None = None) -> PriorityLayer:
    """A ``prioritet-<area>`` layer for the map's year ("latest": the plans in force this year)."""
    chosen = layer_year(year)
    return priority_layer(layer, chosen, read_in_force(data.store, chosen), data.names(), language)


def _unpack(data: DashboardData, map_state: dict | None) -> tuple[str, str, dict[str, float]]:
    state = map_state or {}
    return (state.get("layer") or data.default_indicator(), state.get("year") or LATEST,
            parse_weights(state.get("weights")))


def shown_panel(data: DashboardData, locality_id: str | None, map_state: dict | None,
                language: str | None = None, pages: int = 1) -> Any:
    """``panel_content`` as the page gets it: its static markup as data (``static_tree.freeze``),
    built once per data version and sent as the JSON Dash would make of it
    (``dashboard.views.panel_cache``; issue #13 items 2 and 5)."""
    language = language or current_language()
    # A locality's panel shows the store's data only (the locality, its group, indicators): group
    # work, plans and ideas do not make it stale. The overview may show plans' priorities.
    return cached_markup(data, (panel_key(locality_id, map_state or {}), pages, language),
                         lambda: panel_content(data, locality_id, map_state, language, pages),
                         group_work=locality_id is None)


def panel_content(data: DashboardData, locality_id: str | None, map_state: dict | None,
                  language: str | None = None, pages: int = 1):
    """The chosen locality's panel, or the overview of all localities for the layer when none is chosen.

    The overview shows its first ``pages`` pages of rows (``OVERVIEW_PAGE`` each) and a "show more".
    """
    language = language or current_language()  # once, not for each of the panel's hundreds of texts
    locality = data.store.locality(locality_id) if locality_id else None
    if locality is None:
        layer, year, weights = _unpack(data, map_state)
        if is_priority_layer(layer):
            return priority_overview(priority_layer_of(data, layer, year, language), data.names(), language)
        layer_values, year_label = layer_data(data, layer, year, weights, language)
        return overview_panel(layer_values.indicator, layer_values.values, data.names(), year_label,
                              layer_values.notes, language, limit=max(1, pages) * OVERVIEW_PAGE)

    indicators = data.indicators()
    observations = data.panel_observations(locality.id)
    population_indicator = data.store.indicator("population")
    population = [o for o in observations if o.indicator_id == "population" and o.place_id == locality.id]
    # The map's figure for this locality, per indicator: the panel headlines the same one.
    headlines = data.locality_headlines(locality.id, [ind.id for ind in indicators], observations)
    found = {indicator_id: headline for indicator_id, headline in headlines.items() if headline is not None}
    return locality_panel(
        locality,
        data.store.group(locality.id),
        population_indicator,
        population,
        locality_summary(locality.id, indicators, observations, found),
        language,
        population_headline=found.get("population"),
    )
