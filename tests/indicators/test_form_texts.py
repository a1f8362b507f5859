"""Group-work, account, permission, presentation and weight messages in English.

The Swedish wording is asserted where each rule is tested; here a few
representative messages are rendered in English with their parameters, the
way the dashboard shows them to an English reader.
"""

from __future__ import annotations

from datetime import date

import pytest

from indicators.accounts.auth import hash_password, password_problems
from indicators.accounts.gate import PermissionDenied, require_signed_in
from indicators.core.errors import RECORD, InputError, Problem
from indicators.groupwork import files as gio
from indicators.groupwork.records import (
    Activity,
    Composition,
    Initiative,
    Role,
    StrategicMeeting,
    User,
)
from indicators.groupwork.rules import (
    activity_problems,
    composition_problems,
    initiative_problems,
    meeting_problems,
)
from indicators.groupwork.sql import ACTIVITIES, record_problems
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.i18n.texts import Text, render
from indicators.metrics.scores import DEFAULT_WEIGHTS, validate_weights
from indicators.presentations.slides import Presentation, presentation_problems

TODAY = date(2025, 6, 1)
KNOWN = frozenset({"storebro", "tuna"})


def _activity(**changes) -> Activity:
    values = dict(locality_id="storebro", date=date(2025, 5, 18), kind="cleanup", title="Städdag",
                  participants=12, areas=("leva",))
    values.update(changes)
    return Activity(**values)


def _english(problems: list[Problem]) -> list[str]:
    return [problem.render("en") for problem in problems]


def test_form_problems_render_in_english_with_their_nouns_and_numbers():
    [long_title] = activity_problems(_activity(title="x" * 201), known_localities=KNOWN, today=TODAY)
    assert isinstance(long_title.message, Text)
    assert "titel" not in long_title.render("en")
    assert long_title.render("en") == (
        "the form, field “title”: the text is too long: 201 characters, at most 200 are allowed; "
        "shorten it (nothing is cut automatically)"
    )
    [negative] = activity_problems(_activity(participants=-3), known_localities=KNOWN, today=TODAY)
    assert str(negative) == "formuläret, fält ”participants”: antal deltagare kan inte vara negativt (-3)"
    assert negative.render("en") == (
        "the form, field “participants”: the number of participants cannot be negative (-3)"
    )
    [areas] = activity_problems(_activity(areas=("leva", "fiska")), known_localities=KNOWN, today=TODAY)
    assert "okänt utvecklingsområde ”fiska”" in areas.message
    assert "unknown development area “fiska”; valid ones are leva, arbeta" in areas.render("en")
    [future] = activity_problems(_activity(date=date(2025, 7, 1)), known_localities=KNOWN, today=TODAY)
    assert future.render("en").endswith(
        "the date 2025-07-01 is in the future (today is 2025-06-01); record what has happened"
    )


def test_nested_nouns_and_choices_read_naturally_in_english():
    [kind] = activity_problems(_activity(kind="fiske"), known_localities=KNOWN, today=TODAY)
    assert kind.message.startswith("okänd typ av aktivitet ”fiske”; välj meeting (Möte)")
    assert render(kind.message, "en").startswith("unknown kind of activity “fiske”; choose meeting (Möte)")
    themes = StrategicMeeting(date=date(2025, 5, 1), title="Nätverksträff", participants=20,
                              themes=("t" * 201,))
    [theme] = meeting_problems(themes, today=TODAY)
    assert theme.render("en").endswith("a theme is too long: 201 characters, at most 200 are allowed; "
                                       "shorten it (nothing is cut automatically)")
    [count] = composition_problems(Composition("storebro", {("associations", "40_64"): -1}),
                                   known_localities=KNOWN)
    assert render(count.message, "en") == "the count cannot be negative (-1)"


def test_a_point_outside_the_area_in_english():
    record = Initiative(locality_id="storebro", title="Badplats", status="idea", areas=("leva",),
                        lat=58.0, lon=15.85)
    [point] = initiative_problems(record, known_localities=KNOWN, area_contains=lambda *_: False)
    assert point.render("en").endswith(
        "the point (58.00000, 15.85000) lies outside the locality's area; "
        "choose a place within the area the group speaks for"
    )
    record = Initiative(locality_id="storebro", title="Badplats", status="idea", areas=("leva",),
                        lat=95.0, lon=15.85)
    [latitude] = initiative_problems(record, known_localities=KNOWN, area_contains=lambda *_: True)
    assert render(latitude.message, "en") == "latitude 95.0 is outside ±90"


def test_a_csv_problem_names_row_and_column_in_english():
    data = "locality_id,date,kind,title\nstorebro,2025-05-18,cleanup,Städdag\ntuna,18/5,walk,Vandring\n"
    with pytest.raises(InputError) as caught:
        gio.read_groupwork(data.encode("utf-8"), "plan.csv")
    [problem] = caught.value.problems
    assert "”18/5” är inget datum" in str(problem)
    assert problem.render("en") == (
        "plan.csv, row 3, field “date”: “18/5” is not a date; write YYYY-MM-DD, for example 2024-05-18"
    )
    assert caught.value.report("en").startswith("1 problem found; nothing has been saved:")


def test_a_header_that_is_neither_kind_is_explained_in_english():
    with pytest.raises(InputError) as caught:
        gio.read_groupwork(b"name,when\nx,y\n", "plan.csv")
    assert "the header row looks like neither activities (columns locality_id, date, kind, title)" in (
        caught.value.report("en")
    )


def test_store_problems_name_the_record_in_english():
    record = _activity(locality_id="narnia", kind="fiske")
    problems = record_problems(ACTIVITIES, record, KNOWN, file="plan.csv", row=2)
    assert [p.row_label for p in problems] == [RECORD, RECORD]
    assert str(problems[0]) == "plan.csv, post 2, fält ”locality_id”: okänd ort ”narnia”"
    assert _english(problems) == [
        "plan.csv, record 2, field “locality_id”: unknown locality “narnia”",
        "plan.csv, record 2, field “kind”: unknown kind of activity “fiske”",
    ]


def test_permission_and_version_errors_carry_english():
    with pytest.raises(PermissionDenied) as denied:
        require_signed_in(None)
    assert str(denied.value) == "Du måste vara inloggad för att ändra uppgifter."
    assert render(denied.value.args[0], "en") == "You must be signed in to change records."
    assert render(PermissionDenied().message, "en") == "You do not have permission to do this."
    assert PermissionDenied("egen text").message == "egen text"

    stale = StaleWriteError.of(4, 3, deleting=True)
    assert "(version 4 finns, du utgick från version 3)" in str(stale)
    assert render(stale.args[0], "en") == (
        "Someone else has changed the record since you opened it "
        "(version 4 is stored, you started from version 3). Reload and check before you delete it."
    )
    assert render(StaleWriteError().message, "en").startswith("Someone else has changed the record")

    assert render(NotFoundError("").args[0], "en") == "The record no longer exists; someone may have deleted it."
    gone = NotFoundError.of(t("subject_user"), 7, "user")
    assert str(gone).startswith("Användaren (id 7) finns inte längre")
    assert render(gone.message, "en") == (
        "The user (id 7) no longer exists; someone may have deleted it. Reload the page."
    )
    assert str(NotFoundError.of("presentationen", 2)).startswith("Presentationen (id 2)")


def test_a_stale_import_row_is_explained_in_english(store):
    gw = GroupworkStore(store)
    known = {locality.id for locality in store.localities()}
    admin = gw.save_user(User("staff", Role.ADMIN, hash_password("tio tecken minst")), username="test")
    data = "id,version,locality_id,date,kind,title\n999,1,storebro,2025-05-18,cleanup,Städdag\n"
    with pytest.raises(InputError) as caught:
        gio.import_groupwork_bytes(gw, admin, data.encode("utf-8"), "plan.csv", known_localities=known,
                                   area_contains=lambda *_: True, today=TODAY)
    assert caught.value.report("en").endswith(
        "plan.csv, row 2, field “id”: there is no record with id 999; leave id empty to add a new one"
    )
    editor = gw.save_user(User("anna", Role.EDITOR, hash_password("tio tecken minst"), "storebro"),
                          username="test")
    data = "locality_id,date,kind,title\ntuna,2025-05-18,cleanup,Städdag\n"
    with pytest.raises(InputError) as caught:
        gio.import_groupwork_bytes(gw, editor, data.encode("utf-8"), "plan.csv", known_localities=known,
                                   area_contains=lambda *_: True, today=TODAY)
    assert "You may only change records of your own locality; “tuna” is not yours." in caught.value.report("en")


def test_password_and_presentation_problems_in_english():
    [short] = password_problems("kort")
    assert short.render("en").startswith(
        "the form, field “password”: the password must have at least 10 characters"
    )
    problems = presentation_problems(Presentation(name="", slides=("ort:narnia",)), {"storebro"})
    assert _english(problems) == [
        "the form, field “name”: give the presentation a name",
        "the form, field “slides”: unknown slides: ort:narnia",
    ]


def test_weight_problems_in_english_keep_the_area_names():
    problems = validate_weights(dict(DEFAULT_WEIGHTS, motas=-1.5, arbeta="mycket"))
    assert all(isinstance(problem, str) for problem in problems)
    assert problems == [
        "Vikten för Arbeta är inte ett tal: ”mycket”.",
        "Vikten för Mötas får inte vara negativ (−1,5).",
    ]
    assert [render(problem, "en") for problem in problems] == [
        "The weight for Arbeta is not a number: “mycket”.",
        "The weight for Mötas must not be negative (−1.5).",
    ]
    [zero] = validate_weights(dict.fromkeys(DEFAULT_WEIGHTS, 0.0))
    assert render(zero, "en").startswith("The weights add up to zero")
