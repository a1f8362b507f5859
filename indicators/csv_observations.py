"""The long-format observations CSV: one figure per row, as staff keep them in Excel.

Columns: ``indicator_id, locality_id, year, value, source`` (required) and
``basis, source_date`` (optional). The reader is deliberately forgiving about
what Swedish Excel does to a file (a BOM, ``;`` as delimiter, decimal comma) and
strict about everything that would silently change a figure's meaning (unknown
ids, a typo in a column name, two rows for the same key). It checks every row
and reports all problems at once, so a file is fixed in one round.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from pathlib import Path

from indicators.errors import InputError, Problem
from indicators.model import Observation

REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "locality_id", "year", "value", "source")
OPTIONAL_COLUMNS: tuple[str, ...] = ("basis", "source_date")
ALL_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

EARLIEST_YEAR = 1800
"""No statistics the dashboard compares go further back; older years are typos."""

HEADER_ROW = 1
_MAX_LISTED_IDS = 12

_UTF8_BOM = b"\xef\xbb\xbf"
_YEAR = re.compile(r"[+-]?\d+")
# A plain decimal number with either decimal mark, optionally in e-notation.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# Spaces Excel and people put between thousands: space, no-break, narrow no-break.
_THOUSANDS_SPACES = str.maketrans("", "", " \u00a0\u202f")


@dataclass(frozen=True)
class _Row:
    """One data record with the file line it starts on, for messages."""

    line: int
    cells: list[str]


def read_observations_csv(
    path: Path,
    *,
    indicator_ids: Collection[str],
    place_ids: Collection[str],
    display_name: str | None = None,
    current_year: int | None = None,
) -> list[Observation]:
    """Read a whole observations file or nothing: raises InputError listing every problem.

    ``place_ids`` are the ids an observation may be about (the localities plus
    the municipality and Sweden); ``display_name`` is how the file is named in
    messages, since a web upload's temporary path means nothing to the user.
    """
    path = Path(path)
    name = display_name if display_name is not None else path.name
    text = _read_text(path, name)
    return parse_observations_text(
        text,
        indicator_ids=indicator_ids,
        place_ids=place_ids,
        file_name=name,
        current_year=current_year if current_year is not None else date.today().year,
    )


def parse_observations_text(
    text: str,
    *,
    indicator_ids: Collection[str],
    place_ids: Collection[str],
    file_name: str,
    current_year: int,
) -> list[Observation]:
    """Pure core of the loader, separate so an upload already in memory needs no file."""
    problems: list[Problem] = []
    rows = _records(text, file_name, problems)
    header = next(rows, None)
    if header is None:
        raise InputError(
            problems
            + [
                Problem(
                    file_name,
                    "filen är tom; första raden ska vara rubrikerna "
                    + ", ".join(REQUIRED_COLUMNS),
                    row=HEADER_ROW,
                )
            ]
        )
    columns = _check_header(header, file_name, problems)
    if columns is None:
        raise InputError(problems)

    checker = _RowChecker(
        file_name=file_name,
        columns=columns,
        width=len(header.cells),
        indicator_ids=frozenset(indicator_ids),
        place_ids=frozenset(place_ids),
        current_year=current_year,
        problems=problems,
    )
    observations = [obs for row in rows if (obs := checker.check(row)) is not None]
    if problems:
        raise InputError(problems)
    return observations


def _read_text(path: Path, file_name: str) -> str:
    """Decode as UTF-8 (BOM allowed), pointing at the line where decoding fails."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(file_name, f"filen kunde inte läsas ({reason})")]) from error
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            [
                Problem(
                    file_name,
                    "filen är inte i teckenkodningen UTF-8 (till exempel å, ä eller ö "
                    "kan inte läsas); spara filen som UTF-8 "
                    "(i Excel: ”CSV UTF-8 (kommaavgränsad)”)",
                    row=line,
                )
            ]
        ) from error


def sniff_delimiter(header_line: str) -> str:
    """Swedish Excel writes ``;`` because ``,`` is the decimal mark; others write ``,``."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _records(text: str, file_name: str, problems: list[Problem]) -> Iterator[_Row]:
    """Non-blank CSV records with their starting line; a quoted cell may span lines."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    previous_end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                Problem(file_name, f"raden kan inte läsas som CSV ({error})", row=reader.line_num)
            )
            previous_end = reader.line_num
            continue
        start, previous_end = previous_end + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield _Row(start, cells)


def _check_header(header: _Row, file_name: str, problems: list[Problem]) -> dict[str, int] | None:
    """Map column name to cell index; None when a required column is missing.

    Unknown columns are problems too, because a typo like ``valeu`` would
    otherwise look like a missing optional column and lose the data silently.
    """
    columns: dict[str, int] = {}
    for index, raw in enumerate(header.cells):
        name = raw.strip().lower()
        if not name:
            problems.append(
                Problem(file_name, f"kolumn {index + 1} saknar rubrik", row=header.line)
            )
        elif name in columns:
            problems.append(
                Problem(file_name, "kolumnen finns två gånger", row=header.line, field=name)
            )
        elif name not in ALL_COLUMNS:
            problems.append(
                Problem(
                    file_name,
                    "okänd kolumn"
                    + _did_you_mean(name, ALL_COLUMNS)
                    + "; tillåtna kolumner är "
                    + ", ".join(ALL_COLUMNS),
                    row=header.line,
                    field=raw.strip(),
                )
            )
        else:
            columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    for name in missing:
        problems.append(Problem(file_name, "kolumnen saknas", row=header.line, field=name))
    return None if missing else columns


@dataclass
class _RowChecker:
    """Checks one data row at a time, remembering keys to catch duplicates."""

    file_name: str
    columns: dict[str, int]
    width: int
    indicator_ids: frozenset[str]
    place_ids: frozenset[str]
    current_year: int
    problems: list[Problem]

    def __post_init__(self) -> None:
        self._seen: dict[tuple[str, str, int | None, str], int] = {}

    def check(self, row: _Row) -> Observation | None:
        """The row's observation, or None after recording why it cannot be one."""
        if len(row.cells) != self.width:
            self._problem(
                row,
                None,
                f"raden har {len(row.cells)} fält men rubrikraden har {self.width}; "
                "kontrollera avgränsare och citattecken",
            )
            return None
        before = len(self.problems)
        indicator_id = self._known(row, "indicator_id", self.indicator_ids, "indikator")
        place_id = self._known(row, "locality_id", self.place_ids, "ort")
        year = self._year(row)
        value = self._value(row)
        source = self._cell(row, "source")
        if not source:
            self._problem(row, "source", "källa saknas; ange varifrån uppgiften kommer")
        basis = self._cell(row, "basis")
        source_date = self._cell(row, "source_date") or None
        if len(self.problems) > before:
            return None
        key = (indicator_id, place_id, year, basis)
        if key in self._seen:
            self._problem(
                row,
                None,
                f"dubblett: samma som rad {self._seen[key]} "
                "(samma indicator_id, locality_id, year och basis)",
            )
            return None
        self._seen[key] = row.line
        return Observation(
            indicator_id=indicator_id,
            place_id=place_id,
            year=year,
            value=value,
            source=source,
            basis=basis,
            source_date=source_date,
        )

    def _cell(self, row: _Row, column: str) -> str:
        index = self.columns.get(column)
        return row.cells[index].strip() if index is not None else ""

    def _problem(self, row: _Row, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file_name, message, row=row.line, field=column))

    def _known(self, row: _Row, column: str, known: frozenset[str], noun: str) -> str:
        value = self._cell(row, column)
        if not value:
            self._problem(row, column, f"{noun} saknas")
        elif value not in known:
            self._problem(row, column, f"okänd {noun} ”{value}”" + _valid_ids(value, known))
        return value

    def _year(self, row: _Row) -> int | None:
        raw = self._cell(row, "year")
        if not raw:
            return None  # an undated figure, e.g. "about 500" from a parish page
        if not _YEAR.fullmatch(raw):
            self._problem(
                row,
                "year",
                f"”{raw}” är inget årtal; skriv till exempel 2020, "
                "eller lämna tomt för en odaterad uppgift",
            )
            return None
        year = int(raw)
        if year < EARLIEST_YEAR:
            self._problem(row, "year", f"årtalet {year} är före {EARLIEST_YEAR}")
        elif year > self.current_year:
            self._problem(row, "year", f"årtalet {year} är efter {self.current_year}")
        return year

    def _value(self, row: _Row) -> float | None:
        raw = self._cell(row, "value")
        if not raw:
            return None  # missing, which is not the same as 0
        value = parse_number(raw)
        if value is None:
            self._problem(
                row,
                "value",
                f"”{raw}” är inget tal; skriv till exempel 12.5 eller 12,5, "
                "eller lämna tomt om värdet saknas",
            )
        return value


def parse_number(raw: str) -> float | None:
    """A number written the Swedish or the English way; None when it is not one.

    Accepts a decimal comma and spaces between thousands, but not both ``,``
    and ``.`` at once: ``1,234.5`` is ambiguous and guessing would corrupt data.
    """
    text = raw.strip().translate(_THOUSANDS_SPACES).replace("\u2212", "-")
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def _did_you_mean(value: str, known: Sequence[str]) -> str:
    close = get_close_matches(value, known, n=1, cutoff=0.6)
    return f" (menade du ”{close[0]}”?)" if close else ""


def _valid_ids(value: str, known: frozenset[str]) -> str:
    """A hint naming a few valid ids, the likeliest intended one first."""
    ordered = sorted(known)
    close = get_close_matches(value.lower(), ordered, n=1, cutoff=0.6)
    hint = f" (menade du ”{close[0]}”?)" if close else ""
    shown = ordered[:_MAX_LISTED_IDS]
    if len(ordered) > len(shown):
        return f"{hint}; giltiga id är bland andra {', '.join(shown)}, …"
    return f"{hint}; giltiga id är {', '.join(shown)}"
