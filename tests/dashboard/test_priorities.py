"""The "Prioriterat område" map layer and the compare page's priorities side by side (issue 15),
as plain functions: categories, words, the group's why kept as data, plans in force."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.components.map_view import read_data_island
from dashboard.components.priority_table import priority_table_view
from dashboard.pages.compare import compare_page
from dashboard.views.map import layer_years, map_document, panel_content, sync_view
from dashboard.views.priorities import (
    PRIORITY_COLOURS,
    is_priority_layer,
    priority_area_of,
    priority_layer,
    priority_table,
)
from dashboard.views.public_names import PRIORITY_LAYER_PREFIX
from indicators.plans.priorities import PrioritiesInForce
from indicators.plans.records import AreaPriority, Plan, Priority
from indicators.plans.store import PlansStore
from tests.dashboard.helpers import texts

THIS_YEAR = date.today().year
TYPED = "{{ 7*7 }} </script><script>alert(1)</script> {% if 1 %}x{% endif %} {#"
NAMES = {"storebro": "Storebro", "tuna": "Tuna", "pelarne": "Pelarne"}
IN_FORCE = {
    "storebro": PrioritiesInForce("storebro", 2025, (AreaPriority("leva", Priority.HIGH, "Fler bostäder"),)),
    "tuna": PrioritiesInForce("tuna", 2023, (AreaPriority("leva", Priority.NOT_NOW),)),
}


@pytest.fixture
def with_plans(dashboard_data):
    plans = PlansStore(dashboard_data.store)
    plans.save_plan(Plan("storebro", THIS_YEAR, "", (AreaPriority("leva", Priority.HIGH, "Fler bostäder"),
                                                     AreaPriority("trivas", Priority.LOW))), username="t")
    plans.save_plan(Plan("tuna", THIS_YEAR - 2, "", (AreaPriority("leva", Priority.MEDIUM, TYPED),)), username="t")
    return dashboard_data


def test_there_is_a_priority_layer_per_slus_area_named_in_the_public_names() -> None:
    assert PRIORITY_LAYER_PREFIX == "prioritet-"
    assert priority_area_of("prioritet-leva") == "leva" and is_priority_layer("prioritet-motas")
    assert priority_area_of("prioritet-okand") is None and priority_area_of("omrade-leva") is None
    assert not is_priority_layer(None)


def test_the_layer_is_offered_where_the_map_layers_are_chosen_and_a_link_to_it_works(dashboard_data) -> None:
    options = {o["value"]: o["label"] for o in dashboard_data.layer_options()}
    assert options["prioritet-leva"] == "Prioriterat område: Leva"
    assert {f"prioritet-{a}" for a in ("leva", "arbeta", "verka", "trivas", "kontakt", "motas")} <= set(options)
    result = sync_view(dashboard_data, None, "?indikator=prioritet-trivas", None, None, "population", None, ["senaste"])
    assert result.layer == "prioritet-trivas"
    assert result.map_state["layer"] == "prioritet-trivas"


def test_each_locality_is_coloured_by_its_category_with_a_row_per_category_shown() -> None:
    layer = priority_layer("prioritet-leva", 2026, IN_FORCE, NAMES, "sv")
    assert layer.fills == {"storebro": PRIORITY_COLOURS[Priority.HIGH], "tuna": PRIORITY_COLOURS[Priority.NOT_NOW],
                           "pelarne": PRIORITY_COLOURS[None]}
    assert [row["label"] for row in layer.legend["rows"]] == ["Hög", "Inte nu", "Ingen prioritet satt"]
    assert layer.legend["title"] == "Prioriterat område: Leva, 2026"
    assert len(set(PRIORITY_COLOURS.values())) == len(PRIORITY_COLOURS)


def test_the_tooltip_says_the_priority_its_why_and_the_plans_year() -> None:
    layer = priority_layer("prioritet-leva", 2026, IN_FORCE, NAMES, "sv")
    assert layer.tooltips["storebro"] == {"title": "Storebro",
                                          "lines": ["Leva: Hög", "Varför: Fler bostäder", "Ur planen för 2025"]}
    assert layer.tooltips["pelarne"]["lines"] == ["Leva: Ingen prioritet satt"]
    english = priority_layer("prioritet-leva", 2026, IN_FORCE, NAMES, "en")
    assert english.tooltips["storebro"]["lines"][0] == "Leva: High"


def test_the_map_document_carries_the_categories_and_the_why_as_data_never_as_markup(with_plans) -> None:
    document = map_document(with_plans, {"layer": "prioritet-leva", "year": "senaste", "weights": ""}, language="sv")
    island = read_data_island(document)
    fills = {f["properties"]["id"]: f["properties"]["fill"] for f in island["areas"]["features"]}
    assert fills["storebro"] == PRIORITY_COLOURS[Priority.HIGH]
    assert fills["tuna"] == PRIORITY_COLOURS[Priority.MEDIUM]
    assert fills["vimmerby"] == PRIORITY_COLOURS[None]
    assert island["tooltips"]["tuna"]["lines"][1] == f"Varför: {TYPED}"
    assert "alert(1)</script>" not in document and "49" not in str(island["tooltips"]["tuna"])
    assert island["legend"]["title"] == f"Prioriterat område: Leva, {THIS_YEAR}"
    assert layer_years(with_plans, "prioritet-leva") == [THIS_YEAR - 2, THIS_YEAR]


def test_an_earlier_year_on_the_slider_shows_the_plans_in_force_then(with_plans) -> None:
    document = map_document(with_plans, {"layer": "prioritet-leva", "year": str(THIS_YEAR - 1), "weights": ""},
                            language="sv")
    fills = {f["properties"]["id"]: f["properties"]["fill"] for f in read_data_island(document)["areas"]["features"]}
    assert fills["storebro"] == PRIORITY_COLOURS[None] and fills["tuna"] == PRIORITY_COLOURS[Priority.MEDIUM]


def test_the_map_panel_lists_each_localitys_priority_when_none_is_chosen(with_plans) -> None:
    shown = texts(panel_content(with_plans, None, {"layer": "prioritet-trivas", "year": "senaste"}, "sv"))
    assert "Prioriterat område: Trivas per ort" in shown
    assert "Låg" in shown and "Ingen prioritet satt" in shown


def test_the_compare_table_puts_localities_against_areas_and_names_an_older_plans_year() -> None:
    table = priority_table(2026, IN_FORCE, NAMES)
    storebro, tuna, pelarne = table.rows
    assert table.area_ids[0] == "leva" and len(storebro.cells) == 6
    assert (storebro.cells[0].priority, storebro.cells[0].why) == (Priority.HIGH, "Fler bostäder")
    assert storebro.cells[1].priority is None
    assert (storebro.older_plan, tuna.older_plan, pelarne.plan_year) == (True, True, None)
    assert not table.empty and priority_table(2020, {}, NAMES).empty
    shown = texts(priority_table_view(table, "sv"))
    assert "plan 2025" in shown and "ingen plan" in shown and "Fler bostäder" in shown
    assert "Ingen ort har någon plan ännu." in texts(priority_table_view(priority_table(2020, {}, NAMES), "sv"))


def test_the_compare_page_shows_this_years_priorities_side_by_side(with_plans) -> None:
    shown = texts(compare_page(with_plans, "sv"))
    assert f"Prioriteringar sida vid sida, {THIS_YEAR}" in shown
    assert "Fler bostäder" in shown and TYPED in shown
    assert f"plan {THIS_YEAR - 2}" in shown
