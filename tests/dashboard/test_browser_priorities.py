"""Issue 15's map layer "Prioriterat område" in a real browser: a person chooses the layer where the
map's layers are chosen, and hovering a locality shows its priority and the group's why."""

from __future__ import annotations

import re
from datetime import date

import pytest

from indicators.plans.records import AreaPriority, Plan, Priority
from indicators.plans.store import PlansStore
from indicators.storage.store import Store
from tests.dashboard.test_browser_map import TEN_LOCALITIES
from tests.dashboard.test_map_clicks import _VISIBLE_SPOT, _frame, _map_frame

pytestmark = pytest.mark.browser
WHY = "Fler bostäder {{ 7*7 }}"


@pytest.fixture
def storebro_plan(database_url):
    store = Store.open(database_url)
    PlansStore(store).save_plan(
        Plan("storebro", date.today().year, "", (AreaPriority("leva", Priority.HIGH, WHY),)), username="test")
    store.dispose()


def test_the_priority_layer_can_be_chosen_and_the_tooltip_says_the_priority(storebro_plan, live_app, page):
    page.page.set_viewport_size({"width": 1366, "height": 768})
    page.page.goto(live_app + "/")
    for locality in TEN_LOCALITIES:
        _frame(page).locator(f".ort-label-{locality}").wait_for()
    page.page.wait_for_load_state("networkidle")

    page.page.locator("#indicator-select").click()
    page.page.keyboard.type("Prioriterat område: Le")
    page.page.get_by_role("option", name="Prioriterat område: Leva").click()
    page.page.wait_for_url(re.compile(r".*indikator=prioritet-leva"))
    _frame(page).get_by_text(re.compile(r"^Prioriterat område: Leva, \d{4}")).wait_for()
    legend = _frame(page).locator(".map-legend").inner_text()
    assert "Hög" in legend and "Ingen prioritet satt" in legend

    page.page.locator("#map-frame").evaluate("frame => frame.scrollIntoView({block: 'end'})")
    frame_box = page.page.locator("#map-frame").bounding_box()
    spot = _map_frame(page).evaluate(_VISIBLE_SPOT, "storebro")
    page.page.mouse.move(frame_box["x"] + spot[0], frame_box["y"] + spot[1])
    tooltip = _frame(page).locator(".ort-tooltip").filter(has_text="Storebro")
    tooltip.wait_for()
    shown = tooltip.inner_text()
    assert "Leva: Hög" in shown and f"Varför: {WHY}" in shown
    assert page.outside_requests() == []
    assert page.errors == []
