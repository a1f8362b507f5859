"""Security headers on every response, and a Content-Security-Policy the app's own pages never break."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.server.security_headers import content_security_policy
from dashboard.server.settings import Settings

PATHS = ("/", "/jamfor", "/logga-in", "/vendor/leaflet/leaflet.js", "/_dash-layout", "/no-such-page",
         "/assets/style.css")


@pytest.fixture
def client(database_url):
    return create_app(Settings(database_url=database_url, secret_key="test-secret")).server.test_client()


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy


def test_a_refused_post_carries_the_headers_too(client):
    response = client.post("/_dash-update-component", json={})
    assert response.status_code == 403  # no CSRF token
    assert "Content-Security-Policy" in response.headers


def test_the_policy_allows_no_eval_and_no_outside_host_without_tiles():
    policy = content_security_policy("none")
    assert "unsafe-eval" not in policy
    assert "http" not in policy  # nothing but this server, data: and blob:
    assert "connect-src 'self'" in policy and "base-uri 'self'" in policy and "form-action 'self'" in policy


def test_map_tiles_add_only_the_tile_server_for_images():
    policy = content_security_policy("osm")
    images = next(d for d in policy.split("; ") if d.startswith("img-src"))
    assert "https://tile.openstreetmap.org" in images
    assert policy.count("openstreetmap") == 1


@pytest.mark.browser
def test_no_page_breaks_the_content_security_policy(live_app, page):
    browser_page = page.page
    browser_page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "function (e) { (window.top.__csp || window.__csp).push(e.violatedDirective + ' ' + e.blockedURI); });"
    )
    for path in ("/?ort=storebro", "/jamfor", "/grupper", "/presentation", "/metod"):
        browser_page.goto(live_app + path)
        browser_page.wait_for_load_state("networkidle")
        if path.startswith("/?"):
            browser_page.frame_locator("#map-frame").locator(".ort-label").first.wait_for()
        violations = browser_page.evaluate("window.__csp")
        assert violations == [], (path, violations)
    assert page.errors == []
