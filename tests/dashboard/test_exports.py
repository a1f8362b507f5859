"""Offline exports: the standalone map and the reports, checked without a browser."""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.components.map_view import read_data_island
from dashboard.exports.cli import main as export_main
from dashboard.exports.report import locality_report_html, municipality_report_html
from dashboard.exports.standalone_map import standalone_map_html
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
TEN = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
       "tuna", "vimmerby")


def _add_groupwork(data) -> None:
    data.gw.save_initiative(
        Initiative(locality_id="storebro", title=XSS, status=InitiativeStatus.ONGOING, description=XSS,
                   areas=("leva",), start=date(2024, 3, 1), progress=40, lat=57.59, lon=15.84),
        username="test",
    )
    data.gw.save_activity(
        Activity(locality_id="storebro", date=date(2024, 5, 4), kind=ActivityKind.CLEANUP, title=XSS,
                 participants=23),
        username="test",
    )


def _fetched_urls(document: str) -> list[str]:
    """Everything a browser would load by itself: script sources, stylesheets, images, CSS urls."""
    tags = re.findall(r'<(?:script|img|iframe)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"', document)
    css = re.findall(r"url\(['\"]?([^'\")]+)", document)
    return [u for pair in tags for u in pair if u] + [u for u in css if not u.startswith(("data:", "#"))]


def test_standalone_map_has_no_external_asset(dashboard_data):
    document = standalone_map_html(dashboard_data, {"layer": "population"})
    assert _fetched_urls(document) == []
    assert "/vendor" not in document
    assert "L.map(" in document and "leaflet-container" in document  # Leaflet's JS and CSS are inside
    assert "<title>" in document and "map-legend" in document


def test_standalone_map_shows_all_ten_localities(dashboard_data):
    document = standalone_map_html(dashboard_data, {"layer": "index"})
    shown = {f["properties"]["id"] for f in read_data_island(document)["areas"]["features"]}
    assert shown == set(TEN)


def test_standalone_map_with_initiatives_inlines_markercluster_and_escapes(dashboard_data):
    _add_groupwork(dashboard_data)
    document = standalone_map_html(dashboard_data, {"layer": "population"})
    assert "markerClusterGroup" in document
    assert _fetched_urls(document) == []
    assert XSS not in document
    assert "<script>alert" not in document


# ---------------------------------------------------------------- reports


def test_locality_report_has_sections_sources_and_example_marking(dashboard_data):
    _add_groupwork(dashboard_data)
    document = locality_report_html(dashboard_data, "storebro", today=date(2026, 11, 23))
    assert document.startswith("<!DOCTYPE html>")
    for heading in ("Karta", "Lokal utvecklingsgrupp", "Folkmängd", "Indikatorer per utvecklingsområde",
                    "Poäng per utvecklingsområde", "Gruppernas aktiviteter", "Initiativ", "Källor"):
        assert f">{heading}" in document, heading
    assert "Exporterad 23 november 2026" in document
    assert "Exempeldata" in document
    assert "SCB statistiska tätorter 2020" in document  # population source
    assert "1 025 invånare" in document.replace("\u00a0", " ")
    assert "@media print" in document and "break-before: page" in document
    assert "<svg" in document and "Storebro" in document
    assert "<td>Städdag</td><td class=\"num\">1</td><td class=\"num\">23</td>" in document


def test_reports_escape_what_people_typed(dashboard_data):
    _add_groupwork(dashboard_data)
    for document in (locality_report_html(dashboard_data, "storebro", 2024),
                     municipality_report_html(dashboard_data, 2024)):
        assert XSS not in document
        assert "<script" not in document and "<img" not in document
        assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in document


def test_reports_need_no_network(dashboard_data):
    _add_groupwork(dashboard_data)
    for document in (locality_report_html(dashboard_data, "storebro"), municipality_report_html(dashboard_data)):
        assert _fetched_urls(document) == []
        assert "http://" not in document.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in document


def test_municipality_report_lists_all_localities_and_counts(dashboard_data):
    _add_groupwork(dashboard_data)
    document = municipality_report_html(dashboard_data, 2024)
    for name in ("Djursdala", "Frödinge", "Gullringen", "Locknevi", "Pelarne", "Rumskulla", "Storebro",
                 "Södra Vi", "Tuna", "Vimmerby"):
        assert name in document
    assert "Attraktivitetsindex per ort, 2024" in document
    assert "Aktiviteter under 2024" in document
    assert "Exempeldata" in document
    assert "<td>Storebro</td><td class=\"num\">1</td><td class=\"num\">23</td>" in document


def test_a_year_without_data_says_so(dashboard_data):
    for document in (municipality_report_html(dashboard_data, 1990),
                     locality_report_html(dashboard_data, "tuna", 1990)):
        assert "Det finns inga uppgifter för år 1990" in document
        assert "Det finns inga poäng för år 1990" in document
        assert "Attraktivitetsindex per ort" not in document


def test_unknown_locality_is_refused_in_swedish(dashboard_data):
    with pytest.raises(ValueError, match="Okänd ort: ingenstans"):
        locality_report_html(dashboard_data, "ingenstans")


# ---------------------------------------------------------------- command line


def test_cli_writes_a_standalone_map(database_url, store, tmp_path):
    out = tmp_path / "karta.html"
    assert export_main(["--database-url", database_url, "map", str(out), "--layer", "omrade-leva"]) == 0
    document = out.read_text(encoding="utf-8")
    assert "Områdespoäng: Leva" in document and _fetched_urls(document) == []


def test_cli_writes_a_locality_report(database_url, store, tmp_path):
    out = tmp_path / "storebro.html"
    assert export_main(["report", str(out), "--locality", "storebro", "--year", "2024",
                        "--database-url", database_url]) == 0
    assert "lägesbild för Storebro" in out.read_text(encoding="utf-8")


def test_cli_refuses_bad_input_in_swedish(database_url, store, tmp_path, capsys):
    assert export_main(["--database-url", database_url, "report", str(tmp_path / "r.html"),
                        "--locality", "ingenstans"]) == 2
    assert "Okänd ort: ingenstans" in capsys.readouterr().err
    assert export_main(["--database-url", database_url, "map", str(tmp_path / "k.html"), "--year", "1990"]) == 2
    assert "Inga uppgifter för population år 1990" in capsys.readouterr().err
    assert not (tmp_path / "k.html").exists()
    with pytest.raises(SystemExit) as exit_info:
        export_main(["--database-url", database_url, "map", str(tmp_path / "k.html"), "--layer", "nonsens"])
    assert exit_info.value.code == 2
    assert "okänt lager" in capsys.readouterr().err


def test_the_export_command_writes_english_on_request(tmp_path, database_url, store):
    from dashboard.exports.cli import main

    out = tmp_path / "tuna.html"
    assert main(["report", str(out), "--locality", "tuna", "--language", "en", "--database-url", database_url]) == 0
    english = out.read_text(encoding="utf-8")
    assert "status report for Tuna" in english and '<html lang="en">' in english
    assert "inhabitants" in english and "invånare" not in english
    assert main(["report", str(out), "--locality", "tuna", "--database-url", database_url]) == 0
    swedish = out.read_text(encoding="utf-8")
    assert "lägesbild för Tuna" in swedish and '<html lang="sv">' in swedish
    map_file = tmp_path / "karta.html"
    assert main(["--language", "en", "map", str(map_file), "--database-url", database_url]) == 0
    assert '<html lang="en">' in map_file.read_text(encoding="utf-8")
