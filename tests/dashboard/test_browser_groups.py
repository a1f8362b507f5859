"""Group work in a real browser: an editor records an initiative with a point, a visitor sees it
on the map; and text typed by users never runs as code anywhere it is shown."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.groupwork import service
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    Role,
)
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "admin-lösenord-1"
EDITOR_PASSWORD = "storebro-lösen-1"
XSS_TITLE = '<img src=x onerror="window.__xss = 1">'
XSS_TEXT = "<script>window.__xss = 2</script><b>fet</b>"


@pytest.fixture
def accounts(database_url):
    store = Store.open(database_url)
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", ADMIN_PASSWORD)
    localities = {loc.id for loc in store.localities()}
    service.create_user(gw, admin, "storebro", EDITOR_PASSWORD, Role.EDITOR, "storebro", known_localities=localities)
    yield gw, admin, localities
    store.dispose()


def sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/logga-in?next=/grupper")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(base + "/grupper")


def test_an_editor_adds_an_initiative_with_a_point_and_a_visitor_sees_it(accounts, live_app, page, browser):
    editor = page.page
    sign_in(editor, live_app, "storebro", EDITOR_PASSWORD)
    editor.locator("#gw-locality").get_by_text("Storebro").wait_for()  # the editor's own locality is chosen
    editor.get_by_text("Du kan registrera och ändra uppgifter för Storebro").wait_for()
    editor.locator("#ini-title").fill("Belysning vid badplatsen")
    editor.locator("#ini-description").fill("Gruppen vill ha belysning längs stigen till badplatsen.")
    editor.locator("#ini-areas").get_by_text("Leva").click()
    editor.locator("#ini-lat").fill("57.5871")
    editor.locator("#ini-lon").fill("15.8407")
    editor.locator("#ini-save").click()
    editor.locator("#ini-message").get_by_text("Sparat.").wait_for()
    editor.locator("[data-initiative]").get_by_text("Belysning vid badplatsen").wait_for()

    visitor = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    visitor.goto(live_app + "/")
    visitor.reload()
    visitor.wait_for_load_state("networkidle")  # the first round of callbacks may redraw the map frame
    marker = visitor.frame_locator("#map-frame").locator(".ini-icon")
    marker.first.wait_for()
    marker.first.click()
    visitor.frame_locator("#map-frame").locator(".ini-popup").get_by_text("Belysning vid badplatsen").wait_for()
    visitor.context.close()
    assert page.errors == []


def test_a_point_outside_the_locality_is_refused_and_the_draft_is_kept(accounts, live_app, page):
    editor = page.page
    sign_in(editor, live_app, "storebro", EDITOR_PASSWORD)
    editor.locator("#ini-title").fill("Utanför")
    editor.locator("#ini-lat").fill("57.80")  # Gullringen, far outside Storebro's area
    editor.locator("#ini-lon").fill("15.71")
    editor.locator("#ini-save").click()
    editor.locator("#ini-message .notice-error").wait_for()
    assert editor.locator("#ini-title").input_value() == "Utanför"


def test_user_text_never_runs_as_code(accounts, live_app, page):
    gw, admin, localities = accounts
    service.save_initiative(
        gw, admin,
        Initiative("storebro", XSS_TITLE, InitiativeStatus.ONGOING, description=XSS_TEXT, areas=("leva",),
                   partners=XSS_TEXT, lat=57.5871, lon=15.8407),
        known_localities=localities, area_contains=lambda *_: True)
    service.save_activity(gw, admin, Activity("storebro", date(2026, 1, 15), ActivityKind.EVENT, XSS_TITLE, 5,
                                              description=XSS_TEXT), known_localities=localities)
    visitor = page.page
    dialogs = []
    visitor.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    visitor.goto(live_app + "/")
    visitor.wait_for_load_state("networkidle")
    frame = visitor.frame_locator("#map-frame")
    frame.locator(".ini-icon").first.click()
    popup = frame.locator(".ini-popup")
    popup.wait_for()
    assert XSS_TITLE in popup.inner_text()
    assert popup.locator("img, script, b").count() == 0
    map_frame = next(f for f in visitor.frames if f != visitor.main_frame)
    assert map_frame.evaluate("window.__xss") is None

    visitor.goto(live_app + "/grupper?ort=storebro")
    detail = visitor.locator("[data-locality=storebro]")
    detail.get_by_text(XSS_TITLE).first.wait_for()
    assert detail.locator("img, script").count() == 0

    assert visitor.evaluate("window.__xss") is None
    assert dialogs == []


def test_an_editors_rows_have_their_buttons_and_they_edit_and_delete_that_record(accounts, live_app, page):
    # A row's cells reach the browser as data (a StaticTree) and its buttons as Dash components in
    # the same row: each row must still line up under the header and its buttons act on it alone.
    gw, admin, localities = accounts
    for title in ("Städdag vid ån", "Byvandring i Storebro"):
        service.save_activity(gw, admin, Activity("storebro", date(2026, 1, 15), ActivityKind.WALK, title, 12),
                              known_localities=localities)
    editor = page.page
    sign_in(editor, live_app, "storebro", EDITOR_PASSWORD)
    rows = editor.locator("#gw-activity-list tbody tr")
    rows.filter(has_text="Städdag vid ån").wait_for()
    header = editor.locator("#gw-activity-list thead th")
    assert rows.count() == 2 and header.count() == 6  # five columns and the buttons'
    assert all(rows.nth(n).locator("td").count() == 6 for n in range(2))

    rows.filter(has_text="Städdag vid ån").get_by_role("button", name="Ändra").click()
    editor.wait_for_function("document.getElementById('act-title').value === 'Städdag vid ån'")

    rows.filter(has_text="Byvandring i Storebro").get_by_role("button", name="Ta bort").click()
    editor.locator("#gw-action-message").get_by_text("Borttaget.").wait_for()
    editor.locator("#gw-activity-list tbody tr").filter(has_text="Byvandring i Storebro").wait_for(state="detached")
    assert editor.locator("#gw-activity-list tbody tr").count() == 1
    assert page.errors == []
