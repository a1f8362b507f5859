"""A plan from one year to the next: the copy a new year starts from, and what differs between two years.

Both are pure: they take plans and return a plan or a difference, so the
service, the dashboard and the benchmarks share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from indicators.plans.records import ItemStatus, Plan, PlanItem, Priority

CARRIED_OVER = frozenset({ItemStatus.NOT_STARTED, ItemStatus.ONGOING})
"""Items that move on to next year's plan; done and dropped ones stay in the year they ended."""


def next_year_plan(previous: Plan | None, locality_id: str, year: int) -> Plan:
    """The plan ``year`` starts as: a copy of ``previous`` (vision, priorities, open items), unsaved.

    Done and dropped items are not copied: they belong to the year they ended
    in, which stays readable, and the new year's action plan is what is left to
    do. Linked initiatives stay linked. Without a previous plan the new one is empty.
    """
    if previous is None:
        return Plan(locality_id=locality_id, year=year)
    items = tuple(item for item in previous.items if item.status in CARRIED_OVER)
    return replace(previous, locality_id=locality_id, year=year, items=items, id=None, version=0)


def item_key(item: PlanItem) -> str:
    """How an item is recognised from one year to the next: its "what", case and spacing ignored."""
    return " ".join(item.what.split()).casefold()


@dataclass(frozen=True)
class PriorityChange:
    """One area whose priority or reason differs; None where a year set none."""

    area_id: str
    before: Priority | None
    after: Priority | None
    why_before: str
    why_after: str


@dataclass(frozen=True)
class ItemChange:
    """An item present in both years with some attributes changed (``fields``: attribute names)."""

    before: PlanItem
    after: PlanItem
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PlanDifference:
    """What differs between two years of one locality's plan."""

    locality_id: str
    year_before: int
    year_after: int
    vision_changed: bool
    vision_before: str
    vision_after: str
    priorities: tuple[PriorityChange, ...]
    added: tuple[PlanItem, ...]
    removed: tuple[PlanItem, ...]
    changed: tuple[ItemChange, ...]

    @property
    def empty(self) -> bool:
        """True when the two years say the same."""
        return not (self.vision_changed or self.priorities or self.added or self.removed or self.changed)


_ITEM_FIELDS = ("who", "start", "due", "status", "areas", "initiative_ids")


def plan_difference(before: Plan, after: Plan, area_order: tuple[str, ...] = ()) -> PlanDifference:
    """The differences from ``before`` to ``after``: vision, priorities per area, items added/removed/changed.

    Items are matched by ``item_key``; if one year repeats a "what", the
    repeats are matched in order. ``area_order`` orders the priority changes
    (the SLUS order); areas not in it follow alphabetically.
    """
    areas = {p.area_id for p in before.priorities} | {p.area_id for p in after.priorities}
    order = {area: index for index, area in enumerate(area_order)}
    priorities: list[PriorityChange] = []
    for area in sorted(areas, key=lambda a: (order.get(a, len(order)), a)):
        old, new = before.priority_of(area), after.priority_of(area)
        old_value = (old.priority, old.why) if old else (None, "")
        new_value = (new.priority, new.why) if new else (None, "")
        if old_value != new_value:
            priorities.append(PriorityChange(area, old_value[0], new_value[0], old_value[1], new_value[1]))
    remaining: dict[str, list[PlanItem]] = {}
    for item in before.items:
        remaining.setdefault(item_key(item), []).append(item)
    added: list[PlanItem] = []
    changed: list[ItemChange] = []
    for item in after.items:
        matches = remaining.get(item_key(item))
        if not matches:
            added.append(item)
            continue
        old_item = matches.pop(0)
        fields = tuple(name for name in _ITEM_FIELDS if _comparable(old_item, name) != _comparable(item, name))
        if fields or old_item.what != item.what:
            changed.append(ItemChange(old_item, item, fields or ("what",)))
    removed = [item for item in before.items if any(item is left for left in remaining.get(item_key(item), []))]
    return PlanDifference(
        locality_id=after.locality_id,
        year_before=before.year,
        year_after=after.year,
        vision_changed=before.vision != after.vision,
        vision_before=before.vision,
        vision_after=after.vision,
        priorities=tuple(priorities),
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
    )


def _comparable(item: PlanItem, name: str) -> object:
    value = getattr(item, name)
    if name in ("areas", "initiative_ids"):
        return tuple(sorted(value))
    return value
