"""A locality's difference to the municipality, where such a difference means something.

The municipality is the reference line in every comparison. "Tuna has 12
percentage points less broadband than the municipality" is information;
"Tuna has 140 fewer workplaces than the municipality" is not, because the
municipality's count is the sum over all its localities. So raw counts are
compared per 1,000 inhabitants when the catalogue allows it, and not at all
otherwise.
"""

from __future__ import annotations

from enum import Enum

from indicators.core.model import Indicator, Observation
from indicators.metrics.per_capita import per_1000

RAW_COUNT_UNITS = frozenset({"antal", "st", "invånare"})
"""Units of plain counts: a locality's count and the municipality's total are not alike."""


class Measure(str, Enum):
    """Which figure of an indicator is compared between places."""

    VALUE = "value"
    PER_1000 = "per_1000"


def difference(locality_value: float | None, municipality_value: float | None) -> float | None:
    """Locality minus municipality; None when either is missing (a gap is never read as 0)."""
    if locality_value is None or municipality_value is None:
        return None
    return locality_value - municipality_value


def comparable_measure(indicator: Indicator) -> Measure | None:
    """The figure in which a locality and the municipality can be compared, or None.

    Per-1,000 indicators compare per-1,000 figures. Shares, amounts, ages and
    figures already per inhabitant compare as they are. A plain count (unit
    ``antal``, ``st`` or ``invånare``) without a per-1,000 figure cannot be
    compared: the municipality's count includes the locality's own.
    """
    if indicator.per_1000:
        return Measure.PER_1000
    if indicator.unit.strip().lower() in RAW_COUNT_UNITS:
        return None
    return Measure.VALUE


def difference_to_municipality(
    indicator: Indicator,
    locality: Observation | None,
    municipality: Observation | None,
    locality_population: Observation | float | None = None,
    municipality_population: Observation | float | None = None,
) -> float | None:
    """The locality's figure minus the municipality's, in the indicator's comparable measure.

    Both observations must be of ``indicator`` and of the same year: a
    difference across years would show change over time as a gap between
    places, so a mismatch is a programming error and raises ValueError. For a
    per-1,000 indicator each side is divided by its own population (see
    ``indicators.metrics.per_capita.population_for``). None when the difference is
    not meaningful for the indicator or a figure is missing.
    """
    for observation in (locality, municipality):
        if observation is not None and observation.indicator_id != indicator.id:
            raise ValueError(f"observation of {observation.indicator_id!r} compared as {indicator.id!r}")
    if locality is not None and municipality is not None and locality.year != municipality.year:
        raise ValueError(f"years differ: {locality.year} and {municipality.year}")

    measure = comparable_measure(indicator)
    if measure is None or locality is None or municipality is None:
        return None
    if measure is Measure.PER_1000:
        return difference(
            per_1000(locality.value, locality_population),
            per_1000(municipality.value, municipality_population),
        )
    return difference(locality.value, municipality.value)
