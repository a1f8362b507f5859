"""Sign-in returns to the page and view the user came from, and never to another site."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.app import create_app
from dashboard.pages.routing import returning_to
from dashboard.server.auth import LOGIN_PATH, safe_next
from dashboard.server.settings import Settings
from indicators.groupwork import service
from indicators.groupwork.store import GroupworkStore
from tests.dashboard.dash_http import DashClient

PASSWORD = "admin-lösenord-1"


@pytest.fixture
def app(store, database_url):
    service.bootstrap_admin(GroupworkStore(store), "admin", PASSWORD)
    return create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)


def test_the_sign_in_link_carries_the_page_and_its_view():
    href = returning_to(LOGIN_PATH, "/grupper", "?ort=storebro&period=2025")
    assert urlsplit(href).path == LOGIN_PATH
    assert parse_qs(urlsplit(href).query) == {"next": ["/grupper?ort=storebro&period=2025"]}
    assert parse_qs(urlsplit(returning_to(LOGIN_PATH, "/jamfor/", "")).query) == {"next": ["/jamfor"]}


def test_the_menu_links_sign_in_to_the_current_view(app):
    client = DashClient(app)
    response = client.call("url.search", {"url.pathname": "/grupper", "url.search": "?ort=storebro"})
    assert response.status_code == 200
    links = json.dumps(response.get_json())
    assert "/logga-in?next=%2Fgrupper%3Fort%3Dstorebro" in links


def test_signing_in_from_a_view_returns_to_it(app):
    client = DashClient(app)
    link = returning_to(LOGIN_PATH, "/grupper", "?ort=storebro")
    page = client.client.get(link)
    assert page.status_code == 200
    assert "action=" not in page.get_data(as_text=True)  # the form posts back to the link, next and all
    response = client.client.post(link, data={"username": "admin", "password": PASSWORD, "csrf_token": client.csrf})
    assert response.status_code == 302
    assert response.headers["Location"] == "/grupper?ort=storebro"


@pytest.mark.parametrize("target", [
    "https://evil.example/grupper", "//evil.example/grupper", "/\\evil.example", "/\t/evil.example",
    "javascript:alert(1)", "grupper", "",
])
def test_signing_in_never_returns_to_another_site(app, target):
    client = DashClient(app)
    response = client.client.post(LOGIN_PATH, query_string={"next": target},
                                  data={"username": "admin", "password": PASSWORD, "csrf_token": client.csrf})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert safe_next(target) == "/"


def test_a_path_on_this_site_is_kept_with_its_query():
    assert safe_next("/grupper?ort=storebro") == "/grupper?ort=storebro"
