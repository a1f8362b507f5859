"""Area scores and the attractiveness index: how localities stand against each other.

The method (DESIGN.md, "Comparing localities"; written for users in
``indicators.metrics.method`` and ``docs/method.md``):

1. For one year, every locality-level indicator that has a direction
   (higher or lower is better) is normalised across the localities that have
   a comparable figure that year: min–max to 0–100, 100 being best, so for a
   lower-is-better indicator the scale is flipped. Counts marked ``per_1000``
   are normalised on their per-1,000-inhabitant figures. Neutral indicators
   (population, mean age) describe a place without being good or bad and are
   not scored.
2. An area score is the mean of a locality's indicator scores in that SLUS
   area. A missing figure stays missing: it is left out of the mean, never
   counted as 0, and the score says how many indicators it rests on.
3. The attractiveness index is the weighted mean of the area scores; areas
   without a score are left out and the remaining weights count in full.

Scores are relative: 0 is the weakest of the localities compared that year,
not "nothing". They say where a locality stands, not how much it has.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from indicators.core.model import (
    MUNICIPALITY_ID,
    REFERENCE_PLACE_IDS,
    Direction,
    Indicator,
    Level,
    Observation,
)
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.i18n.messages import t
from indicators.i18n.texts import Number
from indicators.metrics.difference import Measure, comparable_measure, difference
from indicators.metrics.latest import MapValue, latest, map_values
from indicators.metrics.per_capita import (
    POPULATION_INDICATOR_ID,
    per_1000,
    populations_for,
)

MIDDLE_SCORE = 50.0
"""Score of every locality when an indicator does not tell them apart (all equal, or one alone):
neither best nor worst, so it neither lifts nor sinks an area score."""

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({area.id: 1.0 for area in DEVELOPMENT_AREAS})
"""Every SLUS area counts the same until staff decide otherwise."""

_REL_TOL = 1e-9


def is_scored(indicator: Indicator) -> bool:
    """Whether an indicator enters the scores: measured per locality, with a direction."""
    return indicator.level is Level.LOCALITY and indicator.direction is not Direction.NEUTRAL


def normalise(values: Mapping[str, float | None], direction: Direction | str) -> dict[str, float | None]:
    """Min–max scores 0–100 per key, 100 best; missing values stay None.

    The lowest present value gets 0 and the highest 100 for higher-is-better,
    the other way round for lower-is-better. When the present values are all
    equal (within floating-point noise) or only one is present, every present
    key gets 50: the indicator does not separate them, and giving 0 or 100
    would invent a difference.
    """
    direction = Direction(direction)
    if direction is Direction.NEUTRAL:
        raise ValueError("neutral indicators are not scored")
    present = [value for value in values.values() if value is not None]
    if not present:
        return {key: None for key in values}
    low, high = min(present), max(present)
    if math.isclose(low, high, rel_tol=_REL_TOL, abs_tol=1e-12):
        return {key: (None if value is None else MIDDLE_SCORE) for key, value in values.items()}
    scale = 100.0 / (high - low)
    if direction is Direction.LOWER_IS_BETTER:
        return {key: (None if value is None else (high - value) * scale) for key, value in values.items()}
    return {key: (None if value is None else (value - low) * scale) for key, value in values.items()}


@dataclass(frozen=True)
class AreaScore:
    """A locality's score in one SLUS area for one year, with what it rests on.

    ``used`` indicators had a score; ``available`` is how many scored
    indicators the area has in the catalogue. "62 (2 of 5)" and "62 (5 of 5)"
    are different claims, so the coverage travels with the number.
    ``example`` is True when any figure behind the score is bundled example data;
    ``example_used`` says how many of the ``used`` indicator scores rest on it
    (``indicators.metrics.provenance`` turns that into what the views say).
    """

    locality_id: str
    area_id: str
    year: int
    score: float | None
    used: int
    available: int
    example: bool = False
    example_used: int = 0


@dataclass(frozen=True)
class IndexScore:
    """A locality's attractiveness index for one year: weighted mean of its area scores.

    ``areas_available`` counts the areas with a positive weight, ``areas_used``
    those of them that had a score; ``areas_example`` those of the used areas
    whose score rests wholly or partly on bundled example data.
    """

    locality_id: str
    year: int
    score: float | None
    areas_used: int
    areas_available: int
    example: bool = False
    areas_example: int = 0


def area_score(
    locality_id: str,
    area_id: str,
    year: int,
    indicator_scores: Sequence[float | None],
    example: bool = False,
    examples: Sequence[bool] | None = None,
) -> AreaScore:
    """Mean of the present scores among the area's scored indicators (one entry each, None if missing).

    ``examples`` (one flag per entry of ``indicator_scores``) says which of them rest on
    example data, so the score can say how many; without it, ``example`` marks all present ones.
    """
    present = [score for score in indicator_scores if score is not None]
    score = sum(present) / len(present) if present else None
    if examples is None:
        example_used = len(present) if example else 0
    else:
        example_used = sum(1 for s, flag in zip(indicator_scores, examples, strict=True) if s is not None and flag)
    return AreaScore(locality_id, area_id, year, score, len(present), len(indicator_scores), example_used > 0,
                     example_used)


def index_score(
    locality_id: str, year: int, area_scores: Iterable[AreaScore], weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> IndexScore:
    """Weighted mean of the area scores, the weights of the areas that have one renormalised.

    An area missing from ``weights`` or weighted 0 is not part of the index.
    An area without a score is left out rather than counted as 0, so a
    locality is not punished for what nobody measured; ``areas_used`` shows
    how much of the index is there. None when no weighted area has a score.
    Weights are assumed valid (see ``validate_weights``).
    """
    total = weight_sum = 0.0
    used = available = with_example = 0
    for area in area_scores:
        weight = float(weights.get(area.area_id, 0.0))
        if weight <= 0:
            continue
        available += 1
        if area.score is None:
            continue
        used += 1
        total += weight * area.score
        weight_sum += weight
        with_example += 1 if area.example else 0
    score = total / weight_sum if weight_sum > 0 else None
    return IndexScore(locality_id, year, score, used, available, with_example > 0, with_example)


def validate_weights(weights: Mapping[str, object]) -> list[str]:
    """Everything wrong with a set of area weights, for the weights form.

    Each message is a ``Text``: Swedish as a ``str``, English on
    ``render("en")``; area short names (Leva, Mötas …) stay as the strategy names them.

    Empty when the weights can be used. Refused: an unknown area, a weight
    that is not a finite number, a negative weight, and weights that are all
    zero (the index would have nothing to weigh). Areas left out of the
    mapping weigh 0.
    """
    problems: list[str] = []
    usable_sum = 0.0
    for area_id, weight in weights.items():
        area = AREAS_BY_ID.get(area_id)
        if area is None:
            known = ", ".join(a.id for a in DEVELOPMENT_AREAS)
            problems.append(t("weights_unknown_area", area=area_id, known=known))
            continue
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight):
            problems.append(t("weight_not_number", area=area.short_name, value=weight))
            continue
        if weight < 0:
            # The template writes the minus sign (−), so the number is its size, in the reader's style.
            problems.append(t("weight_negative", area=area.short_name, value=Number(-weight)))
            continue
        usable_sum += weight
    if usable_sum <= 0:
        problems.append(t("weights_zero"))
    return problems


@dataclass(frozen=True)
class IndicatorScores:
    """One indicator across the compared localities for one year.

    Mappings are keyed by locality id, in the order the localities were given.
    ``figures`` is what was found for each locality (its observation and whether
    it is on the comparable basis); ``values`` holds only the comparable raw
    values. ``measures`` is what is normalised, ranked and compared with the
    municipality: the per-1,000 figure for ``per_1000`` indicators, else the
    value. ``scores`` is None throughout for a neutral indicator.
    ``municipality`` is the municipality's measure, None where comparing a
    locality with it means nothing (a raw count); ``differences`` are locality
    minus municipality.
    """

    indicator: Indicator
    year: int
    scored: bool
    figures: Mapping[str, MapValue]
    values: Mapping[str, float | None]
    populations: Mapping[str, Observation | None]
    per_1000: Mapping[str, float | None]
    measures: Mapping[str, float | None]
    scores: Mapping[str, float | None]
    municipality_observation: Observation | None
    municipality: float | None
    differences: Mapping[str, float | None]
    examples: frozenset[str]
    """Localities whose measure rests on bundled example data."""


@dataclass(frozen=True)
class ScoreTable:
    """Everything the comparison shows for one year: indicator scores, area scores and index.

    ``indicators`` has every locality-level indicator in catalogue order
    (neutral ones unscored, for their values and per-1,000 figures);
    ``areas[locality_id][area_id]`` follows the order of the six SLUS areas.
    """

    year: int
    locality_ids: tuple[str, ...]
    weights: Mapping[str, float]
    indicators: Mapping[str, IndicatorScores]
    areas: Mapping[str, Mapping[str, AreaScore]]
    index: Mapping[str, IndexScore]

    def indicator_score(self, locality_id: str, indicator_id: str) -> float | None:
        """One locality's 0–100 score on one indicator (None: not scored or missing)."""
        return self.indicators[indicator_id].scores[locality_id]

    def area_scores(self, locality_id: str) -> list[AreaScore]:
        """The locality's six area scores in SLUS order (for a radar chart)."""
        return list(self.areas[locality_id].values())


def compute_scores(
    indicators: Iterable[Indicator],
    observations: Iterable[Observation],
    locality_ids: Sequence[str],
    year: int,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> ScoreTable:
    """Indicator scores, area scores and index of ``locality_ids`` for ``year``.

    ``observations`` may hold any years and places: the year's figures, the
    municipality's and the population history (for per-1,000 denominators,
    see ``population_for``) are picked out in one pass. Which basis counts as
    comparable is decided per indicator by ``indicators.metrics.latest.map_values``
    over the localities given; a figure on another basis is kept in
    ``figures`` but not scored. Raises ValueError when the weights are refused
    by ``validate_weights`` (its Swedish messages, joined).
    """
    if isinstance(locality_ids, str):
        raise TypeError("locality_ids must be a sequence of ids, not one string")
    problems = validate_weights(weights)
    if problems:
        raise ValueError(" ".join(problems))
    places = tuple(dict.fromkeys(locality_ids))
    shown = _unique_by_id(ind for ind in indicators if ind.level is Level.LOCALITY)

    in_year: dict[str, list[Observation]] = {ind.id: [] for ind in shown}
    municipality_in_year: dict[str, list[Observation]] = {}
    population_history: list[Observation] = []
    with_examples: set[str] = set()
    for observation in observations:
        if observation.value is None:
            continue
        indicator_id = observation.indicator_id
        if indicator_id == POPULATION_INDICATOR_ID:
            population_history.append(observation)
        if observation.year != year or indicator_id not in in_year:
            continue
        if observation.place_id == MUNICIPALITY_ID:
            municipality_in_year.setdefault(indicator_id, []).append(observation)
        elif observation.place_id not in REFERENCE_PLACE_IDS:
            in_year[indicator_id].append(observation)
            if observation.example:
                with_examples.add(indicator_id)

    needs_population = any(ind.per_1000 for ind in shown)
    populations = populations_for(population_history, places + (MUNICIPALITY_ID,), year) if needs_population else {}
    municipality_population = populations.get(MUNICIPALITY_ID)

    columns = {
        ind.id: _indicator_scores(
            ind, in_year[ind.id], municipality_in_year.get(ind.id, []), places, year, populations,
            municipality_population, ind.id in with_examples,
        )
        for ind in shown
    }

    areas: dict[str, dict[str, AreaScore]] = {place: {} for place in places}
    for area in DEVELOPMENT_AREAS:
        area_columns = [column for column in columns.values() if column.scored and column.indicator.area_id == area.id]
        score_lists = [dict(column.scores) for column in area_columns]  # plain dicts: read 2,000 × 60 times
        example_sets = [column.examples for column in area_columns]
        for place in places:
            areas[place][area.id] = area_score(
                place, area.id, year, [scores[place] for scores in score_lists],
                examples=[place in examples for examples in example_sets],
            )
    index = {place: index_score(place, year, areas[place].values(), weights) for place in places}

    return ScoreTable(
        year=year,
        locality_ids=places,
        weights=MappingProxyType(dict(weights)),
        indicators=MappingProxyType(columns),
        areas=MappingProxyType({place: MappingProxyType(by_area) for place, by_area in areas.items()}),
        index=MappingProxyType(index),
    )


def _unique_by_id(indicators: Iterable[Indicator]) -> list[Indicator]:
    seen: dict[str, Indicator] = {}
    for indicator in indicators:
        seen.setdefault(indicator.id, indicator)
    return list(seen.values())


def _indicator_scores(
    indicator: Indicator,
    observations: list[Observation],
    municipality_observations: list[Observation],
    places: tuple[str, ...],
    year: int,
    populations: Mapping[str, Observation | None],
    municipality_population: Observation | None,
    has_examples: bool,
) -> IndicatorScores:
    figures = {figure.locality_id: figure for figure in map_values(observations, places, year)}
    # Same as MapValue.value, read without a property call 120,000 times per request.
    values = {place: figure.observation.value if figure.comparable else None for place, figure in figures.items()}
    if indicator.per_1000:
        denominators = {place: populations.get(place) for place in places}
        per_thousand = {place: per_1000(values[place], denominators[place]) for place in places}
        measures = per_thousand
    else:
        denominators, per_thousand, measures = {}, {}, values

    scored = is_scored(indicator)
    scores = normalise(measures, indicator.direction) if scored else dict.fromkeys(places)

    # Sorted by basis so that a municipality figure on two bases is chosen the same way every time.
    municipality_observation = latest(sorted(municipality_observations, key=lambda o: o.basis), year)
    measure = comparable_measure(indicator)
    if municipality_observation is None or measure is None:
        municipality = None
    elif measure is Measure.PER_1000:
        municipality = per_1000(municipality_observation.value, municipality_population)
    else:
        municipality = municipality_observation.value
    if municipality is None:
        differences: dict[str, float | None] = dict.fromkeys(places)
    else:
        differences = {place: difference(measures[place], municipality) for place in places}

    examples = frozenset(
        place
        for place, figure in figures.items()
        if measures[place] is not None and figure.observation.example  # type: ignore[union-attr]
    ) if has_examples else frozenset()
    return IndicatorScores(
        indicator=indicator,
        year=year,
        scored=scored,
        figures=MappingProxyType(figures),
        values=MappingProxyType(values),
        populations=MappingProxyType(denominators),
        per_1000=MappingProxyType(per_thousand),
        measures=MappingProxyType(measures),
        scores=MappingProxyType(scores),
        municipality_observation=municipality_observation,
        municipality=municipality,
        differences=MappingProxyType(differences),
        examples=examples,
    )


def years_with_scores(indicators: Iterable[Indicator], observations: Iterable[Observation]) -> list[int]:
    """Years in which at least one locality gets a score, newest first (for the year slider).

    A year counts when some locality has a figure for a scored indicator; for a
    per-1,000 indicator the locality also needs a population figure of some
    year, since ``population_for`` falls back to the nearest one.
    """
    scored = {ind.id: ind.per_1000 for ind in indicators if is_scored(ind)}
    with_population: set[str] = set()
    candidates: dict[int, set[str]] = {}  # year -> places with a per-1,000 count only
    years: set[int] = set()
    for observation in observations:
        if observation.value is None or observation.place_id in REFERENCE_PLACE_IDS:
            continue
        if observation.indicator_id == POPULATION_INDICATOR_ID:
            with_population.add(observation.place_id)
        needs_population = scored.get(observation.indicator_id)
        if needs_population is None or observation.year is None:
            continue
        if needs_population:
            candidates.setdefault(observation.year, set()).add(observation.place_id)
        else:
            years.add(observation.year)
    years.update(year for year, places in candidates.items() if not places.isdisjoint(with_population))
    return sorted(years, reverse=True)
