"""Form values into domain records, with a problem per field, and the words for a form's outcome.

Dash hands forms over as loose values (strings, numbers, None); these functions turn them into
``Activity``/``Initiative`` records or raise ``InputError`` naming each field that is not even the
right type. The domain (``indicators.groupwork``) then checks rights and rules. Kept apart from
callbacks so the groups and staff pages parse and report the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from dash import html

from dashboard.i18n.messages import label_of, message, text
from dashboard.server.language import current_language
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import FORM, InputError, Problem
from indicators.core.numbers import parse_number
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)
from indicators.i18n.texts import N_, render
from indicators.observations.cells import shortened


def date_value(value: str | None, field: str, problems: list[Problem], required: bool) -> date | None:
    if not value:
        if required:
            problems.append(Problem(FORM, message("form_date_missing"), field=field))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(FORM, message("form_not_a_date", value=value), field=field))
        return None


def number_value(value, field: str, problems: list[Problem], *, suffix: str = "") -> float | None:
    """A typed number (``57,5905``, ``57.5905``, ``1 234``), or None for an empty field.

    Fields are text, not the browser's number fields, which drop a decimal comma; the one rule
    for reading them is ``indicators.core.numbers.parse_number``. ``suffix`` is a unit a person
    may type after the number (``50 %``). Bad input adds a problem naming the field.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        raw = value.strip()
        if suffix and raw.endswith(suffix):
            raw = raw[: -len(suffix)]
        number = parse_number(raw)
    else:
        number = None
    if number is None or not math.isfinite(number):
        problems.append(Problem(FORM, message("form_not_a_number", value=_shown(value)), field=field))
        return None
    return number


def integer_value(value, field: str, problems: list[Problem], *, suffix: str = "") -> int | None:
    """A typed whole number (``1 234`` with a space between thousands), or None for an empty field."""
    found: list[Problem] = []
    number = number_value(value, field, found, suffix=suffix)
    if found or (number is not None and not number.is_integer()):
        problems.append(Problem(FORM, message("form_not_an_integer", value=_shown(value)), field=field))
        return None
    return int(number) if number is not None else None


def coordinate_text(value: float | None, language: str | None = None) -> str:
    """A stored latitude or longitude as the form shows it: six decimals, with a comma in Swedish."""
    if value is None:
        return ""
    written = f"{value:.6f}".rstrip("0").rstrip(".")
    return written.replace(".", ",") if (language or current_language()) == "sv" else written


def _shown(value) -> str:
    """What a person typed, as a message quotes it (a pasted page is cut to its start)."""
    return shortened(str(value))


def activity_from_form(locality_id: str, values: dict, editing: dict | None) -> Activity:
    """The record the form describes; raises InputError for values that are not even the right type."""
    problems: list[Problem] = []
    when = date_value(values.get("date"), "date", problems, required=True)
    participants = integer_value(values.get("participants"), "participants", problems)
    try:
        kind = ActivityKind(values.get("kind"))
    except ValueError:
        problems.append(Problem(FORM, message("form_unknown_kind"), field="kind"))
        kind = ActivityKind.OTHER
    if problems:
        raise InputError(problems)
    return Activity(
        locality_id=locality_id, date=when, kind=kind, title=(values.get("title") or "").strip(),
        participants=participants, areas=tuple(values.get("areas") or ()),
        description=(values.get("description") or "").strip(),
        id=(editing or {}).get("id"), version=(editing or {}).get("version", 0),
    )


def initiative_from_form(locality_id: str, values: dict, editing: dict | None) -> Initiative:
    problems: list[Problem] = []
    start = date_value(values.get("start"), "start", problems, required=False)
    end = date_value(values.get("end"), "end", problems, required=False)
    progress = integer_value(values.get("progress"), "progress", problems, suffix="%")
    lat = number_value(values.get("lat"), "lat", problems)
    lon = number_value(values.get("lon"), "lon", problems)
    try:
        status = InitiativeStatus(values.get("status"))
    except ValueError:
        problems.append(Problem(FORM, message("form_unknown_status"), field="status"))
        status = InitiativeStatus.IDEA
    if problems:
        raise InputError(problems)
    return Initiative(
        locality_id=locality_id, title=(values.get("title") or "").strip(), status=status,
        description=(values.get("description") or "").strip(), areas=tuple(values.get("areas") or ()),
        start=start, end=end, lead=(values.get("lead") or "").strip(),
        partners=(values.get("partners") or "").strip(), progress=progress, lat=lat, lon=lon,
        id=(editing or {}).get("id"), version=(editing or {}).get("version", 0),
    )


def outcome_message(error: Exception | None, language: str | None = None, ok_key: str = N_("saved")) -> html.Div:
    """The same words for every form: what was wrong, or that it was saved."""
    if error is None:
        return html.P(text(ok_key, language), className="notice notice-ok", role="status")
    language = language or current_language()
    if isinstance(error, InputError):
        return html.Div([html.P(text("form_problems", language)),
                         html.Ul([html.Li(_problem_text(p, language)) for p in error.problems])],
                        className="notice notice-error")
    if isinstance(error, PermissionDenied):
        return html.P(text("permission_denied", language), className="notice notice-error")
    return html.P(render(error.args[0] if error.args else "", language), className="notice notice-error")


def form_message(problem: Problem, language: str | None = None) -> str:
    """A problem's message as a form says it.

    The rules are shared with the importers, whose "no area" names the areas' ids, the values of a
    file's column (``areas_required``); a form's reader ticks boxes with the areas' names instead.
    """
    if problem.field == "areas" and getattr(problem.message, "key", None) == "areas_required":
        return text("form_areas_required", language)
    return render(problem.message, language or current_language())


def _problem_text(problem: Problem, language: str) -> str:
    """"Titel: måste fyllas i" — the form's own label for the field, then the message."""
    message = form_message(problem, language)
    if not problem.field:
        return message
    return f"{label_of('field', problem.field, language)}: {message}"


def composition_from_form(counts: Mapping[tuple[str, str], object]) -> dict[tuple[str, str], int]:
    """The composition form's counts per (representation, age); empty means 0.

    Raises InputError naming each count that is not a whole number.
    """
    problems: list[Problem] = []
    parsed = {}
    for key, value in counts.items():
        number = integer_value(value, f"{key[0]}/{key[1]}", problems)
        parsed[key] = number if number is not None else 0
    if problems:
        raise InputError(problems)
    return parsed
