"""The embedded default data is complete, sourced and passes the loader's checks."""

from __future__ import annotations

import pytest

from indicators.core.catalogue import Catalogue
from indicators.core.model import Direction, Level
from indicators.core.slus import AREAS_BY_ID
from indicators.core.units import UNITS_BY_SYMBOL
from indicators.storage.bundled import (
    bundled_example_observations,
    bundled_groups,
    bundled_indicators,
    bundled_localities,
    bundled_observations,
    parse_bool,
)


def bundled_catalogue(indicators=None):
    return Catalogue.of(indicators or bundled_indicators(), [loc.id for loc in bundled_localities()])


def test_the_ten_allas_vimmerby_localities_are_bundled():
    names = {loc.name for loc in bundled_localities()}

    assert names == {
        "Djursdala", "Frödinge", "Gullringen", "Locknevi", "Pelarne",
        "Rumskulla", "Storebro", "Södra Vi", "Tuna", "Vimmerby",
    }  # fmt: skip


def test_only_the_six_tatorter_have_an_scb_code_and_the_estimated_ones_say_so():
    by_id = {loc.id: loc for loc in bundled_localities()}

    coded = {i for i, loc in by_id.items() if loc.scb_tatort_code}
    assert coded == {"vimmerby", "sodra-vi", "storebro", "gullringen", "frodinge", "tuna"}
    assert by_id["rumskulla"].approximate is True
    assert by_id["vimmerby"].approximate is False
    assert by_id["vimmerby"].area_geojson is None


def test_indicators_are_parsed_with_their_enums_and_belong_to_a_slus_area():
    indicators = {ind.id: ind for ind in bundled_indicators()}

    assert len(indicators) >= 4
    assert indicators["population"].kolada_kpi == "N01951"
    assert indicators["employment_rate_20_64"].direction is Direction.HIGHER_IS_BETTER
    assert indicators["mean_age"].level is Level.MUNICIPALITY
    assert indicators["tatort_share"].kolada_kpi is None
    assert all(ind.area_id in AREAS_BY_ID for ind in indicators.values())
    assert all(ind.unit in UNITS_BY_SYMBOL for ind in indicators.values())
    assert indicators["associations"].per_1000 is True
    assert indicators["population"].per_1000 is False


def test_every_area_has_indicators_and_every_kpi_is_unique():
    indicators = bundled_indicators()

    assert {ind.area_id for ind in indicators} == set(AREAS_BY_ID)
    kpis = [ind.kolada_kpi for ind in indicators if ind.kolada_kpi]
    assert len(kpis) == len(set(kpis))


def test_every_locality_has_one_group():
    assert sorted(g.locality_id for g in bundled_groups()) == sorted(
        loc.id for loc in bundled_localities()
    )


def test_bundled_observations_have_sources_and_include_the_undated_rumskulla_figure():
    observations = bundled_observations(bundled_catalogue())

    assert all(o.source for o in observations)
    assert not any(o.example for o in observations)
    rumskulla = [o for o in observations if o.place_id == "rumskulla"]
    assert [(o.year, o.value, o.basis) for o in rumskulla] == [(None, 500.0, "parish")]


def test_bundled_observations_are_checked_like_any_import():
    from indicators.core.errors import InputError

    only_population = [i for i in bundled_indicators() if i.id == "population"]
    with pytest.raises(InputError):
        bundled_observations(bundled_catalogue(only_population))


def test_example_observations_are_marked_and_only_for_locality_indicators():
    catalogue = bundled_catalogue()
    examples = bundled_example_observations(catalogue)

    assert examples and all(o.example for o in examples)
    assert all(catalogue.indicators[o.indicator_id].level is Level.LOCALITY for o in examples)
    assert {o.place_id for o in examples} <= {loc.id for loc in bundled_localities()}
    assert all("Exempeldata" in o.source for o in examples)


def test_example_and_sourced_observations_never_share_a_key():
    catalogue = bundled_catalogue()
    keys = [
        (o.indicator_id, o.place_id, o.year, o.basis)
        for o in bundled_observations(catalogue) + bundled_example_observations(catalogue)
    ]

    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False), (" TRUE ", True)])
def test_booleans_are_true_or_false(text, value):
    assert parse_bool(text) is value


def test_anything_else_is_not_a_boolean():
    with pytest.raises(ValueError):
        parse_bool("ja")


def test_seeding_ignores_an_operators_import_row_limit(monkeypatch, tmp_path):
    """The row limit guards uploads; the bundled data (268 example rows) must still seed a database."""
    from indicators.storage.store import Store

    monkeypatch.setenv("ALLAS_MAX_IMPORT_ROWS", "10")
    store = Store.open(f"sqlite:///{tmp_path / 'seeded.sqlite'}")
    try:
        assert len(store.localities()) == 10
    finally:
        store.dispose()


def test_first_start_imports_the_bundled_kolada_file_once_with_its_log_line(tmp_path):
    """The real municipality and Sweden figures come in through the Kolada importer, logged as bundled;
    a second start adds nothing (the seed runs only on an empty database)."""
    from pathlib import Path

    from indicators.storage.bundled import BUNDLED_KOLADA_FILE
    from indicators.storage.store import Store

    url = f"sqlite:///{tmp_path / 'first.sqlite'}"
    with Store.open(url) as store:
        (entry,) = store.import_log()
        assert entry.file == "kolada-vimmerby.json (inbyggd data)" and entry.format == "kolada"
        assert entry.rows == 9
        sweden = {o.indicator_id: o for o in store.observations(place_ids=["riket"])}
        assert sweden["employment_rate_20_64"].source == "Kolada (KPI N02267)"
        assert not any(o.example for o in store.observations(place_ids=["kommun", "riket"]))
        version = store.data_version()
    with Store.open(url) as store:
        assert len(store.import_log()) == 1 and store.data_version() == version
    # The package copy is the user's example file, so an import of one equals the other.
    examples = Path(__file__).resolve().parents[2] / "examples" / BUNDLED_KOLADA_FILE
    from importlib.resources import files

    assert files("indicators.data").joinpath(BUNDLED_KOLADA_FILE).read_bytes() == examples.read_bytes()
