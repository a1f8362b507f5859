"""The comparison slide on a phone (issue #12, item 5), in a real headless Chromium.

Sixty heatmap cells with their numbers do not fit a phone, so the slide carries a second
drawing, sorted bars per SLUS area, and CSS shows the one that fits the screen: upright or
turned, a phone gets the bars; a laptop or a projector the heatmap. Turning or widening the
window switches at once, with no round trip to the server.
"""

from __future__ import annotations

import pytest

from tests.dashboard.test_responsive import no_sideways_scroll

pytestmark = pytest.mark.browser

COMPARE_SLIDE = "/presentation?bild=13"  # the default presentation's comparison slide
TEN = {"Djursdala", "Frödinge", "Gullringen", "Locknevi", "Pelarne", "Rumskulla", "Storebro", "Södra Vi", "Tuna",
       "Vimmerby"}
AREAS = ["Leva", "Arbeta", "Verka", "Trivas", "Kontakt", "Mötas"]
PLOT_WIDTH = "e => e.querySelector('.main-svg').getBoundingClientRect().width"


def _open(page, live_app: str, width: int, height: int):
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + COMPARE_SLIDE)
    browser_page.locator("#pres-stage [data-slide=jamforelse] .slide-narrow .gtitle, "
                         "#pres-stage [data-slide=jamforelse] .slide-narrow .annotation-text").first.wait_for(
        state="attached")
    browser_page.wait_for_load_state("networkidle")
    return browser_page


@pytest.mark.parametrize("size", [(390, 844), (844, 390)], ids=["upright", "turned"])
def test_a_phone_shows_the_comparison_as_sorted_bars_per_area(live_app, page, size):
    browser_page = _open(page, live_app, *size)
    narrow = browser_page.locator("#pres-stage .slide-narrow")
    assert narrow.is_visible() and not browser_page.locator("#pres-stage .slide-wide").is_visible()
    assert narrow.locator(".annotation-text").all_text_contents() == AREAS
    names = narrow.locator(".yaxislayer-above text").all_text_contents()
    assert sorted(names) == sorted(list(TEN) * len(AREAS))  # every locality in each area's chart
    heading = narrow.locator("h3")
    assert heading.inner_text().startswith("Poäng per utvecklingsområde")
    assert no_sideways_scroll(browser_page)
    assert page.errors == []


def test_widening_the_window_brings_the_heatmap_back_without_asking_the_server(live_app, page):
    browser_page = _open(page, live_app, 390, 844)
    asked = len([url for url in page.requests if "_dash-update-component" in url])
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    wide = browser_page.locator("#pres-stage .slide-wide")
    wide.locator(".hm").wait_for()
    browser_page.wait_for_function(f"() => ({PLOT_WIDTH})(document.querySelector('#pres-stage .slide-wide')) > 1000")
    assert not browser_page.locator("#pres-stage .slide-narrow").is_visible()
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.locator("#pres-stage .slide-narrow").wait_for()
    browser_page.wait_for_function(f"() => ({PLOT_WIDTH})(document.querySelector('#pres-stage .slide-narrow')) < 400")
    assert len([url for url in page.requests if "_dash-update-component" in url]) == asked
    assert page.errors == []
