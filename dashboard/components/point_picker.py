"""The initiative form's place picker: one locality's area on a small map, as an ``srcDoc`` document.

A click inside the area places the initiative's marker, which can then be dragged; a click or a
drop outside is refused in the map and the marker stays (``point_picker.js``). The point reaches
the form's latitude and longitude fields, which stay the other way to give it, and the server
checks it against the exact area when the form is saved (``indicators.groupwork.rules``); the
map draws the area simplified for the web, so near its edge the server has the last word.

No folium and no template engine: the document is our own constant HTML, Leaflet comes from the
app's ``/vendor`` route, and everything else (the area, the words) travels in the JSON data island
that ``map_view.data_island`` makes safe, set in the page with ``textContent``.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from dashboard import ids
from dashboard.components.map_view import data_island
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.vendor import LEAFLET_CSS, LEAFLET_JS
from geodata.web_layers import WebLayers

_SCRIPT = (Path(__file__).parent / "point_picker.js").read_text(encoding="utf-8")

_DOCUMENT = """<!DOCTYPE html>
<html lang="%(lang)s"><head><meta charset="utf-8"><title>%(title)s</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="%(css)s">
<style>
  html, body { margin: 0; height: 100%%; font: 15px/1.35 system-ui, sans-serif; color: #111; }
  body { display: flex; flex-direction: column; }
  #picker-map { flex: 1; min-height: 200px; background: #eef1ee; cursor: crosshair; }
  #picker-note { margin: 0; padding: 6px 8px; background: #fff; border-top: 1px solid #999; }
  #picker-note.refused { background: #fde8e6; color: #7a1500; font-weight: 600; }
</style></head>
<body><div id="picker-map"></div><p id="picker-note" role="status" aria-live="polite"></p>
<script src="%(js)s"></script>
%(island)s
<script>
%(script)s</script>
</body></html>
"""


def area_feature(layers: WebLayers, locality_id: str | None) -> dict | None:
    """The locality's area as a GeoJSON feature (WGS 84, simplified for the web), or None."""
    if not locality_id:
        return None
    for feature in layers.areas["features"]:
        if feature["properties"].get("id") == locality_id:
            return {"type": "Feature", "geometry": feature["geometry"], "properties": {"id": locality_id}}
    return None


def picker_html(layers: WebLayers, locality_id: str | None, language: str | None = None, *,
                lat_input: str = ids.INI_LAT, lon_input: str = ids.INI_LON) -> str:
    """The picker document for ``locality_id``'s area; empty when the locality has no area.

    ``lat_input`` and ``lon_input`` are the ids of the form's coordinate fields it writes to
    (the initiative form's by default; the ideas form passes its own).
    """
    area = area_feature(layers, locality_id)
    if area is None:
        return ""
    language = language or current_language()
    payload = {
        "area": area,
        "boundary": layers.boundary,
        "latInput": lat_input,
        "lonInput": lon_input,
        "decimalComma": language == "sv",
        "messages": {
            "help": text("picker_help", language),
            "placed": text("picker_placed", language),
            "outside": text("picker_outside", language),
            "typedOutside": text("picker_typed_outside", language),
            "marker": text("picker_marker", language),
            "zoomIn": text("map_zoom_in", language),
            "zoomOut": text("map_zoom_out", language),
        },
    }
    return _DOCUMENT % {
        "lang": html.escape(language), "title": html.escape(text("picker_title", language)),
        "css": LEAFLET_CSS, "js": LEAFLET_JS, "island": data_island(payload), "script": _SCRIPT,
    }


SHOW_TYPED_POINT = """
function (lat, lon) {
    // The form's coordinates changed (typed, loaded for editing or set by the picker itself):
    // move the picker's marker to them. Before the frame has loaded it reads the fields itself.
    var frame = document.getElementById(%(frame)s);
    var picker = frame && frame.contentWindow && frame.contentWindow.allasPicker;
    if (picker) { picker.show(lat, lon); }
    return window.dash_clientside.no_update;
}
""" % {"frame": json.dumps(ids.INI_PICKER)}
"""The clientside callback that keeps the picker's marker on the form's coordinates."""
