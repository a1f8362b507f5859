"""Callbacks as plain functions: inputs in, components or values out."""

from __future__ import annotations

from dash import no_update

from dashboard import ids
from dashboard.callbacks import panel_content, sync_view, year_options


def texts(component) -> str:
    """All text in a component tree, for asserting what a person would read."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    children = getattr(component, "children", None)
    return texts(children)


def test_page_load_reads_the_view_from_the_url(dashboard_data):
    result = sync_view(dashboard_data, None, "?ort=tuna&ar=2020", None, None, "population", "senaste")
    assert result == (no_update, "tuna", no_update, "2020")


def test_a_click_on_the_map_selects_the_locality_and_puts_it_in_the_url(dashboard_data):
    result = sync_view(dashboard_data, ids.MAP_CLICK, "", {"id": "storebro", "at": 1}, None, "population", "senaste")
    assert result == ("?ort=storebro", "storebro", no_update, no_update)


def test_a_forged_click_for_an_unknown_locality_changes_nothing(dashboard_data):
    result = sync_view(dashboard_data, ids.MAP_CLICK, "", {"id": "<script>"}, None, "population", "senaste")
    assert result == (no_update, no_update, no_update, no_update)


def test_clearing_the_list_removes_the_locality_from_the_url(dashboard_data):
    result = sync_view(dashboard_data, ids.LOCALITY, "?ort=tuna", None, None, "population", "senaste")
    assert result[0] == ""


def test_year_options_are_latest_and_the_years_with_data(dashboard_data):
    values = [o["value"] for o in year_options(dashboard_data, "population")]
    assert values[0] == "senaste"
    assert "2020" in values and "2005" in values
    assert values[1:] == sorted(values[1:], reverse=True)


def test_the_panel_shows_population_group_and_all_six_areas(dashboard_data):
    panel = panel_content(dashboard_data, "sodra-vi", "population", "senaste")
    text = texts(panel).replace("\u00a0", " ")
    assert "Södra Vi" in text
    assert "Lokal utvecklingsgrupp Södra Vi" in text
    assert "Brunnsparken" in text
    assert "1 117 invånare" in text and "2023" in text
    for area in ("Leva", "Arbeta", "Verka", "Trivas", "Kontakt", "Mötas"):
        assert area in text
    # The municipality is the reference line.
    assert "Kommunen" in text and "15 384 invånare (2024)" in text


def test_an_approximate_locality_says_so(dashboard_data):
    text = texts(panel_content(dashboard_data, "pelarne", "population", "senaste"))
    assert "Ungefärligt läge" in text
    assert "Inte en SCB-tätort" in text


def test_with_no_locality_the_panel_ranks_all_ten(dashboard_data):
    text = texts(panel_content(dashboard_data, None, "population", "2020"))
    assert "Folkmängd per ort" in text
    assert text.index("Vimmerby") < text.index("Tuna")
    assert "saknas" in text  # the four villages have no 2020 figure
