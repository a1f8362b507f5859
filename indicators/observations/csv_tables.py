"""Reading a CSV file into a ``Table``, forgiving about what Swedish Excel does to it.

A BOM, ``;`` as delimiter (Swedish Excel, where ``,`` is the decimal mark) and
Windows line endings are all accepted. Row numbers are file lines (the header
is line 1), even when a quoted cell spans lines, so staff find the row in a
text editor as well as in Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from indicators.core.errors import InputError, Problem
from indicators.i18n.messages import t
from indicators.observations.cells import Cell
from indicators.observations.limits import (
    ImportLimits,
    ProblemList,
    resolve_limits,
    too_many_rows,
)
from indicators.observations.tables import Table

_UTF8_BOM = b"\xef\xbb\xbf"


def read_csv_table(text: str, file_name: str, *, limits: ImportLimits | None = None) -> Table:
    """The table in ``text`` (already decoded, see ``decode``).

    Reading its rows raises InputError once there are more data rows than
    ``limits.max_rows`` (by default the limits the environment sets).
    """
    bounds = resolve_limits(limits)
    problems: list[Problem] = ProblemList(file_name, bounds.max_problems)
    records = _records(text, file_name, problems)
    first = next(records, None)
    if first is None:
        return Table(file_name, None, 1, iter(()), problems=problems)
    header_line, header = first
    return Table(
        file_name,
        header,
        header_line,
        _same_width(records, len(header), file_name, problems, bounds),
        total_rows=max(text.count("\n") - header_line, 0),
        problems=problems,
    )


def read_file_bytes(path: Path, file_name: str) -> bytes:
    """The file's bytes; a file that cannot be read is an InputError naming it."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(file_name, t("file_unreadable", reason=reason))]) from error


def decode(data: bytes, file_name: str) -> str:
    """Decode as UTF-8 (BOM allowed), pointing at the line where decoding fails."""
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
                    t("not_utf8"),
                    row=line,
                )
            ]
        ) from error


def sniff_delimiter(header_line: str) -> str:
    """Swedish Excel writes ``;`` because ``,`` is the decimal mark; others write ``,``."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _records(text: str, file_name: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Non-blank CSV records with their starting line; a quoted cell may span lines."""
    first_line = next((line for line in io.StringIO(text) if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    previous_end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.append(
                Problem(file_name, t("csv_row_unreadable", error=error), row=reader.line_num)
            )
            previous_end = reader.line_num
            continue
        start, previous_end = previous_end + 1, reader.line_num
        if cells and (cells[0].strip() or any(cell.strip() for cell in cells)):
            yield start, cells


def _same_width(
    records: Iterator[tuple[int, list[str]]],
    width: int,
    file_name: str,
    problems: list[Problem],
    bounds: ImportLimits,
) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Rows as wide as the header; any other is a problem (a stray delimiter or quote).

    Stops with an InputError at the first data row over the row limit.
    """
    count = 0
    for line, cells in records:
        count += 1
        if count > bounds.max_rows:
            problems.append(too_many_rows(file_name, line, bounds))
            raise InputError(problems)
        if len(cells) == width:
            yield line, cells
        else:
            problems.append(
                Problem(
                    file_name,
                    t("csv_row_width", cells=len(cells), width=width),
                    row=line,
                )
            )
