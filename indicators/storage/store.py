"""Where the dashboard's data lives between runs: one database behind one ``Store``.

SQLAlchemy Core (not the ORM): the domain records are frozen dataclasses and
the Store maps them to rows and back, so no mutable ORM objects leak into the
app. Every write method is one transaction, so an import either lands whole or
leaves the database exactly as it was. Only portable SQL is used; the SQLite
PRAGMAs are applied only when the URL is SQLite, so a PostgreSQL URL works too.

The schema is built and upgraded by the Alembic migrations in
``indicators.storage.migrations``; ``Store.open`` runs them, so an upgrade of the app
keeps every observation already stored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC
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
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url

from indicators.core import errors
from indicators.core.catalogue import Catalogue
from indicators.core.collation import swedish_key
from indicators.core.errors import InputError, Problem
from indicators.core.model import (
    REFERENCE_PLACE_IDS,
    Direction,
    Group,
    Indicator,
    Level,
    Locality,
    Observation,
)
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.i18n.messages import t
from indicators.i18n.texts import Text
from indicators.observations.import_log import ImportLogEntry, ImportOrigin, utc_now
from indicators.storage import migrations, schema
from indicators.storage.bundled import (
    bundled_example_observations,
    bundled_groups,
    bundled_indicators,
    bundled_kolada,
    bundled_localities,
    bundled_observations,
)
from indicators.storage.read_memo import forget, remembered

APP_NAME = "allas-vimmerby"
DATABASE_URL_ENV = "DATABASE_URL"
DATABASE_FILE = "dashboard.sqlite"

# Stay far below every backend's limit on bound parameters per statement.
_IN_CHUNK = 500
# Rows per executemany: large enough to be fast, small enough to bound memory.
_WRITE_CHUNK = 50_000
# How long a SQLite writer waits for another one to finish before giving up, in
# seconds: long enough for a large import to commit while the app keeps serving.
_SQLITE_BUSY_TIMEOUT = 60
# The execution option that marks a connection as a writer (see ``write_transaction``).
_WRITER = "allas_writer"

_AREA_ORDER = {area.id: index for index, area in enumerate(DEVELOPMENT_AREAS)}

_Item = TypeVar("_Item")
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

        The schema is migrated to the newest revision first, in one transaction
        (a database from before the migrations is recognised and adopted).
        Seeding happens only when there are no localities, so a restart never
        overwrites what staff have edited or imported.
        """
        engine = _create_engine(url)
        try:
            with write_transaction(engine) as conn:
                try:
                    migrations.upgrade(conn)
                except migrations.UnknownRevisionError as error:
                    raise SchemaVersionError(str(error)) from error
                _check_schema_version(conn)
                _ensure_data_version(conn)
            if seed:
                with write_transaction(engine) as conn:
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
        year: int | None = None,
    ) -> list[Observation]:
        """Observations, optionally of one indicator, some places and/or one year.

        Sorted by place, year (undated first), basis and indicator, so the same
        data always comes back in the same order on every backend. The year
        filter lets the dashboard score one year without reading the history.
        """
        if isinstance(place_ids, str):
            raise TypeError("place_ids must be a collection of ids, not one id string")
        table = schema.observations
        query = select(table)
        if indicator_id is not None:
            query = query.where(table.c.indicator_id == indicator_id)
        if year is not None:
            query = query.where(table.c.year == year)
        with self._engine.connect() as conn:
            if place_ids is None:
                rows = list(conn.execute(query).mappings())
            else:
                rows = []
                for chunk in _chunks(sorted(set(place_ids))):
                    rows.extend(conn.execute(query.where(table.c.place_id.in_(chunk))).mappings())
        return sorted((_to_observation(row) for row in rows), key=_observation_order)

    def basis_coverage(self, *, examples: bool = True) -> dict[str, dict[str, int]]:
        """Per indicator, per basis: how many localities have a figure (a value) on it.

        What ``indicators.metrics.latest.map_values`` counts to choose the comparable basis, answered
        by the database for every indicator at once, so one locality's panel can headline its figures
        as the map does without reading every locality's history (a minute at 2,000 localities).
        """
        table = schema.observations
        query = (
            select(table.c.indicator_id, table.c.basis, func.count(func.distinct(table.c.place_id)))
            .where(table.c.value.is_not(None), table.c.place_id.in_(select(schema.localities.c.id)))
            .group_by(table.c.indicator_id, table.c.basis)
        )
        if not examples:
            query = query.where(table.c.example.is_(False))
        coverage: dict[str, dict[str, int]] = {}
        with self._engine.connect() as conn:
            for indicator_id, basis, count in conn.execute(query):
                coverage.setdefault(indicator_id, {})[basis] = count
        return coverage

    def observation_years(self, indicator_ids: Iterable[str], *, examples: bool = True) -> list[int]:
        """Distinct years that hold a value of any of these indicators, newest first.

        Answered by the database, so the dashboard can offer years without
        reading millions of observations. ``examples=False`` counts real figures only.
        """
        table = schema.observations
        wanted = sorted(set(indicator_ids))
        years: set[int] = set()
        with self._engine.connect() as conn:
            for chunk in _chunks(wanted):
                query = (
                    select(table.c.year)
                    .where(table.c.indicator_id.in_(chunk), table.c.year.is_not(None), table.c.value.is_not(None))
                    .distinct()
                )
                if not examples:
                    query = query.where(table.c.example.is_(False))
                years.update(conn.execute(query).scalars())
        return sorted(years, reverse=True)

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

    def catalogue(self, current_year: int | None = None) -> Catalogue:
        """What an import may refer to: the indicators and the places, read together."""
        with self._engine.connect() as conn:
            indicators = [_to_indicator(row) for row in conn.execute(select(schema.indicators)).mappings()]
            locality_ids = _ids(conn, schema.localities)
        return Catalogue.of(indicators, locality_ids, current_year)

    def data_version(self) -> int:
        """A number that changes whenever data is written; caches of derived figures key on it
        (read once per request: ``read_memo``)."""
        return remembered(("data_version", id(self._engine)), self._read_data_version)

    def _read_data_version(self) -> int:
        with self._engine.connect() as conn:
            return conn.execute(select(func.max(schema.data_version.c.version))).scalar() or 0

    def import_log(self, limit: int = 50) -> list[ImportLogEntry]:
        """The latest imports, newest first."""
        table = schema.import_log
        query = select(table).order_by(table.c.id.desc()).limit(limit)
        with self._engine.connect() as conn:
            return [_to_log_entry(row) for row in conn.execute(query).mappings()]

    # ------------------------------------------------------------------- writes

    def save_localities(self, records: Sequence[Locality]) -> SaveResult:
        """Insert new localities and update existing ones by id, all or nothing."""
        with write_transaction(self._engine) as conn:
            return _save_localities(conn, records)

    def save_indicators(self, records: Sequence[Indicator]) -> SaveResult:
        """Insert new indicators and update existing ones by id, all or nothing."""
        with write_transaction(self._engine) as conn:
            return _save_indicators(conn, records)

    def save_groups(self, records: Sequence[Group]) -> SaveResult:
        """Insert or update groups by locality, all or nothing."""
        with write_transaction(self._engine) as conn:
            return _save_groups(conn, records)

    def save_observations(self, records: Sequence[Observation]) -> SaveResult:
        """Upsert on (indicator, place, year, basis); saving the same data twice changes nothing."""
        with write_transaction(self._engine) as conn:
            return _save_observations(conn, records)

    def import_observations(
        self, records: Sequence[Observation], origin: ImportOrigin
    ) -> SaveResult:
        """Save an imported file's observations and its log line in one transaction."""
        with write_transaction(self._engine) as conn:
            result = _save_observations(conn, records)
            write_import_log(conn, origin, "observations", len(records), result)
            return result

    def import_indicators(self, records: Sequence[Indicator], origin: ImportOrigin) -> SaveResult:
        """Save an imported catalogue and its log line in one transaction."""
        with write_transaction(self._engine) as conn:
            result = _save_indicators(conn, records)
            write_import_log(conn, origin, "catalogue", len(records), result)
            return result

    def clear_examples(self) -> int:
        """Delete every bundled example value still in the database; returns how many.

        Staff do this once their own figures are in, so no example value can be
        mistaken for a real one.
        """
        table = schema.observations
        with write_transaction(self._engine) as conn:
            deleted = conn.execute(delete(table).where(table.c.example.is_(True))).rowcount
            if deleted:
                _bump_data_version(conn)
            return deleted


# ------------------------------------------------------------------ engine setup


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: committed on success, rolled back on any error.

    On SQLite it starts with ``BEGIN IMMEDIATE``, taking the write lock before
    the first read. A transaction that read first and wrote later could
    otherwise fail at once with "database is locked" when another thread (a
    second Flask request) committed in between, instead of waiting its turn.
    On PostgreSQL it is an ordinary transaction.

    Version numbers and settings a request remembered (``read_memo``) are forgotten when it ends,
    committed or not, so the request reads back what it wrote.
    """
    try:
        with engine.execution_options(**{_WRITER: True}).begin() as conn:
            yield conn
    finally:
        forget()


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        # SQLAlchemy's default PostgreSQL driver is psycopg2; the project ships psycopg 3.
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    database = parsed.database or ""
    is_file = database not in ("", ":memory:") and parsed.query.get("mode") != "memory"
    if is_file and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": _SQLITE_BUSY_TIMEOUT})
    event.listen(engine, "connect", partial(_apply_sqlite_pragmas, wal=is_file))
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any, *, wal: bool) -> None:
    """SQLite ignores foreign keys unless told, per connection; WAL lets readers
    (the dashboard) keep reading while an import writes.

    The driver's own transaction handling is switched off (it would begin a
    transaction only at the first write, so the reads before it saw no
    snapshot); ``_begin_sqlite_transaction`` begins every transaction instead.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(conn: Connection) -> None:
    """Readers get a snapshot (``BEGIN``), writers the write lock up front (``BEGIN IMMEDIATE``)."""
    immediate = conn.get_execution_options().get(_WRITER, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_schema_version(conn: Connection) -> None:
    table = schema.schema_version
    version = conn.execute(select(func.max(table.c.version))).scalar()
    if version is None:
        conn.execute(insert(table).values(version=schema.SCHEMA_VERSION))
    elif version > schema.SCHEMA_VERSION:
        raise SchemaVersionError(t("schema_too_new", version=version, known=schema.SCHEMA_VERSION))


def _ensure_data_version(conn: Connection) -> None:
    table = schema.data_version
    if conn.execute(select(func.count()).select_from(table)).scalar_one() == 0:
        conn.execute(insert(table).values(version=0))


def _bump_data_version(conn: Connection) -> None:
    """In the writer's transaction, so a reader sees the new version only with the new data."""
    table = schema.data_version
    conn.execute(update(table).values(version=table.c.version + 1))


def _seed(conn: Connection) -> None:
    """The bundled data, in the caller's transaction so a fresh start is all or nothing.

    Example values (for what no public source gives per locality) are seeded
    with ``example`` set; a staff import for the same key replaces them. The
    bundled Kolada file (real municipality and Sweden figures) is imported last,
    with its line in the import log.
    """
    localities = bundled_localities()
    indicators = bundled_indicators()
    _save_localities(conn, localities)
    _save_indicators(conn, indicators)
    _save_groups(conn, bundled_groups())
    catalogue = Catalogue.of(indicators, [loc.id for loc in localities])
    observations = bundled_observations(catalogue) + bundled_example_observations(catalogue)
    _save_observations(conn, observations)
    # The real municipality and Sweden figures, through the Kolada importer, logged as a bundled file.
    kolada = bundled_kolada(catalogue, utc_now())
    write_import_log(conn, kolada.origin, "observations", len(kolada.observations),
                     _save_observations(conn, kolada.observations))


def write_import_log(
    conn: Connection, origin: ImportOrigin, kind: str, rows: int, result: SaveResult
) -> None:
    """One line of the import log, in the caller's transaction: it lands exactly when the data does."""
    conn.execute(
        insert(schema.import_log).values(
            imported_at=origin.at.astimezone(UTC).replace(tzinfo=None),
            user_name=origin.user,
            file_name=origin.file,
            format=origin.format,
            kind=kind,
            rows=rows,
            added=result.added,
            changed=result.changed,
            unchanged=result.unchanged,
            sha256=origin.sha256,
        )
    )


# ------------------------------------------------------------------ write helpers


def _save_localities(conn: Connection, records: Sequence[Locality]) -> SaveResult:
    _raise_if_any(_duplicates(records, lambda r: r.id, t("records_localities"), "id"))
    rows = [asdict(record) for record in records]
    result = _upsert(conn, schema.localities, ("id",), "id", rows, _all_rows(conn, schema.localities))
    return _bumped(conn, result)


def _save_indicators(conn: Connection, records: Sequence[Indicator]) -> SaveResult:
    what = t("records_indicators")
    _raise_if_any(
        _duplicates(records, lambda r: r.id, what, "id")
        + _unknown(records, lambda r: r.area_id, AREAS_BY_ID, what, "area_id", _unknown_area)
    )
    rows = [_indicator_row(record) for record in records]
    result = _upsert(conn, schema.indicators, ("id",), "id", rows, _all_rows(conn, schema.indicators))
    return _bumped(conn, result)


def _save_groups(conn: Connection, records: Sequence[Group]) -> SaveResult:
    known = _ids(conn, schema.localities)
    what = t("records_groups")
    _raise_if_any(
        _duplicates(records, lambda r: r.locality_id, what, "locality_id")
        + _unknown(records, lambda r: r.locality_id, known, what, "locality_id", _unknown_locality)
    )
    rows = [asdict(record) for record in records]
    table = schema.groups
    result = _upsert(conn, table, ("locality_id",), "locality_id", rows, _all_rows(conn, table))
    return _bumped(conn, result)


def _save_observations(conn: Connection, records: Sequence[Observation]) -> SaveResult:
    what = t("records_observations")
    indicator_ids = _ids(conn, schema.indicators)
    place_ids = _place_ids(conn)
    _raise_if_any(
        _duplicates(records, _observation_key, what, None)
        + _unknown(
            records, lambda r: r.indicator_id, indicator_ids, what, "indicator_id", _unknown_indicator
        )
        + _unknown(records, lambda r: r.place_id, place_ids, what, "place_id", _unknown_locality)
    )
    return _bumped(conn, _upsert_observations(conn, records))


def _upsert_observations(conn: Connection, records: Sequence[Observation]) -> SaveResult:
    """Like ``_upsert``, with narrow tuples instead of dicts: imports run to a million rows.

    The stored rows of the batch's indicators are read once and matched in a
    dict by the logical key (so a NULL year matches a NULL year); new and
    changed rows are buffered and written with one executemany per chunk, so
    at most a chunk of parameter dicts exists at a time.
    """
    table = schema.observations
    c = table.c
    existing: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for chunk in _chunks(sorted({r.indicator_id for r in records})):
        query = select(
            c.indicator_id, c.place_id, c.year, c.basis,
            c.id, c.value, c.source, c.source_date, c.example,
        ).where(c.indicator_id.in_(chunk))  # fmt: skip
        for row in conn.execute(query):
            existing[row[:4]] = row[4:]
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    added = changed = unchanged = 0
    insert_all = insert(table)
    update_one = update(table).where(c.id == bindparam("_pk"))
    for r in records:
        old = existing.get((r.indicator_id, r.place_id, r.year, r.basis))
        if old is None:
            inserts.append(
                {
                    "indicator_id": r.indicator_id, "place_id": r.place_id, "year": r.year,
                    "basis": r.basis, "value": r.value, "source": r.source,
                    "source_date": r.source_date, "example": r.example,
                }
            )  # fmt: skip
            if len(inserts) == _WRITE_CHUNK:
                added += _flush(conn, insert_all, inserts)
        elif old[1:] == (r.value, r.source, r.source_date, r.example):
            unchanged += 1
        else:
            updates.append(
                {
                    "_pk": old[0], "value": r.value, "source": r.source,
                    "source_date": r.source_date, "example": r.example,
                }
            )  # fmt: skip
            if len(updates) == _WRITE_CHUNK:
                changed += _flush(conn, update_one, updates)
    added += _flush(conn, insert_all, inserts)
    changed += _flush(conn, update_one, updates)
    return SaveResult(added=added, changed=changed, unchanged=unchanged)


def _flush(conn: Connection, statement: Any, rows: list[dict[str, Any]]) -> int:
    """Execute ``statement`` for the buffered rows as one executemany and empty the buffer."""
    count = len(rows)
    if rows:
        conn.execute(statement, rows)
        rows.clear()
    return count


def _bumped(conn: Connection, result: SaveResult) -> SaveResult:
    if result.added or result.changed:
        _bump_data_version(conn)
    return result


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
    what: Text,
    field: str | None,
) -> list[Problem]:
    """Two records for one key in a batch would make the result depend on their order."""
    first_seen: dict[Hashable, int] = {}
    problems = []
    for index, record in enumerate(records, start=1):
        k = key(record)
        if k in first_seen:
            message = t("duplicate_record", row=first_seen[k])
            problems.append(Problem(what, message, index, field, row_label=errors.RECORD))
        else:
            first_seen[k] = index
    return problems


def _unknown(
    records: Sequence[_Record],
    key: Callable[[_Record], str],
    known: Collection[str],
    what: Text,
    field: str,
    message: Callable[[str], Text],
) -> list[Problem]:
    """References the database cannot resolve, reported before anything is written."""
    return [
        Problem(what, message(key(record)), index, field, row_label=errors.RECORD)
        for index, record in enumerate(records, start=1)
        if key(record) not in known
    ]


def _unknown_area(value: str) -> Text:
    return t("unknown_area", value=value)


def _unknown_locality(value: str) -> Text:
    return t("unknown_locality", value=value, hint="")


def _unknown_indicator(value: str) -> Text:
    return t("unknown_indicator", value=value, hint="")


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


def _chunks(items: Sequence[_Item], size: int = _IN_CHUNK) -> Iterable[Sequence[_Item]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


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
        per_1000=bool(row["per_1000"]),
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
        example=bool(row["example"]),
    )


def _to_group(row: RowMapping) -> Group:
    return Group(locality_id=row["locality_id"], name=row["name"], note=row["note"])


def _to_log_entry(row: RowMapping) -> ImportLogEntry:
    return ImportLogEntry(
        id=row["id"],
        at=row["imported_at"].replace(tzinfo=UTC),
        user=row["user_name"],
        file=row["file_name"],
        format=row["format"],
        kind=row["kind"],
        rows=row["rows"],
        added=row["added"],
        changed=row["changed"],
        unchanged=row["unchanged"],
        sha256=row["sha256"],
    )
