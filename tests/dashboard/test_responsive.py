"""Phone, tablet, laptop and projector (issue #12, item 2), in a real headless Chromium.

At each size: no page scrolls sideways (tables scroll inside their own box); on the map page
with a locality chosen, the map and the locality's name are on the first screen, the
municipality fills the map beside the legend; on a phone the menu is behind a button that
says whether it is open (aria-expanded) and works from the keyboard.
"""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser_groups import ADMIN_PASSWORD, accounts  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1366, 768), "projector": (1920, 1080)}
PAGES = ("/?ort=rumskulla", "/jamfor", "/grupper", "/importera", "/metod", "/presentation", "/personal")

OVERFLOW = "() => [document.documentElement.scrollWidth, window.innerWidth]"
BOX = "element => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
# Inside the map's frame: the frame's size, the legend's box and the box around the areas the
# selector names (every locality's by default).
MAP_BOXES = """(selector) => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const areas = [...document.querySelectorAll(selector || 'path.ort-area')].map(box);
  return {frame: [window.innerWidth, window.innerHeight], legend: box(document.querySelector('.map-legend')),
          areas: [Math.min(...areas.map(a => a[0])), Math.min(...areas.map(a => a[1])),
                  Math.max(...areas.map(a => a[2])), Math.max(...areas.map(a => a[3]))]};
}"""


def no_sideways_scroll(page) -> bool:
    scroll_width, width = page.evaluate(OVERFLOW)
    return scroll_width <= width


def overlap(a, b) -> bool:
    """Whether two boxes (left, top, right, bottom) share more than a hairline."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


def sign_in_as_admin(page, base: str) -> None:
    page.goto(base + "/logga-in?next=/")
    page.get_by_label("Användarnamn").fill("admin")
    page.get_by_label("Lösenord").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(base + "/")


@pytest.mark.parametrize("size", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_no_page_is_wider_than_the_screen(accounts, live_app, page, size):
    width, height = size
    browser_page = page.page
    sign_in_as_admin(browser_page, live_app)  # so the staff page shows its tables, not the refusal
    browser_page.set_viewport_size({"width": width, "height": height})
    wider = []
    for path in PAGES:
        browser_page.goto(live_app + path)
        browser_page.locator(".page h2, .page h3, #pres-stage [data-slide]").first.wait_for()
        browser_page.wait_for_load_state("networkidle")
        if not no_sideways_scroll(browser_page):
            wider.append((path, browser_page.evaluate(OVERFLOW)))
    assert wider == []
    assert page.errors == []


@pytest.mark.parametrize("size", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_map_and_the_chosen_locality_are_on_the_first_screen(live_app, page, size):
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + "/?ort=rumskulla")
    name = browser_page.locator("[data-locality=rumskulla] h2")
    name.wait_for()
    frame = browser_page.frame_locator("#map-frame")
    frame.locator("path.ort-area-rumskulla").wait_for()
    browser_page.wait_for_load_state("networkidle")

    left, top, right, bottom = browser_page.locator("#map-frame").evaluate(BOX)
    assert 0 <= top and left >= 0 and right <= width
    assert min(bottom, height) - top >= 0.4 * height  # most of the map shows, not a strip at the bottom
    assert name.inner_text() == "Rumskulla"
    name_box = name.evaluate(BOX)
    assert 0 <= name_box[1] and name_box[3] <= height and name_box[2] <= width
    assert no_sideways_scroll(browser_page)

    inside = browser_page.locator("#map-frame").element_handle().content_frame()
    boxes = inside.evaluate(MAP_BOXES)
    frame_width, frame_height = boxes["frame"]
    areas = boxes["areas"]
    assert areas[0] >= -1 and areas[1] >= -1 and areas[2] <= frame_width + 1 and areas[3] <= frame_height + 1
    # The municipality fills the map: at least half its width or height.
    assert areas[2] - areas[0] >= 0.5 * frame_width or areas[3] - areas[1] >= 0.5 * frame_height
    assert not overlap(boxes["legend"], areas)  # the legend sits beside the municipality, not on it
    assert page.errors == []


def test_on_a_phone_the_menu_opens_from_a_button_that_says_so(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 390, "height": 844})
    browser_page.goto(live_app + "/?ort=rumskulla")
    button = browser_page.get_by_role("button", name="Meny")
    button.wait_for()
    menu_link = browser_page.locator("#nav a[href='/jamfor']")  # hidden links have no role to find them by
    menu_link.wait_for(state="attached")
    assert button.get_attribute("aria-expanded") == "false" and not menu_link.is_visible()

    button.focus()
    browser_page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and menu_link.is_visible()
    browser_page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not menu_link.is_visible()
    assert browser_page.evaluate("document.activeElement.id") == "menu-button"

    browser_page.keyboard.press("Space")
    menu_link.click()
    browser_page.wait_for_url(live_app + "/jamfor")
    assert button.get_attribute("aria-expanded") == "false" and not menu_link.is_visible()
    assert page.errors == []


def test_on_a_laptop_the_menu_is_always_shown_and_the_button_is_not(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + "/")
    browser_page.locator("#nav").get_by_role("link", name="Jämför orter").wait_for()
    assert not browser_page.locator("#menu-button").is_visible()
