"""Failed sign-ins slow down and then lock, per name and per address, with the counters in the
database (SQLite and PostgreSQL), a clock the tests move, and one audit line per flood."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from indicators.accounts.sign_in_limits import (
    FailureCount,
    Limit,
    Scope,
    SignInGuard,
    SignInPolicy,
    after_failure,
    delay_for,
    wait_for,
    wait_message,
)
from indicators.groupwork.store import GroupworkStore
from indicators.storage import schema
from indicators.storage.app_settings import AppSettings
from indicators.storage.store import Store
from tests.conftest import CLOCK_START, Clock

START = CLOCK_START
NAIVE_START = START.replace(tzinfo=None)
POLICY = SignInPolicy.from_settings(AppSettings.defaults())
HOME, OFFICE = "192.0.2.10", "198.51.100.7"


@pytest.fixture
def guard(backend_store, clock) -> SignInGuard:
    return SignInGuard(backend_store.engine, clock=clock)


def fail_until_locked(guard: SignInGuard, clock: Clock, name: str, address: str, times: int) -> None:
    """``times`` real failures, each made as soon as the rules allow (the clock waits, not the test)."""
    for _ in range(times):
        refusal = guard.check(name, address)
        if refusal is not None:
            clock.advance(seconds=refusal.seconds)
        assert guard.check(name, address) is None
        guard.failed(name, address)


def audit_lines(store: Store, action: str) -> list:
    return [line for line in GroupworkStore(store).audit(limit=1000) if line.action == action]


# ---------------------------------------------------------------- the rules, as plain functions


def test_the_defaults_are_five_to_slow_down_ten_to_lock_for_fifteen_minutes():
    assert POLICY.account == Limit(delay_after=5, lock_after=10)
    assert POLICY.address == Limit(delay_after=20, lock_after=50)
    assert (POLICY.window, POLICY.lock, POLICY.first_delay) == (
        timedelta(minutes=15), timedelta(minutes=15), timedelta(seconds=2))


def test_the_wait_doubles_from_the_fifth_failure_up_to_a_minute():
    waits = [delay_for(n, POLICY.account, POLICY).total_seconds() for n in range(1, 10)]
    assert waits == [0, 0, 0, 0, 2, 4, 8, 16, 32]
    assert delay_for(11, POLICY.account, POLICY) == delay_for(400, POLICY.account, POLICY) == timedelta(minutes=1)


def test_the_tenth_failure_locks_for_the_lock_time():
    count = None
    for minute in range(10):
        count = after_failure(count, Scope.ACCOUNT, "anna", POLICY, NAIVE_START + timedelta(minutes=minute))
    assert count.failures == 10
    assert count.locked_until == NAIVE_START + timedelta(minutes=9 + 15)
    assert wait_for(count, POLICY, NAIVE_START + timedelta(minutes=10)) == timedelta(minutes=14)


def test_a_quiet_window_or_an_ended_lock_starts_the_count_again():
    count = FailureCount(Scope.ACCOUNT, "anna", NAIVE_START, 7, NAIVE_START + timedelta(minutes=1))
    assert after_failure(count, Scope.ACCOUNT, "anna", POLICY, NAIVE_START + POLICY.window).failures == 8
    later = count.last_failure_at + POLICY.window
    assert wait_for(count, POLICY, later) == timedelta(0)
    assert after_failure(count, Scope.ACCOUNT, "anna", POLICY, later).failures == 1
    locked = FailureCount(Scope.ACCOUNT, "anna", NAIVE_START, 10, NAIVE_START, NAIVE_START + POLICY.lock)
    assert after_failure(locked, Scope.ACCOUNT, "anna", POLICY, NAIVE_START + POLICY.lock).failures == 1


def test_the_wait_message_says_how_long_in_swedish_and_english():
    message = wait_message(timedelta(minutes=13, seconds=1))
    assert message == "För många misslyckade inloggningar. Försök igen om 14 minuter."
    assert message.render("en") == "Too many failed sign-ins. Try again in 14 minutes."
    assert wait_message(timedelta(seconds=1.5)) == "För många misslyckade inloggningar. Försök igen om 2 sekunder."
    assert wait_message(timedelta(milliseconds=10)).endswith("om 1 sekund.")
    assert wait_message(timedelta(seconds=60)).endswith("om 1 minut.")


# ---------------------------------------------------------------- in the database


def test_ten_failures_lock_the_name_for_fifteen_minutes(guard, clock):
    fail_until_locked(guard, clock, "anna", HOME, 10)
    refusal = guard.check("anna", HOME)
    assert refusal is not None and refusal.scope is Scope.ACCOUNT
    assert refusal.message == "För många misslyckade inloggningar. Försök igen om 15 minuter."
    assert guard.check("Anna ", OFFICE) is not None  # the name as accounts match it, from anywhere
    assert guard.check("bertil", HOME) is None  # the address is not locked by one name's failures
    clock.advance(minutes=15)
    assert guard.check("anna", HOME) is None


def test_from_the_fifth_failure_an_early_attempt_is_refused_with_the_wait(guard, clock):
    for _ in range(4):
        guard.failed("anna", HOME)
        assert guard.check("anna", HOME) is None
    refusal = guard.failed("anna", HOME)
    assert refusal is not None and refusal.wait == timedelta(seconds=2)
    assert guard.check("anna", HOME).wait == timedelta(seconds=2)
    clock.advance(seconds=2)
    assert guard.check("anna", HOME) is None


def test_a_name_that_does_not_exist_is_counted_and_locked_the_same_way(guard, clock, backend_store):
    fail_until_locked(guard, clock, "finns-inte", HOME, 10)
    assert guard.check("finns-inte", HOME).message == guard.check("finns-inte", HOME).message
    assert guard.count(Scope.ACCOUNT, "finns-inte").failures == 10


def test_success_clears_the_names_count_but_not_the_addresss(guard, clock):
    fail_until_locked(guard, clock, "anna", HOME, 4)
    guard.succeeded("anna")
    assert guard.count(Scope.ACCOUNT, "anna") is None
    assert guard.count(Scope.ADDRESS, HOME).failures == 4


def test_an_address_guessing_many_names_is_locked_and_others_are_not(guard, clock, backend_store):
    for n in range(50):
        refusal = guard.check(f"namn{n}", HOME)
        if refusal is not None:
            clock.advance(seconds=refusal.seconds)
        guard.failed(f"namn{n}", HOME)
        clock.advance(seconds=5)  # stays inside the 15-minute window
    refusal = guard.check("anna", HOME)
    assert refusal is not None and refusal.scope is Scope.ADDRESS
    assert guard.check("anna", OFFICE) is None
    [line] = audit_lines(backend_store, "sign-in-locked")
    assert line.summary == f"Adressen {HOME} spärrad i 15 minuter efter 50 misslyckade inloggningar"


def test_a_flood_of_failures_is_one_audit_line_with_its_count(guard, clock, backend_store):
    fail_until_locked(guard, clock, "anna", HOME, 10)
    for _ in range(40):  # refused while locked: nothing is written at all
        assert guard.check("anna", HOME) is not None
    [line] = audit_lines(backend_store, "sign-in-failed")
    assert line.username == "anna"
    assert line.summary == f"Misslyckade inloggningar: 10 (senast från {HOME}); namnet spärrat i 15 minuter"
    assert line.render("en") == f"Failed sign-ins: 10 (last from {HOME}); name locked for 15 minutes"
    clock.advance(minutes=15)  # a new window after the lock: a new line
    guard.failed("anna", HOME)
    assert [line.summary for line in audit_lines(backend_store, "sign-in-failed")][0] == (
        f"Misslyckade inloggningar: 1 (senast från {HOME})")


def test_counters_that_no_longer_apply_are_pruned(guard, clock, backend_store):
    guard.failed("anna", HOME)
    clock.advance(minutes=16)
    guard.failed("bertil", OFFICE)
    with backend_store.engine.connect() as conn:
        subjects = set(conn.execute(select(schema.sign_in_failures.c.subject)).scalars())
    assert subjects == {"bertil", OFFICE}


def test_the_numbers_come_from_the_settings_table(backend_store, clock):
    from indicators.groupwork import service
    from indicators.storage.app_settings import change_settings

    admin = service.bootstrap_admin(GroupworkStore(backend_store), "admin", "admin-lösenord-1")
    change_settings(backend_store.engine, admin, {"sign_in_delay_after": 2, "sign_in_lock_after": 3,
                                                  "sign_in_lock_minutes": 60})
    guard = SignInGuard(backend_store.engine, clock=clock)
    fail_until_locked(guard, clock, "anna", HOME, 3)
    assert guard.check("anna", HOME).message.endswith("om 60 minuter.")


def test_parallel_failures_from_several_connections_are_each_counted(backend_url, clock):
    """Separate engines stand for separate worker processes: the row lock serialises their counts."""
    stores = [Store.open(backend_url) for _ in range(4)]
    generous = SignInPolicy(timedelta(minutes=15), timedelta(minutes=15), timedelta(seconds=1),
                            Limit(1000, 1000), Limit(1000, 1000))
    guards = [SignInGuard(store.engine, clock=clock, policy=lambda: generous) for store in stores]
    errors: list[BaseException] = []

    def guess(guard: SignInGuard) -> None:
        try:
            for _ in range(10):
                guard.failed("anna", HOME)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=guess, args=(guard,)) for guard in guards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert guards[0].count(Scope.ACCOUNT, "anna").failures == 40
        assert guards[0].count(Scope.ADDRESS, HOME).failures == 40
        [line] = audit_lines(stores[0], "sign-in-failed")
        assert line.summary.startswith("Misslyckade inloggningar: 40 ")
    finally:
        for store in stores:
            store.dispose()
