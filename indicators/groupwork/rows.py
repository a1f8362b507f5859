"""Group-work records to table rows and back, for ``GroupworkStore``.

Kept apart from the store so that the store reads as transactions and version
checks, and this module as the one place that knows column names. Enums are
stored as their values, dates as dates, times as naive UTC (portable across
SQLite and PostgreSQL; the time zone is put back on reading).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from sqlalchemy import RowMapping

from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
    User,
)


def naive_utc(moment: datetime) -> datetime:
    """A time as stored: UTC without tzinfo (a naive time is taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def enum_value(value: Enum | str) -> str:
    """The stored text of an enum member (or of a string that already is one)."""
    return value.value if isinstance(value, Enum) else value


# ---------------------------------------------------------------- record -> columns
# Everything but id, version and timestamps, which the store sets itself.


def activity_values(record: Activity) -> dict[str, Any]:
    return {
        "locality_id": record.locality_id,
        "date": record.date,
        "kind": enum_value(record.kind),
        "title": record.title,
        "participants": record.participants,
        "description": record.description,
    }


def initiative_values(record: Initiative) -> dict[str, Any]:
    return {
        "locality_id": record.locality_id,
        "title": record.title,
        "status": enum_value(record.status),
        "description": record.description,
        "start_date": record.start,
        "end_date": record.end,
        "lead": record.lead,
        "partners": record.partners,
        "progress": record.progress,
        "lat": record.lat,
        "lon": record.lon,
    }


def meeting_values(record: StrategicMeeting) -> dict[str, Any]:
    return {
        "date": record.date,
        "title": record.title,
        "participants": record.participants,
        "themes": list(record.themes),
        "notes": record.notes,
    }


def user_values(record: User) -> dict[str, Any]:
    return {
        "username": record.username,
        "username_key": username_key(record.username),
        "role": enum_value(record.role),
        "locality_id": record.locality_id,
        "password_hash": record.password_hash,
        "active": record.active,
    }


def username_key(username: str) -> str:
    """What makes two user names the same account: case does not count."""
    return username.strip().casefold()


def area_rows(owner_column: str, owner_id: int, areas: Iterable[str]) -> list[dict[str, Any]]:
    """Join-table rows for one record's areas, keeping the order the group gave them."""
    return [
        {owner_column: owner_id, "area_id": area, "position": position}
        for position, area in enumerate(areas)
    ]


# ---------------------------------------------------------------- rows -> records


def to_activity(row: RowMapping, areas: tuple[str, ...]) -> Activity:
    return Activity(
        locality_id=row["locality_id"],
        date=row["date"],
        kind=ActivityKind(row["kind"]),
        title=row["title"],
        participants=row["participants"],
        areas=areas,
        description=row["description"],
        id=row["id"],
        version=row["version"],
    )


def to_initiative(row: RowMapping, areas: tuple[str, ...]) -> Initiative:
    return Initiative(
        locality_id=row["locality_id"],
        title=row["title"],
        status=InitiativeStatus(row["status"]),
        description=row["description"],
        areas=areas,
        start=row["start_date"],
        end=row["end_date"],
        lead=row["lead"],
        partners=row["partners"],
        progress=row["progress"],
        lat=row["lat"],
        lon=row["lon"],
        id=row["id"],
        version=row["version"],
    )


def to_meeting(row: RowMapping, _areas: tuple[str, ...] = ()) -> StrategicMeeting:
    return StrategicMeeting(
        date=row["date"],
        title=row["title"],
        participants=row["participants"],
        themes=tuple(row["themes"] or ()),
        notes=row["notes"],
        id=row["id"],
        version=row["version"],
    )


def to_user(row: RowMapping) -> User:
    return User(
        username=row["username"],
        role=Role(row["role"]),
        password_hash=row["password_hash"],
        locality_id=row["locality_id"],
        active=bool(row["active"]),
        id=row["id"],
    )


def group_areas(rows: Iterable[Mapping[str, Any]], owner_column: str) -> dict[int, tuple[str, ...]]:
    """Join-table rows (owner, area, position) to each owner's areas in their given order."""
    found: dict[int, list[tuple[int, str]]] = {}
    for row in rows:
        found.setdefault(row[owner_column], []).append((row["position"], row["area_id"]))
    return {owner: tuple(area for _, area in sorted(pairs)) for owner, pairs in found.items()}
