"""Initiatives as the map needs them: a lean read of the ones that have a place, as columns.

The map of 10,000 initiatives must be built in well under 100 ms (issue #13 item 3), and reading
full ``Initiative`` records (every column, a dataclass each, descriptions the map no longer sends)
took half a second alone. This reads only the columns a marker shows, in two queries (the
initiatives, then their areas), with the same filters as ``GroupworkStore.initiatives``, and
hands them back as columns — the shape the map's payload has — rather than an object per
initiative. The description, which only an opened popup shows, is read one initiative at a time
by ``initiative_description``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Integer, cast, func, select

from indicators.groupwork.records import InitiativeStatus
from indicators.groupwork.sql import reader
from indicators.groupwork.store import _initiative_filters
from indicators.storage import schema
from indicators.storage.store import Store


@dataclass(frozen=True)
class InitiativePoints:
    """Initiatives with a place, by id, one tuple per field (entry *i* of each is initiative *i*).

    What a marker and its popup show; no description, lead or partners.
    """

    id: tuple[int, ...] = ()
    locality_id: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    status: tuple[InitiativeStatus, ...] = ()
    areas: tuple[tuple[str, ...], ...] = ()
    """Each initiative's SLUS areas in their order (the first gives its colour)."""
    progress: tuple[int | None, ...] = ()
    lat_e5: tuple[int, ...] = ()
    """Latitude in hundred-thousandths of a degree (about a metre, all a map can show), rounded."""
    lon_e5: tuple[int, ...] = ()
    """Longitude in hundred-thousandths of a degree, rounded."""

    def __len__(self) -> int:
        return len(self.id)


_STATUS_OF = {status.value: status for status in InitiativeStatus}
E5 = 100_000
"""Hundred-thousandths of a degree per degree."""


def initiative_points(store: Store, *, statuses: Iterable[InitiativeStatus | str] | None = None,
                      areas: Iterable[str] | None = None, year: int | None = None) -> InitiativePoints:
    """The initiatives with a place that pass the filters (``GroupworkStore.initiatives``'s), by id."""
    table, joined = schema.initiatives.c, schema.initiative_areas.c
    conditions = [*_initiative_filters(None, statuses, areas, year), table.lat.is_not(None), table.lon.is_not(None)]
    # Whole hundred-thousandths, computed by the database: integers are cheaper to read, to send and
    # to write as JSON than floats rounded one by one.
    lat_e5, lon_e5 = (cast(func.round(column * E5), Integer) for column in (table.lat, table.lon))
    query = select(table.id, table.locality_id, table.title, table.status, table.progress, lat_e5, lon_e5) \
        .where(*conditions).order_by(table.id)
    area_query = select(joined.initiative_id, joined.area_id) \
        .join(schema.initiatives, table.id == joined.initiative_id).where(*conditions) \
        .order_by(joined.initiative_id, joined.position)
    with reader(store.engine).connect() as conn:
        rows = conn.execute(query).all()
        area_rows = conn.execute(area_query).all()
    if not rows:
        return InitiativePoints()
    areas_of: dict[int, list[str]] = {}
    for initiative_id, area_id in area_rows:
        found = areas_of.get(initiative_id)
        if found is None:
            areas_of[initiative_id] = [area_id]
        else:
            found.append(area_id)
    ids, localities, titles, values, progress, lats, lons = zip(*rows, strict=True)
    none: tuple[str, ...] = ()
    return InitiativePoints(
        id=ids, locality_id=localities, title=titles, status=tuple(map(_STATUS_OF.__getitem__, values)),
        areas=tuple(tuple(areas_of[i]) if i in areas_of else none for i in ids),
        progress=progress, lat_e5=lats, lon_e5=lons,
    )


def initiative_description(store: Store, initiative_id: int) -> str | None:
    """The description of an initiative the map shows (one with a place), or None for any other id."""
    table = schema.initiatives.c
    query = select(table.description).where(table.id == initiative_id, table.lat.is_not(None), table.lon.is_not(None))
    with reader(store.engine).connect() as conn:
        return conn.execute(query).scalar()
