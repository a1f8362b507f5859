"""Each locality's priorities "in force" in a year: what the map layer and the compare page show.

A year's plan starts as a copy of the last one and may not be written yet
(early in the year, or a group that revises every other year), so the
priorities in force in a year are those of the locality's newest plan from
that year or before; the plan's year is kept so the page can say when it is
an older one. A locality without any plan up to then has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.plans.records import AreaPriority, Priority
from indicators.storage import schema
from indicators.storage.store import Store


@dataclass(frozen=True)
class PrioritiesInForce:
    """One locality's priorities as set in its plan for ``plan_year``."""

    locality_id: str
    plan_year: int
    priorities: tuple[AreaPriority, ...]

    def of(self, area_id: str) -> AreaPriority | None:
        """The area's priority, or None where the plan sets none."""
        return next((p for p in self.priorities if p.area_id == area_id), None)


def in_force(plans: Iterable[PrioritiesInForce], year: int) -> dict[str, PrioritiesInForce]:
    """Per locality, the newest of ``plans`` from ``year`` or before (pure; the reader does it in SQL)."""
    found: dict[str, PrioritiesInForce] = {}
    for plan in plans:
        if plan.plan_year <= year:
            current = found.get(plan.locality_id)
            if current is None or plan.plan_year > current.plan_year:
                found[plan.locality_id] = plan
    return found


def read_in_force(store: Store, year: int) -> dict[str, PrioritiesInForce]:
    """``in_force`` read from the database: two queries (the plans, their priorities), no items."""
    plans = schema.plans.c
    newest = (
        select(plans.locality_id, func.max(plans.year).label("year"))
        .where(plans.year <= year)
        .group_by(plans.locality_id)
        .subquery()
    )
    chosen = select(plans.id, plans.locality_id, plans.year).join(
        newest, (plans.locality_id == newest.c.locality_id) & (plans.year == newest.c.year)
    )
    table = schema.plan_priorities
    with store.engine.connect() as conn:
        rows = conn.execute(chosen).all()
        found: dict[int, list[AreaPriority]] = {row.id: [] for row in rows}
        if found:
            query = select(table).where(table.c.plan_id.in_(select(chosen.subquery().c.id)))
            for row in conn.execute(query).mappings():
                found[row["plan_id"]].append(AreaPriority(row["area_id"], Priority(row["priority"]), row["why"]))
    order = {area.id: index for index, area in enumerate(DEVELOPMENT_AREAS)}
    return {
        row.locality_id: PrioritiesInForce(
            row.locality_id, row.year, tuple(sorted(found[row.id], key=lambda p: order.get(p.area_id, len(order))))
        )
        for row in rows
    }


def plan_years(store: Store) -> list[int]:
    """Every year some locality has a plan for, oldest first (the map's year slider for a priority layer)."""
    plans = schema.plans.c
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(plans.year).distinct()).scalars())
