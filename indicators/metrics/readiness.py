"""Data readiness: for every indicator and place, whether a real figure is there yet.

Staff need one list of what the municipality still has to supply before the
comparisons can be trusted: per indicator and locality, whether the figure the
map would show is real, bundled example data, missing, or only counted on
another basis than the one the localities are compared on. Indicators measured
for the municipality as a whole are listed once, for the municipality.

Which figure counts is the map's choice (``indicators.metrics.headline``), so
this list and the map never disagree about a locality. Example figures are
always looked at here, whatever the example-data setting: this is where one
sees what they stand in for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from indicators.core.model import MUNICIPALITY_ID, Indicator, Level, Observation
from indicators.metrics.headline import headlines


class Readiness(str, Enum):
    """How far one indicator's figure for one place is from a real, comparable figure."""

    REAL = "real"
    EXAMPLE = "example"
    OTHER_BASIS = "other_basis"
    MISSING = "missing"


READINESS_ORDER: tuple[Readiness, ...] = (Readiness.REAL, Readiness.EXAMPLE, Readiness.OTHER_BASIS,
                                          Readiness.MISSING)
"""The order statuses are counted and listed in: done first, most to do last."""


@dataclass(frozen=True)
class ReadinessCell:
    """One indicator for one place: its status and the newest figure that decided it (None when missing)."""

    indicator_id: str
    place_id: str
    status: Readiness
    observation: Observation | None

    @property
    def to_supply(self) -> bool:
        """Whether the municipality still has to supply a real figure here."""
        return self.status is not Readiness.REAL


@dataclass(frozen=True)
class IndicatorReadiness:
    """One indicator's cells, one per place, in the order the places were given."""

    indicator: Indicator
    cells: tuple[ReadinessCell, ...]

    def counts(self) -> dict[Readiness, int]:
        """How many places have each status, every status present (zero included), in ``READINESS_ORDER``."""
        found = Counter(cell.status for cell in self.cells)
        return {status: found[status] for status in READINESS_ORDER}

    @property
    def complete(self) -> bool:
        return all(not cell.to_supply for cell in self.cells)


def status_of(observation: Observation | None, comparable: bool) -> Readiness:
    """The status of the figure a place is headlined with: missing, other basis, example or real.

    A figure on another basis is "other basis" even when it is real: it cannot
    be compared with the others, so a figure on the shared basis is still needed.
    """
    if observation is None or observation.value is None:
        return Readiness.MISSING
    if not comparable:
        return Readiness.OTHER_BASIS
    return Readiness.EXAMPLE if observation.example else Readiness.REAL


def readiness(
    indicators: Sequence[Indicator], observations: Iterable[Observation], locality_ids: Sequence[str]
) -> list[IndicatorReadiness]:
    """Every indicator's readiness, in the catalogue's order.

    Locality indicators get a cell per locality (``locality_ids`` order);
    municipality indicators one cell, for the municipality. ``observations``
    should hold every figure, example figures included.
    """
    by_indicator: dict[str, list[Observation]] = {}
    for observation in observations:
        by_indicator.setdefault(observation.indicator_id, []).append(observation)
    result = []
    for indicator in indicators:
        places = list(locality_ids) if indicator.level is Level.LOCALITY else [MUNICIPALITY_ID]
        chosen = headlines(by_indicator.get(indicator.id, []), places)
        cells = tuple(
            ReadinessCell(indicator.id, place, status_of(chosen[place].observation, chosen[place].figure.comparable),
                          chosen[place].observation)
            for place in places
        )
        result.append(IndicatorReadiness(indicator, cells))
    return result


def to_supply(table: Iterable[IndicatorReadiness]) -> list[ReadinessCell]:
    """The cells still waiting for a real figure: the municipality's list of what to supply."""
    return [cell for row in table for cell in row.cells if cell.to_supply]


def totals(table: Iterable[IndicatorReadiness]) -> dict[Readiness, int]:
    """Counts over all indicators and places, every status present."""
    found: Counter[Readiness] = Counter()
    for row in table:
        found.update(row.counts())
    return {status: found[status] for status in READINESS_ORDER}
