"""Data readiness per indicator and place: real, example, other basis or missing."""

from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.metrics.readiness import (
    Readiness,
    readiness,
    status_of,
    to_supply,
    totals,
)


def indicator(id_: str, level: Level = Level.LOCALITY) -> Indicator:
    return Indicator(id_, id_, id_, "antal", "leva", Direction.HIGHER_IS_BETTER, level, "test", "")


PLACES = ["a", "b", "c", "d"]
POPULATION = indicator("population")
MEAN_AGE = indicator("mean_age", Level.MUNICIPALITY)


def obs(place: str, year: int | None, value: float | None, basis: str = "tätort", example: bool = False,
        indicator_id: str = "population") -> Observation:
    return Observation(indicator_id, place, year, value, "SCB", basis, example=example)


FIGURES = [
    obs("a", 2020, 302), obs("a", 2022, 991, "electoral district"),  # real, on the shared basis
    obs("b", 2021, 240, example=True),                                # example only
    obs("c", 2012, 212, "parish"),                                    # another basis only
    obs("d", 2020, None),                                             # a row without a value is missing
    obs("kommun", 2020, 44.2, "", indicator_id="mean_age"),
]


def test_each_locality_gets_the_status_of_the_figure_the_map_would_show():
    (population, _) = readiness([POPULATION, MEAN_AGE], FIGURES, PLACES)
    assert [(c.place_id, c.status) for c in population.cells] == [
        ("a", Readiness.REAL), ("b", Readiness.EXAMPLE), ("c", Readiness.OTHER_BASIS), ("d", Readiness.MISSING)]
    assert population.cells[0].observation.value == 302  # the tätort figure, not the newer electoral district
    assert population.cells[3].observation is None


def test_a_municipality_indicator_is_listed_once_for_the_municipality():
    (_, mean_age) = readiness([POPULATION, MEAN_AGE], FIGURES, PLACES)
    assert [(c.place_id, c.status) for c in mean_age.cells] == [("kommun", Readiness.REAL)]
    assert mean_age.complete


def test_counts_per_indicator_and_in_all_list_every_status_even_at_zero():
    table = readiness([POPULATION, MEAN_AGE], FIGURES, PLACES)
    assert table[0].counts() == {Readiness.REAL: 1, Readiness.EXAMPLE: 1, Readiness.OTHER_BASIS: 1,
                                 Readiness.MISSING: 1}
    assert totals(table) == {Readiness.REAL: 2, Readiness.EXAMPLE: 1, Readiness.OTHER_BASIS: 1,
                             Readiness.MISSING: 1}


def test_what_is_left_to_supply_is_everything_not_real():
    left = to_supply(readiness([POPULATION, MEAN_AGE], FIGURES, PLACES))
    assert [(c.indicator_id, c.place_id) for c in left] == [("population", "b"), ("population", "c"),
                                                            ("population", "d")]


def test_an_indicator_without_any_figure_is_missing_everywhere():
    (row,) = readiness([indicator("services")], FIGURES, PLACES)
    assert {c.status for c in row.cells} == {Readiness.MISSING} and not row.complete


def test_a_real_figure_off_the_shared_basis_still_counts_as_to_supply():
    assert status_of(obs("c", 2022, 406, "parish"), comparable=False) is Readiness.OTHER_BASIS
    assert status_of(obs("c", 2022, 406, "parish", example=True), comparable=True) is Readiness.EXAMPLE
    assert status_of(None, comparable=True) is Readiness.MISSING
