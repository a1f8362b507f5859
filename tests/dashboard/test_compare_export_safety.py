"""The compare page's CSV and Excel downloads are formula-safe: an indicator imported with a
name, an English name or a source like ``=HYPERLINK(…)`` (and observations with such a source
and basis) comes out as text, never as a formula, and negative values stay numbers."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from openpyxl import load_workbook

from dashboard.data import DashboardData
from dashboard.views.compare import export_comparison
from indicators.core.spreadsheet_safety import FORMULA_STARTS
from indicators.observations.importing import import_file

PAYLOADS = ('=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-2+3")
LOCALITIES = ("storebro", "tuna", "sodra-vi")
CATALOGUE_HEADER = ["id", "name_sv", "name_en", "unit", "area_id", "direction", "level", "source", "definition_sv"]


def _csv(path, rows) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def data(store, tmp_path) -> DashboardData:
    """Four imported indicators named and sourced like formulas, with negative values in 2024."""
    catalogue = [CATALOGUE_HEADER] + [
        [f"evil_{n}", payload, payload, "% förändring", "trivas", "higher", "locality", payload, "Definition."]
        for n, payload in enumerate(PAYLOADS)
    ]
    _csv(tmp_path / "katalog.csv", catalogue)
    import_file(store, tmp_path / "katalog.csv", user="test")
    observations = [["indicator_id", "locality_id", "year", "value", "source", "basis"]] + [
        [f"evil_{n}", locality, "2024", f"-{n + 1}.5", payload, payload]
        for n, payload in enumerate(PAYLOADS)
        for locality in LOCALITIES
    ]
    _csv(tmp_path / "varden.csv", observations)
    import_file(store, tmp_path / "varden.csv", user="test")
    return DashboardData(store)


def _download(data: DashboardData, fmt: str, language: str) -> bytes:
    search = f"?orter={','.join(LOCALITIES)}&ar=2024&omrade=trivas&indikator=evil_0"
    download = export_comparison(data, search, fmt, language)
    return base64.b64decode(download["content"])


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_csv_export_writes_no_cell_that_starts_like_a_formula(data, language):
    rows = list(csv.DictReader(io.StringIO(_download(data, "csv", language).decode("utf-8-sig"))))
    evil = [row for row in rows if row["indicator_id"].startswith("evil_")]
    assert len(evil) == len(PAYLOADS) * len(LOCALITIES)
    for row in rows:
        for column, cell in row.items():
            if column in ("value", "difference_to_municipality", "per_1000", "score"):
                continue  # numbers, checked below
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
    for row in evil:
        payload = PAYLOADS[int(row["indicator_id"].removeprefix("evil_"))]
        # shown as typed, after the one apostrophe that makes it text (docs/security-notes)
        assert row["indicator"] == row["source"] == row["basis"] == "'" + payload
        assert float(row["value"]) < 0 and row["value"].startswith("-")  # a number, not quoted text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_excel_export_has_no_formula_cell_and_shows_the_text_as_typed(data, language):
    workbook = load_workbook(io.BytesIO(_download(data, "xlsx", language)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    sheet = workbook["jamforelse"]
    header = [cell.value for cell in sheet[1]]
    evil = [
        {name: cell.value for name, cell in zip(header, row, strict=True)}
        for row in sheet.iter_rows(min_row=2)
        if str(row[header.index("indicator_id")].value).startswith("evil_")
    ]
    assert len(evil) == len(PAYLOADS) * len(LOCALITIES)
    for row in evil:
        payload = PAYLOADS[int(row["indicator_id"].removeprefix("evil_"))]
        assert row["indicator"] == row["source"] == row["basis"] == payload  # exactly as typed
        assert isinstance(row["value"], float) and row["value"] < 0
