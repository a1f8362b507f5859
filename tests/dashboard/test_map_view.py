"""The map HTML, checked without a browser (as geopandas tests folium output)."""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard.components.map_view import read_data_island, render_map_html
from dashboard.server.vendor import LEAFLET_CSS, LEAFLET_JS
from dashboard.views.map import map_document
from indicators.metrics.latest import map_values

CDN_HOSTS = re.compile(r"cdn\.jsdelivr|unpkg\.com|cdnjs|googleapis|code\.jquery|bootstrapcdn|https?://(?!127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}/[^\s\"']*\.(js|css)")


def state(layer: str, year: str = "senaste") -> dict:
    return {"layer": layer, "year": year, "weights": ""}


def labels(document: str) -> list[str]:
    """The permanent labels the map draws, read from its data island."""
    return [f["properties"]["label"] for f in read_data_island(document)["points"]["features"]]


def test_the_map_loads_leaflet_from_the_app_and_nothing_from_a_cdn(dashboard_data):
    html = map_document(dashboard_data, state("population"))
    assert f'src="{LEAFLET_JS}"' in html and LEAFLET_JS.startswith("/vendor/leaflet/leaflet.js?v=")
    assert f'href="{LEAFLET_CSS}"' in html
    assert not CDN_HOSTS.search(html)


def test_without_tiles_no_tile_layer_is_added(dashboard_data):
    assert "L.tileLayer" not in map_document(dashboard_data, state("population"), tiles="none")
    assert "tile.openstreetmap.org" in map_document(dashboard_data, state("population"), tiles="osm")


def test_all_ten_localities_are_on_the_map_and_approximate_ones_are_marked(dashboard_data):
    shown = labels(map_document(dashboard_data, state("population")))
    for name in ("Djursdala", "Frödinge", "Gullringen", "Locknevi", "Pelarne", "Rumskulla",
                 "Storebro", "Södra Vi", "Tuna", "Vimmerby"):
        assert name in shown or f"≈ {name}" in shown
    assert "≈ Djursdala" in shown and "≈ Storebro" not in shown and "Storebro" in shown


def test_the_legend_names_the_indicator_year_and_the_other_basis(dashboard_data):
    html = map_document(dashboard_data, state("population", "2020"))
    assert "Folkmängd (invånare), 2020" in html
    assert "Annan räknegrund" not in html  # 2020 has only tätort figures
    latest = map_document(dashboard_data, state("population"))
    assert "Annan räknegrund – kan inte jämföras" in latest


def test_names_are_escaped_in_labels_and_tooltips(dashboard_data, store):
    data = dashboard_data
    localities = data.localities()
    evil = replace(localities[0], name='<img src=x onerror="alert(1)">')
    layers = data.layers([evil, *localities[1:]])
    indicator = store.indicator("population")
    html = render_map_html(
        layers,
        map_values([], [loc.id for loc in localities]),
        {evil.id: evil.name},
        indicator,
        year_label="2020",
    )
    assert "<img src=x" not in html  # no markup anywhere in the document ...
    island = read_data_island(html)
    assert island["tooltips"][evil.id]["title"] == evil.name  # ... the name is data, shown as text
    assert evil.name in labels(html) or f"≈ {evil.name}" in labels(html)


def test_the_data_island_cannot_be_ended_or_commented_out_by_its_text():
    from dashboard.components.map_view import data_island

    text = 'x</script><script>alert(1)</script><!-- & \u2028 \u2029 {{ 7*7 }}'
    island = data_island({"title": text})
    inner = island.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert "\u2028" not in inner and "\u2029" not in inner
    assert read_data_island(island)["title"] == text


def test_every_legend_class_reads_as_a_range_the_next_starting_where_one_ends(dashboard_data):
    from dashboard.components.colour_scale import PALETTE

    legend = read_data_island(map_document(dashboard_data, state("population")))["legend"]
    ranges = [row["label"].split("–") for row in legend["rows"] if row["colour"] in PALETTE and "–" in row["label"]]
    assert len(ranges) >= 3
    assert all(high == low for (_, high), (low, _) in zip(ranges, ranges[1:])), legend["rows"]


def test_the_map_lets_people_zoom_the_page_and_its_viewport_has_no_empty_key(dashboard_data):
    document = map_document(dashboard_data, {"layer": "population", "year": "senaste", "weights": ""}, language="sv")
    [content] = re.findall(r'<meta name="viewport" content="([^"]*)"', document)
    keys = [part.split("=")[0].strip() for part in content.split(",")]
    assert keys == ["width", "initial-scale"]  # no maximum-scale or user-scalable, no trailing comma
