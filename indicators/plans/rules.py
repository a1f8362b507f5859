"""The rules a plan must meet before it is saved, as pure functions.

Like the group-work rules, every function returns all ``Problem``s at once
(an empty list when the plan is fine), so a form shows every problem beside
its field and an import places each one on its row; nothing is half-saved
because the service saves only a plan without problems.

A problem about an action-plan item carries the item's 1-based position as
``row`` (``row_label`` ``PLAN_ITEM``) and the item's attribute as ``field``;
a problem about a priority carries the area id as ``field`` (``priority/leva``).

The world a rule needs (which localities exist, which locality each initiative
belongs to, the latest allowed year) is passed in, so the rules stay testable
without a database.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any

from indicators.core.errors import FORM, Problem
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.rules import (
    area_problems,
    date_problems,
    locality_problems,
    text_problems,
)
from indicators.i18n.messages import t
from indicators.i18n.texts import N_
from indicators.plans.records import (
    EARLIEST_YEAR,
    ITEMS_MAX,
    LINKS_MAX,
    VISION_MAX,
    WHAT_MAX,
    WHO_MAX,
    WHY_MAX,
    AreaPriority,
    ItemStatus,
    Plan,
    PlanItem,
    Priority,
)

PLAN_ITEM = N_("plan_item")
"""``row_label`` of a problem about the n-th item of the action plan."""

PRIORITY_KEYS: dict[Priority, str] = {
    Priority.HIGH: N_("priority_high"),
    Priority.MEDIUM: N_("priority_medium"),
    Priority.LOW: N_("priority_low"),
    Priority.NOT_NOW: N_("priority_not_now"),
}
"""The catalogue key naming each priority (Swedish first, as files may spell them)."""
ITEM_STATUS_KEYS: dict[ItemStatus, str] = {
    ItemStatus.NOT_STARTED: N_("item_status_not_started"),
    ItemStatus.ONGOING: N_("item_status_ongoing"),
    ItemStatus.DONE: N_("item_status_done"),
    ItemStatus.DROPPED: N_("item_status_dropped"),
}


def priority_field(area_id: str) -> str:
    """The field name of one area's priority in a form or a problem: ``priority/leva``."""
    return f"priority/{area_id}"


def why_field(area_id: str) -> str:
    """The field name of one area's reason: ``why/leva``."""
    return f"why/{area_id}"


# ---------------------------------------------------------------- vocabularies


def parse_priority(value: Any) -> Priority | None:
    """The priority for an id (``high``), its name in any UI language (``hög``) or the enum; else None."""
    return _parse(Priority, PRIORITY_KEYS, value)


def parse_item_status(value: Any) -> ItemStatus | None:
    """The item status for an id (``done``), its name in any UI language (``klar``) or the enum; else None."""
    return _parse(ItemStatus, ITEM_STATUS_KEYS, value)


def _parse(enum: type[Enum], keys: Mapping[Any, str], value: Any) -> Any:
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        return None
    wanted = value.strip().casefold().replace(" ", "_")
    for member in enum:
        names = {str(member.value)} | {
            t(keys[member]).render(language).casefold().replace(" ", "_") for language in ("sv", "en")
        }
        if wanted in names:
            return member
    return None


def _choices(keys: Mapping[Any, str]) -> str:
    return ", ".join(f"{member.value} ({t(key)})" for member, key in keys.items())


# ---------------------------------------------------------------- normalising


def normalised_plan(plan: Plan) -> Plan:
    """The plan as it will be stored: texts trimmed, enums parsed, repeats dropped.

    Never fails: what cannot be normalised stays as it is, for the rules to refuse.
    """
    priorities = tuple(
        replace(
            p,
            priority=parse_priority(p.priority) or p.priority,
            why=p.why.strip() if isinstance(p.why, str) else p.why,
        )
        for p in plan.priorities
    )
    items = tuple(
        replace(
            item,
            what=item.what.strip() if isinstance(item.what, str) else item.what,
            who=item.who.strip() if isinstance(item.who, str) else item.who,
            status=parse_item_status(item.status) or item.status,
            areas=_in_slus_order(item.areas) if isinstance(item.areas, tuple | list) else item.areas,
            initiative_ids=tuple(dict.fromkeys(item.initiative_ids))
            if isinstance(item.initiative_ids, tuple | list)
            else item.initiative_ids,
        )
        for item in plan.items
    )
    vision = plan.vision.strip() if isinstance(plan.vision, str) else plan.vision
    return replace(plan, vision=vision, priorities=priorities, items=items)


# ---------------------------------------------------------------- the plan


def plan_problems(
    plan: Plan,
    *,
    known_localities: Collection[str],
    initiative_localities: Mapping[int, str],
    latest_year: int,
) -> list[Problem]:
    """Everything wrong with a plan: locality, year, vision, priorities and every item.

    ``initiative_localities`` maps each initiative id that exists to its
    locality: an item may only link initiatives of the plan's own locality.
    ``latest_year`` is the last year a plan may be written for (next year,
    so a group can plan ahead).
    """
    problems: list[Problem] = []
    problems += locality_problems(plan.locality_id, known_localities)
    problems += year_problems(plan.year, latest_year)
    problems += text_problems(plan.vision, "vision", VISION_MAX, noun=t("noun_vision"))
    problems += priorities_problems(plan.priorities)
    if not isinstance(plan.items, tuple | list):
        return problems + [Problem(FORM, t("plan_items_not_list"), field="items")]
    if len(plan.items) > ITEMS_MAX:
        problems.append(Problem(FORM, t("plan_too_many_items", maximum=ITEMS_MAX, count=len(plan.items)), field="items"))
    for position, item in enumerate(plan.items, start=1):
        problems += item_problems(
            item, position, locality_id=plan.locality_id, initiative_localities=initiative_localities
        )
    return problems


def year_problems(year: Any, latest_year: int) -> list[Problem]:
    """A whole year from 2017 (SLUS) to ``latest_year``."""
    if isinstance(year, bool) or not isinstance(year, int):
        return [Problem(FORM, t("plan_year_not_year"), field="year")]
    if not EARLIEST_YEAR <= year <= latest_year:
        return [
            Problem(FORM, t("plan_year_out_of_range", year=year, earliest=EARLIEST_YEAR, latest=latest_year), field="year")
        ]
    return []


def priorities_problems(priorities: Any) -> list[Problem]:
    """Each known area at most once, with a priority on the scale and a short why."""
    if not isinstance(priorities, tuple | list):
        return [Problem(FORM, t("plan_priorities_not_list"), field="priorities")]
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in priorities:
        if not isinstance(entry, AreaPriority):
            problems.append(Problem(FORM, t("plan_priorities_not_list"), field="priorities"))
            continue
        if entry.area_id not in AREAS_BY_ID:
            problems.append(
                Problem(FORM, t("form_unknown_area", area=entry.area_id), field="priorities")
            )
            continue
        if entry.area_id in seen:
            problems.append(
                Problem(FORM, t("plan_priority_repeated", area=entry.area_id), field=priority_field(entry.area_id))
            )
            continue
        seen.add(entry.area_id)
        if parse_priority(entry.priority) is None:
            problems.append(
                Problem(
                    FORM,
                    t("plan_priority_unknown", value=_shown(entry.priority), choices=_choices(PRIORITY_KEYS)),
                    field=priority_field(entry.area_id),
                )
            )
        problems += text_problems(entry.why, why_field(entry.area_id), WHY_MAX, single_line=True, noun=t("noun_why"))
    return problems


def item_problems(
    item: PlanItem,
    position: int,
    *,
    locality_id: str,
    initiative_localities: Mapping[int, str],
) -> list[Problem]:
    """One action-plan item: what (required), who, dates in order, status, areas, own-locality initiatives."""
    found: list[Problem] = []
    found += text_problems(item.what, "what", WHAT_MAX, required=True, single_line=True, noun=t("noun_what"))
    found += text_problems(item.who, "who", WHO_MAX, single_line=True, noun=t("noun_who"))
    start = date_problems(item.start, "start")
    due = date_problems(item.due, "due")
    found += start + due
    if not start and not due and isinstance(item.start, date) and isinstance(item.due, date) and item.due < item.start:
        found.append(
            Problem(FORM, t("end_before_start", end=item.due.isoformat(), start=item.start.isoformat()), field="due")
        )
    if parse_item_status(item.status) is None:
        found.append(
            Problem(
                FORM,
                t("plan_item_status_unknown", value=_shown(item.status), choices=_choices(ITEM_STATUS_KEYS)),
                field="status",
            )
        )
    found += area_problems(item.areas)
    found += link_problems(item.initiative_ids, locality_id, initiative_localities)
    return [replace(problem, row=position, row_label=PLAN_ITEM) for problem in found]


def link_problems(
    initiative_ids: Any, locality_id: str, initiative_localities: Mapping[int, str]
) -> list[Problem]:
    """Linked initiatives exist and belong to the plan's own locality.

    A plan says what *this* group does; another locality's initiative belongs
    in "others working on the same", not in this plan.
    """
    if not isinstance(initiative_ids, tuple | list):
        return [Problem(FORM, t("plan_links_not_list"), field="initiatives")]
    if len(initiative_ids) > LINKS_MAX:
        return [Problem(FORM, t("plan_too_many_links", maximum=LINKS_MAX), field="initiatives")]
    problems: list[Problem] = []
    for initiative_id in initiative_ids:
        owner = initiative_localities.get(initiative_id) if isinstance(initiative_id, int) else None
        if owner is None:
            problems.append(Problem(FORM, t("plan_initiative_unknown", id=initiative_id), field="initiatives"))
        elif owner != locality_id:
            problems.append(
                Problem(
                    FORM,
                    t("plan_initiative_other_locality", id=initiative_id, locality=owner),
                    field="initiatives",
                )
            )
    return problems


def period_problems(start: Any, end: Any) -> list[Problem]:
    """Two dates of a "since the last meeting" period, the first not after the second."""
    problems = date_problems(start, "start", required=True) + date_problems(end, "end", required=True)
    if not problems and end < start:
        problems.append(Problem(FORM, t("end_before_start", end=end.isoformat(), start=start.isoformat()), field="end"))
    return problems


def _in_slus_order(areas: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Areas without repeats in the SLUS order (as the store reads them back); unknown ones last, for the rules."""
    order = {area: index for index, area in enumerate(AREAS_BY_ID)}
    return tuple(sorted(dict.fromkeys(areas), key=lambda a: (order.get(a, len(order)), str(a))))


def _shown(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value
