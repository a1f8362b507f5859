"""Excel workbooks: the same long format as CSV, one sheet, no merged cells."""

from __future__ import annotations

from datetime import datetime

import pytest

from indicators.errors import InputError
from indicators.excel_tables import open_excel_table, sheet_names
from indicators.model import Observation
from indicators.observation_tables import observations_from_table

HEADER = ["indicator_id", "locality_id", "year", "value", "source"]


def read(path, catalogue, sheet=None, name="obs.xlsx"):
    with open_excel_table(path, name, sheet) as table:
        return observations_from_table(table, catalogue)


def refused(path, catalogue, sheet=None):
    with pytest.raises(InputError) as caught:
        read(path, catalogue, sheet)
    return caught.value.problems


def where(problems):
    return [(p.sheet, p.row, p.field) for p in problems]


# ------------------------------------------------------------------ good files


def test_numbers_as_numbers_or_text_and_dates_as_cells_are_read(write_xlsx, catalogue):
    path = write_xlsx(
        {
            "Data": [
                [*HEADER, "source_date", "basis"],
                ["population", "tuna", 2021, 245, "SCB", datetime(2022, 3, 31), "tätort"],
                ["mean_age", "kommun", "2020", "44,2", "SCB", "2021-02-01", None],
                ["employment", "kommun", 2020.0, 82.3, "SCB", None, None],
            ]
        }
    )

    assert read(path, catalogue) == [
        Observation("population", "tuna", 2021, 245.0, "SCB", "tätort", "2022-03-31"),
        Observation("mean_age", "kommun", 2020, 44.2, "SCB", "", "2021-02-01"),
        Observation("employment", "kommun", 2020, 82.3, "SCB"),
    ]


def test_row_numbers_are_the_sheets_row_numbers_even_after_blank_rows(write_xlsx, catalogue):
    path = write_xlsx(
        {"Data": [[], HEADER, ["population", "tuna", 2021, 245, "SCB"], [], ["population", "tuna", 2020, "x", "SCB"]]}
    )

    assert where(refused(path, catalogue)) == [("Data", 5, "value")]


def test_an_empty_cell_is_missing_and_a_missing_trailing_cell_reads_as_empty(write_xlsx, catalogue):
    path = write_xlsx({"Data": [[*HEADER, "basis"], ["population", "tuna", 2021, None, "SCB"]]})

    observation = read(path, catalogue)[0]
    assert (observation.value, observation.basis) == (None, "")


def test_a_named_sheet_is_read_from_a_workbook_with_several(write_xlsx, catalogue):
    path = write_xlsx(
        {"Notes": [["written by staff"]], "Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"]]}
    )

    assert len(read(path, catalogue, sheet="Data")) == 1
    assert len(read(path, catalogue, sheet="data")) == 1
    assert sheet_names(path, "obs.xlsx") == ["Notes", "Data"]


# ------------------------------------------------------------------- bad files


def test_several_sheets_are_refused_listing_their_names(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER], "Blad2": [], "Blad3": []})

    problems = refused(path, catalogue)

    assert len(problems) == 1
    assert problems[0].file == "obs.xlsx"
    assert "3 blad (”Data”, ”Blad2”, ”Blad3”)" in problems[0].message
    assert "--sheet" in problems[0].message


def test_an_unknown_sheet_name_is_refused_listing_the_sheets(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER]})

    message = refused(path, catalogue, sheet="Befolkning")[0].message

    assert "bladet ”Befolkning” finns inte" in message and "”Data”" in message


def test_merged_header_cells_are_refused_naming_the_cells(write_xlsx, catalogue):
    path = write_xlsx(
        {"Data": [["indicator_id", None, "year", "value", "source"], ["population", "tuna", 2021, 1, "SCB"]]},
        merge=("A1:B1",),
    )

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 1, None)]
    assert "rubrikraden har sammanfogade celler (A1:B1)" in problems[0].message
    assert str(problems[0]).startswith("obs.xlsx, blad ”Data”, rad 1: ")


def test_merged_data_cells_are_refused_because_the_others_read_as_empty(write_xlsx, catalogue):
    path = write_xlsx(
        {"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"], ["population", "tuna", None, 246, "SCB"]]},
        merge=("C2:C3",),
    )

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, None)]
    assert "C2:C3" in problems[0].message


def test_a_year_formatted_as_a_date_is_refused(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", datetime(1905, 7, 12), 245, "SCB"]]})

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, "year")]
    assert "1905-07-12" in problems[0].message


def test_problems_carry_the_sheet_row_and_column(write_xlsx, catalogue):
    path = write_xlsx(
        {
            "Data": [
                [*HEADER, "unit"],
                ["employment", "kommun", 2020, 182.3, "SCB", None],
                ["employment", "kommun", 2019, 82.3, "SCB", "promille"],
                ["folkmangd", "tuna", 2030, 1, "SCB", None],
                ["population", "tuna", True, 1, "SCB", None],
            ]
        }
    )

    assert where(refused(path, catalogue)) == [
        ("Data", 2, "value"),
        ("Data", 3, "unit"),
        ("Data", 4, "indicator_id"),
        ("Data", 4, "year"),
        ("Data", 5, "year"),
    ]


def test_a_value_right_of_the_last_named_column_is_refused(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB", "kommentar"]]})

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, None)]
    assert "F2" in problems[0].message


def test_an_empty_sheet_is_refused_as_empty(write_xlsx, catalogue):
    assert "tom" in refused(write_xlsx({"Data": []}), catalogue)[0].message


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, catalogue):
    path = tmp_path / "obs.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")

    problems = refused(path, catalogue)

    assert "Excel-arbetsbok" in problems[0].message
