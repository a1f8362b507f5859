import pytest

from indicators.core.model import Direction
from indicators.metrics.ranking import rank


def test_highest_is_first_and_ties_share_a_rank():
    ranks = rank({"a": 3.0, "b": 5.0, "c": 5.0, "d": 1.0}, Direction.HIGHER_IS_BETTER)
    assert ranks == {"a": 3, "b": 1, "c": 1, "d": 4}


def test_lowest_is_first_for_lower_is_better():
    ranks = rank({"a": 3.0, "b": 5.0, "c": 1.0, "d": 1.0}, Direction.LOWER_IS_BETTER)
    assert ranks == {"a": 3, "b": 4, "c": 1, "d": 1}


def test_neutral_ranks_largest_first_and_direction_may_be_its_text():
    assert rank({"a": 1.0, "b": 2.0}, Direction.NEUTRAL) == {"a": 2, "b": 1}
    assert rank({"a": 1.0, "b": 2.0}, "lower") == {"a": 1, "b": 2}


def test_missing_values_have_no_rank_and_do_not_take_a_place():
    ranks = rank({"a": None, "b": 2.0, "c": 4.0}, Direction.HIGHER_IS_BETTER)
    assert ranks == {"a": None, "b": 2, "c": 1}
    assert list(ranks) == ["a", "b", "c"]  # input order kept for the table
    assert rank({"a": None}, Direction.HIGHER_IS_BETTER) == {"a": None}
    assert rank({}, Direction.HIGHER_IS_BETTER) == {}


def test_floating_point_noise_is_a_tie():
    noisy = 3 / 600 * 1000
    ranks = rank({"a": 5.0, "b": noisy, "c": 4.0}, Direction.HIGHER_IS_BETTER)
    assert ranks == {"a": 1, "b": 1, "c": 3}


def test_zero_is_a_value_not_a_gap():
    assert rank({"a": 0.0, "b": -1.0}, Direction.HIGHER_IS_BETTER) == {"a": 1, "b": 2}


def test_a_single_locality_is_first():
    assert rank({"tuna": 12.5}, Direction.LOWER_IS_BETTER) == {"tuna": 1}


def test_an_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        rank({"a": 1.0}, "sideways")
