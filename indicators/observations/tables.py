"""A spreadsheet as the importers see it: a header and numbered rows of cells.

CSV files and Excel sheets are read into this one shape, so what a column means
(observations or the catalogue) is decided once for both formats. Rows are an
iterator, read lazily, so a million-row file is never held twice in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches

from indicators.core.errors import Problem
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing, Text
from indicators.observations import cells
from indicators.observations.cells import Cell

Progress = Callable[[int, int | None], None]
"""Called now and then with (rows read, rows expected or None) while a file is read."""

PROGRESS_EVERY = 10_000
"""Rows between progress calls: often enough for a bar, rare enough to cost nothing."""


@dataclass
class Table:
    """A header and the data rows below it; ``header`` is None for an empty file.

    ``problems`` is shared with whoever consumes the rows: a reader appends what
    it finds (an unreadable CSV line) while the consumer appends row problems,
    so the report lists them in file order.
    """

    file_name: str
    header: Sequence[Cell] | None
    header_row: int
    rows: Iterator[tuple[int, Sequence[Cell]]]
    sheet: str | None = None
    total_rows: int | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: Text | str, row: int | None = None, column: str | None = None) -> Problem:
        """A problem located in this table (file, sheet, row, column)."""
        return Problem(self.file_name, message, row, column, self.sheet)

    def header_names(self) -> list[str]:
        """The header cells as lower-case names, for telling file kinds apart."""
        return [cells.text(cell).lower() for cell in self.header or ()]


def map_header(
    table: Table, required: Sequence[str], optional: Sequence[str]
) -> dict[str, int] | None:
    """Map column name to cell index; None when the header cannot be used.

    Names are trimmed and case-insensitive. Unknown columns are problems too,
    because a typo like ``valeu`` would otherwise look like a missing optional
    column and lose the data silently.
    """
    allowed = tuple(required) + tuple(optional)
    if table.header is None:
        table.problems.append(
            table.problem(
                t("empty_file", columns=Listing(required)),
                row=table.header_row,
            )
        )
        return None
    columns: dict[str, int] = {}
    before = len(table.problems)
    for index, cell in enumerate(table.header):
        raw = cells.text(cell)
        name = raw.lower()
        if not name:
            table.problems.append(
                table.problem(t("column_without_heading", number=index + 1), row=table.header_row)
            )
        elif name in columns:
            table.problems.append(
                table.problem(t("column_twice"), row=table.header_row, column=name)
            )
        elif name not in allowed:
            table.problems.append(
                table.problem(
                    t("unknown_column", hint=did_you_mean(name, allowed), columns=Listing(allowed)),
                    row=table.header_row,
                    column=raw,
                )
            )
        else:
            columns[name] = index
    for name in required:
        if name not in columns:
            table.problems.append(
                table.problem(t("column_missing"), row=table.header_row, column=name)
            )
    return None if len(table.problems) > before else columns


def did_you_mean(value: str, known: Sequence[str]) -> Text | str:
    """`` (menade du ”value”?)`` when one known name is close, else ``""``.

    Meant as the ``hint`` parameter of a message, so it renders in the message's language.
    """
    close = get_close_matches(value, known, n=1, cutoff=0.6)
    return t("did_you_mean", name=close[0]) if close else ""
