"""Numbers typed in the forms: decimal commas, spaces between thousands, and a message naming the field."""

from __future__ import annotations

from dash import no_update

from dashboard import ids
from dashboard.views.forms import (
    coordinate_text,
    integer_value,
    number_value,
    outcome_message,
)
from dashboard.views.groups import INITIATIVE_FORM, handle_record_form, initiative_values
from indicators.core.errors import InputError
from indicators.groupwork import service
from tests.dashboard.helpers import texts

ADMIN_PASSWORD = "admin-lösenord-1"
# Storebro's centre (SCB), written the Swedish way; the point lies inside Storebro's area.
STOREBRO_LAT, STOREBRO_LON = "57,58709", "15,84072"


def test_a_decimal_comma_is_a_decimal_mark():
    problems = []
    assert number_value("57,5905", "lat", problems) == 57.5905
    assert number_value("57.5905", "lat", problems) == 57.5905
    assert number_value(57.5905, "lat", problems) == 57.5905
    assert number_value("  ", "lat", problems) is None
    assert problems == []


def test_counts_take_spaces_between_thousands_and_a_percent_sign_where_one_belongs():
    problems = []
    assert integer_value("1 234", "participants", problems) == 1234
    assert integer_value("1\u00a0234", "participants", problems) == 1234
    assert integer_value("50 %", "progress", problems, suffix="%") == 50
    assert integer_value("12,5 %", "progress", problems, suffix="%") is None
    assert [p.field for p in problems] == ["progress"]


def test_bad_input_is_refused_with_a_message_that_names_the_field():
    problems = []
    assert number_value("norr", "lat", problems) is None
    assert integer_value("2,5", "participants", problems) is None
    assert number_value("1e400", "lon", problems) is None
    shown = texts(outcome_message(InputError(problems), "sv"))
    assert "Latitud (valfri punkt på kartan): ”norr” är inget tal" in shown
    assert "”2,5” är inget heltal" in shown
    assert "Longitud: ”1e400” är inget tal" in shown


def test_a_stored_point_is_shown_with_a_decimal_comma_in_swedish_and_a_point_in_english():
    assert coordinate_text(57.5905, "sv") == "57,5905"
    assert coordinate_text(57.5905, "en") == "57.5905"
    assert coordinate_text(15.0, "sv") == "15"
    assert coordinate_text(None, "sv") == ""


def _initiative_fields(**values) -> list:
    defaults = {"title": "Belysning vid badplatsen", "description": "", "areas": ["leva"], "status": "idea",
                "start": None, "end": None, "lead": "", "partners": "", "progress": None, "lat": None, "lon": None}
    defaults.update(values)
    return [defaults[name] for name, _ in INITIATIVE_FORM.fields]


def test_the_initiative_form_saves_coordinates_typed_with_decimal_commas(dashboard_data, monkeypatch):
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    result = handle_record_form(dashboard_data, INITIATIVE_FORM, ids.INI_SAVE, 1, "storebro",
                                _initiative_fields(lat=STOREBRO_LAT, lon=STOREBRO_LON, progress="50 %"), None, 0)
    assert result.refresh == 1, texts(result.message)
    saved = dashboard_data.gw.initiatives(locality_ids=["storebro"])[-1]
    assert (saved.lat, saved.lon, saved.progress) == (57.58709, 15.84072, 50)
    # Opened again for editing, the form shows what was saved, the Swedish way.
    assert (initiative_values(saved)["lat"], initiative_values(saved)["lon"]) == (STOREBRO_LAT, STOREBRO_LON)


def test_a_point_outside_the_locality_is_refused_by_the_server(dashboard_data, monkeypatch):
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    tuna_centre = ("57,57617", "16,10550")
    result = handle_record_form(dashboard_data, INITIATIVE_FORM, ids.INI_SAVE, 1, "storebro",
                                _initiative_fields(lat=tuna_centre[0], lon=tuna_centre[1]), None, 0)
    assert result.refresh is no_update
    assert "utanför" in texts(result.message)
    assert all(i.title != "Belysning vid badplatsen" for i in dashboard_data.gw.initiatives(locality_ids=["storebro"]))


def test_a_strategic_meeting_takes_its_participants_with_a_space_between_thousands(dashboard_data, monkeypatch):
    from dashboard.pages.staff import save_meeting_from_form

    admin = service.bootstrap_admin(dashboard_data.gw, "admin", ADMIN_PASSWORD)
    monkeypatch.setattr(dashboard_data, "current_user", lambda: admin)
    _, saved = save_meeting_from_form(dashboard_data, "2026-02-09", "Strategiskt möte", "1 230", "", "")
    assert saved and [m.participants for m in dashboard_data.gw.meetings()][-1] == 1230
    message, saved = save_meeting_from_form(dashboard_data, "2026-02-10", "Möte", "230,5", "", "")
    assert not saved and "”230,5” är inget heltal" in texts(message)


def test_an_initiative_with_no_area_ticked_is_asked_in_the_forms_words_not_the_import_columns():
    from dashboard.views.forms import outcome_message
    from indicators.groupwork.rules import area_problems

    shown = texts(outcome_message(InputError(area_problems((), required=True)), "sv"))

    assert "Välj minst ett utvecklingsområde." in shown
    assert "leva" not in shown and "motas" not in shown
