"""Reading what the plans page's alignment needs from the database: the I/O edge of ``alignment``.

The page used to read every initiative and a year's activities of all
localities and count in Python (3.8 s on issue 15's benchmark of 10,000
initiatives and 50,000 activities). Here the database counts one locality's
records per area, ranks "others working on the same" once per distinct set
of areas, and only the titles the page prints are read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select

from indicators.groupwork.records import Initiative
from indicators.groupwork.sql import INITIATIVES, reader, select_records
from indicators.storage import schema
from indicators.storage.store import Store

_ID_CHUNK = 500
"""Ids per ``IN`` list, well below any backend's limit on parameters."""


@dataclass(frozen=True)
class InitiativeChoice:
    """An initiative as the plan form offers it for linking: its id and title, nothing more."""

    id: int
    title: str


def initiative_area_counts(store: Store, locality_id: str, year: int) -> dict[str, int]:
    """Per area, the locality's initiatives active some time in ``year`` (as ``GroupworkStore.initiatives(year=…)``)."""
    table, areas = schema.initiatives.c, schema.initiative_areas.c
    query = (
        select(areas.area_id, func.count())
        .join(schema.initiatives, table.id == areas.initiative_id)
        .where(
            table.locality_id == locality_id,
            table.start_date.is_(None) | (table.start_date <= date(year, 12, 31)),
            table.end_date.is_(None) | (table.end_date >= date(year, 1, 1)),
        )
        .group_by(areas.area_id)
    )
    return _counts(store, query)


def activity_area_counts(store: Store, locality_id: str, year: int) -> dict[str, int]:
    """Per area, the locality's activities held in ``year``."""
    table, areas = schema.activities.c, schema.activity_areas.c
    query = (
        select(areas.area_id, func.count())
        .join(schema.activities, table.id == areas.activity_id)
        .where(table.locality_id == locality_id, table.date >= date(year, 1, 1), table.date <= date(year, 12, 31))
        .group_by(areas.area_id)
    )
    return _counts(store, query)


def others_working_on(
    store: Store, locality_id: str, area_sets: Iterable[Iterable[str]], *, limit: int = 20
) -> dict[frozenset[str], list[Initiative]]:
    """Per distinct set of areas: initiatives in *other* localities sharing any of them.

    The same order as ``alignment.others_working_on`` (most shared areas
    first, then newest), ranked by the database; one query per distinct set,
    so fifty items in the same few areas cost a few queries, not fifty.
    """
    table, areas = schema.initiatives.c, schema.initiative_areas.c
    ranked: dict[frozenset[str], list[int]] = {}
    with reader(store.engine).connect() as conn:
        for wanted in {frozenset(s) for s in area_sets}:
            if not wanted:
                continue
            shared = func.count().label("shared")
            query = (
                select(areas.initiative_id, shared)
                .join(schema.initiatives, table.id == areas.initiative_id)
                .where(areas.area_id.in_(sorted(wanted)), table.locality_id != locality_id)
                .group_by(areas.initiative_id)
                .order_by(shared.desc(), areas.initiative_id.desc())
                .limit(limit)
            )
            ranked[wanted] = [row[0] for row in conn.execute(query)]
        ids = sorted({i for found in ranked.values() for i in found})
        loaded = {
            record.id: record
            for start in range(0, len(ids), _ID_CHUNK)
            for record in select_records(conn, INITIATIVES, [table.id.in_(ids[start : start + _ID_CHUNK])])
        }
    return {wanted: [loaded[i] for i in found if i in loaded] for wanted, found in ranked.items()}


def initiative_titles(store: Store, initiative_ids: Iterable[int]) -> dict[int, str]:
    """The titles of these initiatives (the ones a plan links), by id; unknown ids are left out."""
    table = schema.initiatives.c
    ids = sorted(set(initiative_ids))
    titles: dict[int, str] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), _ID_CHUNK):
            query = select(table.id, table.title).where(table.id.in_(ids[start : start + _ID_CHUNK]))
            titles.update({row.id: row.title for row in conn.execute(query)})
    return titles


def initiative_choices(store: Store, locality_id: str) -> list[InitiativeChoice]:
    """The locality's own initiatives as link choices, most recently recorded first (as ``initiatives()``)."""
    table = schema.initiatives.c
    query = select(table.id, table.title).where(table.locality_id == locality_id).order_by(table.id.desc())
    with store.engine.connect() as conn:
        return [InitiativeChoice(row.id, row.title) for row in conn.execute(query)]


def _counts(store: Store, query: Select) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {area: int(count) for area, count in conn.execute(query)}
