"""The comparison as open data: one documented table, written as CSV or Excel.

The column list below is the contract (the README repeats it); a column is
added at the end, never renamed, so scripts that read exports keep working.
Column names never change with the language; the text in the rows (indicator
names, score labels, units) and the column descriptions of the Excel file are
written in the export's ``language``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pandas as pd

from indicators.core.model import Indicator
from indicators.core.spreadsheet_safety import csv_value, text_cells_as_text
from indicators.core.units import unit_label
from indicators.i18n.messages import t
from indicators.i18n.texts import DEFAULT_LANGUAGE, Text, render
from indicators.metrics.comparison import (
    KIND_INDEX,
    KIND_INDICATOR,
    ComparisonRow,
    area_name,
)
from indicators.metrics.provenance import provenance

EXPORT_COLUMNS: tuple[tuple[str, Text], ...] = (
    ("kind", t("column_kind")),
    ("year", t("column_year")),
    ("locality_id", t("column_locality_id")),
    ("locality", t("column_locality")),
    ("area_id", t("column_area_id")),
    ("area", t("column_area")),
    ("indicator_id", t("column_indicator_id")),
    ("indicator", t("column_indicator")),
    ("unit", t("column_unit")),
    ("value", t("column_value")),
    ("per_1000", t("column_per_1000")),
    ("population_used", t("column_population_used")),
    ("population_year", t("column_population_year")),
    ("population_basis", t("column_population_basis")),
    ("score", t("column_score")),
    ("coverage_used", t("column_coverage_used")),
    ("coverage_available", t("column_coverage_available")),
    ("rank", t("column_rank")),
    ("municipality_value", t("column_municipality_value")),
    ("difference_to_municipality", t("column_difference_to_municipality")),
    ("basis", t("column_basis")),
    ("source", t("column_source")),
    ("example", t("column_example")),
    ("provenance", t("column_provenance")),
    ("example_parts", t("column_example_parts")),
    ("parts", t("column_parts")),
)
"""Column name and what it holds; the description renders in the export's language."""


def comparison_frame(rows: Sequence[ComparisonRow], names: Mapping[str, str],
                     indicators: Mapping[str, Indicator], language: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Rows in the documented column order; missing stays empty (NaN), never 0.

    ``language`` is the language of the indicator names, score labels and units.
    """
    records = []
    for row in rows:
        records.append({
            "kind": row.kind,
            "year": row.year,
            "locality_id": row.locality_id,
            "locality": names.get(row.locality_id, row.locality_id),
            "area_id": row.area_id,
            "area": area_name(row.area_id),
            "indicator_id": row.indicator_id,
            "indicator": _label(row, indicators.get(row.indicator_id), language),
            "unit": _unit(row, language),
            "value": row.value,
            "per_1000": row.per_1000,
            "population_used": row.population_used,
            "population_year": row.population_year,
            "population_basis": row.population_basis,
            "score": row.score,
            "coverage_used": row.coverage_used,
            "coverage_available": row.coverage_available,
            "rank": row.rank,
            "municipality_value": row.municipality_value,
            "difference_to_municipality": row.difference_to_municipality,
            "basis": row.basis,
            "source": row.source,
            "example": row.example,
            **_provenance_columns(row),
        })
    frame = pd.DataFrame.from_records(records, columns=[name for name, _ in EXPORT_COLUMNS])
    for column in ("population_year", "coverage_used", "coverage_available", "rank", "example_parts", "parts"):
        frame[column] = frame[column].astype("Int64")
    return frame


PROVENANCE_EXAMPLE = "example"
PROVENANCE_PARTLY = "partly_example"
PROVENANCE_REAL = "real"


def _provenance_columns(row: ComparisonRow) -> dict[str, object]:
    """``example``/``partly_example``/``real`` (empty for a missing figure) and the counts behind it.

    Codes, not words, so a script reading the export never depends on the language.
    """
    found = provenance(row)
    if found.parts == 0:
        code = ""
    elif found.is_example:
        code = PROVENANCE_EXAMPLE
    elif found.is_partly_example:
        code = PROVENANCE_PARTLY
    else:
        code = PROVENANCE_REAL
    return {"provenance": code, "example_parts": found.example_parts, "parts": found.parts}


def _label(row: ComparisonRow, indicator: Indicator | None, language: str) -> str:
    if indicator is not None:
        return (indicator.name_en or indicator.name_sv) if language == "en" else indicator.name_sv
    if row.kind == KIND_INDEX:
        return t("index_label").render(language)
    return t("area_score_label", area=area_name(row.area_id)).render(language)


def _unit(row: ComparisonRow, language: str) -> str:
    """An indicator's unit as a reader of ``language`` writes it; a score's unit rendered if it is a Text."""
    if row.kind == KIND_INDICATOR:
        return unit_label(row.unit, language)
    return render(row.unit, language)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows å, ä and ö; comma-separated, decimal point.

    Text that a spreadsheet would run as a formula (an imported indicator name
    ``=HYPERLINK(…)``) gets an apostrophe in front (``spreadsheet_safety``);
    numbers, negative ones too, are written as numbers.
    """
    return formula_safe(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The table on one sheet and the column descriptions, in ``language``, on a second.

    Every text cell is written as text, never as a formula, so it shows exactly
    what was imported; numbers stay numbers.
    """
    buffer = io.BytesIO()
    meanings = [(name, meaning.render(language)) for name, meaning in EXPORT_COLUMNS]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="jamforelse", index=False)
        pd.DataFrame(meanings, columns=["column", "meaning"]).to_excel(writer, sheet_name="kolumner", index=False)
        text_cells_as_text(writer.book.worksheets)
    return buffer.getvalue()


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells are safe in a CSV file opened by a spreadsheet program."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):  # text (object or str), never numbers
            safe[column] = safe[column].map(csv_value)
    return safe
