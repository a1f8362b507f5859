"""Reading what ``changes.changes_between`` needs from the database: the I/O edge of the change view.

Residents' ideas are counted only where the ``indicators.ideas`` package and
its table exist (issue 14 may be absent from an installation): found lazily,
skipped otherwise, so this module never fails for their absence.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from indicators.audit.log import INITIATIVE, UPDATE
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
    del include_examples
    locality_ids = [locality.id for locality in store.localities()]
    return changes_between(
        start,
        end,
        locality_ids=locality_ids,
        observations=store.observations(place_ids=locality_ids),
        initiatives=gw.initiatives(),
        status_changes=status_changes(store, start, end),
        activities=gw.activities(since=start, until=end),
        items_done=[(locality, item) for locality, _year, item in plans.items_done_between(start, end)],
        ideas=idea_counts(store, start, end),
    )


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
