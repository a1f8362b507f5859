"""Lean pages in a real browser (issue #13 item 4): scripts arrive compressed, plotly.js (4.7 MB) is
fetched only by a page that draws a plotly chart, and a busy group's lists are paged."""

from __future__ import annotations

import pytest

from dashboard.components.pager import PAGE_SIZE
from indicators.storage.store import Store
from tests.dashboard.test_groups_paging import ACTIVITIES, _fill

pytestmark = pytest.mark.browser
PLOTLY = "plotly.min.js"


def _visit(page, url: str, *, wait_for: str | None = None) -> list:
    responses = []

    def record(response) -> None:
        responses.append(response)

    page.page.on("response", record)
    page.page.goto(url)
    page.page.wait_for_load_state("networkidle")
    if wait_for:
        page.page.locator(wait_for).first.wait_for()
        page.page.wait_for_load_state("networkidle")
    page.page.remove_listener("response", record)
    return responses


@pytest.mark.parametrize("path", ["/", "/?ort=storebro", "/grupper", "/metod", "/hjalp"])
def test_a_page_without_plotly_charts_never_fetches_plotly(live_app, page, path):
    responses = _visit(page, live_app + path, wait_for="#_pages_content > *")
    scripts = [r.url for r in responses if r.request.resource_type == "script"]
    assert scripts and not [url for url in scripts if PLOTLY in url]
    assert page.errors == []


def test_the_compare_page_fetches_plotly_for_its_charts_compressed(live_app, page):
    responses = _visit(page, live_app + "/jamfor", wait_for=".js-plotly-plot")
    plotly = [r for r in responses if PLOTLY in r.url]
    assert len(plotly) == 1
    assert plotly[0].headers.get("content-encoding") in ("br", "gzip")
    assert page.errors == []


def test_every_script_and_stylesheet_arrives_compressed(live_app, page):
    responses = _visit(page, live_app + "/?ort=storebro", wait_for="#_pages_content > *")
    files = [r for r in responses if r.request.resource_type in ("script", "stylesheet") and r.status == 200
             and r.url.startswith(live_app) and len(r.body()) >= 500]
    assert files
    assert [r.url for r in files if r.headers.get("content-encoding") not in ("br", "gzip")] == []


@pytest.fixture
def busy_database(database_url):
    from dashboard.data import DashboardData

    store = Store.open(database_url)
    _fill(DashboardData(store).gw)
    store.dispose()
    return database_url


def test_paging_through_a_busy_groups_activities(busy_database, live_app, page):
    browser_page = page.page
    browser_page.goto(live_app + "/grupper?ort=storebro")
    activities = browser_page.locator("nav[data-list=activities]")
    activities.get_by_text(f"Visar 1–{PAGE_SIZE} av {ACTIVITIES}").wait_for()
    rows = browser_page.locator("#gw-activity-list tr[data-activity]")
    assert rows.count() == PAGE_SIZE
    assert rows.first.get_by_text("Tur 000").count() == 1
    assert activities.get_by_role("button", name="◀ Föregående").is_disabled()

    activities.get_by_role("button", name="Nästa ▶").click()
    activities.get_by_text(f"Visar 51–100 av {ACTIVITIES}").wait_for()
    assert rows.first.get_by_text("Tur 050").count() == 1
    assert rows.count() == PAGE_SIZE
    assert browser_page.url.endswith("/grupper?ort=storebro")  # the page's own state stays out of the link

    activities.get_by_role("button", name="Nästa ▶").click()
    activities.get_by_text(f"Visar 101–{ACTIVITIES} av {ACTIVITIES}").wait_for()
    assert rows.count() == ACTIVITIES - 2 * PAGE_SIZE
    assert activities.get_by_role("button", name="Nästa ▶").is_disabled()

    activities.get_by_role("button", name="◀ Föregående").click()
    activities.get_by_text(f"Visar 51–100 av {ACTIVITIES}").wait_for()
    initiatives = browser_page.locator("nav[data-list=initiatives]")
    initiatives.get_by_role("button", name="Nästa ▶").click()
    initiatives.get_by_text("Visar 51–60 av 60").wait_for()
    assert activities.get_by_text(f"Visar 51–100 av {ACTIVITIES}").count() == 1  # each list keeps its page
    assert page.errors == []
