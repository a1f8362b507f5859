"""Group work in the database: activities, initiatives, compositions, strategic meetings,
users and the audit log, on the same engine as the ``Store``.

Three guarantees, each enforced here and not left to callers:

* **No lost update.** Every editable record carries ``version``. A save names
  the version it was based on; the UPDATE only matches that version and
  raises it by one, so a second browser tab saving an old version is refused
  with ``StaleWriteError`` and nothing changes. Deletes are checked the same way.
* **The audit line lands with the change.** Every write appends an
  ``AuditEntry`` in the same transaction: a write that fails leaves no line,
  and no change happens without one.
* **Safe from many threads.** Each call takes its own pooled connection and
  transaction; on SQLite writers take the write lock first (``BEGIN
  IMMEDIATE``) and wait their turn, readers keep reading (WAL).

Permission and validation are the service's job (``groupwork_service``); the
store refuses only what it could not store faithfully (an unknown locality,
area, kind, status or role, a taken user name) with an ``InputError``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from indicators.accounts.sessions import EndReason, end_user_sessions
from indicators.audit import log as audit
from indicators.audit.log import AuditEntry, to_audit_entry
from indicators.core.collation import swedish_key
from indicators.core.errors import FORM, InputError, Problem
from indicators.groupwork.bulk import import_records
from indicators.groupwork.records import (
    AGE_BANDS,
    REPRESENTATIONS,
    Activity,
    ActivityDay,
    ActivityKind,
    ActivityPoint,
    Composition,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
    User,
)
from indicators.groupwork.rows import (
    enum_value,
    naive_utc,
    to_user,
    user_values,
    username_key,
)
from indicators.groupwork.sql import (
    ACTIVITIES,
    INITIATIVES,
    MEETINGS,
    Entity,
    delete_areas,
    locality_ids,
    reader,
    record_problems,
    select_one,
    select_records,
    write_areas,
)
from indicators.i18n.messages import t
from indicators.i18n.texts import Text
from indicators.observations.import_log import ImportOrigin, utc_now
from indicators.storage import schema
from indicators.storage.read_memo import remembered
from indicators.storage.store import (
    SaveResult,
    Store,
    write_import_log,
    write_transaction,
)

__all__ = ["GroupworkStore", "NotFoundError", "StaleWriteError"]

_FORM = FORM

_R = TypeVar("_R", Activity, Initiative, StrategicMeeting)


@dataclass
class BatchInputError(InputError):
    """The store refused one batch of a several-batch import; ``batch`` names it. Nothing was saved."""

    batch: str = ""


class StaleWriteError(Exception):
    """A save or delete based on a version that is no longer the stored one; nothing was written.

    ``message`` (also ``args[0]``) is a ``Text``: Swedish as a
    string, any language on ``render``; an empty message means the general one.
    """

    def __init__(
        self,
        message: str = "",
        *,
        current_version: int | None = None,
        based_on: int | None = None,
    ) -> None:
        self.message = message or t("stale_default")
        super().__init__(self.message)
        self.current_version = current_version
        self.based_on = based_on

    @classmethod
    def of(cls, current_version: int, based_on: int, *, deleting: bool = False) -> StaleWriteError:
        message = (
            t("stale_versions_delete", current=current_version, based_on=based_on)
            if deleting
            else t("stale_versions", current=current_version, based_on=based_on)
        )
        return cls(
            message,
            current_version=current_version,
            based_on=based_on,
        )


class NotFoundError(Exception):
    """The record does not exist (any more): someone may have deleted it meanwhile.

    ``message`` (also ``args[0]``) is a ``Text``; an empty
    message means the general one.
    """

    def __init__(self, message: str = "", *, entity: str | None = None, record_id: object = None) -> None:
        self.message = message or t("not_found_default")
        super().__init__(self.message)
        self.entity = entity
        self.record_id = record_id

    @classmethod
    def of(cls, subject: str, record_id: object, entity: str | None = None) -> NotFoundError:
        """``subject`` names the record at the start of a sentence (a ``subject_*``)."""
        if not isinstance(subject, Text):
            subject = subject[:1].upper() + subject[1:]
        return cls(
            t("not_found_id", subject=subject, id=record_id),
            entity=entity,
            record_id=record_id,
        )


class GroupworkStore:
    """Reads and versioned writes of the group-work records; every write audited."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now) -> None:
        """Share ``store``'s engine; ``clock`` (UTC) is a parameter so tests can fix the time."""
        self._engine = store.engine
        self._reader = reader(store.engine)
        self._clock = clock

    # ------------------------------------------------------------- activities

    def activities(
        self,
        *,
        locality_ids: Iterable[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Activity]:
        """Activities, newest first; ``since`` and ``until`` are inclusive dates.

        ``limit`` and ``offset`` read one page (``activity_counts`` tells how many there are).
        """
        conditions = _activity_filters(locality_ids, since, until)
        with self._reader.connect() as conn:
            return select_records(conn, ACTIVITIES, conditions, limit=limit, offset=offset)

    def activity_points(self, locality_ids: Iterable[str] | None = None, since: date | None = None,
                        until: date | None = None) -> list[ActivityPoint]:
        """What a timeline draws of each activity (date, kind, title, participants), oldest first.

        Four columns and no areas: a year of a busy group's work is thousands of
        activities, and a chart of them need not read whole records.
        """
        columns = schema.activities.c
        query = (select(columns.date, columns.kind, columns.title, columns.participants)
                 .where(*_activity_filters(locality_ids, since, until)).order_by(columns.date, columns.id))
        with self._reader.connect() as conn:
            return [ActivityPoint(day, ActivityKind(kind), title, participants)
                    for day, kind, title, participants in conn.execute(query)]

    def activity_days(self, locality_ids: Iterable[str] | None = None, since: date | None = None,
                      until: date | None = None) -> list[ActivityDay]:
        """Activities and participants per day and kind, counted in SQL, oldest first.

        What a timeline of a busy period draws: a few hundred rows however many
        activities there were.
        """
        columns = schema.activities.c
        query = (select(columns.date, columns.kind, func.count(), func.sum(columns.participants))
                 .where(*_activity_filters(locality_ids, since, until))
                 .group_by(columns.date, columns.kind).order_by(columns.date, columns.kind))
        with self._reader.connect() as conn:
            return [ActivityDay(day, ActivityKind(kind), count, None if total is None else int(total))
                    for day, kind, count, total in conn.execute(query)]

    def activity(self, activity_id: int) -> Activity | None:
        return self._read_one(ACTIVITIES, activity_id)

    def save_activity(self, record: Activity, *, username: str) -> Activity:
        """Insert (``id`` None, version 1) or update if ``record.version`` is the stored one."""
        return self._save(ACTIVITIES, record, username)

    def delete_activity(self, activity_id: int, version: int, *, username: str) -> None:
        self._delete(ACTIVITIES, activity_id, version, username)

    # ------------------------------------------------------------ initiatives

    def initiatives(
        self,
        *,
        locality_ids: Iterable[str] | None = None,
        statuses: Iterable[InitiativeStatus | str] | None = None,
        areas: Iterable[str] | None = None,
        year: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Initiative]:
        """Initiatives, most recently recorded first.

        ``areas`` keeps those with any of the areas. ``year`` keeps those
        active at some time that year: started by its end (or no start date)
        and not ended before it began (or no end date), so an idea without
        dates shows in every year. ``limit`` and ``offset`` read one page
        (``initiative_status_counts`` tells how many there are).
        """
        conditions = _initiative_filters(locality_ids, statuses, areas, year)
        with self._reader.connect() as conn:
            return select_records(conn, INITIATIVES, conditions, limit=limit, offset=offset)

    def initiative(self, initiative_id: int) -> Initiative | None:
        return self._read_one(INITIATIVES, initiative_id)

    def save_initiative(self, record: Initiative, *, username: str) -> Initiative:
        return self._save(INITIATIVES, record, username)

    def delete_initiative(self, initiative_id: int, version: int, *, username: str) -> None:
        self._delete(INITIATIVES, initiative_id, version, username)

    # --------------------------------------------------------- strategic meetings

    def meetings(self) -> list[StrategicMeeting]:
        """Strategic meetings, newest first."""
        return self._read(MEETINGS, [])

    def save_meeting(self, record: StrategicMeeting, *, username: str) -> StrategicMeeting:
        return self._save(MEETINGS, record, username)

    def delete_meeting(self, meeting_id: int, version: int, *, username: str) -> None:
        self._delete(MEETINGS, meeting_id, version, username)

    # ------------------------------------------------------------ composition

    def composition(self, locality_id: str) -> Composition:
        """A group's member counts; empty with version 0 when none has been recorded."""
        with self._reader.connect() as conn:
            return _read_composition(conn, locality_id)

    def save_composition(self, record: Composition, *, username: str) -> Composition:
        """Replace a group's counts, if ``record.version`` is the stored one (0 for the first save)."""
        problems = _composition_problems(record)
        with self._write() as conn:
            if record.locality_id not in locality_ids(conn):
                unknown = t("form_unknown_locality", locality=record.locality_id)
                problems.append(Problem(_FORM, unknown, field="locality_id"))
            _raise_if_any(problems)
            old = _read_composition(conn, record.locality_id, lock=True)
            if old.version != record.version:
                raise StaleWriteError.of(old.version, record.version)
            now = self._now()
            table = schema.compositions
            if old.version == 0:
                try:
                    with conn.begin_nested():
                        conn.execute(
                            insert(table).values(
                                locality_id=record.locality_id, version=1, created_at=now, updated_at=now
                            )
                        )
                except IntegrityError:
                    # Another first save committed meanwhile (PostgreSQL: no row to lock).
                    current = _read_composition(conn, record.locality_id).version
                    raise StaleWriteError.of(current, record.version) from None
            else:
                conn.execute(
                    update(table)
                    .where(table.c.locality_id == record.locality_id, table.c.version == old.version)
                    .values(version=table.c.version + 1, updated_at=now)
                )
            counts = schema.composition_counts
            conn.execute(delete(counts).where(counts.c.locality_id == record.locality_id))
            rows = [
                {"locality_id": record.locality_id, "representation": rep, "age_band": band, "count": n}
                for (rep, band), n in record.counts.items()
            ]
            if rows:
                conn.execute(insert(counts), rows)
            saved = _read_composition(conn, record.locality_id)
            if old.version == 0:
                action, summary = audit.CREATE, audit.created(audit.COMPOSITION, saved)
            else:
                action, summary = audit.UPDATE, audit.changed(audit.COMPOSITION, old, saved)
            locality = saved.locality_id
            self._audit(conn, username, action, audit.COMPOSITION, locality, locality, summary)
            return saved

    # ------------------------------------------------------------------ users

    def users(self) -> list[User]:
        """Every account, by user name in Swedish order."""
        with self._reader.connect() as conn:
            rows = conn.execute(select(schema.users)).mappings().all()
        return sorted((to_user(row) for row in rows), key=lambda u: swedish_key(u.username))

    def user(self, user_id: int) -> User | None:
        with self._reader.connect() as conn:
            return _read_user(conn, schema.users.c.id == user_id)

    def user_by_name(self, username: str) -> User | None:
        """The account with this name, whatever its case (``Anna`` finds ``anna``)."""
        with self._reader.connect() as conn:
            return _read_user(conn, schema.users.c.username_key == username_key(username))

    def save_user(self, user: User, *, username: str, keep_session: str | None = None) -> User:
        """Create (``id`` None) or update an account; a name taken in any case is an ``InputError``.

        The audit line says which fields changed; a new password shows as
        "lösenord", never as the hash. A new password or a deactivation ends
        every session of the account in the same transaction (a stolen or
        forgotten session dies with the old password), except the session whose
        token is ``keep_session`` (someone changing their own password).
        """
        problems: list[Problem] = []
        try:
            Role(enum_value(user.role))
        except ValueError:
            problems.append(Problem(_FORM, t("unknown_role", role=user.role), field="role"))
        table = schema.users
        with self._write() as conn:
            if user.locality_id is not None and user.locality_id not in locality_ids(conn):
                unknown = t("form_unknown_locality", locality=user.locality_id)
                problems.append(Problem(_FORM, unknown, field="locality_id"))
            _raise_if_any(problems)
            taken = conn.execute(
                select(table.c.id).where(table.c.username_key == username_key(user.username))
            ).scalar()
            if taken is not None and taken != user.id:
                raise _name_taken(user.username)
            now = self._now()
            values = user_values(user)
            if user.id is None:
                try:
                    with conn.begin_nested():
                        result = conn.execute(
                            insert(table).values(**values, version=1, created_at=now, updated_at=now)
                        )
                except IntegrityError:
                    raise _name_taken(user.username) from None
                saved = _read_user(conn, table.c.id == result.inserted_primary_key[0])
                assert saved is not None
                action, summary = audit.CREATE, audit.created(audit.USER, saved)
            else:
                old = _read_user(conn, table.c.id == user.id, lock=True)
                if old is None:
                    raise NotFoundError.of(t("subject_user"), user.id, audit.USER)
                conn.execute(
                    update(table)
                    .where(table.c.id == user.id)
                    .values(**values, version=table.c.version + 1, updated_at=now)
                )
                saved = _read_user(conn, table.c.id == user.id)
                assert saved is not None
                action, summary = audit.UPDATE, audit.changed(audit.USER, old, saved)
                if old.active and not saved.active:
                    end_user_sessions(conn, saved.id, now, EndReason.DEACTIVATED)
                elif old.password_hash != saved.password_hash:
                    end_user_sessions(conn, saved.id, now, EndReason.PASSWORD, keep=keep_session)
            self._audit(conn, username, action, audit.USER, str(saved.id), saved.locality_id, summary)
            return saved

    def replace_password_hash(self, user_id: int, old_hash: str, new_hash: str) -> bool:
        """Rewrite an account's hash of the SAME password in another format; False if it changed meanwhile.

        Only for upgrading how a password is stored (``service.upgrade_password_hash``):
        the password is unchanged, so unlike ``save_user`` this ends no
        session, leaves the version and the audit log alone (nothing a person
        would call a change happened), and writes only while the stored hash
        is still ``old_hash`` — a new password set meanwhile is never overwritten.
        """
        table = schema.users
        with self._write() as conn:
            result = conn.execute(
                update(table)
                .where(table.c.id == user_id, table.c.password_hash == old_hash)
                .values(password_hash=new_hash)
            )
            return result.rowcount == 1

    # ------------------------------------------------------------------ audit

    def audit(self, limit: int = 200, locality_id: str | None = None) -> list[AuditEntry]:
        """The latest audit lines, newest first; optionally only one locality's."""
        table = schema.audit_log
        query = select(table).order_by(table.c.id.desc()).limit(limit)
        if locality_id is not None:
            query = query.where(table.c.locality_id == locality_id)
        with self._reader.connect() as conn:
            return [to_audit_entry(row) for row in conn.execute(query).mappings()]

    def log_event(
        self,
        *,
        username: str,
        action: str,
        entity: str,
        entity_id: str = "",
        locality_id: str | None = None,
        summary: str = "",
    ) -> None:
        """An audit line for something that is not a stored change (a sign-in, a refused attempt)."""
        with self._write() as conn:
            self._audit(conn, username, action, entity, entity_id, locality_id, summary)

    def last_change(self) -> int:
        """Rises with every audited write: a cache of group-work figures can key on it.

        (``Store.data_version`` stays about indicator data, so a new activity
        does not make the dashboard recompute every score.) Read once per request: ``read_memo``.
        """
        return remembered(("last_change", id(self._reader)), self._read_last_change)

    def _read_last_change(self) -> int:
        with self._reader.connect() as conn:
            return conn.execute(select(func.max(schema.audit_log.c.id))).scalar() or 0

    # ------------------------------------------------------------------- bulk

    def import_activities(
        self, records: Sequence[Activity], *, username: str, origin: ImportOrigin
    ) -> SaveResult:
        """Save a file's activities, its import-log line and one audit line, all or nothing."""
        return self._import(ACTIVITIES, records, username, origin, "activities")

    def import_initiatives(
        self, records: Sequence[Initiative], *, username: str, origin: ImportOrigin
    ) -> SaveResult:
        """Save a file's initiatives, its import-log line and one audit line, all or nothing."""
        return self._import(INITIATIVES, records, username, origin, "initiatives")

    def import_batches(
        self,
        batches: Sequence[tuple[str, Sequence[Activity] | Sequence[Initiative]]],
        *,
        username: str,
        origin: ImportOrigin,
    ) -> dict[str, SaveResult]:
        """Save several kinds from one file (a workbook's two sheets) in a single transaction.

        ``batches`` are ``("activities" | "initiatives", records)``. Either every
        batch lands, with its import-log and audit lines, or none does; a batch
        the store refuses raises ``BatchInputError`` naming it, so the caller can
        point at the file's rows.
        """
        entities = {"activities": ACTIVITIES, "initiatives": INITIATIVES}
        results: dict[str, SaveResult] = {}
        with self._write() as conn:
            for kind, records in batches:
                try:
                    results[kind] = self._import_in(conn, entities[kind], records, username, origin, kind)
                except InputError as error:
                    raise BatchInputError(error.problems, batch=kind) from None
        return results

    # ----------------------------------------------------------------- counts

    def activity_counts(
        self, since: date | None = None, until: date | None = None
    ) -> dict[str, tuple[int, int | None]]:
        """Per locality with activities in the period: (activities, participants), counted in SQL.

        Participants is the sum of the figures given, or None when no activity
        in the period gave one: unknown is not zero. A locality without any
        activity in the period is absent.
        """
        table = schema.activities
        query = select(table.c.locality_id, func.count(), func.sum(table.c.participants)).group_by(
            table.c.locality_id
        )
        if since is not None:
            query = query.where(table.c.date >= since)
        if until is not None:
            query = query.where(table.c.date <= until)
        with self._reader.connect() as conn:
            return {
                locality: (count, None if total is None else int(total))
                for locality, count, total in conn.execute(query)
            }

    def initiative_status_counts(
        self,
        locality_ids: Iterable[str] | None = None,
        areas: Iterable[str] | None = None,
        year: int | None = None,
    ) -> dict[tuple[str, InitiativeStatus], int]:
        """How many initiatives each locality has in each status, counted in SQL (filters as ``initiatives``)."""
        table = schema.initiatives
        conditions = _initiative_filters(locality_ids, None, areas, year)
        query = (
            select(table.c.locality_id, table.c.status, func.count())
            .where(*conditions)
            .group_by(table.c.locality_id, table.c.status)
        )
        with self._reader.connect() as conn:
            return {
                (locality, InitiativeStatus(status)): count
                for locality, status, count in conn.execute(query)
            }

    def initiative_area_status_counts(
        self, locality_ids: Iterable[str] | None = None
    ) -> dict[tuple[str, InitiativeStatus], int]:
        """How many initiatives each SLUS area has in each status, counted in SQL.

        An initiative with two areas counts once in each; one without areas in none.
        """
        table, joined = schema.initiatives, schema.initiative_areas
        query = (
            select(joined.c.area_id, table.c.status, func.count())
            .select_from(joined.join(table, joined.c.initiative_id == table.c.id))
            .where(*_initiative_filters(locality_ids, None, None, None))
            .group_by(joined.c.area_id, table.c.status)
        )
        with self._reader.connect() as conn:
            return {(area, InitiativeStatus(status)): count for area, status, count in conn.execute(query)}

    # ---------------------------------------------------------------- helpers

    def _write(self) -> AbstractContextManager[Connection]:
        return write_transaction(self._engine)

    def _now(self) -> datetime:
        return naive_utc(self._clock())

    def _read(self, entity: Entity[_R], conditions: Sequence[ColumnElement[bool]]) -> list[_R]:
        with self._reader.connect() as conn:
            return select_records(conn, entity, conditions)

    def _read_one(self, entity: Entity[_R], record_id: int) -> _R | None:
        with self._reader.connect() as conn:
            return select_one(conn, entity, record_id)

    def _save(self, entity: Entity[_R], record: _R, username: str) -> _R:
        table = entity.table
        with self._write() as conn:
            _raise_if_any(record_problems(entity, record, locality_ids(conn), file=_FORM))
            now = self._now()
            values = entity.values(record)
            areas = getattr(record, "areas", ())
            if record.id is None:
                result = conn.execute(
                    insert(table).values(**values, version=1, created_at=now, updated_at=now)
                )
                record_id = result.inserted_primary_key[0]
                write_areas(conn, entity, [(record_id, areas)])
                saved = select_one(conn, entity, record_id)
                assert saved is not None
                action, summary = audit.CREATE, audit.created(entity.name, saved)
            else:
                old = select_one(conn, entity, record.id, lock=True)
                _check_version(entity, old, record.id, record.version)
                assert old is not None
                conn.execute(
                    update(table)
                    .where(table.c.id == record.id, table.c.version == record.version)
                    .values(**values, version=table.c.version + 1, updated_at=now)
                )
                delete_areas(conn, entity, [record.id])
                write_areas(conn, entity, [(record.id, areas)])
                saved = select_one(conn, entity, record.id)
                assert saved is not None
                action, summary = audit.UPDATE, audit.changed(entity.name, old, saved)
            self._audit(
                conn, username, action, entity.name, str(saved.id), getattr(saved, "locality_id", None), summary
            )
            return saved

    def _delete(self, entity: Entity[_R], record_id: int, version: int, username: str) -> None:
        table = entity.table
        with self._write() as conn:
            old = select_one(conn, entity, record_id, lock=True)
            _check_version(entity, old, record_id, version, deleting=True)
            assert old is not None
            delete_areas(conn, entity, [record_id])
            conn.execute(delete(table).where(table.c.id == record_id, table.c.version == version))
            self._audit(
                conn,
                username,
                audit.DELETE,
                entity.name,
                str(record_id),
                getattr(old, "locality_id", None),
                audit.deleted(entity.name, old),
            )

    def _import(
        self,
        entity: Entity[_R],
        records: Sequence[_R],
        username: str,
        origin: ImportOrigin,
        kind: str,
    ) -> SaveResult:
        with self._write() as conn:
            return self._import_in(conn, entity, records, username, origin, kind)

    def _import_in(
        self,
        conn: Connection,
        entity: Entity[_R],
        records: Sequence[_R],
        username: str,
        origin: ImportOrigin,
        kind: str,
    ) -> SaveResult:
        """One batch's records, import-log line and audit line, in the caller's transaction."""
        result = import_records(conn, entity, records, origin=origin, now=self._now())
        write_import_log(conn, origin, kind, len(records), result)
        localities = {getattr(record, "locality_id", None) for record in records}
        summary = audit.imported(
            entity.name, origin.file, result.added, result.changed, result.unchanged
        )
        self._audit(
            conn,
            username,
            audit.IMPORT,
            entity.name,
            "",
            localities.pop() if len(localities) == 1 else None,
            summary,
        )
        return result

    def _audit(
        self,
        conn: Connection,
        username: str,
        action: str,
        entity: str,
        entity_id: str,
        locality_id: str | None,
        summary: str,
    ) -> None:
        audit.write(
            conn,
            at=self._clock(),
            username=username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            locality_id=locality_id,
            summary=summary,
        )


# -------------------------------------------------------------------- helpers


def _check_version(
    entity: Entity[_R], stored: _R | None, record_id: int, version: int, *, deleting: bool = False
) -> None:
    if stored is None:
        raise NotFoundError.of(entity.subject, record_id, entity.name)
    if stored.version != version:
        raise StaleWriteError.of(stored.version, version, deleting=deleting)


def _id_list(ids: Iterable[str]) -> list[str]:
    if isinstance(ids, str):
        raise TypeError("ids must be a collection of ids, not one id string")
    return sorted(set(ids))


def _activity_filters(
    locality_ids: Iterable[str] | None, since: date | None, until: date | None
) -> list[ColumnElement[bool]]:
    columns = schema.activities.c
    conditions: list[ColumnElement[bool]] = []
    if locality_ids is not None:
        conditions.append(columns.locality_id.in_(_id_list(locality_ids)))
    if since is not None:
        conditions.append(columns.date >= since)
    if until is not None:
        conditions.append(columns.date <= until)
    return conditions


def _initiative_filters(
    locality_ids: Iterable[str] | None,
    statuses: Iterable[InitiativeStatus | str] | None,
    areas: Iterable[str] | None,
    year: int | None,
) -> list[ColumnElement[bool]]:
    columns = schema.initiatives.c
    conditions: list[ColumnElement[bool]] = []
    if locality_ids is not None:
        conditions.append(columns.locality_id.in_(_id_list(locality_ids)))
    if statuses is not None:
        conditions.append(columns.status.in_(sorted({enum_value(s) for s in statuses})))
    if areas is not None:
        joined = schema.initiative_areas.c
        with_area = select(joined.initiative_id).where(joined.area_id.in_(_id_list(areas)))
        conditions.append(columns.id.in_(with_area))
    if year is not None:
        conditions.append(columns.start_date.is_(None) | (columns.start_date <= date(year, 12, 31)))
        conditions.append(columns.end_date.is_(None) | (columns.end_date >= date(year, 1, 1)))
    return conditions


def _read_composition(conn: Connection, locality_id: str, *, lock: bool = False) -> Composition:
    head_table, count_table = schema.compositions, schema.composition_counts
    query = select(head_table.c.version).where(head_table.c.locality_id == locality_id)
    version = conn.execute(query.with_for_update() if lock else query).scalar()
    if version is None:
        return Composition(locality_id=locality_id, counts={}, version=0)
    rows = conn.execute(
        select(count_table.c.representation, count_table.c.age_band, count_table.c["count"]).where(
            count_table.c.locality_id == locality_id
        )
    ).all()
    order = {key: index for index, key in enumerate((r, a) for r in REPRESENTATIONS for a in AGE_BANDS)}
    counts = {(rep, band): n for rep, band, n in sorted(rows, key=lambda r: order.get((r[0], r[1]), len(order)))}
    return Composition(locality_id=locality_id, counts=counts, version=version)


def _composition_problems(record: Composition) -> list[Problem]:
    problems: list[Problem] = []
    for key, count in record.counts.items():
        representation, age_band = key
        field = f"{representation}/{age_band}"
        if representation not in REPRESENTATIONS or age_band not in AGE_BANDS:
            problems.append(Problem(_FORM, t("unknown_group", group=field), field=field))
        elif isinstance(count, bool) or not isinstance(count, int) or count < 0:
            problems.append(Problem(_FORM, t("count_not_natural", count=count), field=field))
    return problems


def _read_user(conn: Connection, condition: ColumnElement[bool], *, lock: bool = False) -> User | None:
    query = select(schema.users).where(condition)
    row = conn.execute(query.with_for_update() if lock else query).mappings().first()
    return to_user(row) if row is not None else None


def _name_taken(name: str) -> InputError:
    return InputError([Problem(_FORM, t("username_taken", name=name), field="username")])


def _raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)

