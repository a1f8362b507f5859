"""What a person sees and clicks, in a real headless Chromium."""

from __future__ import annotations

import re

import pytest

TEN_LOCALITIES = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne",
                  "rumskulla", "storebro", "sodra-vi", "tuna", "vimmerby")

pytestmark = pytest.mark.browser


def test_map_shows_ten_localities_and_a_click_opens_the_panel(live_app, page):
    page.page.goto(live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    for locality in TEN_LOCALITIES:
        frame.locator(f"path.ort-{locality}").wait_for()
    labels = frame.locator(".ort-label").all_inner_texts()
    assert len(labels) == 10
    assert frame.locator(".leaflet-control-zoom-in").get_attribute("title") == "Zooma in"
    assert frame.locator(".leaflet-control-zoom-out").get_attribute("title") == "Zooma ut"
    assert "≈ Djursdala" in labels and "Storebro" in labels
    page.page.wait_for_load_state("networkidle")  # the page's first round of callbacks has settled

    frame.locator("path.ort-storebro").click()

    panel = page.page.locator("[data-locality=storebro]")
    panel.wait_for()
    assert panel.locator("h2").inner_text() == "Storebro"
    assert "1 025 invånare" in panel.inner_text().replace("\u00a0", " ")
    assert page.page.url.endswith("?ort=storebro")
    assert page.outside_requests() == []
    assert page.errors == []


def test_a_shared_link_opens_the_same_locality(live_app, page):
    page.page.goto(live_app + "/?ort=rumskulla")
    panel = page.page.locator("[data-locality=rumskulla]")
    panel.wait_for()
    assert "Ungefärligt läge" in panel.inner_text()
    # The dropdown shows the selection from the link.
    assert "Rumskulla" in page.page.locator("#locality-select").inner_text()
    assert page.errors == []


def test_choosing_a_locality_in_the_list_updates_the_url(live_app, page):
    page.page.goto(live_app + "/")
    page.page.locator("#map-frame").wait_for()
    page.page.locator("#locality-select").click()
    page.page.get_by_role("option", name="Tuna").click()
    page.page.locator("[data-locality=tuna]").wait_for()
    page.page.wait_for_url(re.compile(r".*\?ort=tuna$"))
    assert page.errors == []
