"""The initiative's place in a real browser: a click on the locality's map fills the coordinates,
a click outside the area is refused, a decimal comma is saved as a decimal, and signing in from
a view returns to it."""

from __future__ import annotations

import pytest

from dashboard.data import DashboardData
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "admin-lösenord-1"
EDITOR_PASSWORD = "storebro-lösen-1"
STOREBRO_CENTRE = (57.58709, 15.84072)


@pytest.fixture
def world(database_url):
    store = Store.open(database_url)
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", ADMIN_PASSWORD)
    localities = {loc.id for loc in store.localities()}
    service.create_user(gw, admin, "storebro", EDITOR_PASSWORD, Role.EDITOR, "storebro", known_localities=localities)
    yield DashboardData(store)
    store.dispose()


def sign_in_from(page, base: str, view: str) -> None:
    """Open ``view`` as a visitor, follow the menu's sign-in link, and sign in as Storebro's editor."""
    page.goto(base + view)
    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("storebro")
    page.get_by_label("Lösenord").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def picker(page):
    """The picker's frame, once its map has drawn the area."""
    page.locator("#ini-picker").wait_for()
    frame_locator = page.frame_locator("#ini-picker")
    frame_locator.locator(".picker-area").wait_for()
    return page.locator("#ini-picker").element_handle().content_frame()


def point_at(frame, lat: float, lon: float) -> dict:
    return frame.evaluate("([lat, lon]) => allasPicker.map.latLngToContainerPoint([lat, lon])", [lat, lon])


def a_point_outside(frame) -> dict:
    """A place on the picker's map that lies outside the area (the map shows some of the neighbours)."""
    return frame.evaluate("""() => {
        const map = allasPicker.map, size = map.getSize();
        for (let y = 10; y < size.y; y += 10) {
            for (let x = 10; x < size.x; x += 10) {
                const at = map.containerPointToLatLng([x, y]);
                if (!allasPicker.inside(at.lat, at.lng)) { return {x: x, y: y}; }
            }
        }
        return null;
    }""")


def test_signing_in_from_a_view_returns_to_it(world, live_app, page):
    sign_in_from(page.page, live_app, "/grupper?ort=storebro")
    page.page.wait_for_url(live_app + "/grupper?ort=storebro")
    page.page.get_by_text("Du kan registrera och ändra uppgifter för Storebro").wait_for()
    assert page.errors == []


def test_a_click_on_the_map_places_the_initiative_and_a_click_outside_is_refused(world, live_app, page):
    editor = page.page
    sign_in_from(editor, live_app, "/grupper?ort=storebro")
    frame = picker(editor)
    where = point_at(frame, *STOREBRO_CENTRE)
    editor.frame_locator("#ini-picker").locator("#picker-map").click(position={"x": where["x"], "y": where["y"]})
    editor.wait_for_function("document.getElementById('ini-lat').value !== ''")
    lat = float(editor.locator("#ini-lat").input_value().replace(",", "."))
    lon = float(editor.locator("#ini-lon").input_value().replace(",", "."))
    assert abs(lat - STOREBRO_CENTRE[0]) < 0.01 and abs(lon - STOREBRO_CENTRE[1]) < 0.01
    assert "," in editor.locator("#ini-lat").input_value()  # written the Swedish way
    assert world.area_contains("storebro", lat, lon)

    outside = a_point_outside(frame)
    assert outside is not None
    editor.frame_locator("#ini-picker").locator("#picker-map").click(position=outside)
    editor.frame_locator("#ini-picker").locator("#picker-note.refused").wait_for()
    assert "utanför ortens område" in editor.frame_locator("#ini-picker").locator("#picker-note").inner_text()
    assert float(editor.locator("#ini-lat").input_value().replace(",", ".")) == lat  # the place stays

    editor.locator("#ini-title").fill("Bänk vid ån")
    editor.locator("#ini-areas").get_by_text("Leva").click()
    editor.locator("#ini-save").click()
    editor.locator("#ini-message").get_by_text("Sparat.").wait_for()
    saved = [i for i in world.gw.initiatives(locality_ids=["storebro"]) if i.title == "Bänk vid ån"]
    assert [(i.lat, i.lon) for i in saved] == [(lat, lon)]
    assert page.errors == [] and page.outside_requests() == []


def test_coordinates_typed_with_decimal_commas_are_saved_as_decimals_and_move_the_marker(world, live_app, page):
    editor = page.page
    sign_in_from(editor, live_app, "/grupper?ort=storebro")
    frame = picker(editor)
    editor.locator("#ini-title").fill("Belysning vid badplatsen")
    editor.locator("#ini-areas").get_by_text("Leva").click()
    editor.locator("#ini-lat").fill("57,5905")
    editor.locator("#ini-lon").fill("15,8407")
    frame.wait_for_function("allasPicker.marker() !== null")
    assert frame.evaluate("(() => { const at = allasPicker.marker().getLatLng(); return [at.lat, at.lng]; })()") \
        == [57.5905, 15.8407]
    editor.locator("#ini-save").click()
    editor.locator("#ini-message").get_by_text("Sparat.").wait_for()
    saved = [i for i in world.gw.initiatives(locality_ids=["storebro"]) if i.title == "Belysning vid badplatsen"]
    assert [(i.lat, i.lon) for i in saved] == [(57.5905, 15.8407)]
    assert page.errors == []


def test_the_pickers_buttons_speak_swedish(world, live_app, page):
    editor = page.page
    sign_in_from(editor, live_app, "/grupper?ort=storebro")
    picker(editor)
    frame = editor.frame_locator("#ini-picker")
    assert frame.locator(".leaflet-control-zoom-in").get_attribute("title") == "Zooma in"
    assert frame.locator(".leaflet-control-zoom-out").get_attribute("title") == "Zooma ut"
    assert frame.locator("[title='A JavaScript library for interactive maps']").count() == 0
    assert page.errors == []
