"""Initiatives as clustered map markers: colour by SLUS area, shape by status.

Everything a person reads in a marker (title, description, partners) is
escaped here; the marker's own HTML holds only our enum values and colours.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import folium
from folium.plugins import MarkerCluster

from dashboard.messages import text
from dashboard.vendor import MARKERCLUSTER_CSS, MARKERCLUSTER_JS
from indicators.groupwork import Initiative, InitiativeStatus
from indicators.slus import AREAS_BY_ID

NO_AREA_COLOUR = "#666666"
POPUP_TEXT_MAX = 300

MARKER_STYLE = """
<style>
  .ini-icon { background: none; border: none; }
  .ini { display: block; width: 18px; height: 18px; border: 2px solid #111; box-sizing: border-box; }
  .ini-idea { border-radius: 50%; border-style: dashed; }
  .ini-planned { border-radius: 50%; }
  .ini-ongoing { transform: rotate(45deg) scale(.85); }
  .ini-done { border-radius: 3px; }
  .ini-paused { border-radius: 50%; opacity: .55; border-style: dotted; }
  .ini-popup h3 { font-size: 16px; margin: 0 0 4px; }
  .ini-popup p { margin: 2px 0; font-size: 14px; }
</style>
"""

_EVENTS = folium.JsCode(
    """
function (feature, layer) {
  var p = feature.properties;
  // Status and colour are our own values; the title is set as a DOM property, not HTML.
  layer.options.title = p.title;
  layer.setIcon(L.divIcon({className: 'ini-icon', iconSize: [18, 18],
    html: '<span class="ini ini-' + p.status + '" style="background:' + p.colour + '"></span>'}));
  layer.bindPopup(p.popup, {maxWidth: 320});
}
"""
)


def initiative_features(initiatives: Sequence[Initiative], names: Mapping[str, str],
                        language: str | None = None) -> dict:
    """A FeatureCollection of the initiatives that have a point; popups pre-escaped."""
    features = []
    for initiative in initiatives:
        if initiative.lat is None or initiative.lon is None:
            continue
        status = InitiativeStatus(initiative.status)
        colour = AREAS_BY_ID[initiative.areas[0]].colour if initiative.areas and initiative.areas[0] in AREAS_BY_ID \
            else NO_AREA_COLOUR
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(initiative.lon, 6), round(initiative.lat, 6)]},
            "properties": {
                "id": initiative.id,
                "status": status.value,
                "colour": colour,
                "title": initiative.title,  # used as the marker's title attribute (set as text by Leaflet)
                "popup": popup_html(initiative, names.get(initiative.locality_id, initiative.locality_id), language),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def popup_html(initiative: Initiative, locality_name: str, language: str | None = None) -> str:
    """Escaped popup content: title, locality, status, areas and the start of the description."""
    description = initiative.description
    if len(description) > POPUP_TEXT_MAX:
        description = description[:POPUP_TEXT_MAX].rstrip() + " …"
    areas = ", ".join(AREAS_BY_ID[a].short_name for a in initiative.areas if a in AREAS_BY_ID)
    rows = [
        f"<h3>{html.escape(initiative.title)}</h3>",
        f"<p><strong>{html.escape(text('popup_locality', language))}:</strong> {html.escape(locality_name)}</p>",
        f"<p><strong>{html.escape(text('popup_status', language))}:</strong> "
        f"{html.escape(text('status_' + InitiativeStatus(initiative.status).value, language))}"
        + (f" ({initiative.progress} %)" if initiative.progress is not None else "") + "</p>",
    ]
    if areas:
        rows.append(f"<p><strong>{html.escape(text('popup_areas', language))}:</strong> {html.escape(areas)}</p>")
    if description:
        rows.append(f"<p>{html.escape(description)}</p>")
    return '<div class="ini-popup">' + "".join(rows) + "</div>"


def add_initiatives(fmap: folium.Map, features: dict) -> None:
    """Cluster the markers (Leaflet.markercluster from the app's /vendor route)."""
    if not features["features"]:
        return
    cluster = MarkerCluster(name="initiatives", options={"maxClusterRadius": 40, "showCoverageOnHover": False})
    cluster.default_js = [("markerclusterjs", MARKERCLUSTER_JS)]
    cluster.default_css = [(f"markercluster_css_{i}", url) for i, url in enumerate(MARKERCLUSTER_CSS)]
    cluster.add_to(fmap)
    folium.GeoJson(features, name="initiative-points", on_each_feature=_EVENTS).add_to(cluster)
    fmap.get_root().header.add_child(folium.Element(MARKER_STYLE))
