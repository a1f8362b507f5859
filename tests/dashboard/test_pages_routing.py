"""Dash Pages routing: every public path, the staff rule, the not-found page, several apps in one process."""

from __future__ import annotations

import dash
import pytest

from dashboard import ids
from dashboard.app import PAGES, create_app
from dashboard.i18n.messages import text
from dashboard.server.settings import Settings
from dashboard.views import public_names as names
from tests.dashboard.dash_http import DashClient

PAGE_MARKERS = {
    names.MAP_PATH: ids.MAP_URL,
    names.COMPARE_PATH: ids.COMPARE_URL,
    names.GROUPS_PATH: ids.GROUPS_URL,
}


def _route(client: DashClient, path: str, search: str = "") -> dict:
    response = client.call("_pages_location.pathname",
                           {"_pages_location.pathname": path, "_pages_location.search": search})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.json["response"]


@pytest.fixture
def two_apps(tmp_path):
    """Two apps built in one process, as the tests and the CLI do; Dash Pages' registry is shared."""
    return [create_app(Settings(database_url=f"sqlite:///{tmp_path / name}.db", secret_key="t"))
            for name in ("first", "second")]


PLANS_PAGES = {names.PLANS_PATH, names.CHANGES_PATH}
"""Issue 15: the plans and the change view."""
OTHER_PAGES = {getattr(names, 'IDEAS_PATH', '/forslag'), names.HELP_PATH} & set(PAGES)
"""Pages being added by others at the same time (issue 14); their tests name them."""


def test_every_public_path_is_a_registered_page(two_apps):
    registered = {page["path"] for page in dash.page_registry.values()}
    assert set(PAGES) <= registered
    assert set(PAGES) == {names.MAP_PATH, names.COMPARE_PATH, names.GROUPS_PATH, names.IMPORT_PATH,
                          names.METHOD_PATH, names.PRESENT_PATH, names.STAFF_PATH,
                          names.READINESS_PATH} | PLANS_PAGES | OTHER_PAGES


@pytest.mark.parametrize("path", sorted(PAGE_MARKERS))
def test_each_app_in_a_process_serves_its_pages_with_the_app_title(two_apps, path):
    for app in two_apps:
        answer = _route(DashClient(app), path)
        assert f'"{PAGE_MARKERS[path]}"' in str(answer["_pages_content"]).replace("'", '"')
        assert answer["_pages_store"]["data"]["title"] == text("app_title", "sv")


def test_a_trailing_slash_opens_the_same_page(two_apps):
    client = DashClient(two_apps[0])
    assert _route(client, "/jamfor/")["_pages_content"] == _route(client, names.COMPARE_PATH)["_pages_content"]


def test_a_page_layout_reads_the_data_of_the_app_that_answers(two_apps, monkeypatch):
    from dashboard.pages.routing import DATA_KEY

    first, second = two_apps  # the registry was last written by the second app
    first_data = first.server.extensions[DATA_KEY]
    assert first_data is not second.server.extensions[DATA_KEY]
    marker = {"label": "marker-of-the-first-app", "value": "marker-of-the-first-app"}
    monkeypatch.setattr(first_data, "layer_options", lambda *args, **kwargs: [marker])
    assert "marker-of-the-first-app" in str(_route(DashClient(first), names.MAP_PATH)["_pages_content"])
    assert "marker-of-the-first-app" not in str(_route(DashClient(second), names.MAP_PATH)["_pages_content"])


def test_an_unknown_path_gets_the_not_found_page_in_the_visitors_language(two_apps):
    client = DashClient(two_apps[1])
    answer = _route(client, "/finns-inte")
    assert text("not_found_title", "sv") in str(answer["_pages_content"])
    assert answer["_pages_store"]["data"]["title"].startswith(text("not_found_title", "sv"))
    client.client.get("/sprak/en?next=/")
    english = _route(client, "/no-such-page")
    assert text("not_found_title", "en") in str(english["_pages_content"])
    assert text("not_found_body", "en") in str(english["_pages_content"])


def test_the_staff_page_refuses_a_visitor_who_is_not_staff(two_apps):
    client = DashClient(two_apps[0])
    answer = str(_route(client, names.STAFF_PATH)["_pages_content"])
    assert text("staff_only", "sv") in answer
    assert ids.STAFF_USERS not in answer


def test_the_menu_hides_the_staff_page_from_visitors(two_apps):
    client = DashClient(two_apps[0])
    response = client.call(f"{ids.ROOT_URL}.pathname", {f"{ids.ROOT_URL}.pathname": names.COMPARE_PATH})
    links = [link["props"]["href"] for link in response.json["response"][ids.NAV]["children"]
             if "href" in link["props"]]
    assert names.COMPARE_PATH in links
    assert names.STAFF_PATH not in links
