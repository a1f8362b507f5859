"""Figures per 1,000 inhabitants, so small villages are not judged by the town's yardstick.

Vimmerby town has more inhabitants than the other nine localities together: in
raw counts it wins every comparison of associations, businesses or meeting
places. Dividing by the locality's population puts Pelarne and Vimmerby on one
scale. The population figure used as the denominator is chosen by one rule
(``population_for``) so every screen divides by the same number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indicators.core.model import REFERENCE_PLACE_IDS, Observation
from indicators.metrics.latest import map_values

POPULATION_INDICATOR_ID = "population"
"""The catalogue id of the population figure (Folkmängd) used as denominator."""


def per_1000(value: float | None, population: float | Observation | None) -> float | None:
    """``value`` per 1,000 inhabitants, or None when it cannot be known.

    None, never 0, when the value or the population is missing, and when the
    population is 0 (a count per nobody has no meaning). ``population`` may be
    the number itself or the population Observation chosen by ``population_for``.
    """
    inhabitants = population.value if isinstance(population, Observation) else population
    if value is None or inhabitants is None or inhabitants == 0:
        return None
    return value * 1000.0 / inhabitants


def population_for(
    population_observations: Iterable[Observation], locality_id: str, year: int | None
) -> Observation | None:
    """The population figure a locality's per-1,000 figures for ``year`` are divided by.

    The rule, in order:

    1. a figure for the same year;
    2. else the nearest earlier year (a count from 2021 divided by the 2020
       population is closer to the truth than by nothing);
    3. else the nearest later year;
    4. else an undated figure (Rumskulla's "about 500").

    Within the chosen year, the figure on the basis most localities share that
    year (normally SCB tätort) wins, via ``indicators.metrics.latest.map_values``; a
    locality without a figure on that basis falls back to its own (its
    electoral district or parish), because for a village whose group speaks for
    the countryside around it that is the population its counts belong to.
    Which basis "most localities share" is decided over every locality in
    ``population_observations`` (the municipality and Sweden excluded), so a
    locality's denominator does not change with which others are compared.

    With ``year`` None the newest dated figure is used, else an undated one.
    Observations without a value are ignored; None when nothing is left.
    """
    return populations_for(population_observations, [locality_id], year)[locality_id]


def populations_for(
    population_observations: Iterable[Observation], locality_ids: Sequence[str], year: int | None
) -> dict[str, Observation | None]:
    """``population_for`` for many localities at once, reading the history once.

    ``compute_scores`` needs a denominator for every locality on each request;
    asking ``population_for`` 2,000 times would read the history 2,000 times.
    """
    by_place_year: dict[str, dict[int | None, list[Observation]]] = {}
    for observation in population_observations:
        if observation.value is None or observation.indicator_id != POPULATION_INDICATOR_ID:
            continue
        by_place_year.setdefault(observation.place_id, {}).setdefault(observation.year, []).append(observation)

    chosen_year: dict[str, int | None] = {}
    for locality_id in locality_ids:
        years = by_place_year.get(locality_id)
        if years:
            chosen_year[locality_id] = _nearest_year(years.keys(), year)

    # All localities in the data take part in the basis choice, not only the requested ones.
    localities_in_data = [pid for pid in by_place_year if pid not in REFERENCE_PLACE_IDS]
    picked_by_year: dict[int | None, dict[str, Observation | None]] = {}
    result: dict[str, Observation | None] = {}
    for locality_id in locality_ids:
        if locality_id not in chosen_year:
            result[locality_id] = None
            continue
        the_year = chosen_year[locality_id]
        if the_year not in picked_by_year:
            picked_by_year[the_year] = _pick_on_shared_basis(by_place_year, localities_in_data, the_year)
        picked = picked_by_year[the_year].get(locality_id)
        if picked is None:  # a reference place (the municipality) is not part of the basis choice
            picked = _first_by_basis(by_place_year[locality_id][the_year])
        result[locality_id] = picked
    return result


def _nearest_year(years: Iterable[int | None], year: int | None) -> int | None:
    dated = [y for y in years if y is not None]
    if year is None:
        return max(dated) if dated else None
    if year in dated:
        return year
    earlier = [y for y in dated if y < year]
    if earlier:
        return max(earlier)
    later = [y for y in dated if y > year]
    if later:
        return min(later)
    return None  # only undated figures remain


def _pick_on_shared_basis(
    by_place_year: dict[str, dict[int | None, list[Observation]]],
    localities: Sequence[str],
    year: int | None,
) -> dict[str, Observation | None]:
    """Each locality's figure in ``year``, preferring the basis most localities share then."""
    in_year = [
        observation
        for place in localities
        for observation in by_place_year[place].get(year, ())
    ]
    # Sorted by basis so that, off the shared basis, the choice is alphabetical and not file order.
    in_year.sort(key=lambda o: o.basis)
    # With only undated figures passed, map_values(…, None) chooses among exactly those.
    places = [place for place in localities if year in by_place_year[place]]
    return {value.locality_id: value.observation for value in map_values(in_year, places, year)}


def _first_by_basis(observations: Sequence[Observation]) -> Observation | None:
    return min(observations, key=lambda o: o.basis) if observations else None
