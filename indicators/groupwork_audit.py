"""The audit log's lines: written in the writer's transaction, worded for staff.

A line names who, what and when, and says in a few words what changed (the
field names, not the old and new text: the record itself shows that). It never
holds a password hash: a changed password is logged as "lösenord" only.
Summaries contain titles that people typed, so whoever shows them must escape
them like any other user text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert

from indicators import schema
from indicators.groupwork import Activity, Composition, Initiative, StrategicMeeting, User
from indicators.groupwork_rows import enum_value, naive_utc

CREATE = "create"
UPDATE = "update"
DELETE = "delete"
IMPORT = "import"

ACTIVITY = "activity"
INITIATIVE = "initiative"
COMPOSITION = "composition"
MEETING = "meeting"
USER = "user"

_TITLE_MAX = 80
_SUMMARY_MAX = 500

# (new …, … as object of "Ändrade"/"Tog bort")
_NOUNS = {
    ACTIVITY: ("Ny aktivitet", "aktivitet"),
    INITIATIVE: ("Nytt initiativ", "initiativ"),
    COMPOSITION: ("Ny sammansättning", "sammansättning"),
    MEETING: ("Nytt strategiskt möte", "strategiskt möte"),
    USER: ("Ny användare", "användare"),
}

_FIELD_LABELS = {
    "locality_id": "ort",
    "date": "datum",
    "kind": "typ",
    "title": "titel",
    "participants": "deltagare",
    "areas": "utvecklingsområden",
    "description": "beskrivning",
    "status": "status",
    "start": "start",
    "end": "slut",
    "lead": "ansvarig",
    "partners": "samarbetspartner",
    "progress": "framsteg",
    "lat": "plats",
    "lon": "plats",
    "themes": "teman",
    "notes": "anteckningar",
    "username": "användarnamn",
    "role": "roll",
    "password_hash": "lösenord",
    "active": "aktiv",
    "counts": "antal",
}

_Record = Activity | Initiative | StrategicMeeting | User | Composition


def write(
    conn: Connection,
    *,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: str,
    locality_id: str | None,
    summary: str,
) -> None:
    """Append one line in the caller's transaction, so it lands exactly when the change does."""
    conn.execute(
        insert(schema.audit_log).values(
            at=naive_utc(at),
            username=username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            locality_id=locality_id,
            summary=_shorten(summary, _SUMMARY_MAX),
        )
    )


def created(entity: str, record: _Record) -> str:
    """"Ny aktivitet ”Städdag vid ån” (2025-04-12)"."""
    return f"{_NOUNS[entity][0]} {_describe(record)}"


def changed(entity: str, old: _Record, new: _Record) -> str:
    """"Ändrade initiativ ”Belysning”: status, framsteg" (the fields, never their values)."""
    labels = changed_fields(old, new)
    what = ", ".join(labels) if labels else "inga fält ändrade"
    return f"Ändrade {_NOUNS[entity][1]} {_describe(new)}: {what}"


def deleted(entity: str, record: _Record) -> str:
    """"Tog bort aktivitet ”Städdag vid ån” (2025-04-12)"."""
    return f"Tog bort {_NOUNS[entity][1]} {_describe(record)}"


def imported(entity: str, file: str, added: int, changed_count: int, unchanged: int) -> str:
    """One line for a whole import: the file and what it did."""
    plural = {ACTIVITY: "aktiviteter", INITIATIVE: "initiativ"}.get(entity, entity)
    return (
        f"Import av {plural} från ”{_shorten(file, _TITLE_MAX)}”: {added} nya, "
        f"{changed_count} ändrade, {unchanged} oförändrade"
    )


def changed_fields(old: _Record, new: _Record) -> list[str]:
    """Swedish labels of the fields that differ, in the record's order, each once."""
    labels: list[str] = []
    for field in fields(new):
        if field.name in ("id", "version"):
            continue
        if _comparable(getattr(old, field.name)) != _comparable(getattr(new, field.name)):
            label = _FIELD_LABELS.get(field.name, field.name)
            if label not in labels:
                labels.append(label)
    return labels


def _describe(record: _Record) -> str:
    if isinstance(record, User):
        where = f", {record.locality_id}" if record.locality_id else ""
        active = "" if record.active else ", avstängd"
        return f"”{record.username}” ({enum_value(record.role)}{where}{active})"
    if isinstance(record, Composition):
        return f"för {record.locality_id} ({record.total} medlemmar)"
    title = f"”{_shorten(record.title, _TITLE_MAX)}”"
    if isinstance(record, Initiative):
        return f"{title} ({enum_value(record.status)})"
    return f"{title} ({_day(record.date)})"


def _day(value: date) -> str:
    return value.isoformat()


def _comparable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return sorted((key, count) for key, count in value.items() if count)
    return enum_value(value) if isinstance(value, str) else value


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
