"""A read memo (one per web request) reads the version numbers and settings once, and reads them
anew after anything the same request writes; outside a memo every call reads the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from indicators.groupwork.store import GroupworkStore
from indicators.storage import schema
from indicators.storage.app_settings import example_data_on
from indicators.storage.read_memo import read_memo, remembered
from indicators.storage.store import write_transaction


def bump_behind_the_stores_back(store) -> None:
    """Another process's write: it commits without this process knowing."""
    with store.engine.begin() as conn:
        conn.execute(update(schema.data_version).values(version=schema.data_version.c.version + 1))


def test_inside_a_memo_the_data_version_is_read_once(store):
    before = store.data_version()
    with read_memo():
        assert store.data_version() == before
        bump_behind_the_stores_back(store)
        assert store.data_version() == before  # remembered: the request keeps one version
    assert store.data_version() == before + 1  # outside a memo: read anew


def test_outside_a_memo_every_call_reads_the_database(store):
    before = store.data_version()
    bump_behind_the_stores_back(store)
    assert store.data_version() == before + 1


def test_a_write_in_the_request_is_read_back(store):
    with read_memo():
        before = store.data_version()
        with write_transaction(store.engine) as conn:
            conn.execute(update(schema.data_version).values(version=schema.data_version.c.version + 1))
        assert store.data_version() == before + 1


def test_a_write_that_fails_still_forgets_what_was_remembered(store):
    with read_memo():
        before = store.data_version()
        bump_behind_the_stores_back(store)
        try:
            with write_transaction(store.engine):
                raise RuntimeError("refused halfway")
        except RuntimeError:
            pass
        assert store.data_version() == before + 1


def test_group_work_changes_and_settings_are_remembered_and_forgotten_the_same_way(store):
    gw = GroupworkStore(store)
    with read_memo():
        change = gw.last_change()
        assert example_data_on(store.engine) is True
        with store.engine.begin() as conn:  # behind the memo's back
            conn.execute(schema.app_settings.insert().values(key="example_data", value="off",
                                                            updated_at=datetime(2026, 12, 7), updated_by="admin"))
        assert example_data_on(store.engine) is True
        gw.log_event(username="admin", action="sign-in", entity="user")  # a write through the store
        assert gw.last_change() > change
        assert example_data_on(store.engine) is False


def test_remembered_reads_once_per_key_inside_a_memo_only():
    calls: list[str] = []

    def read() -> int:
        calls.append("read")
        return len(calls)

    assert remembered("k", read) == 1 and remembered("k", read) == 2
    with read_memo():
        assert remembered("k", read) == 3 and remembered("k", read) == 3
        assert remembered("other", read) == 4
    assert len(calls) == 4
