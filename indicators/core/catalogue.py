"""What an imported observation may refer to: the indicators, the places and this year.

Every observation reader is handed one ``Catalogue`` instead of loose id sets,
because checking a value needs the indicator itself (its unit gives the allowed
range, its Kolada KPI maps a Kolada row to it), not only its id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from indicators.core.model import REFERENCE_PLACE_IDS, Indicator


@dataclass(frozen=True)
class Catalogue:
    """The indicators by id, the valid place ids, and the last year a figure may be for."""

    indicators: Mapping[str, Indicator]
    place_ids: frozenset[str]
    current_year: int
    by_kpi: Mapping[str, Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kpis = {ind.kolada_kpi: ind for ind in self.indicators.values() if ind.kolada_kpi}
        object.__setattr__(self, "by_kpi", kpis)

    @classmethod
    def of(
        cls,
        indicators: Iterable[Indicator],
        locality_ids: Iterable[str],
        current_year: int | None = None,
    ) -> Catalogue:
        """Build from records; the municipality and Sweden are always valid places.

        ``current_year`` defaults to the calendar year; tests pass a fixed one.
        """
        return cls(
            indicators={ind.id: ind for ind in indicators},
            place_ids=frozenset(locality_ids) | frozenset(REFERENCE_PLACE_IDS),
            current_year=current_year if current_year is not None else date.today().year,
        )
