"""The change view as the presentation's opening slide, in a real headless Chromium: from
/sedan-motet, "Visa som presentation" opens the default presentation at its first slide with the
page's dates, and that slide fits 1366 × 768 and 1920 × 1080 without scrolling (a row per locality)."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.test_browser_presentation_keys import PROJECTORS, assert_fills_the_window_without_scrolling, shown

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", PROJECTORS.values(), ids=PROJECTORS.keys())
def test_the_change_view_opens_the_presentation_and_fits_the_screen(live_app, page, size):
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + "/sedan-motet")
    browser_page.locator(".changes-body .changes-period").wait_for()
    link = browser_page.get_by_role("link", name="Visa som presentation")
    start = browser_page.locator("#changes-start").input_value()
    end = browser_page.locator("#changes-end").input_value()
    assert link.get_attribute("href") == f"/presentation?bild=1&fran={start}&till={end}"
    link.click()

    shown(browser_page, 1, "sedan-motet")
    assert re.search(rf"fran={start}&till={end}", browser_page.url), browser_page.url
    browser_page.wait_for_load_state("networkidle")
    slide = browser_page.locator("#pres-stage [data-slide=sedan-motet]")
    assert "Sedan förra strategiska mötet" in slide.locator("h2").inner_text()
    # Every locality has its row (the bundled data: ten), or the one sentence saying nothing changed.
    rows = slide.locator("tbody tr[data-locality]").count()
    assert rows == 10 or slide.locator(".changes-empty").count() == 1
    assert_fills_the_window_without_scrolling(browser_page, width, height)

    # A period in which the bundled figures moved: a row for each of the ten localities, and still no scrolling.
    browser_page.goto(live_app + "/presentation?bild=1&fran=2019-06-01&till=2025-06-01")
    slide.locator("tbody tr[data-locality]").first.wait_for()
    browser_page.wait_for_load_state("networkidle")
    assert slide.locator("tbody tr[data-locality]").count() == 10
    assert_fills_the_window_without_scrolling(browser_page, width, height)

    browser_page.locator("#pres-stage").focus()
    browser_page.keyboard.press("ArrowRight")
    shown(browser_page, 2, "oversikt")
    assert "fran=2019-06-01" in browser_page.url  # the period stays in the URL while moving on
    assert page.outside_requests() == []
    assert page.errors == []


def test_an_empty_period_says_so_on_the_slide(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + "/presentation?bild=1&fran=2001-01-01&till=2001-01-02")
    slide = browser_page.locator("#pres-stage [data-slide=sedan-motet]")
    slide.wait_for()
    assert "Inget har ändrats under perioden" in slide.locator(".changes-empty").inner_text()
    assert_fills_the_window_without_scrolling(browser_page, 1366, 768)
    assert page.errors == []


def test_the_ideas_slide_in_a_saved_presentation_fits_and_shows_titles_as_typed(live_app, page, dashboard_data):
    from indicators.groupwork import service as gw_service
    from indicators.ideas import service
    from indicators.ideas.records import Idea, Sender, Submission
    from indicators.ideas.rules import Step
    from indicators.ideas.store import IdeaStore
    from indicators.presentations.slides import Presentation
    from indicators.presentations.store import PresentationStore
    from indicators.storage.app_settings import AppSettings

    title = "Bänk vid ån {{ 7*7 }} <b>fet</b>"
    ideas = IdeaStore(dashboard_data.store, salt=b"test")
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    for n, locality in enumerate(dashboard_data.locality_ids()):
        sent = service.submit(ideas, Sender(f"10.0.1.{n}"), Submission(Idea(locality, f"{title} {n}", areas=("trivas",))),
                              known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True,
                              values=AppSettings.defaults())
        published = service.moderate(ideas, admin, sent.id, sent.version, Step.PUBLISH)
        service.support(ideas, Sender(f"10.0.2.{n}", browser=f"b{n}"), published.id, values=AppSettings.defaults())
    saved = PresentationStore(dashboard_data.store).save(Presentation("Möte", ("sedan-motet", "forslag")), username="t",
                                                         locality_ids=dashboard_data.locality_ids())
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + f"/presentation?bild=2&id={saved.id}")
    slide = browser_page.locator("#pres-stage [data-slide=forslag]")
    slide.wait_for()
    browser_page.wait_for_load_state("networkidle")
    assert slide.locator(".slide-ideas-top li").count() == 5
    assert f"{title} 0" in slide.locator(".slide-ideas-top").inner_text()  # as typed: no template, no markup
    assert slide.locator(".slide-ideas-top b").count() == 0
    fits = browser_page.evaluate("""() => { const s = document.querySelector('#pres-stage .slide');
        return s.scrollHeight <= s.clientHeight + 1 && document.documentElement.scrollHeight <= window.innerHeight; }""")
    assert fits, "the ideas slide scrolls"
    assert page.errors == []
