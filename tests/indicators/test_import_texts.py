"""The importers' messages read in English too, with their parameters in place."""

from __future__ import annotations

import io
import sqlite3

import pandas as pd
import pytest

from indicators.core.errors import RECORD, InputError
from indicators.core.model import Observation
from indicators.core.units import UNITS_BY_SYMBOL
from indicators.i18n.texts import render
from indicators.metrics.comparison import (
    KIND_AREA,
    KIND_INDEX,
    KIND_INDICATOR,
    SCORE_UNIT,
    ComparisonRow,
)
from indicators.metrics.open_data import EXPORT_COLUMNS, comparison_frame, to_xlsx_bytes
from indicators.observations.catalogue_rows import catalogue_from_table
from indicators.observations.cells import CellError, year
from indicators.observations.csv_tables import read_csv_table
from indicators.observations.excel_tables import open_excel_table
from indicators.storage.store import SchemaVersionError, Store

CATALOGUE_HEADER = "id,name_sv,name_en,unit,area_id,direction,level,source,definition_sv"


def test_a_csv_row_problem_names_row_field_and_suggestion_in_english(write_csv, refused, header):
    problems = refused(write_csv(header, "population,tuna,2021,245,SCB", "population,tunna,2021,1,SCB"))

    assert str(problems[0]).startswith(
        "obs.csv, rad 3, fält ”locality_id”: okänd ort ”tunna” (menade du ”tuna”?)"
    )
    english = problems[0].render("en")
    assert english.startswith(
        "obs.csv, row 3, field “locality_id”: unknown locality “tunna” (did you mean “tuna”?)"
    )
    assert "; the valid ids are djursdala, frodinge" in english


def test_an_unknown_column_and_a_bad_year_read_in_english(write_csv, refused, header):
    column = refused(write_csv(header + ",valeu", "population,tuna,2021,245,SCB,1"))[0]
    assert column.render("en").startswith(
        "obs.csv, row 1, field “valeu”: unknown column (did you mean “value”?)"
    )
    assert "the allowed columns are indicator_id, locality_id, year" in column.render("en")

    bad_year = refused(write_csv(header, "population,tuna,20x0,1,SCB"))[0]
    assert bad_year.render("en") == (
        "obs.csv, row 2, field “year”: “20x0” is not a year; write 2020, for example, "
        "or leave the cell empty for an undated figure"
    )


def test_a_value_outside_its_unit_is_written_the_readers_way(write_csv, refused, header):
    problem = refused(write_csv(header, "population,tuna,2021,1234.5,SCB"))[0]

    assert "1 234,5 är inget heltal, men enheten ”invånare”" in problem.message
    assert "1,234.5 is not a whole number, but the unit “invånare” counts whole numbers" in problem.render("en")
    percent = UNITS_BY_SYMBOL["per 1 000 invånare"].problem(1001)
    assert percent is not None and percent.render("en").endswith("allows (0–1,000)")


def test_a_cell_error_keeps_its_text_for_either_language():
    with pytest.raises(CellError) as caught:
        year(True)

    assert str(caught.value) == "”true” är inget årtal; skriv till exempel 2020"
    assert caught.value.message.render("en") == "“true” is not a year; write 2020, for example"


def test_several_sheets_are_listed_with_the_readers_quotes(write_xlsx):
    path = write_xlsx({"Data": [["a"]], "Anteckningar": [["b"]]})

    with pytest.raises(InputError) as caught, open_excel_table(path, "obs.xlsx"):
        pass

    message = caught.value.problems[0].message
    assert "arbetsboken har 2 blad (”Data”, ”Anteckningar”)" in message
    assert render(message, "en").startswith(
        "the workbook has 2 sheets (“Data”, “Anteckningar”); say which sheet"
    )
    assert "--sheet NAME" in render(message, "en")


def test_a_catalogue_choice_lists_the_alternatives_with_or():
    table = read_csv_table(
        CATALOGUE_HEADER + "\nbus,Buss,Bus,antal,kontakt,uppåt,locality,SCB,Avgångar.\n", "katalog.csv"
    )

    with pytest.raises(InputError) as caught:
        catalogue_from_table(table)

    problem = caught.value.problems[0]
    assert problem.message == "”uppåt” är inte tillåtet; skriv higher eller lower eller neutral"
    assert problem.render("en") == (
        "katalog.csv, row 2, field “direction”: “uppåt” is not allowed; write higher or lower or neutral"
    )


def test_the_stores_batch_problems_name_records_in_english(store):
    with pytest.raises(InputError) as caught:
        store.save_observations(
            [
                Observation("population", "narnia", 2021, 1.0, "SCB"),
                Observation("population", "narnia", 2021, 2.0, "SCB"),
            ]
        )

    problems = caught.value.problems
    assert all(p.row_label == RECORD for p in problems)
    report = caught.value.report("en")
    assert "observations, record 2: duplicate: same as record 1" in report
    assert "observations, record 1, field “place_id”: unknown locality “narnia”" in report
    assert "observationer, post 2: dubblett: samma som post 1" in caught.value.report()


def test_a_newer_schema_is_explained_in_either_language(database_url):
    Store.open(database_url, seed=False).dispose()
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE schema_version SET version = 99")

    with pytest.raises(SchemaVersionError) as caught:
        Store.open(database_url)

    assert str(caught.value).startswith("Databasen har schemaversion 99")
    assert render(caught.value.args[0], "en").startswith("The database has schema version 99")


def _row(kind: str, area_id: str, indicator_id: str, unit: str) -> ComparisonRow:
    return ComparisonRow(kind, "tuna", 2024, area_id, indicator_id, 50.0, unit)


def test_the_export_writes_labels_and_units_in_its_language(catalogue):
    rows = [
        _row(KIND_INDEX, "", "index", SCORE_UNIT),
        _row(KIND_AREA, "leva", "omrade:leva", SCORE_UNIT),
        _row(KIND_INDICATOR, "leva", "population", "invånare"),
    ]
    names = {"tuna": "Tuna"}

    swedish = comparison_frame(rows, names, catalogue.indicators)
    english = comparison_frame(rows, names, catalogue.indicators, language="en")

    assert list(swedish["indicator"]) == ["Attraktivitetsindex", "Områdespoäng Leva", "Folkmängd"]
    assert list(swedish["unit"]) == ["poäng 0–100", "poäng 0–100", "invånare"]
    assert list(english["indicator"]) == ["Attractiveness index", "Area score Leva", "Population"]
    assert list(english["unit"]) == ["score 0–100", "score 0–100", "inhabitants"]
    assert list(english.columns) == list(swedish.columns) == [name for name, _ in EXPORT_COLUMNS]

    sheets = pd.read_excel(io.BytesIO(to_xlsx_bytes(english, "en")), sheet_name="kolumner")
    assert sheets["meaning"].iloc[0] == "index, area_score or indicator"
