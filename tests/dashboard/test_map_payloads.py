"""The map's two payloads: the geometry (sent once) and the values (sent on every change).

Issue #13 item 3: changing the indicator, year or weights sends values only, at most 100 KB at
2,000 localities; the values are still text as data, never markup or template source.
"""

from __future__ import annotations

import json
import random

import pytest
from dash import no_update

from dashboard.components.map_view import (
    map_frame_html,
    map_geometry,
    map_values,
    read_data_island,
    readable_values,
    render_map_html,
    script_safe_json,
)
from dashboard.views.map import frame_key, map_update
from geodata.boundary import municipality_boundary
from geodata.synthetic import synthetic_localities
from geodata.web_layers import build_web_layers
from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.metrics.latest import MapValue

HOSTILE = ("{{7*7}}", "</script><script>alert(1)</script>", "{# unbalanced", "<!-- x", "{% if %}")
POPULATION = {"layer": "population", "year": "senaste", "weights": ""}
INDEX = {"layer": "index", "year": "senaste", "weights": ""}
NO_FILTER: dict = {}


@pytest.fixture(scope="module")
def two_thousand():
    """2,000 synthetic localities' layers (as benchmarks/run.py's syn2000) and their names."""
    boundary = municipality_boundary("0884")
    localities = synthetic_localities(2000, boundary, seed=1)
    return build_web_layers(localities, boundary), {loc.id: loc.name for loc in localities}


def an_indicator(name: str = "Folkmängd") -> Indicator:
    return Indicator("population", name, "Population", "invånare", "leva", Direction.HIGHER_IS_BETTER,
                     Level.LOCALITY, "SCB", "")


def figures(ids, rng: random.Random) -> list[MapValue]:
    """A figure per locality, some missing and some counted on another basis, as real layers have."""
    values = []
    for n, locality_id in enumerate(ids):
        value = None if n % 17 == 0 else round(rng.uniform(20, 12_000))
        comparable = n % 23 != 0
        values.append(MapValue(locality_id, Observation("population", locality_id, 2024, value, "SCB",
                                                        basis="" if comparable else "parish"), comparable))
    return values


def size_kib(payload: object) -> float:
    return len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()) / 1024


def test_values_at_two_thousand_localities_weigh_at_most_100_kb(two_thousand):
    layers, names = two_thousand
    geometry = map_geometry(layers, names)
    rng = random.Random(3)
    notes = {lid: f"{rng.randint(1, 6)} av 6 områden" for lid in names}
    values = map_values(geometry, figures(names, rng), an_indicator(), year_label="2024", notes=notes,
                        legend_notes=("Vikter: lika",))
    assert size_kib(values) <= 100, size_kib(values)
    assert size_kib(geometry) > 10 * size_kib(values)  # what is sent once is the heavy part


def test_values_line_up_with_the_geometry_and_read_as_the_tooltips_did(two_thousand):
    layers, names = two_thousand
    geometry = map_geometry(layers, names)
    values = map_values(geometry, figures(names, random.Random(3)), an_indicator(), year_label="2024",
                        notes={"ort-1": "5 av 6 områden"})
    spelt = readable_values(geometry, values)
    assert len(values["fills"]) == len(geometry["areas"]["features"])
    assert len(values["tips"]) == len(geometry["ids"]) == len(set(geometry["ids"]))
    first = geometry["ids"][1]
    tip = spelt["tooltips"][first]
    assert tip["title"] == names[first]
    assert tip["lines"][0].startswith("Folkmängd: ") and tip["lines"][0].endswith("(2024)")
    assert len(set(values["palette"])) == len(values["palette"]) <= 12  # a palette, not a colour per area


def test_hostile_names_and_words_stay_data_in_geometry_values_and_document(dashboard_data):
    localities = dashboard_data.localities()
    names = {loc.id: text for loc, text in zip(localities, HOSTILE, strict=False)}
    layers = dashboard_data.layers(localities)
    geometry = map_geometry(layers, names)
    indicator = an_indicator(name="{{7*7}} </script><script>")
    values = map_values(geometry, figures([loc.id for loc in localities], random.Random(1)), indicator,
                        year_label="{#", notes={localities[0].id: "{{ lipsum }} </script>"},
                        legend_notes=HOSTILE)
    document = map_frame_html(geometry, values, key="k")

    island = read_data_island(document)
    for locality_id, text in names.items():
        assert island["tooltips"][locality_id]["title"] == text
    assert island["legend"]["notes"][:len(HOSTILE)] == list(HOSTILE)
    assert island["tooltips"][localities[0].id]["lines"][-1].endswith("{{ lipsum }} </script>")
    assert "</script><script>alert" not in document and "49" not in island["legend"]["title"]
    # Sent alone (the page's values store), the values are the same data: JSON, no markup made of it.
    assert "<" not in script_safe_json(values)
    assert json.loads(script_safe_json(values)) == values


def test_the_whole_document_is_the_frame_of_geometry_and_values(dashboard_data):
    """Exports and slides still get one self-contained document, made from the same two payloads."""
    localities = dashboard_data.localities()
    layers = dashboard_data.layers(localities)
    names = {loc.id: loc.name for loc in localities}
    values = figures(names, random.Random(2))
    document = render_map_html(layers, values, names, an_indicator(), year_label="2024")
    island = read_data_island(document)
    geometry = map_geometry(layers, names)
    assert island["geometry"] == json.loads(json.dumps(geometry))
    assert island["values"] == json.loads(json.dumps(map_values(geometry, values, an_indicator(), year_label="2024")))


# ------------------------------------------------------------------ the page's callback


def test_the_first_map_brings_the_frame_and_a_second_change_only_values(dashboard_data):
    first = map_update(dashboard_data, POPULATION, "none", NO_FILTER, None, "sv")
    assert isinstance(first.document, str) and first.frame_key == frame_key(dashboard_data, "none", "sv")
    assert first.values["frame"] == first.frame_key

    second = map_update(dashboard_data, INDEX, "none", NO_FILTER, first.frame_key, "sv")
    assert (second.document, second.frame_key) == (no_update, no_update)
    assert second.values["frame"] == first.frame_key
    assert second.values["legend"]["title"] != first.values["legend"]["title"]
    assert size_kib(second.values) < len(first.document.encode()) / 1024 / 5


def test_only_the_map_pages_frame_has_a_key_so_a_slides_map_takes_no_values_meant_for_it(dashboard_data):
    from dashboard.views.map import map_document

    page = map_update(dashboard_data, POPULATION, "none", NO_FILTER, None, "sv")
    assert read_data_island(page.document)["key"] == page.frame_key
    assert read_data_island(map_document(dashboard_data, INDEX, language="sv"))["key"] == ""


def test_a_new_language_or_new_localities_bring_a_new_frame(dashboard_data, store):
    key = map_update(dashboard_data, POPULATION, "none", NO_FILTER, None, "sv").frame_key

    english = map_update(dashboard_data, POPULATION, "none", NO_FILTER, key, "en")
    assert isinstance(english.document, str) and english.frame_key not in (key, no_update)
    assert '<html lang="en">' in english.document

    tiles = map_update(dashboard_data, POPULATION, "osm", NO_FILTER, key, "sv")
    assert isinstance(tiles.document, str)

    tuna = store.locality("tuna")
    store.save_localities([type(tuna)(**{**tuna.__dict__, "name": "Tuna by"})])
    renamed = map_update(dashboard_data, POPULATION, "none", NO_FILTER, key, "sv")
    assert isinstance(renamed.document, str) and renamed.frame_key != key
    assert read_data_island(renamed.document)["tooltips"]["tuna"]["title"] == "Tuna by"


def test_the_frame_key_is_the_same_in_every_server_process(database_url, dashboard_data):
    """Two workers must agree, or every request to the other worker would reload the frame:
    Python salts ``hash()`` per process, so the key must not rest on it."""
    import os
    import subprocess
    import sys

    script = ("import sys; from dashboard.data import DashboardData; from dashboard.views.map import frame_key; "
              "from indicators.storage.store import Store; "
              "print(frame_key(DashboardData(Store.open(sys.argv[1])), 'none', 'sv'))")
    keys = {subprocess.run([sys.executable, "-c", script, database_url], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert keys == {frame_key(dashboard_data, "none", "sv")}, keys
