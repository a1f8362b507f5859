"""The change view's and the alignment's narrowed reads (issue 15, speed) say exactly what the pure
functions say over every record — the reads got faster, the answers did not change."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.core.model import Observation
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)
from indicators.groupwork.store import GroupworkStore
from indicators.plans import alignment_data
from indicators.plans.alignment import aligned, alignment, others_working_on
from indicators.plans.change_data import idea_counts, read_changes, status_changes
from indicators.plans.changes import changes_between
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority
from indicators.plans.store import PlansStore

START, END = date(2024, 2, 9), date(2025, 2, 7)
AREAS = tuple(area.id for area in DEVELOPMENT_AREAS)
S = InitiativeStatus


@pytest.fixture
def world(store):
    gw = GroupworkStore(store)
    plans = PlansStore(store)
    initiatives = [
        Initiative("storebro", "Startad i perioden", S.ONGOING, areas=("trivas", "leva"), start=date(2024, 5, 1)),
        Initiative("storebro", "Klar i perioden", S.DONE, areas=("trivas",), start=date(2022, 1, 1), end=date(2024, 9, 1)),
        Initiative("storebro", "Klar men pausad", S.PAUSED, areas=("verka",), start=date(2022, 1, 1), end=date(2024, 9, 1)),
        Initiative("storebro", "Utan datum", S.IDEA, areas=("trivas",)),
        Initiative("storebro", "Slutade 2023", S.DONE, areas=("trivas",), start=date(2021, 1, 1), end=date(2023, 6, 1)),
        Initiative("tuna", "Klar efter perioden", S.DONE, areas=("trivas", "kontakt"), start=date(2023, 1, 1), end=date(2025, 3, 1)),
        Initiative("tuna", "Startdag på slutdagen", S.PLANNED, areas=("leva",), start=END),
        Initiative("pelarne", "Väg", S.IDEA, areas=("kontakt",)),
        Initiative("rumskulla", "Fest", S.ONGOING, areas=("trivas", "leva"), start=date(2025, 1, 1)),
    ]
    saved = [gw.save_initiative(i, username="t") for i in initiatives]
    for activity in [
        Activity("tuna", date(2024, 6, 1), ActivityKind.WALK, "Vandring", participants=12, areas=("trivas",)),
        Activity("tuna", date(2024, 7, 1), ActivityKind.MEETING, "Möte utan antal", areas=("motas", "leva")),
        Activity("tuna", END, ActivityKind.EVENT, "Sista dagen", participants=3),
        Activity("tuna", date(2025, 3, 1), ActivityKind.WALK, "Efter perioden", participants=50),
        Activity("storebro", START, ActivityKind.WORKSHOP, "Första dagen", participants=7, areas=("leva",)),
        Activity("storebro", date(2024, 12, 31), ActivityKind.EVENT, "Nyår", participants=1, areas=("trivas", "leva")),
    ]:
        gw.save_activity(activity, username="t")
    store.save_observations([
        Observation("population", "storebro", 2022, 100, "SCB", basis="tätort"),
        Observation("population", "storebro", 2023, 110, "SCB", basis="tätort"),
        Observation("population", "storebro", 2024, 125, "SCB", basis="tätort"),
        Observation("population", "tuna", 2023, 300, "SCB", basis="tätort"),
        Observation("population", "tuna", 2024, 900, "SCB", basis="församling"),
        Observation("population", "gullringen", 2024, 999, "SCB", basis="tätort", example=True),
    ])  # fmt: skip
    own = saved[0].id
    plan = Plan(
        "storebro", 2024, "Vision", (AreaPriority("leva", Priority.HIGH, "Bostäder"), AreaPriority("trivas", Priority.NOT_NOW)),
        (PlanItem("Städdag", status=ItemStatus.DONE, done_on=date(2024, 4, 1), areas=("motas",)),
         PlanItem("Badbrygga", status=ItemStatus.ONGOING, areas=("trivas",), initiative_ids=(own,)),
         PlanItem("Gammalt", status=ItemStatus.DONE, done_on=date(2023, 4, 1)),
         PlanItem("Belysning", areas=("trivas", "leva"))),
    )  # fmt: skip
    plans.save_plan(plan, username="t")
    plans.save_plan(Plan("tuna", 2025, "", (), (PlanItem("Sista", status=ItemStatus.DONE, done_on=END),)), username="t")
    return store, gw, plans


def test_the_change_report_read_narrowly_is_the_report_over_every_record(world) -> None:
    store, gw, plans = world
    locality_ids = [locality.id for locality in store.localities()]
    everything = changes_between(
        START, END, locality_ids=locality_ids,
        observations=store.observations(place_ids=locality_ids),
        initiatives=gw.initiatives(),
        status_changes=status_changes(store, START, END),
        activities=gw.activities(),
        items_done=[(p.locality_id, item) for p in plans.plans() for item in p.items if item.done_on],
        ideas=idea_counts(store, START, END),
    )  # fmt: skip
    narrow = read_changes(store, gw, plans, START, END)
    assert narrow == everything
    storebro = next(c for c in narrow.localities if c.locality_id == "storebro")
    assert [i.title for i in storebro.started] == ["Startad i perioden"]
    assert [i.title for i in storebro.finished] == ["Klar i perioden"]
    assert [i.what for i in storebro.items_done] == ["Städdag"]
    assert (storebro.activities, storebro.participants) == (2, 8)


def test_activity_totals_count_activities_without_participants_as_held_by_nobody(world) -> None:
    store, gw, plans = world
    tuna = next(c for c in read_changes(store, gw, plans, START, END).localities if c.locality_id == "tuna")
    assert (tuna.activities, tuna.participants) == (3, 15)


@pytest.mark.parametrize(("locality", "year"), [("storebro", 2024), ("storebro", 2025), ("tuna", 2024), ("djursdala", 2024)])
def test_the_alignment_counted_by_the_database_is_the_alignment_counted_in_python(world, locality, year) -> None:
    store, gw, plans = world
    plan = plans.plan(locality, year)
    in_python = alignment(
        locality, year, plan, gw.initiatives(year=year), gw.activities(since=date(year, 1, 1), until=date(year, 12, 31)), AREAS
    )
    in_database = aligned(
        locality, year, plan,
        alignment_data.initiative_area_counts(store, locality, year),
        alignment_data.activity_area_counts(store, locality, year), AREAS,
    )  # fmt: skip
    assert in_database == in_python


@pytest.mark.parametrize("areas", [("trivas",), ("trivas", "leva"), ("kontakt",), ("leva", "trivas"), ("motas",)])
def test_others_working_on_the_same_ranked_by_the_database_match_the_pure_ranking(world, areas) -> None:
    store, gw, _plans = world
    expected = others_working_on("storebro", areas, gw.initiatives(), limit=2)
    found = alignment_data.others_working_on(store, "storebro", [areas, areas[::-1]], limit=2)
    assert found[frozenset(areas)] == expected


def test_the_form_offers_the_localitys_own_initiatives_newest_first_and_titles_only_of_linked_ones(world) -> None:
    store, gw, _plans = world
    own = gw.initiatives(locality_ids=["storebro"])
    assert [(c.id, c.title) for c in alignment_data.initiative_choices(store, "storebro")] == [(i.id, i.title) for i in own]
    assert alignment_data.initiative_titles(store, [own[0].id, 999_999]) == {own[0].id: own[0].title}
