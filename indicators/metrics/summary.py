"""A locality's indicators grouped under the six SLUS areas, with reference values.

This is the panel's content as data: the dashboard only lays it out. Every
area appears even when it has no indicator yet, because an empty area is
itself information for a local group deciding what to measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from indicators.core.model import (
    MUNICIPALITY_ID,
    SWEDEN_ID,
    DevelopmentArea,
    Indicator,
    Observation,
)
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.metrics.headline import Headline
from indicators.metrics.latest import latest


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator's latest figures for a locality and its references.

    ``headline`` is the map's choice for the locality with its figures on other
    bases (``indicators.metrics.headline``), when the caller gave one;
    ``locality`` is then that headline's figure.
    """

    indicator: Indicator
    locality: Observation | None
    municipality: Observation | None
    sweden: Observation | None
    headline: Headline | None = None


@dataclass(frozen=True)
class AreaSummary:
    area: DevelopmentArea
    lines: tuple[IndicatorLine, ...]


def locality_summary(
    locality_id: str,
    indicators: Sequence[Indicator],
    observations: Iterable[Observation],
    headlines: Mapping[str, Headline] | None = None,
) -> list[AreaSummary]:
    """Latest value per indicator for the locality, the municipality and Sweden, per SLUS area.

    ``headlines`` (by indicator id) gives the locality's figure where a map
    decided it: the panel then headlines what the map shows, not merely the
    newest figure on whatever basis.
    """
    headlines = headlines or {}

    def locality_figure(indicator_id: str) -> Observation | None:
        if indicator_id in headlines:
            return headlines[indicator_id].observation
        return newest(indicator_id, locality_id)

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
                locality=locality_figure(ind.id),
                municipality=newest(ind.id, MUNICIPALITY_ID),
                sweden=newest(ind.id, SWEDEN_ID),
                headline=headlines.get(ind.id),
            )
            for ind in indicators
            if ind.area_id == area.id
        )
        summaries.append(AreaSummary(area, lines))
    return summaries
