"""The compact markers in a real browser: a popup in the app fetches its initiative's description
once, when it first opens; the exported map file shows the same popup with no network at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.exports.standalone_map import standalone_map_html
from dashboard.views.public_names import MARKER_DESCRIPTION_PATH
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store
from tests.dashboard.test_exports_browser import _offline_page

pytestmark = pytest.mark.browser

TITLE = "Belysning {{7*7}} </script>"
DESCRIPTION = '<img src=x onerror="window.__x = 1"> Lampor längs cykelvägen.'
PLACE = {"lat": 57.5871, "lon": 15.8407}

# Opens a marker's popup the way a reader does (zooming into its cluster first).
OPEN_POPUP = """id => new Promise(resolve => {
  const marker = allasMap.markers.initiative[id];
  allasMap.cluster.zoomToShowLayer(marker, () => { marker.openPopup(); resolve(true); });
})"""


def _initiative(store: Store) -> Initiative:
    return GroupworkStore(store).save_initiative(
        Initiative("storebro", TITLE, InitiativeStatus.ONGOING, areas=("leva",), description=DESCRIPTION, **PLACE),
        username="test")


def test_a_popup_fetches_its_description_once_and_shows_it_as_text(database_url, live_app, page):
    store = Store.open(database_url)
    saved = _initiative(store)
    store.dispose()
    fetched: list[str] = []
    page.page.on("request", lambda request: fetched.append(request.url) if MARKER_DESCRIPTION_PATH in request.url
                 else None)
    page.page.goto(live_app + "/?ort=storebro")
    page.page.frame_locator("#map-frame").locator("path.ort-storebro").wait_for()
    frame = page.page.locator("#map-frame").element_handle().content_frame()
    frame.wait_for_function(f"window.allasMap && allasMap.markers && allasMap.markers.initiative[{saved.id}]")
    assert fetched == []  # nothing is fetched for a popup nobody opened

    frame.evaluate(OPEN_POPUP, saved.id)
    popup = frame.locator(".ini-popup")  # complete: the description is in
    popup.get_by_text("Lampor längs cykelvägen.", exact=False).wait_for()
    assert popup.locator("h3").inner_text() == TITLE
    assert DESCRIPTION in popup.inner_text()
    assert popup.locator("img, script").count() == 0 and frame.evaluate("window.__x") is None

    frame.evaluate("id => allasMap.markers.initiative[id].closePopup()", saved.id)
    frame.evaluate(OPEN_POPUP, saved.id)
    frame.locator(".ini-popup").get_by_text("Lampor längs cykelvägen.", exact=False).wait_for()
    assert [url.rsplit("/", 1)[-1] for url in fetched] == [str(saved.id)]  # asked once
    assert page.outside_requests() == [] and page.errors == []


def test_the_exported_map_shows_a_description_with_no_network(browser, dashboard_data, tmp_path: Path):
    _initiative(dashboard_data.store)
    out = tmp_path / "karta.html"
    out.write_text(standalone_map_html(dashboard_data, {"layer": "index"}), encoding="utf-8")
    context, opened, requests, failed, errors = _offline_page(browser)
    try:
        opened.goto(out.as_uri())
        opened.locator(".ini-icon").first.wait_for()
        marker = opened.locator(f".ini-icon[title='{TITLE}']")
        marker.click()
        popup = opened.locator(".ini-popup")
        popup.wait_for()
        assert DESCRIPTION in popup.inner_text() and popup.locator("img").count() == 0
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        assert failed == [] and errors == []
    finally:
        context.close()
