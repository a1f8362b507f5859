"""Failed sign-ins slow down and then lock, per account name and per client address.

Guessing passwords must cost time: after ``delay_after`` failures (counted
until a whole window passes without one) every further attempt has to wait
(the first wait doubles with each failure, up to a minute), and at
``lock_after`` failures the name (or address) is locked for the lock time. A locked name is refused *before* the password is checked, so
the right password does not help, and names are counted whether or not the
account exists, so a lock says nothing about which accounts exist.

Nothing sleeps in a request (that would block a worker and let an attacker
tie up the server): an attempt that comes too early is refused at once with
the time to wait. The counters live in the database (``sign_in_failures``),
so the limit holds across every worker process and server; they are updated
in a write transaction that locks the row, so parallel guesses are all counted.

Failed sign-ins cannot flood the audit log: each account name gets *one*
line per counting window, rewritten with the running count (and the lock when
it starts); an address gets one line when it is locked.

The rules are pure functions (``wait_for``, ``after_failure``); ``SignInGuard``
reads and writes, with an injectable clock so tests never sleep.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import Connection, Engine, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from indicators.accounts.auth import normalise_username
from indicators.audit import log as audit
from indicators.groupwork.rows import naive_utc
from indicators.i18n.messages import t, tn
from indicators.i18n.texts import Text
from indicators.observations.import_log import utc_now
from indicators.storage import app_settings as settings
from indicators.storage import schema
from indicators.storage.store import write_transaction

SUBJECT_MAX = 200
"""Longer names and addresses are cut: they are counted, not stored whole."""
AUDIT_NAME_MAX = 100
FAILED_ACTION = "sign-in-failed"
LOCKED_ACTION = "sign-in-locked"
ADDRESS_ENTITY = "address"
EMPTY_NAME = "(tomt)"
MAX_DELAY = timedelta(minutes=1)
"""The longest wait between attempts before the lock (the lock is what stops a persistent guesser)."""
_MAX_DOUBLINGS = 30
"""2**30 first waits is beyond any lock time; keeps the arithmetic small."""


class Scope(str, Enum):
    """What a counter counts failures of."""

    ACCOUNT = "account"
    ADDRESS = "address"


@dataclass(frozen=True)
class Limit:
    """From ``delay_after`` failures each attempt waits; at ``lock_after`` the subject is locked."""

    delay_after: int
    lock_after: int


@dataclass(frozen=True)
class SignInPolicy:
    """The numbers in force (from ``indicators.storage.app_settings``)."""

    window: timedelta
    lock: timedelta
    first_delay: timedelta
    account: Limit
    address: Limit

    @classmethod
    def from_settings(cls, values: settings.AppSettings) -> SignInPolicy:
        return cls(
            window=timedelta(minutes=values.get(settings.SIGN_IN_WINDOW_MINUTES)),
            lock=timedelta(minutes=values.get(settings.SIGN_IN_LOCK_MINUTES)),
            first_delay=timedelta(seconds=values.get(settings.SIGN_IN_DELAY_SECONDS)),
            account=Limit(values.get(settings.SIGN_IN_DELAY_AFTER), values.get(settings.SIGN_IN_LOCK_AFTER)),
            address=Limit(
                values.get(settings.SIGN_IN_ADDRESS_DELAY_AFTER), values.get(settings.SIGN_IN_ADDRESS_LOCK_AFTER)
            ),
        )

    def limit(self, scope: Scope) -> Limit:
        return self.account if scope is Scope.ACCOUNT else self.address


@dataclass(frozen=True)
class FailureCount:
    """One counter: failures of a subject in the current window (times naive UTC)."""

    scope: Scope
    subject: str
    window_started_at: datetime
    failures: int
    last_failure_at: datetime
    locked_until: datetime | None = None
    audit_id: int | None = None


@dataclass(frozen=True)
class Refusal:
    """An attempt refused because it came too early; ``wait`` is how long until the next may be made."""

    wait: timedelta
    scope: Scope

    @property
    def message(self) -> Text:
        return wait_message(self.wait)

    @property
    def seconds(self) -> int:
        """Whole seconds to wait, rounded up (for ``Retry-After``)."""
        return max(1, math.ceil(self.wait.total_seconds()))


# ---------------------------------------------------------------- the rules


def delay_for(failures: int, limit: Limit, policy: SignInPolicy) -> timedelta:
    """The wait after ``failures`` failures: none below ``delay_after``, then the first delay doubling.

    The wait is capped (``MAX_DELAY``, and half the window) so that someone who
    keeps guessing always reaches the lock: a wait as long as the window would
    let the count start again instead.
    """
    if failures < limit.delay_after:
        return timedelta(0)
    doublings = min(failures - limit.delay_after, _MAX_DOUBLINGS)
    return min(policy.first_delay * (2**doublings), MAX_DELAY, policy.lock, policy.window / 2)


def is_fresh(count: FailureCount, policy: SignInPolicy, now: datetime) -> bool:
    """Whether the counter no longer applies: its lock is over, or no failure came for a whole window."""
    if count.locked_until is not None:
        return now >= count.locked_until
    return now - count.last_failure_at >= policy.window


def wait_for(count: FailureCount | None, policy: SignInPolicy, now: datetime) -> timedelta:
    """How long a subject must still wait before its next attempt; zero when it may try now."""
    if count is None:
        return timedelta(0)
    now = naive_utc(now)
    if count.locked_until is not None and now < count.locked_until:
        return count.locked_until - now
    if is_fresh(count, policy, now):
        return timedelta(0)
    ready = count.last_failure_at + delay_for(count.failures, policy.limit(count.scope), policy)
    return max(ready - now, timedelta(0))


def after_failure(
    count: FailureCount | None, scope: Scope, subject: str, policy: SignInPolicy, now: datetime
) -> FailureCount:
    """The counter after one more failure: a new window when the old one no longer applies, a lock at the limit."""
    now = naive_utc(now)
    if count is None or is_fresh(count, policy, now):
        count = FailureCount(scope, subject, now, 0, now, None, None)
    failures = count.failures + 1
    locked_until = now + policy.lock if failures >= policy.limit(scope).lock_after else None
    return replace(count, failures=failures, last_failure_at=now, locked_until=locked_until)


def wait_message(wait: timedelta) -> Text:
    """"För många misslyckade inloggningar. Försök igen om 14 minuter." — rounded up, never "0"."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return tn("sign_in_wait_seconds", seconds)
    minutes = math.ceil(seconds / 60)
    return tn("sign_in_wait_minutes", minutes)


def account_subject(username: str) -> str:
    """The counter for a typed name: as accounts are matched (trimmed, case-folded), cut to size."""
    return normalise_username(username if isinstance(username, str) else "")[:SUBJECT_MAX]


def address_subject(address: str | None) -> str:
    return (address or "unknown")[:SUBJECT_MAX]


# ---------------------------------------------------------------- the database


class SignInGuard:
    """The shared counters: ask ``check`` before verifying a password, report the outcome after."""

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = utc_now,
        policy: Callable[[], SignInPolicy] | None = None,
    ) -> None:
        """``policy`` gives the numbers in force (default: read from the settings table on each call)."""
        self._engine = engine
        self.clock = clock
        self._policy = policy or (lambda: SignInPolicy.from_settings(settings.read_settings(engine)))

    def now(self) -> datetime:
        return naive_utc(self.clock())

    def check(self, username: str, address: str | None) -> Refusal | None:
        """A refusal when the name or the address must still wait (the longer wait wins); reads only."""
        policy, now = self._policy(), self.now()
        with self._engine.connect() as conn:
            counts = [
                _read(conn, Scope.ACCOUNT, account_subject(username)),
                _read(conn, Scope.ADDRESS, address_subject(address)),
            ]
        return _longest(counts, policy, now)

    def failed(self, username: str, address: str | None) -> Refusal | None:
        """Count a failed sign-in for the name and the address; the refusal now in force, if any.

        Both counters and the audit line are written in one transaction that
        locks the counter rows, so concurrent failures from several processes
        are each counted once.
        """
        policy, now = self._policy(), self.now()
        name, where = account_subject(username), address_subject(address)
        with write_transaction(self._engine) as conn:
            _prune(conn, policy, now)
            account = _count_failure(conn, Scope.ACCOUNT, name, policy, now)
            address_count = _count_failure(conn, Scope.ADDRESS, where, policy, now)
            account = _audit_account(conn, account, where, policy, now)
            if address_count.locked_until is not None and address_count.failures == policy.address.lock_after:
                _audit_address_lock(conn, address_count, policy, now)
            _store(conn, account)
            _store(conn, address_count)
        return _longest([account, address_count], policy, now)

    def succeeded(self, username: str) -> None:
        """A successful sign-in clears the name's counter (not the address's: one good account must not
        let an address go on guessing others)."""
        table = schema.sign_in_failures
        with write_transaction(self._engine) as conn:
            conn.execute(
                delete(table).where(table.c.kind == Scope.ACCOUNT.value, table.c.subject == account_subject(username))
            )

    def count(self, scope: Scope, subject: str) -> FailureCount | None:
        """A counter as stored (for tests and the staff page)."""
        with self._engine.connect() as conn:
            return _read(conn, scope, subject)


def _longest(counts: list[FailureCount | None], policy: SignInPolicy, now: datetime) -> Refusal | None:
    waits = [(wait_for(count, policy, now), count.scope) for count in counts if count is not None]
    waits = [(wait, scope) for wait, scope in waits if wait > timedelta(0)]
    if not waits:
        return None
    wait, scope = max(waits, key=lambda item: item[0])
    return Refusal(wait, scope)


def _read(conn: Connection, scope: Scope, subject: str, *, lock: bool = False) -> FailureCount | None:
    table = schema.sign_in_failures
    query = select(table).where(table.c.kind == scope.value, table.c.subject == subject)
    row = conn.execute(query.with_for_update() if lock else query).mappings().first()
    if row is None:
        return None
    values = dict(row)
    values["scope"] = Scope(values.pop("kind"))
    return FailureCount(**values)


def _count_failure(conn: Connection, scope: Scope, subject: str, policy: SignInPolicy, now: datetime) -> FailureCount:
    """The counter after this failure, with the row locked (inserted empty first when new)."""
    existing = _read(conn, scope, subject, lock=True)
    if existing is None:
        table = schema.sign_in_failures
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(table).values(
                        kind=scope.value, subject=subject, window_started_at=now, failures=0, last_failure_at=now
                    )
                )
        except IntegrityError:
            pass  # another process inserted it meanwhile: count on top of theirs
        existing = _read(conn, scope, subject, lock=True)
        assert existing is not None
        if existing.failures == 0:
            existing = None
    return after_failure(existing, scope, subject, policy, now)


def _store(conn: Connection, count: FailureCount) -> None:
    table = schema.sign_in_failures
    conn.execute(
        update(table)
        .where(table.c.kind == count.scope.value, table.c.subject == count.subject)
        .values(
            window_started_at=count.window_started_at,
            failures=count.failures,
            last_failure_at=count.last_failure_at,
            locked_until=count.locked_until,
            audit_id=count.audit_id,
        )
    )


def _audit_account(
    conn: Connection, count: FailureCount, address: str, policy: SignInPolicy, now: datetime
) -> FailureCount:
    """One line per name and window, rewritten with the running count: a flood of guesses is one line."""
    minutes = math.ceil(policy.lock.total_seconds() / 60)
    if count.locked_until is not None:
        summary = t("sign_in_failures_locked", count=count.failures, address=address, minutes=minutes)
    else:
        summary = t("sign_in_failures", count=count.failures, address=address)
    if count.audit_id is not None and count.failures > 1 and audit.rewrite(conn, count.audit_id, at=now, summary=summary):
        return count
    line_id = audit.write(
        conn, at=now, username=count.subject[:AUDIT_NAME_MAX] or EMPTY_NAME, action=FAILED_ACTION,
        entity=audit.USER, entity_id="", locality_id=None, summary=summary,
    )  # fmt: skip
    return replace(count, audit_id=line_id)


def _audit_address_lock(conn: Connection, count: FailureCount, policy: SignInPolicy, now: datetime) -> None:
    minutes = math.ceil(policy.lock.total_seconds() / 60)
    audit.write(
        conn, at=now, username=count.subject[:AUDIT_NAME_MAX], action=LOCKED_ACTION, entity=ADDRESS_ENTITY,
        entity_id=count.subject[:64], locality_id=None,
        summary=t("sign_in_address_locked", address=count.subject, count=count.failures, minutes=minutes),
    )  # fmt: skip


def _prune(conn: Connection, policy: SignInPolicy, now: datetime) -> None:
    """Counters that no longer apply (window passed, no lock in force) are deleted."""
    table = schema.sign_in_failures
    conn.execute(
        delete(table).where(
            table.c.last_failure_at < now - max(policy.window, policy.lock),
            or_(table.c.locked_until.is_(None), table.c.locked_until < now),
        )
    )


__all__ = [
    "FailureCount",
    "Limit",
    "Refusal",
    "Scope",
    "SignInGuard",
    "SignInPolicy",
    "after_failure",
    "delay_for",
    "wait_for",
    "wait_message",
]
