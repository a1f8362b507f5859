"""The folium map as an HTML document, drawn from prepared web layers.

The map is a pure function of its inputs so it can be tested without a
browser and exported as it is. Everything a person reads in it (names,
tooltips, the legend) is escaped here in Python before it reaches Leaflet,
because Leaflet renders tooltip strings as HTML.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence

import folium
from branca.element import Element

from dashboard import ids
from dashboard.colour_scale import NO_DATA_COLOUR, OTHER_BASIS_COLOUR, ColourScale, quantile_scale
from dashboard.formatting import number, with_unit, year
from dashboard.initiative_markers import add_initiatives
from dashboard.language import current_language
from dashboard.messages import basis_label, indicator_name, text, unit_heading
from dashboard.vendor import LEAFLET_CSS, LEAFLET_JS
from geodata.web_layers import WebLayers
from indicators.latest import MapValue
from indicators.model import Indicator

# Labels are drawn permanently only when they can be read; with hundreds of
# localities (the synthetic benchmark) they would cover the map.
MAX_PERMANENT_LABELS = 40
LEGEND_WIDTH_PX = 230

_STYLE = """
<style>
  .ort-label { font: 600 15px/1.2 system-ui, sans-serif; color: #111; background: rgba(255,255,255,.92);
               border: 1px solid #444; border-radius: 3px; padding: 1px 6px; box-shadow: none; }
  .ort-label:before { display: none; }
  .ort-tooltip { font: 15px/1.35 system-ui, sans-serif; }
  .leaflet-container { background: #eef1ee; }
  .map-legend { position: absolute; z-index: 1000; left: 10px; top: 10px; background: #fff;
                padding: 10px 12px; border: 1px solid #555; border-radius: 4px;
                font: 15px/1.35 system-ui, sans-serif; color: #111; width: %(legend_width)spx; }
  .map-legend h2 { font-size: 16px; margin: 0 0 6px; }
  .map-legend .row { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
  .map-legend .swatch { width: 22px; height: 16px; border: 1px solid #333; flex: none; }
  .map-legend .note { font-size: 13px; margin-top: 6px; color: #333; }
</style>
"""

_SCRIPT = """
<script>
  var areaLayers = {}, pointLayers = {}, pressedOn = null;
  // Pressing a locality focuses the map, and the browser may then scroll the page to show the
  // whole map, moving it under the pointer: the browser's click is lost (press and release land
  // on different shapes) or, worse, lands on a neighbour. So the locality pressed is the one
  // selected, when the pointer is released where it was pressed on the screen (not a drag).
  function pressed(id) {
    return function (event) {
      pressedOn = {id: id, x: event.originalEvent.screenX, y: event.originalEvent.screenY};
    };
  }
  document.addEventListener('mouseup', function (event) {
    if (pressedOn && Math.abs(event.screenX - pressedOn.x) < 6 && Math.abs(event.screenY - pressedOn.y) < 6) {
      selectLocality(pressedOn.id);
    }
    pressedOn = null;
  }, true);
  // Focus the map without scrolling the page around it: Leaflet focuses the map on press (for
  // its keyboard controls) and does nothing more when it has the focus already. Without this the
  // page scrolls between press and release and a marker's click (its popup) is lost.
  document.addEventListener('mousedown', function (event) {
    var container = event.target.closest && event.target.closest('.leaflet-container');
    if (container && document.activeElement !== container) { container.focus({preventScroll: true}); }
  }, true);
  function selectLocality(id) {
    var dash = window.parent && window.parent.dash_clientside;
    if (dash && dash.set_props) {
      dash.set_props(%(click_store)s, {data: {id: id, at: Date.now()}});
    }
  }
  function highlightLocality(id) {
    Object.keys(areaLayers).forEach(function (key) {
      var on = key === id;
      areaLayers[key].setStyle({weight: on ? 5 : 1.5, color: on ? '#000' : '#333'});
      if (pointLayers[key]) { pointLayers[key].setRadius(on ? 13 : 9); }
    });
  }
  window.addEventListener('load', function () {
    try {
      highlightLocality(new URLSearchParams(window.parent.location.search).get('ort'));
    } catch (e) { /* opened on its own, outside the dashboard */ }
  });
</script>
"""

_AREA_EVENTS = folium.JsCode(
    """
function (feature, layer) {
  areaLayers[feature.properties.id] = layer;
  layer.bindTooltip(feature.properties.tooltip, {sticky: true, className: 'ort-tooltip'});
  layer.on('mousedown', pressed(feature.properties.id));
}
"""
)

_POINT_EVENTS = folium.JsCode(
    """
function (feature, layer) {
  pointLayers[feature.properties.id] = layer;
  layer.options.className = 'ort-marker ort-' + feature.properties.id;
  if (feature.properties.label) {
    layer.bindTooltip(feature.properties.label,
      {permanent: true, direction: 'right', offset: [10, 0], className: 'ort-label'});
  } else {
    layer.bindTooltip(feature.properties.tooltip, {className: 'ort-tooltip'});
  }
  layer.on('mousedown', pressed(feature.properties.id));
}
"""
)


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
    """The complete HTML document of the map, ready for an iframe's ``srcDoc``.

    ``notes`` adds a line per locality to its tooltip (what a score rests on);
    ``legend_notes`` adds lines under the legend (weights, example data).
    """
    by_id = {v.locality_id: v for v in values}
    scale = quantile_scale([v.value for v in values])
    notes = notes or {}
    tooltips = {
        lid: _tooltip(names.get(lid, lid), by_id.get(lid), indicator, language, notes.get(lid))
        for lid in names
    }

    fmap = folium.Map(
        location=_centre(layers.bounds),
        tiles="OpenStreetMap" if tiles == "osm" else None,
        control_scale=True,
        zoom_control="topright",
        # folium passes max_zoom to tile layers only; Leaflet.markercluster needs it on the map.
        maxZoom=18,
        minZoom=6,
        zoom_snap=0.25,
    )
    # Leaflet from the app's own /vendor route; folium's CDN defaults are dropped.
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    root = fmap.get_root()
    root.header.add_child(Element(_STYLE % {"legend_width": LEGEND_WIDTH_PX}))
    root.header.add_child(Element(_SCRIPT % {"click_store": json.dumps(ids.MAP_CLICK)}))

    folium.GeoJson(
        layers.boundary,
        name="boundary",
        style_function=lambda _f: {"color": "#111", "weight": 3, "fill": False},
        interactive=False,
    ).add_to(fmap)

    areas = _with_properties(
        layers.areas,
        lambda p: {
            "tooltip": tooltips.get(p["id"], html.escape(str(p.get("name", "")))),
            "fill": _fill(scale, by_id.get(p["id"])),
        },
    )
    folium.GeoJson(
        areas,
        name="areas",
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "fillOpacity": 0.78,
            "color": "#333",
            "weight": 1.5,
        },
        highlight_function=lambda _f: {"weight": 4, "color": "#000"},
        on_each_feature=_AREA_EVENTS,
    ).add_to(fmap)

    labelled = len(layers.points["features"]) <= MAX_PERMANENT_LABELS
    points = _with_properties(
        layers.points,
        lambda p: {
            "tooltip": tooltips.get(p["id"], html.escape(str(p.get("name", "")))),
            "label": _label(p) if labelled else "",
        },
    )
    folium.GeoJson(
        points,
        name="points",
        marker=folium.CircleMarker(radius=9, weight=2),
        style_function=lambda f: {
            "color": "#000",
            "weight": 2,
            "fill": True,
            "fillColor": "#fff" if f["properties"].get("approximate") else "#000",
            "fillOpacity": 1,
            "dashArray": "3 3" if f["properties"].get("approximate") else None,
        },
        on_each_feature=_POINT_EVENTS,
    ).add_to(fmap)

    if initiatives:
        add_initiatives(fmap, initiatives)
        if initiatives["features"]:
            legend_notes = [*legend_notes, text("legend_initiatives", language)]

    # Keep the municipality clear of the legend, which sits top left.
    fmap.fit_bounds(_focus_bounds(layers, focus) or layers.bounds, padding_top_left=(LEGEND_WIDTH_PX + 10, 0),
                    padding_bottom_right=(0, 0))
    root.html.add_child(Element(_legend_html(scale, values, indicator, year_label, legend_notes, language)))
    return _accessible(root.render(), text("map_title", language), language)


def _accessible(document: str, title: str, language: str | None) -> str:
    """A title and a language for the map document, and pinch-zoom allowed (folium forbids it)."""
    lang = language or current_language()
    document = document.replace("<html>", f'<html lang="{lang}">', 1)
    document = document.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    return document.replace("maximum-scale=1.0, user-scalable=no", "")


def _with_properties(collection: dict, extra) -> dict:
    """A copy of a FeatureCollection with computed properties added (the input stays cached)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {**f, "properties": {**f["properties"], **extra(f["properties"])}} for f in collection["features"]
        ],
    }


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
    name = html.escape(str(properties.get("name", "")))
    return f"≈ {name}" if properties.get("approximate") else name


def _tooltip(name: str, value: MapValue | None, indicator: Indicator, language: str, note: str | None) -> str:
    """Escaped tooltip text: the locality and its figure with year, basis and any note."""
    head = f"<strong>{html.escape(name)}</strong><br>{html.escape(indicator_name(indicator, language))}: "
    obs = value.observation if value else None
    if obs is None or obs.value is None:
        body = text("tooltip_no_data", language)
    elif not value.comparable:
        body = text(
            "tooltip_other_basis",
            language,
            value=with_unit(obs.value, indicator, language),
            basis=basis_label(obs.basis, language),
            year=year(obs, language),
        )
    else:
        body = f"{with_unit(obs.value, indicator, language)} ({year(obs, language)})"
        if obs.example:
            body += f" – {text('example_badge', language).lower()}"
    extra = f"<br>{html.escape(text('col_coverage', language))}: {html.escape(note)}" if note else ""
    return head + html.escape(body) + extra


def _legend_html(
    scale: ColourScale,
    values: Sequence[MapValue],
    indicator: Indicator,
    year_label: str,
    extra_notes: Sequence[str],
    language: str,
) -> str:
    """Legend rows show the range of the values actually in each class."""
    rows = []
    comparable = [v for v in values if v.value is not None]
    for cls in scale.classes:
        members = [v.value for v in comparable if scale.colour(v.value) == cls.colour]
        if not members:
            continue
        low, high = min(members), max(members)
        label = number(low, language) if low == high else f"{number(low, language)}–{number(high, language)}"
        rows.append(_legend_row(cls.colour, label))
    if any(v.observation is None or v.observation.value is None for v in values):
        rows.append(_legend_row(NO_DATA_COLOUR, text("legend_no_data", language)))
    if any(v.observation is not None and v.observation.value is not None and not v.comparable for v in values):
        rows.append(_legend_row(OTHER_BASIS_COLOUR, text("legend_other_basis", language)))
    bases = {v.observation.basis for v in comparable if v.observation and v.observation.basis}
    notes = [*extra_notes, text("legend_approximate", language)]
    if bases:
        notes.insert(0, text("legend_basis", language, basis=", ".join(sorted(basis_label(b, language) for b in bases))))
    title = f"{indicator_name(indicator, language)} ({unit_heading(indicator, language)}), {year_label}"
    return (
        f'<div class="map-legend" role="region" aria-label="{html.escape(title)}">'
        f"<h2>{html.escape(title)}</h2>{''.join(rows)}"
        + "".join(f'<div class="note">{html.escape(n)}</div>' for n in notes)
        + f'<div class="note">{html.escape(text("source_line", language, source=indicator.source))}</div>'
        + "</div>"
    )


def _legend_row(colour: str, label: str) -> str:
    return (
        f'<div class="row"><span class="swatch" style="background:{colour}"></span>'
        f"<span>{html.escape(label)}</span></div>"
    )
