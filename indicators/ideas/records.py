"""What a resident's idea is, as plain records; rules live in ``ideas.rules``, SQL in ``ideas.store``.

An idea has a *moderation* life (pending until an editor acts) and, once
public, a *stage* the public follows (new → under consideration → became an
initiative, or not taken further). Both are one ``IdeaStatus``: the public sees
only the public ones, and never the reason a rejected idea was refused.

The contact address a resident may leave is not part of ``Idea``: it lives in
its own table and record (``Contact``), read only through the service for
that locality's editors and staff, so no list, map or export can carry it by
accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

TITLE_MAX = 150
DESCRIPTION_MAX = 3000
CONTACT_MAX = 200
REASON_MAX = 1000
MAX_AREAS = 6
"""There are six SLUS areas; the rule refuses repeats and unknown ids."""


class IdeaStatus(str, Enum):
    """Where an idea stands. The first four after PENDING are public."""

    PENDING = "pending"
    """Sent, waiting in the moderation queue; seen by editors of its locality and staff only."""
    PUBLISHED = "published"
    """Public, not yet acted on ("ny")."""
    CONSIDERING = "considering"
    """Public; the group is looking at it."""
    INITIATIVE = "initiative"
    """Public; became an initiative of the group (``initiative_id`` says which)."""
    DECLINED = "declined"
    """Public; the group will not take it further."""
    REJECTED = "rejected"
    """Not published, with a reason for staff and the sender's contact only."""
    HIDDEN = "hidden"
    """Was public, taken down by an editor."""
    MERGED = "merged"
    """A duplicate; its supports were moved to ``merged_into_id``."""


PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING, IdeaStatus.INITIATIVE, IdeaStatus.DECLINED)
"""The statuses anyone may see, in the order the map's filter lists them."""


class IdeaSource(str, Enum):
    RESIDENT = "resident"
    """Sent through the public form."""
    WORKSHOP = "workshop"
    """Recorded by staff from a strategic meeting or workshop (``meeting_id`` names it)."""


@dataclass(frozen=True)
class Idea:
    """One idea. ``locality_id`` None: whole-municipality input (workshop points only)."""

    locality_id: str | None
    title: str
    description: str = ""
    areas: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    status: IdeaStatus = IdeaStatus.PENDING
    source: IdeaSource = IdeaSource.RESIDENT
    meeting_id: int | None = None
    reject_reason: str | None = None
    merged_into_id: int | None = None
    initiative_id: int | None = None
    supports: int = 0
    published_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = None
    version: int = 0

    @property
    def public(self) -> bool:
        return self.status in PUBLIC_STATUSES


@dataclass(frozen=True)
class Contact:
    """The optional contact address a resident left with an idea (purged after the retention time)."""

    idea_id: int
    contact: str
    created_at: datetime


@dataclass(frozen=True)
class Sender:
    """Who sends an idea or a support without an account: only what the limits need.

    ``address`` is the client address (used only hashed, for the rate limit);
    ``browser`` the random token from the browser's cookie (stored only as a
    salted hash, for one support per browser and idea).
    """

    address: str
    browser: str = ""


@dataclass(frozen=True)
class Submission:
    """What the public form sends: the idea, an optional contact, and the honeypot field.

    ``trap`` is a field people never see (hidden by CSS, labelled "leave
    empty"); anything in it means a bot filled the form.
    """

    idea: Idea
    contact: str = ""
    trap: str = ""
