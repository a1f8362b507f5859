"""Reading group work a page at a time (issue #13 item 4): pages in the list's own order that never
overlap, what a timeline needs without whole records, and the progress counts in SQL — on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    ActivityPoint,
    InitiativeStatus,
)
from indicators.groupwork.store import GroupworkStore
from indicators.observations.import_log import ImportOrigin
from indicators.storage.store import Store
from tests.indicators.test_groupwork_store import T0, lighting, walk


@pytest.fixture
def gw(backend_store: Store) -> GroupworkStore:
    return GroupworkStore(backend_store, clock=lambda: T0)


def _origin() -> ImportOrigin:
    return ImportOrigin(user="anna", file="bulk.csv", format="csv", sha256="0" * 64, at=T0)


def _many_walks(gw: GroupworkStore, count: int, locality: str = "storebro") -> None:
    # Two activities a day, so pages must break ties on the same date by id.
    gw.import_activities([walk(locality, day=date(2025, 1, 1) + timedelta(days=i // 2), title=f"Vandring {i}",
                               areas=(("leva",), ("verka", "arbeta"))[i % 2]) for i in range(count)],
                         username="anna", origin=_origin())


def test_activity_pages_follow_the_whole_list_without_overlap_or_gaps(gw):
    _many_walks(gw, 23)
    _many_walks(gw, 5, locality="tuna")
    whole = gw.activities(locality_ids=["storebro"])
    pages = [gw.activities(locality_ids=["storebro"], limit=10, offset=offset) for offset in (0, 10, 20)]
    assert [len(page) for page in pages] == [10, 10, 3]
    assert [a for page in pages for a in page] == whole  # same order, same records, areas included
    assert gw.activities(locality_ids=["storebro"], limit=10, offset=30) == []


def test_an_activity_page_keeps_the_period(gw):
    _many_walks(gw, 20)  # 1 to 10 January
    page = gw.activities(locality_ids=["storebro"], since=date(2025, 1, 3), until=date(2025, 1, 5), limit=4)
    assert [a.date for a in page] == [date(2025, 1, 5)] * 2 + [date(2025, 1, 4)] * 2
    assert gw.activity_counts(date(2025, 1, 3), date(2025, 1, 5))["storebro"][0] == 6


def test_initiative_pages_follow_the_whole_list(gw):
    gw.import_initiatives([lighting("storebro", title=f"Initiativ {i}") for i in range(7)], username="anna",
                          origin=_origin())
    whole = gw.initiatives(locality_ids=["storebro"])
    assert gw.initiatives(locality_ids=["storebro"], limit=3) + gw.initiatives(
        locality_ids=["storebro"], limit=3, offset=3) + gw.initiatives(locality_ids=["storebro"], limit=3,
                                                                       offset=6) == whole
    assert len(whole) == 7


def test_activity_points_are_what_a_timeline_draws_oldest_first(gw):
    gw.save_activity(walk(day=date(2025, 2, 1), title="Senare", participants=None), username="a")
    gw.save_activity(walk(day=date(2025, 1, 1), title="Först", kind=ActivityKind.MEETING), username="a")
    gw.save_activity(walk("tuna", day=date(2025, 1, 15)), username="a")
    points = gw.activity_points(["storebro"], date(2025, 1, 1), date(2025, 12, 31))
    assert points == [ActivityPoint(date(2025, 1, 1), ActivityKind.MEETING, "Först", 14),
                      ActivityPoint(date(2025, 2, 1), ActivityKind.WALK, "Senare", None)]


def test_area_status_counts_count_an_initiative_once_in_each_of_its_areas(gw):
    for status, areas in ((InitiativeStatus.ONGOING, ("leva", "kontakt")), (InitiativeStatus.ONGOING, ("leva",)),
                          (InitiativeStatus.DONE, ("verka",)), (InitiativeStatus.IDEA, ())):
        gw.save_initiative(lighting("storebro", status=status, areas=areas), username="a")
    gw.save_initiative(lighting("tuna", areas=("leva",)), username="a")
    counts = gw.initiative_area_status_counts(["storebro"])
    assert counts == {("leva", InitiativeStatus.ONGOING): 2, ("kontakt", InitiativeStatus.ONGOING): 1,
                      ("verka", InitiativeStatus.DONE): 1}
    assert gw.initiative_area_status_counts()[("leva", InitiativeStatus.ONGOING)] == 3


def test_paged_reads_agree_with_whole_records_of_the_same_activity(gw):
    saved = gw.save_activity(Activity("storebro", date(2025, 5, 5), ActivityKind.EVENT, "Marknad", 40,
                                      areas=("verka",), description="Torget"), username="a")
    assert gw.activities(locality_ids=["storebro"], limit=1) == [saved]


def test_activity_days_count_activities_and_known_participants_per_day_and_kind(gw):
    gw.save_activity(walk(day=date(2025, 1, 1), participants=10), username="a")
    gw.save_activity(walk(day=date(2025, 1, 1), participants=None), username="a")
    gw.save_activity(walk(day=date(2025, 1, 1), kind=ActivityKind.MEETING, participants=None), username="a")
    gw.save_activity(walk(day=date(2025, 1, 9), participants=3), username="a")
    gw.save_activity(walk("tuna", day=date(2025, 1, 1)), username="a")
    days = gw.activity_days(["storebro"], date(2025, 1, 1), date(2025, 1, 31))
    assert [(d.date, d.kind, d.activities, d.participants) for d in days] == [
        (date(2025, 1, 1), ActivityKind.MEETING, 1, None),  # no figure given: unknown, not zero
        (date(2025, 1, 1), ActivityKind.WALK, 2, 10),
        (date(2025, 1, 9), ActivityKind.WALK, 1, 3),
    ]
