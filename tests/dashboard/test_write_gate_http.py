"""The presentation save and the import upload through the real HTTP layer, as each kind of visitor.

The pages no longer check permissions themselves (the services do), so these
prove the services' refusal reaches the browser as a message and leaves the
database as it was, whatever the request carries.
"""

from __future__ import annotations

import base64
import json

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.server.settings import Settings
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.presentations.slides import SLIDE_OVERVIEW
from indicators.presentations.store import PresentationStore
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1", "inactive": "inaktiv-lösen-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}
CSV = b"indicator_id,locality_id,year,value,source\npopulation,storebro,2021,1234,SCB\n"


@pytest.fixture
def world(store, database_url):
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    service.create_user(gw, admin, "storebro", PASSWORDS["storebro"], Role.EDITOR, "storebro",
                        known_localities=LOCALITIES)
    inactive = service.create_user(gw, admin, "inactive", PASSWORDS["inactive"], Role.ADMIN, None,
                                   known_localities=LOCALITIES)
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    client = DashClient(app)  # signed in before deactivation: the session's cookie outlives the account
    client.sign_in("inactive", PASSWORDS["inactive"])
    service.deactivate(gw, admin, inactive.id)
    return app, store, client


def client_as(world, who: str | None) -> DashClient:
    app, _store, deactivated = world
    if who == "inactive":
        return deactivated
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def shown(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def save_presentation(client: DashClient, name: str):
    return client.call(f"{ids.PRES_SAVE}.n_clicks", {
        f"{ids.PRES_SAVE}.n_clicks": 1, f"{ids.PRES_CHOICE}.value": "standard", f"{ids.PRES_NAME}.value": name,
        f"{ids.PRES_DRAFT}.data": [SLIDE_OVERVIEW],
    })


def upload(client: DashClient, payload: bytes = CSV, name: str = "befolkning.csv"):
    return client.call(f"{ids.UPLOAD}.contents", {
        f"{ids.UPLOAD}.contents": "data:text/csv;base64," + base64.b64encode(payload).decode(),
        f"{ids.UPLOAD}.filename": name,
    })


@pytest.mark.parametrize(
    ("who", "refusal"),
    [(None, ("inloggad",)), ("storebro", ("personal",)), ("inactive", ("avstängt", "inloggad")),
     ("admin", None)],
)
def test_saving_a_presentation_over_http(world, who, refusal):
    _app, store, _ = world
    response = save_presentation(client_as(world, who), f"Möte av {who}")
    assert response.status_code == 200
    names = [p.name for p in PresentationStore(store).presentations()]
    if refusal is None:
        assert names == ["Möte av admin"]
    else:
        assert names == []
        assert any(word in shown(response) for word in refusal), shown(response)


@pytest.mark.parametrize(
    ("who", "refusal"),
    [(None, ("inloggad",)), ("storebro", ("personal",)), ("inactive", ("avstängt", "inloggad")),
     ("admin", None)],
)
def test_uploading_indicator_figures_over_http(world, who, refusal):
    _app, store, _ = world
    before = (store.observations(), store.import_log())
    response = upload(client_as(world, who))
    assert response.status_code == 200
    if refusal is None:
        # The signed-in user, from the service (below it, the first start's bundled Kolada import).
        assert [entry.user for entry in store.import_log()] == ["admin", "allas-vimmerby"]
    else:
        assert (store.observations(), store.import_log()) == before
        assert any(word in shown(response) for word in refusal), shown(response)


def test_a_visitor_learns_nothing_about_a_broken_upload(world):
    """Refused before reading: a damaged file from someone who may not import is not examined."""
    _app, store, _ = world
    response = upload(client_as(world, None), b"indicator_id,locality_id\n\xff\xfe garbage", "trasig.csv")
    assert "inloggad" in shown(response)
    assert "indicator_id" not in shown(response)
    assert [entry.user for entry in store.import_log()] == ["allas-vimmerby"]  # only the first start's own
