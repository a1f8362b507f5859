"""The map's markers as compact data (issue #13 item 3, decision 73): columns and small shared
tables, no popup built per marker, no description in the map's payload — a popup fetches its
initiative's description from a JSON route that answers only for what the map shows — and the
standalone export's complete form, which carries every description because a file cannot fetch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.components.initiative_markers import POPUP_TEXT_MAX, initiative_columns
from dashboard.components.map_view import read_data_island
from dashboard.components.marker_tables import MarkerTables
from dashboard.exports.standalone_map import standalone_map_html
from dashboard.server.settings import Settings
from dashboard.views.map import map_document
from dashboard.views.map_markers import map_markers
from dashboard.views.public_names import MARKER_DESCRIPTION_PATH
from dashboard.views.url_state import LATEST
from indicators.groupwork.map_points import InitiativePoints
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.records import Idea
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.storage.store import Store
from tests.dashboard.markers_payload import spelt_markers

STATE = {"layer": "population", "year": LATEST, "weights": ""}
PLACE = {"lat": 57.587, "lon": 15.841}
HOSTILE = ("{{7*7}}", "</script><script>window.__x = 1</script>", '<img src=x onerror="window.__x = 1">')
LOCALITIES = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby")


def _compact_json(payload) -> bytes:
    """As the map's data island carries it."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def test_ten_thousand_initiatives_are_under_a_megabyte_with_each_word_sent_once():
    count = 10_000
    statuses = list(InitiativeStatus)
    areas = (("leva",), ("arbeta", "verka"), ("trivas",), ("kontakt", "motas", "leva"), ())
    points = InitiativePoints(
        id=tuple(range(1, count + 1)),
        locality_id=tuple(LOCALITIES[n % 10] for n in range(count)),
        title=tuple(f"Gångväg och belysning vid ån {n:05d}" for n in range(count)),  # 34 characters, as typed titles are
        status=tuple(statuses[n % len(statuses)] for n in range(count)),
        areas=tuple(areas[n % len(areas)] for n in range(count)),
        progress=tuple(n % 101 if n % 3 == 0 else None for n in range(count)),
        lat_e5=tuple(5_750_000 + n * 3 for n in range(count)),
        lon_e5=tuple(1_570_000 + n * 7 for n in range(count)),
    )
    tables = MarkerTables({lid: lid.title() for lid in LOCALITIES})
    payload = {"initiatives": initiative_columns(points, tables, "sv"), **tables.as_payload("sv")}
    encoded = _compact_json(payload)

    assert len(encoded) <= 1_000_000
    text = encoded.decode()
    assert text.count('"Pågår"') == 1 and text.count('"Storebro"') == 1  # a status, a locality: once each
    assert text.count('"Leva"') == 1 and text.count("Ort") == 1  # an area's name, a popup's label
    assert ",5750003," in text  # positions as whole hundred-thousandths of a degree (about a metre)


def test_the_maps_payload_has_no_description_and_the_exports_has_each(dashboard_data):
    gw = dashboard_data.gw
    gw.save_initiative(Initiative("storebro", "Belysning", InitiativeStatus.ONGOING, areas=("leva",),
                                  description="Lampor längs cykelvägen vid Brunnsparken.", **PLACE), username="test")

    lazy, _ = map_markers(dashboard_data, {}, "sv")
    assert "Lampor" not in _compact_json(lazy).decode()
    assert lazy["initiatives"]["description_path"] == f"{MARKER_DESCRIPTION_PATH}/"

    complete, _ = map_markers(dashboard_data, {}, "sv", complete=True)
    [marker] = [m for m in spelt_markers(complete) if m["title"] == "Belysning"]
    assert {"label": "", "text": "Lampor längs cykelvägen vid Brunnsparken."} in marker["popup"]["rows"]
    exported = spelt_markers(read_data_island(standalone_map_html(dashboard_data))["initiatives"])
    [marker] = [m for m in exported if m["title"] == "Belysning"]
    assert {"label": "", "text": "Lampor längs cykelvägen vid Brunnsparken."} in marker["popup"]["rows"]


def test_no_marker_is_no_payload(dashboard_data):
    assert map_markers(dashboard_data, {"ideas": False}, "sv") == (None, ())


def test_a_marker_keeps_its_colour_shape_and_popup_words(dashboard_data):
    gw = dashboard_data.gw
    saved = gw.save_initiative(Initiative("storebro", "Belysning", InitiativeStatus.ONGOING, areas=("kontakt", "leva"),
                                          progress=40, **PLACE), username="test")
    payload, _ = map_markers(dashboard_data, {}, "sv")
    [marker] = [m for m in spelt_markers(payload) if m["id"] == saved.id]
    assert marker["status"] == "ongoing" and marker["colour"] == "#56B4E9"  # Kontakt's colour: the first area
    assert marker["popup"]["rows"] == [{"label": "Ort", "text": "Storebro"},
                                       {"label": "Status", "text": "Pågår (40 %)"},
                                       {"label": "Områden", "text": "Kontakt, Leva"}]
    assert (marker["lat"], marker["lon"]) == (57.587, 15.841)


def test_hostile_titles_stay_data_in_every_column(dashboard_data):
    ideas = IdeaStore(dashboard_data.store, salt=b"")
    for title in HOSTILE:
        dashboard_data.gw.save_initiative(Initiative("storebro", title, InitiativeStatus.ONGOING, description=title,
                                                     **PLACE), username="test")
        ideas.record(Idea("storebro", title, **PLACE), username="test")
    origin = ideas.record(Idea("tuna", HOSTILE[1], lat=57.58, lon=16.0), username="test")
    became = dashboard_data.gw.save_initiative(Initiative("tuna", "Från förslag", InitiativeStatus.PLANNED,
                                                          lat=57.58, lon=16.0), username="test")
    ideas.step(origin.id, origin.version, Step.TO_INITIATIVE, username="test", initiative_id=became.id)

    document = map_document(dashboard_data, STATE, language="sv")
    markers = spelt_markers(read_data_island(document)["initiatives"])  # the island parses whole: nothing broke out
    titles = [m["title"] for m in markers]
    assert all(titles.count(title) == 2 for title in HOSTILE)  # an initiative and an idea each, as typed
    [from_idea] = [m for m in markers if m["title"] == "Från förslag"]
    assert from_idea["popup"]["rows"][-1]["text"] == HOSTILE[1]
    assert "49" not in {m["title"] for m in markers}
    island = document[document.index('id="map-data">'):]
    island = island[:island.index("</script>")]
    assert "<" not in island.removeprefix('id="map-data">')  # every "<" of a title is a JSON escape
    assert "window.__x" not in document.replace(island, "")  # only inside the data


@pytest.fixture(scope="module")
def app(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("markers") / "dashboard.sqlite"
    shutil.copyfile(seeded_template, path)
    app = create_app(Settings(database_url=f"sqlite:///{path}", secret_key="test-secret"))
    store = Store.open(f"sqlite:///{path}")
    gw = GroupworkStore(store)
    long = "Lampor längs cykelvägen. " * 30
    app.saved = {
        "placed": gw.save_initiative(Initiative("storebro", "Belysning", InitiativeStatus.ONGOING, description=long,
                                                lead="Anna Andersson", partners="Vimmerby Energi", **PLACE),
                                     username="test"),
        "hostile": gw.save_initiative(Initiative("storebro", HOSTILE[0], InitiativeStatus.IDEA, description=HOSTILE[1],
                                                 **PLACE), username="test"),
        "unplaced": gw.save_initiative(Initiative("tuna", "Utan plats", InitiativeStatus.PLANNED,
                                                  description="Inte på kartan."), username="test"),
    }
    app.long_description = long
    yield app
    store.dispose()


def _description(app, initiative_id) -> tuple[int, object]:
    response = app.server.test_client().get(f"{MARKER_DESCRIPTION_PATH}/{initiative_id}")
    return response.status_code, response.get_json(silent=True) if response.status_code == 200 else response.data


def test_a_popup_gets_the_start_of_its_initiatives_description_and_nothing_else(app):
    status, answer = _description(app, app.saved["placed"].id)
    assert status == 200
    assert answer == {"description": app.long_description[:POPUP_TEXT_MAX].rstrip() + " …"}  # no lead, no partners


def test_a_hostile_description_comes_back_as_json_data(app):
    response = app.server.test_client().get(f"{MARKER_DESCRIPTION_PATH}/{app.saved['hostile'].id}")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == {"description": HOSTILE[1]}


@pytest.mark.parametrize("which", ["unplaced", "unknown"])
def test_only_an_initiative_the_map_shows_is_answered(app, which):
    initiative_id = {"unplaced": app.saved["unplaced"].id, "unknown": 999_999}[which]
    assert _description(app, initiative_id) == (404, b"")  # the same answer: nothing tells them apart


def test_a_path_that_names_no_initiative_is_not_found(app):
    assert _description(app, "abc")[0] == 404
