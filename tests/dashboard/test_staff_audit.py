"""The staff page's audit table shows each line in the reader's language."""

from __future__ import annotations

from datetime import date

from dashboard.pages.staff import staff_tables
from dashboard.server.language import language_of
from indicators.groupwork import service
from indicators.groupwork.records import Activity, ActivityKind
from tests.dashboard.helpers import texts


def test_the_audit_table_reads_in_english_for_an_english_reader(dashboard_data, monkeypatch):
    gw = dashboard_data.gw
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    service.save_activity(gw, admin, Activity("tuna", date(2025, 4, 12), ActivityKind.WALK, "Städdag vid ån", 25),
                          known_localities=dashboard_data.locality_ids())
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)

    english = texts(staff_tables(dashboard_data, "en")[2])
    assert "New activity “Städdag vid ån” (2025-04-12)" in english
    assert "Ny aktivitet" not in english
    with language_of("en"):  # the callback passes no language: the request's is used
        assert "New activity “Städdag vid ån”" in texts(staff_tables(dashboard_data)[2])
    assert "Ny aktivitet ”Städdag vid ån” (2025-04-12)" in texts(staff_tables(dashboard_data)[2])


def test_each_audit_line_says_its_time_on_vimmerbys_clock_with_the_zone(dashboard_data, monkeypatch):
    import re

    gw = dashboard_data.gw
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    shown = texts(staff_tables(dashboard_data, "sv")[2])
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d CES?T", shown), shown[:300]  # never a UTC time without its zone
