"""A locality's plan for one year: vision, a priority per SLUS area and an action plan.

The plan is one versioned document (like a group-work record): a save names
the version it was based on and is refused when the stored plan has moved on.
Priorities and items belong to the plan and are saved with it, all or nothing,
so a plan is never half old and half new.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

VISION_MAX = 5000
WHY_MAX = 300
"""A priority's reason is a short why, not an essay."""
WHAT_MAX = 300
WHO_MAX = 200
ITEMS_MAX = 200
"""More items than this in one year's plan is a pasted list, not a plan."""
LINKS_MAX = 50
"""Initiatives linked to one item."""
EARLIEST_YEAR = 2017
"""SLUS was adopted in 2017: no plan is older."""


class Priority(str, Enum):
    """The scale a group sets per SLUS area; ``not_now`` is a decision too, not a missing value."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NOT_NOW = "not_now"


PRIORITY_RANK: dict[Priority, int] = {Priority.HIGH: 3, Priority.MEDIUM: 2, Priority.LOW: 1, Priority.NOT_NOW: 0}
"""Higher is more prioritised; for sorting and for "prioritised" (medium or high)."""


class ItemStatus(str, Enum):
    """Where an action-plan item stands."""

    NOT_STARTED = "not_started"
    ONGOING = "ongoing"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class AreaPriority:
    """How much one SLUS area matters to the group this year, and in a few words why."""

    area_id: str
    priority: Priority
    why: str = ""


@dataclass(frozen=True)
class PlanItem:
    """One line of the action plan: what, who, by when, its status, its areas and linked initiatives."""

    what: str
    who: str = ""
    start: date | None = None
    due: date | None = None
    status: ItemStatus = ItemStatus.NOT_STARTED
    areas: tuple[str, ...] = ()
    initiative_ids: tuple[int, ...] = ()
    done_on: date | None = None
    """The day the item was first saved as done (set by the service), for "done since the last meeting"."""


@dataclass(frozen=True)
class Plan:
    """A locality's plan for ``year``; ``id`` None and ``version`` 0 until first saved."""

    locality_id: str
    year: int
    vision: str = ""
    priorities: tuple[AreaPriority, ...] = ()
    items: tuple[PlanItem, ...] = field(default_factory=tuple)
    id: int | None = None
    version: int = 0

    def priority_of(self, area_id: str) -> AreaPriority | None:
        """The area's priority, or None when the group has not set one."""
        return next((p for p in self.priorities if p.area_id == area_id), None)
