"""Map page callbacks as plain functions: inputs in, components or values out."""

from __future__ import annotations

import base64

from dash import html, no_update

from dashboard import ids
from dashboard.components.static_tree import StaticTree
from dashboard.views.map import (
    map_document,
    panel_content,
    panel_key,
    slider_marks,
    sync_view,
    year_slider,
)
from tests.dashboard.helpers import attribute, components, nodes, texts

POPULATION = {"layer": "population", "year": "senaste", "weights": ""}


def test_page_load_reads_the_view_from_the_url(dashboard_data):
    result = sync_view(dashboard_data, None, "?ort=tuna&ar=2020", None, None, "population", None, ["senaste"])
    assert (result.search, result.locality, result.layer, result.year, result.latest) == (
        no_update, "tuna", no_update, 2020, [])
    assert result.map_state == {"layer": "population", "year": "2020", "weights": ""}


def test_a_click_on_the_map_selects_the_locality_without_redrawing_the_map(dashboard_data):
    result = sync_view(dashboard_data, ids.MAP_CLICK, "", {"id": "storebro", "at": 1}, None, "population", None,
                       ["senaste"], POPULATION)
    assert (result.search, result.locality) == ("?ort=storebro", "storebro")
    assert (result.layer, result.year, result.latest, result.map_state) == (no_update,) * 4


def test_a_forged_click_for_an_unknown_locality_changes_nothing(dashboard_data):
    result = sync_view(dashboard_data, ids.MAP_CLICK, "", {"id": "<script>"}, None, "population", None,
                       ["senaste"], POPULATION, panel_key(None, POPULATION))
    assert result[:8] == (no_update,) * 8
    assert result.shown_search == ""


def test_a_click_brings_the_panel_in_the_same_response_as_the_url(dashboard_data):
    result = sync_view(dashboard_data, ids.MAP_CLICK, "", {"id": "storebro", "at": 1}, None, "population", None,
                       ["senaste"], POPULATION, panel_key(None, POPULATION))
    assert result.search == "?ort=storebro"
    assert "Storebro" in texts(result.panel) and result.panel_key == panel_key("storebro", POPULATION)


def test_choosing_in_the_list_sets_url_and_panel_and_leaves_the_list_alone(dashboard_data):
    result = sync_view(dashboard_data, ids.LOCALITY, "", None, "tuna", "population", None, ["senaste"],
                       POPULATION, panel_key(None, POPULATION))
    assert (result.search, result.locality) == ("?ort=tuna", no_update)
    assert "Tuna" in texts(result.panel)


def test_a_new_layer_keeps_a_localitys_panel_but_redraws_the_overview(dashboard_data):
    shown = panel_key("tuna", POPULATION)
    kept = sync_view(dashboard_data, ids.INDICATOR, "?ort=tuna", None, "tuna", "index", None, ["senaste"],
                     POPULATION, shown)
    assert kept.map_state["layer"] == "index" and (kept.panel, kept.panel_key) == (no_update, no_update)
    redrawn = sync_view(dashboard_data, ids.INDICATOR, "", None, None, "index", None, ["senaste"],
                        POPULATION, panel_key(None, POPULATION))
    assert "Attraktivitetsindex" in texts(redrawn.panel)


def test_the_population_chart_is_an_svg_image_with_a_text_alternative(dashboard_data):
    panel = panel_content(dashboard_data, "sodra-vi", POPULATION)
    images = [n for n in nodes(panel) if n["t"] == "img"]
    assert len(images) == 1
    src = attribute(images[0], "src")
    assert src.startswith("data:image/svg+xml;base64,")
    drawn = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    assert drawn.startswith("<svg") and "invånare" in drawn
    assert attribute(images[0], "alt") == "Folkmängd i Södra Vi över tid. Siffrorna står i tabellen under diagrammet."
    assert isinstance(panel, StaticTree)  # markup as data only: no dcc.Graph, so no plotly.js for the map page
    # The figures stay in a table beside the image.
    assert any("population-table" in (attribute(n, "className") or "") for n in nodes(panel))


def test_the_overview_shows_a_page_of_rows_and_a_button_for_more(dashboard_data):
    from dashboard.components.panel import overview_panel
    from indicators.metrics.latest import MapValue

    indicator = dashboard_data.store.indicator("population")
    values = [MapValue(f"ort-{i}", None, True) for i in range(60)]
    names = {f"ort-{i}": f"Ort {i:02d}" for i in range(60)}
    first = overview_panel(indicator, values, names, "2024", limit=25)
    assert len([c for c in components(first) if isinstance(c, html.Tr)]) == 1 + 25  # heading row + a page
    assert "Visar 25 av 60 orter" in texts(first)
    more = next(c for c in components(first) if getattr(c, "id", None) == ids.PANEL_MORE)
    assert more.children == "Visa 25 till" and more.n_clicks == 0
    last = overview_panel(indicator, values, names, "2024", limit=75)
    assert len([c for c in components(last) if isinstance(c, html.Tr)]) == 1 + 60
    assert not [c for c in components(last) if getattr(c, "id", None) == ids.PANEL_MORE]


def test_clearing_the_list_removes_the_locality_from_the_url(dashboard_data):
    result = sync_view(dashboard_data, ids.LOCALITY, "?ort=tuna", None, None, "population", None, ["senaste"],
                       POPULATION)
    assert result.search == ""


def test_moving_the_slider_with_latest_unticked_picks_that_year(dashboard_data):
    result = sync_view(dashboard_data, ids.YEAR, "", None, None, "population", 2018, [], POPULATION)
    assert result.search == "?ar=2018"
    assert result.map_state == {"layer": "population", "year": "2018", "weights": ""}


def test_weights_in_the_url_survive_other_changes(dashboard_data):
    search = "?indikator=index&vikter=leva:2,arbeta:1,verka:1,trivas:1,kontakt:1,motas:1"
    result = sync_view(dashboard_data, ids.LOCALITY, search, None, "tuna", "index", None, ["senaste"])
    assert "vikter=leva:2" in result.search and "ort=tuna" in result.search


def test_the_slider_offers_the_years_with_data(dashboard_data):
    slider = year_slider(dashboard_data, "population", None, ["senaste"])
    assert slider.min == 2000 and slider.max == 2023  # Locknevi parish 2000 … Södra Vi tätort 2023
    assert 2020 in slider.marks and slider.value == 2023
    assert slider.disabled


def test_slider_labels_are_thinned_but_every_year_stays_a_mark():
    years = list(range(2000, 2025))
    marks = slider_marks(years)
    assert sorted(marks) == years
    assert marks[2000]["label"] == "2000" and marks[2024]["label"] == "2024"
    assert sum(1 for m in marks.values() if m["label"].isdigit()) <= 10


def test_the_panel_shows_population_group_and_all_six_areas(dashboard_data):
    panel = panel_content(dashboard_data, "sodra-vi", POPULATION)
    text = texts(panel).replace("\u00a0", " ")
    assert "Södra Vi" in text
    assert "Lokal utvecklingsgrupp Södra Vi" in text
    assert "Brunnsparken" in text
    assert "1 117 invånare" in text and "2023" in text
    for area in ("Leva", "Arbeta", "Verka", "Trivas", "Kontakt", "Mötas"):
        assert area in text
    # The municipality is the reference line.
    assert "Kommunen" in text and "15 384 invånare (2024)" in text


def test_example_values_are_labelled_as_example_data(dashboard_data):
    text = texts(panel_content(dashboard_data, "tuna", POPULATION))
    assert "Exempeldata" in text


def test_an_approximate_locality_says_so(dashboard_data):
    text = texts(panel_content(dashboard_data, "pelarne", POPULATION))
    assert "Ungefärligt läge" in text
    assert "Inte en SCB-tätort" in text


def test_with_no_locality_the_panel_ranks_all_ten(dashboard_data):
    text = texts(panel_content(dashboard_data, None, {"layer": "population", "year": "2020", "weights": ""}))
    assert "Folkmängd per ort" in text
    assert text.index("Vimmerby") < text.index("Tuna")
    assert "saknas" in text  # the four villages have no 2020 figure


def test_the_index_layer_lists_scores_with_what_they_rest_on(dashboard_data):
    text = texts(panel_content(dashboard_data, None, {"layer": "index", "year": "senaste", "weights": ""}))
    assert "Attraktivitetsindex" in text
    assert "6 av 6 områden" in text


def test_the_map_of_an_area_score_has_its_legend_and_coverage(dashboard_data):
    html = map_document(dashboard_data, {"layer": "omrade-trivas", "year": "2024", "weights": ""})
    assert "Områdespoäng: Trivas (poäng 0–100), 2024" in html
    # The legend says how many localities' scores rest on example data (tooltips say how much of each).
    assert "orter bygger på exempeldata" in html


def test_the_index_map_names_custom_weights(dashboard_data):
    weights = "leva:2,arbeta:1,verka:1,trivas:1,kontakt:1,motas:0"
    html = map_document(dashboard_data, {"layer": "index", "year": "2024", "weights": weights})
    assert "Vikter: Leva 2, Arbeta 1, Verka 1, Trivas 1, Kontakt 1, Mötas 0" in html


def test_latest_for_a_score_layer_is_the_newest_year_with_scores(dashboard_data):
    html = map_document(dashboard_data, {"layer": "index", "year": "senaste", "weights": ""})
    assert "Attraktivitetsindex – alla områden (poäng 0–100), 2024" in html


def test_labelled_years_are_far_enough_apart_to_read_on_a_laptop():
    # The bundled population years: 2015 and 2018 were both labelled and ran together at 1366 px.
    marks = slider_marks([2000, 2005, 2010, 2015, 2018, 2020, 2021, 2023])
    labelled = [year for year, mark in marks.items() if mark["label"].isdigit()]
    assert all(b - a >= 23 / 6 for a, b in zip(labelled, labelled[1:]))
    assert labelled[0] == 2000 and labelled[-1] == 2023
