import pytest

from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.metrics.method import METHOD_SV
from indicators.metrics.scores import (
    DEFAULT_WEIGHTS,
    MIDDLE_SCORE,
    AreaScore,
    area_score,
    compute_scores,
    index_score,
    is_scored,
    normalise,
    validate_weights,
    years_with_scores,
)

HIGHER, LOWER, NEUTRAL = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.NEUTRAL


def indicator(id_, area, direction, unit="antal", level=Level.LOCALITY, per_1000=False):
    return Indicator(id_, id_, id_, unit, area, direction, level, "test", "", per_1000=per_1000)


SERVICES = indicator("services", "leva", HIGHER)
TRAVEL = indicator("travel_minutes", "leva", LOWER, unit="min")
POPULATION = indicator("population", "leva", NEUTRAL, unit="invånare")
WORKPLACES = indicator("workplaces", "arbeta", HIGHER, per_1000=True)
UNEMPLOYMENT = indicator("unemployment", "arbeta", LOWER, unit="%", level=Level.MUNICIPALITY)
CATALOGUE = [POPULATION, SERVICES, TRAVEL, WORKPLACES, UNEMPLOYMENT]
PLACES = ["a", "b", "c"]
YEAR = 2024


def obs(indicator_id, place, value, year=YEAR, basis="tätort", example=False):
    return Observation(indicator_id, place, year, value, "test", basis, example=example)


def figures(**overrides):
    """The hand-computed example; ``overrides`` replace the rows of one indicator."""
    rows = {
        "services": [obs("services", "a", 2), obs("services", "b", 4), obs("services", "c", 8)],
        "travel_minutes": [obs("travel_minutes", "a", 10), obs("travel_minutes", "b", 30)],
        "population": [obs("population", "a", 1000), obs("population", "b", 100), obs("population", "c", 500)],
        "workplaces": [obs("workplaces", "a", 20), obs("workplaces", "b", 5), obs("workplaces", "c", 10)],
    }
    rows.update(overrides)
    return [o for group in rows.values() for o in group]


def scores_of(table, indicator_id):
    return dict(table.indicators[indicator_id].scores)


# --- normalisation ---------------------------------------------------------------------------


def test_min_max_to_0_100_with_the_best_at_100():
    assert normalise({"a": 10.0, "b": 20.0, "c": 40.0}, HIGHER) == pytest.approx({"a": 0, "b": 100 / 3, "c": 100})


def test_lower_is_better_flips_the_scale():
    assert normalise({"a": 10.0, "b": 20.0, "c": 40.0}, LOWER) == pytest.approx({"a": 100, "b": 200 / 3, "c": 0})
    assert normalise({"a": 10.0, "b": 20.0}, "lower") == {"a": 100.0, "b": 0.0}


def test_missing_stays_missing_and_zero_is_a_value():
    assert normalise({"a": 0.0, "b": None, "c": 5.0}, HIGHER) == {"a": 0.0, "b": None, "c": 100.0}
    assert normalise({"a": None}, HIGHER) == {"a": None}


def test_equal_values_or_one_value_give_everyone_the_middle():
    assert normalise({"a": 7.0, "b": 7.0, "c": None}, HIGHER) == {"a": 50.0, "b": 50.0, "c": None}
    assert normalise({"a": 5.0, "b": 3 / 600 * 1000}, LOWER) == {"a": 50.0, "b": 50.0}  # floating noise
    assert normalise({"tuna": 12.0}, LOWER) == {"tuna": 50.0}


def test_neutral_indicators_are_not_normalised():
    with pytest.raises(ValueError):
        normalise({"a": 1.0}, NEUTRAL)
    assert not is_scored(POPULATION)
    assert not is_scored(UNEMPLOYMENT)  # measured for the municipality only
    assert is_scored(SERVICES) and is_scored(TRAVEL)


# --- the whole table, hand-computed ----------------------------------------------------------
#                services(higher)  travel(lower)  workplaces per 1,000 (higher)
#   a             2 ->   0         10 -> 100       20/1000 = 20 ->   0
#   b             4 ->  33.3       30 ->   0        5/100  = 50 -> 100
#   c             8 -> 100          –               10/500 = 20 ->   0
#   Leva:  a 50, b 16.7, c 100 (1 of 2)   Arbeta: a 0, b 100, c 0   index: a 25, b 58.3, c 50


def test_hand_computed_indicator_scores():
    table = compute_scores(CATALOGUE, figures(), PLACES, YEAR)
    assert scores_of(table, "services") == pytest.approx({"a": 0, "b": 100 / 3, "c": 100})
    assert scores_of(table, "travel_minutes") == {"a": 100.0, "b": 0.0, "c": None}
    assert table.indicator_score("b", "workplaces") == 100.0


def test_per_1000_indicators_are_scored_on_per_1000_figures():
    table = compute_scores(CATALOGUE, figures(), PLACES, YEAR)
    workplaces = table.indicators["workplaces"]
    assert dict(workplaces.values) == {"a": 20, "b": 5, "c": 10}  # raw: a has most
    assert dict(workplaces.per_1000) == pytest.approx({"a": 20, "b": 50, "c": 20})  # per 1,000: b has most
    assert dict(workplaces.measures) == dict(workplaces.per_1000)
    assert scores_of(table, "workplaces") == {"a": 0.0, "b": 100.0, "c": 0.0}
    assert workplaces.populations["b"].value == 100


def test_area_scores_are_means_with_their_coverage():
    table = compute_scores(CATALOGUE, figures(), PLACES, YEAR)
    leva = {place: table.areas[place]["leva"] for place in PLACES}
    assert leva["a"] == AreaScore("a", "leva", YEAR, 50.0, used=2, available=2)
    assert leva["b"].score == pytest.approx(50 / 3)
    assert (leva["c"].score, leva["c"].used, leva["c"].available) == (100.0, 1, 2)  # missing travel: 1 of 2
    assert [a.area_id for a in table.area_scores("a")] == ["leva", "arbeta", "verka", "trivas", "kontakt", "motas"]
    verka = table.areas["a"]["verka"]
    assert (verka.score, verka.used, verka.available) == (None, 0, 0)


def test_the_index_is_the_mean_of_the_area_scores_that_exist():
    table = compute_scores(CATALOGUE, figures(), PLACES, YEAR)
    assert table.index["a"].score == pytest.approx(25.0)
    assert table.index["b"].score == pytest.approx((50 / 3 + 100) / 2)
    assert table.index["c"].score == pytest.approx(50.0)
    assert (table.index["a"].areas_used, table.index["a"].areas_available) == (2, 6)


def test_neutral_and_municipality_level_indicators_are_not_scored():
    rows = figures() + [obs("unemployment", "a", 5.0, basis=""), obs("unemployment", "b", 9.0, basis="")]
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    population = table.indicators["population"]
    assert not population.scored
    assert dict(population.scores) == {"a": None, "b": None, "c": None}
    assert dict(population.values) == {"a": 1000, "b": 100, "c": 500}  # still shown
    assert "unemployment" not in table.indicators
    assert table.areas["a"]["leva"].available == 2  # services and travel, not population
    assert table.areas["a"]["arbeta"].available == 1  # workplaces, not unemployment


def test_a_missing_value_is_never_a_zero():
    rows = figures(services=[obs("services", "a", 2), obs("services", "b", None), obs("services", "c", 8)])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert scores_of(table, "services") == {"a": 0.0, "b": None, "c": 100.0}
    assert table.areas["b"]["leva"] == AreaScore("b", "leva", YEAR, 0.0, used=1, available=2)


def test_a_missing_population_leaves_the_per_1000_figure_missing():
    rows = figures(population=[obs("population", "a", 1000), obs("population", "b", 100)])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert table.indicators["workplaces"].per_1000["c"] is None
    assert table.areas["c"]["arbeta"] == AreaScore("c", "arbeta", YEAR, None, used=0, available=1)
    assert (table.index["c"].score, table.index["c"].areas_used) == (100.0, 1)


def test_the_population_of_an_earlier_year_is_used_when_the_year_has_none():
    rows = figures(population=[obs("population", "a", 1000, 2020), obs("population", "b", 100, 2020),
                               obs("population", "c", 500, 2030)])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert dict(table.indicators["workplaces"].per_1000) == pytest.approx({"a": 20, "b": 50, "c": 20})
    assert table.indicators["workplaces"].populations["c"].year == 2030
    assert dict(table.indicators["population"].values) == {"a": None, "b": None, "c": None}  # not that year


def test_a_figure_on_another_basis_is_kept_but_not_scored():
    rows = figures(services=[obs("services", "a", 2), obs("services", "b", 4), obs("services", "c", 8, basis="parish")])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    services = table.indicators["services"]
    assert dict(services.scores) == {"a": 0.0, "b": 100.0, "c": None}
    assert not services.figures["c"].comparable
    assert services.figures["c"].observation.value == 8
    assert table.areas["c"]["leva"].used == 0


def test_a_single_locality_gets_the_middle_everywhere():
    table = compute_scores(CATALOGUE, figures(), ["b"], YEAR)
    assert scores_of(table, "services") == {"b": 50.0}
    assert table.areas["b"]["leva"].score == 50.0
    assert table.index["b"].score == 50.0


def test_all_equal_values_give_the_middle():
    rows = figures(services=[obs("services", place, 3) for place in PLACES])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert scores_of(table, "services") == {"a": 50.0, "b": 50.0, "c": 50.0}


def test_no_localities_or_no_figures_give_an_empty_or_blank_table():
    assert compute_scores(CATALOGUE, figures(), [], YEAR).index == {}
    blank = compute_scores(CATALOGUE, [], PLACES, YEAR)
    assert all(score.score is None and score.areas_used == 0 for score in blank.index.values())


def test_other_years_undated_figures_and_reference_places_are_left_out():
    rows = figures() + [
        obs("services", "a", 1000, year=2023),
        obs("services", "a", 1000, year=None),
        obs("services", "riket", 1000),
        obs("services", "kommun", 1000),
    ]
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert scores_of(table, "services") == pytest.approx({"a": 0, "b": 100 / 3, "c": 100})


def test_locality_ids_keep_their_order_and_a_bare_string_is_refused():
    table = compute_scores(CATALOGUE, figures(), ["c", "a", "c"], YEAR)
    assert table.locality_ids == ("c", "a")
    assert list(table.index) == ["c", "a"]
    with pytest.raises(TypeError):
        compute_scores(CATALOGUE, figures(), "abc", YEAR)


def test_example_data_is_flagged_up_to_the_index():
    rows = figures(travel_minutes=[obs("travel_minutes", "a", 10, example=True), obs("travel_minutes", "b", 30)])
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    assert table.indicators["travel_minutes"].examples == {"a"}
    assert table.areas["a"]["leva"].example and not table.areas["b"]["leva"].example
    assert table.index["a"].example and not table.index["b"].example


# --- difference to the municipality ------------------------------------------------------------


def test_differences_to_the_municipality_in_the_comparable_measure():
    rows = figures() + [
        obs("travel_minutes", "kommun", 20, basis=""),
        obs("services", "kommun", 30, basis=""),
        obs("workplaces", "kommun", 300, basis=""),
        obs("population", "kommun", 15_000, basis=""),
    ]
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR)
    travel = table.indicators["travel_minutes"]
    assert travel.municipality == 20
    assert dict(travel.differences) == {"a": -10.0, "b": 10.0, "c": None}
    workplaces = table.indicators["workplaces"]
    assert workplaces.municipality == pytest.approx(20.0)  # 300 per 15,000
    assert dict(workplaces.differences) == pytest.approx({"a": 0, "b": 30, "c": 0})
    services = table.indicators["services"]  # a raw count: the municipality's total is no yardstick
    assert services.municipality is None and services.municipality_observation.value == 30
    assert dict(services.differences) == {"a": None, "b": None, "c": None}


# --- weights and the index --------------------------------------------------------------------


def test_weights_are_renormalised_over_the_areas_that_have_a_score():
    rows = figures(workplaces=[obs("workplaces", "a", 20), obs("workplaces", "b", 5)])
    weights = {"leva": 2.0, "arbeta": 1.0}
    table = compute_scores(CATALOGUE, rows, PLACES, YEAR, weights)
    # a: (2·50 + 1·0) / 3; b: (2·16.7 + 1·100) / 3; c has no Arbeta score: its Leva score alone.
    assert table.index["a"].score == pytest.approx(100 / 3)
    assert table.index["b"].score == pytest.approx((2 * 50 / 3 + 100) / 3)
    assert table.index["c"].score == pytest.approx(100.0)
    assert (table.index["c"].areas_used, table.index["c"].areas_available) == (1, 2)


def test_an_area_weighted_zero_is_not_part_of_the_index():
    weights = dict(DEFAULT_WEIGHTS, arbeta=0.0)
    table = compute_scores(CATALOGUE, figures(), PLACES, YEAR, weights)
    assert table.index["b"].score == pytest.approx(50 / 3)
    assert table.index["b"].areas_available == 5


def test_the_index_is_missing_when_no_weighted_area_has_a_score():
    scores = [AreaScore("a", "leva", YEAR, 80.0, 1, 1), AreaScore("a", "arbeta", YEAR, None, 0, 1)]
    assert index_score("a", YEAR, scores, {"leva": 0.0, "arbeta": 1.0}).score is None
    assert index_score("a", YEAR, scores, {"leva": 1.0, "arbeta": 1.0}).score == 80.0
    assert index_score("a", YEAR, [], DEFAULT_WEIGHTS).score is None


def test_area_score_of_nothing_is_missing_not_zero():
    assert area_score("a", "leva", YEAR, []) == AreaScore("a", "leva", YEAR, None, 0, 0)
    assert area_score("a", "leva", YEAR, [None, None]) == AreaScore("a", "leva", YEAR, None, 0, 2)
    assert area_score("a", "leva", YEAR, [0.0, None]).score == 0.0


def test_default_weights_are_one_for_each_of_the_six_areas():
    assert dict(DEFAULT_WEIGHTS) == {area: 1.0 for area in ("leva", "arbeta", "verka", "trivas", "kontakt", "motas")}
    assert validate_weights(DEFAULT_WEIGHTS) == []
    assert validate_weights({"leva": 0, "motas": 2.5}) == []


def test_negative_weights_are_refused_naming_the_area():
    problems = validate_weights(dict(DEFAULT_WEIGHTS, motas=-1.5))
    assert problems == ["Vikten för Mötas får inte vara negativ (−1,5)."]


def test_weights_that_sum_to_zero_are_refused():
    assert validate_weights(dict.fromkeys(DEFAULT_WEIGHTS, 0.0)) == [
        "Vikterna summerar till noll: minst ett område måste ha en vikt större än noll."
    ]
    assert validate_weights({}) != []
    assert len(validate_weights({"leva": -1.0, "arbeta": 0.0})) == 2  # negative, and nothing left to weigh


def test_unknown_areas_and_non_numbers_are_refused():
    problems = validate_weights({"leva": 1.0, "skola": 1.0, "arbeta": "mycket", "verka": float("nan"), "trivas": True})
    assert problems[0].startswith("Okänt utvecklingsområde ”skola”")
    assert problems[1:] == [
        "Vikten för Arbeta är inte ett tal: ”mycket”.",
        "Vikten för Verka är inte ett tal: ”nan”.",
        "Vikten för Trivas är inte ett tal: ”True”.",
    ]


def test_refused_weights_stop_the_computation():
    with pytest.raises(ValueError, match="Mötas får inte vara negativ"):
        compute_scores(CATALOGUE, figures(), PLACES, YEAR, dict(DEFAULT_WEIGHTS, motas=-1.0))
    with pytest.raises(ValueError, match="summerar till noll"):
        compute_scores(CATALOGUE, figures(), PLACES, YEAR, dict.fromkeys(DEFAULT_WEIGHTS, 0))


# --- years ----------------------------------------------------------------------------------


def test_years_with_scores_are_newest_first_and_need_a_scored_figure():
    rows = [
        obs("services", "a", 2, year=2019),
        obs("services", "b", 3, year=2024),
        obs("services", "a", None, year=2023),  # an empty cell
        obs("population", "a", 900, year=2022),  # neutral: nothing to score
        obs("unemployment", "a", 5.0, year=2021),  # municipality level
        obs("travel_minutes", "kommun", 20, year=2020),  # the municipality is not compared
        obs("travel_minutes", "a", 20, year=None),  # undated
    ]
    assert years_with_scores(CATALOGUE, rows) == [2024, 2019]


def test_a_per_1000_count_needs_some_population_figure():
    counts = [obs("workplaces", "a", 20, year=2018), obs("workplaces", "b", 5, year=2017)]
    assert years_with_scores(CATALOGUE, counts) == []
    assert years_with_scores(CATALOGUE, counts + [obs("population", "b", 100, year=2024)]) == [2017]


# --- the method as users read it ------------------------------------------------------------


def test_the_method_text_states_the_rules_the_code_follows():
    for rule in ("0–100", "100 alltid", "1 000 invånare", f"får alla {MIDDLE_SCORE:.0f}",
                 "aldrig som 0", "2 av 3", "räknegrund", "vägt medelvärde", "negativa", "exempel"):
        assert rule in METHOD_SV, rule
