"""Charts that read at a glance (issue #12, item 5): no text in a chart runs into another text.

At phone, tablet, laptop and projector sizes, in a real headless Chromium, the bounding boxes
of every non-empty text a plotly chart draws (titles, captions, axis titles, tick labels,
legend entries, bar labels, annotations) do not intersect; touching is tolerated.
"""

from __future__ import annotations

from datetime import date

import pytest

from indicators.groupwork import service
from indicators.groupwork.records import Activity, ActivityKind
from tests.dashboard.test_browser_groups import accounts  # noqa: F401 (fixture)
from tests.dashboard.test_responsive import VIEWPORTS, overlap

pytestmark = pytest.mark.browser

TEN = ("tuna", "pelarne", "rumskulla", "storebro", "sodra-vi", "frodinge", "gullringen", "vimmerby", "locknevi",
       "djursdala")
COMPARE = f"/jamfor?orter={','.join(TEN)}&ar=2024"
COMPARE_CHARTS = ("#compare-radar", "#compare-index", "#compare-bars", "#compare-series")

TEXT_BOXES = """(chart) => [...document.querySelectorAll(chart + ' .main-svg text')]
  .filter(t => t.textContent.trim() !== '' && t.getAttribute('visibility') !== 'hidden')
  .map(t => { const r = t.getBoundingClientRect();
              return {text: t.textContent, box: [r.left, r.top, r.right, r.bottom]}; })
  .filter(t => t.box[2] - t.box[0] > 0 && t.box[3] - t.box[1] > 0)"""


def settled_boxes(page, chart: str) -> list[dict]:
    """The chart's text boxes once two readings 300 ms apart agree: a chart that takes the size of
    its box may still be drawing its second layout when the network is idle (a busy machine)."""
    texts = page.evaluate(TEXT_BOXES, chart)
    for _ in range(20):
        page.wait_for_timeout(300)
        again = page.evaluate(TEXT_BOXES, chart)
        if again == texts:
            break
        texts = again
    return texts


def colliding_texts(page, chart: str) -> list[tuple[str, str]]:
    """Pairs of texts in ``chart`` whose boxes share more than a hairline."""
    texts = settled_boxes(page, chart)
    return [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
            if overlap(a["box"], b["box"])]


@pytest.mark.parametrize("size", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_no_text_on_the_compare_charts_runs_into_another(live_app, page, size):
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + COMPARE)
    for chart in COMPARE_CHARTS:
        browser_page.locator(f"{chart} .gtitle").wait_for()
    browser_page.wait_for_load_state("networkidle")
    collisions = {chart: colliding_texts(browser_page, chart) for chart in COMPARE_CHARTS}
    assert {chart: pairs for chart, pairs in collisions.items() if pairs} == {}
    assert page.errors == []


def test_the_ranking_table_of_ten_localities_fits_a_laptop_screen(live_app, page):
    browser_page = page.page
    browser_page.set_viewport_size({"width": 1366, "height": 768})
    browser_page.goto(live_app + COMPARE)
    table = browser_page.locator("#compare-table table.rank-table")
    table.wait_for()
    table_width, box_width = table.evaluate(
        "t => [t.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().width]")
    assert table_width <= box_width
    assert page.errors == []


SLIDES = 14  # the default presentation (tests/dashboard/test_browser_presentation_keys.py)


SHOWN_CHARTS = """() => [...document.querySelectorAll('#pres-stage .js-plotly-plot')]
  .filter(p => p.getClientRects().length > 0).length"""
MARK_SHOWN_CHART = """i => [...document.querySelectorAll('#pres-stage .js-plotly-plot')]
  .filter(p => p.getClientRects().length > 0)[i].setAttribute('data-overlap-check', 'yes')"""


@pytest.mark.parametrize("size", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_no_text_on_a_slide_chart_runs_into_another(live_app, page, size):
    """Every chart on screen, on every slide; a chart drawn twice (the comparison: a heatmap on a
    wide screen, sorted bars on a phone) is checked in the drawing that screen shows."""
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    collisions, checked = {}, 0
    for number in range(1, SLIDES + 1):
        browser_page.goto(f"{live_app}/presentation?bild={number}")
        browser_page.locator(f"#pres-stage [data-index='{number}']").wait_for()
        browser_page.wait_for_load_state("networkidle")
        for i in range(browser_page.evaluate(SHOWN_CHARTS)):
            browser_page.evaluate(MARK_SHOWN_CHART, i)
            chart = "#pres-stage [data-overlap-check]"
            pairs = colliding_texts(browser_page, chart)
            browser_page.evaluate("() => document.querySelector('#pres-stage [data-overlap-check]')"
                                  ".removeAttribute('data-overlap-check')")
            checked += 1
            if pairs:
                collisions[(number, i)] = pairs
    assert checked > 0  # the comparison and locality slides draw charts
    assert collisions == {}
    assert page.errors == []


@pytest.mark.parametrize("size", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_groups_first_activity_gives_a_timeline_in_swedish_months_with_no_colliding_texts(
        accounts, live_app, page, size):  # noqa: F811 (fixture)
    gw, admin, localities = accounts
    service.save_activity(gw, admin, Activity("storebro", date(2026, 11, 13), ActivityKind.MEETING, "Första mötet", 12),
                          known_localities=localities, today=date(2026, 12, 1))
    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + "/grupper?ort=storebro")
    timeline = browser_page.locator(".js-plotly-plot", has=browser_page.locator(".gtitle", has_text="Aktiviteter"))
    timeline.locator(".xtick").first.wait_for()
    browser_page.wait_for_load_state("networkidle")
    ticks = timeline.locator(".xtick text").evaluate_all("texts => texts.map(t => t.textContent)")
    assert ticks == ["nov. 2026"]
    timeline.evaluate("e => e.setAttribute('data-overlap-check', 'yes')")
    assert colliding_texts(browser_page, "[data-overlap-check]") == []
    assert page.errors == []


@pytest.mark.parametrize("size", [VIEWPORTS["phone"], VIEWPORTS["laptop"]], ids=["phone", "laptop"])
def test_the_help_page_opens_at_a_section_and_never_scrolls_sideways(live_app, page, size):
    from tests.dashboard.test_responsive import no_sideways_scroll

    width, height = size
    browser_page = page.page
    browser_page.set_viewport_size({"width": width, "height": height})
    browser_page.goto(live_app + "/hjalp#import-grupparbete")
    section = browser_page.locator("#import-grupparbete")
    section.locator("table").first.wait_for()
    assert "`" not in section.inner_text()  # Markdown drawn, not shown as source
    assert "locality_id" in section.inner_text()
    assert no_sideways_scroll(browser_page)
    assert page.errors == []
