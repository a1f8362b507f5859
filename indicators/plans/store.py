"""Plans in the database, on the same engine as the ``Store``, with the group-work guarantees.

* **No lost update.** A plan carries ``version``; a save names the version it
  was based on and the UPDATE matches only that version, so a second tab
  saving an old version is refused (``StaleWriteError``) and nothing changes.
  Two first saves of the same locality and year meet the unique key and the
  second is refused the same way.
* **All or nothing.** The plan row, its priorities, items, item areas and
  links are replaced in one transaction, with the audit line.
* **Safe from many threads**: each call takes its own connection and
  transaction (``write_transaction``: SQLite writers take the lock first).

Permission and validation are the service's job (``indicators.plans.service``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from sqlalchemy import (
    Connection,
    RowMapping,
    Select,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from indicators.audit import log as audit
from indicators.groupwork.rows import enum_value, naive_utc
from indicators.groupwork.sql import reader
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.observations.import_log import utc_now
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority
from indicators.storage import schema
from indicators.storage.store import Store, write_transaction

PLAN = "plan"
"""The audit log's word for a plan."""


class PlansStore:
    """Reads and versioned writes of the localities' plans; every write audited."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = store.engine
        self._reader = reader(store.engine)
        self._clock = clock

    # ------------------------------------------------------------------ reads

    def plan(self, locality_id: str, year: int) -> Plan | None:
        """The locality's plan for ``year``, or None when it has none."""
        found = self.plans(locality_ids=[locality_id], years=[year])
        return found[0] if found else None

    def plan_by_id(self, plan_id: int) -> Plan | None:
        with self._reader.connect() as conn:
            found = _load(conn, [schema.plans.c.id == plan_id])
        return found[0] if found else None

    def plans(
        self, *, locality_ids: Iterable[str] | None = None, years: Iterable[int] | None = None
    ) -> list[Plan]:
        """Plans by locality id, then year (newest first)."""
        columns = schema.plans.c
        conditions = []
        if locality_ids is not None:
            conditions.append(columns.locality_id.in_(sorted(set(locality_ids))))
        if years is not None:
            conditions.append(columns.year.in_(sorted(set(years))))
        with self._reader.connect() as conn:
            return _load(conn, conditions)

    def years(self, locality_id: str) -> list[int]:
        """The years the locality has a plan for, newest first."""
        columns = schema.plans.c
        with self._reader.connect() as conn:
            rows = conn.execute(
                select(columns.year).where(columns.locality_id == locality_id).order_by(columns.year.desc())
            )
            return list(rows.scalars())

    def latest_before(self, locality_id: str, year: int) -> Plan | None:
        """The locality's newest plan from before ``year`` (what a new year's plan copies)."""
        columns = schema.plans.c
        with self._reader.connect() as conn:
            last = conn.execute(
                select(func.max(columns.year)).where(columns.locality_id == locality_id, columns.year < year)
            ).scalar()
            if last is None:
                return None
            found = _load(conn, [columns.locality_id == locality_id, columns.year == last])
        return found[0] if found else None

    def items_done_between(self, start: date, end: date) -> list[tuple[str, int, PlanItem]]:
        """(locality id, plan year, item) for every item first saved as done from ``start`` to ``end``, inclusive.

        Reads only those items (with their areas and links), not their whole
        plans; ordered by locality, year (newest first), then position.
        """
        items = schema.plan_items.c
        plans = schema.plans.c
        query = (
            select(plans.locality_id, plans.year, schema.plan_items)
            .join(schema.plans, plans.id == items.plan_id)
            .where(items.done_on >= start, items.done_on <= end)
            .order_by(plans.locality_id, plans.year.desc(), items.position)
        )
        with self._reader.connect() as conn:
            rows = conn.execute(query).mappings().all()
            if not rows:
                return []
            done_ids = select(items.plan_id).where(items.done_on >= start, items.done_on <= end)
            areas, links = _item_parts(conn, done_ids)
        return [(row["locality_id"], row["year"], _to_item(row, areas, links)) for row in rows]

    # ------------------------------------------------------------------ writes

    def save_plan(self, plan: Plan, *, username: str) -> Plan:
        """Insert (``id`` None, version 1) or replace the plan whose stored version is ``plan.version``."""
        table = schema.plans
        with write_transaction(self._engine) as conn:
            now = self._now()
            if plan.id is None:
                try:
                    with conn.begin_nested():
                        result = conn.execute(
                            insert(table).values(
                                locality_id=plan.locality_id,
                                year=plan.year,
                                vision=plan.vision,
                                version=1,
                                created_at=now,
                                updated_at=now,
                            )
                        )
                except IntegrityError:
                    stored = _load(conn, [table.c.locality_id == plan.locality_id, table.c.year == plan.year])
                    if not stored:
                        raise
                    raise StaleWriteError.of(stored[0].version, plan.version) from None
                plan_id = int(result.inserted_primary_key[0])
                old = None
            else:
                found = _load(conn, [table.c.id == plan.id], lock=True)
                if not found:
                    raise NotFoundError(t("plan_gone"), entity=PLAN, record_id=plan.id)
                old = found[0]
                if old.version != plan.version:
                    raise StaleWriteError.of(old.version, plan.version)
                conn.execute(
                    update(table)
                    .where(table.c.id == plan.id, table.c.version == plan.version)
                    .values(vision=plan.vision, version=table.c.version + 1, updated_at=now)
                )
                plan_id = plan.id
                conn.execute(delete(schema.plan_item_initiatives).where(schema.plan_item_initiatives.c.plan_id == plan_id))
                conn.execute(delete(schema.plan_item_areas).where(schema.plan_item_areas.c.plan_id == plan_id))
                conn.execute(delete(schema.plan_items).where(schema.plan_items.c.plan_id == plan_id))
                conn.execute(delete(schema.plan_priorities).where(schema.plan_priorities.c.plan_id == plan_id))
            _write_parts(conn, plan_id, plan)
            saved = _load(conn, [table.c.id == plan_id])[0]
            if old is None:
                summary = t("audit_plan_created", locality=saved.locality_id, year=saved.year, items=len(saved.items))
                action = audit.CREATE
            else:
                summary = t("audit_plan_changed", locality=saved.locality_id, year=saved.year, items=len(saved.items))
                action = audit.UPDATE
            audit.write(
                conn,
                at=self._clock(),
                username=username,
                action=action,
                entity=PLAN,
                entity_id=str(plan_id),
                locality_id=saved.locality_id,
                summary=summary,
            )
            return saved

    def _now(self) -> datetime:
        return naive_utc(self._clock())


# -------------------------------------------------------------------- helpers


def _write_parts(conn: Connection, plan_id: int, plan: Plan) -> None:
    if plan.priorities:
        conn.execute(
            insert(schema.plan_priorities),
            [
                {"plan_id": plan_id, "area_id": p.area_id, "priority": enum_value(p.priority), "why": p.why}
                for p in plan.priorities
            ],
        )
    items, areas, links = [], [], []
    for position, item in enumerate(plan.items, start=1):
        items.append(
            {
                "plan_id": plan_id,
                "position": position,
                "what": item.what,
                "who": item.who,
                "start_date": item.start,
                "due_date": item.due,
                "status": enum_value(item.status),
                "done_on": item.done_on,
            }
        )
        areas += [{"plan_id": plan_id, "position": position, "area_id": a} for a in dict.fromkeys(item.areas)]
        links += [
            {"plan_id": plan_id, "position": position, "initiative_id": i} for i in dict.fromkeys(item.initiative_ids)
        ]
    for table, rows in ((schema.plan_items, items), (schema.plan_item_areas, areas), (schema.plan_item_initiatives, links)):
        if rows:
            conn.execute(insert(table), rows)


def _load(conn: Connection, conditions: list, *, lock: bool = False) -> list[Plan]:
    """Plans matching ``conditions`` with all their parts: five queries, however many plans."""
    table = schema.plans
    query = select(table).where(*conditions).order_by(table.c.locality_id, table.c.year.desc())
    if lock:
        query = query.with_for_update()
    rows = conn.execute(query).mappings().all()
    if not rows:
        return []
    ids = select(table.c.id).where(*conditions)
    priorities: dict[int, list[AreaPriority]] = {}
    for row in conn.execute(select(schema.plan_priorities).where(schema.plan_priorities.c.plan_id.in_(ids))).mappings():
        priorities.setdefault(row["plan_id"], []).append(
            AreaPriority(row["area_id"], Priority(row["priority"]), row["why"])
        )
    areas, links = _item_parts(conn, ids)
    items: dict[int, list[PlanItem]] = {}
    item_table = schema.plan_items
    item_rows = conn.execute(
        select(item_table).where(item_table.c.plan_id.in_(ids)).order_by(item_table.c.plan_id, item_table.c.position)
    ).mappings()
    for row in item_rows:
        items.setdefault(row["plan_id"], []).append(_to_item(row, areas, links))
    return [
        Plan(
            locality_id=row["locality_id"],
            year=row["year"],
            vision=row["vision"],
            priorities=tuple(sorted(priorities.get(row["id"], []), key=lambda p: _AREA_ORDER.get(p.area_id, 99))),
            items=tuple(items.get(row["id"], [])),
            id=row["id"],
            version=row["version"],
        )
        for row in rows
    ]


def _item_parts(
    conn: Connection, plan_ids: Select
) -> tuple[dict[tuple[int, int], list[str]], dict[tuple[int, int], list[int]]]:
    """The areas and linked initiatives of the items of the plans ``plan_ids`` selects, by (plan id, position)."""
    areas: dict[tuple[int, int], list[str]] = {}
    area_table = schema.plan_item_areas
    for row in conn.execute(select(area_table).where(area_table.c.plan_id.in_(plan_ids))).mappings():
        areas.setdefault((row["plan_id"], row["position"]), []).append(row["area_id"])
    links: dict[tuple[int, int], list[int]] = {}
    link_table = schema.plan_item_initiatives
    for row in conn.execute(select(link_table).where(link_table.c.plan_id.in_(plan_ids))).mappings():
        links.setdefault((row["plan_id"], row["position"]), []).append(row["initiative_id"])
    return areas, links


def _to_item(
    row: RowMapping, areas: dict[tuple[int, int], list[str]], links: dict[tuple[int, int], list[int]]
) -> PlanItem:
    key = (row["plan_id"], row["position"])
    return PlanItem(
        what=row["what"],
        who=row["who"],
        start=row["start_date"],
        due=row["due_date"],
        status=ItemStatus(row["status"]),
        areas=_area_order(areas.get(key, [])),
        initiative_ids=tuple(sorted(links.get(key, []))),
        done_on=row["done_on"],
    )


def _area_order(areas: list[str]) -> tuple[str, ...]:
    return tuple(sorted(areas, key=lambda a: (_AREA_ORDER.get(a, 99), a)))


def _build_area_order() -> dict[str, int]:
    from indicators.core.slus import DEVELOPMENT_AREAS

    return {area.id: index for index, area in enumerate(DEVELOPMENT_AREAS)}


_AREA_ORDER = _build_area_order()
