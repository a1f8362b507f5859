"""The one figure a locality is headlined with for a measure, and its figures on other bases.

A locality may have figures counted on several bases (Frödinge: 302 in the
tätort, 991 in the electoral district). The map colours each locality by the
figure on the basis most localities share (``indicators.metrics.latest.map_values``);
everything else that shows "the" figure of a locality — its panel, its report —
headlines that same figure, so one place never shows two populations without
saying which is which. The figures on other bases are kept beside it, newest
per basis, to be listed with their basis.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indicators.core.model import Observation
from indicators.metrics.latest import MapValue, latest, map_values


@dataclass(frozen=True)
class Headline:
    """What a locality is headlined with for one indicator.

    ``figure`` is exactly what the map shows for the locality (it may be
    missing, or on another basis than the comparable one: ``figure.comparable``).
    ``others`` holds the newest figure on each basis other than the headlined
    figure's, ordered by basis, so the reader sees every count there is.
    """

    figure: MapValue
    others: tuple[Observation, ...] = ()

    @property
    def observation(self) -> Observation | None:
        return self.figure.observation


def headlines(
    observations: Iterable[Observation], locality_ids: Sequence[str], year: int | None = None,
    *, basis: str | None = None, basis_known: bool = False,
) -> dict[str, Headline]:
    """Each locality's headline for one indicator, keyed by locality id.

    ``observations`` are the indicator's figures for the localities, the same
    ones the map is drawn from, and ``locality_ids`` every locality the map
    shows: which basis is the comparable one depends on all of them, not only
    on the locality asked about — unless that basis is given (``basis_known``, see
    ``latest.map_values``): then one locality's own figures are enough.
    """
    observations = list(observations)
    by_place: dict[str, list[Observation]] = {pid: [] for pid in locality_ids}
    for observation in observations:
        found = by_place.get(observation.place_id)
        if found is not None and observation.value is not None and (year is None or observation.year == year):
            found.append(observation)
    result = {}
    for figure in map_values(observations, locality_ids, year, basis=basis, basis_known=basis_known):
        shown = figure.observation
        bases = sorted({o.basis for o in by_place[figure.locality_id]} - ({shown.basis} if shown else set()))
        others = tuple(
            newest for basis in bases
            if (newest := latest(o for o in by_place[figure.locality_id] if o.basis == basis)) is not None
        )
        result[figure.locality_id] = Headline(figure, others)
    return result


def headline_for(
    observations: Iterable[Observation], locality_ids: Sequence[str], locality_id: str, year: int | None = None
) -> Headline:
    """One locality's headline (see ``headlines``); a locality outside ``locality_ids`` gets none."""
    found = headlines(observations, locality_ids, year).get(locality_id)
    return found if found is not None else Headline(MapValue(locality_id, None, comparable=False))
