"""Clicking a locality's name, dot or area on the map selects that locality, at two zoom levels.

Issue #12: a name label lay over a neighbour's area and let the click through, so Vimmerby's
name opened Frödinge. These tests click where a person clicks: the mouse goes to the middle of
the name (or dot, or a spot of the area that shows on screen) in the real page, and the panel
and the URL must name the locality that was clicked.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.dashboard.test_browser_map import TEN_LOCALITIES

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1366, "height": 768}
# The starting view, and one zoom level in with the map centred on the locality clicked.
ZOOM_STEPS = pytest.mark.parametrize("step", [0, 1], ids=["start-zoom", "one-level-in"])


@pytest.fixture
def map_page(live_app: str, page):
    """The map page at a laptop's size, its ten localities drawn and its first callbacks settled."""
    page.page.set_viewport_size(VIEWPORT)
    page.page.goto(live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    for locality in TEN_LOCALITIES:
        frame.locator(f".ort-label-{locality}").wait_for()
    page.page.wait_for_load_state("networkidle")
    # All of the map on screen (768 px is less than the page above it and the map): the mouse
    # clicks where the page shows a thing, and only what is on screen can be clicked.
    page.page.locator("#map-frame").evaluate("frame => frame.scrollIntoView({block: 'end'})")
    return page


def _frame(page):
    """The map iframe's content, for locating elements in it."""
    return page.page.frame_locator("#map-frame")


def _map_frame(page):
    """The iframe's Frame object, for running script in the map's own window."""
    return page.page.locator("#map-frame").element_handle().content_frame()


def _centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _click_and_expect(page, x: float, y: float, locality: str, what: str) -> None:
    """Click at (x, y) on the page as a mouse does, then wait until ``locality`` is selected."""
    page.page.mouse.click(x, y)
    panel = page.page.locator(f"[data-locality={locality}]")
    try:
        panel.wait_for(timeout=10_000)
    except PlaywrightTimeout as error:  # a clear message beats a timeout
        shown = page.page.locator("[data-locality]").first.get_attribute("data-locality")
        raise AssertionError(f"clicking {what} of {locality} selected {shown!r}") from error
    page.page.wait_for_url(re.compile(rf".*[?&]ort={locality}(&|$)"))


def _zoom_to(page, locality: str, step: float) -> None:
    """Centre the map on ``locality``'s dot, ``step`` zoom levels in from the starting view."""
    _map_frame(page).evaluate(
        """([id, step]) => {
            const view = window.allasMap;
            view.startZoom = view.startZoom === undefined ? view.map.getZoom() : view.startZoom;
            view.map.setView(view.points[id].getLatLng(), view.startZoom + step, {animate: false});
        }""",
        [locality, step],
    )


# A spot inside the locality's area that is the area itself on screen (not a name, dot, legend
# or neighbour), nearest the middle of its box; in the iframe's coordinates.
_VISIBLE_SPOT = """id => {
    const path = window.allasMap.areas[id].getElement();
    const box = path.getBoundingClientRect();
    const spots = [];
    for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
            spots.push([box.left + box.width * i / 20, box.top + box.height * j / 20]);
        }
    }
    const middle = [box.left + box.width / 2, box.top + box.height / 2];
    spots.sort((a, b) => Math.hypot(a[0] - middle[0], a[1] - middle[1]) - Math.hypot(b[0] - middle[0], b[1] - middle[1]));
    return spots.find(([x, y]) => x > 20 && y > 20 && x < innerWidth - 20 && y < innerHeight - 20
                                  && document.elementFromPoint(x, y) === path) || null;
}"""


def _label_box(page, locality: str) -> dict:
    return _frame(page).locator(f".ort-label-{locality}").bounding_box()


def _dot_box(page, locality: str) -> dict:
    return _frame(page).locator(f"path.ort-marker.ort-{locality}").bounding_box()


@ZOOM_STEPS
def test_map_clicking_each_name_and_each_dot_selects_that_locality(map_page, step):
    page = map_page
    order = list(TEN_LOCALITIES)
    # Names first, then dots; the dots go in reverse so no click repeats the previous selection.
    for what, localities, box in (("the name", order, _label_box), ("the dot", order[::-1], _dot_box)):
        for locality in localities:
            if step:
                _zoom_to(page, locality, step)
            _click_and_expect(page, *_centre(box(page, locality)), locality, what)
    assert page.outside_requests() == []
    assert page.errors == []


@ZOOM_STEPS
def test_map_clicking_each_area_selects_that_locality(map_page, step):
    page = map_page
    for locality in TEN_LOCALITIES:
        if step:
            _zoom_to(page, locality, step)
        spot = _map_frame(page).evaluate(_VISIBLE_SPOT, locality)
        assert spot is not None, f"no part of {locality}'s area shows on the map"
        frame_box = page.page.locator("#map-frame").bounding_box()
        _click_and_expect(page, frame_box["x"] + spot[0], frame_box["y"] + spot[1], locality, "the area")
    assert page.errors == []


# While the pointer is on an area, its tooltip and every name label, in the iframe's coordinates, and
# whether a tooltip is what shows at a name's middle (names off screen or under the legend are
# another matter, not the tooltip's doing).
_TOOLTIP_AND_NAMES = """() => {
    const box = element => { const r = element.getBoundingClientRect();
                             return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    // A closed tooltip fades out for a moment (opacity 0) before Leaflet removes it.
    const tooltip = [...document.querySelectorAll('.ort-tooltip')].find(t => t.style.opacity !== '0');
    const names = [...document.querySelectorAll('.ort-label')].map(label => {
        const r = label.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {text: label.textContent, box: box(label), underTooltip: Boolean(top && top.closest('.ort-tooltip'))};
    });
    return {tooltip: tooltip && box(tooltip), names};
}"""


def _overlap(a: dict, b: dict) -> bool:
    return min(a["right"], b["right"]) > max(a["left"], b["left"]) and \
        min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])


@ZOOM_STEPS
def test_map_hover_tooltips_leave_every_name_visible(map_page, step):
    page = map_page
    frame_box = page.page.locator("#map-frame").bounding_box()
    for locality in TEN_LOCALITIES:
        if step:
            _zoom_to(page, locality, step)
        spot = _map_frame(page).evaluate(_VISIBLE_SPOT, locality)
        page.page.mouse.move(frame_box["x"] + spot[0], frame_box["y"] + spot[1])
        _frame(page).locator(".ort-tooltip").first.wait_for()
        seen = _map_frame(page).evaluate(_TOOLTIP_AND_NAMES)
        assert seen["tooltip"] is not None, f"hovering {locality}'s area shows no tooltip"
        hidden = [n["text"] for n in seen["names"] if n["underTooltip"]]
        assert hidden == [], f"hovering {locality}'s area: names under its tooltip: {hidden}"
        # Names are drawn above tooltips whatever happens; the tooltip also finds a place clear of them.
        covered = [n["text"] for n in seen["names"] if _overlap(seen["tooltip"], n["box"])]
        assert covered == [], f"hovering {locality}'s area: its tooltip covers {covered}"
    assert page.errors == []


def test_map_scale_bar_is_metric_only(map_page):
    scale = _frame(map_page).locator(".leaflet-control-scale-line")
    assert scale.count() == 1
    assert re.fullmatch(r"\d+ (km|m)", scale.inner_text().strip())
