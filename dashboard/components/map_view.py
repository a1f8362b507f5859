"""The folium map as an HTML document, drawn from prepared web layers.

The map is a pure function of its inputs so it can be tested without a
browser and exported as it is.

Text is data here. folium/branca render every HTML string they are given
again as a Jinja template, so a title such as ``{{ 7*7 }}`` would be
evaluated on the server and ``{#`` would break the page. So folium only draws
the frame (the Leaflet map, its controls and the view); every feature and
every word a person or a file supplied (names, tooltips, popups, the legend)
goes into a JSON data island that is added *after* folium has rendered, and
``map_frame.js`` builds the layers from it with ``textContent``.

The island has two parts (decision 72): the **geometry** (``map_geometry``: boundary, areas,
points, names — the same whatever colours the map) and the **values** (``map_values``: fills,
tooltips, legend, markers — compact, aligned with the geometry's order). The map page sends the
document once and afterwards only new values, which ``allasMap.apply`` restyles in place;
``render_map_html`` makes the whole self-contained document of both for exports and slides.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import folium
from branca.element import Element

from dashboard.components.colour_scale import (
    NO_DATA_COLOUR,
    OTHER_BASIS_COLOUR,
    ColourScale,
    quantile_scale,
)
from dashboard.components.initiative_markers import MARKER_STYLE
from dashboard.i18n.messages import basis_label, indicator_name, text, unit_heading
from dashboard.server.language import current_language
from dashboard.server.vendor import (
    LEAFLET_CSS,
    LEAFLET_JS,
    MARKERCLUSTER_CSS,
    MARKERCLUSTER_JS,
)
from dashboard.views.formatting import number, with_unit, year
from geodata.web_layers import WebLayers
from indicators.core.model import Indicator
from indicators.metrics.latest import MapValue

# Labels are drawn permanently only when they can be read; with hundreds of
# localities (the synthetic benchmark) they would cover the map.
MAX_PERMANENT_LABELS = 40
LEGEND_WIDTH_PX = 230
DATA_ISLAND_ID = "map-data"

# The frame's scripts, in order: the markers (map_markers.js defines ``window.allasMarkers``), then the
# map itself (map_frame.js: layers, tooltips, legend, selection), which calls the markers' ``show``.
_FRAME_SCRIPTS = ("map_markers.js", "map_frame.js", "map_labels.js")
_FRAME_SCRIPT = "\n".join((Path(__file__).parent / name).read_text(encoding="utf-8") for name in _FRAME_SCRIPTS)
# Inside a <script> element only "</script" and "<!--" can end or change it; escaping "<" (and
# ">" and "&" for good measure) as JSON unicode escapes rules out both. U+2028/2029 are legal in
# JSON but were line terminators in older JavaScript.
# (Chained str.replace: str.translate with a mapping is about 50 times slower on a 5 MB map.)
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

_STYLE = """
<style>
  .ort-label { font: 600 15px/1.2 system-ui, sans-serif; color: #111; background: rgba(255,255,255,.92);
               border: 1px solid #444; border-radius: 3px; padding: 1px 6px; box-shadow: none; }
  .ort-label:before { display: none; }
  /* Wrapped, so a long note makes a narrow box that fits beside the names (Leaflet's is one line). */
  .leaflet-tooltip.ort-tooltip { font: 15px/1.35 system-ui, sans-serif; white-space: normal; width: max-content;
                                 max-width: 240px; }
  .leaflet-tooltip.ort-tooltip:before { display: none; }  /* placed clear of names, often not beside its arrow */
  .leaflet-container { background: #eef1ee; }
  /* The legend grows with the frame (vmin is the frame's), so it reads on a projector's slide as
     on a laptop; map_frame.js fits the municipality beside it and folds it on narrow frames. */
  .map-legend { position: absolute; z-index: 1000; left: 10px; top: 10px; background: #fff;
                padding: .6em .75em; border: 1px solid #555; border-radius: 4px;
                font: clamp(14px, 2.4vmin, 26px)/1.35 system-ui, sans-serif; color: #111;
                width: %(legend_em).2fem; max-width: calc(100vw - 100px); }
  .map-legend h2 { font-size: 1.07em; margin: 0; }
  .map-legend .legend-toggle { font: inherit; font-weight: 700; color: inherit; background: none; border: 0;
                               padding: 0; text-align: left; cursor: pointer; width: 100%%; }
  .map-legend .legend-toggle::after { content: " ▾"; }
  .map-legend .legend-toggle[aria-expanded="false"]::after { content: " ▸"; }
  .map-legend .legend-toggle:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
  .map-legend .legend-body { margin-top: .4em; }
  .map-legend .row { display: flex; align-items: center; gap: .5em; margin: .13em 0; }
  .map-legend .swatch { width: 1.45em; height: 1.05em; border: 1px solid #333; flex: none; }
  .map-legend .note { font-size: .87em; margin-top: .4em; color: #333; }
  .map-legend.folded { width: auto; }
</style>
"""

# Names this code's frame: a page holding a frame drawn by other scripts (the server was updated
# under it) gets a new frame rather than values its scripts may not read.
FRAME_VERSION = hashlib.sha256((_FRAME_SCRIPT + _STYLE + MARKER_STYLE).encode()).hexdigest()[:12]


def map_geometry(
    layers: WebLayers,
    names: Mapping[str, str],
    *,
    focus: str | None = None,
) -> dict:
    """What the frame draws once and keeps: the boundary, the areas and points, and the name of
    each locality a tooltip is about (``ids``/``titles``, the order ``map_values`` aligns with).

    Changing the indicator, year or weights changes none of it, so the map page sends it once
    (decision 72) and only ``map_values`` afterwards.
    """
    label_points = len(layers.points["features"]) <= MAX_PERMANENT_LABELS
    titles = {f["properties"]["id"]: str(f["properties"].get("name", f["properties"]["id"]))
              for f in (*layers.areas["features"], *layers.points["features"])}
    titles.update(names)
    return {
        "boundary": layers.boundary,
        "areas": layers.areas,
        "points": _with_properties(layers.points, lambda p: {"label": _label(p) if label_points else ""}),
        "ids": list(titles),
        "titles": [str(t) for t in titles.values()],
        # What to show whole: map_frame.js fits it again once the legend's real size is known.
        "fit": _focus_bounds(layers, focus) or layers.bounds,
    }


def map_values(
    geometry: Mapping,
    values: Sequence[MapValue],
    indicator: Indicator,
    *,
    year_label: str,
    notes: Mapping[str, str] | None = None,
    legend_notes: Sequence[str] = (),
    initiatives: object | None = None,
    language: str | None = None,
) -> dict:
    """What colours the map for one layer, year and weights: fills, tooltips, legend and markers.

    ``notes`` adds a line per locality to its tooltip (what a score rests on);
    ``legend_notes`` adds lines under the legend (weights, example data).
    """
    by_id = {v.locality_id: v for v in values}
    scale = quantile_scale([v.value for v in values])
    notes = notes or {}
    fills = [_fill(scale, by_id.get(f["properties"]["id"])) for f in geometry["areas"]["features"]]
    tooltips = [_tooltip_lines(by_id.get(lid), indicator, language, notes.get(lid)) for lid in geometry["ids"]]
    if _has_markers(initiatives):
        legend_notes = [*legend_notes, text("legend_initiatives", language)]
    legend = _legend(scale, values, indicator, year_label, legend_notes, language)
    return values_payload(fills, tooltips, legend, initiatives)


def values_payload(
    fills: Sequence[str],
    tooltips: Sequence[Sequence[Sequence[str]]],
    legend: dict,
    initiatives: object | None,
) -> dict:
    """The values in their compact form, aligned with the geometry's order.

    ``fills``: a colour per area (the geometry's ``areas`` order), sent as indices into a palette;
    ``tooltips``: per locality (the geometry's ``ids`` order) its lines, each line a sequence of
    parts, sent as indices into one table of distinct parts — "Folkmängd: " or " (2024)" is sent
    once, not 2,000 times. ``initiatives`` (the markers) passes through as it is. Everything stays
    text: ``map_frame.js`` joins the parts and sets them with ``textContent``.
    """
    palette: dict[str, int] = {}
    parts: dict[str, int] = {}
    return {
        "fills": [palette.setdefault(colour, len(palette)) for colour in fills],
        "palette": list(palette),
        "tips": [[[parts.setdefault(str(part), len(parts)) for part in line] for line in lines] for lines in tooltips],
        "parts": list(parts),
        "legend": legend,
        "initiatives": initiatives if initiatives else None,
    }


def readable_values(geometry: Mapping, values: Mapping) -> dict:
    """``values`` spelt out per locality, as ``map_frame.js`` reads them (for tests and exports)."""
    parts = values["parts"]
    return {
        "fills": {f["properties"]["id"]: values["palette"][i]
                  for f, i in zip(geometry["areas"]["features"], values["fills"], strict=True)},
        "tooltips": {lid: {"title": title, "lines": ["".join(parts[i] for i in line) for line in lines]}
                     for lid, title, lines in zip(geometry["ids"], geometry["titles"], values["tips"], strict=True)},
        "legend": values["legend"],
        "initiatives": values["initiatives"],
    }


def map_frame_html(
    geometry: Mapping,
    values: Mapping,
    *,
    tiles: str = "none",
    key: str = "",
    language: str | None = None,
) -> str:
    """The complete HTML document of the map for ``geometry`` coloured by ``values``.

    ``key`` names the geometry (the map page's frame key): values sent later for the same key
    restyle this document in place (``allasMap.apply``); values for another key are ignored. With
    no key (slides, exports) the frame takes no values the page holds for its own map.
    """
    fmap = folium.Map(
        location=_centre(geometry["fit"]),
        tiles="OpenStreetMap" if tiles == "osm" else None,
        # The scale bar is added by map_frame.js: folium's is Leaflet's default, miles and all.
        control_scale=False,
        # map_frame.js adds the zoom buttons with their titles in the page's language (Leaflet's say "Zoom in").
        zoom_control=False,
        # folium passes max_zoom to tile layers only; Leaflet.markercluster needs it on the map.
        maxZoom=18,
        minZoom=6,
        zoom_snap=0.25,
        # A tooltip or popup goes at once instead of fading for 200 ms: on the canvas of hundreds
        # of localities a click closes the hover tooltip, and the page counted as settled only after
        # its fade (issue #13's browser benchmark); nobody waits for a fade to end.
        fadeAnimation=False,
    )
    # Leaflet and Leaflet.markercluster from the app's own /vendor route; folium's CDN defaults are
    # dropped. The cluster script is always there: values sent later may bring markers a frame
    # first drawn without any.
    fmap.default_js = [("leaflet", LEAFLET_JS), ("markerclusterjs", MARKERCLUSTER_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS),
                        *((f"markercluster_css_{i}", url) for i, url in enumerate(MARKERCLUSTER_CSS))]
    root = fmap.get_root()
    # Our own constant style sheets: no text from people or files in them.
    root.header.add_child(Element(_STYLE % {"legend_em": LEGEND_WIDTH_PX / 15}))  # 15 px: the legend's type on a laptop
    root.header.add_child(Element(MARKER_STYLE))
    # Keep the municipality clear of the legend, which sits top left.
    fmap.fit_bounds(geometry["fit"], padding_top_left=(LEGEND_WIDTH_PX + 10, 0), padding_bottom_right=(0, 0))
    frame = root.render()
    payload = {"key": key, "map": fmap.get_name(), "geometry": geometry,
               "values": values,
               "messages": {"zoomIn": text("map_zoom_in", language), "zoomOut": text("map_zoom_out", language)}}
    document = _append_to_body(frame, data_island(payload) + f"\n<script>\n{_FRAME_SCRIPT}</script>\n")
    return _accessible(document, text("map_title", language), language)


def render_map_html(
    layers: WebLayers,
    values: Sequence[MapValue],
    names: Mapping[str, str],
    indicator: Indicator,
    *,
    year_label: str,
    tiles: str = "none",
    notes: Mapping[str, str] | None = None,
    legend_notes: Sequence[str] = (),
    initiatives: dict | None = None,
    focus: str | None = None,
    language: str | None = None,
) -> str:
    """The complete, self-contained HTML document of the map, ready for an iframe's ``srcDoc``
    (exports, slides, the standalone map): ``map_frame_html`` of ``map_geometry`` and ``map_values``.
    """
    geometry = map_geometry(layers, names, focus=focus)
    coloured = map_values(geometry, values, indicator, year_label=year_label, notes=notes,
                          legend_notes=legend_notes, initiatives=initiatives, language=language)
    return map_frame_html(geometry, coloured, tiles=tiles, language=language)


def data_island(payload: object) -> str:
    """``payload`` as a JSON ``<script>`` element that no text inside it can break out of."""
    return f'<script type="application/json" id="{DATA_ISLAND_ID}">{script_safe_json(payload)}</script>'


def script_safe_json(payload: object) -> str:
    """``payload`` as compact JSON in which no text can end or change a ``<script>`` element."""
    encoded = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for unsafe, escaped in _SCRIPT_SAFE:
        encoded = encoded.replace(unsafe, escaped)
    return encoded


def read_data_island(document: str) -> dict:
    """The payload of a document's data island (for tests and exports that inspect a map).

    A map's island is spelt out as ``map_frame.js`` reads it: ``areas`` with each feature's
    ``fill``, ``points`` with its ``label``, ``tooltips`` by locality id, ``legend``, ``initiatives``.
    """
    start = document.index(f'<script type="application/json" id="{DATA_ISLAND_ID}">')
    start = document.index(">", start) + 1
    payload = json.loads(document[start:document.index("</script>", start)])
    if not (isinstance(payload, dict) and "geometry" in payload and "values" in payload):
        return payload
    geometry, spelt = payload["geometry"], readable_values(payload["geometry"], payload["values"])
    return {
        **payload,
        "boundary": geometry["boundary"],
        "areas": _with_properties(geometry["areas"], lambda p: {"fill": spelt["fills"][p["id"]]}),
        "points": geometry["points"],
        "fit": geometry["fit"],
        "tooltips": spelt["tooltips"],
        "legend": spelt["legend"],
        "initiatives": spelt["initiatives"],
    }


def _append_to_body(document: str, addition: str) -> str:
    """Put ``addition`` after everything folium wrote (its map script comes after ``</body>``)."""
    at = document.rfind("</html>")
    return document + addition if at < 0 else document[:at] + addition + document[at:]


def _accessible(document: str, title: str, language: str | None) -> str:
    """A title and a language for the map document, and pinch-zoom allowed (folium forbids it)."""
    lang = language or current_language()
    document = document.replace("<html>", f'<html lang="{lang}">', 1)
    document = document.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    # Without a trailing comma: the browser reports an empty key in the viewport's content.
    return document.replace("initial-scale=1.0, maximum-scale=1.0, user-scalable=no", "initial-scale=1.0")


def _with_properties(collection: dict, extra) -> dict:
    """A copy of a FeatureCollection with computed properties added (the input stays cached)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {**f, "properties": {**f["properties"], **extra(f["properties"])}} for f in collection["features"]
        ],
    }


def _has_markers(markers: object | None) -> bool:
    """Whether the markers' payload (whatever ``map_markers`` returns) draws any marker."""
    if isinstance(markers, Mapping) and "features" in markers:
        return bool(markers["features"])
    return bool(markers)


def _fill(scale: ColourScale, value: MapValue | None) -> str:
    """Ramp colour for a comparable value; distinct greys for other-basis and missing."""
    if value is not None and value.value is None and value.observation is not None and value.observation.value is not None:
        return OTHER_BASIS_COLOUR
    return scale.colour(value.value if value is not None else None)


def _focus_bounds(layers: WebLayers, locality_id: str | None):
    """((south, west), (north, east)) of one locality's area, to zoom a presentation slide to it."""
    if locality_id is None:
        return None
    for feature in layers.areas["features"]:
        if feature["properties"].get("id") == locality_id:
            xs, ys = [], []

            def walk(coordinates) -> None:
                if coordinates and isinstance(coordinates[0], (int, float)):
                    xs.append(coordinates[0])
                    ys.append(coordinates[1])
                else:
                    for part in coordinates:
                        walk(part)

            walk(feature["geometry"]["coordinates"])
            return ((min(ys), min(xs)), (max(ys), max(xs)))
    return None


def _centre(bounds) -> list[float]:
    (south, west), (north, east) = bounds
    return [(south + north) / 2, (west + east) / 2]


def _label(properties: Mapping) -> str:
    name = str(properties.get("name", ""))
    return f"≈ {name}" if properties.get("approximate") else name


def _tooltip_lines(value: MapValue | None, indicator: Indicator, language: str | None,
                   note: str | None) -> list[tuple[str, ...]]:
    """The tooltip's lines under the locality's name: its figure with year, basis and any note.

    Each line is given in parts (heading, figure, year, ...) so parts shared by many localities
    are sent once (``values_payload``); joined, they read as one line.
    """
    obs = value.observation if value else None
    head = f"{indicator_name(indicator, language)}: "
    if obs is None or obs.value is None:
        line: tuple[str, ...] = (head, text("tooltip_no_data", language))
    elif not value.comparable:
        line = (head, text(
            "tooltip_other_basis",
            language,
            value=with_unit(obs.value, indicator, language),
            basis=basis_label(obs.basis, language),
            year=year(obs, language),
        ))
    else:
        line = (head, with_unit(obs.value, indicator, language), f" ({year(obs, language)})")
        if obs.example:
            line += (f" – {text('example_badge', language).lower()}",)
    lines = [line]
    if note:
        lines.append((f"{text('col_coverage', language)}: ", note))
    return lines


def _legend(
    scale: ColourScale,
    values: Sequence[MapValue],
    indicator: Indicator,
    year_label: str,
    extra_notes: Sequence[str],
    language: str | None,
) -> dict:
    """Legend rows show each class as the range it covers ("1 000–2 500"), the next starting where one ends."""
    rows = []
    comparable = [v for v in values if v.value is not None]
    for cls in scale.classes:
        if not any(scale.colour(v.value) == cls.colour for v in comparable):
            continue
        low, high = cls.lower, cls.upper
        label = number(low, language) if low == high else f"{number(low, language)}–{number(high, language)}"
        rows.append({"colour": cls.colour, "label": label})
    if any(v.observation is None or v.observation.value is None for v in values):
        rows.append({"colour": NO_DATA_COLOUR, "label": text("legend_no_data", language)})
    if any(v.observation is not None and v.observation.value is not None and not v.comparable for v in values):
        rows.append({"colour": OTHER_BASIS_COLOUR, "label": text("legend_other_basis", language)})
    bases = {v.observation.basis for v in comparable if v.observation and v.observation.basis}
    notes = [*extra_notes, text("legend_approximate", language)]
    if bases:
        notes.insert(0, text("legend_basis", language, basis=", ".join(sorted(basis_label(b, language) for b in bases))))
    notes.append(text("source_line", language, source=indicator.source))
    title = f"{indicator_name(indicator, language)} ({unit_heading(indicator, language)}), {year_label}"
    return {"title": title, "rows": rows, "notes": [str(n) for n in notes]}
