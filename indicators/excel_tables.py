"""Reading one sheet of an Excel workbook (.xlsx) into a ``Table``.

openpyxl's read-only mode streams rows, so a large workbook is not loaded whole.
Two things that are harmless to a person reading a sheet are refused, because
they change what a program reads: a workbook with several sheets (which one
holds the figures?) unless the sheet is named, and merged cells (only the first
cell of a merged range has a value, so the others would read as empty — in a
header, a missing column name; in the data, a silently missing year).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from indicators import cells
from indicators.cells import Cell
from indicators.errors import InputError, Problem
from indicators.import_texts import t
from indicators.tables import Table
from indicators.texts import Listing

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"')
_CHUNK = 1 << 20
_OVERLAP = 256


@contextmanager
def open_excel_table(
    path: Path | BinaryIO, file_name: str, sheet: str | None = None
) -> Iterator[Table]:
    """The chosen sheet as a Table, readable inside the ``with`` block.

    Raises InputError for a file that is not a workbook, an unknown or missing
    sheet name, or merged cells.
    """
    workbook = _load(path, file_name)
    try:
        yield _table(workbook, file_name, sheet)
    finally:
        workbook.close()


def sheet_names(path: Path | BinaryIO, file_name: str) -> list[str]:
    """The workbook's worksheet names in tab order."""
    workbook = _load(path, file_name)
    try:
        return [ws.title for ws in workbook.worksheets]
    finally:
        workbook.close()


def _load(path: Path | BinaryIO, file_name: str) -> Workbook:
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise InputError(
            [
                Problem(
                    file_name,
                    t("not_a_workbook", error=error),
                )
            ]
        ) from error


def _table(workbook: Workbook, file_name: str, wanted: str | None) -> Table:
    worksheet = _choose_sheet(workbook, file_name, wanted)
    title = worksheet.title
    expected_rows = worksheet.max_row
    # Some programs write a wrong size into the file; trusting it would cut rows off.
    worksheet.reset_dimensions()
    rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
    header_row, header = _first_non_empty(rows)
    problems: list[Problem] = []
    merges = _merged_ranges(workbook, worksheet)
    for ref, first_row, last_row in merges:
        if header_row is not None and first_row <= header_row <= last_row:
            problems.append(
                Problem(
                    file_name,
                    t("merged_header", ref=ref),
                    row=header_row,
                    sheet=title,
                )
            )
        else:
            problems.append(
                Problem(
                    file_name,
                    t("merged_cells", ref=ref),
                    row=first_row,
                    sheet=title,
                )
            )
    if problems:
        raise InputError(problems)
    if header is None:
        return Table(file_name, None, 1, iter(()), sheet=title, problems=problems)
    width = _trimmed_width(header)
    total = expected_rows - header_row if expected_rows else None
    return Table(
        file_name,
        list(header[:width]),
        header_row,
        _within_header(rows, width, file_name, title, problems),
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


def _first_non_empty(
    rows: Iterator[tuple[int, Sequence[Cell]]],
) -> tuple[int | None, Sequence[Cell] | None]:
    for number, row in rows:
        if any(not cells.is_empty(cell) for cell in row):
            return number, row
    return None, None


def _trimmed_width(header: Sequence[Cell]) -> int:
    """The header without the empty cells Excel keeps to the right of it."""
    width = len(header)
    while width and cells.is_empty(header[width - 1]):
        width -= 1
    return width


def _within_header(
    rows: Iterator[tuple[int, Sequence[Cell]]],
    width: int,
    file_name: str,
    sheet: str,
    problems: list[Problem],
) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Non-empty rows; a value to the right of the last named column is a problem."""
    for number, row in rows:
        if not row:
            continue
        extra = [
            index
            for index in range(width, len(row))
            if not cells.is_empty(row[index])
        ]
        if extra:
            where = Listing([f"{get_column_letter(i + 1)}{number}" for i in extra])
            message = (t("cell_without_heading", cells=where) if len(extra) == 1
                       else t("cells_without_heading", cells=where))
            problems.append(
                Problem(
                    file_name,
                    message,
                    row=number,
                    sheet=sheet,
                )
            )
            continue
        if any(not cells.is_empty(cell) for cell in row):
            yield number, row


def _merged_ranges(workbook: Workbook, worksheet) -> list[tuple[str, int, int]]:
    """Merged ranges as (``A1:C1``, first row, last row), read from the sheet's XML.

    Read-only worksheets do not expose merges, so the ``mergeCell`` elements
    (after the cell data) are found by streaming the sheet part in chunks.
    """
    found: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    # openpyxl keeps the zip and the sheet's part name on read-only sheets.
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
