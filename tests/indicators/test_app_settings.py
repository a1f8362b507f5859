"""Settings in the database (SQLite and PostgreSQL): defaults, validation with the bounds in the
message, staff-only writes with an audit line, and a bad stored value that never stops the app."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from indicators.core.errors import InputError
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.storage import schema
from indicators.storage.app_settings import (
    SESSION_IDLE_MINUTES,
    SIGN_IN_LOCK_AFTER,
    AppSettings,
    change_settings,
    read_settings,
    settings_problems,
)


@pytest.fixture
def people(backend_store):
    gw = GroupworkStore(backend_store)
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    editor = service.create_user(gw, admin, "anna", "annas-lösenord-1", Role.EDITOR, "storebro",
                                 known_localities={"storebro"})
    return gw, admin, editor


def stored(store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(schema.app_settings.c.key, schema.app_settings.c.value)).all())


def test_an_empty_table_means_every_default(backend_store):
    settings = read_settings(backend_store.engine)
    assert settings.get(SESSION_IDLE_MINUTES) == 120
    assert settings.get(SIGN_IN_LOCK_AFTER) == 10


def test_staff_change_a_setting_and_the_audit_log_says_what(backend_store, people):
    gw, admin, _ = people
    after = change_settings(backend_store.engine, admin, {"session_idle_minutes": "30", "sign_in_lock_after": 10})
    assert after.get(SESSION_IDLE_MINUTES) == 30
    assert read_settings(backend_store.engine).get(SESSION_IDLE_MINUTES) == 30
    assert stored(backend_store) == {"session_idle_minutes": "30"}  # an unchanged value is not written
    line = gw.audit(limit=1)[0]
    assert (line.username, line.action, line.entity) == ("admin", "update", "settings")
    assert line.summary == "Ändrade inställningar: session_idle_minutes=30"
    assert line.render("en") == "Changed settings: session_idle_minutes=30"


@pytest.mark.parametrize("who", [None, "editor"])
def test_anyone_but_staff_is_refused_and_nothing_is_written(backend_store, people, who):
    gw, _, editor = people
    before = len(gw.audit())
    with pytest.raises(service.PermissionDenied):
        change_settings(backend_store.engine, editor if who else None, {"session_idle_minutes": 30})
    assert stored(backend_store) == {} and len(gw.audit()) == before


def test_bad_values_are_all_refused_with_their_bounds_and_nothing_is_written(backend_store, people):
    _, admin, _ = people
    with pytest.raises(InputError) as refused:
        change_settings(backend_store.engine, admin, {"session_idle_minutes": "2", "session_absolute_hours": "tolv",
                                                      "sign_in_lock_minutes": 30, "nosuch": 1})
    messages = [str(problem.message) for problem in refused.value.problems]
    assert "Utloggning efter så här lång inaktivitet (minuter) måste vara ett heltal från 5 till 1440." in messages
    assert any("från 1 till 168" in message for message in messages)
    assert "Okänd inställning ”nosuch”." in messages
    assert stored(backend_store) == {}


def test_a_lock_below_the_delay_is_refused():
    problems = settings_problems({"sign_in_lock_after": 3}, AppSettings.defaults())
    assert [p.field for p in problems] == ["sign_in_lock_after"]
    assert settings_problems({"sign_in_lock_after": 3, "sign_in_delay_after": 3}) == []
    assert settings_problems({"session_idle_minutes": True}) != []  # a boolean is not a number


def test_a_stored_value_that_no_longer_validates_falls_back_to_its_default(backend_store):
    from datetime import datetime

    with backend_store.engine.begin() as conn:
        conn.execute(insert(schema.app_settings).values(key="session_idle_minutes", value="ett år",
                                                        updated_at=datetime(2026, 1, 1), updated_by="x"))
        conn.execute(insert(schema.app_settings).values(key="from_a_newer_app", value="1",
                                                        updated_at=datetime(2026, 1, 1), updated_by="x"))
    assert read_settings(backend_store.engine).get(SESSION_IDLE_MINUTES) == 120


def test_example_data_is_on_until_staff_switch_it_off_with_an_audit_line(backend_store, people):
    from indicators.storage.app_settings import EXAMPLE_DATA, example_data_on

    gw, admin, editor = people
    assert example_data_on(backend_store.engine) is True
    after = change_settings(backend_store.engine, admin, {"example_data": "off"})
    assert after.get(EXAMPLE_DATA) is False and example_data_on(backend_store.engine) is False
    assert stored(backend_store)["example_data"] == "off"
    assert "example_data=off" in str(gw.audit(limit=1)[0].summary)
    with pytest.raises(InputError):
        change_settings(backend_store.engine, admin, {"example_data": "maybe"})
    from indicators.accounts.gate import PermissionDenied

    with pytest.raises(PermissionDenied):
        change_settings(backend_store.engine, editor, {"example_data": "on"})
    assert example_data_on(backend_store.engine) is False
