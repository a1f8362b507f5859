"""How many ideas and supports may come from one client address, and into one locality, per window.

A plain fixed window: the first send opens a window of ``window`` length; up
to ``limit`` sends are let through in it; the next is refused with the time
until the window closes, so the form can say when to try again. Nothing
sleeps in a request.

The counters live in the database (``idea_send_limits``), updated in the
caller's write transaction with the row locked, so the limit holds across
every worker process and server, and a refused or failed send (the
transaction rolled back) is not counted. Client addresses are stored only as
a salted hash: the table says how often, never who.

``next_count`` is the pure rule; ``take`` reads and writes.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from indicators.i18n.messages import tn
from indicators.i18n.texts import Text
from indicators.storage import app_settings as settings
from indicators.storage import schema

SUBJECT_MAX = 200


class Kind(str, Enum):
    """What a counter counts."""

    ADDRESS = "address"
    """Ideas sent from one client address."""
    LOCALITY = "locality"
    """Ideas sent to one locality, from anyone."""
    SUPPORT = "support"
    """Supports given from one client address."""


@dataclass(frozen=True)
class Window:
    """One counter as stored (times naive UTC)."""

    started_at: datetime
    count: int


class Throttled(Exception):
    """Refused: too many in this window; ``wait`` is how long until the next may be sent."""

    def __init__(self, kind: Kind, wait: timedelta) -> None:
        self.kind = kind
        self.wait = wait
        super().__init__(self.message)

    @property
    def seconds(self) -> int:
        """Whole seconds, rounded up (for ``Retry-After``)."""
        return max(1, math.ceil(self.wait.total_seconds()))

    @property
    def message(self) -> Text:
        """When the sender may try again, in whole minutes (rounded up)."""
        minutes = max(1, math.ceil(self.wait.total_seconds() / 60))
        if self.kind is Kind.LOCALITY:
            return tn("idea_throttled_locality", minutes)
        if self.kind is Kind.SUPPORT:
            return tn("idea_support_throttled", minutes)
        return tn("idea_throttled", minutes)


@dataclass(frozen=True)
class Policy:
    """The numbers in force (from ``app_settings``)."""

    window: timedelta
    per_address: int
    per_locality: int
    supports_per_address: int

    @classmethod
    def from_settings(cls, values: settings.AppSettings) -> Policy:
        return cls(
            window=timedelta(minutes=values.get(settings.IDEA_WINDOW_MINUTES)),
            per_address=values.get(settings.IDEA_ADDRESS_LIMIT),
            per_locality=values.get(settings.IDEA_LOCALITY_LIMIT),
            supports_per_address=values.get(settings.IDEA_SUPPORT_LIMIT),
        )

    def limit(self, kind: Kind) -> int:
        return {Kind.ADDRESS: self.per_address, Kind.LOCALITY: self.per_locality}.get(
            kind, self.supports_per_address
        )


def next_count(current: Window | None, *, limit: int, window: timedelta, now: datetime) -> Window | timedelta:
    """The counter after one more send, or the wait (a ``timedelta``) when this one is refused.

    A window that has run out starts again at ``now``.
    """
    if current is None or now - current.started_at >= window or now < current.started_at:
        return Window(now, 1)
    if current.count >= limit:
        return current.started_at + window - now
    return Window(current.started_at, current.count + 1)


def hashed(subject: str, salt: bytes) -> str:
    """A salted SHA-256 (hex) of an address or browser token: stored instead of the value itself."""
    return hmac.new(salt, subject.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def take(conn: Connection, kind: Kind, subject: str, *, policy: Policy, now: datetime) -> None:
    """Count one send for ``subject`` in the caller's transaction, or raise ``Throttled`` (nothing counted)."""
    table = schema.idea_send_limits
    key = subject[:SUBJECT_MAX]
    where = (table.c.kind == kind.value, table.c.subject == key)
    for _attempt in range(2):
        row = conn.execute(
            select(table.c.window_started_at, table.c.count).where(*where).with_for_update()
        ).first()
        current = None if row is None else Window(row.window_started_at, row.count)
        after = next_count(current, limit=policy.limit(kind), window=policy.window, now=now)
        if isinstance(after, timedelta):
            raise Throttled(kind, after)
        if row is not None:
            conn.execute(update(table).where(*where).values(window_started_at=after.started_at, count=after.count))
            return
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(table).values(
                        kind=kind.value, subject=key, window_started_at=after.started_at, count=after.count
                    )
                )
            return
        except IntegrityError:
            continue  # another process inserted the row first: read it and count on it
    raise RuntimeError("idea send limit row could neither be read nor inserted")


def forget_old(conn: Connection, *, policy: Policy, now: datetime) -> int:
    """Delete counters whose window has run out (they would start again anyway); returns how many."""
    table = schema.idea_send_limits
    result = conn.execute(delete(table).where(table.c.window_started_at <= now - policy.window))
    return result.rowcount or 0
