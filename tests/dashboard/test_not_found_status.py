"""An unknown path answers 404 with the not-found page; every page and every other route keep theirs.

Dash Pages answers every path with the app's index page and draws the page in the browser; the
status comes from ``dashboard.server.not_found``. The not-found page itself is drawn by the
Pages router callback, so these tests check both: the document's status (and title) over HTTP,
what the router draws for the same path, and, in a browser, what a person sees.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from dashboard.app import PAGES, create_app
from dashboard.i18n.messages import text
from dashboard.server.auth import LOGIN_PATH, LOGOUT_PATH
from dashboard.server.language import SWITCH_PATH
from dashboard.server.not_found import page_path_id
from dashboard.server.settings import Settings
from dashboard.server.vendor import LEAFLET_JS
from dashboard.views import public_names as names
from tests.dashboard.dash_http import DashClient

UNKNOWN = ("/finns-inte", "/jamfor/extra", "/no/such/deep/path/", names.NOT_FOUND_PATH)
"""Paths no page is registered under (the not-found page's own path included)."""


@pytest.fixture(scope="module")
def app(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("not-found") / "dashboard.sqlite"
    shutil.copyfile(seeded_template, path)
    return create_app(Settings(database_url=f"sqlite:///{path}", secret_key="test-secret"))


@pytest.fixture
def client(app) -> DashClient:
    return DashClient(app)


def _drawn(client: DashClient, path: str) -> str:
    """What the Pages router draws for ``path``, as the browser would receive it."""
    response = client.call("_pages_location.pathname", {"_pages_location.pathname": path,
                                                        "_pages_location.search": ""})
    assert response.status_code == 200
    return str(response.json["response"]["_pages_content"])


def _title(document: str) -> str:
    found = re.search(r"<title>(.*?)</title>", document, re.S)
    assert found, document[:300]
    return found.group(1)


def _is_not_found_page(drawn: str) -> bool:
    return "page-missing" in drawn and text("not_found_title", "sv") in drawn


@pytest.mark.parametrize("path", UNKNOWN)
def test_not_found_an_unknown_path_answers_404_with_the_not_found_page(client, path):
    response = client.client.get(path)
    document = response.get_data(as_text=True)
    assert response.status_code == 404
    assert '<html lang="sv">' in document and 'id="react-entry-point"' in document  # the app, which draws …
    assert _title(document).startswith(text("not_found_title", "sv"))
    assert _is_not_found_page(_drawn(client, path))  # … the not-found page for this path


def test_not_found_head_requests_get_the_same_status(client):
    assert client.client.head("/finns-inte").status_code == 404
    assert client.client.head(names.COMPARE_PATH).status_code == 200


def test_not_found_the_title_and_page_follow_the_visitors_language(client):
    client.client.get(f"{SWITCH_PATH}/en?next=/")
    response = client.client.get("/no-such-page")
    assert response.status_code == 404
    assert _title(response.get_data(as_text=True)).startswith(text("not_found_title", "en"))
    assert text("not_found_body", "en") in _drawn(client, "/no-such-page")


@pytest.mark.parametrize("path", sorted(PAGES))
def test_not_found_every_page_answers_200_with_and_without_a_trailing_slash_or_query(client, path):
    for variant in {path, path.rstrip("/") + "/", f"{path}?ort=tuna"}:
        response = client.client.get(variant)
        assert response.status_code == 200, variant
        assert _title(response.get_data(as_text=True)) == text("app_title", "sv")
    assert not _is_not_found_page(_drawn(client, path))


def test_not_found_status_and_drawn_page_agree_on_every_path(client):
    """The status and the page come from the same registry and the same matching."""
    for path in [*PAGES, *UNKNOWN, "/JAMFOR", "/jamfor//", "/grupper/x"]:
        status = client.client.get(path).status_code
        assert (status == 404) == _is_not_found_page(_drawn(client, path)), path


def test_not_found_leaves_every_other_route_alone(client):
    """Dash's own routes, assets, the vendored Leaflet, sign-in/out and the language switch."""
    http = client.client
    document = http.get("/").get_data(as_text=True)
    suite = re.search(r'src="(/_dash-component-suites/[^"]+)"', document)
    assert suite, "the index names Dash's scripts"
    for path in (suite.group(1), "/_dash-layout", "/_dash-dependencies", "/_favicon.ico", "/favicon.ico", "/assets/style.css",
                 LEAFLET_JS, LOGIN_PATH):
        assert http.get(path).status_code == 200, path
    assert http.get(f"{SWITCH_PATH}/sv?next=/jamfor").status_code == 302
    assert http.post(LOGOUT_PATH, headers={"X-CSRFToken": client.csrf}).status_code == 302
    assert http.get("/assets/finns-inte.css").status_code == 404  # Flask's own 404, not the app page
    assert "react-entry-point" not in http.get("/assets/finns-inte.css").get_data(as_text=True)


def test_not_found_pages_under_a_routes_prefix_are_matched_without_it():
    app = SimpleNamespace(config=SimpleNamespace(routes_pathname_prefix="/dashboard/"))
    assert page_path_id(app, "/dashboard/jamfor/") == "jamfor"
    assert page_path_id(app, "/dashboard") == ""
    assert page_path_id(app, "/dashboardx/jamfor") is None
    root = SimpleNamespace(config=SimpleNamespace(routes_pathname_prefix="/"))
    assert page_path_id(root, "/") == "" and page_path_id(root, "/grupper/") == "grupper"


@pytest.mark.browser
def test_not_found_a_browser_shows_the_not_found_page_for_a_404(live_app, page):
    browser_page = page.page
    response = browser_page.goto(live_app + "/finns-inte")
    assert response is not None and response.status == 404
    browser_page.locator(".page-missing").get_by_text(text("not_found_title", "sv")).wait_for()
    assert browser_page.title().startswith(text("not_found_title", "sv"))
    response = browser_page.goto(live_app + names.COMPARE_PATH)
    assert response is not None and response.status == 200
    browser_page.locator(".compare-page").wait_for()
    assert page.outside_requests() == []
    # Chromium reports the document's own 404 on the console; anything else is an error in the page.
    assert [e for e in page.errors if "status of 404" not in e] == []
