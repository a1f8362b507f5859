"""The "Underlag" page in a real browser: an admin finds it in the menu and sees the table; on a phone
the tables scroll inside their own boxes and the page never scrolls sideways."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from dashboard.pages.readiness import READINESS_DOWNLOAD_BUTTON, READINESS_TABLE
from indicators.groupwork import service
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store
from tests.dashboard.axe import blocking, describe, run_axe

pytestmark = pytest.mark.browser
ADMIN_PASSWORD = "admin-lösenord-1"


@pytest.fixture
def admin(database_url):
    store = Store.open(database_url)
    service.bootstrap_admin(GroupworkStore(store), "admin", ADMIN_PASSWORD)
    yield
    store.dispose()


def sign_in(page, base: str) -> None:
    page.goto(base + "/logga-in?next=/")
    page.get_by_label("Användarnamn").fill("admin")
    page.get_by_label("Lösenord").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(base + "/")


def test_an_admin_opens_underlag_from_the_menu_and_sees_the_table(admin, live_app, page):
    p = page.page
    sign_in(p, live_app)
    p.get_by_role("link", name="Underlag").click()
    p.wait_for_url(live_app + "/underlag")
    table = p.locator(f"#{READINESS_TABLE}")
    frodinge = table.locator('tr[data-indicator="population"][data-place="frodinge"]')
    assert frodinge.locator("td").nth(2).inner_text() == "Verklig uppgift"
    assert "302" in frodinge.inner_text()
    assert table.locator('tr[data-status="example"]').count() > 0
    p.wait_for_load_state("networkidle")
    found = blocking(run_axe(p.main_frame))
    assert not found, describe(found, "/underlag")
    with p.expect_download() as download:
        p.locator(f"#{READINESS_DOWNLOAD_BUTTON}").click()
    assert download.value.suggested_filename == "underlag.xlsx"
    with open(download.value.path(), "rb") as saved:  # the saved file has no .xlsx suffix for openpyxl
        book = load_workbook(saved)
    assert book.worksheets[0]["A1"].value == "Indikator"
    assert page.outside_requests() == []
    assert page.errors == []


def test_on_a_phone_the_tables_scroll_in_their_box_not_the_page(admin, live_app, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE", is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(30_000)
    try:
        p = context.new_page()
        sign_in(p, live_app)
        p.goto(live_app + "/underlag")
        p.locator(f"#{READINESS_TABLE}").wait_for()
        page_width = p.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert page_width[0] <= page_width[1], page_width
        box = p.evaluate("""() => { const box = document.querySelector('.readiness-details');
                                    return [box.scrollWidth, box.clientWidth]; }""")
        assert box[0] > box[1], box  # the wide table scrolls inside its own box
    finally:
        context.close()
