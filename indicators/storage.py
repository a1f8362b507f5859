"""Where the dashboard's data lives between runs: one database behind one ``Store``.

SQLAlchemy Core (not the ORM): the domain records are frozen dataclasses and
the Store maps them to rows and back, so no mutable ORM objects leak into the
app. Every write method is one transaction, so an import either lands whole or
leaves the database exactly as it was. Only portable SQL is used; the SQLite
PRAGMAs are applied only when the URL is SQLite, so a PostgreSQL URL works too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, Self, TypeVar

import platformdirs
from sqlalchemy import (
    Connection,
    Engine,
    RowMapping,
    Table,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url

from indicators import schema
from indicators.bundled import (
    bundled_groups,
    bundled_indicators,
    bundled_localities,
    bundled_observations,
)
from indicators.collation import swedish_key
from indicators.csv_observations import read_observations_csv
from indicators.errors import InputError, Problem
from indicators.model import (
    REFERENCE_PLACE_IDS,
    Direction,
    Group,
    Indicator,
    Level,
    Locality,
    Observation,
)
from indicators.slus import AREAS_BY_ID, DEVELOPMENT_AREAS

APP_NAME = "allas-vimmerby"
DATABASE_URL_ENV = "DATABASE_URL"
DATABASE_FILE = "dashboard.sqlite"

# Stay far below every backend's limit on bound parameters per statement.
_IN_CHUNK = 500

_AREA_ORDER = {area.id: index for index, area in enumerate(DEVELOPMENT_AREAS)}

_Key = TypeVar("_Key", bound=Hashable)
_Record = TypeVar("_Record")


def default_database_url() -> str:
    """A SQLite file in the user's data folder, so the app runs with no setup at all."""
    folder = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite:///{folder / DATABASE_FILE}"


def resolve_database_url(flag: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The command-line flag wins over ``DATABASE_URL``, which wins over the default.

    ``environ`` is a parameter so callers and tests need not touch ``os.environ``.
    """
    if flag:
        return flag
    env = os.environ if environ is None else environ
    from_env = env.get(DATABASE_URL_ENV, "").strip()
    return from_env or default_database_url()


@dataclass(frozen=True)
class SaveResult:
    """What a save did, so staff see that re-importing a file changed nothing."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.unchanged

    def __add__(self, other: SaveResult) -> SaveResult:
        return SaveResult(
            self.added + other.added,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
        )


class SchemaVersionError(RuntimeError):
    """The database was written by a newer version of the app; refuse to touch it."""


class Store:
    """The app's data: localities, indicators, observations and groups in one database."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose schema exists; use ``Store.open`` to get one."""
        self._engine = engine

    # ---------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, url: str, *, seed: bool = True) -> Self:
        """Open (creating if needed) the database; seed bundled data into an empty one.

        Seeding happens only when there are no localities, so a restart never
        overwrites what staff have edited or imported.
        """
        engine = _create_engine(url)
        try:
            with engine.begin() as conn:
                schema.metadata.create_all(conn)
                _check_schema_version(conn)
            if seed:
                with engine.begin() as conn:
                    if _count(conn, schema.localities) == 0:
                        _seed(conn)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def dispose(self) -> None:
        """Close every pooled connection (and so the SQLite file handles)."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.dispose()

    @property
    def engine(self) -> Engine:
        """For code that needs its own tables in the same database."""
        return self._engine

    @property
    def url(self) -> str:
        """The database URL with any password masked, safe to print."""
        return self._engine.url.render_as_string(hide_password=True)

    # -------------------------------------------------------------------- reads

    def localities(self) -> list[Locality]:
        """All localities in Swedish alphabetical order (Å, Ä, Ö after Z)."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(schema.localities)).mappings().all()
        records = [_to_locality(row) for row in rows]
        return sorted(records, key=lambda loc: (swedish_key(loc.name), loc.id))

    def locality(self, locality_id: str) -> Locality | None:
        """One locality, or None when there is no such id."""
        table = schema.localities
        with self._engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.id == locality_id)).mappings().first()
        return _to_locality(row) if row is not None else None

    def indicators(self) -> list[Indicator]:
        """The catalogue: grouped by SLUS area in the strategy's order, then by name."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(schema.indicators)).mappings().all()
        records = [_to_indicator(row) for row in rows]
        return sorted(
            records,
            key=lambda ind: (
                _AREA_ORDER.get(ind.area_id, len(_AREA_ORDER)),
                swedish_key(ind.name_sv),
                ind.id,
            ),
        )

    def indicator(self, indicator_id: str) -> Indicator | None:
        """One indicator, or None when there is no such id."""
        table = schema.indicators
        with self._engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.id == indicator_id)).mappings().first()
        return _to_indicator(row) if row is not None else None

    def observations(
        self,
        indicator_id: str | None = None,
        place_ids: Iterable[str] | None = None,
    ) -> list[Observation]:
        """Observations, optionally of one indicator and/or some places.

        Sorted by place, year (undated first), basis and indicator, so the same
        data always comes back in the same order on every backend.
        """
        if isinstance(place_ids, str):
            raise TypeError("place_ids must be a collection of ids, not one id string")
        table = schema.observations
        query = select(table)
        if indicator_id is not None:
            query = query.where(table.c.indicator_id == indicator_id)
        with self._engine.connect() as conn:
            if place_ids is None:
                rows = list(conn.execute(query).mappings())
            else:
                rows = []
                for chunk in _chunks(sorted(set(place_ids))):
                    rows.extend(conn.execute(query.where(table.c.place_id.in_(chunk))).mappings())
        return sorted((_to_observation(row) for row in rows), key=_observation_order)

    def groups(self) -> list[Group]:
        """All local development groups, in the order of their localities' names."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(schema.groups, schema.localities.c.name.label("locality_name")).join(
                    schema.localities
                )
            ).mappings()
            ordered = sorted(
                rows, key=lambda r: (swedish_key(r["locality_name"]), r["locality_id"])
            )
        return [_to_group(row) for row in ordered]

    def group(self, locality_id: str) -> Group | None:
        """The group of one locality, or None when it has none."""
        table = schema.groups
        with self._engine.connect() as conn:
            row = (
                conn.execute(select(table).where(table.c.locality_id == locality_id))
                .mappings()
                .first()
            )
        return _to_group(row) if row is not None else None

    def place_ids(self) -> set[str]:
        """Every id an observation may be about: the localities, the municipality, Sweden."""
        with self._engine.connect() as conn:
            return _place_ids(conn)

    # ------------------------------------------------------------------- writes

    def save_localities(self, records: Sequence[Locality]) -> SaveResult:
        """Insert new localities and update existing ones by id, all or nothing."""
        with self._engine.begin() as conn:
            return _save_localities(conn, records)

    def save_indicators(self, records: Sequence[Indicator]) -> SaveResult:
        """Insert new indicators and update existing ones by id, all or nothing."""
        with self._engine.begin() as conn:
            return _save_indicators(conn, records)

    def save_groups(self, records: Sequence[Group]) -> SaveResult:
        """Insert or update groups by locality, all or nothing."""
        with self._engine.begin() as conn:
            return _save_groups(conn, records)

    def save_observations(self, records: Sequence[Observation]) -> SaveResult:
        """Upsert on (indicator, place, year, basis); saving the same data twice changes nothing."""
        with self._engine.begin() as conn:
            return _save_observations(conn, records)

    def import_observations_file(self, path: Path, display_name: str | None = None) -> SaveResult:
        """Read a staff CSV against this database's ids and save it, all or nothing.

        Raises InputError (listing every problem) with nothing written.
        """
        with self._engine.begin() as conn:
            records = read_observations_csv(
                Path(path),
                indicator_ids=_ids(conn, schema.indicators),
                place_ids=_place_ids(conn),
                display_name=display_name,
            )
            return _save_observations(conn, records)


# ------------------------------------------------------------------ engine setup


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed)
    database = parsed.database or ""
    is_file = database not in ("", ":memory:") and parsed.query.get("mode") != "memory"
    if is_file and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed)
    event.listen(engine, "connect", partial(_apply_sqlite_pragmas, wal=is_file))
    return engine


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any, *, wal: bool) -> None:
    """SQLite ignores foreign keys unless told, per connection; WAL lets readers
    (the dashboard) keep reading while an import writes."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _check_schema_version(conn: Connection) -> None:
    table = schema.schema_version
    version = conn.execute(select(func.max(table.c.version))).scalar()
    if version is None:
        conn.execute(insert(table).values(version=schema.SCHEMA_VERSION))
    elif version > schema.SCHEMA_VERSION:
        raise SchemaVersionError(
            f"Databasen har schemaversion {version}, men det här programmet känner bara "
            f"till version {schema.SCHEMA_VERSION}. Uppdatera programmet."
        )


def _seed(conn: Connection) -> None:
    """The bundled data, in the caller's transaction so a fresh start is all or nothing."""
    localities = bundled_localities()
    indicators = bundled_indicators()
    _save_localities(conn, localities)
    _save_indicators(conn, indicators)
    _save_groups(conn, bundled_groups())
    place_ids = {loc.id for loc in localities} | set(REFERENCE_PLACE_IDS)
    _save_observations(conn, bundled_observations({ind.id for ind in indicators}, place_ids))


# ------------------------------------------------------------------ write helpers


def _save_localities(conn: Connection, records: Sequence[Locality]) -> SaveResult:
    _raise_if_any(_duplicates(records, lambda r: r.id, "orter", "id"))
    rows = [asdict(record) for record in records]
    return _upsert(conn, schema.localities, ("id",), "id", rows, _all_rows(conn, schema.localities))


def _save_indicators(conn: Connection, records: Sequence[Indicator]) -> SaveResult:
    what = "indikatorer"
    _raise_if_any(
        _duplicates(records, lambda r: r.id, what, "id")
        + _unknown(records, lambda r: r.area_id, AREAS_BY_ID, what, "area_id", "utvecklingsområde")
    )
    rows = [_indicator_row(record) for record in records]
    return _upsert(conn, schema.indicators, ("id",), "id", rows, _all_rows(conn, schema.indicators))


def _save_groups(conn: Connection, records: Sequence[Group]) -> SaveResult:
    known = _ids(conn, schema.localities)
    _raise_if_any(
        _duplicates(records, lambda r: r.locality_id, "grupper", "locality_id")
        + _unknown(records, lambda r: r.locality_id, known, "grupper", "locality_id", "ort")
    )
    rows = [asdict(record) for record in records]
    table = schema.groups
    return _upsert(conn, table, ("locality_id",), "locality_id", rows, _all_rows(conn, table))


def _save_observations(conn: Connection, records: Sequence[Observation]) -> SaveResult:
    what = "observationer"
    indicator_ids = _ids(conn, schema.indicators)
    place_ids = _place_ids(conn)
    _raise_if_any(
        _duplicates(records, _observation_key, what, None)
        + _unknown(
            records, lambda r: r.indicator_id, indicator_ids, what, "indicator_id", "indikator"
        )
        + _unknown(records, lambda r: r.place_id, place_ids, what, "place_id", "ort")
    )
    table = schema.observations
    existing: list[RowMapping] = []
    for chunk in _chunks(sorted({r.indicator_id for r in records})):
        query = select(table).where(table.c.indicator_id.in_(chunk))
        existing.extend(conn.execute(query).mappings())
    rows = [asdict(record) for record in records]
    return _upsert(conn, table, ("indicator_id", "place_id", "year", "basis"), "id", rows, existing)


def _upsert(
    conn: Connection,
    table: Table,
    key_columns: tuple[str, ...],
    pk: str,
    rows: list[dict[str, Any]],
    existing_rows: Iterable[RowMapping],
) -> SaveResult:
    """Insert the new rows and update the changed ones, each as one executemany.

    Existing rows are matched in a dict by their logical key, which also makes
    a NULL year match a NULL year (SQL's ``=`` would not).
    """
    if not rows:
        return SaveResult()
    existing = {tuple(row[c] for c in key_columns): row for row in existing_rows}
    compared = [c for c in rows[0] if c not in key_columns]
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    unchanged = 0
    for row in rows:
        old = existing.get(tuple(row[c] for c in key_columns))
        if old is None:
            inserts.append(row)
        elif all(old[c] == row[c] for c in compared):
            unchanged += 1
        else:
            updates.append({"_pk": old[pk], **{c: row[c] for c in compared}})
    if inserts:
        conn.execute(insert(table), inserts)
    if updates:
        conn.execute(update(table).where(table.c[pk] == bindparam("_pk")), updates)
    return SaveResult(added=len(inserts), changed=len(updates), unchanged=unchanged)


def _duplicates(
    records: Sequence[_Record],
    key: Callable[[_Record], Hashable],
    what: str,
    field: str | None,
) -> list[Problem]:
    """Two records for one key in a batch would make the result depend on their order."""
    first_seen: dict[Hashable, int] = {}
    problems = []
    for index, record in enumerate(records, start=1):
        k = key(record)
        if k in first_seen:
            message = f"dubblett: samma som post {first_seen[k]}"
            problems.append(Problem(what, message, index, field, row_label="post"))
        else:
            first_seen[k] = index
    return problems


def _unknown(
    records: Sequence[_Record],
    key: Callable[[_Record], str],
    known: Collection[str],
    what: str,
    field: str,
    noun: str,
) -> list[Problem]:
    """References the database cannot resolve, reported before anything is written."""
    return [
        Problem(what, f"okänd {noun} ”{key(record)}”", index, field, row_label="post")
        for index, record in enumerate(records, start=1)
        if key(record) not in known
    ]


def _raise_if_any(problems: list[Problem]) -> None:
    if problems:
        problems.sort(key=lambda p: p.row or 0)
        raise InputError(problems)


# ------------------------------------------------------------------ read helpers


def _count(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _all_rows(conn: Connection, table: Table) -> list[RowMapping]:
    return list(conn.execute(select(table)).mappings())


def _ids(conn: Connection, table: Table) -> set[str]:
    return set(conn.execute(select(table.c.id)).scalars())


def _place_ids(conn: Connection) -> set[str]:
    return _ids(conn, schema.localities) | set(REFERENCE_PLACE_IDS)


def _chunks(items: Sequence[_Key]) -> Iterable[Sequence[_Key]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _observation_key(record: Observation) -> tuple[str, str, int | None, str]:
    return (record.indicator_id, record.place_id, record.year, record.basis)


def _observation_order(record: Observation) -> tuple[Any, ...]:
    undated_first = (record.year is not None, record.year or 0)
    return (record.place_id, undated_first, record.basis, record.indicator_id)


# ---------------------------------------------------------------- row <-> record


def _indicator_row(record: Indicator) -> dict[str, Any]:
    row = asdict(record)
    row["direction"] = record.direction.value
    row["level"] = record.level.value
    return row


def _to_locality(row: RowMapping) -> Locality:
    return Locality(
        id=row["id"],
        name=row["name"],
        lat=row["lat"],
        lon=row["lon"],
        position_basis=row["position_basis"],
        approximate=bool(row["approximate"]),
        scb_tatort_code=row["scb_tatort_code"],
        area_geojson=row["area_geojson"],
    )


def _to_indicator(row: RowMapping) -> Indicator:
    return Indicator(
        id=row["id"],
        name_sv=row["name_sv"],
        name_en=row["name_en"],
        unit=row["unit"],
        area_id=row["area_id"],
        direction=Direction(row["direction"]),
        level=Level(row["level"]),
        source=row["source"],
        definition_sv=row["definition_sv"],
        kolada_kpi=row["kolada_kpi"],
    )


def _to_observation(row: RowMapping) -> Observation:
    return Observation(
        indicator_id=row["indicator_id"],
        place_id=row["place_id"],
        year=row["year"],
        value=row["value"],
        source=row["source"],
        basis=row["basis"],
        source_date=row["source_date"],
    )


def _to_group(row: RowMapping) -> Group:
    return Group(locality_id=row["locality_id"], name=row["name"], note=row["note"])
