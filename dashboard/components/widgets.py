"""Dash components set up the way every page wants them (Swedish texts inside widgets)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from indicators.i18n.texts import N_

_DROPDOWN_LABELS = {"select_all": N_("dd_select_all"), "deselect_all": N_("dd_deselect_all"),
                    "selected_count": N_("dd_selected_count"), "search": N_("dd_search"),
                    "clear_search": N_("dd_clear_search"), "clear_selection": N_("dd_clear_selection"),
                    "no_options_found": N_("dd_no_options_found")}
"""dcc.Dropdown's own texts (its ``labels`` prop) → our message for each."""


def dropdown(component_id: str, language: str | None = None, **props) -> dcc.Dropdown:
    """A dropdown whose built-in texts ("3 selected", "Search") are in the UI language."""
    labels = {name: text(key, language) for name, key in _DROPDOWN_LABELS.items()}
    return dcc.Dropdown(id=component_id, labels=labels, **props)


GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # Never offer to upload municipal data to Plotly's cloud, and never reach for the network.
    "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio"],
    "toImageButtonOptions": {"filename": "allas-vimmerby", "scale": 2},
}
"""Every chart's settings: the camera button saves a PNG, nothing goes to a cloud service."""

_PLOTLY_WORDS = {
    "Download plot as a PNG": N_("plotly_download_png"), "Download plot": N_("plotly_download"),
    "Zoom": N_("plotly_zoom"), "Pan": N_("plotly_pan"), "Box Select": N_("plotly_box_select"),
    "Lasso Select": N_("plotly_lasso_select"), "Zoom in": N_("plotly_zoom_in"), "Zoom out": N_("plotly_zoom_out"),
    "Autoscale": N_("plotly_autoscale"), "Reset axes": N_("plotly_reset_axes"),
    "Toggle Spike Lines": N_("plotly_spikes"), "Show closest data on hover": N_("plotly_hover_closest"),
    "Compare data on hover": N_("plotly_hover_compare"), "Double-click to zoom back out": N_("plotly_double_click"),
    "Taking snapshot - this may take a few seconds": N_("plotly_snapshot_wait"),
    "Snapshot succeeded": N_("plotly_snapshot_done"),
    "Sorry, there was a problem downloading your snapshot!": N_("plotly_snapshot_failed"),
}
"""plotly.js's own words (its English dictionary's keys, shown on the chart's toolbar) → our message for each."""


def graph_config(language: str | None = None) -> dict:
    """A chart's settings with plotly's toolbar and notices in the UI language.

    plotly.js looks its words up in ``config.locales[locale].dictionary`` before its built-in
    English, so the locale is given with the chart and no plotly locale bundle is loaded.
    """
    code = language or current_language()
    words = {english: text(key, language) for english, key in _PLOTLY_WORDS.items()}
    return {**GRAPH_CONFIG, "locale": code, "locales": {code: {"dictionary": words}}}


def chart(graph: dcc.Graph, name: str, language: str | None = None) -> html.Div:
    """A chart with visible PNG and SVG download buttons under it.

    The camera in Plotly's hover toolbar only gives PNG and is hard to find with
    a keyboard; these buttons draw the image in the browser from the chart on
    screen (``assets/chart_download.js``, plotly.js is local), so they work with
    no network. ``name`` becomes the file name: ``allas-vimmerby-<name>.svg``.
    """
    buttons = [
        html.Button(fmt.upper(), type="button", className="button secondary small chart-download",
                    title=text("chart_download_title", language, format=fmt.upper()),
                    **{"aria-label": text("chart_download_title", language, format=fmt.upper()),
                       "data-format": fmt, "data-filename": f"allas-vimmerby-{name}"})
        for fmt in ("png", "svg")
    ]
    return html.Div([graph, html.Div([html.Span(text("chart_download", language)), *buttons],
                                     className="chart-downloads")], className="chart-box")


STATIC_GRAPH_CONFIG = {**GRAPH_CONFIG, "staticPlot": True}
"""For presentation slides: nothing to hover or drag on a projector."""


def labelled(label: str, component, component_id: str, hint: str = "", *, class_name: str = "control") -> html.Div:
    """A form control with its visible label (and an optional hint below), as every page lays them out."""
    parts = [html.Label(label, htmlFor=component_id), component]
    if hint:
        parts.append(html.Div(hint, className="hint"))
    return html.Div(parts, className=class_name)
