"""The rules a group-work record must meet before it is saved, as pure functions.

Every function returns a list of ``Problem``s (messages for the
person at the form, Swedish or English) and an empty list when the record is
fine, so a form shows all problems at once and an import can place each one on
its row. Problems name the record's attribute as ``field`` (``title``,
``participants`` …): the form maps them to its inputs, the importer to its
columns.

Text that is too long is refused, never cut: silently losing the end of a
description is worse than being asked to shorten it. Text is otherwise stored
exactly as typed — escaping for HTML or spreadsheets is the job of whatever
shows or exports it, so ``<script>`` in a title is data, not a problem here.

Where a rule needs the world (today's date, which localities exist, whether a
point lies inside a locality's area), it is passed in, so the rules stay
testable without a database or geometry.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from indicators.core import errors
from indicators.core.errors import Problem
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.records import (
    AGE_BANDS,
    DESCRIPTION_MAX,
    MAX_PARTICIPANTS,
    NAME_MAX,
    NOTES_MAX,
    PARTNERS_MAX,
    REPRESENTATIONS,
    TITLE_MAX,
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
)
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing

FORM = errors.FORM
"""The ``file`` of a problem found in a form rather than a file (kept importable here)."""

AreaContains = Callable[[str, float, float], bool]
"""``area_contains(locality_id, lat, lon)``: whether the point lies in the locality's area.

The dashboard passes one built from geodata's areas (staff-supplied polygons or
the computed cells), so the rule and the map agree on where a locality ends.
"""

EARLIEST_DATE = date(2000, 1, 1)
"""Allas Vimmerby began in 2018 and SLUS in 2017; a date before 2000 is a typo (0218, 1918)."""
MAX_THEMES = 20
"""A strategic meeting's themes; more than this is a pasted list, not themes."""
MAX_MEMBERS = MAX_PARTICIPANTS
"""Upper bound on one composition count: a typo guard, not a real limit on groups."""
PROGRESS_MAX = 100

USERNAME_MIN = 2
USERNAME_MAX = 64
_USERNAME = re.compile(r"[a-z0-9åäöéü._@-]+")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
# C0 and C1 control characters except tab, line feed and carriage return, and
# lone surrogates (which cannot be stored as UTF-8).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

POINT_FIELD = "point"
"""Field name of a problem about the initiative's point as a whole (lat and lon)."""

KIND_NAMES_SV: dict[ActivityKind, str] = {
    ActivityKind.MEETING: "Möte",
    ActivityKind.EVENT: "Evenemang",
    ActivityKind.WORKSHOP: "Workshop",
    ActivityKind.WALK: "Vandring",
    ActivityKind.CLEANUP: "Städdag",
    ActivityKind.OTHER: "Annat",
}
STATUS_NAMES_SV: dict[InitiativeStatus, str] = {
    InitiativeStatus.IDEA: "Idé",
    InitiativeStatus.PLANNED: "Planerad",
    InitiativeStatus.ONGOING: "Pågår",
    InitiativeStatus.DONE: "Klar",
    InitiativeStatus.PAUSED: "Pausad",
}
ROLE_NAMES_SV: dict[Role, str] = {Role.ADMIN: "personal", Role.EDITOR: "redaktör"}
"""The UI's words; the stored value stays ``admin`` (``Role.ADMIN``)."""

# Extra spellings people type for a status or kind, beside the id and the label.
_ALIASES: dict[str, str] = {
    "ide": "idea",
    "pågående": "ongoing",
    "pagar": "ongoing",
    "pagaende": "ongoing",
    "klart": "done",
    "avslutad": "done",
    "städning": "cleanup",
    "stadning": "cleanup",
    "stadag": "cleanup",
    "clean-up": "cleanup",
    "clean up": "cleanup",
    "administratör": "admin",  # the admin role's Swedish name until "personal" was chosen
    "administrator": "admin",
}

_E = TypeVar("_E", bound=Enum)


# ---------------------------------------------------------------- vocabularies


def parse_kind(value: Any) -> ActivityKind | None:
    """The activity kind for an id (``walk``), a Swedish name (``Vandring``) or the enum; else None."""
    return _parse_enum(ActivityKind, KIND_NAMES_SV, value)


def parse_status(value: Any) -> InitiativeStatus | None:
    """The initiative status for an id (``ongoing``), a Swedish name (``Pågår``) or the enum; else None."""
    return _parse_enum(InitiativeStatus, STATUS_NAMES_SV, value)


def parse_role(value: Any) -> Role | None:
    """The role for ``admin``/``editor`` (or the Swedish names), or None."""
    return _parse_enum(Role, ROLE_NAMES_SV, value)


def _parse_enum(enum: type[_E], names: Mapping[_E, str], value: Any) -> _E | None:
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        return None
    wanted = value.strip().casefold()
    wanted = _ALIASES.get(wanted, wanted)
    for member in enum:
        if wanted in (str(member.value).casefold(), names[member].casefold()):
            return member
    return None


def _choices(names: Mapping[Any, str]) -> str:
    # Ids with the Swedish names beside them, in every language: both are what a file may contain.
    return ", ".join(f"{member.value} ({label})" for member, label in names.items())


# ---------------------------------------------------------------- normalising


def normalised_activity(record: Activity) -> Activity:
    """The record as it will be stored: title trimmed, kind as the enum, areas without repeats.

    Never fails: what cannot be normalised is left as it is, for the rules to refuse.
    """
    return replace(
        record,
        title=_trimmed(record.title),
        kind=parse_kind(record.kind) or record.kind,
        areas=_unique(record.areas),
        locality_id=_trimmed(record.locality_id),
    )


def normalised_initiative(record: Initiative) -> Initiative:
    """The record as it will be stored (see ``normalised_activity``); lead trimmed as well."""
    return replace(
        record,
        title=_trimmed(record.title),
        status=parse_status(record.status) or record.status,
        areas=_unique(record.areas),
        lead=_trimmed(record.lead),
        locality_id=_trimmed(record.locality_id),
    )


def normalised_meeting(record: StrategicMeeting) -> StrategicMeeting:
    """Title trimmed; themes trimmed, empty ones dropped, repeats removed."""
    themes = record.themes
    if isinstance(themes, tuple | list):
        themes = _unique(_trimmed(theme) for theme in themes)
        themes = tuple(theme for theme in themes if theme != "")
    return replace(record, title=_trimmed(record.title), themes=themes)


def _trimmed(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _unique(values: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(values, str):  # a single id passed where a tuple belongs: keep it for the rules
        return (values,)
    return tuple(dict.fromkeys(values))


# ---------------------------------------------------------------- records


def activity_problems(
    record: Activity, *, known_localities: Collection[str], today: date
) -> list[Problem]:
    """What is wrong with an activity: locality, date (not in the future), kind, title, participants, areas, text."""
    problems: list[Problem] = []
    problems += locality_problems(record.locality_id, known_localities)
    problems += date_problems(record.date, "date", required=True, latest=today)
    if parse_kind(record.kind) is None:
        problems.append(_unknown_choice("kind", record.kind, t("noun_activity_kind"), KIND_NAMES_SV))
    problems += text_problems(record.title, "title", TITLE_MAX, required=True, single_line=True)
    problems += count_problems(record.participants, "participants", MAX_PARTICIPANTS)
    problems += area_problems(record.areas)
    problems += text_problems(record.description, "description", DESCRIPTION_MAX)
    return problems


def initiative_problems(
    record: Initiative,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
) -> list[Problem]:
    """What is wrong with an initiative: locality, title, status, areas, dates in order,
    progress 0–100, text limits, and a point that is complete and inside the locality's area."""
    problems: list[Problem] = []
    locality = locality_problems(record.locality_id, known_localities)
    problems += locality
    problems += text_problems(record.title, "title", TITLE_MAX, required=True, single_line=True)
    if parse_status(record.status) is None:
        problems.append(_unknown_choice("status", record.status, t("noun_status"), STATUS_NAMES_SV))
    problems += area_problems(record.areas, required=True)
    problems += text_problems(record.description, "description", DESCRIPTION_MAX)
    start = date_problems(record.start, "start")
    end = date_problems(record.end, "end")
    problems += start + end
    if not start and not end and record.start is not None and record.end is not None:
        if record.end < record.start:
            problems.append(
                Problem(
                    FORM,
                    t("end_before_start", end=record.end.isoformat(), start=record.start.isoformat()),
                    field="end",
                )
            )
    problems += text_problems(record.lead, "lead", NAME_MAX, single_line=True)
    problems += text_problems(record.partners, "partners", PARTNERS_MAX)
    problems += count_problems(record.progress, "progress", PROGRESS_MAX, noun=t("noun_progress"))
    problems += point_problems(
        record.locality_id,
        record.lat,
        record.lon,
        area_contains=area_contains if not locality else None,
    )
    return problems


def composition_problems(
    record: Composition, *, known_localities: Collection[str]
) -> list[Problem]:
    """Counts only, for known representation × age band cells, each a whole number ≥ 0.

    The fixed keys are what keeps personal data out: there is no place to put a name.
    """
    problems = locality_problems(record.locality_id, known_localities)
    counts = record.counts
    if not isinstance(counts, Mapping):
        return problems + [Problem(FORM, t("composition_not_counts"), field="counts")]
    for key, value in counts.items():
        if (
            not isinstance(key, tuple)
            or len(key) != 2
            or key[0] not in REPRESENTATIONS
            or key[1] not in AGE_BANDS
        ):
            problems.append(
                Problem(
                    FORM,
                    t(
                        "composition_unknown_category",
                        category=repr(key),
                        representations=", ".join(REPRESENTATIONS),
                        age_bands=", ".join(AGE_BANDS),
                    ),
                    field="counts",
                )
            )
            continue
        field = composition_field(*key)
        if value is None:
            problems.append(Problem(FORM, t("count_missing"), field=field))
        else:
            problems += count_problems(value, field, MAX_MEMBERS, noun=t("noun_count"))
    return problems


def composition_field(representation: str, age_band: str) -> str:
    """The field name of one composition count, e.g. ``associations/40_64``."""
    return f"{representation}/{age_band}"


def meeting_problems(record: StrategicMeeting, *, today: date) -> list[Problem]:
    """A strategic meeting that has taken place: date (not in the future), title, participants, themes, notes."""
    problems: list[Problem] = []
    problems += date_problems(record.date, "date", required=True, latest=today)
    problems += text_problems(record.title, "title", TITLE_MAX, required=True, single_line=True)
    problems += count_problems(record.participants, "participants", MAX_PARTICIPANTS)
    themes = record.themes
    if not isinstance(themes, tuple | list):
        problems.append(Problem(FORM, t("themes_not_list"), field="themes"))
    else:
        if len(themes) > MAX_THEMES:
            problems.append(
                Problem(FORM, t("too_many_themes", maximum=MAX_THEMES, count=len(themes)), field="themes")
            )
        for theme in themes:
            problems += text_problems(theme, "themes", TITLE_MAX, single_line=True, noun=t("noun_theme"))
    problems += text_problems(record.notes, "notes", NOTES_MAX)
    return problems


def user_problems(
    username: str,
    role: Any,
    locality_id: str | None,
    *,
    known_localities: Collection[str],
) -> list[Problem]:
    """A new account's name, role and locality: an editor belongs to exactly one known locality, an admin to none."""
    problems = username_problems(username)
    the_role = parse_role(role)
    if the_role is None:
        problems.append(_unknown_choice("role", role, t("noun_role"), ROLE_NAMES_SV))
    elif the_role is Role.EDITOR:
        if not locality_id:
            problems.append(
                Problem(FORM, t("editor_needs_locality"), field="locality_id")
            )
        else:
            problems += locality_problems(locality_id, known_localities)
    elif locality_id:
        problems.append(
            Problem(
                FORM,
                t("admin_has_no_locality"),
                field="locality_id",
            )
        )
    return problems


def username_problems(username: str, field: str = "username") -> list[Problem]:
    """2–64 characters: lower-case letters, digits and ``. _ - @`` (an e-mail address works)."""
    if not isinstance(username, str) or not username.strip():
        return [Problem(FORM, t("username_missing"), field=field)]
    name = username.strip().casefold()
    if not USERNAME_MIN <= len(name) <= USERNAME_MAX:
        return [
            Problem(
                FORM,
                t("username_length", minimum=USERNAME_MIN, maximum=USERNAME_MAX),
                field=field,
            )
        ]
    if not _USERNAME.fullmatch(name):
        return [
            Problem(
                FORM,
                t("username_characters"),
                field=field,
            )
        ]
    return []


# ---------------------------------------------------------------- building blocks


def locality_problems(locality_id: Any, known_localities: Collection[str]) -> list[Problem]:
    """The locality must be one of the ten (or whatever the database holds)."""
    if not isinstance(locality_id, str) or not locality_id.strip():
        return [Problem(FORM, t("locality_missing"), field="locality_id")]
    if locality_id not in known_localities:
        listed = ", ".join(sorted(known_localities))
        return [
            Problem(
                FORM, t("locality_unknown_choose", locality=locality_id, valid=listed), field="locality_id"
            )
        ]
    return []


def text_problems(
    value: Any,
    field: str,
    limit: int,
    *,
    required: bool = False,
    single_line: bool = False,
    noun: str | None = None,
) -> list[Problem]:
    """Text within ``limit`` characters, without control characters; refused when too long, never cut.

    Control characters (other than line breaks and tabs in longer texts) are
    refused because nobody types them and they break exports: an Excel
    workbook cannot hold them at all. ``noun`` (a noun) names the
    text in the message; the default is "the text".
    """
    noun = noun or t("noun_text")
    if value is None:
        value = ""
    if not isinstance(value, str):
        return [Problem(FORM, t("text_not_text", noun=noun), field=field)]
    if required and not value.strip():
        return [Problem(FORM, t("required"), field=field)]
    if len(value) > limit:
        return [
            Problem(
                FORM,
                t("text_too_long", noun=noun, length=len(value), limit=limit),
                field=field,
            )
        ]
    if single_line and _LINE_BREAK.search(value):
        return [Problem(FORM, t("text_single_line", noun=noun), field=field)]
    bad = _CONTROL.search(value)
    if bad is not None:
        char = bad.group()
        if unicodedata.category(char) == "Cs":
            return [Problem(FORM, t("text_invalid_character", noun=noun), field=field)]
        return [
            Problem(
                FORM,
                t("text_control_character", noun=noun, code=f"{ord(char):04X}"),
                field=field,
            )
        ]
    return []


def count_problems(
    value: Any, field: str, maximum: int, *, noun: str | None = None
) -> list[Problem]:
    """Empty (unknown, never taken as 0) or a whole number from 0 to ``maximum``.

    ``noun`` (a noun) names the count; the default is the number of participants.
    """
    noun = noun or t("noun_participants")
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(FORM, t("count_not_whole", noun=noun), field=field)]
    if value < 0:
        return [Problem(FORM, t("count_negative", noun=noun, value=value), field=field)]
    if value > maximum:
        return [
            Problem(FORM, t("count_too_large", noun=noun, value=value, maximum=maximum), field=field)
        ]
    return []


def date_problems(
    value: Any,
    field: str,
    *,
    required: bool = False,
    latest: date | None = None,
) -> list[Problem]:
    """A date no earlier than 2000 and, when ``latest`` is given, not after it."""
    if value is None:
        return [Problem(FORM, t("date_missing"), field=field)] if required else []
    if not isinstance(value, date):
        return [Problem(FORM, t("not_a_date"), field=field)]
    if value < EARLIEST_DATE:
        return [
            Problem(
                FORM,
                t("date_too_early", date=value.isoformat(), earliest=EARLIEST_DATE.isoformat()),
                field=field,
            )
        ]
    if latest is not None and value > latest:
        return [
            Problem(
                FORM,
                t("date_in_future", date=value.isoformat(), today=latest.isoformat()),
                field=field,
            )
        ]
    return []


def area_problems(areas: Any, *, required: bool = False) -> list[Problem]:
    """Known SLUS development area ids (leva, arbeta, verka, trivas, kontakt, motas)."""
    valid = ", ".join(AREAS_BY_ID)
    if not isinstance(areas, tuple | list):
        return [Problem(FORM, t("areas_not_list", valid=valid), field="areas")]
    if required and not areas:
        return [
            Problem(
                FORM,
                t("areas_required", valid=valid),
                field="areas",
            )
        ]
    unknown = [area for area in areas if area not in AREAS_BY_ID]
    if unknown:
        shown = Listing([t("quoted", value=area) for area in unknown])
        return [Problem(FORM, t("areas_unknown", areas=shown, valid=valid), field="areas")]
    return []


def point_problems(
    locality_id: str,
    lat: Any,
    lon: Any,
    *,
    area_contains: AreaContains | None,
) -> list[Problem]:
    """No point, or both coordinates (WGS 84) inside the locality's area.

    ``area_contains`` is None when the locality is already known to be wrong;
    there is then no area to test against.
    """
    if lat is None and lon is None:
        return []
    if lat is None or lon is None:
        missing = "lat" if lat is None else "lon"
        return [
            Problem(
                FORM,
                t("point_incomplete"),
                field=missing,
            )
        ]
    problems: list[Problem] = []
    coordinates = ((lat, "lat", 90.0, t("noun_latitude")), (lon, "lon", 180.0, t("noun_longitude")))
    for value, field, bound, name in coordinates:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            problems.append(Problem(FORM, t("coordinate_not_number", name=name), field=field))
        elif not -bound <= value <= bound:
            message = t("coordinate_out_of_range", name=name, value=value, bound=f"{bound:g}")
            problems.append(Problem(FORM, message, field=field))
    if problems or area_contains is None:
        return problems
    if not area_contains(locality_id, float(lat), float(lon)):
        return [
            Problem(
                FORM,
                t("point_outside_area", lat=f"{lat:.5f}", lon=f"{lon:.5f}"),
                field=POINT_FIELD,
            )
        ]
    return []


def _unknown_choice(field: str, value: Any, noun: str, names: Mapping[Any, str]) -> Problem:
    shown = value.value if isinstance(value, Enum) else value
    if shown is None or (isinstance(shown, str) and not shown.strip()):
        return Problem(FORM, t("form_choice_missing", noun=noun, choices=_choices(names)), field=field)
    return Problem(FORM, t("choice_unknown", noun=noun, value=shown, choices=_choices(names)), field=field)
