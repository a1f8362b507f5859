"""Sessions and sign-in limits through the real HTTP layer (Flask's test client, Dash callbacks).

A cookie copied before sign-out, before a password change or before a
deactivation must not write afterwards; sessions expire when idle and at their
absolute limit (the app's clock is moved, nobody sleeps); ten wrong passwords
lock the name, the right one is then refused with the time to wait, two app
instances on one database share the lock, and a flood of failures is one audit line.
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, pool

from dashboard.app import create_app
from dashboard.server.auth import SESSION_TOKEN
from dashboard.server.settings import Settings
from indicators.cli import main as indicators_cli
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store
from tests.conftest import Clock
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1"}
LOCALITIES = {"storebro", "tuna"}
COOKIE = "allas_session"


def seed_accounts(store: Store) -> GroupworkStore:
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    service.create_user(gw, admin, "storebro", PASSWORDS["storebro"], Role.EDITOR, "storebro",
                        known_localities=LOCALITIES)
    return gw


@pytest.fixture
def world(store, database_url, clock):
    gw = seed_accounts(store)
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store, clock=clock)
    return app, gw


def signed_in(app, who: str) -> DashClient:
    client = DashClient(app)
    response = client.sign_in(who, PASSWORDS[who])
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def activity_form(title: str) -> dict:
    return {
        "act-save.n_clicks": 1, "gw-locality.value": "storebro", "act-date.value": "2026-03-01",
        "act-kind.value": "meeting", "act-title.value": title, "act-participants.value": 12,
        "act-areas.value": ["motas"], "act-description.value": "", "act-editing.data": None, "gw-refresh.data": 0,
    }


def writes(client: DashClient, gw: GroupworkStore, title: str) -> bool:
    """Whether this client can still record an activity (the write is checked in the database)."""
    response = client.call("act-save.n_clicks", activity_form(title))
    assert response.status_code == 200
    return any(activity.title == title for activity in gw.activities())


def copy_of(client: DashClient, app) -> DashClient:
    """A second browser holding a copy of ``client``'s session cookie, as a thief would."""
    thief = DashClient(app)
    thief.client.set_cookie(COOKIE, client.client.get_cookie(COOKIE).value)
    thief.client.get("/")  # the CSRF cookie of that session, as any page load gives it
    return thief


def token_of(client: DashClient, app) -> str:
    serializer = app.server.session_interface.get_signing_serializer(app.server)
    return serializer.loads(client.client.get_cookie(COOKIE).value)[SESSION_TOKEN]


# ---------------------------------------------------------------- sign-out, password, deactivation


def test_a_cookie_saved_before_sign_out_cannot_write_after_it(world):
    app, gw = world
    editor = signed_in(app, "storebro")
    thief = copy_of(editor, app)
    assert writes(thief, gw, "Före utloggning")  # the copy works while the session lives
    response = editor.client.post("/logga-ut", data={"csrf_token": editor.csrf})
    assert response.status_code == 302
    assert not writes(thief, gw, "Efter utloggning")
    assert not writes(editor, gw, "Efter utloggning, samma webbläsare")


def test_the_session_cookie_holds_a_token_not_the_user_and_expires(world):
    app, _ = world
    editor = signed_in(app, "storebro")
    cookie = editor.client.get_cookie(COOKIE)
    session = app.server.session_interface.get_signing_serializer(app.server).loads(cookie.value)
    assert "user_id" not in session and len(session[SESSION_TOKEN]) >= 40
    assert cookie.expires is not None  # the browser drops it at the absolute limit too
    assert app.server.permanent_session_lifetime == timedelta(hours=12)


def test_a_password_set_by_an_admin_on_the_command_line_ends_the_editors_sessions(world, database_url, monkeypatch):
    app, gw = world
    laptop, phone = signed_in(app, "storebro"), signed_in(app, "storebro")
    monkeypatch.setattr("sys.stdin", io.StringIO("ett helt nytt lösenord\n"))
    assert indicators_cli(["set-password", "storebro", "--password-stdin", "--database-url", database_url]) == 0
    assert not writes(laptop, gw, "Laptop")
    assert not writes(phone, gw, "Telefon")
    assert signed_in_again(app, "storebro", "ett helt nytt lösenord")


def signed_in_again(app, who: str, password: str) -> bool:
    client = DashClient(app)
    return client.sign_in(who, password).status_code == 302


def test_changing_your_own_password_ends_your_other_sessions_only(world):
    app, gw = world
    here, elsewhere = signed_in(app, "storebro"), signed_in(app, "storebro")
    editor = gw.user_by_name("storebro")
    service.change_own_password(gw, editor, PASSWORDS["storebro"], "ett nytt långt lösenord",
                                keep_session=token_of(here, app))
    assert writes(here, gw, "Här")
    assert not writes(elsewhere, gw, "Någon annanstans")


def test_deactivation_ends_the_accounts_sessions(world):
    app, gw = world
    editor = signed_in(app, "storebro")
    admin = gw.user_by_name("admin")
    service.deactivate(gw, admin, gw.user_by_name("storebro").id)
    service.activate(gw, admin, gw.user_by_name("storebro").id)  # active again: the old session stays dead
    assert not writes(editor, gw, "Efter avstängning")


# ---------------------------------------------------------------- idle and absolute limits


def test_a_session_unused_for_the_idle_limit_is_a_visitor(world, clock):
    app, gw = world
    editor = signed_in(app, "storebro")
    clock.advance(hours=1, minutes=59)
    assert writes(editor, gw, "Efter nästan två timmar")
    clock.advance(hours=2)
    assert not writes(editor, gw, "Efter två timmar utan att göra något")


def test_a_session_in_use_ends_at_the_absolute_limit(world, clock):
    app, gw = world
    editor = signed_in(app, "storebro")
    for hour in range(11):
        clock.advance(hours=1)
        assert writes(editor, gw, f"Timme {hour + 1}")
    clock.advance(hours=1)
    assert not writes(editor, gw, "Timme 12")


def test_staff_shorten_the_idle_limit_on_the_staff_page_and_it_applies_at_once(world, clock):
    app, gw = world
    editor, admin = signed_in(app, "storebro"), signed_in(app, "admin")
    response = save_settings(admin, {"session_idle_minutes": 30})
    assert "Sparat" in json.dumps(response.get_json(), ensure_ascii=False)
    bad = save_settings(admin, {"session_idle_minutes": 1})
    assert "från 5 till 1440" in json.dumps(bad.get_json(), ensure_ascii=False)
    clock.advance(minutes=31)
    assert not writes(editor, gw, "Efter 31 minuter")
    refused = save_settings(signed_in(app, "storebro"), {"session_idle_minutes": 600})
    assert "behörighet" in json.dumps(refused.get_json(), ensure_ascii=False)
    assert "behörighet" in json.dumps(save_settings(admin, {"session_idle_minutes": 600}).get_json(),
                                      ensure_ascii=False)  # the admin's own session went idle too
    assert [line.summary for line in gw.audit() if line.entity == "settings"] == [
        "Ändrade inställningar: session_idle_minutes=30"]


def save_settings(client: DashClient, values: dict[str, int]):
    """The staff page's settings form as the renderer posts it (pattern-matched number fields)."""
    dependency = client.find("settings-save.n_clicks")
    ids = [{"type": "setting-input", "key": key} for key in values]
    body = {
        "output": dependency["output"],
        "outputs": [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
                    for part in dependency["output"].strip(".").split("...")],
        "inputs": [{"id": "settings-save", "property": "n_clicks", "value": 1}],
        "state": [[{"id": i, "property": "id", "value": i} for i in ids],
                  [{"id": i, "property": "value", "value": v} for i, v in zip(ids, values.values())],
                  {"id": "staff-refresh", "property": "data", "value": 0}],
        "changedPropIds": ["settings-save.n_clicks"],
    }
    return client.client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": client.csrf})


# ---------------------------------------------------------------- failed sign-ins


def sign_in_as(client: DashClient, name: str, password: str, address: str = "192.0.2.10"):
    return client.client.post("/logga-in", data={"username": name, "password": password, "csrf_token": client.csrf},
                              environ_base={"REMOTE_ADDR": address})


def fail_ten_times(apps: list, clock: Clock, name: str) -> None:
    """Ten wrong passwords, alternating between the apps, each as soon as the wait allows."""
    clients = [DashClient(app) for app in apps]
    for n in range(10):
        response = sign_in_as(clients[n % len(clients)], name, "fel-lösenord-123")
        assert response.status_code == 200
        assert "Fel användarnamn eller lösenord" in response.get_data(as_text=True)
        clock.advance(seconds=40)  # past every wait before the lock, inside the 15-minute window


def test_ten_wrong_passwords_lock_and_the_right_one_is_then_refused_with_the_wait(world, clock):
    app, gw = world
    fail_ten_times([app], clock, "storebro")
    client = DashClient(app)
    response = sign_in_as(client, "storebro", PASSWORDS["storebro"])
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "För många misslyckade inloggningar. Försök igen om 15 minuter." in page
    assert not writes(client, gw, "Under spärren")
    clock.advance(minutes=15)
    assert sign_in_as(DashClient(app), "storebro", PASSWORDS["storebro"]).status_code == 302


def test_a_locked_name_reads_the_same_whether_or_not_the_account_exists(world, clock):
    app, _ = world
    pages = []
    for name in ("storebro", "finns-inte"):
        fail_ten_times([app], clock, name)
        pages.append(sign_in_as(DashClient(app), name, "vad som helst-123"))
        clock.advance(minutes=15)
    assert [p.status_code for p in pages] == [429, 429]
    seen = [re.sub(r'name="csrf_token" value="[^"]*"', "", page.get_data(as_text=True)).replace(name, "X")
            for page, name in zip(pages, ("storebro", "finns-inte"))]
    assert seen[0] == seen[1]  # only the name typed and the form's own token differ


def test_fifty_wrong_passwords_are_one_audit_line(world, clock):
    app, gw = world
    client = DashClient(app)
    statuses = []
    for _ in range(50):
        statuses.append(sign_in_as(client, "storebro", "fel-lösenord-123").status_code)
        clock.advance(seconds=1)
    assert statuses.count(200) < 10 and 429 in statuses  # refused at once, not slept on
    lines = [line for line in gw.audit(limit=500) if line.action.startswith("sign-in")]
    assert len(lines) == 1
    assert lines[0].summary.startswith("Misslyckade inloggningar: ")


def test_a_trusted_proxys_forwarded_address_is_the_one_counted(store, database_url, clock, monkeypatch):
    seed_accounts(store)
    monkeypatch.setenv("ALLAS_TRUSTED_PROXIES", "1")
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store, clock=clock)
    client = DashClient(app)
    for n in range(50):  # fifty names from one client behind the proxy
        client.client.post("/logga-in", data={"username": f"namn{n}", "password": "x" * 12,
                                              "csrf_token": client.csrf},
                           headers={"X-Forwarded-For": "203.0.113.5"}, environ_base={"REMOTE_ADDR": "10.0.0.1"})
        clock.advance(seconds=61)
    blocked = client.client.post("/logga-in", data={"username": "storebro", "password": PASSWORDS["storebro"],
                                                    "csrf_token": client.csrf},
                                 headers={"X-Forwarded-For": "203.0.113.5"}, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    other = client.client.post("/logga-in", data={"username": "storebro", "password": PASSWORDS["storebro"],
                                                  "csrf_token": client.csrf},
                               headers={"X-Forwarded-For": "203.0.113.9"}, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert (blocked.status_code, other.status_code) == (429, 302)


def test_an_untrusted_proxy_setting_is_refused_at_start(store, database_url, monkeypatch):
    monkeypatch.setenv("ALLAS_TRUSTED_PROXIES", "alla")
    with pytest.raises(ValueError, match="ALLAS_TRUSTED_PROXIES"):
        create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)


# ---------------------------------------------------------------- two app instances, one database


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path: Path) -> str:
    """One database on each backend (PostgreSQL from TEST_POSTGRES_URL, as in tests/indicators)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/shared.sqlite"
    url = os.environ.get("TEST_POSTGRES_URL", "").strip()
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("TEST_POSTGRES_URL is not set: run scripts/test.sh, which starts PostgreSQL")
        pytest.skip("TEST_POSTGRES_URL is not set: run scripts/test.sh, which starts PostgreSQL")
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                             "current_database() AND usename = current_user AND pid <> pg_backend_pid()")
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


def test_two_app_instances_on_one_database_share_the_lock_and_the_sessions(shared_url, clock):
    stores = [Store.open(shared_url), Store.open(shared_url)]  # two engines: as two worker processes
    try:
        gw = seed_accounts(stores[0])
        apps = [create_app(Settings(database_url=shared_url, secret_key="test-secret"), store=s, clock=clock)
                for s in stores]
        fail_ten_times(apps, clock, "storebro")  # five failures on each
        for app in apps:
            assert sign_in_as(DashClient(app), "storebro", PASSWORDS["storebro"]).status_code == 429
        clock.advance(minutes=15)
        editor = signed_in(apps[0], "storebro")
        moved = DashClient(apps[1])
        moved.client.set_cookie(COOKIE, editor.client.get_cookie(COOKIE).value)
        moved.client.get("/")
        assert writes(moved, gw, "Via den andra servern")
        editor.client.post("/logga-ut", data={"csrf_token": editor.csrf})
        assert not writes(moved, gw, "Efter utloggning på den första")
    finally:
        for s in stores:
            s.dispose()
