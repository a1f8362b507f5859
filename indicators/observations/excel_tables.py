"""Reading one sheet of an Excel workbook (.xlsx) into a ``Table``.

The sheet is streamed row by row (openpyxl's read-only parser), so a large
workbook is not loaded whole. Several things that are harmless to a person
reading a sheet are refused, because they change what a program reads:

- a workbook with several sheets (which one holds the figures?) unless the
  sheet is named;
- merged cells (only the first cell of a merged range has a value, so the others
  would read as empty — in a header, a missing column name; in the data, a
  silently missing year);
- a formula without a saved result (a program that is not Excel cannot compute
  it, so ``=2021`` in the ``year`` column would read as empty: an undated
  figure). Excel saves results; files written by scripts often do not.

A workbook is a zip archive of XML parts, and any of them can be damaged.
openpyxl reads rows lazily, so a broken part can surface while rows are read,
long after the file was opened; every such failure becomes an ``InputError``
naming the file (and the sheet and row where known), never a traceback. Before
anything is parsed, the archive's unpacked size and number of parts are checked
against ``indicators.observations.limits`` (a small zip can unpack to gigabytes of XML), and
the data rows are counted against the row limit while they are read.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from indicators.core.errors import InputError, Problem
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing, Number
from indicators.observations import cells
from indicators.observations.cells import Cell
from indicators.observations.limits import (
    MB,
    XLSX_MB_ENV,
    XLSX_PARTS_ENV,
    ImportLimits,
    ProblemList,
    resolve_limits,
    too_many_rows,
)
from indicators.observations.tables import Table

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"')
_CHUNK = 1 << 20
_OVERLAP = 256
_MAX_REASON = 160

DAMAGED: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,  # also a CRC mismatch, which is how a part that lies about its size ends
    zlib.error,
    InvalidFileException,
    LookupError,  # KeyError for a missing part, IndexError, an unknown XML encoding
    ValueError,  # also UnicodeDecodeError and bad cell references
    TypeError,
    AttributeError,
    EOFError,
    OverflowError,
    SyntaxError,  # xml.etree.ElementTree.ParseError: truncated or invalid XML
    OSError,
    RuntimeError,  # an encrypted part; RecursionError
    NotImplementedError,  # a compression method zipfile does not support
    struct.error,
)
"""What reading a damaged workbook raises, from zipfile, zlib, the XML parser or openpyxl."""


@dataclass(frozen=True)
class _Uncomputed:
    """In a row in place of a formula's value: the file holds the formula but no saved result."""


@dataclass(frozen=True)
class _Unreadable:
    """In a row in place of a value the file holds but that cannot be read (``raw`` as written)."""

    raw: str


_UNCOMPUTED = _Uncomputed()
_Value = Cell | _Uncomputed | _Unreadable


@contextmanager
def open_excel_table(
    path: Path | BinaryIO,
    file_name: str,
    sheet: str | None = None,
    *,
    limits: ImportLimits | None = None,
) -> Iterator[Table]:
    """The chosen sheet as a Table, readable inside the ``with`` block.

    Raises InputError for a file that is not a workbook or is damaged, one over
    the limits, an unknown or missing sheet name, merged cells — and, while its
    rows are read, for a damaged sheet, too many rows, formulas without a saved
    result and cells that cannot be read.
    """
    chosen = resolve_limits(limits)
    workbook = _load(path, file_name, chosen)
    try:
        try:
            table = _table(workbook, file_name, sheet, chosen)
        except DAMAGED as error:
            raise _damaged(file_name, sheet, None, error) from error
        yield table
    finally:
        _close(workbook)


def sheet_names(
    path: Path | BinaryIO, file_name: str, *, limits: ImportLimits | None = None
) -> list[str]:
    """The workbook's worksheet names in tab order."""
    workbook = _load(path, file_name, resolve_limits(limits))
    try:
        return [ws.title for ws in workbook.worksheets]
    except DAMAGED as error:
        raise _damaged(file_name, None, None, error) from error
    finally:
        _close(workbook)


def check_archive(path: Path | BinaryIO, file_name: str, bounds: ImportLimits) -> None:
    """Refuse a zip whose parts are too many or unpack to more than the limit, before parsing.

    The sizes are those the archive declares. A part that declares less than
    it holds cannot get past this either: Python's zipfile stops reading a
    part at its declared size and then fails its checksum (a ``BadZipFile``,
    refused as a damaged workbook).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except DAMAGED as error:
        raise InputError([Problem(file_name, t("not_a_workbook", error=_reason(error)))]) from error
    finally:
        if not isinstance(path, str | Path):
            path.seek(0)
    if len(parts) > bounds.max_xlsx_parts:
        raise InputError(
            [
                Problem(
                    file_name,
                    t(
                        "workbook_too_many_parts",
                        count=Number(len(parts)),
                        limit=Number(bounds.max_xlsx_parts),
                        setting=XLSX_PARTS_ENV,
                    ),
                )
            ]
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > bounds.max_xlsx_uncompressed_bytes:
        raise InputError(
            [
                Problem(
                    file_name,
                    t(
                        "workbook_too_large",
                        size=Number(round(unpacked / MB, 1)),
                        limit=Number(bounds.max_xlsx_uncompressed_mb),
                        setting=XLSX_MB_ENV,
                    ),
                )
            ]
        )


def _load(path: Path | BinaryIO, file_name: str, bounds: ImportLimits) -> Workbook:
    check_archive(path, file_name, bounds)
    reader = None
    try:
        # What openpyxl's load_workbook does, except that a failure closes the archive
        # (load_workbook leaves it open, to fail again when it is garbage collected).
        reader = ExcelReader(path, read_only=True, data_only=True)
        reader.read()
        return reader.wb
    except DAMAGED as error:
        if reader is not None:
            reader.archive.close()
        raise InputError([Problem(file_name, t("not_a_workbook", error=_reason(error)))]) from error


def _close(workbook: Workbook) -> None:
    try:
        workbook.close()
    except DAMAGED:
        pass  # closing a damaged archive can fail too; the file was only read


def _damaged(
    file_name: str, sheet: str | None, row: int | None, error: BaseException, problems: list[Problem] | None = None
) -> InputError:
    """The InputError for a workbook that broke while being read, after the problems already found."""
    problem = Problem(file_name, t("workbook_damaged", error=_reason(error)), row=row, sheet=sheet)
    return InputError([*(problems or []), problem])


def _reason(error: BaseException) -> str:
    """What went wrong, short: the library's words are technical but help whoever repairs the file."""
    words = str(error).strip() or type(error).__name__
    return words if len(words) <= _MAX_REASON else words[: _MAX_REASON - 1] + "…"


def _table(workbook: Workbook, file_name: str, wanted: str | None, bounds: ImportLimits) -> Table:
    worksheet = _choose_sheet(workbook, file_name, wanted)
    title = worksheet.title
    # From the sheet's own dimension record: only an estimate for progress, since some
    # programs write a wrong one; the rows themselves are read to the end regardless.
    expected_rows = worksheet.max_row
    problems: list[Problem] = ProblemList(file_name, bounds.max_problems)
    rows = _guarded(_sheet_rows(workbook, worksheet), file_name, title, problems)
    header_row, header = _first_non_empty(rows)
    try:
        # Reads the whole part, so a damaged stream (a zlib error) is usually met here first.
        merges = _merged_ranges(workbook, worksheet)
    except DAMAGED as error:
        raise _damaged(file_name, title, None, error, problems) from error
    for ref, first_row, last_row in merges:
        if header_row is not None and first_row <= header_row <= last_row:
            problems.append(Problem(file_name, t("merged_header", ref=ref), row=header_row, sheet=title))
        else:
            problems.append(Problem(file_name, t("merged_cells", ref=ref), row=first_row, sheet=title))
    if header is not None:
        for index, cell in enumerate(header):
            message = _marker_message(cell, index, header_row)
            if message is not None:
                problems.append(Problem(file_name, message, row=header_row, sheet=title))
    if problems:
        raise InputError(problems)
    if header is None:
        return Table(file_name, None, 1, iter(()), sheet=title, problems=problems)
    assert header_row is not None
    width = _trimmed_width(header)
    names = [cells.text(cell) for cell in header[:width]]  # type: ignore[arg-type]
    total = expected_rows - header_row if expected_rows else None
    return Table(
        file_name,
        list(header[:width]),  # type: ignore[arg-type]
        header_row,
        _within_header(rows, names, file_name, title, problems, bounds),
        sheet=title,
        total_rows=total,
        problems=problems,
    )


def _choose_sheet(workbook: Workbook, file_name: str, wanted: str | None):
    sheets = workbook.worksheets
    names = [ws.title for ws in sheets]
    listed = Listing([t("quoted", value=name) for name in names])
    if wanted is not None:
        for ws in sheets:
            if ws.title == wanted:
                return ws
        for ws in sheets:
            if ws.title.casefold() == wanted.strip().casefold():
                return ws
        raise InputError(
            [Problem(file_name, t("sheet_not_found", sheet=wanted, sheets=listed))]
        )
    if not sheets:
        raise InputError([Problem(file_name, t("no_sheets"))])
    if len(sheets) > 1:
        raise InputError(
            [
                Problem(
                    file_name,
                    t("several_sheets", count=len(sheets), sheets=listed),
                )
            ]
        )
    return sheets[0]


class _SheetParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, reading saved results (not formulas), with three changes.

    A formula cell without a saved result gives ``_UNCOMPUTED`` instead of None
    (which would read as an empty cell); a value that cannot be converted (an
    integer of thousands of digits, a shared-string index that does not exist)
    gives ``_Unreadable`` for that one cell instead of failing the whole sheet;
    and row attributes are not collected (the library keeps them for every
    row, which a reader of values does not need).
    """

    def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
        number = row.get("r")
        if number is not None:
            as_float = float(number)  # "2.0" is written by some programs; "x" fails the sheet
            if not as_float.is_integer():
                raise ValueError(f"{number} is not a valid row number")
            self.row_counter = int(as_float)
        else:
            self.row_counter += 1
        self.col_counter = 0
        return self.row_counter, [self.parse_cell(element) for element in row]

    def parse_cell(self, element: Any) -> dict[str, Any]:
        try:
            cell = super().parse_cell(element)
        except (ValueError, LookupError, TypeError, OverflowError) as error:
            coordinate = element.get("r")
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)  # a bad reference fails the sheet
            elif self.col_counter:
                row, column = self.row_counter, self.col_counter
            else:
                raise error
            raw = element.findtext(VALUE_TAG) or ""
            return {"row": row, "column": column, "value": _Unreadable(raw)}
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            # t="str" with an empty <v> is a formula whose result is empty text; openpyxl and
            # other scripts write a formula with no or an empty <v> and no type.
            computed_empty = element.get("t") == "str" and element.find(VALUE_TAG) is not None
            if not computed_empty:
                cell["value"] = _UNCOMPUTED
        return cell


_Sparse = list[tuple[int, _Value]]
"""The cells a row holds in the file, as (1-based column, value); empty columns are absent."""


def _sheet_rows(workbook: Workbook, worksheet: Any) -> Iterator[tuple[int, _Sparse]]:
    """The sheet's rows that have cells, numbered as in the sheet, each as the cells it holds.

    Rows stay sparse until the header's width is known: a cell in column XFD
    would otherwise make every row 16,384 cells wide. Rows with no cells are
    not generated (openpyxl's ``iter_rows`` fills them in, which a row number
    of 10^12 turns into an endless loop).
    """
    # openpyxl keeps the zip and the sheet's part name on read-only sheets.
    with workbook._archive.open(worksheet._worksheet_path) as source:  # noqa: SLF001
        parser = _SheetParser(
            source,
            worksheet._shared_strings,  # noqa: SLF001
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,  # noqa: SLF001
            timedelta_formats=workbook._timedelta_formats,  # noqa: SLF001
        )
        for number, found in parser.parse():
            if found:
                yield number, [(cell["column"], cell["value"]) for cell in found]


def _dense(found: _Sparse, width: int | None = None) -> list[_Value]:
    """The row as a list of ``width`` values (default: up to its last cell); None where empty."""
    if width is None:
        width = max((column for column, _ in found), default=0)
    values: list[_Value] = [None] * width
    for column, value in found:
        if 1 <= column <= width:
            values[column - 1] = value
    return values


def _guarded(
    rows: Iterator[tuple[int, _Sparse]],
    file_name: str,
    sheet: str,
    problems: list[Problem],
) -> Iterator[tuple[int, _Sparse]]:
    """The rows; a sheet that breaks while being read is an InputError at the row after the last good one."""
    last = 0
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except DAMAGED as error:
            raise _damaged(file_name, sheet, last + 1, error, problems) from error
        last = number
        yield number, row


def _first_non_empty(
    rows: Iterator[tuple[int, _Sparse]],
) -> tuple[int | None, Sequence[_Value] | None]:
    for number, found in rows:
        if any(not _empty(value) for _, value in found):
            return number, _dense(found)
    return None, None


def _empty(cell: _Value) -> bool:
    return not isinstance(cell, _Uncomputed | _Unreadable) and cells.is_empty(cell)


def _trimmed_width(header: Sequence[_Value]) -> int:
    """The header without the empty cells Excel keeps to the right of it."""
    width = len(header)
    while width and _empty(header[width - 1]):
        width -= 1
    return width


def _marker_message(cell: _Value, index: int, row: int | None):
    """The problem with a cell the file holds no usable value for; None for an ordinary cell."""
    where = f"{get_column_letter(index + 1)}{row}"
    if isinstance(cell, _Uncomputed):
        return t("formula_without_value", cell=where)
    if isinstance(cell, _Unreadable):
        return t("cell_unreadable", cell=where, value=cells.shortened(cell.raw))
    return None


def _within_header(
    rows: Iterator[tuple[int, _Sparse]],
    names: list[str],
    file_name: str,
    sheet: str,
    problems: list[Problem],
    bounds: ImportLimits,
) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Non-empty rows as wide as the header; a value right of the last named column, or a cell
    without a value, is a problem."""
    width = len(names)
    count = 0
    for number, found in rows:
        if not any(not _empty(value) for _, value in found):
            continue
        count += 1
        if count > bounds.max_rows:
            problems.append(too_many_rows(file_name, number, bounds, sheet))
            raise InputError(problems)
        extra = sorted({column for column, value in found if column > width and not _empty(value)})
        if extra:
            where = Listing([f"{get_column_letter(column)}{number}" for column in extra])
            message = (t("cell_without_heading", cells=where) if len(extra) == 1
                       else t("cells_without_heading", cells=where))
            problems.append(Problem(file_name, message, row=number, sheet=sheet))
            continue
        row = _dense(found, width)
        broken = False
        for index, cell in enumerate(row):
            message = _marker_message(cell, index, number)
            if message is not None:
                problems.append(Problem(file_name, message, row=number, field=names[index] or None, sheet=sheet))
                broken = True
        if not broken:
            yield number, row  # type: ignore[misc]  # no markers left in it


def _merged_ranges(workbook: Workbook, worksheet: Any) -> list[tuple[str, int, int]]:
    """Merged ranges as (``A1:C1``, first row, last row), read from the sheet's XML.

    Read-only worksheets do not expose merges, so the ``mergeCell`` elements
    (after the cell data) are found by streaming the sheet part in chunks.
    """
    found: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    archive = workbook._archive  # noqa: SLF001
    with archive.open(worksheet._worksheet_path) as part:  # noqa: SLF001
        tail = b""
        while chunk := part.read(_CHUNK):
            data = tail + chunk
            for match in _MERGE.finditer(data):
                ref = match.group(1).decode("ascii", "replace")
                if ref in seen:
                    continue
                seen.add(ref)
                try:
                    _, first_row, _, last_row = range_boundaries(ref)
                except ValueError:
                    continue
                found.append((ref, first_row or 1, last_row or first_row or 1))
            tail = data[-_OVERLAP:]
    return found
