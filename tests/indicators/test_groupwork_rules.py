"""Every bad input the issue names, as plain functions: dates out of order, negative
participants, a point outside the locality's area, an unknown status, oversized text —
and that script payloads are not a validation matter (they are stored as typed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from indicators.groupwork.records import (
    DESCRIPTION_MAX,
    MAX_PARTICIPANTS,
    NAME_MAX,
    NOTES_MAX,
    PARTNERS_MAX,
    TITLE_MAX,
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
)
from indicators.groupwork.rules import (
    FORM,
    POINT_FIELD,
    activity_problems,
    composition_field,
    composition_problems,
    initiative_problems,
    meeting_problems,
    normalised_activity,
    normalised_initiative,
    normalised_meeting,
    parse_kind,
    parse_role,
    parse_status,
    user_problems,
    username_problems,
)

TODAY = date(2025, 6, 1)
KNOWN = frozenset({"storebro", "tuna", "sodra-vi"})
# Boxes standing in for the locality areas; the real ones come from geodata.
BOXES = {
    "storebro": (57.55, 57.65, 15.80, 15.90),
    "tuna": (57.55, 57.62, 16.05, 16.15),
    "sodra-vi": (57.70, 57.78, 15.75, 15.85),
}
XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def area_contains(locality_id: str, lat: float, lon: float) -> bool:
    south, north, west, east = BOXES[locality_id]
    return south <= lat <= north and west <= lon <= east


def activity(**changes) -> Activity:
    base = Activity("storebro", date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag vid bruksdammen",
                    participants=14, areas=("leva", "motas"), description="Vi plockade skräp.")
    return replace(base, **changes)


def initiative(**changes) -> Initiative:
    base = Initiative("sodra-vi", "Belysning längs cykelvägen vid Brunnsparken", InitiativeStatus.DONE,
                      description="Hembygdsföreningen, idrottsföreningen och företag.", areas=("kontakt",),
                      start=date(2019, 3, 1), end=date(2020, 11, 30), lead="Södra Vi utvecklingsgrupp",
                      partners="Vimmerby Energi och Miljö; gatukontoret", progress=100, lat=57.74, lon=15.80)
    return replace(base, **changes)


def check_activity(record: Activity):
    return activity_problems(record, known_localities=KNOWN, today=TODAY)


def check_initiative(record: Initiative):
    return initiative_problems(record, known_localities=KNOWN, area_contains=area_contains)


def fields(problems) -> list[str | None]:
    return [p.field for p in problems]


def test_good_records_pass():
    assert check_activity(activity()) == []
    assert check_initiative(initiative()) == []
    assert check_initiative(initiative(lat=None, lon=None, start=None, end=None, progress=None)) == []


def test_problems_come_from_the_form_in_swedish():
    [problem] = check_activity(activity(participants=-3))
    assert problem.file == FORM == "formuläret"
    assert problem.field == "participants"
    assert str(problem) == "formuläret, fält ”participants”: antal deltagare kan inte vara negativt (-3)"


# ---------------------------------------------------------------- the bad input


def test_end_date_before_start_date_is_refused():
    problems = check_initiative(initiative(start=date(2024, 5, 1), end=date(2024, 4, 30)))
    assert fields(problems) == ["end"]
    assert "2024-04-30 ligger före startdatum 2024-05-01" in problems[0].message


def test_start_and_end_on_the_same_day_is_fine():
    assert check_initiative(initiative(start=date(2024, 5, 1), end=date(2024, 5, 1))) == []


def test_a_future_end_is_fine_for_an_initiative_but_a_future_activity_is_not():
    assert check_initiative(initiative(status=InitiativeStatus.PLANNED, end=date(2030, 1, 1))) == []
    problems = check_activity(activity(date=date(2025, 6, 2)))
    assert fields(problems) == ["date"]
    assert "framtiden" in problems[0].message
    assert check_activity(activity(date=TODAY)) == []


@pytest.mark.parametrize("participants", [-1, -100])
def test_negative_participants_are_refused(participants):
    assert fields(check_activity(activity(participants=participants))) == ["participants"]


@pytest.mark.parametrize("participants", [12.5, "12", True])
def test_participants_must_be_a_whole_number(participants):
    assert fields(check_activity(activity(participants=participants))) == ["participants"]


def test_participants_are_bounded_and_may_be_unknown():
    assert check_activity(activity(participants=0)) == []
    assert check_activity(activity(participants=None)) == []
    assert check_activity(activity(participants=MAX_PARTICIPANTS)) == []
    assert fields(check_activity(activity(participants=MAX_PARTICIPANTS + 1))) == ["participants"]


def test_a_point_outside_the_locality_area_is_refused():
    # Tuna's area, given for a Södra Vi initiative.
    problems = check_initiative(initiative(lat=57.58, lon=16.10))
    assert fields(problems) == [POINT_FIELD]
    assert "utanför ortens område" in problems[0].message


def test_a_point_needs_both_coordinates():
    assert fields(check_initiative(initiative(lat=None))) == ["lat"]
    assert fields(check_initiative(initiative(lon=None))) == ["lon"]


@pytest.mark.parametrize(("lat", "lon", "field"), [(float("nan"), 15.8, "lat"), (57.7, float("inf"), "lon"),
                                                    (95.0, 15.8, "lat"), (57.7, -200.0, "lon"),
                                                    ("57.7", 15.8, "lat")])
def test_coordinates_must_be_finite_numbers_in_range(lat, lon, field):
    assert fields(check_initiative(initiative(lat=lat, lon=lon))) == [field]


def test_an_unknown_locality_is_refused_without_asking_for_its_area():
    def no_area(*_args) -> bool:
        raise AssertionError("area_contains must not be asked about an unknown locality")

    problems = initiative_problems(initiative(locality_id="narnia"), known_localities=KNOWN, area_contains=no_area)
    assert fields(problems) == ["locality_id"]
    assert "okänd ort ”narnia”" in problems[0].message
    assert fields(check_activity(activity(locality_id="narnia"))) == ["locality_id"]
    assert fields(check_activity(activity(locality_id=""))) == ["locality_id"]


@pytest.mark.parametrize("status", ["finished", "", None, "IDEA!"])
def test_an_unknown_status_is_refused(status):
    problems = check_initiative(initiative(status=status))
    assert fields(problems) == ["status"]
    assert "idea (Idé)" in problems[0].message  # the choices are named


@pytest.mark.parametrize("kind", ["party", "", 3])
def test_an_unknown_kind_is_refused(kind):
    assert fields(check_activity(activity(kind=kind))) == ["kind"]


@pytest.mark.parametrize(
    ("field", "limit"),
    [("title", TITLE_MAX), ("description", DESCRIPTION_MAX), ("lead", NAME_MAX), ("partners", PARTNERS_MAX)],
)
def test_oversized_initiative_text_is_refused_not_cut(field, limit):
    assert check_initiative(initiative(**{field: "å" * limit})) == []
    problems = check_initiative(initiative(**{field: "å" * (limit + 1)}))
    assert fields(problems) == [field]
    assert f"{limit + 1} tecken, högst {limit}" in problems[0].message


@pytest.mark.parametrize(("field", "limit"), [("title", TITLE_MAX), ("description", DESCRIPTION_MAX)])
def test_oversized_activity_text_is_refused(field, limit):
    assert fields(check_activity(activity(**{field: "x" * (limit + 1)}))) == [field]


def test_titles_are_required_and_single_line():
    assert fields(check_activity(activity(title="   "))) == ["title"]
    assert fields(check_initiative(initiative(title=""))) == ["title"]
    assert fields(check_initiative(initiative(title="rad ett\nrad två"))) == ["title"]
    assert check_initiative(initiative(description="rad ett\r\nrad två\n\tindrag")) == []


def test_control_characters_are_refused():
    assert fields(check_activity(activity(description="klocka\x07"))) == ["description"]
    assert fields(check_activity(activity(title="noll\x00byte"))) == ["title"]


@pytest.mark.parametrize("progress", [-1, 101, 50.5])
def test_progress_is_a_whole_percentage(progress):
    assert fields(check_initiative(initiative(progress=progress))) == ["progress"]


def test_progress_bounds_are_allowed():
    assert check_initiative(initiative(progress=0)) == []
    assert check_initiative(initiative(progress=100)) == []


def test_unknown_development_areas_are_refused_and_initiatives_need_one():
    assert fields(check_activity(activity(areas=("leva", "fiska")))) == ["areas"]
    assert check_activity(activity(areas=())) == []
    assert fields(check_initiative(initiative(areas=()))) == ["areas"]


def test_dates_before_2000_are_typos():
    assert fields(check_activity(activity(date=date(1918, 5, 18)))) == ["date"]
    assert fields(check_initiative(initiative(start=date(218, 1, 1)))) == ["start"]


def test_every_problem_is_reported_at_once():
    bad = initiative(title="", status="finished", start=date(2024, 5, 1), end=date(2024, 4, 1), progress=120,
                     lat=57.58, lon=16.10, partners="p" * (PARTNERS_MAX + 1))
    assert fields(check_initiative(bad)) == ["title", "status", "end", "partners", "progress", POINT_FIELD]


@pytest.mark.parametrize("payload", XSS)
def test_script_payloads_are_text_like_any_other(payload):
    """Escaping is the presentation layer's job; the rules neither refuse nor alter markup."""
    record = initiative(title=payload, description=payload, lead=payload, partners=payload)
    assert check_initiative(record) == []
    assert normalised_initiative(record).description == payload
    assert check_activity(activity(title=payload, description=payload)) == []


# ---------------------------------------------------------------- vocabularies and normalising


def test_status_and_kind_accept_ids_swedish_names_and_enums():
    assert parse_status("ongoing") is InitiativeStatus.ONGOING
    assert parse_status(" Pågår ") is InitiativeStatus.ONGOING
    assert parse_status("pågående") is InitiativeStatus.ONGOING
    assert parse_status("idé") is InitiativeStatus.IDEA
    assert parse_status(InitiativeStatus.DONE) is InitiativeStatus.DONE
    assert parse_status("avbruten") is None
    assert parse_kind("Städdag") is ActivityKind.CLEANUP
    assert parse_kind("vandring") is ActivityKind.WALK
    assert parse_kind(None) is None


def test_normalising_trims_titles_converts_names_and_drops_repeated_areas():
    record = normalised_activity(activity(title="  Städdag  ", kind="Möte", areas=("leva", "leva", "motas"),
                                          description="  kept as typed  "))
    assert record.title == "Städdag"
    assert record.kind is ActivityKind.MEETING
    assert record.areas == ("leva", "motas")
    assert record.description == "  kept as typed  "
    unknown = normalised_initiative(initiative(status="finished"))
    assert unknown.status == "finished"  # left for the rules to refuse


# ---------------------------------------------------------------- composition


def test_composition_counts_for_known_cells():
    good = Composition("tuna", {("associations", "40_64"): 3, ("residents", "under_20"): 0})
    assert composition_problems(good, known_localities=KNOWN) == []


def test_composition_refuses_negative_fractional_and_unknown_cells():
    bad = Composition("tuna", {
        ("associations", "40_64"): -1,
        ("business", "65_plus"): 2.5,
        ("residents", "20_39"): None,
        ("members", "40_64"): 1,
        ("residents", "Anna Andersson"): 1,
        "Anna Andersson": 1,
    })
    problems = composition_problems(bad, known_localities=KNOWN)
    assert fields(problems) == [composition_field("associations", "40_64"), "business/65_plus",
                                "residents/20_39", "counts", "counts", "counts"]


def test_composition_for_an_unknown_locality_is_refused():
    assert fields(composition_problems(Composition("narnia", {}), known_localities=KNOWN)) == ["locality_id"]


# ---------------------------------------------------------------- strategic meetings


def meeting(**changes) -> StrategicMeeting:
    base = StrategicMeeting(date(2017, 2, 9), "Strategiskt möte", participants=230,
                            themes=("Attraktionskraft", "Mötas"), notes="Cirka 230 deltagare.")
    return replace(base, **changes)


def test_the_2017_meeting_is_fine():
    assert meeting_problems(meeting(), today=TODAY) == []


def test_meeting_rules():
    assert fields(meeting_problems(meeting(date=None), today=TODAY)) == ["date"]
    assert fields(meeting_problems(meeting(date=date(2025, 7, 1)), today=TODAY)) == ["date"]
    assert fields(meeting_problems(meeting(title=""), today=TODAY)) == ["title"]
    assert fields(meeting_problems(meeting(participants=-230), today=TODAY)) == ["participants"]
    assert fields(meeting_problems(meeting(notes="n" * (NOTES_MAX + 1)), today=TODAY)) == ["notes"]
    assert fields(meeting_problems(meeting(themes=("t",) * 21), today=TODAY)) == ["themes"]
    assert fields(meeting_problems(meeting(themes=("t" * (TITLE_MAX + 1),)), today=TODAY)) == ["themes"]


def test_meeting_themes_are_tidied():
    tidy = normalised_meeting(meeting(themes=(" Mötas ", "", "Mötas", "Leva")))
    assert tidy.themes == ("Mötas", "Leva")


# ---------------------------------------------------------------- users


def test_usernames():
    assert username_problems("anna.svensson@vimmerby.se") == []
    assert username_problems("Åsa") == []  # stored case-folded
    assert fields(username_problems("a")) == ["username"]
    assert fields(username_problems("anna svensson")) == ["username"]
    assert fields(username_problems("<script>")) == ["username"]
    assert fields(username_problems("")) == ["username"]


def test_an_editor_has_one_known_locality_and_an_admin_none():
    assert user_problems("anna", Role.EDITOR, "storebro", known_localities=KNOWN) == []
    assert user_problems("anna", "editor", "storebro", known_localities=KNOWN) == []
    assert user_problems("boss", Role.ADMIN, None, known_localities=KNOWN) == []
    assert fields(user_problems("anna", Role.EDITOR, None, known_localities=KNOWN)) == ["locality_id"]
    assert fields(user_problems("anna", Role.EDITOR, "narnia", known_localities=KNOWN)) == ["locality_id"]
    assert fields(user_problems("boss", Role.ADMIN, "tuna", known_localities=KNOWN)) == ["locality_id"]
    assert fields(user_problems("boss", "superuser", None, known_localities=KNOWN)) == ["role"]


@pytest.mark.parametrize("typed", ["admin", "personal", "Personal", "administratör", "administrator"])
def test_the_staff_role_is_called_personal_and_its_old_names_still_parse(typed):
    """The UI's word is "personal"; the stored value stays ``admin``; the old Swedish name still works."""
    assert parse_role(typed) is Role.ADMIN
    assert Role.ADMIN.value == "admin"


def test_refusals_name_the_staff_role_personal():
    problems = user_problems("anna", "nonsens", None, known_localities=KNOWN)
    assert any("personal" in problem.message for problem in problems)
    assert not any("administratör" in problem.message for problem in problems)
