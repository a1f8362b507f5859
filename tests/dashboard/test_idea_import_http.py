"""Workshop input uploaded on the ideas page, through the real HTTP layer: staff see the section and
their file lands as published ideas; a bad file is listed by row and column and stores nothing; an
editor or a visitor who posts the upload anyway is refused by the service."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest

from dashboard.app import create_app
from dashboard.server.settings import Settings
from indicators.groupwork import service as gw_service
from indicators.groupwork.records import Role, StrategicMeeting
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.records import IdeaSource
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}
GOOD = "title,areas,locality\nFler bänkar vid ån,leva,Storebro\nBredband överallt,kontakt,kommunen\n"


@pytest.fixture
def world(store, database_url):
    gw = GroupworkStore(store)
    admin = gw_service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    gw_service.create_user(gw, admin, "storebro", PASSWORDS["storebro"], Role.EDITOR, "storebro",
                           known_localities=LOCALITIES)
    meeting = gw.save_meeting(StrategicMeeting(date(2017, 2, 9), "Strategiskt möte 2017", 230), username="admin")
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    return app, app.server.extensions["allas_ideas"], meeting


def client_as(app, who: str | None) -> DashClient:
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def upload(client: DashClient, content: str, meeting_id: int | None, name: str = "inspel.csv"):
    encoded = base64.b64encode(content.encode("utf-8")).decode("ascii")
    return client.call("idea-import-upload.contents", {
        "idea-import-upload.contents": f"data:text/csv;base64,{encoded}", "idea-import-upload.filename": name,
        "idea-import-meeting.value": meeting_id, "idea-refresh.data": 0,
    })


def page(client: DashClient) -> str:
    response = client.call("_pages_location.pathname", {"_pages_location.pathname": "/forslag",
                                                        "_pages_location.search": ""})
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_staff_see_the_section_with_the_meetings_and_others_do_not(world):
    app, _ideas, _meeting = world
    assert "idea-import-upload" in page(client_as(app, "admin"))
    assert "2017-02-09 · Strategiskt möte 2017" in page(client_as(app, "admin"))
    assert "idea-import-upload" not in page(client_as(app, "storebro"))
    assert "idea-import-upload" not in page(client_as(app, None))


def test_staff_upload_a_workshop_list_for_the_chosen_meeting(world):
    app, ideas, meeting = world
    response = upload(client_as(app, "admin"), GOOD, meeting.id)
    assert response.status_code == 200
    assert "2 förslag sparade och publicerade" in json.dumps(response.get_json(), ensure_ascii=False)
    stored = ideas.ideas()
    assert {idea.title for idea in stored} == {"Fler bänkar vid ån", "Bredband överallt"}
    assert all(idea.source is IdeaSource.WORKSHOP and idea.meeting_id == meeting.id for idea in stored)


def test_a_bad_file_is_listed_by_row_and_column_and_stores_nothing(world):
    app, ideas, meeting = world
    response = upload(client_as(app, "admin"), GOOD + "{{ 7*7 }},simma,Storbro\n", meeting.id)
    said = json.dumps(response.get_json(), ensure_ascii=False)
    assert "inspel.csv lästes inte in" in said
    assert "rad 4, fält ”areas”" in said and "rad 4, fält ”locality”" in said and "Storebro" in said
    assert "Traceback" not in said
    assert ideas.ideas() == []


def test_without_a_meeting_every_row_must_name_one(world):
    app, ideas, _meeting = world
    said = json.dumps(upload(client_as(app, "admin"), GOOD, None).get_json(), ensure_ascii=False)
    assert "fält ”meeting”" in said
    assert ideas.ideas() == []


@pytest.mark.parametrize("who", ["storebro", None])
def test_an_editor_or_a_visitor_posting_the_upload_is_refused(world, who):
    app, ideas, meeting = world
    response = upload(client_as(app, who), GOOD, meeting.id)
    said = json.dumps(response.get_json(), ensure_ascii=False)
    assert "lästes inte in" in said
    assert ideas.ideas() == []
