"""Workshop input from a CSV file or an Excel sheet, recorded as ideas naming their meeting (docs/ideas-import.md).

A strategic meeting or workshop leaves a list of points: a title, perhaps a
description, the SLUS area(s), and the locality it concerns or the whole
municipality. Staff import such a list in one go; each point becomes a
published idea whose source is the meeting.

The import is **all or nothing**, like every other import: the file is read
with the shared table readers (``csv_tables``, ``excel_tables``, the limits of
``observations.limits``), every row is checked against the same rules as a
recorded idea (``ideas.rules``), and any problem anywhere means nothing is
saved. Every problem names the file, the sheet, the row and the column. Only
then does ``service.record_workshop_ideas`` write the ideas and one audit line
in one transaction. Permission comes first: a user who may not record workshop
input (anyone but staff) is refused before the file is read.

A locality is written as its id (``sodra-vi``) or its name (``Södra Vi``), in
any case; the whole municipality as one of ``WHOLE_MUNICIPALITY``. A locality
cell is never left empty, so a forgotten cell is not silently read as "the
whole municipality". The meeting is named by the ``meeting`` column or, for
the whole file, by the importer (``--meeting`` on the command line, the choice
beside the upload in the app): a stored strategic meeting's date
(``2017-02-09``) or its title.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.core import errors
from indicators.core.errors import InputError, Problem
from indicators.core.model import Locality
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.core.spreadsheet_safety import unescape_formula
from indicators.groupwork.records import StrategicMeeting, User
from indicators.groupwork.rules import AreaContains
from indicators.i18n.messages import t
from indicators.ideas import service
from indicators.ideas.records import Idea
from indicators.ideas.rules import idea_problems, normalised_idea
from indicators.ideas.store import IdeaStore
from indicators.observations import cells
from indicators.observations.cells import Cell
from indicators.observations.csv_tables import decode, read_csv_table, read_file_bytes
from indicators.observations.excel_tables import open_excel_table
from indicators.observations.importing import CSV, XLSX, format_of
from indicators.observations.limits import ImportLimits
from indicators.observations.tables import Table, did_you_mean, map_header

REQUIRED: tuple[str, ...] = ("title", "areas", "locality")
OPTIONAL: tuple[str, ...] = ("description", "meeting")
COLUMNS: tuple[str, ...] = ("title", "description", "areas", "locality", "meeting")
"""The columns of a workshop list, in the order the documentation shows them."""

WHOLE_MUNICIPALITY = ("kommunen", "hela kommunen", "municipality", "whole municipality")
"""What a locality cell says for a point about the whole municipality (case does not matter)."""

_AREA_IDS = {area.id: area.id for area in DEVELOPMENT_AREAS} | {
    area.short_name.casefold(): area.id for area in DEVELOPMENT_AREAS
}
_AREA_SEPARATORS = str.maketrans({",": " ", ";": " "})
_FIELD_TO_COLUMN = {"locality_id": "locality", "point": "locality"}
"""The rules name an idea's fields; the file's columns are called a little differently."""


@dataclass(frozen=True)
class WorkshopRow:
    """One point read from one row, with where it came from."""

    idea: Idea
    row: int
    sheet: str | None


@dataclass(frozen=True)
class WorkshopFile:
    """The checked points of one file."""

    file: str
    format: str
    rows: list[WorkshopRow]
    sha256: str


@dataclass(frozen=True)
class WorkshopImportReport:
    """What an import stored: how many ideas, from which file, for which meetings."""

    file: str
    format: str
    ideas: list[Idea]


class Meetings:
    """Finds a stored strategic meeting by its date or its title, as staff write them in a file."""

    def __init__(self, meetings: Sequence[StrategicMeeting]) -> None:
        self._by_title = {meeting.title.strip().casefold(): meeting for meeting in meetings}
        self._by_date: dict[str, list[StrategicMeeting]] = {}
        for meeting in meetings:
            self._by_date.setdefault(meeting.date.isoformat(), []).append(meeting)
        self._titles = [meeting.title for meeting in meetings]
        self._ids = {meeting.id for meeting in meetings}

    def find(self, written: str | int) -> tuple[int | None, str | None]:
        """(the meeting's id, None) or (None, what is wrong) for what a cell or the importer says.

        A number is a stored meeting's id (the app's choice beside the upload); text is a date or a title.
        """
        if isinstance(written, int):
            return (written, None) if written in self._ids else (None, t("workshop_meeting_unknown", value=str(written), hint=""))
        key = written.strip()
        if key.casefold() in self._by_title:
            return self._by_title[key.casefold()].id, None
        on_date = self._by_date.get(key, [])
        if len(on_date) == 1:
            return on_date[0].id, None
        if on_date:
            return None, t("workshop_meeting_ambiguous", date=key)
        return None, t("workshop_meeting_unknown", value=key, hint=did_you_mean(key, self._titles))


def read_workshop_file(
    data: bytes,
    name: str,
    *,
    localities: Mapping[str, str],
    meetings: Sequence[StrategicMeeting],
    meeting: str | int | None = None,
    sheet: str | None = None,
    limits: ImportLimits | None = None,
) -> WorkshopFile:
    """Every row of a CSV file or one Excel sheet as an idea; InputError listing every problem.

    ``localities`` maps each locality's id to its name; ``meeting`` names the
    meeting of every row without a ``meeting`` cell. The ideas are checked
    against the rules here, so each problem is located in the file.
    """
    fmt = format_of(data[:4096], name)
    if fmt not in (CSV, XLSX):
        raise InputError([Problem(name, t("workshop_format"))])
    found = Meetings(meetings)
    default_meeting: int | None = None
    problems: list[Problem] = []
    if isinstance(meeting, int) or (meeting is not None and meeting.strip()):
        default_meeting, wrong = found.find(meeting)
        if wrong is not None:
            raise InputError([Problem(name, wrong, field="meeting")])
    if fmt == CSV:
        table = read_csv_table(decode(data, name), name, limits=limits)
        rows = _read_table(table, localities, found, default_meeting, problems)
    else:
        with open_excel_table(io.BytesIO(data), name, sheet, limits=limits) as table:
            rows = _read_table(table, localities, found, default_meeting, problems)
    if not rows and not problems:
        raise InputError([Problem(name, t("workshop_nothing"))])
    if problems:
        raise InputError(sorted(problems, key=lambda problem: problem.row or 0))
    return WorkshopFile(name, fmt, rows, hashlib.sha256(data).hexdigest())


def import_workshop_bytes(
    ideas: IdeaStore,
    user: User | None,
    data: bytes,
    name: str,
    *,
    localities: Mapping[str, str],
    meetings: Sequence[StrategicMeeting],
    area_contains: AreaContains,
    meeting: str | int | None = None,
    sheet: str | None = None,
    limits: ImportLimits | None = None,
) -> WorkshopImportReport:
    """Check the whole file as ``user``, then record every point as a published idea, or nothing.

    ``PermissionDenied`` before the file is read for anyone but staff;
    ``InputError`` with every problem of every row otherwise.
    """
    require(user, Action.RECORD_WORKSHOP_IDEAS)
    file = read_workshop_file(
        data, name, localities=localities, meetings=meetings, meeting=meeting, sheet=sheet, limits=limits
    )
    records = [row.idea for row in file.rows]
    try:
        saved = service.record_workshop_ideas(
            ideas, user, records, meeting_id=None, known_localities=localities.keys(),
            area_contains=area_contains, file_name=name,
        )  # fmt: skip
    except InputError as error:  # the rules were met above; kept for a rule added to the service alone
        raise InputError(_to_file_rows(error.problems, file.rows, name)) from None
    return WorkshopImportReport(name, file.format, saved)


def import_workshop_file(
    ideas: IdeaStore,
    user: User | None,
    path: Path | str,
    *,
    localities: Mapping[str, str],
    meetings: Sequence[StrategicMeeting],
    area_contains: AreaContains,
    meeting: str | None = None,
    sheet: str | None = None,
    display_name: str | None = None,
) -> WorkshopImportReport:
    """``import_workshop_bytes`` for a file on disk (the command line)."""
    require(user, Action.RECORD_WORKSHOP_IDEAS)
    path = Path(path)
    name = display_name if display_name is not None else path.name
    return import_workshop_bytes(
        ideas, user, read_file_bytes(path, name), name, localities=localities, meetings=meetings,
        area_contains=area_contains, meeting=meeting, sheet=sheet,
    )  # fmt: skip


# ---------------------------------------------------------------- reading rows


def _read_table(
    table: Table,
    localities: Mapping[str, str],
    meetings: Meetings,
    default_meeting: int | None,
    problems: list[Problem],
) -> list[WorkshopRow]:
    columns = map_header(table, REQUIRED, OPTIONAL)
    if columns is None:
        problems += table.problems
        return []
    by_name = _locality_names(localities)
    known = localities.keys()
    rows: list[WorkshopRow] = []
    for number, row_cells in table.rows:
        values = {name: _text(row_cells[i] if i < len(row_cells) else None) for name, i in columns.items()}
        before = len(table.problems)
        locality = _locality(values.get("locality", ""), by_name, localities, table, number)
        meeting_id = default_meeting
        written_meeting = values.get("meeting", "")
        if written_meeting:
            meeting_id, wrong = meetings.find(written_meeting)
            if wrong is not None:
                table.problems.append(table.problem(wrong, row=number, column="meeting"))
        elif default_meeting is None:
            table.problems.append(table.problem(t("workshop_meeting_missing"), row=number, column="meeting"))
        idea = normalised_idea(
            Idea(
                locality_id=None if locality is _UNKNOWN else locality,
                title=values.get("title", ""),
                description=values.get("description", ""),
                areas=_areas(values.get("areas", "")),
                meeting_id=meeting_id,
            )
        )
        for problem in idea_problems(idea, known_localities=known, area_contains=_no_point, whole_municipality=True):
            column = _FIELD_TO_COLUMN.get(problem.field or "", problem.field)
            table.problems.append(table.problem(problem.message, row=number, column=column))
        if len(table.problems) == before:
            rows.append(WorkshopRow(idea, number, table.sheet))
    problems += table.problems
    return rows


_UNKNOWN = "\0unknown"
"""A locality that could not be read (its problem is already listed); checked as the whole municipality."""


def _locality(
    written: str, by_name: Mapping[str, str], localities: Mapping[str, str], table: Table, row: int
) -> str | None:
    """The locality id for a cell, None for the whole municipality, ``_UNKNOWN`` after listing a problem."""
    key = written.strip().casefold()
    if key in WHOLE_MUNICIPALITY:
        return None
    if key in by_name:
        return by_name[key]
    if not key:
        message = t("workshop_locality_empty", whole=WHOLE_MUNICIPALITY[0])
    else:
        names = list(localities.values())
        message = t(
            "workshop_locality_unknown", value=written.strip(), hint=did_you_mean(written.strip(), names),
            whole=WHOLE_MUNICIPALITY[0],
        )  # fmt: skip
    table.problems.append(table.problem(message, row=row, column="locality"))
    return _UNKNOWN


def _locality_names(localities: Mapping[str, str]) -> dict[str, str]:
    """Ids and names, case-folded, to the id."""
    found = {name.strip().casefold(): locality_id for locality_id, name in localities.items()}
    found.update({locality_id.casefold(): locality_id for locality_id in localities})
    return found


def _areas(written: str) -> tuple[str, ...]:
    """Area ids or short names (``Mötas``), separated by commas, semicolons or spaces; unknown ones kept for the rules."""
    return tuple(_AREA_IDS.get(part.casefold(), part) for part in written.translate(_AREA_SEPARATORS).split())


def _text(cell: Cell) -> str:
    """A cell as text, with the CSV formula guard (a leading apostrophe the app writes) removed."""
    if isinstance(cell, str):
        return unescape_formula(cell).strip()
    return cells.text(cell)


def _no_point(_locality_id: str, _lat: float, _lon: float) -> bool:
    """Workshop points have no place on the map, so no point is ever asked about."""
    return False


def _to_file_rows(problems: Sequence[Problem], rows: Sequence[WorkshopRow], name: str) -> list[Problem]:
    """The service names records by position; staff need the file's rows."""
    located = []
    for problem in problems:
        index = (problem.row or 0) - 1
        if problem.row_label in (errors.ROW, errors.RECORD) and 0 <= index < len(rows):
            row = rows[index]
            column = _FIELD_TO_COLUMN.get(problem.field or "", problem.field)
            located.append(Problem(name, problem.message, row.row, column, row.sheet))
        else:
            located.append(problem)
    return located


def localities_by_id(localities: Iterable[Locality]) -> dict[str, str]:
    """id → name, as the readers above take the localities."""
    return {locality.id: locality.name for locality in localities}


__all__ = [
    "COLUMNS",
    "REQUIRED",
    "WHOLE_MUNICIPALITY",
    "WorkshopFile",
    "WorkshopImportReport",
    "import_workshop_bytes",
    "import_workshop_file",
    "localities_by_id",
    "read_workshop_file",
]
