"""What the dashboard keeps between requests is thrown away by any write: a cached layer never shows old figures."""

from __future__ import annotations

from dataclasses import replace

from dashboard.views.map import layer_data, shown_panel
from indicators.core.model import Observation
from tests.dashboard.helpers import texts

STATE = {"layer": "population", "year": "senaste", "weights": ""}


def test_a_new_figure_shows_on_the_map_layer_at_once(dashboard_data):
    before, _ = layer_data(dashboard_data, "population", "senaste", {}, "sv")
    assert layer_data(dashboard_data, "population", "senaste", {}, "sv")[0] is before  # the same, kept
    dashboard_data.store.save_observations([Observation("population", "tuna", 2099, 4321, "Test", basis="tätort")])
    after, _ = layer_data(dashboard_data, "population", "senaste", {}, "sv")
    tuna = next(v for v in after.values if v.locality_id == "tuna")
    assert tuna.observation is not None and tuna.observation.value == 4321


def test_a_renamed_locality_is_named_anew_in_the_list_and_the_panel(dashboard_data):
    shown_panel(dashboard_data, "tuna", STATE, "sv")
    tuna = dashboard_data.store.locality("tuna")
    dashboard_data.store.save_localities([replace(tuna, name="Tuna by")])
    assert "Tuna by" in [loc.name for loc in dashboard_data.localities()]
    assert "Tuna by" in texts(shown_panel(dashboard_data, "tuna", STATE, "sv"))


def test_a_panels_observations_are_the_stores_in_its_order_with_references_read_once(dashboard_data):
    from indicators.core.model import REFERENCE_PLACE_IDS
    from indicators.accounts.operator import operator_actor
    from indicators.storage.app_settings import change_settings

    for examples in (True, False):
        change_settings(dashboard_data.store.engine, operator_actor(), {"example_data": "on" if examples else "off"})
        for locality in ("storebro", "vimmerby", "sodra-vi"):
            expected = dashboard_data.observations(place_ids=[locality, *REFERENCE_PLACE_IDS])
            assert dashboard_data.panel_observations(locality) == expected


def test_a_new_figure_for_the_municipality_shows_in_every_panel_at_once(dashboard_data):
    from indicators.core.model import MUNICIPALITY_ID

    dashboard_data.panel_observations("tuna")  # the references are read and kept
    dashboard_data.store.save_observations([Observation("population", MUNICIPALITY_ID, 2099, 99999, "Test")])
    assert any(o.year == 2099 and o.value == 99999 for o in dashboard_data.panel_observations("tuna"))


def test_a_new_indicator_is_offered_as_a_map_layer_at_once(dashboard_data):
    population = dashboard_data.store.indicator("population")
    assert "population_copy" not in [o["value"] for o in dashboard_data.layer_options()]  # read and kept
    dashboard_data.store.save_indicators([replace(population, id="population_copy", name_sv="Folkmängd (kopia)", name_en="Population (copy)")])
    assert "population_copy" in [o["value"] for o in dashboard_data.layer_options()]
