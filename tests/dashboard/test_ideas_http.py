"""Residents' ideas through the real HTTP layer: anyone may send, only the locality's editors and
staff moderate (whatever the request claims), the limit per address holds, the honeypot stores
nothing, the contact never reaches a public answer, and typed template syntax comes back as typed."""

from __future__ import annotations

import json

import pytest

from dashboard.app import create_app
from dashboard.ids_ideas import IDEA_MODERATE, IDEA_SUPPORT
from dashboard.server.settings import Settings
from indicators.groupwork import service as gw_service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.records import IdeaStatus
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1", "tuna": "tuna-lösenord-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}
CONTACT = "anna.andersson@example.se"


@pytest.fixture
def world(store, database_url):
    gw = GroupworkStore(store)
    admin = gw_service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    for name in ("storebro", "tuna"):
        gw_service.create_user(gw, admin, name, PASSWORDS[name], Role.EDITOR, name, known_localities=LOCALITIES)
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    return app, app.server.extensions["allas_ideas"], gw


def client_as(app, who: str | None) -> DashClient:
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def send(client: DashClient, title: str = "Bänk vid ån", *, contact: str = "", trap: str = "", areas=("trivas",)):
    return client.call("idea-send.n_clicks", {
        "idea-send.n_clicks": 1, "idea-locality.value": "storebro", "idea-title.value": title,
        "idea-description.value": "Vid bron", "idea-areas.value": list(areas), "idea-contact.value": contact,
        "idea-website.value": trap, "idea-refresh.data": 0,
    })


def shown(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def render(client: DashClient, locality: str = "storebro") -> str:
    response = client.call("idea-refresh.data", {"idea-locality.value": locality, "idea-refresh.data": 1})
    assert "idea-list" in response.get_json()["response"]  # the list callback, not another one
    return shown(response)


def press(client: DashClient, kind: str, button: dict):
    """A pattern-matched button (support or moderation), sent as the renderer sends it."""
    for dependency in client.dependencies():
        if any(item["id"].startswith("{") and kind in item["id"] for item in dependency["inputs"]):
            break
    states = [[] if item["id"].startswith("{") else {"id": item["id"], "property": item["property"], "value": 0}
              for item in dependency["state"]]
    body = {
        "output": dependency["output"],
        "outputs": [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].split("@")[0]}
                    for part in dependency["output"].strip(".").split("...")],
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
        "state": states,
        "changedPropIds": [json.dumps(button, separators=(",", ":"), sort_keys=True) + ".n_clicks"],
    }
    return client.client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": client.csrf})


def publish_button(idea) -> dict:
    return {"type": IDEA_MODERATE, "id": idea.id, "version": idea.version, "step": "idea-publish"}


def test_a_resident_sends_an_idea_that_waits_unseen(world):
    app, ideas, _ = world
    response = send(client_as(app, None), contact=CONTACT)
    assert response.status_code == 200 and "Tack" in shown(response)
    [idea] = ideas.queue(None)
    assert idea.status is IdeaStatus.PENDING
    assert "Bänk vid ån" not in render(client_as(app, None))


@pytest.mark.parametrize(("who", "allowed"), [(None, False), ("tuna", False), ("storebro", True), ("admin", True)])
def test_only_the_localitys_editor_and_staff_publish(world, who, allowed):
    app, ideas, _ = world
    send(client_as(app, None))
    [idea] = ideas.queue(None)
    response = press(client_as(app, who), IDEA_MODERATE, publish_button(idea))
    assert response.status_code == 200
    assert (ideas.idea(idea.id).status is IdeaStatus.PUBLISHED) is allowed
    if not allowed:
        assert "Klart" not in shown(response)  # the refusal is said, not "done"


def test_a_forged_button_for_another_localitys_idea_is_refused(world):
    app, ideas, _ = world
    send(client_as(app, None))
    [idea] = ideas.queue(None)
    forged = {**publish_button(idea), "step": "idea-hide"}
    press(client_as(app, "tuna"), IDEA_MODERATE, forged)
    press(client_as(app, "tuna"), IDEA_MODERATE, {**publish_button(idea), "step": "idea-initiative"})
    assert ideas.idea(idea.id).status is IdeaStatus.PENDING


def test_an_address_is_throttled_over_http_and_told_when_to_retry(world):
    app, ideas, _ = world
    resident = client_as(app, None)
    for n in range(5):
        send(resident, f"Förslag {n}")
    answer = shown(send(resident, "Ett till"))
    assert "Försök igen om 60 minuter" in answer
    assert len(ideas.queue(None)) == 5


def test_the_honeypot_stores_nothing_but_answers_like_a_success(world):
    app, ideas, _ = world
    assert "Tack" in shown(send(client_as(app, None), trap="http://spam.example"))
    assert ideas.queue(None) == []


def test_bad_input_gets_a_message_per_field_and_keeps_the_text(world):
    app, ideas, _ = world
    answer = send(client_as(app, None), title="", areas=("nope",), contact="hej").get_json()["response"]
    assert answer["idea-error-title"]["children"] and answer["idea-error-areas"]["children"]
    assert answer["idea-error-contact"]["children"]
    assert "idea-description" not in answer  # the typed text is left as it is
    assert ideas.queue(None) == []


def test_a_resident_who_ticks_no_area_is_asked_in_the_forms_own_words(world):
    app, ideas, _ = world
    answer = send(client_as(app, None), areas=()).get_json()["response"]
    said = str(answer["idea-error-areas"]["children"])
    assert "Välj minst ett utvecklingsområde." in said
    assert "leva" not in said and "motas" not in said  # no column ids from the import rules
    assert ideas.queue(None) == []


def test_the_contact_reaches_only_the_localitys_editor_and_staff(world):
    app, ideas, _ = world
    send(client_as(app, None), contact=CONTACT)
    assert CONTACT in render(client_as(app, "storebro"))
    assert CONTACT in render(client_as(app, "admin"))
    assert CONTACT not in render(client_as(app, "tuna"))
    assert CONTACT not in render(client_as(app, None))
    [idea] = ideas.queue(None)
    press(client_as(app, "storebro"), IDEA_MODERATE, publish_button(idea))
    assert CONTACT not in render(client_as(app, None))


def test_support_once_per_browser_over_http(world):
    app, ideas, _ = world
    send(client_as(app, None))
    [idea] = ideas.queue(None)
    press(client_as(app, "storebro"), IDEA_MODERATE, publish_button(idea))
    resident = client_as(app, None)
    for _ in range(2):
        assert press(resident, IDEA_SUPPORT, {"type": IDEA_SUPPORT, "id": idea.id}).status_code == 200
    press(client_as(app, None), IDEA_SUPPORT, {"type": IDEA_SUPPORT, "id": idea.id})
    assert ideas.idea(idea.id).supports == 2
    cookie = resident.client.get_cookie("allas_browser")
    assert cookie is not None and cookie.http_only


def test_template_syntax_in_a_title_comes_back_as_typed(world):
    app, ideas, _ = world
    title = "{{ 7*7 }} {% if 1 %}x{% endif %} <script>alert(1)</script>"
    send(client_as(app, None), title)
    [idea] = ideas.queue(None)
    press(client_as(app, "storebro"), IDEA_MODERATE, publish_button(idea))
    public = render(client_as(app, None))
    assert json.dumps(title, ensure_ascii=False)[1:-1] in public
    assert "49" not in public
