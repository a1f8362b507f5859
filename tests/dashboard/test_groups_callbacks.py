"""Groups page callbacks as plain functions."""

from __future__ import annotations

from datetime import date

import pytest
from dash import no_update

from dashboard.views.forms import activity_from_form, initiative_from_form
from dashboard.views.groups import (
    period_bounds,
    render_groups,
    sync_groups,
)
from indicators.core.errors import InputError
from indicators.groupwork import service
from indicators.groupwork.records import Activity, ActivityKind
from tests.dashboard.helpers import texts


def test_the_default_period_is_the_last_twelve_months_and_a_year_is_that_year():
    since, until, label = period_bounds("12m", today=date(2026, 11, 24))
    assert (since, until) == (date(2025, 11, 24), date(2026, 11, 24)) and "12" in label
    assert period_bounds("2025")[:2] == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_link_chooses_the_locality_and_year(dashboard_data):
    chosen = sync_groups(dashboard_data, None, "?ort=tuna&period=2025", None, "12m")
    assert (chosen.search, chosen.locality, chosen.period) == (no_update, "tuna", "2025")
    unknown = sync_groups(dashboard_data, None, "?ort=nowhere&period=12", None, "12m")
    assert (unknown.search, unknown.locality, unknown.period) == ("", no_update, no_update)


def test_form_values_that_are_not_dates_or_numbers_are_reported_by_field():
    with pytest.raises(InputError) as refused:
        activity_from_form("tuna", {"date": "igår", "kind": "meeting", "participants": "många"}, None)
    assert {p.field for p in refused.value.problems} == {"date", "participants"}
    with pytest.raises(InputError):
        initiative_from_form("tuna", {"status": "klar-ish", "lat": "norr"}, None)


def test_visitors_see_counts_and_lists_but_no_forms(dashboard_data, store):
    gw = dashboard_data.gw
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    service.save_activity(gw, admin, Activity("tuna", date.today(), ActivityKind.WALK, "Byvandring", 25),
                          known_localities=dashboard_data.locality_ids())
    view = render_groups(dashboard_data, "tuna", "12m")
    assert "Byvandring" in texts(view.detail)
    assert "Gruppens redaktör loggar in" in texts(view.detail)
    assert view.forms_style == {"display": "none"} and view.composition_form is None
    assert view.composition_version is None
    assert "Tuna" in texts(view.overview)


def test_the_export_is_a_workbook_that_reads_back(dashboard_data):
    import base64
    import io

    import openpyxl

    from dashboard.views.groups import export_workbook

    gw = dashboard_data.gw
    admin = service.bootstrap_admin(gw, "admin", "admin-lösenord-1")
    service.save_activity(gw, admin, Activity("tuna", date.today(), ActivityKind.WALK, "=SUMMA(A1)", 25),
                          known_localities=dashboard_data.locality_ids())
    download = export_workbook(dashboard_data, "tuna")
    workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(download["content"])))
    cells = {cell.value: cell for row in workbook.worksheets[0].iter_rows() for cell in row}
    assert cells["=SUMMA(A1)"].data_type == "s"  # stored as text, never as a formula
    assert download["filename"] == "grupparbete-tuna.xlsx"


def test_an_upload_without_sign_in_is_refused(dashboard_data):
    from dashboard.views.groups import import_upload

    csv = "data:text/csv;base64," + __import__("base64").b64encode(b"locality_id,date\n").decode()
    message, changed = import_upload(dashboard_data, csv, "aktiviteter.csv")
    assert not changed and "behörighet" in texts(message)


def test_form_problems_read_in_english_with_the_form_labels():
    from dashboard.views.forms import outcome_message
    from indicators.groupwork.records import Initiative, InitiativeStatus
    from indicators.groupwork.rules import initiative_problems

    with pytest.raises(InputError) as refused:
        activity_from_form("tuna", {"date": "igår", "kind": "meeting", "participants": "många"}, None)
    untitled = Initiative("tuna", "", InitiativeStatus.IDEA, areas=("leva",))
    problems = refused.value.problems + initiative_problems(untitled, known_localities={"tuna"}, area_contains=None)
    shown = texts(outcome_message(InputError(problems), "en"))
    assert "Nothing was saved" in shown
    assert "Date: “igår” is not a date (YYYY-MM-DD)" in shown
    assert "“många” is not a whole number" in shown
    assert "Title: " in shown and "måste" not in shown
    assert "Datum: ”igår” är inget datum" in texts(outcome_message(InputError(problems), "sv"))
