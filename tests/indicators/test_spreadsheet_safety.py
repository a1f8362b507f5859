"""The one rule for spreadsheet cells (indicators.core.spreadsheet_safety): text that Excel or
LibreOffice would run as a formula is written so that it is shown as text, in CSV (an
apostrophe in front) and Excel (text cells); numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from indicators.core import spreadsheet_safety
from indicators.core.spreadsheet_safety import (
    FORMULA_STARTS,
    csv_value,
    escape_formula,
    excel_cell,
    text_cells_as_text,
    unescape_formula,
)
from indicators.groupwork import files as groupwork_io
from indicators.metrics.open_data import formula_safe, to_csv_bytes, to_xlsx_bytes

PAYLOADS = ('=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-2+3", "\t=1", "\r=1", "=1+1")


def test_groupwork_uses_the_shared_rule():
    assert groupwork_io.escape_formula is spreadsheet_safety.escape_formula
    assert groupwork_io.unescape_formula is spreadsheet_safety.unescape_formula
    assert groupwork_io.FORMULA_STARTS is spreadsheet_safety.FORMULA_STARTS


@pytest.mark.parametrize("text", PAYLOADS)
def test_formula_text_gets_an_apostrophe_that_unescape_removes(text):
    assert escape_formula(text) == "'" + text
    assert unescape_formula(escape_formula(text)) == text


@pytest.mark.parametrize("value", [-2.5, -1, 0, 3, None, True])
def test_csv_values_that_are_not_text_are_left_alone(value):
    assert csv_value(value) is value


def test_a_frame_made_safe_keeps_numbers_as_numbers():
    frame = pd.DataFrame({"name": ["=1+1", "vanlig", None], "value": [-2.0, 3.5, None],
                          "rank": pd.array([1, None, 3], dtype="Int64")})
    safe = formula_safe(frame)
    assert list(safe["name"][:2]) == ["'=1+1", "vanlig"]
    assert safe["value"].dtype == frame["value"].dtype and safe["rank"].dtype == frame["rank"].dtype
    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[1] == ["'=1+1", "-2.0", "1"]  # a negative number is written as a number
    assert frame["name"][0] == "=1+1"  # the caller's frame is not changed


def test_an_excel_export_writes_formula_text_as_text_and_numbers_as_numbers():
    payloads = [p for p in PAYLOADS if "\r" not in p]  # XML itself reads a CR as a line feed
    frame = pd.DataFrame({"name": payloads, "value": [-2.0 - i for i in range(len(payloads))]})
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(frame)))["jamforelse"]
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    values = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in names] == [(p, "s") for p in payloads]
    assert all(c.data_type == "n" and c.value < 0 for c in values)


def test_text_cells_as_text_turns_openpyxl_formulas_back_into_text():
    workbook = Workbook()
    workbook.active.append(["=1+1", "'=x", 5])
    assert workbook.active["A1"].data_type == "f"  # what openpyxl does on its own
    text_cells_as_text(workbook.worksheets)
    buffer = io.BytesIO()
    workbook.save(buffer)
    row = next(load_workbook(buffer).active.iter_rows())
    assert [(c.value, c.data_type) for c in row] == [("=1+1", "s"), ("''=x", "s"), (5, "n")]


def test_excel_cell_is_a_text_cell_for_text_only():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    assert excel_cell(sheet, 5) == 5
    cell = excel_cell(sheet, "=1")
    assert (cell.value, cell.data_type) == ("=1", "s")


def test_every_formula_start_is_covered():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
