"""Server-side sessions on SQLite and PostgreSQL: they end on sign-out, on a new password, on
deactivation, when idle and at their absolute limit, with a clock the tests move (no sleeping)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from indicators.accounts.sessions import (
    TOUCH_INTERVAL,
    EndReason,
    SessionLimits,
    SessionRecord,
    SessionStore,
    end_reason,
    live_sessions,
    needs_touch,
)
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.storage import schema
from indicators.storage.app_settings import AppSettings
from tests.conftest import CLOCK_START

START = CLOCK_START
LIMITS = SessionLimits(idle=timedelta(hours=2), absolute=timedelta(hours=12))
LOCALITIES = {"storebro", "tuna"}


@pytest.fixture
def accounts(backend_store):
    """An admin and a Storebro editor on each backend."""
    gw = GroupworkStore(backend_store)
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    anna = service.create_user(gw, admin, "anna", "annas-lösenord-1", Role.EDITOR, "storebro",
                               known_localities=LOCALITIES)
    return gw, admin, anna


@pytest.fixture
def sessions(backend_store, clock) -> SessionStore:
    return SessionStore(backend_store.engine, clock=clock)


def row(store, token: str) -> SessionRecord:
    with store.engine.connect() as conn:
        found = conn.execute(select(schema.sessions).where(schema.sessions.c.id == hashlib.sha256(
            token.encode()).hexdigest())).mappings().one()
    return SessionRecord(**found)


# ---------------------------------------------------------------- the rules, as plain functions


def _record(created: datetime, last_seen: datetime, ended: datetime | None = None) -> SessionRecord:
    naive = lambda moment: moment.replace(tzinfo=None)  # noqa: E731
    return SessionRecord("x" * 64, 1, naive(created), naive(last_seen), naive(ended) if ended else None,
                         EndReason.SIGNED_OUT.value if ended else None)


def test_a_session_lives_until_idle_for_the_idle_limit():
    record = _record(START, START)
    assert end_reason(record, START + timedelta(hours=1, minutes=59), LIMITS) is None
    assert end_reason(record, START + timedelta(hours=2), LIMITS) is EndReason.IDLE


def test_a_busy_session_still_ends_at_the_absolute_limit():
    record = _record(START, START + timedelta(hours=11, minutes=59))
    assert end_reason(record, START + timedelta(hours=11, minutes=59, seconds=30), LIMITS) is None
    assert end_reason(record, START + timedelta(hours=12), LIMITS) is EndReason.EXPIRED


def test_an_ended_session_stays_ended_whatever_the_time():
    record = _record(START, START, ended=START + timedelta(minutes=1))
    assert end_reason(record, START + timedelta(minutes=2), LIMITS) is EndReason.SIGNED_OUT


def test_last_seen_is_written_at_most_once_a_minute():
    record = _record(START, START)
    assert not needs_touch(record, START + TOUCH_INTERVAL - timedelta(seconds=1))
    assert needs_touch(record, START + TOUCH_INTERVAL)


def test_limits_come_from_the_settings_with_defaults_of_two_and_twelve_hours():
    assert SessionLimits.from_settings(AppSettings.defaults()) == LIMITS
    custom = AppSettings({"session_idle_minutes": 30, "session_absolute_hours": 8})
    assert SessionLimits.from_settings(custom) == SessionLimits(timedelta(minutes=30), timedelta(hours=8))


# ---------------------------------------------------------------- in the database


def test_only_the_tokens_hash_is_stored(backend_store, sessions, accounts):
    _, _, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    with backend_store.engine.connect() as conn:
        stored = [tuple(r) for r in conn.execute(select(schema.sessions))]
    assert len(stored) == 1
    assert token not in repr(stored)
    assert stored[0][0] == hashlib.sha256(token.encode()).hexdigest()
    assert sessions.resume(token, LIMITS) == anna.id


def test_sign_out_ends_the_session_on_the_server(backend_store, sessions, accounts):
    _, _, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    sessions.end(token)
    assert sessions.resume(token, LIMITS) is None
    assert row(backend_store, token).end_reason == EndReason.SIGNED_OUT.value


def test_an_unknown_or_malformed_token_is_a_visitor(sessions, accounts):
    assert sessions.resume("no-such-token", LIMITS) is None
    assert sessions.resume("x" * 10_000, LIMITS) is None
    assert sessions.resume(12345, LIMITS) is None
    assert sessions.resume(None, LIMITS) is None


def test_an_idle_session_ends_and_stays_ended(backend_store, sessions, clock, accounts):
    _, _, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    clock.advance(hours=1, minutes=59)
    assert sessions.resume(token, LIMITS) == anna.id  # used: the idle time starts again
    clock.advance(hours=1, minutes=59)
    assert sessions.resume(token, LIMITS) == anna.id
    clock.advance(hours=2)
    assert sessions.resume(token, LIMITS) is None
    assert row(backend_store, token).end_reason == EndReason.IDLE.value
    clock.advance(hours=-3)  # even a clock set back does not bring it back
    assert sessions.resume(token, LIMITS) is None


def test_a_session_used_all_day_ends_at_the_absolute_limit(backend_store, sessions, clock, accounts):
    _, _, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    for _ in range(23):
        clock.advance(minutes=30)
        assert sessions.resume(token, LIMITS) == anna.id
    clock.advance(minutes=30)  # 12 hours after sign-in
    assert sessions.resume(token, LIMITS) is None
    assert row(backend_store, token).end_reason == EndReason.EXPIRED.value


def test_last_seen_is_not_written_on_every_request(backend_store, sessions, clock, accounts):
    _, _, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    first = row(backend_store, token).last_seen_at
    clock.advance(seconds=30)
    sessions.resume(token, LIMITS)
    assert row(backend_store, token).last_seen_at == first
    clock.advance(seconds=31)
    sessions.resume(token, LIMITS)
    assert row(backend_store, token).last_seen_at == first + timedelta(seconds=61)


def test_a_new_password_ends_every_session_of_that_account(backend_store, sessions, accounts):
    gw, admin, anna = accounts
    tokens = [sessions.start(anna.id, LIMITS) for _ in range(2)]
    admins = sessions.start(admin.id, LIMITS)
    service.set_password(gw, admin, anna.id, "ett helt nytt lösenord")
    assert [sessions.resume(token, LIMITS) for token in tokens] == [None, None]
    assert {row(backend_store, token).end_reason for token in tokens} == {EndReason.PASSWORD.value}
    assert sessions.resume(admins, LIMITS) == admin.id  # other accounts are not touched


def test_changing_your_own_password_keeps_the_session_you_changed_it_in(backend_store, sessions, accounts):
    gw, _, anna = accounts
    here, elsewhere = sessions.start(anna.id, LIMITS), sessions.start(anna.id, LIMITS)
    service.change_own_password(gw, anna, "annas-lösenord-1", "annas nya lösenord", keep_session=here)
    assert sessions.resume(here, LIMITS) == anna.id
    assert sessions.resume(elsewhere, LIMITS) is None


def test_deactivation_ends_every_session_and_other_changes_end_none(backend_store, sessions, accounts):
    gw, admin, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    service.set_role(gw, admin, anna.id, Role.EDITOR, "tuna", known_localities=LOCALITIES)
    assert sessions.resume(token, LIMITS) == anna.id
    service.deactivate(gw, admin, anna.id)
    assert sessions.resume(token, LIMITS) is None
    assert row(backend_store, token).end_reason == EndReason.DEACTIVATED.value
    with backend_store.engine.connect() as conn:
        assert live_sessions(conn, anna.id) == []


def test_a_refused_password_change_ends_no_session(backend_store, sessions, accounts):
    gw, admin, anna = accounts
    token = sessions.start(anna.id, LIMITS)
    with pytest.raises(Exception):
        service.set_password(gw, admin, anna.id, "kort")
    with pytest.raises(service.PermissionDenied):
        service.set_password(gw, anna, anna.id, "ett helt nytt lösenord")
    assert sessions.resume(token, LIMITS) == anna.id


def test_dead_sessions_are_pruned_when_someone_signs_in(backend_store, sessions, clock, accounts):
    _, admin, anna = accounts
    ended, idle = sessions.start(anna.id, LIMITS), sessions.start(anna.id, LIMITS)
    sessions.end(ended)
    clock.advance(days=2)
    sessions.start(admin.id, LIMITS)
    with backend_store.engine.connect() as conn:
        users = conn.execute(select(schema.sessions.c.user_id)).scalars().all()
    assert users == [admin.id]
    assert sessions.find(idle) is None
