"""The rules an idea and each moderation step must meet, as pure functions.

Problems come back as lists (every problem at once, one per field), so the
public form shows a message beside each field and keeps what the resident
typed. The building blocks are group work's (``groupwork.rules``): the same
text limits, control-character refusal, SLUS areas and point-in-area test as an
initiative, so an idea that becomes an initiative already meets its rules.

Text is stored exactly as typed: ``{{ }}`` or ``<script>`` in a title is data,
escaped wherever it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from enum import Enum
from typing import Any

from indicators.core.errors import FORM, Problem
from indicators.groupwork.rules import (
    AreaContains,
    area_problems,
    locality_problems,
    point_problems,
    text_problems,
)
from indicators.i18n.messages import t
from indicators.ideas.records import (
    CONTACT_MAX,
    DESCRIPTION_MAX,
    PUBLIC_STATUSES,
    REASON_MAX,
    TITLE_MAX,
    Idea,
    IdeaStatus,
)

CONTACT_FIELD = "contact"
TRAP_FIELD = "website"
"""The honeypot's field name: a name bots like to fill, with a label telling people to leave it empty."""
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_DIGITS = re.compile(r"\d")
_PHONE_MIN_DIGITS = 6


class Step(str, Enum):
    """A moderation step; its value is also its audit action."""

    PUBLISH = "idea-publish"
    REJECT = "idea-reject"
    HIDE = "idea-hide"
    MERGE = "idea-merge"
    CONSIDER = "idea-consider"
    DECLINE = "idea-decline"
    TO_INITIATIVE = "idea-initiative"


PUBLISH, REJECT, HIDE, MERGE = Step.PUBLISH, Step.REJECT, Step.HIDE, Step.MERGE
CONSIDER, DECLINE, TO_INITIATIVE = Step.CONSIDER, Step.DECLINE, Step.TO_INITIATIVE

_FROM: dict[Step, tuple[IdeaStatus, ...]] = {
    PUBLISH: (IdeaStatus.PENDING, IdeaStatus.HIDDEN),
    REJECT: (IdeaStatus.PENDING,),
    HIDE: PUBLIC_STATUSES,
    MERGE: (IdeaStatus.PENDING, *PUBLIC_STATUSES),
    CONSIDER: (IdeaStatus.PUBLISHED, IdeaStatus.DECLINED),
    DECLINE: (IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING),
    TO_INITIATIVE: (IdeaStatus.PENDING, IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING, IdeaStatus.DECLINED),
}
"""From which statuses each step may be taken."""

TARGET: dict[Step, IdeaStatus] = {
    PUBLISH: IdeaStatus.PUBLISHED,
    REJECT: IdeaStatus.REJECTED,
    HIDE: IdeaStatus.HIDDEN,
    MERGE: IdeaStatus.MERGED,
    CONSIDER: IdeaStatus.CONSIDERING,
    DECLINE: IdeaStatus.DECLINED,
    TO_INITIATIVE: IdeaStatus.INITIATIVE,
}


def normalised_idea(idea: Idea) -> Idea:
    """Title trimmed, areas without repeats; never fails (what cannot be normalised is left for the rules)."""
    areas = idea.areas
    if isinstance(areas, str):
        areas = (areas,)
    elif isinstance(areas, tuple | list):
        areas = tuple(dict.fromkeys(areas))
    title = idea.title.strip() if isinstance(idea.title, str) else idea.title
    locality = idea.locality_id.strip() if isinstance(idea.locality_id, str) else idea.locality_id
    return replace(idea, title=title, areas=areas, locality_id=locality or None)


def idea_problems(
    idea: Idea,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
    whole_municipality: bool = False,
) -> list[Problem]:
    """What is wrong with an idea: locality, title, description, at least one known area, a point inside the locality.

    ``whole_municipality`` allows no locality (workshop input for the whole
    municipality); a resident always sends to one locality.
    """
    problems: list[Problem] = []
    locality: list[Problem] = []
    if idea.locality_id is not None or not whole_municipality:
        locality = locality_problems(idea.locality_id, known_localities)
    problems += locality
    problems += text_problems(idea.title, "title", TITLE_MAX, required=True, single_line=True)
    problems += text_problems(idea.description, "description", DESCRIPTION_MAX)
    problems += area_problems(idea.areas, required=True)
    if idea.locality_id is None and (idea.lat is not None or idea.lon is not None):
        problems.append(Problem(FORM, t("idea_point_needs_locality"), field="point"))
    elif idea.locality_id is not None:
        problems += point_problems(
            idea.locality_id, idea.lat, idea.lon, area_contains=None if locality else area_contains
        )
    return problems


def contact_problems(contact: Any) -> list[Problem]:
    """An optional contact: empty, or one line that looks like an e-mail address or a phone number."""
    if contact is None or (isinstance(contact, str) and not contact.strip()):
        return []
    problems = text_problems(contact, CONTACT_FIELD, CONTACT_MAX, single_line=True, noun=t("noun_contact"))
    if problems:
        return problems
    text = contact.strip()
    if not _EMAIL.fullmatch(text) and len(_DIGITS.findall(text)) < _PHONE_MIN_DIGITS:
        return [Problem(FORM, t("idea_contact_unclear"), field=CONTACT_FIELD)]
    return []


def trapped(trap: Any) -> bool:
    """Whether the honeypot field was filled (by a bot: people never see it)."""
    return isinstance(trap, str) and trap.strip() != "" or (trap is not None and not isinstance(trap, str))


def step_problems(idea: Idea, step: Step, *, reason: str = "", target: Idea | None = None) -> list[Problem]:
    """Whether ``step`` may be taken on ``idea`` now (and, for a merge, into ``target``)."""
    if idea.status not in _FROM[step]:
        return [Problem(FORM, t("idea_step_not_now"), field="status")]
    problems: list[Problem] = []
    if step is REJECT:
        problems += text_problems(reason, "reason", REASON_MAX, required=True, noun=t("noun_reason"))
    if step is TO_INITIATIVE and idea.locality_id is None:
        problems.append(Problem(FORM, t("idea_initiative_needs_locality"), field="locality_id"))
    if step is MERGE:
        problems += merge_problems(idea, target)
    return problems


def merge_problems(duplicate: Idea, target: Idea | None) -> list[Problem]:
    """A duplicate merges into another live idea of the same locality."""
    if target is None:
        return [Problem(FORM, t("idea_merge_target_missing"), field="target")]
    if target.id == duplicate.id:
        return [Problem(FORM, t("idea_merge_into_itself"), field="target")]
    if target.locality_id != duplicate.locality_id:
        return [Problem(FORM, t("idea_merge_other_locality"), field="target")]
    if target.status not in (IdeaStatus.PENDING, *PUBLIC_STATUSES):
        return [Problem(FORM, t("idea_merge_target_closed"), field="target")]
    return []
