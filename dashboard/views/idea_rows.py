"""What a published idea and a locality's counts say: the rows and words the ideas page and its components share.

Apart from ``views/ideas`` (which builds the page from components) so components can use them without a cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.i18n.messages import status_label, text
from dashboard.views.formatting import number
from indicators.core.model import Observation
from indicators.groupwork.records import Initiative
from indicators.i18n.texts import N_
from indicators.ideas.records import Idea, IdeaStatus
from indicators.ideas.store import LocalityCount
from indicators.metrics.per_capita import per_1000

STATUS_KEYS = {
    IdeaStatus.PENDING: N_("idea_status_pending"),
    IdeaStatus.PUBLISHED: N_("idea_status_published"),
    IdeaStatus.CONSIDERING: N_("idea_status_considering"),
    IdeaStatus.INITIATIVE: N_("idea_status_initiative"),
    IdeaStatus.DECLINED: N_("idea_status_declined"),
    IdeaStatus.REJECTED: N_("idea_status_rejected"),
    IdeaStatus.HIDDEN: N_("idea_status_hidden"),
    IdeaStatus.MERGED: N_("idea_status_merged"),
}


@dataclass(frozen=True)
class CountRow:
    """One locality's public ideas and supports, raw and per 1,000 inhabitants."""

    locality_id: str
    name: str
    ideas: int
    supports: int
    ideas_per_1000: float | None
    supports_per_1000: float | None


def status_line(idea: Idea, initiative: Initiative | None, language: str | None = None) -> str:
    """"Ny", "Övervägs", or for an idea that became one "Blev initiativ · pågår · 40 %"."""
    label = text(STATUS_KEYS[idea.status], language)
    if idea.status is not IdeaStatus.INITIATIVE or initiative is None:
        return label
    parts = [label, status_label(initiative.status, language).lower()]
    if initiative.progress is not None:
        parts.append(f"{initiative.progress} %")
    return " · ".join(parts)


def count_rows(
    names: Mapping[str, str], counts: Mapping[str, LocalityCount], populations: Mapping[str, Observation | None]
) -> list[CountRow]:
    """Every locality, most ideas first (per 1,000 inhabitants as well, None without a population)."""
    rows = []
    for locality_id, name in names.items():
        count = counts.get(locality_id, LocalityCount(locality_id, 0, 0))
        population = populations.get(locality_id)
        rows.append(CountRow(locality_id, name, count.ideas, count.supports,
                             per_1000(count.ideas, population), per_1000(count.supports, population)))
    return sorted(rows, key=lambda row: (-row.ideas, row.name))


def per_1000_text(value: float | None, language: str | None = None) -> str:
    return number(value, language)
