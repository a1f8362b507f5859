"""The page's own copy of the panels (decision 83): a choice it can show asks the server nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dashboard.server.settings import Settings
from tests.conftest import serve_app

pytestmark = pytest.mark.browser

CALLBACK = "/_dash-update-component"


def open_with_copy(page, url: str) -> None:
    """Open ``url`` and wait until the page has fetched its copy of every panel."""
    with page.page.expect_response(lambda response: CALLBACK in response.url
                                   and "locality-panel-cache" in (response.request.post_data or "")):
        page.page.goto(url)
    page.page.wait_for_load_state("networkidle")


def callbacks_during(page, action) -> list[str]:
    """The callback requests the page sent while ``action`` ran and the page settled."""
    sent: list[str] = []

    def record(request) -> None:
        if CALLBACK in request.url:
            sent.append(request.post_data or "")

    page.page.on("request", record)
    try:
        action()
        page.page.wait_for_load_state("networkidle")
    finally:
        page.page.remove_listener("request", record)
    return sent


def test_a_click_and_a_list_choice_show_the_panel_from_the_pages_copy(live_app, page):
    open_with_copy(page, live_app + "/?indikator=services")
    frame = page.page.frame_locator("#map-frame")

    def click_storebro() -> None:
        frame.locator("path.ort-storebro").click()
        page.page.locator("[data-locality=storebro]").wait_for()

    assert callbacks_during(page, click_storebro) == []
    assert page.page.locator(".panel h2").inner_text() == "Storebro"
    # The address the server would write: the locality first, the layer kept.
    assert page.page.url.endswith("/?ort=storebro&indikator=services")
    assert "Storebro" in page.page.locator("#locality-select").inner_text()

    def choose_tuna() -> None:
        page.page.locator("#locality-select").click()
        page.page.get_by_role("option", name="Tuna").click()
        page.page.locator("[data-locality=tuna]").wait_for()

    assert callbacks_during(page, choose_tuna) == []
    assert page.page.url.endswith("/?ort=tuna&indikator=services")
    # The map frame outlines what the panel shows.
    page.page.wait_for_function(
        "() => document.getElementById('map-frame').contentDocument.querySelector('path.ort-area-tuna')"
        ".getAttribute('stroke-width') === '5'")
    assert page.errors == []


def shows(page, locality: str | None) -> None:
    """Wait until the panel and the "Ort" list both show ``locality`` (None: the overview).

    Back and forward may also make Dash Pages draw the page anew (its own location still holds the
    address the page was opened at), so the page passes through an empty list on the way.
    """
    page.page.wait_for_function(
        """locality => {
            const panel = document.querySelector('#locality-panel .panel');
            const list = document.querySelector('#locality-select');
            if (!panel || !list) { return false; }
            const shown = panel.getAttribute('data-locality');
            return locality ? shown === locality && list.innerText.toLowerCase().includes(locality)
                            : shown === null && !list.querySelector('.dash-dropdown-value-item');
        }""", arg=locality)


def test_back_shows_the_locality_chosen_before(live_app, page):
    open_with_copy(page, live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    for locality in ("pelarne", "tuna"):
        frame.locator(f"path.ort-{locality}").click()
        page.page.locator(f"[data-locality={locality}]").wait_for()

    page.page.go_back()

    shows(page, "pelarne")
    page.page.wait_for_url(re.compile(r".*\?ort=pelarne$"))

    page.page.go_back()  # to the address the page was opened at: the overview

    shows(page, None)
    page.page.wait_for_url(re.compile(r".*/$"))

    page.page.go_forward()

    shows(page, "pelarne")
    assert page.errors == []


def test_clearing_the_list_asks_the_server_for_the_overview(live_app, page):
    open_with_copy(page, live_app + "/?ort=vimmerby")
    page.page.locator("[data-locality=vimmerby]").wait_for()

    def clear() -> None:
        page.page.locator("#locality-select .dash-dropdown-clear").click()
        page.page.locator("#locality-panel .panel:not([data-locality])").wait_for()

    sent = callbacks_during(page, clear)

    assert any("map-select-request" in body for body in sent)
    assert page.page.locator("[data-locality=vimmerby]").count() == 0
    page.page.wait_for_url(re.compile(r".*/$"))
    assert page.errors == []


@pytest.fixture
def live_app_without_copy(database_url: str) -> Iterator[str]:
    yield from serve_app(Settings(database_url=database_url, secret_key="test-secret", prefetch_panels=0))


def test_with_no_copy_every_choice_goes_to_the_server(live_app_without_copy, page):
    page.page.goto(live_app_without_copy + "/")
    page.page.wait_for_load_state("networkidle")
    page.page.wait_for_timeout(2500)  # past the moment a page with a copy would have asked for it
    frame = page.page.frame_locator("#map-frame")

    def click_frodinge() -> None:
        frame.locator("path.ort-frodinge").click()
        page.page.locator("[data-locality=frodinge]").wait_for()

    sent = callbacks_during(page, click_frodinge)

    assert len(sent) == 1 and '"via": "map"' in sent[0].replace('":"', '": "')
    assert page.page.url.endswith("?ort=frodinge")
    assert page.page.locator(".panel h2").inner_text() == "Frödinge"
    assert page.errors == []


def test_the_copy_is_in_the_readers_language(live_app, page):
    page.page.goto(live_app + "/sprak/en?next=/")
    open_with_copy(page, live_app + "/")
    frame = page.page.frame_locator("#map-frame")

    def click_locknevi() -> None:
        frame.locator("path.ort-locknevi").click()
        page.page.locator("[data-locality=locknevi]").wait_for()

    assert callbacks_during(page, click_locknevi) == []
    assert "Indicators per development area" in page.page.locator("#locality-panel").inner_text()
    assert page.errors == []


def test_a_panel_given_in_place_reads_as_the_servers_panel(live_app, page):
    """From one locality to another the script gives the panel new nodes in place (decision 84):
    nothing of the locality before may stay, and what shows is what the server sends for the address."""
    page.page.goto(live_app + "/?ort=tuna")
    page.page.locator("[data-locality=tuna]").wait_for()
    from_server = page.page.locator("#locality-panel").inner_text()

    open_with_copy(page, live_app + "/")
    frame = page.page.frame_locator("#map-frame")
    for locality in ("pelarne", "tuna"):
        frame.locator(f"path.ort-{locality}").click()
        page.page.locator(f"[data-locality={locality}]").wait_for()

    assert page.page.locator("#locality-panel").inner_text() == from_server
    assert "Pelarne" not in page.page.locator("#locality-panel").inner_text()
    assert page.page.locator("#locality-panel .panel").count() == 1
    assert page.errors == []
