"""Issue 15's "Done when" in a real browser: staff open the change view for the two latest
strategic meetings; Storebro's editor writes this year's plan from last year's and links an
initiative to an item."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.groupwork import service
from indicators.groupwork.records import (
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
)
from indicators.groupwork.store import GroupworkStore
from indicators.plans import service as plans_service
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority
from indicators.plans.store import PlansStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "admin-lösenord-1"
EDITOR_PASSWORD = "storebro-lösen-1"
THIS_YEAR = date.today().year
LAST_MEETING, EARLIER_MEETING = date(THIS_YEAR - 1, 2, 7), date(THIS_YEAR - 2, 2, 9)


@pytest.fixture
def world(database_url):
    store = Store.open(database_url)
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", ADMIN_PASSWORD)
    localities = {loc.id for loc in store.localities()}
    service.create_user(gw, admin, "storebro", EDITOR_PASSWORD, Role.EDITOR, "storebro", known_localities=localities)
    for day, title in ((date(THIS_YEAR - 5, 2, 1), "Gammalt möte"), (EARLIER_MEETING, "Förra mötet"), (LAST_MEETING, "Senaste mötet")):
        service.save_meeting(gw, admin, StrategicMeeting(day, title))
    bridge = gw.save_initiative(
        Initiative("storebro", "Badbrygga vid Storesjön", InitiativeStatus.ONGOING, areas=("trivas",),
                   start=date(THIS_YEAR - 1, 1, 10)), username="admin")
    plans_service.save_plan(
        PlansStore(store), admin,
        Plan("storebro", THIS_YEAR - 1, "Ett levande Storebro", (AreaPriority("trivas", Priority.HIGH, "Badplatsen"),),
             (PlanItem("Bygga badbrygga", "Idrottsföreningen", status=ItemStatus.ONGOING),)),
        known_localities=localities, initiative_localities={bridge.id: "storebro"})
    yield store, bridge
    store.dispose()


def sign_in(page, base: str, username: str, password: str, then: str) -> None:
    page.goto(f"{base}/logga-in?next={then}")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(base + then)


def test_staff_open_the_change_view_for_the_two_latest_meetings(world, live_app, page):
    staff = page.page
    sign_in(staff, live_app, "admin", ADMIN_PASSWORD, "/sedan-motet")
    staff.locator(".changes-period").wait_for()
    assert staff.locator("#changes-start").input_value() == EARLIER_MEETING.isoformat()
    assert staff.locator("#changes-end").input_value() == LAST_MEETING.isoformat()
    storebro = staff.locator(".changes-locality[data-locality=storebro]")
    storebro.get_by_text("Badbrygga vid Storesjön").wait_for()  # started between the two meetings
    assert page.errors == []


def test_storebros_editor_writes_this_years_plan_from_last_years_and_links_an_initiative(world, live_app, page):
    store, _bridge = world
    editor = page.page
    sign_in(editor, live_app, "storebro", EDITOR_PASSWORD, "/planer")
    editor.locator(".plan-none").wait_for()  # no plan yet this year
    editor.locator("#plan-start").click()
    editor.locator(".plan-vision").get_by_text("Ett levande Storebro").wait_for()
    row = editor.locator(".plan-item-row[data-item='1']")
    row.locator("input").first.wait_for()
    assert row.locator("input").first.input_value() == "Bygga badbrygga"
    row.locator(".dash-dropdown").last.click()
    editor.get_by_role("option", name="Badbrygga vid Storesjön").click()
    editor.keyboard.press("Escape")
    editor.locator("#plan-save").click()
    editor.locator(".plan-item-links").get_by_text("Badbrygga vid Storesjön").wait_for()
    saved = PlansStore(store).plan("storebro", THIS_YEAR)
    assert saved is not None and saved.items[0].initiative_ids == (_bridge.id,)
    assert PlansStore(store).plan("storebro", THIS_YEAR - 1).items[0].initiative_ids == ()
    assert page.errors == []


def test_a_link_with_ort_opens_that_localitys_plan_and_the_address_follows_the_list(world, live_app, page):
    visitor = page.page
    visitor.goto(f"{live_app}/planer?ort=storebro")
    visitor.locator("#plan-locality").get_by_text("Storebro").wait_for()
    visitor.locator(".plan-view").get_by_text("Storebro").first.wait_for()
    visitor.locator("#plan-locality").click()
    visitor.get_by_role("option", name="Tuna").click()
    visitor.wait_for_url(f"{live_app}/planer?ort=tuna")
    assert page.errors == []
