"""The comparison as open data: one documented table, written as CSV or Excel.

The column list below is the contract (the README repeats it); a column is
added at the end, never renamed, so scripts that read exports keep working.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pandas as pd

from indicators.comparison import ComparisonRow, area_name
from indicators.model import Indicator

EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "index, area_score or indicator"),
    ("year", "the year compared"),
    ("locality_id", "locality id (slug)"),
    ("locality", "locality name"),
    ("area_id", "SLUS development area id (leva, arbeta, verka, trivas, kontakt, motas); empty for the index"),
    ("area", "SLUS development area short name"),
    ("indicator_id", "indicator id; 'index' or 'omrade:<area>' for scores"),
    ("indicator", "indicator name (Swedish)"),
    ("unit", "unit of value"),
    ("value", "the figure (for scores: 0–100); empty when missing, never 0"),
    ("per_1000", "value per 1,000 inhabitants, for indicators counted per 1,000"),
    ("population_used", "population the per-1,000 figure is divided by"),
    ("population_year", "year of that population figure"),
    ("population_basis", "what that population counted (tätort, electoral district, parish)"),
    ("score", "0–100 score among all localities that year (empty for neutral indicators)"),
    ("coverage_used", "for scores: indicators (or areas, for the index) the score rests on"),
    ("coverage_available", "for scores: indicators (or areas) that could have counted"),
    ("rank", "rank among the compared localities, 1 = best in the indicator's direction"),
    ("municipality_value", "the municipality's figure in the same measure, where comparable"),
    ("difference_to_municipality", "locality minus municipality, where comparable"),
    ("basis", "what was counted for value"),
    ("source", "source of value"),
    ("example", "true when value is bundled example data, not real figures"),
)


def comparison_frame(rows: Sequence[ComparisonRow], names: Mapping[str, str],
                     indicators: Mapping[str, Indicator]) -> pd.DataFrame:
    """Rows in the documented column order; missing stays empty (NaN), never 0."""
    records = []
    for row in rows:
        indicator = indicators.get(row.indicator_id)
        label = indicator.name_sv if indicator else (
            "Attraktivitetsindex" if row.kind == "index" else f"Områdespoäng {area_name(row.area_id)}")
        records.append({
            "kind": row.kind,
            "year": row.year,
            "locality_id": row.locality_id,
            "locality": names.get(row.locality_id, row.locality_id),
            "area_id": row.area_id,
            "area": area_name(row.area_id),
            "indicator_id": row.indicator_id,
            "indicator": label,
            "unit": row.unit,
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
        })
    frame = pd.DataFrame.from_records(records, columns=[name for name, _ in EXPORT_COLUMNS])
    for column in ("population_year", "coverage_used", "coverage_available", "rank"):
        frame[column] = frame[column].astype("Int64")
    return frame


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows å, ä and ö; comma-separated, decimal point."""
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame) -> bytes:
    """The table on one sheet and the column descriptions on a second."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="jamforelse", index=False)
        pd.DataFrame(EXPORT_COLUMNS, columns=["column", "meaning"]).to_excel(writer, sheet_name="kolumner",
                                                                           index=False)
    return buffer.getvalue()
