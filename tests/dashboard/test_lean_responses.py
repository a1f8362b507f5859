"""Lean responses over HTTP: text is compressed, downloads that are compressed already are not,
versioned static files are cached for a year and pages and callback answers never (issue #13 item 4)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.server.cache_headers import LONG_LIVED, NEVER_STORED, cache_control_for
from dashboard.server.compression import CompressedBundles, bundle_key
from dashboard.server.settings import Settings
from dashboard.server.vendor import LEAFLET_CSS, LEAFLET_JS, MARKERCLUSTER_JS
from tests.dashboard.dash_http import DashClient

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('lean')}/lean.sqlite"
    return create_app(Settings(database_url=url, secret_key="test-secret"))


@pytest.fixture
def dash_client(app):
    """A browser's session whose callbacks ask for gzip (the callback list is read before, uncompressed)."""
    client = DashClient(app)
    client.dependencies()
    client.client.environ_base["HTTP_ACCEPT_ENCODING"] = "gzip"
    return client


def _page_urls(app) -> list[str]:
    page = app.server.test_client().get("/").get_data(as_text=True)
    return re.findall(r'(?:src|href)="(/[^"]+)"', page)


def _unzipped_json(response) -> dict:
    assert response.headers["Content-Encoding"] == "gzip"
    return json.loads(gzip.decompress(response.data))


@pytest.mark.parametrize("path", ["/", "/jamfor", "/grupper", "/_dash-layout", "/_dash-dependencies",
                                  LEAFLET_JS, LEAFLET_CSS, MARKERCLUSTER_JS, "/logga-in"])
def test_compression_gzips_every_text_response(app, path):
    response = app.server.test_client().get(path, headers=GZIP)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert len(gzip.decompress(response.data)) > len(response.data)


def test_compression_covers_the_bundles_and_assets_the_page_links(app):
    client = app.server.test_client()
    scripts = [url for url in _page_urls(app) if url.endswith(".js") or ".js?" in url]
    assert any(url.startswith("/_dash-component-suites/") for url in scripts)
    assert any(url.startswith("/assets/") for url in scripts)
    for url in scripts:
        response = client.get(url, headers=GZIP)
        plain = client.get(url).data
        assert len(response.data) < len(plain) or len(plain) < 500, url
        if len(plain) >= 500:
            assert response.headers.get("Content-Encoding") == "gzip", url
            assert gzip.decompress(response.data) == plain, url


def test_compression_prefers_brotli_and_sends_plain_bytes_to_who_asks_for_none(app):
    client = app.server.test_client()
    assert client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"}).headers["Content-Encoding"] == "br"
    plain = client.get("/")
    assert "Content-Encoding" not in plain.headers and b"<html" in plain.data


def test_compression_gzips_a_callback_answer(dash_client):
    response = dash_client.call(f"{ids.GW_REFRESH}.data", {f"{ids.GW_LOCALITY}.value": "tuna",
                                                             f"{ids.GW_PERIOD}.value": "12m"})
    assert response.status_code == 200
    answer = _unzipped_json(response)
    assert ids.GW_OVERVIEW in answer["response"]
    assert response.headers["Cache-Control"] == NEVER_STORED


def test_compression_leaves_a_spreadsheet_download_as_it_is_but_gzips_a_csv(dash_client):
    xlsx = dash_client.call(f"{ids.EXPORT_XLSX}.n_clicks", {f"{ids.EXPORT_XLSX}.n_clicks": 1})
    assert xlsx.status_code == 200 and "Content-Encoding" not in xlsx.headers
    download = xlsx.get_json()["response"][ids.DOWNLOAD]["data"]
    assert download["filename"].endswith(".xlsx") and download["base64"] is True
    csv = dash_client.call(f"{ids.EXPORT_CSV}.n_clicks", {f"{ids.EXPORT_CSV}.n_clicks": 1})
    assert _unzipped_json(csv)["response"][ids.DOWNLOAD]["data"]["filename"].endswith(".csv")


def test_compression_compresses_a_bundle_once_and_answers_the_same_bytes_again(app):
    client = app.server.test_client()
    bundle = next(url for url in _page_urls(app) if url.startswith("/_dash-component-suites/"))
    first, second = client.get(bundle, headers=GZIP), client.get(bundle, headers=GZIP)
    assert first.data == second.data and gzip.decompress(first.data) == client.get(bundle).data


def test_compressed_bundles_keep_only_bundle_keys_and_stay_within_their_limit():
    bundles = CompressedBundles(limit_bytes=10)
    bundles.set("gzip;", b"callback answer")
    assert bundles.get("gzip;") is None and len(bundles) == 0
    bundles.set("gzip;/_dash-component-suites/a.js", b"123456")
    bundles.set("br;/_dash-component-suites/b.js", b"7890")
    assert bundles.get("gzip;/_dash-component-suites/a.js") == b"123456"
    bundles.set("gzip;/_dash-component-suites/c.js", b"abc")  # over the limit: the least recently used goes
    assert bundles.get("br;/_dash-component-suites/b.js") is None
    assert bundles.get("gzip;/_dash-component-suites/a.js") == b"123456"
    assert bundles.get("gzip;/_dash-component-suites/c.js") == b"abc"


def test_bundle_key_names_only_dash_bundles(app):
    with app.server.test_request_context("/_dash-component-suites/dash/x.v1m2.js"):
        from flask import request
        assert bundle_key(request) == "/_dash-component-suites/dash/x.v1m2.js?"
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        assert bundle_key(request) == ""


def test_caching_keeps_versioned_static_files_for_a_year(app):
    client = app.server.test_client()
    for url in [LEAFLET_JS, LEAFLET_CSS, *(u for u in _page_urls(app) if u.startswith("/assets/"))]:
        response = client.get(url)
        response.close()  # a file is streamed: closing it ends its request
        cache_control = response.headers["Cache-Control"]
        assert "max-age=31536000" in cache_control and "immutable" in cache_control, url
    for url in (u for u in _page_urls(app) if u.startswith("/_dash-component-suites/")):
        assert "max-age=31536000" in client.get(url).headers["Cache-Control"], url


def test_caching_revalidates_a_vendor_file_asked_for_without_its_version(app):
    response = app.server.test_client().get("/vendor/leaflet/leaflet.js")
    response.close()
    assert response.status_code == 200
    assert "no-cache" in response.headers["Cache-Control"] and "immutable" not in response.headers["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/grupper", "/jamfor", "/_dash-layout", "/_dash-dependencies", "/logga-in",
                                  "/no-such-page"])
def test_caching_never_stores_pages_or_what_callbacks_read(app, path):
    assert app.server.test_client().get(path).headers["Cache-Control"] == NEVER_STORED


def test_cache_control_rules():
    assert cache_control_for("/assets/style.css", {"m": "1"}, 200, None) == LONG_LIVED
    assert cache_control_for("/assets/style.css", {"m": "1"}, 200, "no-cache") == LONG_LIVED
    assert cache_control_for("/assets/style.css", {}, 200, "no-cache") is None  # unversioned: as Flask sent it
    assert cache_control_for("/", {}, 200, None) == NEVER_STORED
    assert cache_control_for("/x.js", {}, 200, None, has_etag=True) == "no-cache"
    assert cache_control_for("/_dash-component-suites/a.js", {}, 200, "max-age=31536000") is None
