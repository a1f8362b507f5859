"""The database counts, per indicator and basis, the localities with a figure: what the map counts to choose a basis."""

from __future__ import annotations

from collections import Counter

from indicators.core.model import REFERENCE_PLACE_IDS, Observation
from indicators.metrics.latest import main_basis


def test_the_counts_are_what_the_map_counts_itself_on_both_backends(backend_store):
    store = backend_store
    store.save_observations([Observation("population", "tuna", 2099, 999, "Test", basis="socken"),
                             Observation("population", "tuna", 2098, None, "Test", basis="kyrksocken")])
    localities = {loc.id for loc in store.localities()}
    for examples in (True, False):
        counted = store.basis_coverage(examples=examples)
        for indicator in store.indicators():
            figures = [o for o in store.observations(indicator.id) if o.value is not None
                       and o.place_id in localities and o.place_id not in REFERENCE_PLACE_IDS
                       and (examples or not o.example)]
            expected = Counter(basis for _place, basis in {(o.place_id, o.basis) for o in figures})
            assert counted.get(indicator.id, {}) == dict(expected), indicator.id
    assert counted["population"]["socken"] == 1 and "kyrksocken" not in counted["population"]
    assert main_basis(counted["population"]) == "tätort"
