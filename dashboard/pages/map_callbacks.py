"""Map page callbacks: thin wrappers that read inputs, call ``dashboard.views.map``, return its result.

What the map shows is computed in ``dashboard.views.map`` (pure functions, tested without a
browser); this module only wires those functions to an app.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.server.settings import DEFAULT_PREFETCH_PANELS
from dashboard.views.map import leading_trigger, map_update, shown_panel, sync_request, year_slider
from dashboard.views.panel_prefetch import panel_copy

# Hands new values to the frame, which restyles in place (decision 72). The parent keeps the newest
# as ``allasMapPending``: a frame still loading (a new document is on its way) applies them at start.
_APPLY_VALUES_JS = """
function (values) {
    if (!values) { return window.dash_clientside.no_update; }
    window.allasMapPending = values;
    var frame = document.getElementById(%r);
    var map = frame && frame.contentWindow && frame.contentWindow.allasMap;
    if (map && map.apply) { map.apply(values); }
    return window.dash_clientside.no_update;
}
""" % ids.MAP_FRAME


def register_map_callbacks(app: Dash, data: DashboardData, tiles: str = "none",
                           prefetch_limit: int = DEFAULT_PREFETCH_PANELS) -> None:
    # A choice the page's copy of the panels can show, and an address the page wrote itself, never
    # reach the server (assets/panel_choice.js, decision 83); the rest arrive as requests.
    # The "Ort" list's changes, without outputs: the script writes what it shows itself (decision 84),
    # so a choice it answers costs no round of callbacks beyond this one. A map click runs none:
    # map_frame.js hands it to the script directly.
    app.clientside_callback(
        ClientsideFunction("allas_map", "choose"),
        Input(ids.LOCALITY, "value"),
        State(ids.PANEL_KEY, "data"),
        prevent_initial_call=True,
    )
    # The address on load; back and forward reach the server through the script's popstate handler.
    # No callback listens to the address itself, so writing it costs the page no round of callbacks.
    app.clientside_callback(
        ClientsideFunction("allas_map", "address"),
        Output(ids.URL_REQUEST, "data"),
        Input(ids.MAP_URL, "pathname"),
    )

    @app.callback(
        Output(ids.MAP_URL, "search"),
        Output(ids.LOCALITY, "value"),
        Output(ids.INDICATOR, "value"),
        Output(ids.YEAR, "value"),
        Output(ids.YEAR_LATEST, "value"),
        Output(ids.MAP_STATE, "data"),
        Output(ids.PANEL, "children"),
        Output(ids.PANEL_KEY, "data"),
        Output(ids.SHOWN_SEARCH, "data"),
        Input(ids.URL_REQUEST, "data"),
        Input(ids.SELECT_REQUEST, "data"),
        Input(ids.INDICATOR, "value"),
        Input(ids.YEAR, "value"),
        Input(ids.YEAR_LATEST, "value"),
        State(ids.MAP_URL, "search"),
        State(ids.LOCALITY, "value"),
        State(ids.MAP_STATE, "data"),
        State(ids.PANEL_KEY, "data"),
        State(ids.SHOWN_SEARCH, "data"),
        prevent_initial_call=True,
    )
    def _sync(url_request, select_request, layer, year, latest, search, locality, map_state, shown, written):
        # One round trip per selection: the URL, the list and the panel in one response.
        triggered = leading_trigger(list(ctx.triggered_prop_ids.values()))
        return sync_request(data, triggered, url_request, select_request, search, locality, layer, year, latest,
                            map_state, shown, written)

    # Once the map has drawn the page asks for every panel at once (and again, from "choose", when
    # its copy has grown old).
    app.clientside_callback(
        ClientsideFunction("allas_map", "wanted"),
        Output(ids.PANEL_WANTED, "data"),
        Input(ids.MAP_FRAME_KEY, "data"),
        prevent_initial_call=True,
    )

    @app.callback(Output(ids.PANEL_CACHE, "data"), Input(ids.PANEL_WANTED, "data"), prevent_initial_call=True)
    def _panel_copy(wanted):
        return panel_copy(data, wanted, prefetch_limit)

    # The script holds the copy too, so a map click without it goes straight to the server.
    app.clientside_callback(ClientsideFunction("allas_map", "keep"), Output(ids.PANEL_WANTED, "data",
                            allow_duplicate=True), Input(ids.PANEL_CACHE, "data"), prevent_initial_call=True)

    @app.callback(
        Output(ids.YEAR, "marks"),
        Output(ids.YEAR, "min"),
        Output(ids.YEAR, "max"),
        Output(ids.YEAR, "value", allow_duplicate=True),
        Output(ids.YEAR, "disabled"),
        Input(ids.INDICATOR, "value"),
        Input(ids.YEAR_LATEST, "value"),
        State(ids.YEAR, "value"),
        prevent_initial_call="initial_duplicate",
    )
    def _slider(layer, latest, year):
        return year_slider(data, layer, year, latest)

    @app.callback(
        Output(ids.MAP_FRAME, "srcDoc"),
        Output(ids.MAP_FRAME_KEY, "data"),
        Output(ids.MAP_VALUES, "data"),
        Input(ids.MAP_STATE, "data"),
        Input(ids.INI_FILTER_AREAS, "value"),
        Input(ids.INI_FILTER_STATUS, "value"),
        Input(ids.INI_FILTER_YEAR, "value"),
        Input(ids.IDEA_FILTER_SHOW, "value"),
        Input(ids.IDEA_FILTER_STATUS, "value"),
        State(ids.MAP_FRAME_KEY, "data"),
    )
    def _map(map_state, areas, statuses, year, show_ideas, idea_statuses, shown_key):
        if map_state is None:  # the URL has not been read yet: draw once, when it has
            return no_update, no_update, no_update
        # The frame's document only when the page has none for this geometry; else values only.
        return map_update(data, map_state, tiles, {"areas": areas, "statuses": statuses, "year": year,
                                                   "ideas": bool(show_ideas), "idea_statuses": idea_statuses},
                          shown_key)

    @app.callback(
        Output(ids.PANEL, "children", allow_duplicate=True),
        Input(ids.PANEL_MORE, "n_clicks"),
        State(ids.LOCALITY, "value"),
        State(ids.MAP_STATE, "data"),
        prevent_initial_call=True,
    )
    def _more_rows(pages, locality, map_state):
        return shown_panel(data, locality, map_state, pages=(pages or 0) + 1)

    # The map frame highlights the locality the panel shows: assets/map_highlight.js, no callback.
    app.clientside_callback(_APPLY_VALUES_JS, Output(ids.MAP_APPLIED, "data"), Input(ids.MAP_VALUES, "data"))
