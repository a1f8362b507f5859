"""Ideas in the database: reads, moderation writes with their audit lines, supports, contacts, purge.

Like group work's store, every write is one transaction: the change, its
audit line and any send-limit counter land together or not at all, and a
moderation step names the version it was based on, so two editors acting on
the same idea at once cannot both succeed. Permission and validation are the
service's job (``ideas.service``).

Contacts are read by exactly one method (``contact``), which the service
guards; no other query here touches ``idea_contacts`` except the purge and
the cascade when an idea is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    RowMapping,
    delete,
    func,
    insert,
    select,
    update,
)

from indicators.audit import log as audit
from indicators.groupwork.rows import enum_value, naive_utc
from indicators.groupwork.sql import reader
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.ideas import limits
from indicators.ideas.limits import Kind, Policy
from indicators.ideas.records import (
    PUBLIC_STATUSES,
    Contact,
    Idea,
    IdeaSource,
    IdeaStatus,
)
from indicators.ideas.rules import TARGET, Step
from indicators.observations.import_log import utc_now
from indicators.storage import schema
from indicators.storage.store import Store, write_transaction

ENTITY = "idea"
"""The audit log's entity for ideas."""

_AUDIT_TITLE_MAX = 80
_STATUS_OF = {status.value: status for status in IdeaStatus}
"""A stored status to its member by a dict lookup (``IdeaStatus(value)`` costs far more per row)."""
_by_id = itemgetter(0)


class MapPoint(NamedTuple):
    """A published idea with a place, as the map layer needs it (no description, no contact).

    A named tuple rather than a dataclass: the map reads thousands at once, and
    building a tuple costs a fraction of a frozen dataclass's ``__init__``.
    """

    id: int
    locality_id: str
    title: str
    status: IdeaStatus
    area: str | None
    supports: int
    lat: float
    lon: float


@dataclass(frozen=True)
class LocalityCount:
    """Public ideas and their supports in one locality."""

    locality_id: str
    ideas: int
    supports: int


class IdeaStore:
    """Reads and writes of ideas on the ``Store``'s engine; ``salt`` keys the stored hashes."""

    def __init__(self, store: Store, *, salt: bytes, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = store.engine
        self._reader = reader(store.engine)
        self._salt = salt
        self._clock = clock

    def now(self) -> datetime:
        """The store's clock, naive UTC."""
        return naive_utc(self._clock())

    # ------------------------------------------------------------------ reads

    def idea(self, idea_id: int) -> Idea | None:
        with self._reader.connect() as conn:
            return _select_one(conn, idea_id)

    def ideas(
        self,
        *,
        locality_ids: Iterable[str] | None = None,
        statuses: Iterable[IdeaStatus] | None = PUBLIC_STATUSES,
        limit: int | None = None,
        oldest_first: bool = False,
    ) -> list[Idea]:
        """Ideas, newest first (the queue reads oldest first); public ones unless ``statuses`` says otherwise."""
        c = schema.ideas.c
        conditions: list[ColumnElement[bool]] = []
        if locality_ids is not None:
            conditions.append(c.locality_id.in_(sorted(set(locality_ids))))
        if statuses is not None:
            conditions.append(c.status.in_([enum_value(status) for status in statuses]))
        order = (c.created_at.asc(), c.id.asc()) if oldest_first else (c.created_at.desc(), c.id.desc())
        query = select(schema.ideas).where(*conditions).order_by(*order)
        if limit is not None:
            query = query.limit(limit)
        with self._reader.connect() as conn:
            rows = conn.execute(query).mappings().all()
            return _with_areas(conn, rows)

    def queue(self, locality_ids: Iterable[str] | None, *, limit: int = 200) -> list[Idea]:
        """Ideas waiting for moderation, oldest first (``locality_ids`` None: every locality and the whole municipality)."""
        return self.ideas(
            locality_ids=locality_ids, statuses=(IdeaStatus.PENDING,), limit=limit, oldest_first=True
        )

    def idea_for_initiative(self, initiative_id: int) -> Idea | None:
        """The idea an initiative came from (the link's other direction), or None."""
        with self._reader.connect() as conn:
            row = conn.execute(
                select(schema.ideas).where(schema.ideas.c.initiative_id == initiative_id)
            ).mappings().first()
            return None if row is None else _with_areas(conn, [row])[0]

    def ideas_for_initiatives(self, initiative_ids: Iterable[int]) -> dict[int, Idea]:
        """initiative id → the idea it came from, for the initiatives that came from one."""
        ids = sorted(set(initiative_ids))
        if not ids:
            return {}
        with self._reader.connect() as conn:
            rows = conn.execute(select(schema.ideas).where(schema.ideas.c.initiative_id.in_(ids))).mappings().all()
            return {idea.initiative_id: idea for idea in _with_areas(conn, rows) if idea.initiative_id is not None}

    def map_points(self, statuses: Iterable[IdeaStatus] = PUBLIC_STATUSES) -> list[MapPoint]:
        """Public ideas that have a place, with their main area, for the map layer, by id.

        One query answered from two covering indexes (``ix_ideas_map``,
        ``ix_idea_areas_position``, revision 0008) and no work per row beyond
        building the tuple: under 50 ms for 5,000 points (``benchmarks/ideas.py``).
        Sorted here, not in SQL, which would sort every status's run again.
        """
        ideas, areas = schema.ideas, schema.idea_areas
        query = (
            select(
                ideas.c.id, ideas.c.locality_id, ideas.c.title, ideas.c.status,
                areas.c.area_id, ideas.c.supports, ideas.c.lat, ideas.c.lon,
            )
            .outerjoin(areas, (areas.c.idea_id == ideas.c.id) & (areas.c.position == 0))
            .where(
                ideas.c.status.in_([enum_value(s) for s in statuses]),
                ideas.c.lat.is_not(None),
                ideas.c.lon.is_not(None),
                ideas.c.locality_id.is_not(None),
            )
        )  # fmt: skip
        with self._reader.connect() as conn:
            rows = conn.execute(query).all()
        status = _STATUS_OF
        points = [
            MapPoint(idea_id, locality, title, status[value], area, supports, lat, lon)
            for idea_id, locality, title, value, area, supports, lat, lon in rows
        ]
        points.sort(key=_by_id)
        return points

    def counts_by_locality(self) -> dict[str, LocalityCount]:
        """Public ideas and supports per locality (whole-municipality ideas are left out)."""
        c = schema.ideas.c
        query = (
            select(c.locality_id, func.count(), func.coalesce(func.sum(c.supports), 0))
            .where(c.status.in_([s.value for s in PUBLIC_STATUSES]), c.locality_id.is_not(None))
            .group_by(c.locality_id)
        )
        with self._reader.connect() as conn:
            return {
                locality: LocalityCount(locality, int(count), int(supports))
                for locality, count, supports in conn.execute(query)
            }

    def most_supported(
        self, *, limit: int = 5, statuses: Iterable[IdeaStatus] = (IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING,
                                                                   IdeaStatus.INITIATIVE)
    ) -> list[Idea]:
        """The public ideas with the most supports (ties: oldest first), for the presentation's slide.

        Declined ideas are left out by default: a slide of what residents propose shows what is still alive.
        """
        c = schema.ideas.c
        query = (
            select(schema.ideas)
            .where(c.status.in_([enum_value(status) for status in statuses]), c.supports > 0)
            .order_by(c.supports.desc(), c.created_at.asc(), c.id.asc())
            .limit(limit)
        )
        with self._reader.connect() as conn:
            return _with_areas(conn, conn.execute(query).mappings().all())

    def counts_by_area(self, locality_id: str | None = None) -> dict[str, int]:
        """Public ideas per SLUS area (an idea counts in each of its areas)."""
        ideas, areas = schema.ideas, schema.idea_areas
        query = (
            select(areas.c.area_id, func.count())
            .join(ideas, ideas.c.id == areas.c.idea_id)
            .where(ideas.c.status.in_([s.value for s in PUBLIC_STATUSES]))
            .group_by(areas.c.area_id)
        )
        if locality_id is not None:
            query = query.where(ideas.c.locality_id == locality_id)
        with self._reader.connect() as conn:
            return {area: int(count) for area, count in conn.execute(query)}

    def contact(self, idea_id: int) -> Contact | None:
        """The contact left with an idea; only ``service.contact_for`` calls this (after the permission check)."""
        table = schema.idea_contacts
        with self._reader.connect() as conn:
            row = conn.execute(select(table).where(table.c.idea_id == idea_id)).mappings().first()
        return None if row is None else Contact(row["idea_id"], row["contact"], row["created_at"])

    def supported(self, idea_ids: Iterable[int], browser: str) -> set[int]:
        """Which of ``idea_ids`` this browser has supported (so the button can say so)."""
        ids = sorted(set(idea_ids))
        if not browser or not ids:
            return set()
        table = schema.idea_supports
        token = limits.hashed(browser, self._salt)
        with self._reader.connect() as conn:
            return set(
                conn.execute(
                    select(table.c.idea_id).where(table.c.browser_hash == token, table.c.idea_id.in_(ids))
                ).scalars()
            )

    # ----------------------------------------------------------------- writes

    def submit(self, idea: Idea, contact: str, *, address: str, policy: Policy) -> Idea:
        """Store a resident's idea (pending) and its contact, counting it against the address and the locality.

        ``limits.Throttled`` when either limit is reached: nothing is stored or counted.
        """
        with write_transaction(self._engine) as conn:
            now = self.now()
            limits.take(conn, Kind.ADDRESS, limits.hashed(address, self._salt), policy=policy, now=now)
            if idea.locality_id is not None:
                limits.take(conn, Kind.LOCALITY, idea.locality_id, policy=policy, now=now)
            return self._insert(conn, idea, contact, now)

    def record(self, idea: Idea, *, username: str, published: bool = True) -> Idea:
        """Store an idea staff recorded (workshop input), published at once, with its audit line."""
        with write_transaction(self._engine) as conn:
            now = self.now()
            saved = self._insert(conn, idea, "", now, published=published)
            self._audit(conn, username, "idea-record", saved, t("audit_idea_recorded", title=_short(saved.title)))
            return saved

    def record_many(self, records: Sequence[Idea], *, username: str, file_name: str) -> list[Idea]:
        """Workshop ideas from one file, all in one transaction with one audit line: all or nothing."""
        with write_transaction(self._engine) as conn:
            now = self.now()
            saved = [self._insert(conn, idea, "", now, published=True) for idea in records]
            audit.write(
                conn, at=now, username=username, action=audit.IMPORT, entity=ENTITY, entity_id="",
                locality_id=None, summary=t("audit_ideas_imported", file=_short(file_name), count=len(saved)),
            )  # fmt: skip
            return saved

    def step(
        self,
        idea_id: int,
        version: int,
        step: Step,
        *,
        username: str,
        reason: str = "",
        target_id: int | None = None,
        initiative_id: int | None = None,
    ) -> Idea:
        """Take one moderation step (the service has checked it may be taken) and write its audit line."""
        ideas = schema.ideas
        with write_transaction(self._engine) as conn:
            old = _select_one(conn, idea_id, lock=True)
            if old is None:
                raise NotFoundError(t("idea_gone"))
            if old.version != version:
                raise StaleWriteError.of(old.version, version)
            now = self.now()
            values: dict[str, Any] = {"status": TARGET[step].value}
            if step is Step.REJECT:
                values["reject_reason"] = reason
            if step in (Step.PUBLISH, Step.TO_INITIATIVE) and old.published_at is None:
                values["published_at"] = now
            if step is Step.TO_INITIATIVE:
                values["initiative_id"] = initiative_id
            if step is Step.MERGE:
                assert target_id is not None
                values["merged_into_id"] = target_id
                self._move_supports(conn, idea_id, target_id)
                values["supports"] = 0
            conn.execute(
                update(ideas)
                .where(ideas.c.id == idea_id, ideas.c.version == version)
                .values(**values, version=ideas.c.version + 1, updated_at=now)
            )
            saved = _select_one(conn, idea_id)
            assert saved is not None
            self._audit(conn, username, step.value, saved, _step_line(step, saved, target_id, initiative_id))
            return saved

    def support(self, idea_id: int, browser: str, *, address: str, policy: Policy) -> tuple[int, bool]:
        """One support from this browser for a public idea: (supports now, whether this one was new).

        A second support from the same browser changes nothing and is not
        counted against the limit. ``limits.Throttled`` when the address has
        given too many supports in the window.
        """
        ideas, supports = schema.ideas, schema.idea_supports
        token = limits.hashed(browser, self._salt)
        with write_transaction(self._engine) as conn:
            row = conn.execute(
                select(ideas.c.status, ideas.c.supports).where(ideas.c.id == idea_id).with_for_update()
            ).first()
            if row is None or IdeaStatus(row.status) not in PUBLIC_STATUSES:
                raise NotFoundError(t("idea_gone"))
            exists = conn.execute(
                select(supports.c.idea_id).where(supports.c.idea_id == idea_id, supports.c.browser_hash == token)
            ).first()
            if exists is not None:
                return row.supports, False
            now = self.now()
            limits.take(conn, Kind.SUPPORT, limits.hashed(address, self._salt), policy=policy, now=now)
            conn.execute(insert(supports).values(idea_id=idea_id, browser_hash=token, created_at=now))
            conn.execute(update(ideas).where(ideas.c.id == idea_id).values(supports=ideas.c.supports + 1))
            return row.supports + 1, True

    def purge(self, *, contacts_before: datetime, policy: Policy) -> int:
        """Delete contacts given before ``contacts_before`` and run-out send counters; returns contacts deleted."""
        table = schema.idea_contacts
        with write_transaction(self._engine) as conn:
            result = conn.execute(delete(table).where(table.c.created_at < naive_utc(contacts_before)))
            limits.forget_old(conn, policy=policy, now=self.now())
            return result.rowcount or 0

    # ---------------------------------------------------------------- helpers

    def _insert(self, conn: Connection, idea: Idea, contact: str, now: datetime, *, published: bool = False) -> Idea:
        status = IdeaStatus.PUBLISHED if published else IdeaStatus.PENDING
        result = conn.execute(
            insert(schema.ideas).values(
                locality_id=idea.locality_id, title=idea.title, description=idea.description or "",
                status=status.value, lat=idea.lat, lon=idea.lon, source=enum_value(idea.source),
                meeting_id=idea.meeting_id, supports=0, published_at=now if published else None,
                version=1, created_at=now, updated_at=now,
            )
        )  # fmt: skip
        idea_id = result.inserted_primary_key[0]
        if idea.areas:
            conn.execute(
                insert(schema.idea_areas),
                [{"idea_id": idea_id, "area_id": area, "position": i} for i, area in enumerate(idea.areas)],
            )
        if contact.strip():
            conn.execute(insert(schema.idea_contacts).values(idea_id=idea_id, contact=contact.strip(), created_at=now))
        saved = _select_one(conn, idea_id)
        assert saved is not None
        return saved

    def _move_supports(self, conn: Connection, from_id: int, to_id: int) -> None:
        """A duplicate's supports go to the idea it is merged into; a browser that supported both counts once."""
        supports, ideas = schema.idea_supports, schema.ideas
        already = select(supports.c.browser_hash).where(supports.c.idea_id == to_id).scalar_subquery()
        conn.execute(
            update(supports)
            .where(supports.c.idea_id == from_id, supports.c.browser_hash.not_in(already))
            .values(idea_id=to_id)
        )
        conn.execute(delete(supports).where(supports.c.idea_id == from_id))
        count = select(func.count()).where(supports.c.idea_id == to_id).scalar_subquery()
        conn.execute(update(ideas).where(ideas.c.id == to_id).values(supports=count))

    def _audit(self, conn: Connection, username: str, action: str, idea: Idea, summary: str) -> None:
        audit.write(
            conn, at=self._clock(), username=username, action=action, entity=ENTITY,
            entity_id=str(idea.id), locality_id=idea.locality_id, summary=summary,
        )  # fmt: skip


def _step_line(step: Step, idea: Idea, target_id: int | None, initiative_id: int | None) -> str:
    title = _short(idea.title)
    if step is Step.PUBLISH:
        return t("audit_idea_published", title=title)
    if step is Step.REJECT:
        return t("audit_idea_rejected", title=title)
    if step is Step.HIDE:
        return t("audit_idea_hidden", title=title)
    if step is Step.MERGE:
        return t("audit_idea_merged", title=title, target=str(target_id))
    if step is Step.CONSIDER:
        return t("audit_idea_considering", title=title)
    if step is Step.DECLINE:
        return t("audit_idea_declined", title=title)
    return t("audit_idea_initiative", title=title, initiative=str(initiative_id))


def _short(text: str) -> str:
    return text if len(text) <= _AUDIT_TITLE_MAX else text[: _AUDIT_TITLE_MAX - 1] + "…"


def _select_one(conn: Connection, idea_id: int, *, lock: bool = False) -> Idea | None:
    query = select(schema.ideas).where(schema.ideas.c.id == idea_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return None if row is None else _with_areas(conn, [row])[0]


def _with_areas(conn: Connection, rows: Sequence[RowMapping]) -> list[Idea]:
    ids = [row["id"] for row in rows]
    areas: dict[int, list[str]] = {}
    table = schema.idea_areas
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(table.c.idea_id, table.c.area_id).where(table.c.idea_id.in_(chunk)).order_by(
            table.c.idea_id, table.c.position
        )
        for idea_id, area in conn.execute(query):
            areas.setdefault(idea_id, []).append(area)
    return [_to_idea(row, tuple(areas.get(row["id"], ()))) for row in rows]


def _to_idea(row: RowMapping, areas: tuple[str, ...]) -> Idea:
    return Idea(
        locality_id=row["locality_id"], title=row["title"], description=row["description"], areas=areas,
        lat=row["lat"], lon=row["lon"], status=IdeaStatus(row["status"]), source=IdeaSource(row["source"]),
        meeting_id=row["meeting_id"], reject_reason=row["reject_reason"], merged_into_id=row["merged_into_id"],
        initiative_id=row["initiative_id"], supports=row["supports"], published_at=row["published_at"],
        created_at=row["created_at"], id=row["id"], version=row["version"],
    )  # fmt: skip


def contacts_cutoff(now: datetime, months: int) -> datetime:
    """The moment before which contacts are deleted: ``months`` months of 30.44 days before ``now``."""
    return now - timedelta(days=round(months * 30.44))


__all__ = ["ENTITY", "IdeaStore", "LocalityCount", "MapPoint", "contacts_cutoff"]
