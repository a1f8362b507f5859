"""The residents' ideas on the map: published ideas with a place are markers of their own kind with
their status, supports and a link; an idea that became an initiative shows as that initiative only,
with "Kom från ett förslag" in its popup; the map's idea filter hides them or picks statuses."""

from __future__ import annotations

from dashboard.components.map_view import read_data_island
from dashboard.views.map import map_document
from dashboard.views.url_state import LATEST
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.ideas.records import Idea
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from tests.dashboard.markers_payload import spelt_markers

STATE = {"layer": "population", "year": LATEST, "weights": ""}
PLACE = {"lat": 57.587, "lon": 15.841}


def _markers(data, idea_filter=None) -> list[dict]:
    document = map_document(data, STATE, initiative_filter=idea_filter, language="sv")
    return spelt_markers(read_data_island(document)["initiatives"])


def _ideas(markers) -> dict[int, dict]:
    return {m["id"]: m for m in markers if m["kind"] == "idea"}


def _popup_texts(properties) -> list[str]:
    return [row["text"] for row in properties["popup"]["rows"]]


def test_a_published_idea_with_a_place_is_a_marker_with_its_status_supports_and_link(dashboard_data):
    store = IdeaStore(dashboard_data.store, salt=b"")
    idea = store.record(Idea("storebro", "Bänk vid ån", areas=("trivas",), **PLACE), username="staff")
    store.record(Idea("storebro", "Utan plats"), username="staff")

    [marker] = _ideas(_markers(dashboard_data)).values()
    assert marker["id"] == idea.id and marker["title"] == "Bänk vid ån" and marker["status"] == "published"
    assert "Ny" in _popup_texts(marker) and "0 stöder" in _popup_texts(marker) and "Storebro" in _popup_texts(marker)
    assert marker["popup"]["link"]["href"] == f"/forslag?ort=storebro#idea-{idea.id}"


def test_a_pending_idea_is_not_on_the_map(dashboard_data):
    store = IdeaStore(dashboard_data.store, salt=b"")
    store.record(Idea("storebro", "Väntar", **PLACE), username="staff", published=False)
    assert _ideas(_markers(dashboard_data)) == {}


def test_an_idea_that_became_an_initiative_shows_as_the_initiative_with_its_origin(dashboard_data):
    store = IdeaStore(dashboard_data.store, salt=b"")
    idea = store.record(Idea("storebro", "Bänk vid ån", **PLACE), username="staff")
    initiative = dashboard_data.gw.save_initiative(
        Initiative(locality_id="storebro", title="Bänk vid ån", status=InitiativeStatus.ONGOING, progress=40,
                   **PLACE), username="staff")
    store.step(idea.id, idea.version, Step.TO_INITIATIVE, username="staff", initiative_id=initiative.id)

    features = _markers(dashboard_data)
    assert _ideas(features) == {}
    [shown] = [m for m in features if m["id"] == initiative.id and m["kind"] == "initiative"]
    origin = [row for row in shown["popup"]["rows"] if row.get("href")]
    assert origin == [{"label": "Kom från ett förslag", "text": "Bänk vid ån",
                       "href": f"/forslag?ort=storebro#idea-{idea.id}"}]


def test_the_idea_filter_hides_the_ideas_or_keeps_the_statuses_chosen(dashboard_data):
    store = IdeaStore(dashboard_data.store, salt=b"")
    new = store.record(Idea("storebro", "Ny idé", **PLACE), username="staff")
    declined = store.record(Idea("storebro", "Avböjd idé", **PLACE), username="staff")
    store.step(declined.id, declined.version, Step.DECLINE, username="staff")

    assert set(_ideas(_markers(dashboard_data))) == {new.id, declined.id}
    assert set(_ideas(_markers(dashboard_data, {"idea_statuses": ["declined"]}))) == {declined.id}
    assert _ideas(_markers(dashboard_data, {"ideas": False})) == {}
