"""Offline exports: the standalone map and the reports, checked without a browser."""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.exports.standalone_map import standalone_map_html
from indicators.groupwork import Activity, ActivityKind, Initiative, InitiativeStatus

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
    for locality_id in TEN:
        assert f'"id": "{locality_id}"' in document


def test_standalone_map_with_initiatives_inlines_markercluster_and_escapes(dashboard_data):
    _add_groupwork(dashboard_data)
    document = standalone_map_html(dashboard_data, {"layer": "population"})
    assert "markerClusterGroup" in document
    assert _fetched_urls(document) == []
    assert XSS not in document
    assert "<script>alert" not in document
