"""What the local development groups record: activities, initiatives, composition; and
the network's strategic meetings. Records only; rules live in ``groupwork_rules``.

Every editable record carries ``version``: a save names the version it was
based on, and the store refuses it when the stored record has moved on, so a
second browser tab can never silently overwrite newer work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple

# Limits for text typed by people: generous for real use, small enough that a
# pasted novel or a flood cannot bloat the database or the map.
TITLE_MAX = 200
DESCRIPTION_MAX = 5000
NAME_MAX = 200
PARTNERS_MAX = 1000
NOTES_MAX = 10000
MAX_PARTICIPANTS = 100_000


class ActivityKind(str, Enum):
    MEETING = "meeting"
    EVENT = "event"
    WORKSHOP = "workshop"
    WALK = "walk"
    CLEANUP = "cleanup"
    OTHER = "other"


class InitiativeStatus(str, Enum):
    """idea → planned → ongoing → done; paused can happen from any live state."""

    IDEA = "idea"
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    PAUSED = "paused"


REPRESENTATIONS = ("associations", "business", "rural_council", "politicians", "residents")
"""Representation categories of a group's members (föreningsliv, näringsliv, landsbygdsråd, politiker, boende)."""
AGE_BANDS = ("under_20", "20_39", "40_64", "65_plus")
"""Age bands for the composition counts; no names or personal data are ever stored."""


class Role(str, Enum):
    ADMIN = "admin"    # staff at Utvecklingsavdelningen: everything, every locality
    EDITOR = "editor"  # a group's editor: their own locality's records only


@dataclass(frozen=True)
class Activity:
    """Something a group did: a meeting, an event, a walk…"""

    locality_id: str
    date: date
    kind: ActivityKind
    title: str
    participants: int | None = None
    areas: tuple[str, ...] = ()
    description: str = ""
    id: int | None = None
    version: int = 0


class ActivityPoint(NamedTuple):
    """What a timeline draws of an activity: read without the rest of the record (``activity_points``)."""

    date: date
    kind: ActivityKind
    title: str
    participants: int | None


class ActivityDay(NamedTuple):
    """How many activities of one kind a locality had on one day, and their participants (None: none given)."""

    date: date
    kind: ActivityKind
    activities: int
    participants: int | None


@dataclass(frozen=True)
class Initiative:
    """Something a group drives, e.g. lighting along the cycle path at Brunnsparken (Södra Vi)."""

    locality_id: str
    title: str
    status: InitiativeStatus
    description: str = ""
    areas: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    lead: str = ""
    partners: str = ""
    progress: int | None = None  # percent, 0–100
    lat: float | None = None
    lon: float | None = None
    id: int | None = None
    version: int = 0


@dataclass(frozen=True)
class Composition:
    """A group's members as counts per (representation, age band); never who they are."""

    locality_id: str
    counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    version: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class StrategicMeeting:
    """A meeting of the network (groups, municipality, advisory board), at least yearly."""

    date: date
    title: str
    participants: int | None = None
    themes: tuple[str, ...] = ()
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True)
class User:
    """Someone who can sign in. Editors belong to one locality; admins to none."""

    username: str
    role: Role
    password_hash: str
    locality_id: str | None = None
    active: bool = True
    id: int | None = None
