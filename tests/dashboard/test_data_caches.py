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
