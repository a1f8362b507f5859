"""Bulk imports of activities and initiatives: all or nothing, in the caller's transaction.

A record without an id is new. A record with an id updates the stored one,
provided it was based on the stored version (a file exported, edited and
imported again), and counts as unchanged when nothing differs, so importing an
exported file a second time changes nothing. Every problem in the batch is
reported at once, as one ``InputError`` naming each record by its position
("post 3"); then nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, insert, update

from indicators.core import errors
from indicators.core.errors import InputError, Problem
from indicators.groupwork.records import Activity, Initiative
from indicators.groupwork.sql import (
    Entity,
    delete_areas,
    locality_ids,
    record_problems,
    select_records,
    write_areas,
)
from indicators.i18n.messages import t
from indicators.observations.import_log import ImportOrigin
from indicators.storage.store import SaveResult

_CHUNK = 500

_R = TypeVar("_R", Activity, Initiative)


def import_records(
    conn: Connection,
    entity: Entity[_R],
    records: Sequence[_R],
    *,
    origin: ImportOrigin,
    now: datetime,
) -> SaveResult:
    """Check the whole batch against the database, then write it; raises ``InputError`` first if anything is wrong."""
    stored = _stored(conn, entity, records)
    _raise_if_any(_problems(conn, entity, records, stored, origin.file))
    new = [record for record in records if record.id is None]
    changed = [
        record
        for record in records
        if record.id is not None and _content(entity, stored[record.id]) != _content(entity, record)
    ]
    _insert(conn, entity, new, now)
    _update(conn, entity, changed, now)
    return SaveResult(
        added=len(new), changed=len(changed), unchanged=len(records) - len(new) - len(changed)
    )


def _stored(conn: Connection, entity: Entity[_R], records: Sequence[_R]) -> dict[int, _R]:
    """The stored records the batch names, locked until the transaction ends."""
    ids = sorted({record.id for record in records if record.id is not None})
    found: dict[int, _R] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for record in select_records(conn, entity, [entity.table.c.id.in_(chunk)], lock=True):
            assert record.id is not None
            found[record.id] = record
    return found


def _problems(
    conn: Connection, entity: Entity[_R], records: Sequence[_R], stored: dict[int, _R], file: str
) -> list[Problem]:
    known = locality_ids(conn)
    problems: list[Problem] = []
    first_seen: dict[int, int] = {}
    for index, record in enumerate(records, start=1):
        problems += record_problems(entity, record, known, file=file, row=index)
        if record.id is None:
            continue

        def add(field: str, message: str) -> None:
            problems.append(Problem(file, message, index, field, row_label=errors.RECORD))

        if record.id in first_seen:
            add("id", t("batch_duplicate_id", record=first_seen[record.id]))
            continue
        first_seen[record.id] = index
        old = stored.get(record.id)
        if old is None:
            add("id", t("batch_record_gone", noun=entity.noun, id=record.id))
        elif old.version != record.version:
            add(
                "version",
                t("batch_version_changed", current=old.version, based_on=record.version),
            )
    return problems


def _content(entity: Entity[_R], record: _R) -> tuple[Any, ...]:
    """What a change is judged by: the stored columns and the areas, not the version."""
    values = entity.values(record)
    return (*(values[key] for key in sorted(values)), tuple(dict.fromkeys(record.areas)))


def _insert(conn: Connection, entity: Entity[_R], records: list[_R], now: datetime) -> None:
    if not records:
        return
    table = entity.table
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = conn.execute(statement, [entity.values(r) | stamp for r in chunk]).scalars().all()
        write_areas(conn, entity, zip(new_ids, (record.areas for record in chunk), strict=True))


def _update(conn: Connection, entity: Entity[_R], records: list[_R], now: datetime) -> None:
    """One executemany; the versions were checked under lock, the WHERE repeats the check."""
    if not records:
        return
    table = entity.table
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(version=table.c.version + 1, updated_at=now)
    )
    conn.execute(
        statement,
        [{"b_id": r.id, "b_version": r.version, **entity.values(r)} for r in records],
    )
    delete_areas(conn, entity, [r.id for r in records if r.id is not None])
    write_areas(conn, entity, ((r.id, r.areas) for r in records if r.id is not None))


def _raise_if_any(problems: list[Problem]) -> None:
    if problems:
        problems.sort(key=lambda problem: problem.row or 0)
        raise InputError(problems)
