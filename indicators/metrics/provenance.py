"""Whether a figure, score, index or ranking rests on bundled example data, and how much of it.

One function decides it (``provenance``) and every view asks it, so a figure
shown on the map, the compare page, a slide, a report or an export carries
the same mark for the same reason. The record is counts, not words: the
dashboard turns it into "Exempeldata" or "5 av 6 områden bygger på
exempeldata" (``dashboard.views.provenance``).

What a "part" is depends on what is shown:

- a figure (an observation, an indicator's measure for a locality): itself, one part;
- an area score: the indicator scores it is the mean of;
- the attractiveness index: the area scores it weighs;
- a ranking or a chart of several localities: the localities ranked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from indicators.core.model import Observation
from indicators.metrics.scores import AreaScore, IndexScore, IndicatorScores


@dataclass(frozen=True)
class Provenance:
    """How many of the parts under a figure are example data (``example_parts`` of ``parts``)."""

    example_parts: int = 0
    parts: int = 0

    @property
    def rests_on_example(self) -> bool:
        """Wholly or partly example data: the figure must carry the mark."""
        return self.example_parts > 0

    @property
    def is_example(self) -> bool:
        """Every part is example data."""
        return self.parts > 0 and self.example_parts >= self.parts

    @property
    def is_partly_example(self) -> bool:
        """Some parts, not all, are example data."""
        return 0 < self.example_parts < self.parts

    def __add__(self, other: Provenance) -> Provenance:
        return Provenance(self.example_parts + other.example_parts, self.parts + other.parts)


REAL = Provenance(0, 1)
"""One real figure."""
EXAMPLE = Provenance(1, 1)
"""One example figure."""
NOTHING = Provenance(0, 0)
"""Nothing shown (a missing figure): nothing to mark."""


class _Flagged(Protocol):
    """A row that knows its own counts (``indicators.metrics.comparison.ComparisonRow``)."""

    example: bool
    example_parts: int
    parts: int


def provenance(item: Observation | AreaScore | IndexScore | _Flagged | None) -> Provenance:
    """The provenance of one thing a view shows (see the module docstring for what counts as a part)."""
    if item is None:
        return NOTHING
    if isinstance(item, Observation):
        if item.value is None:
            return NOTHING
        return EXAMPLE if item.example else REAL
    if isinstance(item, AreaScore):
        if item.score is None:
            return NOTHING
        return Provenance(item.example_used, item.used)
    if isinstance(item, IndexScore):
        if item.score is None:
            return NOTHING
        return Provenance(item.areas_example, item.areas_used)
    parts = getattr(item, "parts", 0)
    example_parts = getattr(item, "example_parts", 0)
    if parts or example_parts:
        return Provenance(example_parts, parts)
    return EXAMPLE if getattr(item, "example", False) else NOTHING


def figure_provenance(column: IndicatorScores, locality_id: str) -> Provenance:
    """One locality's measure of one indicator in a score table: one figure, example or real."""
    if column.measures.get(locality_id) is None:
        return NOTHING
    return EXAMPLE if locality_id in column.examples else REAL


def ranking_provenance(items: Iterable[Provenance]) -> Provenance:
    """A ranking or chart of several localities: how many of the ranked places rest on example data."""
    shown = [item for item in items if item.parts > 0]
    return Provenance(sum(1 for item in shown if item.rests_on_example), len(shown))
