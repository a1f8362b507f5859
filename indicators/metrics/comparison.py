"""The comparison of chosen localities as rows: what the table shows and the export holds.

Scores are computed across all localities (``indicators.metrics.scores``), so a
locality's score does not move when another is added to the view; ranks are
among the chosen localities only, as in Kolada's comparison tables, where
colour means position in the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from indicators.core.model import Indicator
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.i18n.messages import t
from indicators.i18n.texts import DEFAULT_LANGUAGE
from indicators.metrics.ranking import rank
from indicators.metrics.scores import ScoreTable

KIND_INDICATOR = "indicator"
KIND_AREA = "area_score"
KIND_INDEX = "index"

SCORE_UNIT = t("score_unit")
"""The unit of index and area-score rows: ``poäng 0–100`` (``score 0–100`` in English)."""


@dataclass(frozen=True)
class ComparisonRow:
    """One figure of one locality in the comparison (the export's row, see README)."""

    kind: str
    locality_id: str
    year: int
    area_id: str
    indicator_id: str
    value: float | None
    unit: str
    per_1000: float | None = None
    population_used: float | None = None
    population_year: int | None = None
    population_basis: str = ""
    score: float | None = None
    coverage_used: int | None = None
    coverage_available: int | None = None
    rank: int | None = None
    municipality_value: float | None = None
    difference_to_municipality: float | None = None
    basis: str = ""
    source: str = ""
    example: bool = False
    example_parts: int = 0
    """How many of the ``parts`` under this figure are example data (``indicators.metrics.provenance``)."""
    parts: int = 0


def comparison_rows(
    table: ScoreTable,
    selected: Sequence[str],
    indicators: Sequence[Indicator],
    *,
    score_unit: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[ComparisonRow]:
    """Index, area scores and every locality-level indicator of ``selected``, in that order.

    Score rows get ``score_unit``, by default ``SCORE_UNIT`` in ``language`` (in
    Swedish the ``Text`` itself, which an export can still render in English).
    Indicator rows keep the catalogue's unit symbol; ``units.unit_label`` shows it.
    """
    if score_unit is None:
        score_unit = SCORE_UNIT if language == DEFAULT_LANGUAGE else SCORE_UNIT.render(language)
    chosen = [loc for loc in selected if loc in table.index]
    rows: list[ComparisonRow] = []

    index_ranks = rank({loc: table.index[loc].score for loc in chosen}, "higher")
    for loc in chosen:
        item = table.index[loc]
        rows.append(ComparisonRow(KIND_INDEX, loc, table.year, "", "index", item.score, score_unit,
                                  score=item.score, coverage_used=item.areas_used,
                                  coverage_available=item.areas_available, rank=index_ranks[loc],
                                  example=item.example, example_parts=item.areas_example,
                                  parts=item.areas_used))
    for area in DEVELOPMENT_AREAS:
        area_ranks = rank({loc: table.areas[loc][area.id].score for loc in chosen}, "higher")
        for loc in chosen:
            item = table.areas[loc][area.id]
            rows.append(ComparisonRow(KIND_AREA, loc, table.year, area.id, f"omrade:{area.id}", item.score,
                                      score_unit, score=item.score, coverage_used=item.used,
                                      coverage_available=item.available, rank=area_ranks[loc],
                                      example=item.example, example_parts=item.example_used,
                                      parts=item.used))
    for indicator in indicators:
        column = table.indicators.get(indicator.id)
        if column is None:
            continue
        ranks = rank({loc: column.measures[loc] for loc in chosen}, indicator.direction)
        for loc in chosen:
            figure = column.figures[loc]
            observation = figure.observation if figure.comparable else None
            population = column.populations.get(loc)
            rows.append(
                ComparisonRow(
                    KIND_INDICATOR,
                    loc,
                    table.year,
                    indicator.area_id,
                    indicator.id,
                    column.values[loc],
                    indicator.unit,
                    per_1000=column.per_1000.get(loc) if indicator.per_1000 else None,
                    population_used=population.value if (indicator.per_1000 and population) else None,
                    population_year=population.year if (indicator.per_1000 and population) else None,
                    population_basis=population.basis if (indicator.per_1000 and population) else "",
                    score=column.scores[loc],
                    rank=ranks[loc],
                    municipality_value=column.municipality,
                    difference_to_municipality=column.differences[loc],
                    basis=observation.basis if observation else "",
                    source=observation.source if observation else "",
                    example=loc in column.examples,
                    example_parts=1 if loc in column.examples else 0,
                    parts=0 if column.measures[loc] is None else 1,
                )
            )
    return rows


def area_name(area_id: str) -> str:
    area = AREAS_BY_ID.get(area_id)
    return area.short_name if area else ""
