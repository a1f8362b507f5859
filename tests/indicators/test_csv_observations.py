"""The observations CSV loader: forgiving about Excel, strict about meaning."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError
from indicators.core.model import Observation
from indicators.observations.cells import parse_number
from indicators.observations.csv_observations import read_observations_csv
from indicators.observations.csv_tables import sniff_delimiter


def where(problems):
    return [(p.row, p.field) for p in problems]


# ------------------------------------------------------------------ good files


def test_a_comma_separated_file_gives_its_observations_in_file_order(write_csv, read_csv, header):
    path = write_csv(
        header,
        "population,vimmerby,2020,8231,SCB",
        "population,kommun,2020,15672,SCB",
        "mean_age,riket,2020,41.3,SCB via Kolada",
    )

    assert read_csv(path) == [
        Observation("population", "vimmerby", 2020, 8231.0, "SCB"),
        Observation("population", "kommun", 2020, 15672.0, "SCB"),
        Observation("mean_age", "riket", 2020, 41.3, "SCB via Kolada"),
    ]


def test_a_semicolon_file_from_swedish_excel_with_bom_and_decimal_comma_is_read(write_csv, read_csv):
    path = write_csv(
        "indicator_id;locality_id;year;value;source",
        "mean_age;kommun;2020;44,2;SCB",
        "population;sodra-vi;2023;1117;SCB",
        bom=True,
    )

    assert [(o.place_id, o.value) for o in read_csv(path)] == [("kommun", 44.2), ("sodra-vi", 1117.0)]


def test_an_empty_value_is_missing_never_zero(write_csv, read_csv, header):
    path = write_csv(header, "population,tuna,2021,,SCB")

    assert read_csv(path)[0].value is None


def test_an_empty_year_is_an_undated_figure(write_csv, read_csv, header):
    path = write_csv(header, "population,rumskulla,,500,svenskakyrkan.se")

    assert read_csv(path)[0].year is None


@pytest.mark.parametrize(
    ("written", "number"),
    [("12.5", 12.5), ("12,5", 12.5), ("-3", -3.0), ("1 234", 1234.0), ("0", 0.0), ("−2,5", -2.5)],
)
def test_numbers_are_read_the_swedish_and_the_english_way(written, number):
    assert parse_number(written) == number


@pytest.mark.parametrize("written", ["12,5.3", "1,234.5", "abc", "nan", "inf", "12 %", "--3"])
def test_ambiguous_or_non_numbers_are_not_numbers(written):
    assert parse_number(written) is None


def test_a_quoted_decimal_comma_in_a_comma_file_is_a_number(write_csv, read_csv, header):
    path = write_csv(header, 'mean_age,kommun,2020,"44,2",SCB')

    assert read_csv(path)[0].value == 44.2


def test_column_names_are_case_insensitive_trimmed_and_in_any_order(write_csv, read_csv):
    path = write_csv(
        " Source ;VALUE; Year;Locality_ID;indicator_id ; Basis;source_date",
        "SCB;8231;2020;vimmerby;population;tätort;2021-03-31",
    )

    assert read_csv(path) == [
        Observation("population", "vimmerby", 2020, 8231.0, "SCB", "tätort", "2021-03-31")
    ]


def test_optional_columns_default_to_no_basis_and_no_source_date(write_csv, read_csv, header):
    observation = read_csv(write_csv(header, "population,tuna,2020,240,SCB"))[0]

    assert (observation.basis, observation.source_date) == ("", None)


def test_cells_are_trimmed_and_blank_lines_are_skipped(write_csv, read_csv, header):
    path = write_csv(header, "", " population , tuna , 2020 , 240 , SCB ", ",,,,")

    assert read_csv(path) == [Observation("population", "tuna", 2020, 240.0, "SCB")]


def test_windows_line_endings_are_read(write_csv, read_csv):
    path = write_csv(raw=b"indicator_id,locality_id,year,value,source\r\npopulation,tuna,2020,240,SCB\r\n")

    assert len(read_csv(path)) == 1


def test_the_same_key_with_another_basis_is_not_a_duplicate(write_csv, read_csv):
    path = write_csv(
        "indicator_id,locality_id,year,value,source,basis",
        "population,frodinge,2022,991,SCB/SVT,electoral district",
        "population,frodinge,2022,302,SCB,tätort",
    )

    assert len(read_csv(path)) == 2


def test_the_delimiter_is_sniffed_from_the_header():
    assert sniff_delimiter("indicator_id;locality_id;year;value;source") == ";"
    assert sniff_delimiter("indicator_id,locality_id,year,value,source") == ","


def test_a_header_only_file_has_no_observations(write_csv, read_csv, header):
    assert read_csv(write_csv(header)) == []


# ------------------------------------------------------------------- bad files


def test_a_missing_column_is_named_on_row_1(write_csv, refused):
    problems = refused(write_csv("indicator_id,locality_id,year,source", "population,tuna,2020,SCB"))

    assert where(problems) == [(1, "value")]
    assert "saknas" in problems[0].message


def test_a_misspelt_column_is_caught_and_the_right_name_suggested(write_csv, refused):
    problems = refused(
        write_csv("indicator_id,locality_id,year,valeu,source", "population,tuna,2020,240,SCB")
    )

    assert where(problems) == [(1, "valeu"), (1, "value")]
    assert "okänd kolumn" in problems[0].message
    assert "”value”" in problems[0].message


def test_an_extra_column_is_refused_even_when_all_required_are_present(write_csv, refused, header):
    problems = refused(write_csv(header + ",comment", "population,tuna,2020,240,SCB,hej"))

    assert where(problems) == [(1, "comment")]


def test_an_empty_file_is_refused(write_csv, refused):
    problems = refused(write_csv(raw=b""))

    assert where(problems) == [(1, None)]
    assert "tom" in problems[0].message


def test_a_file_of_blank_lines_is_refused_as_empty(write_csv, refused):
    assert "tom" in refused(write_csv("", "  ", ""))[0].message


def test_an_unknown_indicator_is_reported_with_row_and_field(write_csv, refused, header):
    problems = refused(write_csv(header, "population,tuna,2020,240,SCB", "folkmangd,tuna,2020,240,SCB"))

    assert where(problems) == [(3, "indicator_id")]
    assert "folkmangd" in problems[0].message


def test_an_unknown_locality_is_reported_with_valid_ids_and_a_suggestion(write_csv, refused, header):
    problems = refused(write_csv(header, "population,Sodra Vi,2020,1162,SCB"))

    assert where(problems) == [(2, "locality_id")]
    message = problems[0].message
    assert "”Sodra Vi”" in message
    assert "menade du ”sodra-vi”" in message
    assert "vimmerby" in message and "kommun" in message


def test_the_municipality_and_sweden_are_valid_places(write_csv, read_csv, header):
    path = write_csv(header, "mean_age,kommun,2020,44.2,SCB", "mean_age,riket,2020,41.3,SCB")

    assert [o.place_id for o in read_csv(path)] == ["kommun", "riket"]


def test_a_year_that_is_not_a_year_is_refused(write_csv, refused, header):
    problems = refused(write_csv(header, "population,tuna,20x0,240,SCB"))

    assert where(problems) == [(2, "year")]
    assert "”20x0” är inget årtal" in problems[0].message


@pytest.mark.parametrize("year", ["1799", "2026", "20200"])
def test_a_year_before_1800_or_after_this_year_is_refused(write_csv, refused, header, year):
    assert where(refused(write_csv(header, f"population,tuna,{year},240,SCB"))) == [(2, "year")]


def test_this_year_and_1800_are_allowed(write_csv, read_csv, header):
    path = write_csv(header, "population,tuna,1800,240,SCB", "population,tuna,2025,240,SCB")

    assert [o.year for o in read_csv(path)] == [1800, 2025]


def test_the_default_current_year_is_the_calendar_year(write_csv, header, catalogue):
    next_year = date.today().year + 1
    path = write_csv(header, f"population,tuna,{next_year},240,SCB")

    with pytest.raises(InputError) as caught:
        read_observations_csv(path, catalogue=Catalogue.of(catalogue.indicators.values(), {"tuna"}))

    assert where(caught.value.problems) == [(2, "year")]


def test_a_value_that_is_not_a_number_is_refused(write_csv, refused, header):
    problems = refused(write_csv(header, "population,tuna,2020,ca 240,SCB"))

    assert where(problems) == [(2, "value")]
    assert "”ca 240” är inget tal" in problems[0].message


def test_an_empty_source_is_refused(write_csv, refused, header):
    assert where(refused(write_csv(header, "population,tuna,2020,240,  "))) == [(2, "source")]


def test_a_duplicate_key_points_at_the_first_row(write_csv, refused, header):
    problems = refused(
        write_csv(
            header,
            "population,tuna,2020,240,SCB",
            "population,tuna,2019,214,SCB",
            "population,tuna,2020,241,SCB",
        )
    )

    assert where(problems) == [(4, None)]
    assert "samma som rad 2" in problems[0].message


def test_two_undated_rows_for_the_same_place_are_duplicates(write_csv, refused, header):
    problems = refused(
        write_csv(header, "population,rumskulla,,500,a", "population,rumskulla,,510,b")
    )

    assert where(problems) == [(3, None)]


def test_a_row_with_the_wrong_number_of_cells_is_refused(write_csv, refused, header):
    problems = refused(write_csv(header, "population,tuna,2020,240", "population,tuna,2019,214,SCB,x"))

    assert where(problems) == [(2, None), (3, None)]
    assert "4 fält" in problems[0].message and "5" in problems[0].message


def test_every_problem_in_the_file_is_reported_at_once(write_csv, refused, header):
    problems = refused(
        write_csv(
            header,
            "population,tuna,2020,240,SCB",
            "folkmangd,tuna,2020,240,SCB",
            "population,narnia,20x0,abc,",
            "population,tuna,2020,241,SCB",
        )
    )

    assert where(problems) == [
        (3, "indicator_id"),
        (4, "locality_id"),
        (4, "year"),
        (4, "value"),
        (4, "source"),
        (5, None),
    ]


def test_row_numbers_are_file_lines_even_after_a_cell_spanning_lines(write_csv, refused, header):
    path = write_csv(
        header + ",basis",
        'population,tuna,2020,240,SCB,"tätort\nenligt SCB"',
        "population,tuna,2019,abc,SCB,tätort",
    )

    assert where(refused(path)) == [(4, "value")]


def test_problems_name_the_file_by_its_display_name(write_csv, refused, header):
    path = write_csv(header, "population,tuna,2020,abc,SCB", name="tmp123.csv")

    assert refused(path, display_name="befolkning.csv")[0].file == "befolkning.csv"
    assert refused(path)[0].file == "tmp123.csv"


def test_a_latin_1_file_is_refused_naming_the_line_and_how_to_fix_it(write_csv, refused, header):
    path = write_csv(
        header,
        "population,tuna,2020,240,SCB",
        "population,sodra-vi,2020,1162,SCB Södra Vi",
        encoding="latin-1",
        name="latin.csv",
    )

    problems = refused(path)

    assert where(problems) == [(3, None)]
    assert problems[0].file == "latin.csv"
    assert "spara filen som UTF-8" in problems[0].message


def test_a_missing_file_is_an_input_error_not_a_crash(tmp_path, refused):
    problems = refused(tmp_path / "finns-inte.csv")

    assert problems[0].file == "finns-inte.csv"
    assert "kunde inte läsas" in problems[0].message


def test_the_report_lists_every_problem_in_swedish(write_csv, header, catalogue):
    path = write_csv(header, "population,tuna,20x0,240,SCB", "population,tuna,2020,abc,SCB")

    with pytest.raises(InputError) as caught:
        read_observations_csv(path, catalogue=catalogue)

    report = caught.value.report()
    assert report.startswith("2 fel hittades; inget har sparats:")
    assert "obs.csv, rad 2, fält ”year”: ”20x0” är inget årtal" in report
    assert "obs.csv, rad 3, fält ”value”" in report


def test_an_indicator_measured_only_for_the_municipality_has_no_locality_values(write_csv, refused, header):
    problems = refused(write_csv(header, "mean_age,kommun,2020,44.2,SCB", "mean_age,tuna,2020,47.0,SCB"))

    assert where(problems) == [(3, "locality_id")]
    assert "bara för hela kommunen" in problems[0].message


def test_values_are_checked_against_their_indicators_unit(write_csv, refused, header):
    problems = refused(
        write_csv(
            header + ",unit",
            "employment,kommun,2020,82.3,SCB,%",
            "employment,riket,2020,182.3,SCB,",
            "population,tuna,2020,240.5,SCB,",
            "mean_age,kommun,2020,44.2,SCB,kr",
        )
    )

    assert where(problems) == [(3, "value"), (4, "value"), (5, "unit")]
    assert "(0–100)" in problems[0].message
    assert "inget heltal" in problems[1].message
    assert "fel enhet: ”kr”, men indikatorn mäts i ”år”" in problems[2].message


def test_every_row_can_be_marked_as_example_data(write_csv, read_csv, header):
    observations = read_csv(write_csv(header, "population,tuna,2020,240,Exempel"), example=True)

    assert [o.example for o in observations] == [True]
