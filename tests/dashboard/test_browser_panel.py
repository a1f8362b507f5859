"""The map page's selection in a real browser: one round trip, a light panel, no plotly.js (issue #13 item 2)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _callback_posts(recorder) -> list[str]:
    return [url for url in recorder.requests if "/_dash-update-component" in url]


def test_a_click_on_the_map_asks_the_server_once_and_the_panel_draws_an_svg_image(live_app, page):
    view = page.page
    view.goto(live_app + "/")
    frame = view.frame_locator("#map-frame")
    frame.locator("path.ort-storebro").wait_for()
    view.wait_for_load_state("networkidle")  # the page's first round of callbacks has settled
    before = len(_callback_posts(page))

    frame.locator("path.ort-storebro").click()

    panel = view.locator("[data-locality=storebro]")
    panel.wait_for()
    view.wait_for_load_state("networkidle")
    assert len(_callback_posts(page)) - before == 1  # URL, list and panel in one response
    assert view.url.endswith("?ort=storebro")
    chart = panel.locator("img.population-chart")
    assert chart.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert chart.get_attribute("alt").startswith("Folkmängd i Storebro")
    assert view.evaluate("img => img.complete && img.naturalWidth > 0", chart.element_handle())
    # The selection is drawn in the map: its area has the thick outline.
    assert frame.locator("path.ort-area-storebro").get_attribute("stroke-width") == "5"
    assert not [url for url in page.requests if "plotly" in url]  # the map page never needs plotly.js
    assert page.outside_requests() == [] and page.errors == []


def test_choosing_in_the_list_highlights_the_locality_in_the_map(live_app, page):
    view = page.page
    view.goto(live_app + "/")
    frame = view.frame_locator("#map-frame")
    frame.locator("path.ort-tuna").wait_for()
    view.wait_for_load_state("networkidle")
    before = len(_callback_posts(page))

    view.locator("#locality-select").click()
    view.keyboard.type("Tuna")
    view.keyboard.press("Enter")

    view.locator("[data-locality=tuna]").wait_for()
    view.wait_for_load_state("networkidle")
    assert len(_callback_posts(page)) - before == 1
    assert view.url.endswith("?ort=tuna")
    assert frame.locator("path.ort-area-tuna").get_attribute("stroke-width") == "5"
    assert page.errors == []
