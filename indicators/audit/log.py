"""The audit log's lines: written in the writer's transaction, worded for staff.

A line names who, what and when, and says in a few words what changed (the
field names, not the old and new text: the record itself shows that). It never
holds a password hash: a changed password is logged as "lösenord" only.
Summaries contain titles that people typed, so whoever shows them must escape
them like any other user text.

A line is a catalogue message (gettext domain ``indicators``): it is stored as its
Swedish wording (``summary``, for old readers and anyone reading the database
directly) *and* as its key and parameters (``summary_key``, ``summary_params``:
JSON of strings, integers and lists of strings), so the staff page shows it in
the reader's language. Changed fields are stored by field name and named in the
reader's language when shown. Lines written before the key was stored have
only their Swedish summary, which is what they show in every language.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, update

from indicators.groupwork.records import (
    Activity,
    Composition,
    Initiative,
    StrategicMeeting,
    User,
)
from indicators.groupwork.rows import enum_value, naive_utc
from indicators.i18n.messages import CATALOGUE, t
from indicators.i18n.texts import CATALOGUES, DEFAULT_LANGUAGE, N_, Listing, Text
from indicators.storage import schema

logger = logging.getLogger(__name__)

SIGNED_IN = t("signed_in")
"""The line a successful sign-in writes (failed ones are counted and summarised by ``sign_in_limits``)."""

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

# Message keys per entity: (created, changed, deleted).
_KEYS = {
    ACTIVITY: (N_("created_activity"), N_("changed_activity"), N_("deleted_activity")),
    INITIATIVE: (N_("created_initiative"), N_("changed_initiative"), N_("deleted_initiative")),
    COMPOSITION: (N_("created_composition"), N_("changed_composition"), N_("deleted_composition")),
    MEETING: (N_("created_meeting"), N_("changed_meeting"), N_("deleted_meeting")),
    USER: (N_("created_user"), N_("changed_user"), N_("deleted_user")),
}
_IMPORT_KEYS = {ACTIVITY: N_("imported_activity"), INITIATIVE: N_("imported_initiative")}

# Record field → the catalogue key naming it (lat and lon are both "plats").
_FIELD_KEYS = {
    "locality_id": N_("field_locality_id"),
    "date": N_("field_date"),
    "kind": N_("field_kind"),
    "title": N_("field_title"),
    "participants": N_("field_participants"),
    "areas": N_("field_areas"),
    "description": N_("field_description"),
    "status": N_("field_status"),
    "start": N_("field_start"),
    "end": N_("field_end"),
    "lead": N_("field_lead"),
    "partners": N_("field_partners"),
    "progress": N_("field_progress"),
    "lat": N_("field_place"),
    "lon": N_("field_place"),
    "themes": N_("field_themes"),
    "notes": N_("field_notes"),
    "username": N_("field_username"),
    "role": N_("field_role"),
    "password_hash": N_("field_password"),
    "active": N_("field_active"),
    "counts": N_("field_counts"),
}

# Stored status and role values → the catalogue key naming them, so "(done)" reads "(klar)" in Swedish.
_VALUE_KEYS = {
    "status": {
        "idea": N_("audit_status_idea"),
        "planned": N_("audit_status_planned"),
        "ongoing": N_("audit_status_ongoing"),
        "done": N_("audit_status_done"),
        "paused": N_("audit_status_paused"),
    },
    "role": {"admin": N_("audit_role_admin"), "editor": N_("audit_role_editor")},
}

_Record = Activity | Initiative | StrategicMeeting | User | Composition
Params = dict[str, str | int | list[str]]
"""What a line stores as parameters: JSON-safe, and the same on every backend."""


class AuditLine(Text):
    """An audit message: a ``Text`` (its Swedish wording) that also keeps the parameters it is stored with.

    The stored parameters are plain values (field names, a role, 0/1 for
    active); the words made from them ("titel"/"title", "avstängd"/"deactivated")
    are looked up when the line is rendered, so an old line reads in any language.
    """

    stored: Params

    def __new__(cls, key: str, stored: Mapping[str, Any]) -> AuditLine:
        self = super().__new__(cls, CATALOGUE, key, _words(stored))
        self.stored = dict(stored)
        return self

    def __reduce__(self):
        return (AuditLine, (self.key, self.stored))



@dataclass(frozen=True)
class AuditEntry:
    """Who changed what and when; written in the same transaction as the change."""

    at: datetime
    username: str
    action: str  # "create" | "update" | "delete" | "import" | "sign-in" …
    entity: str  # "activity" | "initiative" | "composition" | "meeting" | "user"
    entity_id: str
    locality_id: str | None
    summary: str  # in Swedish, as written
    id: int | None = None
    summary_key: str | None = None  # None for lines written before the key was stored
    summary_params: Mapping[str, object] | None = field(default=None, hash=False)

    def render(self, language: str = "sv") -> str:
        """The summary in ``language`` (the Swedish one as stored when the line has no key)."""
        return render_summary(self.summary_key, self.summary_params, self.summary, language)


def to_audit_entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(
        at=row["at"].replace(tzinfo=UTC),
        username=row["username"],
        action=row["action"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        locality_id=row["locality_id"],
        summary=row["summary"],
        id=row["id"],
        summary_key=row["summary_key"],
        summary_params=_json_object(row["summary_params"]),
    )


def _json_object(stored: str | None) -> dict[str, Any] | None:
    """A JSON object as stored in a text column; None when absent or unreadable (the line then shows its summary)."""
    if stored is None:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


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
) -> int:
    """Append one line in the caller's transaction, so it lands exactly when the change does; returns its id.

    ``summary`` is a plain string (stored as it is, shown as it is) or a
    ``Text``: then its key and parameters are stored too, so it can be shown in
    the reader's language.
    """
    key, params = _key_and_params(summary)
    result = conn.execute(
        insert(schema.audit_log).values(
            at=naive_utc(at),
            username=username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            locality_id=locality_id,
            summary=_shorten(str(summary), _SUMMARY_MAX),
            summary_key=key,
            summary_params=None if params is None else json.dumps(params, ensure_ascii=False, sort_keys=True),
        )
    )
    return result.inserted_primary_key[0]


def rewrite(conn: Connection, line_id: int, *, at: datetime, summary: str) -> bool:
    """Replace the time and wording of one line (a running count, such as failed sign-ins); False if it is gone.

    Only for lines that aggregate repeated events, so that a flood stays one line.
    """
    key, params = _key_and_params(summary)
    table = schema.audit_log
    result = conn.execute(
        update(table)
        .where(table.c.id == line_id)
        .values(
            at=naive_utc(at),
            summary=_shorten(str(summary), _SUMMARY_MAX),
            summary_key=key,
            summary_params=None if params is None else json.dumps(params, ensure_ascii=False, sort_keys=True),
        )
    )
    return bool(result.rowcount)


def created(entity: str, record: _Record) -> Text:
    """"Ny aktivitet ”Städdag vid ån” (2025-04-12)"."""
    return AuditLine(_KEYS[entity][0], _describe(record))


def changed(entity: str, old: _Record, new: _Record) -> Text:
    """"Ändrade initiativ ”Belysning”: status, framsteg" (the fields, never their values)."""
    return AuditLine(_KEYS[entity][1], {**_describe(new), "fields": changed_field_names(old, new)})


def deleted(entity: str, record: _Record) -> Text:
    """"Tog bort aktivitet ”Städdag vid ån” (2025-04-12)"."""
    return AuditLine(_KEYS[entity][2], _describe(record))


def imported(entity: str, file: str, added: int, changed_count: int, unchanged: int) -> Text:
    """One line for a whole import: the file and what it did."""
    params: Params = {
        "file": _shorten(file, _TITLE_MAX),
        "added": added,
        "changed": changed_count,
        "unchanged": unchanged,
    }
    if entity in _IMPORT_KEYS:
        return AuditLine(_IMPORT_KEYS[entity], params)
    return AuditLine(N_("imported_other"), {**params, "entity": entity})


def changed_fields(old: _Record, new: _Record) -> list[str]:
    """The names (Swedish ``Text``, any language on ``render``) of the fields that differ, in the record's order."""
    return [_field_label(name) for name in changed_field_names(old, new)]


def changed_field_names(old: _Record, new: _Record) -> list[str]:
    """The fields that differ, in the record's order; one per label (``lat`` and ``lon`` are one place)."""
    names: list[str] = []
    labels: set[str] = set()
    for field in fields(new):
        if field.name in ("id", "version"):
            continue
        if _comparable(getattr(old, field.name)) != _comparable(getattr(new, field.name)):
            label = _FIELD_KEYS.get(field.name, field.name)
            if label not in labels:
                labels.add(label)
                names.append(field.name)
    return names


_FORMER_CATALOGUES = {"import": "indicators", "form_texts": "indicators", "errors": "indicators",
                      "audit": "indicators", "exports": "dashboard"}
"""Catalogues merged into one gettext domain per package (2026-12); stored lines still name the old ones."""
_RENAMED_KEYS = {("form_texts", "choice_missing"): "form_choice_missing",
                 ("form_texts", "unknown_locality"): "form_unknown_locality",
                 ("form_texts", "unknown_area"): "form_unknown_area"}
"""Form messages renamed when the catalogues merged (the importer's messages kept their keys)."""


def render_summary(
    key: str | None, params: Mapping[str, Any] | None, summary: str, language: str = DEFAULT_LANGUAGE
) -> str:
    """A stored line in ``language``; the stored Swedish ``summary`` when it has no key (or one no longer known)."""
    if key is None or language == DEFAULT_LANGUAGE:
        return summary
    try:
        if ":" in key:
            name, _, message = key.partition(":")
            message = _RENAMED_KEYS.get((name, message), message)
            name = _FORMER_CATALOGUES.get(name, name)
            catalogue = next((c for c in CATALOGUES if c.name == name), None)
            if catalogue is None or message not in catalogue or catalogue.is_plural(message):
                return summary
            text = catalogue.render(message, language, params or {})
        else:
            text = AuditLine(key, params or {}).render(language)
    except (KeyError, IndexError, ValueError, TypeError):
        logger.warning("audit line %r with parameters %r cannot be rendered; showing Swedish", key, params)
        return summary
    return _shorten(text, _SUMMARY_MAX)


# ---------------------------------------------------------------- helpers


def _describe(record: _Record) -> Params:
    """What a line says about a record, as stored parameters."""
    if isinstance(record, User):
        return {
            "username": record.username,
            "role": enum_value(record.role),
            "locality": record.locality_id or "",
            "active": int(bool(record.active)),
        }
    if isinstance(record, Composition):
        return {"locality": record.locality_id, "total": record.total}
    title = _shorten(record.title, _TITLE_MAX)
    if isinstance(record, Initiative):
        return {"title": title, "status": enum_value(record.status)}
    return {"title": title, "date": _day(record.date)}


def _words(stored: Mapping[str, Any]) -> dict[str, object]:
    """Stored parameters plus the words made from them, for the templates."""
    params: dict[str, object] = dict(stored)
    for name, keys in _VALUE_KEYS.items():
        if stored.get(name) in keys:
            params[name] = CATALOGUE.text(keys[stored[name]])
    if "fields" in stored:
        labels: list[Text | str] = []
        for name in stored["fields"]:
            label = _field_label(name)
            if label not in labels:
                labels.append(label)
        params["fields"] = Listing(labels) if labels else t("no_fields")
    if "username" in stored:
        details: list[object] = [params.get("role", "")]
        if stored.get("locality"):
            details.append(stored["locality"])
        if not stored.get("active", 1):
            details.append(t("deactivated"))
        params["details"] = Listing(details)
    return params


def _field_label(name: str) -> Text | str:
    key = _FIELD_KEYS.get(name)
    return CATALOGUE.text(key) if key else name


def _key_and_params(summary: str) -> tuple[str | None, Params | None]:
    """The key and parameters to store for a summary; (None, None) for plain text."""
    if isinstance(summary, AuditLine):
        return summary.key, summary.stored
    if isinstance(summary, Text) and _storable(summary.params):
        key = summary.key if summary.catalogue is CATALOGUE else f"{summary.catalogue.name}:{summary.key}"
        return key, dict(summary.params)  # type: ignore[arg-type]
    return None, None


def _storable(params: Mapping[str, object]) -> bool:
    """Only plain values are stored: a nested message or a number format would not survive JSON."""
    return all(
        type(value) in (str, int) or (isinstance(value, list) and all(type(item) is str for item in value))
        for value in params.values()
    )


def _day(value: date) -> str:
    return value.isoformat()


def _comparable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return sorted((key, count) for key, count in value.items() if count)
    return enum_value(value) if isinstance(value, str) else value


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
