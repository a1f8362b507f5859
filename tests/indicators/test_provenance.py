"""Provenance: how many of the figures under a figure, score, index or ranking are example data."""

from __future__ import annotations

import pytest

from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.metrics.comparison import KIND_AREA, KIND_INDEX, KIND_INDICATOR, comparison_rows
from indicators.metrics.provenance import (
    EXAMPLE,
    NOTHING,
    REAL,
    Provenance,
    figure_provenance,
    provenance,
    ranking_provenance,
)
from indicators.metrics.scores import area_score, compute_scores

HIGHER = Direction.HIGHER_IS_BETTER
YEAR = 2024


def indicator(id_: str, area: str) -> Indicator:
    return Indicator(id_, id_, id_, "antal", area, HIGHER, Level.LOCALITY, "test", "")


CATALOGUE = [indicator("shops", "leva"), indicator("clubs", "leva"), indicator("halls", "leva"),
             indicator("jobs", "arbeta")]


def obs(indicator_id: str, place: str, value: float, example: bool = False) -> Observation:
    return Observation(indicator_id, place, YEAR, value, "test", "tätort", example=example)


def table(*observations: Observation):
    return compute_scores(CATALOGUE, observations, ["a", "b"], YEAR)


def test_a_figure_is_example_or_real_and_a_missing_one_carries_nothing():
    assert provenance(obs("shops", "a", 1, example=True)) == EXAMPLE
    assert provenance(obs("shops", "a", 1)) == REAL
    assert provenance(Observation("shops", "a", YEAR, None, "test")) == NOTHING
    assert EXAMPLE.is_example and not EXAMPLE.is_partly_example and not REAL.rests_on_example


def test_an_area_score_counts_the_indicator_scores_that_rest_on_example_data():
    scores = table(obs("shops", "a", 1, example=True), obs("shops", "b", 2),
                   obs("clubs", "a", 3, example=True), obs("clubs", "b", 1, example=True),
                   obs("halls", "a", 5), obs("halls", "b", 9))
    a = provenance(scores.areas["a"]["leva"])
    b = provenance(scores.areas["b"]["leva"])
    assert a == Provenance(2, 3) and a.is_partly_example and a.rests_on_example
    assert b == Provenance(1, 3)


def test_the_index_counts_the_areas_that_rest_on_example_data():
    scores = table(obs("shops", "a", 1, example=True), obs("shops", "b", 2),
                   obs("jobs", "a", 4), obs("jobs", "b", 8))
    assert provenance(scores.index["a"]) == Provenance(1, 2)
    assert provenance(scores.index["b"]) == Provenance(0, 2)
    assert not provenance(scores.index["b"]).rests_on_example


def test_a_score_on_real_figures_only_is_not_marked_even_when_a_neighbour_is():
    scores = table(obs("shops", "a", 1, example=True), obs("shops", "b", 2))
    assert figure_provenance(scores.indicators["shops"], "a") == EXAMPLE
    assert figure_provenance(scores.indicators["shops"], "b") == REAL
    assert figure_provenance(scores.indicators["clubs"], "a") == NOTHING


def test_a_ranking_counts_the_places_that_rest_on_example_data():
    assert ranking_provenance([EXAMPLE, REAL, Provenance(1, 3), NOTHING]) == Provenance(2, 3)


def test_comparison_rows_carry_the_counts_for_the_export_and_the_table():
    scores = table(obs("shops", "a", 1, example=True), obs("shops", "b", 2),
                   obs("clubs", "a", 3), obs("clubs", "b", 1))
    rows = {(r.kind, r.indicator_id, r.locality_id): r for r in comparison_rows(scores, ["a", "b"], CATALOGUE)}
    assert provenance(rows[(KIND_INDEX, "index", "a")]) == Provenance(1, 1)
    assert provenance(rows[(KIND_AREA, "omrade:leva", "a")]) == Provenance(1, 2)
    assert provenance(rows[(KIND_INDICATOR, "shops", "a")]) == EXAMPLE
    assert provenance(rows[(KIND_INDICATOR, "shops", "b")]) == REAL


def test_area_score_counts_only_present_scores_flagged_as_example():
    score = area_score("a", "leva", YEAR, [10.0, None, 30.0], examples=[True, True, False])
    assert (score.example_used, score.used, score.example) == (1, 2, True)
    with pytest.raises(ValueError):
        area_score("a", "leva", YEAR, [10.0], examples=[True, False])
