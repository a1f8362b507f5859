"""Activities and initiatives to and from CSV and Excel (columns in docs/groupwork-import.md).

**Export** writes everything public — all of it is public, so no sign-in is
needed — one row per record, with the record's ``id`` and ``version`` so the
same file can be edited and imported back as changes.

**Import** is all or nothing. Every row is read, checked against the same
rules a form meets (``groupwork_rules``) and against the importing user's
permissions, row by row and with the same two-sided rule as a save (the row's
locality and, for a row that changes a stored record, the stored record's
locality). Any problem anywhere means nothing is saved, and every problem is
reported with its file, sheet, row and column. Only then do the records go to
the store's bulk import, which writes them and the audit log in one transaction.
Importing the same file twice changes nothing: rows equal to what is stored
are counted as unchanged and not written.

**Spreadsheet formulas.** A CSV cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be run as a formula when the file is
opened in a spreadsheet program (``=HYPERLINK(…)`` can leak data). Such cells
are written with an apostrophe in front, which spreadsheet programs show as
text, and the importer removes it again, so text makes the round trip
unchanged. In Excel files, text is written as text cells, which Excel never
evaluates. The rule lives in ``spreadsheet_safety``, shared with every other
CSV and Excel file the app writes. User text is otherwise exported exactly as typed: ``<script>`` in a
title is data; escaping it for HTML is the job of whatever shows it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook

from indicators.accounts.gate import require_signed_in
from indicators.core import errors
from indicators.core.errors import InputError, Problem
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.core.spreadsheet_safety import (
    FORMULA_STARTS,  # noqa: F401  # re-exported: callers and tests name it here
    escape_formula,
    excel_cell,
    unescape_formula,
)
from indicators.groupwork.records import Activity, Initiative, User
from indicators.groupwork.rules import (
    POINT_FIELD,
    AreaContains,
    activity_problems,
    initiative_problems,
    normalised_activity,
    normalised_initiative,
)
from indicators.groupwork.service import check_import_row
from indicators.groupwork.store import BatchInputError, GroupworkStore
from indicators.i18n.messages import t
from indicators.observations import cells
from indicators.observations.cells import Cell, CellError
from indicators.observations.csv_tables import decode, read_csv_table, read_file_bytes
from indicators.observations.excel_tables import open_excel_table, sheet_names
from indicators.observations.import_log import ImportOrigin, utc_now
from indicators.observations.importing import CSV, XLSX, format_of
from indicators.observations.tables import Table, map_header
from indicators.storage.store import SaveResult

ACTIVITIES = "activities"
INITIATIVES = "initiatives"
KINDS: tuple[str, ...] = (ACTIVITIES, INITIATIVES)
PART_NAMES = {ACTIVITIES: "aktiviteter", INITIATIVES: "initiativ"}
"""What an export of both kinds calls its parts (part of the documented format): the suffixes of
its two CSV files, and the sheet names of its workbook. On import a sheet is recognised by its
header, not its name. (Not ``rules.KIND_NAMES_SV``, the names of the activity kinds.)"""

ACTIVITY_REQUIRED: tuple[str, ...] = ("locality_id", "date", "kind", "title")
ACTIVITY_COLUMNS: tuple[str, ...] = (
    "id",
    "version",
    "locality_id",
    "date",
    "kind",
    "title",
    "participants",
    "areas",
    "description",
)
INITIATIVE_REQUIRED: tuple[str, ...] = ("locality_id", "title", "status", "areas")
INITIATIVE_COLUMNS: tuple[str, ...] = (
    "id",
    "version",
    "locality_id",
    "title",
    "status",
    "areas",
    "start",
    "end",
    "progress",
    "lat",
    "lon",
    "lead",
    "partners",
    "description",
)
COLUMNS = {ACTIVITIES: ACTIVITY_COLUMNS, INITIATIVES: INITIATIVE_COLUMNS}
REQUIRED = {ACTIVITIES: ACTIVITY_REQUIRED, INITIATIVES: INITIATIVE_REQUIRED}

_AREA_SPLIT = re.compile(r"[\s,;]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AREA_IDS = {area.id: area.id for area in DEVELOPMENT_AREAS} | {
    area.short_name.casefold(): area.id for area in DEVELOPMENT_AREAS
}

Target = Path | str | BinaryIO

SAVE_ATTEMPTS = 3
"""How often an import checks and saves again when records changed between its check and its save."""


# ---------------------------------------------------------------- export


def activity_row(record: Activity) -> list[Any]:
    """One activity as cell values in ``ACTIVITY_COLUMNS`` order (dates as dates, None as empty)."""
    return [
        record.id,
        record.version,
        record.locality_id,
        record.date,
        _value(record.kind),
        record.title,
        record.participants,
        ",".join(record.areas),
        record.description,
    ]


def initiative_row(record: Initiative) -> list[Any]:
    """One initiative as cell values in ``INITIATIVE_COLUMNS`` order."""
    return [
        record.id,
        record.version,
        record.locality_id,
        record.title,
        _value(record.status),
        ",".join(record.areas),
        record.start,
        record.end,
        record.progress,
        record.lat,
        record.lon,
        record.lead,
        record.partners,
        record.description,
    ]


def csv_text(kind: str, records: Iterable[Activity] | Iterable[Initiative]) -> str:
    """A CSV table of activities or initiatives, every cell safe to open in a spreadsheet."""
    to_row = _row_function(kind)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS[kind])
    for record in records:
        writer.writerow([escape_formula(_csv_cell(value)) for value in to_row(record)])
    return out.getvalue()


def csv_bytes(kind: str, records: Iterable[Activity] | Iterable[Initiative]) -> bytes:
    """``csv_text`` as UTF-8 with a byte-order mark, so Excel shows å, ä and ö right."""
    return b"\xef\xbb\xbf" + csv_text(kind, records).encode("utf-8")


def write_workbook(
    target: Target,
    activities: Iterable[Activity] | None,
    initiatives: Iterable[Initiative] | None,
) -> None:
    """An Excel workbook with a sheet ``aktiviteter`` and/or a sheet ``initiativ``.

    Text goes in as text cells, never as formulas, whatever it starts with.
    """
    workbook = Workbook(write_only=True)
    for kind, records in ((ACTIVITIES, activities), (INITIATIVES, initiatives)):
        if records is None:
            continue
        sheet = workbook.create_sheet(PART_NAMES[kind])
        sheet.append(list(COLUMNS[kind]))
        to_row = _row_function(kind)
        for record in records:
            sheet.append([excel_cell(sheet, value) for value in to_row(record)])
    if isinstance(target, str | Path):
        workbook.save(str(target))
    else:
        workbook.save(target)


def workbook_bytes(
    activities: Iterable[Activity] | None, initiatives: Iterable[Initiative] | None
) -> bytes:
    """``write_workbook`` into memory, for a download."""
    buffer = io.BytesIO()
    write_workbook(buffer, activities, initiatives)
    return buffer.getvalue()


def export_groupwork(
    gw: GroupworkStore,
    path: Path | str,
    *,
    kinds: Sequence[str] = KINDS,
    locality_ids: Collection[str] | None = None,
) -> list[Path]:
    """Write what is stored to ``path`` (``.csv`` or ``.xlsx``); returns the files written.

    A workbook holds one sheet per kind. A CSV file holds one table, so with
    both kinds ``plan.csv`` becomes ``plan-aktiviteter.csv`` and
    ``plan-initiativ.csv``.
    """
    path = Path(path)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        raise ValueError(f"unknown kinds {unknown}; choose from {KINDS}")
    localities = list(locality_ids) if locality_ids is not None else None
    if path.suffix.lower() == ".xlsx":
        write_workbook(
            path,
            gw.activities(locality_ids=localities) if ACTIVITIES in kinds else None,
            gw.initiatives(locality_ids=localities) if INITIATIVES in kinds else None,
        )
        return [path]
    if path.suffix.lower() != ".csv":
        raise InputError([Problem(str(path), t("export_suffix"))])
    written = []
    for kind in kinds:
        target = path if len(kinds) == 1 else path.with_name(f"{path.stem}-{PART_NAMES[kind]}.csv")
        records = (
            gw.activities(locality_ids=localities)
            if kind == ACTIVITIES
            else gw.initiatives(locality_ids=localities)
        )
        target.write_bytes(csv_bytes(kind, records))
        written.append(target)
    return written


def _row_function(kind: str) -> Callable[[Any], list[Any]]:
    if kind == ACTIVITIES:
        return activity_row
    if kind == INITIATIVES:
        return initiative_row
    raise ValueError(f"unknown kind {kind!r}; choose from {KINDS}")


def _value(member: Any) -> Any:
    return getattr(member, "value", member)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # every digit, so a point comes back exactly where it was
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- import


@dataclass(frozen=True)
class Row:
    """A record read from one row, with where it came from."""

    kind: str
    record: Activity | Initiative
    row: int
    file: str
    sheet: str | None = None
    file_version: int | None = None
    """The version the file gives for the record; None when it gives none."""


@dataclass
class GroupworkFile:
    """The checked rows of one file, before permissions and the database are consulted."""

    file: str
    format: str
    rows: list[Row] = field(default_factory=list)
    sha256: str = ""

    def of(self, kind: str) -> list[Row]:
        return [row for row in self.rows if row.kind == kind]


@dataclass(frozen=True)
class GroupworkImportReport:
    """What an import did, per kind."""

    file: str
    format: str
    activities: SaveResult
    initiatives: SaveResult


def read_groupwork(data: bytes, name: str, *, sheet: str | None = None) -> GroupworkFile:
    """Every row of a CSV file or workbook as records; InputError listing every cell problem.

    A table is recognised by its header: ``status`` makes it initiatives,
    ``kind`` or ``date`` activities. A workbook's sheets are all read (or only
    ``sheet``); empty sheets are skipped.
    """
    file, problems = _read_file(data, name, sheet)
    if problems:
        raise InputError(problems)
    return file


def _read_file(data: bytes, name: str, sheet: str | None) -> tuple[GroupworkFile, list[Problem]]:
    """The rows that could be read, and the problems of those that could not.

    Structural problems (not a table, an unknown column, an empty file) raise
    at once; problems in cells are returned, so the rules can still check the
    other rows and the report lists everything in one round.
    """
    fmt = format_of(data[:4096], name)
    if fmt not in (CSV, XLSX):
        raise InputError([Problem(name, t("import_format"))])
    problems: list[Problem] = []
    rows: list[Row] = []
    if fmt == CSV:
        rows += _read_table(read_csv_table(decode(data, name), name), problems)
    else:
        names = [sheet] if sheet is not None else sheet_names(io.BytesIO(data), name)
        for sheet_name in names:
            with open_excel_table(io.BytesIO(data), name, sheet_name) as table:
                if table.header is None and sheet is None:
                    continue  # an empty extra sheet is not a problem
                rows += _read_table(table, problems)
    if not rows and not problems:
        raise InputError([Problem(name, t("import_nothing"))])
    return GroupworkFile(name, fmt, rows, hashlib.sha256(data).hexdigest()), problems


def import_groupwork(
    gw: GroupworkStore,
    user: User | None,
    path: Path | str,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
    display_name: str | None = None,
    sheet: str | None = None,
    today: date | None = None,
) -> GroupworkImportReport:
    """Import a file as ``user``; see ``import_groupwork_bytes``."""
    path = Path(path)
    name = display_name if display_name is not None else path.name
    return import_groupwork_bytes(
        gw,
        user,
        read_file_bytes(path, name),
        name,
        known_localities=known_localities,
        area_contains=area_contains,
        sheet=sheet,
        today=today,
    )


def import_groupwork_bytes(
    gw: GroupworkStore,
    user: User | None,
    data: bytes,
    name: str,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
    sheet: str | None = None,
    today: date | None = None,
) -> GroupworkImportReport:
    """Check every row (cells, rules, permission, stored versions), then save all or nothing.

    Raises PermissionDenied for a user who may not edit anything at all (not
    signed in, deactivated) before the file is read; otherwise InputError with
    every problem of every row, or StaleWriteError if a record changed between
    the check and the save.
    """
    require_signed_in(user)
    assert user is not None
    file, read_problems = _read_file(data, name, sheet)
    the_day = today or date.today()

    def check(row: Row) -> list[Problem]:
        if row.kind == ACTIVITIES:
            assert isinstance(row.record, Activity)
            return activity_problems(row.record, known_localities=known_localities, today=the_day)
        assert isinstance(row.record, Initiative)
        return initiative_problems(
            row.record, known_localities=known_localities, area_contains=area_contains
        )

    origin = ImportOrigin(
        user=user.username, file=name, format=file.format, sha256=file.sha256, at=utc_now()
    )
    for attempt in range(1, SAVE_ATTEMPTS + 1):
        problems = list(read_problems)
        stored_activities = {a.id: a for a in gw.activities()} if file.of(ACTIVITIES) else {}
        stored_initiatives = {i.id: i for i in gw.initiatives()} if file.of(INITIATIVES) else {}
        to_save: dict[str, list[tuple[Any, Row]]] = {ACTIVITIES: [], INITIATIVES: []}
        unchanged: dict[str, int] = {ACTIVITIES: 0, INITIATIVES: 0}
        for kind, stored in ((ACTIVITIES, stored_activities), (INITIATIVES, stored_initiatives)):
            to_save[kind], unchanged[kind] = _plan(user, file.of(kind), stored, check, problems)
        if problems:
            raise InputError(_in_file_order(problems))

        results = {kind: SaveResult(unchanged=unchanged[kind]) for kind in KINDS}
        # Every kind in the file goes in one transaction (a workbook with both sheets lands whole
        # or not at all); a batch is saved even when every row is already stored, so the import
        # log records that the file was tried.
        batches = [(kind, [record for record, _row in to_save[kind]]) for kind in KINDS if file.of(kind)]
        try:
            saved = gw.import_batches(batches, username=user.username, origin=origin)
        except BatchInputError as error:
            # Someone saved a record between the check and the save. Check again against what
            # is stored now: a row without a version then overwrites the new save (last write
            # wins), a row whose version is now old is refused naming both versions.
            if attempt < SAVE_ATTEMPTS:
                continue
            # The store names records by their position in the batch; staff need the file's rows.
            raise InputError(_to_file_rows(error.problems, [row for _r, row in to_save[error.batch]])) from None
        for kind, result in saved.items():
            results[kind] += result
        return GroupworkImportReport(name, file.format, results[ACTIVITIES], results[INITIATIVES])
    raise AssertionError("unreachable: the last attempt returns or raises")


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems by sheet (in the order first met) and row; stable, so a row's problems keep their order."""
    sheets: dict[str | None, int] = {}
    for problem in problems:
        sheets.setdefault(problem.sheet, len(sheets))
    return sorted(problems, key=lambda p: (sheets[p.sheet], p.row or 0))


def _to_file_rows(problems: Sequence[Problem], rows: Sequence[Row]) -> list[Problem]:
    located = []
    for problem in problems:
        index = (problem.row or 0) - 1
        if problem.row_label == errors.RECORD and 0 <= index < len(rows):
            row = rows[index]
            located.append(Problem(row.file, problem.message, row.row, problem.field, row.sheet))
        else:
            located.append(problem)
    return located


def _plan(
    user: User,
    rows: list[Row],
    stored: dict[int | None, Any],
    check: Callable[[Row], list[Problem]],
    problems: list[Problem],
) -> tuple[list[tuple[Any, Row]], int]:
    """The records to save (with their rows) and how many new rows are already stored; problems appended.

    The rules of docs/groupwork-import.md, "New or changed" and "Idempotent":
    a row with an id changes the stored record with that id. It is refused as
    stale only when it gives a version, that version is not the stored one and
    it says something else than what is stored; a row that says what is stored
    is unchanged whatever its version, so an edited file imported twice changes
    nothing the second time. A row without a version overwrites what is stored
    (last write wins). Rows with an id go to the store even when they change
    nothing (the store counts them as unchanged, and the import log with it);
    a row without an id whose content is stored already is counted here, so
    importing a hand-made file twice adds nothing.
    """
    by_content = {_content(record): record for record in stored.values()}
    seen_ids: dict[int, int] = {}
    seen_content: dict[Any, int] = {}
    to_save: list[tuple[Any, Row]] = []
    unchanged = 0
    for row in rows:
        record = row.record
        before = len(problems)
        for problem in check(row):
            problems.append(_located(problem, row))
        previous = None
        if record.id is not None:
            previous = stored.get(record.id)
            if record.id in seen_ids:
                problems.append(
                    _at(row, "id", t("id_repeated", id=record.id, row=seen_ids[record.id]))
                )
            seen_ids.setdefault(record.id, row.row)
            if previous is None:
                problems.append(
                    _at(row, "id", t("id_unknown", id=record.id))
                )
        content = _content(record)
        if record.id is None:
            if content in seen_content:
                problems.append(
                    _at(row, None, t("row_duplicate", row=seen_content[content]))
                )
            seen_content.setdefault(content, row.row)
        denied = check_import_row(user, record, previous)
        if denied is not None:
            problems.append(_at(row, "locality_id", denied))
        if (
            previous is not None
            and row.file_version is not None
            and row.file_version != previous.version
            and _content(record) != _content(previous)
        ):
            problems.append(
                _at(
                    row,
                    "version",
                    t("file_version_changed", file_version=row.file_version, stored_version=previous.version),
                )
            )
        if len(problems) > before:
            continue
        if previous is not None:
            to_save.append((replace(record, version=previous.version), row))
        elif content in by_content:
            unchanged += 1  # the same row imported before
        else:
            to_save.append((replace(record, version=0), row))
    return to_save, unchanged


def _content(record: Any) -> Any:
    """What the record says, without its identity: two equal contents are the same row."""
    return replace(record, id=None, version=0)


def _located(problem: Problem, row: Row) -> Problem:
    column = "lat" if problem.field == POINT_FIELD else problem.field
    return Problem(row.file, problem.message, row.row, column, row.sheet)


def _at(row: Row, column: str | None, message: str) -> Problem:
    return Problem(row.file, message, row.row, column, row.sheet)


# ---------------------------------------------------------------- reading cells


def table_kind(table: Table) -> str | None:
    """``initiatives`` for a header with ``status``, ``activities`` for ``kind`` or ``date``; else None."""
    names = set(table.header_names())
    if "status" in names:
        return INITIATIVES
    if names & {"kind", "date"}:
        return ACTIVITIES
    return None


def _read_table(table: Table, problems: list[Problem]) -> list[Row]:
    kind = table_kind(table)
    if kind is None:
        if table.header is None:
            problems += table.problems
            problems.append(table.problem(t("file_empty")))
            return []
        problems.append(
            table.problem(
                t(
                    "header_unrecognised",
                    activity_columns=", ".join(ACTIVITY_REQUIRED),
                    initiative_columns=", ".join(INITIATIVE_REQUIRED),
                ),
                row=table.header_row,
            )
        )
        return []
    required = REQUIRED[kind]
    optional = tuple(name for name in COLUMNS[kind] if name not in required)
    columns = map_header(table, required, optional)
    if columns is None:
        problems += table.problems
        return []
    reader = _read_activity if kind == ACTIVITIES else _read_initiative
    rows: list[Row] = []
    for number, row_cells in table.rows:
        values = {name: row_cells[i] if i < len(row_cells) else None for name, i in columns.items()}
        found = _Cells(table, number, table.problems)
        record, version = reader(found, values)
        if record is not None:
            rows.append(Row(kind, record, number, table.file_name, table.sheet, version))
    problems += table.problems
    return rows


@dataclass
class _Cells:
    """Reads the cells of one row, recording a problem for each that cannot be read."""

    table: Table
    row: int
    problems: list[Problem]
    failed: bool = False

    def fail(self, column: str, message: str) -> None:
        self.failed = True
        self.problems.append(self.table.problem(message, row=self.row, column=column))

    def text(self, values: dict[str, Cell], column: str) -> str:
        """Free text as written (a CSV formula guard removed); numbers and dates as text."""
        cell = values.get(column)
        if cell is None:
            return ""
        if isinstance(cell, str):
            return unescape_formula(cell)
        return cells.text(cell)

    def whole(self, values: dict[str, Cell], column: str, noun: str) -> int | None:
        number = self.decimal(values, column)
        if number is None:
            return None
        if not number.is_integer():
            self.fail(column, t("cell_not_whole", noun=noun, value=self.text(values, column).strip()))
            return None
        return int(number)

    def decimal(self, values: dict[str, Cell], column: str) -> float | None:
        cell = values.get(column)
        if isinstance(cell, str):
            cell = unescape_formula(cell)
        try:
            return cells.number(cell)
        except CellError as error:
            self.fail(column, error.args[0] if error.args else str(error))  # keeps a Text translatable
            return None

    def day(self, values: dict[str, Cell], column: str) -> date | None:
        cell = values.get(column)
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        raw = self.text(values, column).strip()
        if not raw:
            return None
        if _ISO_DATE.fullmatch(raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        self.fail(column, t("cell_not_date", value=raw))
        return None

    def areas(self, values: dict[str, Cell], column: str) -> tuple[str, ...]:
        """Area ids or short names (``Mötas``), separated by commas, semicolons or spaces."""
        raw = self.text(values, column)
        found = []
        for part in _AREA_SPLIT.split(raw.strip()):
            if part:
                found.append(_AREA_IDS.get(part.casefold(), part))
        return tuple(found)


def _identity(found: _Cells, values: dict[str, Cell]) -> tuple[int | None, int | None]:
    record_id = found.whole(values, "id", t("noun_id"))
    if record_id is not None and record_id < 1:
        found.fail("id", t("id_not_positive", value=record_id))
    version = found.whole(values, "version", t("noun_version"))
    if version is not None and version < 0:
        found.fail("version", t("version_negative", value=version))
    if version is not None and record_id is None:
        version = None  # a version without an id says nothing: the row is new
    return record_id, version


def _read_activity(found: _Cells, values: dict[str, Cell]) -> tuple[Activity | None, int | None]:
    record_id, version = _identity(found, values)
    the_date = found.day(values, "date")
    participants = found.whole(values, "participants", t("noun_participants"))
    if found.failed:
        return None, None
    record = Activity(
        locality_id=found.text(values, "locality_id").strip(),
        date=the_date,  # type: ignore[arg-type]  # None is refused by the rules with a message
        kind=found.text(values, "kind"),  # type: ignore[arg-type]  # normalised to the enum
        title=found.text(values, "title"),
        participants=participants,
        areas=found.areas(values, "areas"),
        description=found.text(values, "description"),
        id=record_id,
        version=version or 0,
    )
    return normalised_activity(record), version


def _read_initiative(found: _Cells, values: dict[str, Cell]) -> tuple[Initiative | None, int | None]:
    record_id, version = _identity(found, values)
    start = found.day(values, "start")
    end = found.day(values, "end")
    progress = found.whole(values, "progress", t("noun_progress"))
    lat = found.decimal(values, "lat")
    lon = found.decimal(values, "lon")
    if found.failed:
        return None, None
    record = Initiative(
        locality_id=found.text(values, "locality_id").strip(),
        title=found.text(values, "title"),
        status=found.text(values, "status"),  # type: ignore[arg-type]  # normalised to the enum
        description=found.text(values, "description"),
        areas=found.areas(values, "areas"),
        start=start,
        end=end,
        lead=found.text(values, "lead"),
        partners=found.text(values, "partners"),
        progress=progress,
        lat=lat,
        lon=lon,
        id=record_id,
        version=version or 0,
    )
    return normalised_initiative(record), version

