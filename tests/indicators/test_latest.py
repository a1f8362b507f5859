from indicators.core.model import Observation
from indicators.metrics.latest import latest, map_values, years_with_data


def obs(place, year, value, basis="tätort"):
    return Observation("population", place, year, value, "SCB", basis)


def test_latest_prefers_dated_figures_and_skips_missing_values():
    history = [obs("a", None, 500), obs("a", 2018, 10), obs("a", 2020, None)]
    assert latest(history).year == 2018
    assert latest([obs("a", None, 500)]).value == 500
    assert latest([obs("a", 2020, None)]) is None


def test_map_values_never_mix_bases_silently():
    values = map_values(
        [obs("a", 2020, 10), obs("a", 2022, 99, "electoral district"), obs("b", 2020, 5),
         obs("c", 2012, 7, "parish")],
        ["a", "b", "c", "d"],
    )
    by_id = {v.locality_id: v for v in values}
    assert by_id["a"].value == 10 and by_id["a"].comparable  # tätort wins over the newer other basis
    assert by_id["c"].value is None and not by_id["c"].comparable
    assert by_id["c"].observation.value == 7  # still shown, flagged
    assert by_id["d"].observation is None


def test_a_chosen_year_shows_only_that_year():
    values = map_values([obs("a", 2020, 10), obs("a", 2018, 8)], ["a"], year=2018)
    assert values[0].value == 8
    assert map_values([obs("a", 2020, 10)], ["a"], year=2019)[0].observation is None


def test_a_single_locality_is_comparable_with_itself():
    assert map_values([obs("a", 2020, 10)], ["a"])[0].comparable


def test_years_with_data_are_newest_first_and_ignore_gaps():
    assert years_with_data([obs("a", 2018, 1), obs("a", 2020, 2), obs("a", 2021, None), obs("a", None, 3)]) == [2020, 2018]
