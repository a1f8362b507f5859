"""'Since the last strategic meeting' and the alignment view, as pure functions (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.core.model import Observation
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    StrategicMeeting,
)
from indicators.plans.alignment import alignment, others_working_on
from indicators.plans.changes import (
    IdeaCounts,
    StatusChange,
    changes_between,
    default_period,
)
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority

START, END = date(2024, 2, 9), date(2025, 2, 7)
PLACES = ("storebro", "tuna")
AREAS = ("leva", "arbeta", "verka", "trivas", "kontakt", "motas")


def obs(year: int, value: float, *, place: str = "storebro", basis: str = "tätort", example: bool = False) -> Observation:
    return Observation("population", place, year, value, "SCB", basis=basis, example=example)


def test_the_default_period_runs_between_the_two_latest_meetings() -> None:
    meetings = [StrategicMeeting(d, "Möte") for d in (date(2023, 2, 1), START, END)]
    assert default_period(meetings, date(2025, 6, 1)) == (START, END)
    assert default_period(meetings[:1], date(2025, 6, 1)) == (date(2023, 2, 1), date(2025, 6, 1))
    assert default_period([], date(2025, 6, 1)) == (date(2024, 6, 1), date(2025, 6, 1))


def test_a_real_figure_that_moved_is_reported_with_both_years() -> None:
    report = changes_between(START, END, locality_ids=PLACES, observations=[obs(2022, 100), obs(2023, 110), obs(2024, 125)])
    (move,) = report.localities[0].figures
    assert (move.year_before, move.value_before, move.year_after, move.value_after, move.change) == (2023, 110, 2024, 125, 15)


def test_example_figures_never_count_as_movement() -> None:
    report = changes_between(START, END, locality_ids=PLACES, observations=[obs(2023, 110), obs(2024, 500, example=True)])
    assert report.localities[0].figures == ()


def test_a_figure_on_another_basis_is_named_not_subtracted() -> None:
    report = changes_between(START, END, locality_ids=PLACES, observations=[obs(2023, 110), obs(2024, 900, basis="församling")])
    storebro = report.localities[0]
    assert storebro.figures == ()
    assert [(b.basis_before, b.basis_after) for b in storebro.basis_changes] == [("tätort", "församling")]


def test_initiatives_activities_items_and_ideas_are_counted_per_locality_within_the_period() -> None:
    initiatives = [
        Initiative("storebro", "Badbrygga", InitiativeStatus.ONGOING, start=date(2024, 5, 1), id=1),
        Initiative("storebro", "Belysning", InitiativeStatus.DONE, start=date(2023, 1, 1), end=date(2024, 9, 1), id=2),
        Initiative("tuna", "Gammalt", InitiativeStatus.DONE, start=date(2020, 1, 1), end=date(2021, 1, 1), id=3),
    ]
    activities = [
        Activity("tuna", date(2024, 6, 1), ActivityKind.WALK, "Vandring", participants=12),
        Activity("tuna", date(2025, 3, 1), ActivityKind.WALK, "Efter perioden", participants=50),
    ]
    statuses = [StatusChange("storebro", 1, "Badbrygga", "ongoing", date(2024, 6, 1))]
    items = [("storebro", PlanItem("Städdag", status=ItemStatus.DONE, done_on=date(2024, 4, 1)))]
    report = changes_between(
        START, END, locality_ids=PLACES, initiatives=initiatives, activities=activities,
        status_changes=statuses, items_done=items, ideas={"tuna": IdeaCounts(sent=4, adopted=1)},
    )  # fmt: skip
    storebro, tuna = report.localities
    assert [i.title for i in storebro.started] == ["Badbrygga"]
    assert [i.title for i in storebro.finished] == ["Belysning"]
    assert [c.title for c in storebro.status_changes] == ["Badbrygga"]
    assert [i.what for i in storebro.items_done] == ["Städdag"]
    assert (tuna.activities, tuna.participants, tuna.ideas) == (1, 12, IdeaCounts(4, 1))
    assert storebro.ideas == IdeaCounts() and report.ideas_counted


def test_an_empty_period_says_so_and_ideas_are_left_out_where_they_do_not_exist() -> None:
    report = changes_between(START, END, locality_ids=PLACES)
    assert report.empty and not report.ideas_counted
    assert all(locality.ideas is None for locality in report.localities)


def test_a_period_running_backwards_is_refused() -> None:
    with pytest.raises(ValueError):
        changes_between(END, START, locality_ids=PLACES)


def test_alignment_sets_work_beside_priorities() -> None:
    plan = Plan(
        "storebro", 2025, "",
        (AreaPriority("leva", Priority.HIGH), AreaPriority("trivas", Priority.NOT_NOW)),
        (PlanItem("Bostäder", areas=("leva",)), PlanItem("Badbrygga", initiative_ids=(1,)), PlanItem("Klart", status=ItemStatus.DONE)),
    )  # fmt: skip
    initiatives = [Initiative("storebro", f"I{n}", InitiativeStatus.ONGOING, areas=("trivas",), id=n) for n in range(1, 4)]
    activities = [Activity("storebro", date(2025, 1, 1), ActivityKind.EVENT, "Fest", areas=("trivas", "leva"))]
    found = alignment("storebro", 2025, plan, initiatives + [Initiative("tuna", "X", InitiativeStatus.IDEA, areas=("leva",))], activities, AREAS)
    by_area = {a.area_id: a for a in found.areas}
    assert (by_area["leva"].priority, by_area["leva"].initiatives, by_area["leva"].activities) == (Priority.HIGH, 0, 1)
    assert (by_area["trivas"].initiatives, by_area["trivas"].activities) == (3, 1)
    assert [i.what for i in found.items_without_initiative] == ["Bostäder"]
    assert found.busy_without_priority == ("trivas",)


def test_others_working_on_the_same_are_other_localities_sharing_an_area() -> None:
    initiatives = [
        Initiative("storebro", "Egen", InitiativeStatus.IDEA, areas=("trivas",), id=1),
        Initiative("tuna", "Badplats", InitiativeStatus.IDEA, areas=("trivas", "leva"), id=2),
        Initiative("pelarne", "Väg", InitiativeStatus.IDEA, areas=("kontakt",), id=3),
        Initiative("rumskulla", "Fest", InitiativeStatus.IDEA, areas=("trivas",), id=4),
    ]
    assert [i.title for i in others_working_on("storebro", ("trivas", "leva"), initiatives)] == ["Badplats", "Fest"]
