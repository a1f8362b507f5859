"""The SQL that activities, initiatives and strategic meetings share, for ``GroupworkStore``.

The three are stored alike: one row per record with ``version`` and
timestamps, and for activities and initiatives a join table of SLUS areas.
``Entity`` describes one of them; the functions here read and write any of
them on a connection the caller holds, so a save, its audit line and a bulk
import each stay in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    RowMapping,
    Table,
    UnaryExpression,
    delete,
    insert,
    select,
)

from indicators.audit.log import ACTIVITY, INITIATIVE, MEETING
from indicators.core import errors
from indicators.core.errors import Problem
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    StrategicMeeting,
)
from indicators.groupwork.rows import (
    activity_values,
    area_rows,
    group_areas,
    initiative_values,
    meeting_values,
    to_activity,
    to_initiative,
    to_meeting,
)
from indicators.i18n.messages import t
from indicators.storage import schema

# Above this many records the areas are fetched with a subquery instead of a
# list of ids, so no statement comes near a backend's limit on parameters.
_ID_LIST_MAX = 500

_R = TypeVar("_R", Activity, Initiative, StrategicMeeting)


@dataclass(frozen=True)
class Entity(Generic[_R]):
    """How one kind of record is stored."""

    name: str
    """The audit log's word for it: ``activity``, ``initiative``, ``meeting``."""
    noun: str
    """Definite form inside a sentence, for messages: ``aktiviteten`` (a noun)."""
    subject: str
    """The same starting a sentence: ``Aktiviteten``."""
    table: Table
    values: Callable[[_R], dict[str, Any]]
    load: Callable[[RowMapping, tuple[str, ...]], _R]
    areas: Table | None = None
    owner: str = ""
    """The column in ``areas`` that points at ``table.c.id``."""
    has_locality: bool = True

    def order(self) -> tuple[UnaryExpression[Any], ...]:
        """Newest first: by date where the record has one, then by id (newest recorded)."""
        columns = self.table.c
        if "date" in columns:
            return (columns.date.desc(), columns.id.desc())
        return (columns.id.desc(),)


ACTIVITIES: Entity[Activity] = Entity(
    ACTIVITY, t("noun_activity"), t("subject_activity"),
    schema.activities, activity_values, to_activity, schema.activity_areas, "activity_id",
)  # fmt: skip
INITIATIVES: Entity[Initiative] = Entity(
    INITIATIVE, t("noun_initiative"), t("subject_initiative"),
    schema.initiatives, initiative_values, to_initiative, schema.initiative_areas, "initiative_id",
)  # fmt: skip
MEETINGS: Entity[StrategicMeeting] = Entity(
    MEETING, t("noun_meeting"), t("subject_meeting"),
    schema.strategic_meetings, meeting_values, to_meeting, has_locality=False,
)  # fmt: skip


def reader(engine: Engine) -> Engine:
    """An engine whose connections see one snapshot, so a record and its areas always match.

    SQLite gets that from the ``BEGIN`` the Store issues; PostgreSQL's default
    (READ COMMITTED) takes a new snapshot per statement, so reads there use
    REPEATABLE READ.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def select_records(
    conn: Connection,
    entity: Entity[_R],
    conditions: Sequence[ColumnElement[bool]] = (),
    *,
    lock: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[_R]:
    """Records matching all ``conditions``, newest first, each with its areas.

    ``limit`` and ``offset`` read one page of that order (ties broken by id, so
    pages never overlap); the areas are then read for that page's records only.

    ``lock`` takes row locks (``FOR UPDATE``) on PostgreSQL, so a version read
    in a write transaction cannot change before the write; SQLite's writer
    already holds the database's write lock.
    """
    table = entity.table
    query = select(table).where(*conditions).order_by(*entity.order())
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    if lock:
        query = query.with_for_update()
    rows = conn.execute(query).mappings().all()
    areas: dict[int, tuple[str, ...]] = {}
    if entity.areas is not None and rows:
        owner = entity.areas.c[entity.owner]
        if len(rows) <= _ID_LIST_MAX:
            wanted: Any = [row["id"] for row in rows]
        else:
            wanted = select(table.c.id).where(*conditions)
        area_query = select(entity.areas).where(owner.in_(wanted))
        areas = group_areas(conn.execute(area_query).mappings(), entity.owner)
    return [entity.load(row, areas.get(row["id"], ())) for row in rows]


def select_one(conn: Connection, entity: Entity[_R], record_id: int, *, lock: bool = False) -> _R | None:
    """One record by id, or None."""
    found = select_records(conn, entity, [entity.table.c.id == record_id], lock=lock)
    return found[0] if found else None


def write_areas(conn: Connection, entity: Entity[Any], rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    """Insert the areas of (record id, areas) pairs; repeats within one record are dropped."""
    if entity.areas is None:
        return
    values = [
        row
        for owner_id, areas in rows
        for row in area_rows(entity.owner, owner_id, dict.fromkeys(areas))
    ]
    if values:
        conn.execute(insert(entity.areas), values)


def delete_areas(conn: Connection, entity: Entity[Any], owner_ids: Collection[int]) -> None:
    """Remove the areas of these records (before new ones are written, or the record deleted)."""
    if entity.areas is None or not owner_ids:
        return
    owner = entity.areas.c[entity.owner]
    ordered = sorted(owner_ids)
    for start in range(0, len(ordered), _ID_LIST_MAX):
        conn.execute(delete(entity.areas).where(owner.in_(ordered[start : start + _ID_LIST_MAX])))


def locality_ids(conn: Connection) -> set[str]:
    return set(conn.execute(select(schema.localities.c.id)).scalars())


def record_problems(
    entity: Entity[_R],
    record: _R,
    known_localities: Collection[str],
    *,
    file: str,
    row: int | None = None,
) -> list[Problem]:
    """What the database could not store faithfully: unknown locality, area, kind or status.

    The full rules (text limits, dates, points) are ``groupwork_rules``'; these
    are the few the store checks itself, because breaking them would store a
    record that cannot be read back or that points nowhere.
    """
    problems: list[Problem] = []

    def add(field: str, message: str) -> None:
        problems.append(Problem(file, message, row, field, row_label=errors.RECORD))

    if entity.has_locality and getattr(record, "locality_id", None) not in known_localities:
        add("locality_id", t("form_unknown_locality", locality=getattr(record, "locality_id", "")))
    for area in getattr(record, "areas", ()):
        if area not in AREAS_BY_ID:
            add("areas", t("form_unknown_area", area=area))
    if isinstance(record, Activity) and not _is_member(ActivityKind, record.kind):
        add("kind", t("unknown_activity_kind", kind=record.kind))
    if isinstance(record, Initiative) and not _is_member(InitiativeStatus, record.status):
        add("status", t("unknown_status", status=record.status))
    return problems


def _is_member(enum: type[Enum], value: object) -> bool:
    return isinstance(value, enum) or value in {member.value for member in enum}
