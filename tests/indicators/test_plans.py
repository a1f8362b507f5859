"""Plans (issue 15): the rules, the year copy, the difference between years, the store's
versions and the service's permissions, on a real (SQLite) database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from indicators.accounts.auth import hash_password
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork.records import Initiative, InitiativeStatus, Role, User
from indicators.groupwork.store import GroupworkStore, StaleWriteError
from indicators.plans import service
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority
from indicators.plans.rules import (
    PLAN_ITEM,
    parse_priority,
    period_problems,
    plan_problems,
)
from indicators.plans.store import PlansStore
from indicators.plans.years import next_year_plan, plan_difference

OWN, OTHER = "storebro", "tuna"
TODAY = date(2025, 6, 1)
KNOWN = {OWN, OTHER, "vimmerby"}


def a_plan(**changes: object) -> Plan:
    plan = Plan(
        OWN,
        2025,
        "Ett levande Storebro",
        (AreaPriority("leva", Priority.HIGH, "Fler bostäder"), AreaPriority("motas", Priority.NOT_NOW)),
        (PlanItem("Bygga en badbrygga", "Idrottsföreningen", date(2025, 3, 1), date(2025, 8, 1), ItemStatus.ONGOING, ("trivas",), (1,)),),
    )
    return replace(plan, **changes)


def problems(plan: Plan, links: dict[int, str] | None = None) -> list:
    return plan_problems(plan, known_localities=KNOWN, initiative_localities=links or {1: OWN, 2: OTHER}, latest_year=2026)


# ---------------------------------------------------------------- rules


def test_a_sound_plan_has_no_problems() -> None:
    assert problems(a_plan()) == []


def test_a_priority_outside_the_scale_is_refused_beside_its_area() -> None:
    found = problems(a_plan(priorities=(AreaPriority("leva", "urgent"),)))  # type: ignore[arg-type]
    assert [(p.field, "urgent" in str(p.message)) for p in found] == [("priority/leva", True)]


def test_priorities_are_read_by_id_and_by_name_in_either_language() -> None:
    assert parse_priority("hög") is Priority.HIGH
    assert parse_priority("Not now") is Priority.NOT_NOW
    assert parse_priority("not_now") is Priority.NOT_NOW
    assert parse_priority("urgent") is None


def test_a_long_why_is_refused_not_cut() -> None:
    found = problems(a_plan(priorities=(AreaPriority("leva", Priority.LOW, "x" * 301),)))
    assert [p.field for p in found] == ["why/leva"]


def test_an_item_due_before_it_starts_is_refused_on_its_row() -> None:
    item = PlanItem("Städdag", start=date(2025, 5, 2), due=date(2025, 5, 1))
    found = problems(a_plan(items=(PlanItem("Annat"), item)))
    assert [(p.row, p.row_label, p.field) for p in found] == [(2, PLAN_ITEM, "due")]


def test_an_item_linked_to_another_localitys_initiative_is_refused() -> None:
    found = problems(a_plan(items=(PlanItem("Cykelväg", initiative_ids=(2,)),)))
    assert [p.field for p in found] == ["initiatives"]
    assert OTHER in str(found[0].message)


def test_an_item_linked_to_an_initiative_that_does_not_exist_is_refused() -> None:
    assert [p.field for p in problems(a_plan(items=(PlanItem("Cykelväg", initiative_ids=(99,)),)))] == ["initiatives"]


def test_an_item_needs_a_what_and_every_problem_comes_at_once() -> None:
    found = problems(a_plan(year=1999, items=(PlanItem("  ", status="halfway"),)))  # type: ignore[arg-type]
    assert {p.field for p in found} == {"year", "what", "status"}


def test_a_period_must_run_forwards() -> None:
    assert [p.field for p in period_problems(date(2025, 2, 1), date(2024, 2, 1))] == ["end"]
    assert period_problems(date(2024, 2, 1), date(2025, 2, 1)) == []


# ---------------------------------------------------------------- years


def test_a_new_year_starts_as_a_copy_of_the_last_without_what_was_finished() -> None:
    last = a_plan(
        id=7,
        version=3,
        items=(PlanItem("Badbrygga", status=ItemStatus.ONGOING, initiative_ids=(1,)), PlanItem("Städdag", status=ItemStatus.DONE)),
    )
    copy = next_year_plan(last, OWN, 2026)
    assert (copy.year, copy.id, copy.version, copy.vision, copy.priorities) == (2026, None, 0, last.vision, last.priorities)
    assert [item.what for item in copy.items] == ["Badbrygga"]
    assert copy.items[0].initiative_ids == (1,)
    assert next_year_plan(None, OWN, 2026) == Plan(OWN, 2026)


def test_the_difference_between_two_years_names_what_changed() -> None:
    before = a_plan(year=2024, items=(PlanItem("Badbrygga", status=ItemStatus.ONGOING), PlanItem("Gammal idé")))
    after = a_plan(
        vision="Ett ännu mer levande Storebro",
        priorities=(AreaPriority("leva", Priority.MEDIUM, "Fler bostäder"),),
        items=(PlanItem("badbrygga ", status=ItemStatus.DONE), PlanItem("Ny punkt")),
    )
    diff = plan_difference(before, after)
    assert diff.vision_changed
    assert [(c.area_id, c.before, c.after) for c in diff.priorities] == [
        ("leva", Priority.HIGH, Priority.MEDIUM),
        ("motas", Priority.NOT_NOW, None),
    ]
    assert [i.what for i in diff.added] == ["Ny punkt"]
    assert [i.what for i in diff.removed] == ["Gammal idé"]
    assert [c.fields for c in diff.changed] == [("status",)]
    assert plan_difference(before, before).empty


# ---------------------------------------------------------------- store and service


@cache
def _hash() -> str:
    return hash_password("tio tecken minst")


@pytest.fixture
def world(store):
    gw = GroupworkStore(store)
    people = {
        "editor": gw.save_user(User("anna", Role.EDITOR, _hash(), OWN), username="test"),
        "other editor": gw.save_user(User("olle", Role.EDITOR, _hash(), OTHER), username="test"),
        "admin": gw.save_user(User("staff", Role.ADMIN, _hash(), None), username="test"),
        "anonymous": None,
    }
    own = gw.save_initiative(Initiative(OWN, "Badbrygga", InitiativeStatus.ONGOING, areas=("trivas",)), username="t")
    other = gw.save_initiative(Initiative(OTHER, "Cykelväg", InitiativeStatus.IDEA, areas=("trivas",)), username="t")
    known = {locality.id for locality in store.localities()}
    return PlansStore(store), gw, people, own, other, known


def _save(world, who: str, plan: Plan) -> Plan:
    plans, gw, people, _own, _other, known = world
    return service.save_plan(
        plans, people[who], plan, known_localities=known, initiative_localities=service.initiative_localities(gw), today=TODAY
    )


@pytest.mark.parametrize(
    ("who", "locality", "allowed"),
    [
        ("editor", OWN, True),
        ("editor", OTHER, False),
        ("other editor", OWN, False),
        ("admin", OWN, True),
        ("admin", OTHER, True),
        ("anonymous", OWN, False),
    ],
)
def test_editors_write_their_own_localitys_plan_and_staff_every_plan(world, who, locality, allowed) -> None:
    plan = Plan(locality, 2025, "Vision")
    if allowed:
        assert _save(world, who, plan).version == 1
    else:
        with pytest.raises(PermissionDenied):
            _save(world, who, plan)
        assert world[0].plan(locality, 2025) is None


def test_a_forged_plan_id_of_another_locality_is_refused(world) -> None:
    tuna = _save(world, "admin", Plan(OTHER, 2025, "Tunas vision"))
    with pytest.raises(PermissionDenied):
        _save(world, "editor", replace(tuna, locality_id=OWN, vision="kapad"))
    assert world[0].plan(OTHER, 2025).vision == "Tunas vision"


def test_a_plan_round_trips_with_its_parts_and_a_stale_save_is_refused(world) -> None:
    plans, _gw, _people, own, _other, _known = world
    plan = a_plan(items=(PlanItem("Badbrygga", "Anna", None, date(2025, 8, 1), ItemStatus.ONGOING, ("trivas", "leva"), (own.id,)),))
    saved = _save(world, "editor", plan)
    assert saved.items[0].initiative_ids == (own.id,)
    assert saved.items[0].areas == ("leva", "trivas")
    assert plans.plan(OWN, 2025) == saved
    newer = _save(world, "editor", replace(saved, vision="Ny vision"))
    assert newer.version == 2
    with pytest.raises(StaleWriteError):
        _save(world, "editor", replace(saved, vision="Gammal flik"))
    assert plans.plan(OWN, 2025).vision == "Ny vision"


def test_a_refused_plan_leaves_nothing_half_saved(world) -> None:
    plans, _gw, _people, own, other, _known = world
    saved = _save(world, "editor", a_plan(items=(PlanItem("Badbrygga", initiative_ids=(own.id,)),)))
    bad = replace(saved, vision="Ändrad", items=(PlanItem("Badbrygga"), PlanItem("Cykelväg", initiative_ids=(other.id,))))
    with pytest.raises(InputError) as refused:
        _save(world, "editor", bad)
    assert [(p.row, p.field) for p in refused.value.problems] == [(2, "initiatives")]
    assert plans.plan(OWN, 2025) == saved


def test_an_item_saved_as_done_remembers_the_day(world) -> None:
    plans = world[0]
    saved = _save(world, "editor", a_plan(items=(PlanItem("Städdag", status=ItemStatus.DONE),)))
    assert saved.items[0].done_on == TODAY
    assert [(loc, item.what) for loc, _year, item in plans.items_done_between(date(2025, 1, 1), TODAY)] == [(OWN, "Städdag")]


def test_storebros_editor_starts_this_year_from_last_years_plan(world) -> None:
    plans, gw, people, own, _other, known = world
    _save(world, "editor", a_plan(year=2024, items=(PlanItem("Badbrygga", status=ItemStatus.ONGOING),)))
    links = service.initiative_localities(gw)
    this_year = service.start_year(plans, people["editor"], OWN, 2025, known_localities=known, initiative_localities=links, today=TODAY)
    assert (this_year.year, this_year.vision, [i.what for i in this_year.items]) == (2025, "Ett levande Storebro", ["Badbrygga"])
    linked = replace(this_year, items=(replace(this_year.items[0], initiative_ids=(own.id,)),))
    assert _save(world, "editor", linked).items[0].initiative_ids == (own.id,)
    assert plans.plan(OWN, 2024).items[0].initiative_ids == ()
    with pytest.raises(PermissionDenied):
        service.start_year(plans, people["editor"], OTHER, 2025, known_localities=known, initiative_localities=links)


def test_every_save_writes_an_audit_line(world, store) -> None:
    from sqlalchemy import select

    from indicators.storage import schema

    _save(world, "editor", a_plan())
    with store.engine.connect() as conn:
        lines = conn.execute(select(schema.audit_log.c.entity, schema.audit_log.c.username, schema.audit_log.c.locality_id).where(schema.audit_log.c.entity == "plan")).all()
    assert lines == [("plan", "anna", OWN)]


# ---------------------------------------------------------------- Excel


def test_a_plan_makes_the_round_trip_through_excel_with_formulas_kept_as_text(world) -> None:
    from indicators.plans.files import (
        import_plan_workbook,
        plan_workbook,
        read_plan_workbook,
    )

    plans, gw, people, own, _other, known = world
    saved = _save(world, "editor", a_plan(vision="=HYPERLINK(\"http://x\")", items=(PlanItem("{{ 7*7 }}", initiative_ids=(own.id,)),)))
    data = plan_workbook(saved)
    read = read_plan_workbook(data, "plan.xlsx")
    assert (read.vision, read.items[0].what, read.items[0].initiative_ids, read.version) == (saved.vision, "{{ 7*7 }}", (own.id,), 1)
    again = import_plan_workbook(plans, people["editor"], data, "plan.xlsx", known_localities=known, initiative_localities=service.initiative_localities(gw), today=TODAY)
    assert again.version == 2 and again.vision == saved.vision


def test_an_imported_plan_with_a_bad_row_is_refused_on_its_sheet_and_row(world) -> None:
    from indicators.plans.files import ITEM_SHEET, import_plan_workbook, plan_workbook

    plans, gw, people, _own, other, known = world
    data = plan_workbook(a_plan(items=(PlanItem("Bra"), PlanItem("Tunas", initiative_ids=(other.id,)))))
    with pytest.raises(InputError) as refused:
        import_plan_workbook(plans, people["editor"], data, "plan.xlsx", known_localities=known, initiative_localities=service.initiative_localities(gw))
    assert [(p.sheet, p.row, p.field) for p in refused.value.problems] == [(ITEM_SHEET, 3, "initiatives")]
    assert plans.plan(OWN, 2025) is None
