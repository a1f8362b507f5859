"""Changing the map's layer restyles the frame in place: no new document, new colours and legend.

Issue #13 item 3 (decision 72): the frame is sent once; a new indicator sends values only, which
``allasMap.apply`` sets on the areas, tooltips and legend it already drew. A flag set on the
frame's window before the change must still be there after it — a reloaded frame has a new window.
"""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser_map import TEN_LOCALITIES

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1366, "height": 900}
INDEX = "Attraktivitetsindex – alla områden"  # the index layer: a score, so every area changes colour
FILLS = """() => Object.fromEntries(Array.from(document.querySelectorAll('path.ort-area'))
                 .map(p => [p.getAttribute('class').match(/ort-area-(\\S+)/)[1], p.getAttribute('fill')]))"""


def _frame_window(page):
    """The map iframe's Frame, for script run in the frame's own window."""
    return page.page.locator("#map-frame").element_handle().content_frame()


def _legend_title(page) -> str:
    return page.page.frame_locator("#map-frame").locator(".map-legend .legend-toggle").inner_text()


def _choose_layer(page, label: str) -> None:
    page.page.locator("#indicator-select").click()
    page.page.get_by_role("option", name=label, exact=True).click()


def _stroke_width(page, locality: str) -> str:
    return page.page.frame_locator("#map-frame").locator(f"path.ort-area-{locality}").get_attribute("stroke-width")


def test_a_new_indicator_restyles_the_map_without_reloading_its_frame(live_app, page):
    page.page.set_viewport_size(VIEWPORT)
    page.page.goto(live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    for locality in TEN_LOCALITIES:
        frame.locator(f".ort-label-{locality}").wait_for()
    page.page.wait_for_load_state("networkidle")
    window = _frame_window(page)
    window.evaluate("() => { window.keptSinceFirstDraw = true; }")
    fills_before, title_before = window.evaluate(FILLS), _legend_title(page)
    assert title_before.startswith("Folkmängd")

    # A locality selected first: its highlight must survive the restyle.
    frame.locator("path.ort-storebro").click()
    page.page.locator("[data-locality=storebro]").wait_for()
    assert _stroke_width(page, "storebro") == "5"

    _choose_layer(page, INDEX)
    page.page.wait_for_function(
        """before => {
            const frame = document.getElementById('map-frame').contentDocument;
            const title = frame && frame.querySelector('.map-legend .legend-toggle');
            return title && title.textContent !== before;
        }""", arg=title_before)
    page.page.wait_for_load_state("networkidle")

    window = _frame_window(page)
    assert window.evaluate("() => window.keptSinceFirstDraw === true"), "the frame was reloaded"
    assert _legend_title(page).startswith(INDEX)
    fills_after = window.evaluate(FILLS)
    assert set(fills_after) == set(fills_before) == set(TEN_LOCALITIES)
    assert fills_after != fills_before
    assert _stroke_width(page, "storebro") == "5"  # the highlight, applied again
    tooltip = window.evaluate("() => { const area = allasMap.areas.tuna; area.openTooltip();"
                              " const text = area.getTooltip().getElement().textContent; area.closeTooltip();"
                              " return text; }")
    assert tooltip.startswith("Tuna") and INDEX in tooltip  # the tooltip speaks of the new layer

    # Clicking a locality still selects it, and moves the highlight.
    frame.locator("path.ort-tuna").click()
    page.page.locator("[data-locality=tuna]").wait_for()
    assert page.page.url.endswith("ort=tuna") or "ort=tuna" in page.page.url
    assert _stroke_width(page, "tuna") == "5" and _stroke_width(page, "storebro") == "1.5"
    assert window.evaluate("() => window.keptSinceFirstDraw === true")
    assert page.outside_requests() == []
    assert page.errors == []


def test_a_frame_still_loading_when_values_come_applies_them_when_it_starts(live_app, page):
    """The race: values that reach the page before its frame has loaded are not lost. Loading the
    frame's document again (it still holds the first layer's values) stands in for a frame that
    was loading while the values came: it must start with the values the page holds."""
    page.page.set_viewport_size(VIEWPORT)
    page.page.goto(live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    frame.locator(".ort-label-tuna").wait_for()
    page.page.wait_for_load_state("networkidle")
    _choose_layer(page, INDEX)
    page.page.wait_for_function("() => window.allasMapPending && window.allasMapPending.legend.title"
                                f".startsWith({INDEX!r})")
    page.page.wait_for_load_state("networkidle")

    page.page.locator("#map-frame").evaluate("frame => { frame.srcdoc = frame.srcdoc; }")
    frame.locator(".ort-label-tuna").wait_for()
    assert _legend_title(page).startswith(INDEX)
    assert "Folkmängd" in page.page.locator("#map-frame").get_attribute("srcdoc")  # its own values were the first layer's
    assert page.errors == []
