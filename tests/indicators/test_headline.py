"""The headline figure of a locality is the map's figure; other counts are kept beside it."""

from indicators.core.model import Observation
from indicators.metrics.headline import headline_for, headlines
from indicators.metrics.latest import map_values

PLACES = ["frodinge", "tuna", "storebro", "djursdala"]


def obs(place: str, year: int | None, value: float | None, basis: str) -> Observation:
    return Observation("population", place, year, value, "test", basis)


FIGURES = [
    obs("frodinge", 2020, 302, "tätort"),
    obs("frodinge", 2022, 991, "electoral district"),
    obs("frodinge", 2019, 296, "tätort"),
    obs("tuna", 2020, 240, "tätort"),
    obs("storebro", 2020, 1025, "tätort"),
    obs("djursdala", 2022, 406, "electoral district"),
]


def test_the_headline_is_the_figure_the_map_colours_not_the_newest_figure():
    frodinge = headline_for(FIGURES, PLACES, "frodinge")
    assert frodinge.observation.value == 302  # tätort 2020, though the electoral district figure is newer
    assert frodinge.figure.comparable


def test_every_locality_headlines_exactly_what_map_values_chose():
    by_place = headlines(FIGURES, PLACES)
    for value in map_values(FIGURES, PLACES):
        assert by_place[value.locality_id].figure == value


def test_the_other_bases_are_listed_newest_per_basis():
    frodinge = headline_for(FIGURES, PLACES, "frodinge")
    assert [(o.basis, o.value) for o in frodinge.others] == [("electoral district", 991)]


def test_a_locality_counted_only_on_another_basis_headlines_that_figure_as_not_comparable():
    djursdala = headline_for(FIGURES, PLACES, "djursdala")
    assert djursdala.observation.value == 406 and not djursdala.figure.comparable
    assert djursdala.others == ()


def test_the_comparable_basis_depends_on_all_localities_not_only_the_one_asked_about():
    # Alone, Frödinge's newest figure would do; beside three electoral districts, that basis wins.
    places = ["frodinge", "a", "b", "c"]
    figures = [obs("frodinge", 2020, 302, "tätort"), obs("frodinge", 2022, 991, "electoral district"),
               *(obs(p, 2022, 100, "electoral district") for p in ("a", "b", "c"))]
    frodinge = headline_for(figures, places, "frodinge")
    assert frodinge.observation.value == 991
    assert [o.value for o in frodinge.others] == [302]


def test_a_year_limits_both_the_headline_and_the_others():
    frodinge = headline_for(FIGURES, PLACES, "frodinge", year=2019)
    assert frodinge.observation.value == 296 and frodinge.others == ()


def test_no_figure_means_no_headline():
    assert headline_for([], PLACES, "tuna").observation is None
    assert headline_for(FIGURES, PLACES, "not-a-locality").observation is None
