"""Importing the indicator catalogue from CSV or Excel: upserted by id, every value checked."""

from __future__ import annotations

import pytest

from indicators.core.errors import InputError
from indicators.core.model import Direction, Level
from indicators.observations.importing import import_file
from indicators.storage.store import SaveResult

COLUMNS = "id,name_sv,name_en,unit,area_id,direction,level,source,kolada_kpi,per_1000,definition_sv"
TRUST = "trust,Tillit,Trust,%,motas,higher,municipality,Enkät,,false,Andel som litar på de flesta."


def where(problems):
    return [(p.row, p.field) for p in problems]


def refused(store, path):
    with pytest.raises(InputError) as caught:
        import_file(store, path, user="test")
    return caught.value.problems


def test_a_catalogue_csv_adds_new_and_updates_existing_indicators(store, write_csv):
    population = store.indicator("population")
    path = write_csv(
        COLUMNS,
        TRUST,
        "population,Folkmängd,Inhabitants,invånare,leva,neutral,locality,SCB,N01951,false,Antal.",
        name="katalog.csv",
    )

    report = import_file(store, path, user="test")

    assert (report.format, report.kind, report.rows) == ("csv", "catalogue", 2)
    assert report.result == SaveResult(added=1, changed=1)
    trust = store.indicator("trust")
    assert (trust.unit, trust.area_id, trust.direction, trust.level) == (
        "%", "motas", Direction.HIGHER_IS_BETTER, Level.MUNICIPALITY,
    )  # fmt: skip
    assert trust.kolada_kpi is None and trust.per_1000 is False
    assert store.indicator("population").name_en == "Inhabitants"
    assert store.indicator("population").kolada_kpi == population.kolada_kpi


def test_the_same_catalogue_again_changes_nothing(store, write_csv):
    path = write_csv(COLUMNS, TRUST, name="katalog.csv")
    import_file(store, path, user="test")

    assert import_file(store, path, user="test").result == SaveResult(unchanged=1)


def test_a_catalogue_workbook_is_read_with_booleans_and_normalised_units(store, write_xlsx):
    path = write_xlsx(
        {
            "Katalog": [
                COLUMNS.split(","),
                ["halls", "Samlingslokaler", "Village halls", "st", "MOTAS", "higher", "locality",
                 "Kommunen", None, True, "Antal samlingslokaler."],
                ["rate", "Andel", "Share", "procent", "leva", "neutral", "municipality",
                 "SCB", "n01234", "nej", "Andel."],
            ]
        },
        name="katalog.xlsx",
    )  # fmt: skip

    report = import_file(store, path, user="test")

    assert (report.format, report.kind, report.result) == ("xlsx", "catalogue", SaveResult(added=2))
    halls = store.indicator("halls")
    assert (halls.unit, halls.area_id, halls.per_1000) == ("antal", "motas", True)
    assert store.indicator("rate").kolada_kpi == "N01234"
    assert store.indicator("rate").unit == "%"


def test_every_bad_value_is_reported_with_its_row_and_column(store, write_csv):
    before = store.indicators()
    path = write_csv(
        COLUMNS,
        "Bad Id,Namn,Name,%,leva,higher,locality,Källa,,false,Def.",
        "ok1,Namn,Name,promille,sova,upp,town,Källa,,kanske,Def.",
        "ok2,,Name,%,leva,higher,locality,,X1,true,",
        "ok3,Namn,Name,%,leva,higher,locality,Källa,N01951,false,Def.",
        "ok4,Namn,Name,år,leva,higher,locality,Källa,,false,Def.",
        "ok4,Namn,Name,år,leva,higher,locality,Källa,,false,Def.",
        name="katalog.csv",
    )

    problems = refused(store, path)

    assert where(problems) == [
        (2, "id"),
        (3, "unit"),
        (3, "area_id"),
        (3, "direction"),
        (3, "level"),
        (3, "per_1000"),
        (4, "name_sv"),
        (4, "source"),
        (4, "definition_sv"),
        (4, "kolada_kpi"),
        (4, "per_1000"),
        (7, "id"),
    ]
    messages = {(p.row, p.field): p.message for p in problems}
    assert "okänd enhet ”promille”" in messages[(3, "unit")] and "”per 1 000 invånare”" in messages[(3, "unit")]
    assert "leva, arbeta, verka, trivas, kontakt, motas" in messages[(3, "area_id")]
    assert "higher eller lower eller neutral" in messages[(3, "direction")]
    assert "bara för antal" in messages[(4, "per_1000")]
    assert store.indicators() == before


def test_a_kolada_kpi_already_used_by_another_stored_indicator_is_refused(store, write_csv):
    path = write_csv(COLUMNS, "people,Folk,People,invånare,leva,neutral,locality,SCB,N01951,false,Antal.")

    problems = refused(store, path)

    assert where(problems) == [(2, "kolada_kpi")]
    assert "hör redan till indikatorn ”population”" in problems[0].message


def test_a_kpi_used_twice_in_the_file_is_refused(store, write_csv):
    path = write_csv(
        COLUMNS,
        "a,A,A,%,leva,neutral,municipality,SCB,N09999,false,A.",
        "b,B,B,%,leva,neutral,municipality,SCB,N09999,false,B.",
    )

    assert where(refused(store, path)) == [(3, "kolada_kpi")]


def test_a_new_unit_must_fit_the_values_already_stored(store, write_csv):
    path = write_csv(
        COLUMNS,
        "population,Folkmängd,Population,%,leva,neutral,locality,SCB,N01951,false,Antal.",
    )

    problems = refused(store, path)

    assert where(problems) == [(2, "unit")]
    assert "sparade värden passar inte enheten ”%”" in problems[0].message
    assert store.indicator("population").unit == "invånare"


def test_a_missing_catalogue_column_is_named(store, write_csv):
    path = write_csv("id,name_sv,name_en,unit,area_id,direction,level,source", TRUST)

    assert where(refused(store, path)) == [(1, "definition_sv")]
