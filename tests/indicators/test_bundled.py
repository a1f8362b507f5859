"""The embedded default data is complete, sourced and passes the loader's checks."""

from __future__ import annotations

import pytest

from indicators.bundled import (
    bundled_groups,
    bundled_indicators,
    bundled_localities,
    bundled_observations,
    parse_bool,
)
from indicators.model import REFERENCE_PLACE_IDS, Direction, Level
from indicators.slus import AREAS_BY_ID


def bundled_place_ids():
    return {loc.id for loc in bundled_localities()} | set(REFERENCE_PLACE_IDS)


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


def test_every_locality_has_one_group():
    assert sorted(g.locality_id for g in bundled_groups()) == sorted(
        loc.id for loc in bundled_localities()
    )


def test_bundled_observations_have_sources_and_include_the_undated_rumskulla_figure():
    observations = bundled_observations({i.id for i in bundled_indicators()}, bundled_place_ids())

    assert all(o.source for o in observations)
    rumskulla = [o for o in observations if o.place_id == "rumskulla"]
    assert [(o.year, o.value, o.basis) for o in rumskulla] == [(None, 500.0, "parish")]


def test_bundled_observations_are_checked_like_any_import():
    from indicators.errors import InputError

    with pytest.raises(InputError):
        bundled_observations({"population"}, bundled_place_ids())


@pytest.mark.parametrize(("text", "value"), [("true", True), ("false", False), (" TRUE ", True)])
def test_booleans_are_true_or_false(text, value):
    assert parse_bool(text) is value


def test_anything_else_is_not_a_boolean():
    with pytest.raises(ValueError):
        parse_bool("ja")
