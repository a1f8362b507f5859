"""Reading what ``changes.changes_between`` needs from the database: the I/O edge of the change view.

Only what the period can use is read (issue 15's benchmark: 10,000
initiatives, 50,000 activities): real figures of the localities from before
the end's year, the initiatives started or finished in the period, the
activities counted per locality by the database, and only the plan items
done in the period.

Residents' ideas are counted only where the ``indicators.ideas`` package and
its table exist (issue 14 may be absent from an installation): found lazily,
skipped otherwise, so this module never fails for their absence.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select

from indicators.audit.log import INITIATIVE, UPDATE
from indicators.core.model import Observation
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.groupwork.sql import INITIATIVES, reader, select_records
from indicators.groupwork.store import GroupworkStore
from indicators.plans.changes import (
    ChangeReport,
    IdeaCounts,
    StatusChange,
    changes_between,
)
from indicators.plans.store import PlansStore
from indicators.storage import schema
from indicators.storage.store import Store

ADOPTED_IDEA = "initiative"
"""The ideas' status for "became an initiative of the group" (``IdeaStatus.INITIATIVE``)."""


def read_changes(
    store: Store,
    gw: GroupworkStore,
    plans: PlansStore,
    start: date,
    end: date,
    *,
    include_examples: bool = False,
) -> ChangeReport:
    """The change report for ``start``–``end`` over every locality, read in a handful of queries.

    ``include_examples`` exists for symmetry with the other views; example
    figures are dropped by ``changes_between`` whatever it says.
    """
    del include_examples, gw
    locality_ids = [locality.id for locality in store.localities()]
    if end < start:
        raise ValueError(f"period runs backwards: {start} to {end}")
    return changes_between(
        start,
        end,
        locality_ids=locality_ids,
        observations=real_figures(store, locality_ids, before_year=end.year),
        initiatives=initiatives_started_or_finished(store, start, end),
        status_changes=status_changes(store, start, end),
        activity_totals=activity_totals(store, start, end),
        items_done=[(locality, item) for locality, _year, item in plans.items_done_between(start, end)],
        ideas=idea_counts(store, start, end),
    )


def real_figures(store: Store, locality_ids: list[str], *, before_year: int) -> list[Observation]:
    """The localities' real, dated figures from before ``before_year``: all a figure "known at" the end can be.

    In the order ``Store.observations`` gives (place, year, basis, indicator),
    so ties between bases resolve as they did when every observation was read.
    """
    table = schema.observations
    if not locality_ids:
        return []
    query = select(table).where(
        table.c.place_id.in_(sorted(set(locality_ids))),
        table.c.example.is_(False),
        table.c.value.is_not(None),
        table.c.year.is_not(None),
        table.c.year < before_year,
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    found = [
        Observation(
            indicator_id=row["indicator_id"], place_id=row["place_id"], year=row["year"], value=row["value"],
            source=row["source"], basis=row["basis"], source_date=row["source_date"], example=bool(row["example"]),
        )
        for row in rows
    ]  # fmt: skip
    return sorted(found, key=lambda o: (o.place_id, o.year, o.basis, o.indicator_id))


def initiatives_started_or_finished(store: Store, start: date, end: date) -> list[Initiative]:
    """Initiatives started in the period, or done with their end in it (newest recorded first)."""
    columns = schema.initiatives.c
    condition = or_(
        and_(columns.start_date >= start, columns.start_date <= end),
        and_(columns.status == InitiativeStatus.DONE.value, columns.end_date >= start, columns.end_date <= end),
    )
    with reader(store.engine).connect() as conn:
        return select_records(conn, INITIATIVES, [condition])


def activity_totals(store: Store, start: date, end: date) -> dict[str, tuple[int, int]]:
    """Per locality, activities held from ``start`` to ``end`` (inclusive) and their participants."""
    columns = schema.activities.c
    query = (
        select(columns.locality_id, func.count(), func.coalesce(func.sum(columns.participants), 0))
        .where(columns.date >= start, columns.date <= end)
        .group_by(columns.locality_id)
    )
    with store.engine.connect() as conn:
        return {locality: (int(held), int(people)) for locality, held, people in conn.execute(query)}


def status_changes(store: Store, start: date, end: date) -> list[StatusChange]:
    """Initiatives whose status was saved anew in the period, from the audit log's "changed" lines."""
    table = schema.audit_log
    low, high = datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)
    query = select(table).where(
        table.c.entity == INITIATIVE,
        table.c.action == UPDATE,
        table.c.at >= low,
        table.c.at < high,
        table.c.summary_params.is_not(None),
    )
    found: list[StatusChange] = []

    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            try:
                params = json.loads(row["summary_params"])
            except ValueError:
                continue
            if not isinstance(params, dict) or "status" not in params.get("fields", []):
                continue
            if not row["entity_id"].isdigit() or row["locality_id"] is None:
                continue
            found.append(
                StatusChange(
                    row["locality_id"], int(row["entity_id"]), str(params.get("title", "")),
                    str(params.get("status", "")), row["at"].date(),
                )
            )
    return found


def ideas_exist() -> bool:
    """Whether residents' ideas are part of this installation (package and table)."""
    return importlib.util.find_spec("indicators.ideas") is not None and hasattr(schema, "ideas")


def idea_counts(store: Store, start: date, end: date) -> dict[str, IdeaCounts] | None:
    """Per locality, ideas sent and adopted in the period; None where ideas do not exist."""
    if not ideas_exist():
        return None
    table = schema.ideas  # type: ignore[attr-defined]
    low, high = datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)
    counts: dict[str, IdeaCounts] = {}
    with store.engine.connect() as conn:
        sent = conn.execute(
            select(table.c.locality_id, func.count())
            .where(table.c.created_at >= low, table.c.created_at < high, table.c.locality_id.is_not(None))
            .group_by(table.c.locality_id)
        ).all()
        adopted = conn.execute(
            select(table.c.locality_id, func.count())
            .where(
                table.c.status == ADOPTED_IDEA,
                table.c.updated_at >= low,
                table.c.updated_at < high,
                table.c.locality_id.is_not(None),
            )
            .group_by(table.c.locality_id)
        ).all()
    for locality, count in sent:
        counts[locality] = IdeaCounts(sent=count)
    for locality, count in adopted:
        counts[locality] = IdeaCounts(sent=counts.get(locality, IdeaCounts()).sent, adopted=count)
    return counts
