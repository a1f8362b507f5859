"""Presentation mode on a projector (issue #12, item 3), in a real headless Chromium.

At 1366 × 768 and 1920 × 1080: the slide fills the window and nothing scrolls; every key
press counts (four quick presses move four slides); Home, End and a number with Enter jump;
the map's legend never lies on the municipality; an empty chart says "Inga uppgifter"; the
PNG/SVG buttons are in the menu, not on the slide; full screen shows the slide alone and the
controls come back when the mouse moves.
"""

from __future__ import annotations

import re

import pytest

from tests.dashboard.test_responsive import BOX, MAP_BOXES, no_sideways_scroll, overlap

pytestmark = pytest.mark.browser

PROJECTORS = {"laptop": (1366, 768), "projector": (1920, 1080)}
SLIDES = 14  # the default presentation: since the last meeting, overview, ten localities, comparison, progress

SLIDE_FITS = """() => {
  const stage = document.getElementById('pres-stage'), slide = stage.querySelector('.slide');
  const r = stage.getBoundingClientRect();
  return {pageHeight: document.documentElement.scrollHeight, stage: [r.left, r.top, r.right, r.bottom],
          slideOverflows: slide.scrollHeight > slide.clientHeight + 1 || stage.scrollHeight > stage.clientHeight + 1};
}"""


def shown(page, number: int, slide: str | None = None) -> None:
    """Wait until slide ``number`` (and, if given, that slide id) is on screen and in the URL."""
    page.locator(f"#pres-stage [data-index='{number}']").wait_for()
    assert re.search(rf"[?&]bild={number}(&|$)", page.url), page.url
    if slide:
        page.locator(f"#pres-stage [data-slide='{slide}']").wait_for()
    assert page.locator("#pres-counter").inner_text() == f"Bild {number} av {SLIDES}"


def assert_fills_the_window_without_scrolling(page, width: int, height: int) -> None:
    fits = page.evaluate(SLIDE_FITS)
    assert fits["pageHeight"] <= height, "the page scrolls"
    left, top, right, bottom = fits["stage"]
    assert left >= 0 and top >= 0 and right <= width and bottom <= height
    assert bottom - top >= 0.8 * height  # the slide takes the window, not a box in it
    assert not fits["slideOverflows"], "the slide's content is cut"
    assert no_sideways_scroll(page)


def assert_legend_beside_the_map(page, subject: str = "path.ort-area") -> None:
    page.frame_locator("#pres-stage iframe").locator(subject).first.wait_for()
    frame = page.locator("#pres-stage iframe").element_handle().content_frame()
    # The map fits itself again when its frame settles into the slide (a resize): wait for that.
    try:
        frame.wait_for_function(f"""(selector) => {{ const b = ({MAP_BOXES})(selector);
            return Math.min(b.legend[2], b.areas[2]) - Math.max(b.legend[0], b.areas[0]) <= 1
                || Math.min(b.legend[3], b.areas[3]) - Math.max(b.legend[1], b.areas[1]) <= 1; }}""", arg=subject,
                                timeout=10_000)
    except Exception:  # noqa: BLE001 - the assertion below says what was wrong
        pass
    boxes = frame.evaluate(MAP_BOXES, subject)
    assert not overlap(boxes["legend"], boxes["areas"]), boxes


@pytest.mark.parametrize("size", PROJECTORS.values(), ids=PROJECTORS.keys())
def test_every_key_press_counts_and_the_slide_fits_the_screen(live_app, page, size):
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + "/presentation?bild=2")
    browser_page.locator("#pres-stage [data-slide=oversikt]").wait_for()
    browser_page.wait_for_load_state("networkidle")
    assert_fills_the_window_without_scrolling(browser_page, width, height)
    assert_legend_beside_the_map(browser_page)
    assert browser_page.locator("#pres-stage .chart-download").count() == 0

    browser_page.locator("#pres-stage").focus()
    for _ in range(4):  # quicker than the server draws a slide
        browser_page.keyboard.press("ArrowRight")
    shown(browser_page, 6)
    browser_page.keyboard.press("PageDown")
    browser_page.keyboard.press("PageDown")
    browser_page.keyboard.press("PageUp")
    shown(browser_page, 7)
    browser_page.keyboard.press("ArrowLeft")
    shown(browser_page, 6)
    browser_page.wait_for_load_state("networkidle")
    assert_fills_the_window_without_scrolling(browser_page, width, height)

    browser_page.keyboard.press("End")
    shown(browser_page, SLIDES, "framsteg")
    browser_page.wait_for_load_state("networkidle")
    # The bundled data has no initiatives: the progress chart says so instead of drawing axes.
    assert browser_page.locator("#pres-stage .slide-no-data").inner_text() == "Inga uppgifter"
    assert browser_page.locator("#pres-stage .js-plotly-plot").count() == 0
    assert_fills_the_window_without_scrolling(browser_page, width, height)

    browser_page.keyboard.press("Home")
    shown(browser_page, 1, "sedan-motet")
    browser_page.keyboard.press("1")
    browser_page.keyboard.press("3")
    browser_page.keyboard.press("Enter")
    shown(browser_page, 13, "jamforelse")
    browser_page.wait_for_load_state("networkidle")
    browser_page.locator("#pres-stage .slide-wide .js-plotly-plot").wait_for()  # the drawing for this width
    assert_fills_the_window_without_scrolling(browser_page, width, height)
    browser_page.keyboard.press("1")
    browser_page.keyboard.press("0")
    browser_page.keyboard.press("Enter")
    shown(browser_page, 10, "ort:sodra-vi")
    browser_page.wait_for_load_state("networkidle")
    assert_fills_the_window_without_scrolling(browser_page, width, height)
    assert_legend_beside_the_map(browser_page, "path.ort-area-sodra-vi")

    assert page.outside_requests() == []
    assert page.errors == []


def test_the_buttons_take_the_same_path_as_the_keys(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + "/presentation?bild=2")
    shown(browser_page, 2)
    next_button = browser_page.get_by_role("button", name=re.compile("Nästa"))
    for _ in range(3):
        next_button.click()
    shown(browser_page, 5)
    browser_page.get_by_role("button", name=re.compile("Föregående")).click()
    shown(browser_page, 4)
    # The chart as an image is in the menu, not under every chart.
    browser_page.locator("#pres-menu summary").click()
    assert browser_page.get_by_role("button", name="Diagrammet som PNG").is_visible()
    assert page.errors == []


def test_full_screen_shows_the_slide_alone_and_the_controls_when_the_mouse_moves(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + "/presentation")
    browser_page.locator("#pres-stage [data-slide=sedan-motet]").wait_for()
    browser_page.get_by_role("button", name="Helskärm").click()
    browser_page.wait_for_function("() => document.fullscreenElement && document.fullscreenElement.id === 'pres-screen'")
    bar_opacity = "getComputedStyle(document.querySelector('.pres-bar')).opacity"
    browser_page.wait_for_function(f"() => {bar_opacity} === '0'")  # the bar steps aside
    stage = browser_page.locator("#pres-stage").evaluate(BOX)
    assert stage[3] - stage[1] >= browser_page.evaluate("window.innerHeight") - 2  # the slide is the screen

    browser_page.mouse.move(200, 300)
    browser_page.mouse.move(220, 320)
    browser_page.wait_for_function(f"() => {bar_opacity} === '1'")
    browser_page.keyboard.press("ArrowRight")
    shown(browser_page, 2)
    assert page.errors == []
