"""Kolada JSON: version 2 and 3 responses and lists of pages, mapped through the catalogue."""

from __future__ import annotations

import json

import pytest

from indicators.core.errors import RECORD, InputError
from indicators.core.model import Observation
from indicators.observations.csv_tables import decode
from indicators.observations.importing import KOLADA, format_of
from indicators.observations.kolada import (
    kolada_observations,
    parse_kolada_text,
)
from indicators.observations.limits import ImportLimits


def entry(kpi="N01951", municipality="0884", period=2020, value=15672.0, gender="T", **extra):
    values = [{"gender": gender, "value": value, "count": 1, "status": "", "isdeleted": False}]
    return {"kpi": kpi, "municipality": municipality, "period": period, "values": values, **extra}


def v3(*entries, next_url=None):
    return {"values": list(entries), "count": len(entries), "next_url": next_url}


def parse(document, catalogue, name="kolada.json"):
    return parse_kolada_text(json.dumps(document), catalogue=catalogue, file_name=name)


def refused(document, catalogue):
    with pytest.raises(InputError) as caught:
        parse(document, catalogue)
    return caught.value.problems


def where(problems):
    return [(p.row, p.field) for p in problems]


# ------------------------------------------------------------------ good files


def test_a_version_3_response_gives_the_municipality_and_sweden(catalogue):
    document = v3(entry(), entry(municipality="0000", value=10_379_295.0))

    assert parse(document, catalogue) == [
        Observation("population", "kommun", 2020, 15672.0, "Kolada (KPI N01951)"),
        Observation("population", "riket", 2020, 10379295.0, "Kolada (KPI N01951)"),
    ]


def test_a_version_2_response_with_is_deleted_and_next_page_is_read(catalogue):
    row = entry(kpi="N00959", value=44.2)
    row["values"][0] = {"gender": "T", "value": 44.2, "count": 1, "status": "", "is_deleted": False}
    document = {"values": [row], "count": 1, "next_page": None}

    assert [(o.indicator_id, o.value) for o in parse(document, catalogue)] == [("mean_age", 44.2)]


def test_a_list_of_pages_is_read_as_one_file(catalogue):
    pages = [v3(entry(period=2019), next_url="https://api.kolada.se/v3/…?page=2"), v3(entry(period=2020))]

    assert [o.year for o in parse(pages, catalogue)] == [2019, 2020]


def test_only_the_total_is_read_not_women_or_men(catalogue):
    row = entry(value=82.3, kpi="N02267")
    row["values"] = [
        {"gender": "K", "value": 80.1, "count": 1, "status": "", "isdeleted": False},
        {"gender": "T", "value": 82.3, "count": 1, "status": "", "isdeleted": False},
        {"gender": "M", "value": 84.4, "count": 1, "status": "", "isdeleted": False},
    ]

    assert [o.value for o in parse(v3(row), catalogue)] == [82.3]


def test_an_entry_without_a_total_gives_nothing(catalogue):
    assert parse(v3(entry(gender="K")), catalogue) == []


def test_a_null_value_is_missing_never_zero(catalogue):
    assert parse(v3(entry(value=None)), catalogue)[0].value is None


def test_deleted_entries_and_deleted_values_are_skipped(catalogue):
    deleted_value = entry(period=2019)
    deleted_value["values"][0]["isdeleted"] = True
    deleted_entry = entry(period=2018, isdeleted=True)

    assert [o.year for o in parse(v3(deleted_value, deleted_entry, entry()), catalogue)] == [2020]


def test_a_period_given_as_text_is_a_year(catalogue):
    assert parse(v3(entry(period="2021")), catalogue)[0].year == 2021


def test_a_file_with_a_bom_is_read(catalogue):
    """The way the importer reads it: format from the first bytes, then decoded and parsed."""
    data = b"\xef\xbb\xbf" + json.dumps(v3(entry())).encode()

    assert format_of(data[:64], "export.txt") == KOLADA
    assert len(parse_kolada_text(decode(data, "kolada.json"), catalogue=catalogue, file_name="kolada.json")) == 1


# ------------------------------------------------------------------- bad files


def test_a_kpi_not_in_the_catalogue_is_refused_naming_the_json_path(catalogue):
    problems = refused(v3(entry(), entry(kpi="N99999")), catalogue)

    assert where(problems) == [(2, "values[1].kpi")]
    assert "N99999 finns inte i indikatorkatalogen" in problems[0].message
    assert problems[0].row_label == RECORD
    assert str(problems[0]).startswith("kolada.json, post 2, fält ”values[1].kpi”: KPI N99999")
    assert problems[0].render("en").startswith(
        "kolada.json, record 2, field “values[1].kpi”: KPI N99999 is not in the indicator catalogue"
    )


def test_another_municipality_is_refused(catalogue):
    problems = refused(v3(entry(municipality="0180")), catalogue)

    assert where(problems) == [(1, "values[0].municipality")]
    assert "”0180”" in problems[0].message


def test_a_future_year_is_refused(catalogue):
    problems = refused(v3(entry(), entry(period=2026)), catalogue)

    assert where(problems) == [(2, "values[1].period")]
    assert "framtiden" in problems[0].message


def test_a_value_outside_its_units_range_is_refused(catalogue):
    problems = refused(v3(entry(kpi="N02267", value=182.3)), catalogue)

    assert where(problems) == [(1, "values[0].values[0].value")]
    assert "(0–100)" in problems[0].message


def test_the_same_key_twice_is_a_duplicate(catalogue):
    problems = refused([v3(entry()), v3(entry(value=1.0))], catalogue)

    assert where(problems) == [(1, "[1].values[0]")]
    assert "samma som post 1 (”[0].values[0]”)" in problems[0].message
    assert "same as record 1 (“[0].values[0]”)" in problems[0].render("en")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"rows": []}, [(None, "values")]),
        ({"values": {}}, [(None, "values")]),
        ([], [(None, "$")]),
        ("values", [(None, "$")]),
        ([v3(entry()), 3], [(None, "[1]")]),
        (v3(entry(), 7), [(2, "values[1]")]),
        (v3(entry(period=None)), [(1, "values[0].period")]),
        (v3(entry(period=20.5)), [(1, "values[0].period")]),
        (v3(entry(kpi=1951)), [(1, "values[0].kpi")]),
        (v3(entry(value="15672")), [(1, "values[0].values[0].value")]),
        (v3(entry(value=True)), [(1, "values[0].values[0].value")]),
        (v3({"kpi": "N01951", "municipality": "0884", "period": 2020}), [(1, "values[0].values")]),
        ([v3(entry()), v3(entry(period=2019, gender=None))], [(1, "[1].values[0].values[0].gender")]),
    ],
)
def test_a_file_of_the_wrong_shape_names_the_json_path(catalogue, document, expected):
    assert where(refused(document, catalogue)) == expected


def test_every_problem_in_the_file_is_reported_at_once(catalogue):
    problems = refused(
        v3(entry(kpi="N99999", municipality="0180", period="x"), entry(period=2030), entry(value=-5.0)),
        catalogue,
    )

    assert where(problems) == [
        (1, "values[0].kpi"),
        (1, "values[0].municipality"),
        (1, "values[0].period"),
        (2, "values[1].period"),
        (3, "values[2].values[0].value"),
    ]


def test_text_that_is_not_json_is_refused_with_its_line(catalogue):
    with pytest.raises(InputError) as caught:
        parse_kolada_text('{"values": [\n  {"kpi": }\n]}', catalogue=catalogue, file_name="k.json")

    problem = caught.value.problems[0]
    assert (problem.file, problem.row) == ("k.json", 2)
    assert "inte giltig JSON" in problem.message


# ------------------------------------- what Python's parser refuses beyond JSONDecodeError
#
# Each was a traceback once (found by fuzzing): RecursionError, ValueError from int(),
# OverflowError from float().

def refused_text(text, catalogue, **options):
    with pytest.raises(InputError) as caught:
        parse_kolada_text(text, catalogue=catalogue, file_name="k.json", **options)
    return caught.value.problems


def one_value(raw: str) -> str:
    """A valid response whose one total value is ``raw``, written into the JSON as it is."""
    return json.dumps(v3(entry(value=0.5))).replace("0.5", raw)


def test_json_nested_5000_deep_is_refused_in_words(catalogue):
    problems = refused_text("[" * 5000 + "]" * 5000, catalogue)

    assert [(p.file, p.row) for p in problems] == [("k.json", None)]
    assert "nästlad för djupt" in problems[0].message
    assert "nested too deeply" in problems[0].message.render("en")


def test_a_5000_digit_value_is_refused_at_its_path(catalogue):
    problems = refused_text(one_value("9" * 5000), catalogue)

    assert where(problems) == [(1, "values[0].values[0].value")]
    assert "5000 siffror" in problems[0].message


def test_a_400_digit_value_beyond_float_range_is_refused_at_its_path(catalogue):
    assert where(refused_text(one_value("1" * 400), catalogue)) == [(1, "values[0].values[0].value")]


def test_a_5000_digit_period_is_refused_as_no_year(catalogue):
    text = json.dumps(v3(entry(period=2020))).replace("2020", "2" * 5000)

    assert where(refused_text(text, catalogue)) == [(1, "values[0].period")]


def test_a_300_digit_period_is_refused_as_no_year_without_printing_it_whole(catalogue):
    text = json.dumps(v3(entry(period=2020))).replace("2020", "2" * 300)

    problems = refused_text(text, catalogue)

    assert where(problems) == [(1, "values[0].period")] and len(problems[0].message) < 200


@pytest.mark.parametrize("raw", ["1e400", "-1e400", "Infinity", "-Infinity", "NaN"])
def test_a_value_that_is_not_finite_is_refused_at_its_path(catalogue, raw):
    problems = refused_text(one_value(raw), catalogue)

    assert where(problems) == [(1, "values[0].values[0].value")]
    assert "ändligt" in problems[0].message


def test_a_huge_integer_in_an_already_parsed_document_is_refused_not_overflowed(catalogue):
    document = v3(entry(value=10**400))

    with pytest.raises(InputError) as caught:
        kolada_observations(document, catalogue=catalogue, file_name="k.json")

    assert where(caught.value.problems) == [(1, "values[0].values[0].value")]


@pytest.mark.parametrize(
    "document",
    [
        [None, True, 1.5, "x", [], {}],
        {"values": [[], None, "x", 1, {"values": {}}]},
        {"values": [{"kpi": [], "municipality": {}, "period": [2020], "values": [None, [], {"gender": 1}]}]},
        {"values": [{"kpi": "N01951", "municipality": "0884", "period": 2020, "values": [{"gender": "T", "value": {}}]}]},
    ],
    ids=["pages-of-every-type", "entries-of-every-type", "fields-of-wrong-types", "value-an-object"],
)
def test_a_shapeless_kolada_file_is_refused_naming_each_path(catalogue, document):
    problems = refused(document, catalogue)

    assert problems and all(p.field for p in problems)


def test_more_entries_than_the_row_limit_are_refused_stating_the_limit(catalogue):
    document = v3(*(entry(period=2000 + i) for i in range(5)))

    problems = refused_text(json.dumps(document), catalogue, limits=ImportLimits(max_rows=3))

    assert where(problems) == [(4, "values[3]")]
    assert "fler än 3" in problems[0].message and "ALLAS_MAX_IMPORT_ROWS" in problems[0].message
