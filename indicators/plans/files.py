"""A plan to and from Excel: one workbook per locality and year (format in README, "Plans").

Three sheets, recognised by name: ``plan`` (rows of field and value:
``locality_id``, ``year``, ``version``, ``vision``), ``prioriteringar``
(``area``, ``priority``, ``why``) and ``handlingsplan`` (``what``, ``who``,
``start``, ``due``, ``status``, ``areas``, ``initiatives``; lists separated by
commas). The export writes the plan's ``version``, so the same file edited and
imported back is a change to that version, refused if the plan moved on since.

Import is all or nothing through ``service.save_plan``: the same rules and
permissions as the form, every problem located on its sheet, row and column.
Text cells are written as text cells (``spreadsheet_safety.excel_cell``), so
``=HYPERLINK(…)`` typed into a vision is never a formula in Excel.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook

from indicators.core.errors import ROW as _ROW
from indicators.core.errors import InputError, Problem
from indicators.core.spreadsheet_safety import excel_cell, unescape_formula
from indicators.groupwork.records import User
from indicators.i18n.messages import t
from indicators.plans import service
from indicators.plans.records import AreaPriority, Plan, PlanItem
from indicators.plans.rules import PLAN_ITEM
from indicators.plans.store import PlansStore

PLAN_SHEET = "plan"
PRIORITY_SHEET = "prioriteringar"
ITEM_SHEET = "handlingsplan"
PRIORITY_COLUMNS = ("area", "priority", "why")
ITEM_COLUMNS = ("what", "who", "start", "due", "status", "areas", "initiatives")
_SPLIT = re.compile(r"[\s,;]+")


def plan_workbook(plan: Plan) -> bytes:
    """The plan as an .xlsx file."""
    book = Workbook(write_only=True)
    head = book.create_sheet(PLAN_SHEET)
    for key, value in (("locality_id", plan.locality_id), ("year", plan.year), ("version", plan.version), ("vision", plan.vision)):
        head.append([excel_cell(head, key), excel_cell(head, value)])
    priorities = book.create_sheet(PRIORITY_SHEET)
    priorities.append(list(PRIORITY_COLUMNS))
    for p in plan.priorities:
        priorities.append([excel_cell(priorities, v) for v in (p.area_id, p.priority.value, p.why)])
    items = book.create_sheet(ITEM_SHEET)
    items.append(list(ITEM_COLUMNS))
    for item in plan.items:
        values = (
            item.what, item.who, item.start, item.due, item.status.value,
            ", ".join(item.areas), ", ".join(str(i) for i in item.initiative_ids),
        )  # fmt: skip
        items.append([excel_cell(items, v) for v in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_plan_workbook(data: bytes, name: str) -> Plan:
    """The plan in a workbook made like ``plan_workbook``; ``InputError`` with every problem located."""
    problems: list[Problem] = []
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file is one problem for the person
        raise InputError([Problem(name, t("plan_file_unreadable"))]) from None
    missing = [s for s in (PLAN_SHEET, PRIORITY_SHEET, ITEM_SHEET) if s not in book.sheetnames]
    if missing:
        raise InputError([Problem(name, t("plan_file_sheet_missing", sheet=s)) for s in missing])
    head = {str(row[0]).strip(): row[1] if len(row) > 1 else None for row in book[PLAN_SHEET].iter_rows(values_only=True) if row and row[0]}
    locality = _text(head.get("locality_id"))
    year, version = _whole(head.get("year")), _whole(head.get("version")) or 0
    if year is None:
        problems.append(Problem(name, t("plan_year_not_year"), field="year", sheet=PLAN_SHEET))
    priorities = []
    for number, row in _rows(book[PRIORITY_SHEET], PRIORITY_COLUMNS):
        priorities.append(AreaPriority(_text(row["area"]), _text(row["priority"]), _text(row["why"])))  # type: ignore[arg-type]
    items = []
    for number, row in _rows(book[ITEM_SHEET], ITEM_COLUMNS):
        dates = {}
        for column in ("start", "due"):
            dates[column] = _date(row[column])
            if dates[column] is False:
                problems.append(Problem(name, t("not_a_date"), number, column, sheet=ITEM_SHEET))
                dates[column] = None
        links = [part for part in _SPLIT.split(_text(row["initiatives"])) if part]
        bad = [part for part in links if not part.isdigit()]
        if bad:
            problems.append(Problem(name, t("plan_initiative_unknown", id=bad[0]), number, "initiatives", sheet=ITEM_SHEET))
        items.append(
            PlanItem(
                what=_text(row["what"]), who=_text(row["who"]), start=dates["start"], due=dates["due"],
                status=_text(row["status"]) or "not_started",  # type: ignore[arg-type]
                areas=tuple(a.casefold() for a in _SPLIT.split(_text(row["areas"])) if a),
                initiative_ids=tuple(int(part) for part in links if part.isdigit()),
            )
        )  # fmt: skip
    if problems:
        raise InputError(problems)
    return Plan(locality, year or 0, _text(head.get("vision")), tuple(priorities), tuple(items), version=version)


def import_plan_workbook(
    plans: PlansStore,
    user: User | None,
    data: bytes,
    name: str,
    *,
    known_localities: Collection[str],
    initiative_localities: Mapping[int, str],
    today: date | None = None,
) -> Plan:
    """Read, check and save a plan from a workbook: all or nothing, problems placed on their sheet and row.

    The file replaces the plan of its locality and year; its ``version`` must
    be the stored one (0 for a year without a plan), as with any save.
    """
    plan = read_plan_workbook(data, name)
    stored = plans.plan(plan.locality_id, plan.year) if plan.locality_id else None
    plan = replace(plan, id=stored.id if stored else None)
    try:
        return service.save_plan(
            plans, user, plan, known_localities=known_localities, initiative_localities=initiative_localities, today=today
        )
    except InputError as error:
        raise InputError([_located(problem, name) for problem in error.problems]) from None


def _located(problem: Problem, name: str) -> Problem:
    if problem.row_label == PLAN_ITEM and problem.row is not None:
        return replace(problem, file=name, sheet=ITEM_SHEET, row=problem.row + 1, row_label=_ROW)
    if problem.field and (problem.field.startswith(("priority", "why"))):
        return replace(problem, file=name, sheet=PRIORITY_SHEET)
    return replace(problem, file=name, sheet=PLAN_SHEET)


def _rows(sheet: Any, columns: tuple[str, ...]) -> list[tuple[int, dict[str, Any]]]:
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        return []
    header = [str(cell).strip().casefold() if cell is not None else "" for cell in rows[0]]
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in row):
            continue
        values = {column: (row[header.index(column)] if column in header and header.index(column) < len(row) else None) for column in columns}
        found.append((number, values))
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    return unescape_formula(str(value)) if isinstance(value, str) else str(value)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _date(value: Any) -> date | None | bool:
    """A date, None for an empty cell, False for something that is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return False


