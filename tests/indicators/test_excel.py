"""Excel workbooks: the same long format as CSV, one sheet, no merged cells."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from datetime import datetime

import pytest

from indicators.core.errors import InputError
from indicators.core.model import Observation
from indicators.observations.excel_tables import open_excel_table, sheet_names
from indicators.observations.from_tables import observations_from_table
from indicators.observations.limits import ImportLimits

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


# ------------------------------------------------- damaged and oversized workbooks
#
# Each case was a traceback once (found by fuzzing): openpyxl reads rows lazily, so a
# damaged part surfaces while rows are read, not only when the workbook is opened.

SHEET = "xl/worksheets/sheet1.xml"


def big_sheet(write_xlsx, rows=3000):
    """A valid one-sheet workbook large enough that its sheet is read in several chunks."""
    body = [["population", "tuna", 1800 + i % 200, i, "SCB", f"grund {i}"] for i in range(rows)]
    return write_xlsx({"Data": [[*HEADER, "basis"], *body]})


def rewrite_member(path, name, change):
    """Write the workbook again with ``change(bytes) -> bytes`` applied to one part (a valid zip)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info.filename, change(data) if info.filename == name else data)
    return path


def patch_member(path, name, *, deflated: bytes | None = None, declared_size: int | None = None):
    """Put raw deflate data into one part, or make it declare a wrong unpacked size.

    zipfile cannot write either on purpose, so the part is stored and its headers
    are patched: compression method, checksum and sizes, in the local header and
    the central directory.
    """
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    real = dict(parts)[name]
    stored = deflated if deflated is not None else zlib.compress(real)[2:-4]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, data in parts:
            if filename == name:
                target.writestr(zipfile.ZipInfo(filename), stored, compress_type=zipfile.ZIP_STORED)
            else:
                target.writestr(filename, data)
    with zipfile.ZipFile(path) as written:
        local, directory = written.getinfo(name).header_offset, written.start_dir
    data = bytearray(path.read_bytes())
    size = declared_size if declared_size is not None else len(real)
    fields = struct.pack("<III", zlib.crc32(real), len(stored), size)
    data[local + 8 : local + 10] = struct.pack("<H", 8)  # deflate
    data[local + 14 : local + 26] = fields
    position = directory
    while data[position + 46 : position + 46 + len(name)] != name.encode():
        name_length, extra, comment = struct.unpack("<HHH", data[position + 28 : position + 34])
        position += 46 + name_length + extra + comment
    data[position + 10 : position + 12] = struct.pack("<H", 8)
    data[position + 16 : position + 28] = fields
    path.write_bytes(bytes(data))
    return path


def test_a_zlib_error_deep_in_the_sheet_part_is_refused_naming_the_sheet(write_xlsx, catalogue):

    path = big_sheet(write_xlsx)
    with zipfile.ZipFile(path) as source:
        xml = source.read(SHEET)
    good = zlib.compressobj(wbits=-15)
    half = good.compress(xml[: len(xml) // 2]) + good.flush(zlib.Z_FULL_FLUSH)
    patch_member(path, SHEET, deflated=half + b"\x07" + b"\x00" * 64)  # block type 3 does not exist

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", None, None)]
    assert "arbetsboken är skadad" in problems[0].message
    assert "invalid block type" in problems[0].message


def test_a_sheet_cut_off_in_the_middle_is_refused_as_damaged(write_xlsx, catalogue):
    path = rewrite_member(big_sheet(write_xlsx), SHEET, lambda xml: xml[: len(xml) * 2 // 3])

    problems = refused(path, catalogue)

    assert problems[-1].sheet == "Data" and problems[-1].row > 100
    assert "skadad" in problems[-1].message


def test_invalid_xml_in_a_part_read_when_opening_is_refused_as_not_a_workbook(write_xlsx, catalogue):
    path = rewrite_member(write_xlsx({"Data": [HEADER]}), "xl/workbook.xml", lambda xml: xml.replace(b">", b"", 3))

    assert "kan inte läsas som en Excel-arbetsbok" in refused(path, catalogue)[0].message


def test_a_bad_cell_reference_is_refused_at_its_row(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"], ["population", "tuna", 2020, 240, "SCB"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'r="C3"', b'r="3C"'))

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 3, None)]
    assert "skadad" in problems[0].message


def test_a_formula_without_a_saved_result_is_refused_naming_the_cell(write_xlsx, catalogue):
    # openpyxl, like many scripts, saves the formula but no result: read as empty, =2021
    # would have been stored as an undated figure.
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", "=2021", 245, "SCB"]]})

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, "year")]
    assert "C2" in problems[0].message and "formel" in problems[0].message
    assert "formula" in problems[0].message.render("en")


def test_a_formula_in_the_header_without_a_result_is_refused(write_xlsx, catalogue):
    path = write_xlsx({"Data": [[*HEADER[:4], '="source"'], ["population", "tuna", 2021, 245, "SCB"]]})

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 1, None)] and "E1" in problems[0].message


def test_a_formula_with_its_saved_result_reads_as_the_result(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 1, 245, "SCB"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'<c r="C2" t="n"><v>1</v></c>', b'<c r="C2"><f>2020+1</f><v>2021</v></c>'))

    assert [o.year for o in read(path, catalogue)] == [2021]


def test_a_formula_whose_result_is_empty_text_reads_as_empty(write_xlsx, catalogue):
    path = write_xlsx({"Data": [[*HEADER, "basis"], ["population", "tuna", 2021, 245, "SCB", "x"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'<c r="F2" t="inlineStr"><is><t>x</t></is></c>', b'<c r="F2" t="str"><f>""</f><v></v></c>'))

    assert read(path, catalogue)[0].basis == ""


@pytest.mark.parametrize(
    ("written", "expected"),
    [("1e400", "ändligt"), ("9" * 5000, "kan inte läsas"), ("-1E+309", "ändligt")],
    ids=["1e400", "5000-digit-integer", "minus-1e309"],
)
def test_a_number_beyond_float_range_is_refused_in_its_cell(write_xlsx, catalogue, written, expected):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"], ["population", "tuna", 2020, 1, "SCB"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'<c r="D2" t="n"><v>245</v>', b'<c r="D2" t="n"><v>' + written.encode() + b"</v>"))

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, "value")]
    assert expected in problems[0].message and len(problems[0].message) < 300


def test_a_year_of_thousands_of_digits_is_refused_in_its_cell(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'<c r="C2" t="n"><v>2021</v>', b'<c r="C2" t="n"><v>' + b"2" * 4000 + b"</v>"))

    assert where(refused(path, catalogue)) == [("Data", 2, "year")]


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_parsed(tmp_path, catalogue):

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SHEET, b"<" + b" " * (51 * 1024 * 1024))  # 51 MB of XML in about 50 KB
    assert path.stat().st_size < 200_000

    problems = refused(path, catalogue)

    assert "51 MB" in problems[0].message and "50 MB" in problems[0].message
    assert "ALLAS_MAX_XLSX_UNCOMPRESSED_MB" in problems[0].message


def test_a_part_that_declares_less_than_it_holds_cannot_unpack_past_its_declared_size(write_xlsx, catalogue):
    path = write_xlsx({"Data": [HEADER, *[["population", "tuna", 2021, i, "SCB " * 50] for i in range(2000)]]})
    patch_member(path, SHEET, declared_size=100)

    assert "Excel-arbetsbok" in refused(path, catalogue)[0].message


def test_the_unpacked_size_limit_is_configurable(write_xlsx, catalogue):

    path = write_xlsx({"Data": [HEADER, *[["population", "tuna", 2021, i, "x" * 30_000] for i in range(70)]]})

    with pytest.raises(InputError) as caught, open_excel_table(path, "obs.xlsx", limits=ImportLimits(max_xlsx_uncompressed_mb=1)):
        pass

    assert "gränsen 1 MB" in caught.value.problems[0].message


def test_a_workbook_of_too_many_parts_is_refused(write_xlsx):

    path = write_xlsx({"Data": [HEADER]})

    with pytest.raises(InputError) as caught:
        sheet_names(path, "obs.xlsx", limits=ImportLimits(max_xlsx_parts=3))

    assert "fler än gränsen 3" in caught.value.problems[0].message
    assert "ALLAS_MAX_XLSX_PARTS" in caught.value.problems[0].message


def test_a_sheet_with_more_rows_than_the_limit_is_refused_at_the_first_row_over_it(write_xlsx, catalogue):

    path = write_xlsx({"Data": [HEADER, *[["population", "tuna", 2000 + i, i, "SCB"] for i in range(5)]]})

    with pytest.raises(InputError) as caught, open_excel_table(path, "obs.xlsx", limits=ImportLimits(max_rows=3)) as table:
        observations_from_table(table, catalogue)

    problems = caught.value.problems
    assert where(problems) == [("Data", 5, None)]
    assert "fler än 3 datarader" in problems[0].message and "ALLAS_MAX_IMPORT_ROWS" in problems[0].message
    assert "more than 3 data rows" in problems[0].message.render("en")


def test_a_row_far_below_the_others_keeps_its_number_and_the_gap_is_not_read_row_by_row(write_xlsx, catalogue):
    # openpyxl's own row iterator yields every missing row in between (ten million here).
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"], ["population", "tuna", 2020, "x", "SCB"]]})
    far = b"10000000"
    rewrite_member(path, SHEET, lambda xml: re.sub(rb'r="([A-E]?)3"', lambda m: b'r="' + m.group(1) + far + b'"', xml))

    assert where(refused(path, catalogue)) == [("Data", 10_000_000, "value")]


def test_a_value_in_the_last_excel_column_is_refused_naming_its_cell(write_xlsx, catalogue):
    # Rows are kept as the cells they hold until the header's width is known, so such a
    # cell no longer makes every row 16,384 cells wide (a 1 MB file took over ten minutes).
    path = write_xlsx({"Data": [HEADER, ["population", "tuna", 2021, 245, "SCB"], ["population", "tuna", 2020, 240, "SCB"]]})
    rewrite_member(path, SHEET, lambda xml: xml.replace(b'</row><row r="3"', b'<c r="XFD2" t="n"><v>1</v></c></row><row r="3"'))

    problems = refused(path, catalogue)

    assert where(problems) == [("Data", 2, None)] and "XFD2" in problems[0].message
