"""A server process builds the map's overview and the first localities' panels when it starts, so
the first visitors' clicks are served from the cache (issue #13)."""

from __future__ import annotations

import logging

import pytest

from dashboard.cli import _settings, build_parser
from dashboard.views.map import shown_panel
from dashboard.views.panel_cache import panel_cache_of
from dashboard.views.url_state import LATEST
from dashboard.views.warm_up import start_warm_up, warm_up


def _state(data) -> dict[str, str]:
    return {"layer": data.default_indicator(), "year": LATEST, "weights": ""}


def test_warming_builds_the_overview_and_the_first_panels_that_clicks_then_find_ready(dashboard_data):
    first = [loc.id for loc in dashboard_data.localities()[:3]]

    assert warm_up(dashboard_data, 3) == 4  # the overview and three localities

    cache = panel_cache_of(dashboard_data)
    misses = cache.misses
    for locality in [None, *first]:
        shown_panel(dashboard_data, locality, _state(dashboard_data), "sv")
    assert cache.misses == misses  # every one was ready
    fourth = dashboard_data.localities()[3].id
    shown_panel(dashboard_data, fourth, _state(dashboard_data), "sv")
    assert cache.misses == misses + 1  # beyond the limit, built on the first click as before


def test_warming_runs_beside_the_server_in_a_thread_of_its_own(dashboard_data):
    thread = start_warm_up(dashboard_data, 10)
    thread.join(timeout=60)

    assert not thread.is_alive() and thread.daemon
    assert len(panel_cache_of(dashboard_data)) >= 11


def test_a_failure_while_warming_is_logged_and_never_raised(dashboard_data, monkeypatch, caplog):
    def broken():
        raise RuntimeError("databasen svarar inte")

    monkeypatch.setattr(dashboard_data, "localities", broken)
    with caplog.at_level(logging.ERROR, logger="dashboard.views.warm_up"):
        assert warm_up(dashboard_data, 5) == 0
    assert "warming the map page's panels stopped" in caplog.text


def test_the_command_line_sets_how_many_panels_to_warm(monkeypatch):
    parser = build_parser()
    monkeypatch.delenv("ALLAS_WARM_PANELS", raising=False)
    assert _settings(parser.parse_args([])).warm_panels == 20
    assert _settings(parser.parse_args(["--warm-panels", "0"])).warm_panels == 0
    monkeypatch.setenv("ALLAS_WARM_PANELS", "50")
    assert _settings(parser.parse_args([])).warm_panels == 50
    assert _settings(parser.parse_args(["--warm-panels", "3"])).warm_panels == 3  # the flag wins


def test_a_wrong_number_of_panels_is_refused_in_words(monkeypatch, capsys):
    monkeypatch.setenv("ALLAS_WARM_PANELS", "många")
    with pytest.raises(SystemExit) as refused:
        _settings(build_parser().parse_args([]))
    assert "ALLAS_WARM_PANELS" in str(refused.value) and "många" in str(refused.value)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--warm-panels", "-1"])
    assert "0 eller större" in capsys.readouterr().err
