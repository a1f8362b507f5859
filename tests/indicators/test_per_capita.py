import pytest

from indicators.core.model import Observation
from indicators.metrics.per_capita import per_1000, population_for, populations_for


def pop(place, year, value, basis="tätort"):
    return Observation("population", place, year, value, "SCB", basis)


def test_per_1000_divides_by_the_population():
    assert per_1000(5, 500) == pytest.approx(10.0)
    assert per_1000(3, pop("tuna", 2020, 250)) == pytest.approx(12.0)
    assert per_1000(0, 250) == 0.0  # none counted is a real zero


def test_per_1000_is_missing_when_it_cannot_be_known():
    assert per_1000(None, 500) is None
    assert per_1000(5, None) is None
    assert per_1000(5, pop("tuna", 2020, None)) is None
    assert per_1000(5, 0) is None  # a count per nobody has no meaning


def test_the_same_year_wins():
    history = [pop("tuna", 2018, 211), pop("tuna", 2020, 240), pop("tuna", 2022, 250)]
    assert population_for(history, "tuna", 2020).value == 240


def test_else_the_nearest_earlier_year_then_the_nearest_later():
    history = [pop("tuna", 2015, 230), pop("tuna", 2018, 211), pop("tuna", 2023, 250)]
    assert population_for(history, "tuna", 2021).year == 2018
    assert population_for(history, "tuna", 2010).year == 2015
    assert population_for(history, "tuna", 2030).year == 2023


def test_an_undated_figure_is_the_last_resort():
    history = [pop("rumskulla", None, 500, "parish")]
    assert population_for(history, "rumskulla", 2020).value == 500
    history.append(pop("rumskulla", 2030, 480, "parish"))
    assert population_for(history, "rumskulla", 2020).year == 2030  # a later dated figure beats undated


def test_missing_values_and_other_indicators_are_ignored():
    history = [
        pop("tuna", 2020, None),
        pop("tuna", 2018, 211),
        Observation("associations", "tuna", 2020, 5, "register"),
    ]
    assert population_for(history, "tuna", 2020).year == 2018
    assert population_for(history, "pelarne", 2020) is None
    assert population_for([], "tuna", 2020) is None


def test_on_one_year_the_basis_most_localities_share_wins():
    history = [
        pop("tuna", 2020, 777, "electoral district"),  # listed first, still not chosen
        pop("tuna", 2020, 240),
        pop("storebro", 2020, 1025),
        pop("frodinge", 2020, 302),
        pop("pelarne", 2020, 310, "parish"),
    ]
    assert population_for(history, "tuna", 2020).basis == "tätort"
    # A locality with no figure on the shared basis divides by its own.
    assert population_for(history, "pelarne", 2020).value == 310


def test_the_shared_basis_does_not_depend_on_which_localities_are_asked_for():
    history = [
        pop("a", 2020, 100, "parish"),
        pop("a", 2020, 90),
        pop("b", 2020, 200),
        pop("c", 2020, 300),
    ]
    assert population_for(history, "a", 2020).value == 90
    assert populations_for(history, ["a"], 2020)["a"].value == 90


def test_the_year_comes_before_the_basis():
    history = [pop("tuna", 2018, 211), pop("tuna", 2020, 260, "electoral district"), pop("storebro", 2020, 1025)]
    assert population_for(history, "tuna", 2020).value == 260


def test_the_municipality_has_a_denominator_too():
    history = [pop("kommun", 2024, 15384, ""), pop("tuna", 2024, 250)]
    assert population_for(history, "kommun", 2024).value == 15384


def test_without_a_year_the_newest_dated_figure_is_used():
    history = [pop("tuna", None, 300), pop("tuna", 2018, 211), pop("tuna", 2020, 240)]
    assert population_for(history, "tuna", None).year == 2020
    assert population_for([pop("tuna", None, 300)], "tuna", None).value == 300


def test_many_at_once_agrees_with_one_at_a_time():
    history = [
        pop("a", 2016, 100),
        pop("a", 2019, 110, "parish"),
        pop("b", 2020, 200),
        pop("b", 2020, 210, "parish"),
        pop("c", None, 300, "parish"),
        pop("d", 2020, 400),
        pop("d", 2022, 410),
    ]
    places = ["a", "b", "c", "d", "e"]
    bulk = populations_for(history, places, 2020)
    assert list(bulk) == places
    assert bulk == {place: population_for(history, place, 2020) for place in places}
    assert [bulk[p].value if bulk[p] else None for p in places] == [110, 200, 300, 400, None]


def test_a_tie_between_bases_goes_to_alphabetical_order_as_on_the_map():
    history = [pop("b", 2020, 200), pop("b", 2020, 210, "parish")]
    assert population_for(history, "b", 2020).basis == "parish"
