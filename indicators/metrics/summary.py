"""A locality's indicators grouped under the six SLUS areas, with reference values.

This is the panel's content as data: the dashboard only lays it out. Every
area appears even when it has no indicator yet, because an empty area is
itself information for a local group deciding what to measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indicators.core.model import (
    MUNICIPALITY_ID,
    SWEDEN_ID,
    DevelopmentArea,
    Indicator,
    Observation,
)
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.metrics.latest import latest


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator's latest figures for a locality and its references."""

    indicator: Indicator
    locality: Observation | None
    municipality: Observation | None
    sweden: Observation | None


@dataclass(frozen=True)
class AreaSummary:
    area: DevelopmentArea
    lines: tuple[IndicatorLine, ...]


def locality_summary(
    locality_id: str, indicators: Sequence[Indicator], observations: Iterable[Observation]
) -> list[AreaSummary]:
    """Latest value per indicator for the locality, the municipality and Sweden, per SLUS area."""
    by_key: dict[tuple[str, str], list[Observation]] = {}
    for observation in observations:
        by_key.setdefault((observation.indicator_id, observation.place_id), []).append(observation)

    def newest(indicator_id: str, place_id: str) -> Observation | None:
        return latest(by_key.get((indicator_id, place_id), []))

    summaries = []
    for area in DEVELOPMENT_AREAS:
        lines = tuple(
            IndicatorLine(
                indicator=ind,
                locality=newest(ind.id, locality_id),
                municipality=newest(ind.id, MUNICIPALITY_ID),
                sweden=newest(ind.id, SWEDEN_ID),
            )
            for ind in indicators
            if ind.area_id == area.id
        )
        summaries.append(AreaSummary(area, lines))
    return summaries
