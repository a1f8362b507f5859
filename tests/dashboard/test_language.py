"""Swedish by default, English on request; a missing translation falls back to Swedish."""

from __future__ import annotations

import logging

from dashboard.app import create_app
from dashboard.i18n.messages import CATALOGUE, text
from dashboard.server.settings import Settings
from dashboard.views.formatting import number


def test_numbers_follow_the_language():
    assert number(1234.5, "sv") == "1\u00a0234,5"
    assert number(1234.5, "en") == "1,234.5"


def test_a_missing_translation_falls_back_to_swedish_and_is_logged(caplog, monkeypatch):
    monkeypatch.delitem(CATALOGUE.messages["en"], "nav_map")
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

    from dashboard.views.formatting import day
    from indicators.metrics.method import method_text

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


def test_units_follow_the_language(dashboard_data):
    from dashboard.i18n.messages import unit_heading
    from dashboard.views.formatting import with_unit

    population = dashboard_data.store.indicator("population")
    services = dashboard_data.store.indicator("services")
    assert with_unit(8231, population, "sv") == "8\u00a0231 invånare"
    assert with_unit(8231, population, "en") == "8,231 inhabitants"
    assert with_unit(7, services, "en") == "7"  # a count needs no unit word after it in English
    assert unit_heading(services, "en") == "number" and unit_heading(services, "sv") == "antal"


def test_an_english_export_of_the_comparison_has_english_names_and_the_same_columns(dashboard_data):
    import base64
    import io

    import pandas as pd

    from dashboard.views.compare import export_comparison
    from indicators.metrics.open_data import EXPORT_COLUMNS

    search = "?orter=tuna,pelarne,storebro&ar=2024"
    frames = {}
    for language in ("sv", "en"):
        download = export_comparison(dashboard_data, search, "csv", language)
        content = base64.b64decode(download["content"]) if download.get("base64") else download["content"].encode()
        frames[language] = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert list(frames["en"].columns) == list(frames["sv"].columns) == [name for name, _ in EXPORT_COLUMNS]
    assert "Services in the locality" in set(frames["en"]["indicator"])
    assert "Servicefunktioner på orten" in set(frames["sv"]["indicator"])


def test_the_ranking_table_writes_units_the_english_way(dashboard_data):
    from dashboard.views.compare import compare_content
    from dashboard.server.language import language_of
    from tests.dashboard.helpers import texts

    with language_of("en"):
        table = compare_content(dashboard_data, "?orter=tuna,pelarne,storebro&ar=2024&omrade=leva").table
    shown = texts(table)
    assert "Services in the locality" in shown and "antal" not in shown and "invånare" not in shown
