"""Text cells that a spreadsheet program shows as text and never runs as a formula.

Every CSV and Excel file the app writes goes through here (the comparison's open
data export in ``open_data``, the group-work export in ``groupwork_io``), so the
rule is written once.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is run as a formula when the file is opened in Excel or LibreOffice:
``=HYPERLINK("https://…?"&A1, "Klicka")`` in an imported indicator name or in an
initiative's title could send data elsewhere. So:

- **CSV:** such text is written with an apostrophe in front (``'=1+1``), which
  spreadsheet programs treat as the start of text. Text that itself starts with
  an apostrophe followed by one of those characters, or by another apostrophe,
  gets one more, so ``unescape_formula`` gives back exactly what was typed.
  Numbers are never passed through this: ``-2.5`` stays a number.
- **Excel:** text goes in as a text cell (``data_type`` ``"s"``), which is never
  evaluated, so it is shown exactly as typed without any apostrophe (only the
  rare text that starts with an apostrophe and one of those characters gets one
  more, so an import can undo the rule as for CSV).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a cell as a formula."""
QUOTE = "'"
"""What goes in front of such text in a CSV cell."""


def escape_formula(text: str) -> str:
    """``'`` in front of text a spreadsheet would run as a formula (and of text that already
    starts with ``'`` and one of those characters, so ``unescape_formula`` is exact)."""
    if text.startswith(FORMULA_STARTS) or is_quoted(text):
        return QUOTE + text
    return text


def unescape_formula(text: str) -> str:
    """The text as typed, from a cell written by ``escape_formula``."""
    return text[1:] if is_quoted(text) else text


def is_quoted(text: str) -> bool:
    """True for text that starts with the apostrophe ``escape_formula`` puts in front."""
    return len(text) >= 2 and text[0] == QUOTE and (text[1] in FORMULA_STARTS or text[1] == QUOTE)


def csv_value(value: Any) -> Any:
    """A value for a CSV cell: text made safe with ``escape_formula``, anything else as it is."""
    return escape_formula(value) if isinstance(value, str) else value


def excel_text(value: str) -> str:
    """The text to put in an Excel text cell: as typed, unless ``unescape_formula`` would change it."""
    return QUOTE + value if is_quoted(value) else value


def excel_cell(sheet: Any, value: Any) -> Any:
    """A value for ``sheet.append`` in a write-only workbook: text as a text cell, never a formula."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=excel_text(value))
    cell.data_type = "s"  # text, even when it starts with "=": Excel never evaluates it
    return cell


def text_cells_as_text(worksheets: Iterable[Any]) -> None:
    """Make every text cell of ordinary (not write-only) worksheets a text cell.

    openpyxl stores a string that starts with ``=`` as a formula; a writer that
    fills cells itself (pandas' ``to_excel``) calls this before saving.
    """
    for sheet in worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = excel_text(cell.value)
                    cell.data_type = "s"
