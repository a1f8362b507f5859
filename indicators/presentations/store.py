"""Named presentations in the database, saved with a version check and an audit line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from indicators.audit import log as audit
from indicators.core.errors import InputError, Problem
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.observations.import_log import utc_now
from indicators.presentations.slides import FORM, Presentation, presentation_problems
from indicators.storage import schema
from indicators.storage.store import Store, write_transaction


class PresentationStore:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = store.engine
        self._clock = clock

    def presentations(self) -> list[Presentation]:
        table = schema.presentations
        with self._engine.connect() as conn:
            rows = conn.execute(select(table).order_by(table.c.name)).mappings()
            return [_record(row) for row in rows]

    def presentation(self, presentation_id: int) -> Presentation | None:
        table = schema.presentations
        with self._engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.id == presentation_id)).mappings().first()
            return _record(row) if row else None

    def save(self, record: Presentation, *, username: str, locality_ids) -> Presentation:
        """Insert (id None) or update if nobody saved since ``record.version``; refuses bad content."""
        problems = presentation_problems(record, locality_ids)
        if problems:
            raise InputError(problems)
        table = schema.presentations
        now = self._clock().replace(tzinfo=None)
        values = {"name": record.name.strip(), "slides": list(record.slides)}
        try:
            with write_transaction(self._engine) as conn:
                if record.id is None:
                    new_id = conn.execute(insert(table).values(**values, version=1, created_at=now, updated_at=now)
                                          ).inserted_primary_key[0]
                    action = audit.CREATE
                else:
                    current = conn.execute(select(table.c.version).where(table.c.id == record.id)).scalar()
                    if current is None:
                        raise NotFoundError.of(t("subject_presentation"), record.id, "presentation")
                    if current != record.version:
                        raise StaleWriteError.of(current, record.version)
                    conn.execute(update(table).where(table.c.id == record.id, table.c.version == record.version)
                                 .values(**values, version=table.c.version + 1, updated_at=now))
                    new_id, action = record.id, audit.UPDATE
                audit.write(conn, at=self._clock(), username=username, action=action, entity="presentation",
                            entity_id=str(new_id), locality_id=None,
                            summary=t("presentation_saved", name=values["name"], count=len(record.slides)))
        except IntegrityError:
            raise InputError([Problem(FORM, t("presentation_name_taken", name=values["name"]), field="name")]) from None
        saved = self.presentation(new_id)
        assert saved is not None
        return saved

    def delete(self, presentation_id: int, version: int, *, username: str) -> None:
        table = schema.presentations
        with write_transaction(self._engine) as conn:
            current = conn.execute(select(table.c.version).where(table.c.id == presentation_id)).scalar()
            if current is None:
                raise NotFoundError.of(t("subject_presentation"), presentation_id, "presentation")
            if current != version:
                raise StaleWriteError.of(current, version, deleting=True)
            conn.execute(delete(table).where(table.c.id == presentation_id))
            audit.write(conn, at=self._clock(), username=username, action=audit.DELETE, entity="presentation",
                        entity_id=str(presentation_id), locality_id=None, summary=t("presentation_deleted"))


def _record(row) -> Presentation:
    return Presentation(name=row["name"], slides=tuple(row["slides"]), id=row["id"], version=row["version"])
