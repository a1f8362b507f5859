import pytest

from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.metrics.difference import (
    Measure,
    comparable_measure,
    difference,
    difference_to_municipality,
)


def indicator(id_, unit, per_1000=False):
    return Indicator(id_, id_, id_, unit, "leva", Direction.HIGHER_IS_BETTER, Level.LOCALITY, "test", "",
                     per_1000=per_1000)


BROADBAND = indicator("broadband_100", "%")
BUSES = indicator("bus_departures", "antal")
ASSOCIATIONS = indicator("associations", "antal", per_1000=True)


def obs(indicator_id, place, value, year=2024):
    return Observation(indicator_id, place, year, value, "test")


def test_difference_is_locality_minus_municipality_and_missing_stays_missing():
    assert difference(70.0, 82.5) == pytest.approx(-12.5)
    assert difference(0.0, 0.0) == 0.0
    assert difference(None, 82.5) is None
    assert difference(70.0, None) is None


def test_which_figure_is_compared():
    assert comparable_measure(BROADBAND) is Measure.VALUE
    assert comparable_measure(ASSOCIATIONS) is Measure.PER_1000
    assert comparable_measure(BUSES) is None  # the municipality's count includes the locality's
    assert comparable_measure(indicator("population", "invånare")) is None
    assert comparable_measure(indicator("median_income", "kr")) is Measure.VALUE


def test_shares_compare_as_they_are():
    result = difference_to_municipality(BROADBAND, obs("broadband_100", "tuna", 70.0),
                                        obs("broadband_100", "kommun", 82.5))
    assert result == pytest.approx(-12.5)


def test_per_1000_indicators_compare_per_1000_figures():
    # Tuna: 5 per 250 = 20 per 1,000; the municipality: 150 per 15,000 = 10 per 1,000.
    result = difference_to_municipality(
        ASSOCIATIONS, obs("associations", "tuna", 5), obs("associations", "kommun", 150), 250, 15_000
    )
    assert result == pytest.approx(10.0)
    population = Observation("population", "tuna", 2020, 250, "SCB", "tätort")
    assert difference_to_municipality(
        ASSOCIATIONS, obs("associations", "tuna", 5), obs("associations", "kommun", 150), population, 15_000
    ) == pytest.approx(10.0)
    # Without a population there is no per-1,000 figure, so no difference.
    assert difference_to_municipality(
        ASSOCIATIONS, obs("associations", "tuna", 5), obs("associations", "kommun", 150), None, 15_000
    ) is None


def test_raw_counts_and_missing_figures_give_no_difference():
    assert difference_to_municipality(BUSES, obs("bus_departures", "tuna", 13),
                                      obs("bus_departures", "kommun", 300)) is None
    assert difference_to_municipality(BROADBAND, None, obs("broadband_100", "kommun", 82.5)) is None
    assert difference_to_municipality(BROADBAND, obs("broadband_100", "tuna", None),
                                      obs("broadband_100", "kommun", 82.5)) is None


def test_figures_of_other_years_or_indicators_are_a_programming_error():
    with pytest.raises(ValueError, match="years differ"):
        difference_to_municipality(BROADBAND, obs("broadband_100", "tuna", 70.0, 2023),
                                   obs("broadband_100", "kommun", 82.5, 2024))
    with pytest.raises(ValueError):
        difference_to_municipality(BROADBAND, obs("associations", "tuna", 5), None)
