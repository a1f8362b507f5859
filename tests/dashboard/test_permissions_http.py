"""The permission matrix through the real HTTP layer: role × action × own/other locality.

Each case signs in (or not) with a real session, sends the same request the
browser's Dash renderer would, and then checks the database: a refused write
must leave nothing behind, whatever the request claimed.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard.app import create_app
from dashboard.server.settings import Settings
from indicators.groupwork import service
from indicators.groupwork.records import Activity, ActivityKind, Role
from indicators.groupwork.store import GroupworkStore
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1", "tuna": "tuna-lösenord-1",
             "inactive": "inaktiv-lösen-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}


@pytest.fixture
def world(store, database_url):
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    service.create_user(gw, admin, "storebro", PASSWORDS["storebro"], Role.EDITOR, "storebro",
                        known_localities=LOCALITIES)
    service.create_user(gw, admin, "tuna", PASSWORDS["tuna"], Role.EDITOR, "tuna", known_localities=LOCALITIES)
    inactive = service.create_user(gw, admin, "inactive", PASSWORDS["inactive"], Role.EDITOR, "storebro",
                                   known_localities=LOCALITIES)
    service.deactivate(gw, admin, inactive.id)
    tuna_activity = service.save_activity(
        gw, admin, Activity("tuna", date(2026, 3, 1), ActivityKind.MEETING, "Tunas möte", 9),
        known_localities=LOCALITIES)
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    return app, gw, tuna_activity


def shown(response) -> str:
    """What a callback response would put on screen, as readable text."""
    return json.dumps(response.get_json(), ensure_ascii=False)


def client_as(app, who: str | None) -> DashClient:
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def activity_form(locality: str, title: str, editing: dict | None = None) -> dict:
    return {
        "act-save.n_clicks": 1, "gw-locality.value": locality, "act-date.value": "2026-05-01",
        "act-kind.value": "meeting", "act-title.value": title, "act-participants.value": 12,
        "act-areas.value": ["motas"], "act-description.value": "", "act-editing.data": editing,
        "gw-refresh.data": 0,
    }


@pytest.mark.parametrize(
    ("who", "locality", "allowed"),
    [
        (None, "storebro", False),
        ("storebro", "storebro", True),
        ("storebro", "tuna", False),
        ("tuna", "storebro", False),
        ("inactive", "storebro", False),
        ("admin", "storebro", True),
        ("admin", "tuna", True),
    ],
)
def test_creating_an_activity(world, who, locality, allowed):
    app, gw, _ = world
    before = len(gw.activities(locality_ids=[locality]))
    response = client_as(app, who).call("act-save.n_clicks", activity_form(locality, f"Möte av {who}"))
    assert response.status_code == 200
    after = gw.activities(locality_ids=[locality])
    assert len(after) == before + (1 if allowed else 0)
    if not allowed:
        assert "behörighet" in shown(response)


def test_an_editor_cannot_rewrite_another_localitys_record_by_forging_the_locality(world):
    app, gw, tuna_activity = world
    editing = {"id": tuna_activity.id, "version": tuna_activity.version}
    response = client_as(app, "storebro").call("act-save.n_clicks", activity_form("storebro", "Kapad", editing))
    assert "behörighet" in shown(response)
    stored = gw.activity(tuna_activity.id)
    assert (stored.locality_id, stored.title, stored.version) == ("tuna", "Tunas möte", tuna_activity.version)


@pytest.mark.parametrize(("who", "allowed"), [(None, False), ("storebro", False), ("tuna", True), ("admin", True)])
def test_deleting_tunas_activity(world, who, allowed):
    app, gw, tuna_activity = world
    button = {"type": "delete-activity", "id": tuna_activity.id, "version": tuna_activity.version}
    response = _delete(client_as(app, who), button)
    assert response.status_code == 200
    assert (gw.activity(tuna_activity.id) is None) is allowed


def _delete(client: DashClient, button: dict):
    """The delete callback, fired by one pattern-matched button as the renderer sends it."""
    for dependency in client.dependencies():
        if any(item["id"].startswith("{") and "delete-activity" in item["id"] for item in dependency["inputs"]):
            break
    body = {
        "output": dependency["output"],
        "outputs": [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
                    for part in dependency["output"].strip(".").split("...")],
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}], []],
        "state": [{"id": "gw-refresh", "property": "data", "value": 0}],
        "changedPropIds": [json.dumps(button, separators=(",", ":"), sort_keys=True) + ".n_clicks"],
    }
    return client.client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": client.csrf})


def test_a_callback_without_the_csrf_token_is_refused_and_changes_nothing(world):
    app, gw, _ = world
    client = client_as(app, "storebro")
    before = len(gw.activities())
    response = client.call("act-save.n_clicks", activity_form("storebro", "Utan token"), csrf=False)
    assert response.status_code == 403
    assert len(gw.activities()) == before


def test_signing_in_with_a_wrong_password_does_not_sign_in(world):
    app, gw, _ = world
    client = DashClient(app)
    response = client.sign_in("storebro", "fel-lösenord-123")
    assert response.status_code == 200 and "Fel användarnamn eller lösenord" in response.get_data(as_text=True)
    assert "behörighet" in shown(client.call("act-save.n_clicks", activity_form("storebro", "x")))


def test_a_sign_in_form_without_csrf_token_is_refused(world):
    app, _, _ = world
    client = DashClient(app)
    response = client.client.post("/logga-in", data={"username": "admin", "password": PASSWORDS["admin"]})
    assert response.status_code == 403


@pytest.mark.parametrize(("who", "allowed"), [(None, False), ("storebro", False), ("admin", True)])
def test_only_staff_record_strategic_meetings(world, who, allowed):
    app, gw, _ = world
    values = {"meeting-save.n_clicks": 1, "meeting-date.value": "2017-02-09", "meeting-title.value": "Strategiskt möte",
              "meeting-participants.value": 230, "meeting-themes.value": "SLUS, Allas Vimmerby",
              "meeting-notes.value": "", "staff-refresh.data": 0}
    client_as(app, who).call("meeting-save.n_clicks", values)
    assert (len(gw.meetings()) == 1) is allowed


def test_a_second_tab_saving_an_old_version_is_refused(world):
    app, gw, tuna_activity = world
    editing = {"id": tuna_activity.id, "version": tuna_activity.version}
    first_tab = client_as(app, "tuna")
    second_tab = client_as(app, "tuna")
    first = first_tab.call("act-save.n_clicks", {**activity_form("tuna", "Nyare rubrik"), "act-editing.data": editing})
    assert "Sparat" in shown(first)
    second = second_tab.call("act-save.n_clicks", {**activity_form("tuna", "Äldre rubrik"),
                                                    "act-editing.data": editing})
    assert "ladda om" in shown(second).lower()
    assert gw.activity(tuna_activity.id).title == "Nyare rubrik"
