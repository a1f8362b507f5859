"""Pick the figures a map or a panel shows from a history of observations.

A map needs one value per locality. Figures counted on different bases (a
tätort, an electoral district, a parish) are not comparable, so a map colours
only the values on the most common basis among those shown and marks the rest
as "other basis" instead of mixing them silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from indicators.core.model import Observation


@dataclass(frozen=True)
class MapValue:
    """What the map shows for one locality: a value that may be missing or not comparable."""

    locality_id: str
    observation: Observation | None
    comparable: bool

    @property
    def value(self) -> float | None:
        """The number to colour by, or None when there is nothing comparable to show."""
        if self.observation is None or not self.comparable:
            return None
        return self.observation.value


def _year_key(observation: Observation) -> int:
    return observation.year if observation.year is not None else -1


def latest(observations: Iterable[Observation], year: int | None = None) -> Observation | None:
    """The newest observation with a value, or the one for ``year`` when given.

    Undated figures count as oldest: a dated figure is always preferred. When a
    year holds figures on several bases, the one listed first wins, so callers
    that care about basis filter first.
    """
    with_values = [o for o in observations if o.value is not None]
    if year is not None:
        with_values = [o for o in with_values if o.year == year]
    if not with_values:
        return None
    return max(with_values, key=_year_key)


def main_basis(coverage: Mapping[str, int]) -> str | None:
    """The comparable basis: the one most localities have a figure on (ties go to alphabetical order,
    so the choice never depends on dictionary order)."""
    return min(coverage, key=lambda b: (-coverage[b], b)) if coverage else None


def map_values(
    observations: Iterable[Observation], locality_ids: Sequence[str], year: int | None = None,
    *, basis: str | None = None, basis_known: bool = False,
) -> list[MapValue]:
    """One MapValue per locality, in ``locality_ids`` order, for the given year or the latest.

    The comparable basis is the one most localities have a figure on (ties go
    to alphabetical order, so the choice never depends on dictionary order).
    Each locality shows its newest figure on that basis; a locality with none
    shows its newest other figure, flagged as not comparable.

    ``basis_known``: ``basis`` is the comparable basis, counted over every locality beforehand
    (``Store.basis_coverage``), so a single locality's figures can be headlined as the map would.
    """
    by_place: dict[str, list[Observation]] = {pid: [] for pid in locality_ids}
    for observation in observations:
        found = by_place.get(observation.place_id)
        if found is not None and observation.value is not None:
            if year is None or observation.year == year:
                found.append(observation)

    if basis_known:
        comparable_basis = basis
    else:
        coverage: Counter[str] = Counter()
        for obs in by_place.values():
            if len(obs) == 1:
                coverage[obs[0].basis] += 1
            elif obs:
                coverage.update({o.basis for o in obs})
        comparable_basis = main_basis(coverage)

    # Scores call this for 60 indicators × 2,000 localities per request: the usual
    # single figure per locality skips the general path below.
    result = []
    for pid, obs in by_place.items():
        if len(obs) == 1:
            result.append(MapValue(pid, obs[0], comparable=obs[0].basis == comparable_basis))
            continue
        on_main = latest(o for o in obs if o.basis == comparable_basis)
        if on_main is not None:
            result.append(MapValue(pid, on_main, comparable=True))
        else:
            result.append(MapValue(pid, latest(obs), comparable=False))
    return result


def years_with_data(observations: Iterable[Observation]) -> list[int]:
    """Distinct years that hold at least one value, newest first (for the year picker)."""
    return sorted({o.year for o in observations if o.year is not None and o.value is not None}, reverse=True)
