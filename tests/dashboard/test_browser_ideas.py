"""The issue's "done when" path in a real browser: a resident on a phone (390×844) sends an idea
for Storebro with a place clicked on the map, Storebro's editor publishes it, another resident
supports it, the editor makes it an initiative, and the groups page shows that initiative; the map
page (on another phone) shows it at each step: not while pending, then as an idea marker whose popup
counts its supports, then as the initiative's marker, with the idea it came from and no idea marker."""

from __future__ import annotations

import pytest

from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.records import IdeaStatus
from indicators.ideas.store import IdeaStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "admin-lösenord-1"
EDITOR_PASSWORD = "storebro-lösen-1"
STOREBRO_CENTRE = (57.58709, 15.84072)
TITLE = "Bänk vid {{ ån }}"


@pytest.fixture
def world(database_url):
    store = Store.open(database_url)
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", ADMIN_PASSWORD)
    localities = {loc.id for loc in store.localities()}
    service.create_user(gw, admin, "storebro", EDITOR_PASSWORD, Role.EDITOR, "storebro", known_localities=localities)
    yield store, gw, IdeaStore(store, salt=b"")
    store.dispose()


# Opens a marker's popup the way a reader does (zooming into its cluster first) and returns its text.
OPEN_POPUP = """([kind, id]) => new Promise(resolve => {
  const marker = allasMap.markers[kind][id];
  allasMap.cluster.zoomToShowLayer(marker, () => {
    marker.openPopup();
    resolve({text: marker.getPopup().getElement().innerText,
             bubble: marker.getElement().querySelector('.res-idea') !== null});
  });
})"""


def open_map(viewer, live_app):
    """The map page for Storebro, drawn: the frame whose markers the test reads."""
    viewer.goto(live_app + "/?ort=storebro")
    viewer.frame_locator("#map-frame").locator("path.ort-storebro").wait_for()
    frame = viewer.locator("#map-frame").element_handle().content_frame()
    frame.wait_for_function("window.allasMap !== undefined && window.allasMap.markers !== undefined")
    return frame


def idea_markers(frame) -> set[int]:
    return {int(key) for key in frame.evaluate("Object.keys(allasMap.markers.idea)")}


def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE", is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(30_000)
    return context, context.new_page()


def test_a_residents_idea_goes_from_the_phone_to_an_initiative(world, live_app, browser, page):
    _store, gw, ideas = world
    resident_context, resident = phone(browser)
    errors: list[str] = []
    resident.on("pageerror", lambda error: errors.append(str(error)))

    resident.goto(live_app + "/forslag?ort=storebro")
    resident.locator("#idea-title").fill(TITLE)
    resident.locator("#idea-description").fill("En bänk att vila på vid bron.")
    resident.locator("#idea-areas").get_by_text("Trivas").click()
    resident.frame_locator("#idea-picker").locator(".picker-area").wait_for()
    frame = resident.locator("#idea-picker").element_handle().content_frame()
    where = frame.evaluate("([lat, lon]) => allasPicker.map.latLngToContainerPoint([lat, lon])", list(STOREBRO_CENTRE))
    resident.frame_locator("#idea-picker").locator("#picker-map").click(position={"x": where["x"], "y": where["y"]})
    resident.wait_for_function("document.getElementById('idea-lat').value !== ''")
    resident.locator("#idea-send").click()
    resident.locator("#idea-form-message").get_by_text("Tack!").wait_for()
    [sent] = ideas.queue(["storebro"])
    assert sent.title == TITLE and sent.lat is not None
    viewer_context, viewer = phone(browser)
    viewer.on("pageerror", lambda error: errors.append(str(error)))
    assert sent.id not in idea_markers(open_map(viewer, live_app))  # pending: nobody sees it yet

    editor = page.page
    editor.goto(live_app + "/forslag?ort=storebro")
    editor.get_by_role("link", name="Logga in").click()
    editor.get_by_label("Användarnamn").fill("storebro")
    editor.get_by_label("Lösenord").fill(EDITOR_PASSWORD)
    editor.get_by_role("button", name="Logga in").click()
    editor.wait_for_url(live_app + "/forslag?ort=storebro")
    editor.locator(f"#idea-queue-{sent.id}").get_by_role("button", name="Publicera").click()
    editor.locator(f"#idea-{sent.id}").wait_for()
    assert ideas.idea(sent.id).status is IdeaStatus.PUBLISHED
    on_map = open_map(viewer, live_app)
    assert sent.id in idea_markers(on_map)
    shown = on_map.evaluate(OPEN_POPUP, ["idea", sent.id])
    assert shown["bubble"] and TITLE in shown["text"] and "Ny" in shown["text"] and "0 stöder" in shown["text"]

    resident.reload()
    resident.locator(f"#idea-{sent.id}").get_by_text(TITLE).wait_for()  # typed template syntax, shown as typed
    resident.locator(f"#idea-{sent.id}").get_by_role("button", name="Jag stöder").click()
    resident.locator(f"#idea-{sent.id}").get_by_text("1 stöder").wait_for()
    assert ideas.idea(sent.id).supports == 1
    assert "1 stöder" in open_map(viewer, live_app).evaluate(OPEN_POPUP, ["idea", sent.id])["text"]

    editor.reload()
    editor.locator(f"#idea-{sent.id}").get_by_role("button", name="Gör till initiativ").click()
    editor.locator(f"#idea-{sent.id}").get_by_text("Blev initiativ · idé").wait_for()
    became = ideas.idea(sent.id)
    assert became.status is IdeaStatus.INITIATIVE
    initiative = gw.initiative(became.initiative_id)
    assert initiative.title == TITLE and (initiative.lat, initiative.lon) == (became.lat, became.lon)
    on_map = open_map(viewer, live_app)
    assert sent.id not in idea_markers(on_map)  # shown once: as the initiative it became
    shown = on_map.evaluate(OPEN_POPUP, ["initiative", initiative.id])
    assert not shown["bubble"] and TITLE in shown["text"] and "Kom från ett förslag" in shown["text"]

    editor.goto(live_app + "/grupper?ort=storebro")
    editor.get_by_text(TITLE).first.wait_for()
    assert errors == [] and page.errors == []
    resident_context.close()
    viewer_context.close()
