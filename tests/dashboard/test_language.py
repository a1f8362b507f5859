"""Swedish by default, English on request; a missing translation falls back to Swedish."""

from __future__ import annotations

import logging

from dashboard.app import create_app
from dashboard.formatting import number
from dashboard.messages import _SV, EN, text
from dashboard.settings import Settings


def test_every_swedish_message_has_an_english_one():
    assert set(_SV) == set(EN)


def test_numbers_follow_the_language():
    assert number(1234.5, "sv") == "1\u00a0234,5"
    assert number(1234.5, "en") == "1,234.5"


def test_a_missing_translation_falls_back_to_swedish_and_is_logged(caplog, monkeypatch):
    monkeypatch.delitem(EN, "nav_map")
    with caplog.at_level(logging.WARNING):
        assert text("nav_map", "en") == "Karta"
    assert "nav_map" in caplog.text


def test_the_language_cookie_switches_the_page(database_url):
    app = create_app(Settings(database_url=database_url, secret_key="t"))
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="sv">' in page
    response = client.get("/sprak/en?next=/jamfor")
    assert response.status_code == 302 and response.headers["Location"].endswith("/jamfor")
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
    assert client.get("/sprak/xx?next=https://evil.example/").headers["Location"] == "/"


def test_the_method_and_dates_follow_the_language():
    from datetime import date

    from dashboard.formatting import day
    from indicators.method import method_text

    assert "How the scores are computed" in method_text("en")
    assert "Så räknas poängen" in method_text("sv")
    assert day(date(2026, 11, 23), "sv") == "23 nov. 2026"
    assert day(date(2026, 11, 23), "en") == "23 Nov 2026"


def test_an_english_browser_gets_an_english_report(dashboard_data, database_url):
    app = create_app(Settings(database_url=database_url, secret_key="t"))
    from dashboard.exports.report import locality_report_html

    with app.server.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert "status report for Storebro" in locality_report_html(dashboard_data, "storebro")
    assert "lägesbild för Storebro" in locality_report_html(dashboard_data, "storebro")
