"""``import_file``: detection, all or nothing, idempotent, logged, replacing example values."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import pytest

from indicators.core.errors import InputError
from indicators.observations.importing import detect_format, format_of, import_file
from indicators.storage.store import SaveResult

HEADER = "indicator_id,locality_id,year,value,source"


def where(problems):
    return [(p.file, p.sheet, p.row, p.field) for p in problems]


def kolada(*entries):
    return json.dumps(
        {
            "values": [
                {"kpi": kpi, "municipality": code, "period": year,
                 "values": [{"gender": "T", "value": value, "count": 1, "status": "", "isdeleted": False}]}
                for kpi, code, year, value in entries
            ],
            "count": len(entries),
            "next_url": None,
        }
    )  # fmt: skip


def snapshot(store):
    return store.observations(), store.indicators(), store.import_log(), store.data_version()


# --------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"indicator_id,locality_id", "obs.csv", "csv"),
        (b"indicator_id;locality_id", "obs.txt", "csv"),
        (b"PK\x03\x04rest", "obs.xlsx", "xlsx"),
        (b"PK\x03\x04rest", "renamed.csv", "xlsx"),
        (b"not a zip", "obs.xlsx", "xlsx"),
        (b'\xef\xbb\xbf  {"values": []}', "download", "kolada"),
        (b'[{"values": []}]', "sidor.txt", "kolada"),
        (b"", "kolada.json", "kolada"),
    ],
)
def test_the_format_is_known_from_the_content_then_the_name(head, name, expected):
    assert format_of(head, name) == expected


def test_the_old_binary_excel_format_is_refused_with_advice():
    with pytest.raises(InputError) as caught:
        format_of(b"\xd0\xcf\x11\xe0rest", "gammal.xls")

    assert ".xlsx" in caught.value.problems[0].message


def test_detect_format_reads_the_file(write_csv, header):
    assert detect_format(write_csv(header, name="x.dat")) == "csv"


def test_a_missing_file_cannot_be_detected_or_imported(tmp_path, store):
    with pytest.raises(InputError):
        detect_format(tmp_path / "saknas.csv")
    with pytest.raises(InputError) as caught:
        import_file(store, tmp_path / "saknas.csv")
    assert "kunde inte läsas" in caught.value.problems[0].message


# ------------------------------------------------------------------- importing


def test_a_csv_import_reports_what_it_did_and_writes_one_log_line(store, write_csv):
    path = write_csv(
        HEADER + ",basis",
        "population,tuna,2021,245,SCB,tätort",
        "population,tuna,2020,241,SCB statistiska tätorter 2020,tätort",
        "population,tuna,2019,214,SCB statistiska tätorter via vimmerby.se,tätort",
        name="befolkning.csv",
    )
    before = datetime.now(UTC)

    report = import_file(store, path, user="anna")

    assert (report.file, report.format, report.kind, report.rows) == ("befolkning.csv", "csv", "observations", 3)
    assert report.result == SaveResult(added=1, changed=1, unchanged=1)
    entry, bundled = store.import_log()  # newest first; the first start's own Kolada import below it
    assert bundled.file == "kolada-vimmerby.json (inbyggd data)"
    assert (entry.user, entry.file, entry.format, entry.kind) == ("anna", "befolkning.csv", "csv", "observations")
    assert (entry.rows, entry.added, entry.changed, entry.unchanged) == (3, 1, 1, 1)
    assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.at.tzinfo is not None and before.replace(microsecond=0) <= entry.at <= datetime.now(UTC)


def test_reimporting_the_same_file_changes_no_data_but_is_logged(store, write_csv):
    path = write_csv(HEADER, "population,tuna,2021,245,SCB", "mean_age,kommun,2021,44.5,SCB")
    import_file(store, path, user="anna")
    observations, _, _, version = snapshot(store)

    again = import_file(store, path, user="anna")

    assert again.result == SaveResult(unchanged=2)
    assert store.observations() == observations
    assert store.data_version() == version
    newest, first, _bundled = store.import_log()
    assert (newest.added, newest.changed, newest.unchanged) == (0, 0, 2)
    assert newest.sha256 == first.sha256 and newest.id > first.id


def test_the_data_version_changes_when_data_is_written(store, write_csv):
    version = store.data_version()

    import_file(store, write_csv(HEADER, "population,tuna,2021,245,SCB"), user="anna")

    assert store.data_version() > version


def test_a_failing_import_leaves_data_log_and_version_exactly_as_before(store, write_csv):
    before = snapshot(store)
    path = write_csv(
        HEADER,
        "population,tuna,2021,245,SCB",
        "population,tuna,2020,999,SCB",
        "population,narnia,2021,1,SCB",
        name="tmp-upload-1234",
    )

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="webb", display_name="befolkning.csv")

    assert where(caught.value.problems) == [("befolkning.csv", None, 4, "locality_id")]
    assert snapshot(store) == before


def test_the_user_defaults_to_the_operating_system_user(store, write_csv, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "kalle")

    import_file(store, write_csv(HEADER, "population,tuna,2021,245,SCB"))

    assert store.import_log()[0].user == "kalle"


def test_the_log_is_newest_first_and_limited(store, write_csv):
    for year in (2021, 2022, 2023):
        import_file(store, write_csv(HEADER, f"population,tuna,{year},245,SCB", name=f"{year}.csv"), user="a")

    assert [e.file for e in store.import_log(limit=2)] == ["2023.csv", "2022.csv"]


def test_progress_is_reported_while_reading(store, write_csv):
    calls = []
    path = write_csv(HEADER, "population,tuna,2021,245,SCB", "population,tuna,2022,246,SCB")

    import_file(store, path, user="a", progress=lambda done, total: calls.append((done, total)))

    assert calls[-1] == (2, 2)


# ------------------------------------------------------------------- bad input


def test_a_share_over_100_percent_is_refused_with_file_row_field_and_range(store, write_csv):
    path = write_csv(HEADER, "broadband_100,tuna,2023,99.5,PTS", "broadband_100,storebro,2023,104,PTS", name="bredband.csv")

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a")

    [problem] = caught.value.problems
    assert (problem.file, problem.row, problem.field) == ("bredband.csv", 3, "value")
    assert str(problem) == (
        "bredband.csv, rad 3, fält ”value”: 104 ligger utanför det tillåtna för enheten ”%” (0–100)"
    )


def test_wrong_units_are_refused(store, write_csv):
    path = write_csv(
        HEADER + ",unit",
        "broadband_100,tuna,2023,99.5,PTS,procent",
        "broadband_100,storebro,2023,0.95,PTS,andel",
        "population,storebro,2023,1049,SCB,%",
        name="enheter.csv",
    )

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a")

    assert where(caught.value.problems) == [("enheter.csv", None, 3, "unit"), ("enheter.csv", None, 4, "unit")]
    assert "fel enhet: ”%”, men indikatorn mäts i ”invånare”" in caught.value.problems[1].message


def test_a_future_year_and_an_unknown_indicator_are_refused(store, write_csv):
    path = write_csv(HEADER, "population,tuna,2026,245,SCB", "populaton,tuna,2024,245,SCB", name="x.csv")

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a", current_year=2025)

    assert where(caught.value.problems) == [("x.csv", None, 2, "year"), ("x.csv", None, 3, "indicator_id")]
    assert "menade du ”population”" in caught.value.problems[1].message


def test_a_sheet_can_only_be_chosen_in_an_excel_file(store, write_csv):
    with pytest.raises(InputError) as caught:
        import_file(store, write_csv(HEADER), sheet="Data")

    assert "Excel" in caught.value.problems[0].message


def test_an_unknown_format_is_refused(store, write_csv):
    with pytest.raises(InputError):
        import_file(store, write_csv(HEADER), fmt="ods")


def test_an_excel_file_with_several_sheets_is_refused_unless_one_is_named(store, write_xlsx):
    path = write_xlsx(
        {"Data": [HEADER.split(","), ["population", "tuna", 2021, 245, "SCB"]], "Blad2": []},
        name="ort.xlsx",
    )
    before = snapshot(store)

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a")
    assert "”Data”, ”Blad2”" in caught.value.problems[0].message
    assert snapshot(store) == before

    report = import_file(store, path, user="a", sheet="Data")
    assert (report.format, report.result) == ("xlsx", SaveResult(added=1))


def test_an_excel_problem_names_the_sheet(store, write_xlsx):
    path = write_xlsx({"Befolkning": [HEADER.split(","), ["population", "tuna", 2021, -3, "SCB"]]})

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a")

    assert where(caught.value.problems) == [("obs.xlsx", "Befolkning", 2, "value")]


# ---------------------------------------------------------------------- kolada


def test_a_kolada_file_adds_to_the_bundled_kolada_figures(store, tmp_path):
    path = tmp_path / "kolada.json"
    path.write_text(kolada(("N01951", "0884", 2024, 15384.0), ("N01951", "0884", 2023, 15471.0),
                           ("N00959", "0000", 2020, 41.3)), encoding="utf-8")  # fmt: skip

    report = import_file(store, path, user="a")

    assert (report.format, report.kind) == ("kolada", "observations")
    # 2024 and Sweden's mean age came with the bundled Kolada file at first start; 2023 is new.
    assert report.result == SaveResult(added=1, unchanged=2)
    kommun = {o.year: o for o in store.observations("population", ["kommun"])}
    assert kommun[2024].source == "Kolada (KPI N01951)"
    assert kommun[2024].basis == ""
    assert import_file(store, path, user="a").result == SaveResult(unchanged=3)


def test_a_kolada_file_of_the_wrong_shape_stores_nothing(store, tmp_path):
    path = tmp_path / "kolada.json"
    path.write_text(json.dumps({"values": [{"kpi": "N01951", "municipality": "0884", "period": "2020"}]}))
    before = snapshot(store)

    with pytest.raises(InputError) as caught:
        import_file(store, path, user="a")

    assert where(caught.value.problems) == [("kolada.json", None, 1, "values[0].values")]
    assert snapshot(store) == before


# -------------------------------------------------------------- example values


def test_a_staff_import_replaces_an_example_value_and_clears_the_flag(store, write_csv):
    [example] = [o for o in store.observations("services", ["tuna"]) if o.year == 2024]
    assert example.example is True

    path = write_csv(HEADER + ",basis", f"services,tuna,2024,3,Kommunens inventering 2024,{example.basis}")
    assert import_file(store, path, user="a").result == SaveResult(changed=1)

    [replaced] = [o for o in store.observations("services", ["tuna"]) if o.year == 2024]
    assert (replaced.value, replaced.example, replaced.source) == (3.0, False, "Kommunens inventering 2024")


def test_clearing_examples_removes_only_example_values(store, write_csv):
    path = write_csv(HEADER, "services,tuna,2024,3,Kommunens inventering 2024")
    import_file(store, path, user="a")
    examples = [o for o in store.observations() if o.example]
    real = [o for o in store.observations() if not o.example]
    version = store.data_version()

    assert store.clear_examples() == len(examples)

    assert store.observations() == real
    assert store.data_version() > version
    assert store.clear_examples() == 0
