"""A locality's panel headlines, from its own figures, exactly what the map shows for it."""

from __future__ import annotations

import pytest

from indicators.core.model import Observation


def _map_headlines(data, locality_id):
    return {ind.id: data.headlines(ind.id)[locality_id] for ind in data.store.indicators()}


def _own_headlines(data, locality_id):
    observations = data.observations(place_ids=[locality_id])
    return data.locality_headlines(locality_id, [ind.id for ind in data.store.indicators()], observations)


@pytest.mark.parametrize("examples", [True, False])
def test_every_localitys_own_headlines_are_the_maps(dashboard_data, examples):
    from indicators.accounts.operator import operator_actor
    from indicators.storage.app_settings import change_settings

    change_settings(dashboard_data.store.engine, operator_actor(), {"example_data": "on" if examples else "off"})
    assert dashboard_data.example_data() is examples
    for locality in dashboard_data.localities():
        assert _own_headlines(dashboard_data, locality.id) == _map_headlines(dashboard_data, locality.id)


def test_the_basis_most_localities_share_decides_even_for_one_locality(dashboard_data):
    # Tuna alone gets a figure on a basis no other locality has: it is headlined, but not comparable.
    dashboard_data.store.save_observations([Observation("population", "tuna", 2099, 999, "Test", basis="socken")])
    own = _own_headlines(dashboard_data, "tuna")["population"]
    assert own == _map_headlines(dashboard_data, "tuna")["population"]
    assert own.observation is not None and own.observation.basis == "tätort" and own.figure.comparable
    assert any(other.basis == "socken" for other in own.others)
