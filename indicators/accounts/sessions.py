"""Sign-in sessions kept on the server, so they can be ended: sign-out, password change, expiry.

A signed cookie alone cannot be revoked: a copy saved before sign-out would
still be valid. So a sign-in creates a row in ``sessions`` and the browser's
(signed) cookie holds only a random token; the row's id is the token's
SHA-256, so the table itself (a backup, a leak) lets nobody take over a
session. Every request that asks who is signed in resumes the session: a row
that is missing, ended, idle longer than the idle limit or older than the
absolute limit means a visitor (and an expired row is ended on the spot).

``last_seen_at`` is written at most once a minute per session
(``TOUCH_INTERVAL``), not on every request, so the idle limit is exact to
about a minute and a busy page causes no write storm.

The rules are pure functions (``end_reason``, ``needs_touch``); ``SessionStore``
does the reading and writing, with an injectable clock so tests never sleep.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update

from indicators.groupwork.rows import naive_utc
from indicators.observations.import_log import utc_now
from indicators.storage import schema
from indicators.storage.app_settings import (
    SESSION_ABSOLUTE_HOURS,
    SESSION_IDLE_MINUTES,
    AppSettings,
)
from indicators.storage.store import write_transaction

TOUCH_INTERVAL = timedelta(minutes=1)
"""How stale ``last_seen_at`` may get before a request writes it again."""
KEEP_ENDED = timedelta(days=1)
"""Ended rows are kept this long (to see what ended them), then pruned."""
_TOKEN_MAX = 128
"""Longer than any token we make; anything longer is not ours and is not hashed."""


class EndReason(str, Enum):
    """Why a session ended, as stored in ``sessions.end_reason``."""

    SIGNED_OUT = "signed-out"
    IDLE = "idle"
    EXPIRED = "expired"
    PASSWORD = "password"
    DEACTIVATED = "deactivated"


@dataclass(frozen=True)
class SessionLimits:
    """How long a session lives: ``idle`` since its last use, ``absolute`` since sign-in."""

    idle: timedelta
    absolute: timedelta

    @classmethod
    def from_settings(cls, settings: AppSettings) -> SessionLimits:
        return cls(
            idle=timedelta(minutes=settings.get(SESSION_IDLE_MINUTES)),
            absolute=timedelta(hours=settings.get(SESSION_ABSOLUTE_HOURS)),
        )


@dataclass(frozen=True)
class SessionRecord:
    """One row of ``sessions`` (times naive UTC)."""

    id: str
    user_id: int
    created_at: datetime
    last_seen_at: datetime
    ended_at: datetime | None = None
    end_reason: str | None = None


def new_token() -> str:
    """A fresh random token for the browser's cookie (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The id a token's row is stored under: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def end_reason(record: SessionRecord, now: datetime, limits: SessionLimits) -> EndReason | None:
    """Why the session is over at ``now`` (idle or past its absolute limit), or None while it lives.

    A session ended earlier keeps the reason it was ended with.
    """
    if record.ended_at is not None:
        return EndReason(record.end_reason) if record.end_reason in EndReason._value2member_map_ else EndReason.SIGNED_OUT
    now = naive_utc(now)
    if now - record.created_at >= limits.absolute:
        return EndReason.EXPIRED
    if now - record.last_seen_at >= limits.idle:
        return EndReason.IDLE
    return None


def needs_touch(record: SessionRecord, now: datetime) -> bool:
    """Whether this request should write ``last_seen_at`` (at most once per ``TOUCH_INTERVAL``)."""
    return naive_utc(now) - record.last_seen_at >= TOUCH_INTERVAL


class SessionStore:
    """Sessions in the database shared by every worker process and server."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = engine
        self.clock = clock

    def now(self) -> datetime:
        return naive_utc(self.clock())

    def start(self, user_id: int, limits: SessionLimits) -> str:
        """A new session for ``user_id``; returns the raw token (stored only as its hash).

        Dead rows are pruned here: sign-ins are rare enough to carry that work.
        """
        token = new_token()
        now = self.now()
        with write_transaction(self._engine) as conn:
            prune(conn, now, limits)
            conn.execute(
                insert(schema.sessions).values(
                    id=token_hash(token), user_id=user_id, created_at=now, last_seen_at=now
                )
            )
        return token

    def find(self, token: str) -> SessionRecord | None:
        """The session row for a token, alive or not."""
        if not _plausible(token):
            return None
        with self._engine.connect() as conn:
            return _read(conn, token_hash(token))

    def resume(self, token: object, limits: SessionLimits) -> int | None:
        """The user id of a live session, or None; ends an expired one and touches a live one when due."""
        if not _plausible(token):
            return None
        assert isinstance(token, str)
        record = self.find(token)
        if record is None or record.ended_at is not None:
            return None
        now = self.now()
        reason = end_reason(record, now, limits)
        if reason is not None:
            self._end(record.id, now, reason)
            return None
        if needs_touch(record, now):
            table = schema.sessions
            with write_transaction(self._engine) as conn:
                conn.execute(
                    update(table)
                    .where(table.c.id == record.id, table.c.ended_at.is_(None))
                    .values(last_seen_at=now)
                )
        return record.user_id

    def end(self, token: object, reason: EndReason = EndReason.SIGNED_OUT) -> None:
        """End the session of this token (sign-out); unknown or already ended tokens are ignored."""
        if _plausible(token):
            assert isinstance(token, str)
            self._end(token_hash(token), self.now(), reason)

    def _end(self, session_id: str, now: datetime, reason: EndReason) -> None:
        with write_transaction(self._engine) as conn:
            end_session(conn, session_id, now, reason)


def end_session(conn: Connection, session_id: str, now: datetime, reason: EndReason) -> None:
    """End one session in the caller's transaction (an ended one keeps its first reason)."""
    table = schema.sessions
    conn.execute(
        update(table)
        .where(table.c.id == session_id, table.c.ended_at.is_(None))
        .values(ended_at=naive_utc(now), end_reason=reason.value)
    )


def end_user_sessions(
    conn: Connection, user_id: int, now: datetime, reason: EndReason, *, keep: str | None = None
) -> int:
    """End every live session of a user in the caller's transaction, except the one whose token is ``keep``.

    Called in the same transaction as the password change or deactivation, so
    no request can slip in with the old session after the change is committed.
    Returns how many sessions were ended.
    """
    table = schema.sessions
    condition = and_(table.c.user_id == user_id, table.c.ended_at.is_(None))
    if keep is not None and _plausible(keep):
        condition = and_(condition, table.c.id != token_hash(keep))
    result = conn.execute(update(table).where(condition).values(ended_at=naive_utc(now), end_reason=reason.value))
    return result.rowcount or 0


def live_sessions(conn: Connection, user_id: int) -> list[SessionRecord]:
    """A user's sessions not yet ended (some may be past their limits until next used or pruned)."""
    table = schema.sessions
    rows = conn.execute(
        select(table).where(table.c.user_id == user_id, table.c.ended_at.is_(None)).order_by(table.c.created_at)
    ).mappings()
    return [SessionRecord(**row) for row in rows]


def prune(conn: Connection, now: datetime, limits: SessionLimits) -> int:
    """Delete rows that can never be used again: ended a while ago, or past the current limits."""
    table = schema.sessions
    now = naive_utc(now)
    result = conn.execute(
        delete(table).where(
            or_(
                table.c.ended_at < now - KEEP_ENDED,
                and_(
                    table.c.ended_at.is_(None),
                    or_(table.c.created_at < now - limits.absolute, table.c.last_seen_at < now - limits.idle),
                ),
            )
        )
    )
    return result.rowcount or 0


def _read(conn: Connection, session_id: str) -> SessionRecord | None:
    row = conn.execute(select(schema.sessions).where(schema.sessions.c.id == session_id)).mappings().first()
    return SessionRecord(**row) if row is not None else None


def _plausible(token: object) -> bool:
    return isinstance(token, str) and 0 < len(token) <= _TOKEN_MAX
