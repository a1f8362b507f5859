"""The priorities in force in a year (issue 15: the map layer and the compare page): each locality's
newest plan from that year or before, read from the database as the pure function says."""

from __future__ import annotations

from indicators.plans.priorities import (
    PrioritiesInForce,
    in_force,
    plan_years,
    read_in_force,
)
from indicators.plans.records import AreaPriority, Plan, PlanItem, Priority
from indicators.plans.store import PlansStore


def test_the_newest_plan_up_to_the_year_is_in_force() -> None:
    old = PrioritiesInForce("storebro", 2023, (AreaPriority("leva", Priority.LOW),))
    new = PrioritiesInForce("storebro", 2025, (AreaPriority("leva", Priority.HIGH),))
    future = PrioritiesInForce("storebro", 2027, (AreaPriority("leva", Priority.NOT_NOW),))
    assert in_force([old, new, future], 2026) == {"storebro": new}
    assert in_force([new, old], 2024) == {"storebro": old}
    assert in_force([new], 2024) == {}
    assert new.of("leva") == AreaPriority("leva", Priority.HIGH) and new.of("trivas") is None


def test_the_database_chooses_the_same_plans_with_their_priorities_and_reasons(store) -> None:
    plans = PlansStore(store)
    saved = [
        Plan("storebro", 2023, "", (AreaPriority("leva", Priority.LOW, "Först skolan"),)),
        Plan("storebro", 2025, "", (AreaPriority("leva", Priority.HIGH, "Fler bostäder"), AreaPriority("trivas", Priority.NOT_NOW)),
             (PlanItem("Punkt"),)),
        Plan("tuna", 2026, "", (AreaPriority("kontakt", Priority.MEDIUM, "{{ 7*7 }}"),)),
        Plan("pelarne", 2024, ""),
    ]  # fmt: skip
    for plan in saved:
        plans.save_plan(plan, username="t")
    everything = [PrioritiesInForce(p.locality_id, p.year, p.priorities) for p in saved]
    for year in (2022, 2023, 2024, 2025, 2026):
        assert read_in_force(store, year) == in_force(everything, year), year
    assert read_in_force(store, 2025)["storebro"].of("leva").why == "Fler bostäder"
    assert read_in_force(store, 2024)["pelarne"].priorities == ()
    assert plan_years(store) == [2023, 2024, 2025, 2026]
