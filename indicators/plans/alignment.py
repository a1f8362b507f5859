"""How well a locality's work matches its plan: pure functions over plans, initiatives and activities.

* per SLUS area: the group's priority beside its initiatives and activities there;
* action-plan items that no initiative carries out yet;
* areas with much activity but no priority (the group does more than it planned, or planned elsewhere);
* "others working on the same": initiatives in other localities in the same area,
  so groups find each other before the meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from indicators.groupwork.records import Activity, Initiative
from indicators.plans.records import PRIORITY_RANK, Plan, PlanItem, Priority

MUCH_ACTIVITY_MIN = 3
"""An area has "much activity" with at least this many initiatives and activities together …"""
MUCH_ACTIVITY_SHARE = 0.25
"""… and at least this share of the locality's own (so a busy town and a quiet village are judged alike)."""


@dataclass(frozen=True)
class AreaAlignment:
    """One SLUS area in one locality: the plan's priority and the work done there."""

    area_id: str
    priority: Priority | None
    initiatives: int
    activities: int

    @property
    def prioritised(self) -> bool:
        """Medium or high: what the group said matters."""
        return self.priority is not None and PRIORITY_RANK[self.priority] >= PRIORITY_RANK[Priority.MEDIUM]


@dataclass(frozen=True)
class Alignment:
    """A locality's plan beside its work."""

    locality_id: str
    year: int
    has_plan: bool
    areas: tuple[AreaAlignment, ...]
    items_without_initiative: tuple[PlanItem, ...]
    busy_without_priority: tuple[str, ...]


def alignment(
    locality_id: str,
    year: int,
    plan: Plan | None,
    initiatives: Iterable[Initiative],
    activities: Iterable[Activity],
    area_ids: Sequence[str],
) -> Alignment:
    """The locality's alignment for ``year``: initiatives and activities of that locality counted per area.

    Initiatives and activities are the caller's choice of period (the page
    passes the year's); a record with several areas counts in each of them.
    Items already done or dropped are not "without initiative": nothing is left to carry out.
    """
    return aligned(
        locality_id, year, plan, area_counts(initiatives, locality_id), area_counts(activities, locality_id), area_ids
    )


def area_counts(records: Iterable[Initiative | Activity], locality_id: str) -> dict[str, int]:
    """How many of the locality's records name each area (a record with several areas counts in each)."""
    counts: dict[str, int] = {}
    for record in records:
        if record.locality_id == locality_id:
            for area in record.areas:
                counts[area] = counts.get(area, 0) + 1
    return counts


def aligned(
    locality_id: str,
    year: int,
    plan: Plan | None,
    initiative_counts: Mapping[str, int],
    activity_counts: Mapping[str, int],
    area_ids: Sequence[str],
) -> Alignment:
    """``alignment`` from counts per area already made (by ``area_counts``, or by the database for the page)."""
    areas = tuple(
        AreaAlignment(
            area,
            (plan.priority_of(area).priority if plan and plan.priority_of(area) else None),  # type: ignore[union-attr]
            initiative_counts.get(area, 0),
            activity_counts.get(area, 0),
        )
        for area in area_ids
    )
    total = sum(a.initiatives + a.activities for a in areas)
    busy = tuple(
        a.area_id
        for a in areas
        if not a.prioritised
        and a.initiatives + a.activities >= MUCH_ACTIVITY_MIN
        and a.initiatives + a.activities >= MUCH_ACTIVITY_SHARE * total
    )
    open_items = tuple(
        item
        for item in (plan.items if plan else ())
        if not item.initiative_ids and item.status.value in ("not_started", "ongoing")
    )
    return Alignment(locality_id, year, plan is not None, areas, open_items, busy)


def others_working_on(
    locality_id: str, areas: Iterable[str], initiatives: Iterable[Initiative], *, limit: int = 20
) -> list[Initiative]:
    """Initiatives in *other* localities sharing any of ``areas``, most shared areas first, then newest."""
    wanted = set(areas)
    found = [
        (len(wanted & set(i.areas)), i.id or 0, i)
        for i in initiatives
        if i.locality_id != locality_id and wanted & set(i.areas)
    ]
    found.sort(key=lambda entry: (-entry[0], -entry[1]))
    return [entry[2] for entry in found[:limit]]
