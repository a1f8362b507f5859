"""The import limits: read from the environment, stated in the refusal, applied to every format,
and a refused file stores nothing. (Workbook sizes: test_excel.py; Kolada entries: test_kolada.py.)"""

from __future__ import annotations

import pytest

from indicators.core.errors import InputError
from indicators.observations.importing import import_file
from indicators.observations.limits import (
    DEFAULT_LIMITS,
    PROBLEMS_ENV,
    ROWS_ENV,
    XLSX_MB_ENV,
    XLSX_PARTS_ENV,
    ImportLimits,
    limits_from_env,
)

HEADER = "indicator_id,locality_id,year,value,source"


def test_without_settings_the_defaults_apply():
    assert limits_from_env({}) == DEFAULT_LIMITS == ImportLimits(1_000_000, 50, 1_000, 1_000)


def test_each_limit_is_read_from_its_environment_variable():
    env = {ROWS_ENV: "2000000", XLSX_MB_ENV: " 200 ", XLSX_PARTS_ENV: "5_000", PROBLEMS_ENV: "50"}

    assert limits_from_env(env) == ImportLimits(
        max_rows=2_000_000, max_xlsx_uncompressed_mb=200, max_xlsx_parts=5_000, max_problems=50
    )


@pytest.mark.parametrize("written", ["0", "-5", "ten", "1.5", "9" * 40])
def test_a_setting_that_is_not_a_positive_whole_number_is_refused_naming_the_variable(written):
    with pytest.raises(InputError) as caught:
        limits_from_env({ROWS_ENV: written})

    problem = caught.value.problems[0]
    assert problem.file == ROWS_ENV
    assert "positivt heltal" in problem.message and "1\u00a0000\u00a0000" in problem.message  # a no-break space between thousands


def test_the_benchmarks_million_rows_are_within_the_default_row_limit():
    # benchmarks/import_rate.py imports 2,000 localities × 25 indicators × 20 years.
    assert DEFAULT_LIMITS.max_rows >= 2_000 * 25 * 20


def test_a_csv_file_over_the_row_limit_set_in_the_environment_is_refused_and_stores_nothing(
    store, tmp_path, monkeypatch
):
    path = tmp_path / "obs.csv"
    path.write_text(
        HEADER + "\n" + "".join(f"population,tuna,{2000 + i},{100 + i},SCB\n" for i in range(4)),
        encoding="utf-8",
    )
    before, log_before = store.observations("population"), store.import_log()
    monkeypatch.setenv(ROWS_ENV, "3")

    with pytest.raises(InputError) as caught:
        import_file(store, path, current_year=2025)

    problem = caught.value.problems[-1]
    assert (problem.file, problem.row) == ("obs.csv", 5)
    assert "fler än 3 datarader" in problem.message and ROWS_ENV in problem.message
    assert store.observations("population") == before
    assert store.import_log() == log_before


def test_a_file_at_the_row_limit_is_accepted(store, tmp_path):
    path = tmp_path / "obs.csv"
    path.write_text(
        HEADER + "\n\n" + "".join(f"population,tuna,{2000 + i},{100 + i},SCB\n" for i in range(3)),
        encoding="utf-8",
    )

    report = import_file(store, path, current_year=2025, limits=ImportLimits(max_rows=3))

    assert report.rows == 3  # the blank line is not a row


def test_a_kolada_file_over_the_row_limit_is_refused_through_import_file(store, tmp_path):
    path = tmp_path / "kolada.json"
    entries = ",".join(
        f'{{"kpi": "N01951", "municipality": "0884", "period": {2000 + i}, '
        f'"values": [{{"gender": "T", "value": 15000}}]}}'
        for i in range(3)
    )
    path.write_text(f'{{"values": [{entries}]}}', encoding="utf-8")

    with pytest.raises(InputError) as caught:
        import_file(store, path, current_year=2025, limits=ImportLimits(max_rows=2))

    assert "fler än 2" in caught.value.problems[-1].message


@pytest.mark.parametrize(
    ("cell", "field", "words"),
    [
        ("1e400", "value", "ändligt"),
        ("-1e400", "value", "ändligt"),
        ("9" * 5000, "value", "ändligt"),
        ("2" * 5000, "year", "årtal"),
    ],
    ids=["1e400", "minus-1e400", "5000-digit-value", "5000-digit-year"],
)
def test_a_csv_number_beyond_range_is_refused_in_its_cell_and_shown_shortened(store, tmp_path, cell, field, words):
    year, value = (cell, "100") if field == "year" else ("2020", cell)
    path = tmp_path / "obs.csv"
    path.write_text(f"{HEADER}\npopulation,tuna,{year},{value},SCB\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        import_file(store, path, current_year=2025)

    problem = caught.value.problems[0]
    assert (problem.row, problem.field) == (2, field)
    assert words in problem.message and len(problem.message) < 300


def _bad_rows_file(tmp_path, fmt: str):
    """Ten rows, each with an unknown locality, as CSV, a workbook or a Kolada page."""
    if fmt == "kolada":
        entries = ",".join(
            f'{{"kpi": "N01951", "municipality": "9999", "period": {2000 + i}, "values": []}}' for i in range(10)
        )
        path = tmp_path / "bad.json"
        path.write_text(f'{{"values": [{entries}]}}', encoding="utf-8")
        return path
    rows = [HEADER.split(","), *[["population", f"nowhere-{i}", 2000 + i, 1, "SCB"] for i in range(10)]]
    if fmt == "csv":
        path = tmp_path / "bad.csv"
        path.write_text("".join(",".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
        return path
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "kolada"])
def test_reading_stops_after_the_problem_limit_saying_so(store, tmp_path, fmt):
    path = _bad_rows_file(tmp_path, fmt)

    with pytest.raises(InputError) as caught:
        import_file(store, path, current_year=2025, limits=ImportLimits(max_problems=3))

    problems = caught.value.problems
    assert len(problems) == 4
    assert "fler än 3 fel; läsningen avbröts här" in problems[-1].message
    assert "ALLAS_MAX_IMPORT_PROBLEMS" in problems[-1].message
    assert problems[-1].row == problems[-2].row + 1  # where reading stopped


def test_under_the_problem_limit_every_problem_is_listed(store, tmp_path):
    with pytest.raises(InputError) as caught:
        import_file(store, _bad_rows_file(tmp_path, "csv"), current_year=2025, limits=ImportLimits(max_problems=10))

    assert len(caught.value.problems) == 10


def test_files_refused_for_damage_or_limits_change_nothing_on_each_backend(backend_store, tmp_path):
    import io
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    for i in range(50):
        workbook.active.append(["indicator_id", "locality_id", "year", "value", "source"] if i == 0
                               else ["population", "tuna", 1900 + i, i, "SCB"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    cut = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(cut, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) * 2 // 3] if name == "xl/worksheets/sheet1.xml" else data)
    files = {
        "cut.xlsx": cut.getvalue(),
        "rows.csv": (HEADER + "\n" + "".join(f"population,tuna,{2000 + i},1,SCB\n" for i in range(3))).encode(),
        "deep.json": b"[" * 5000 + b"]" * 5000,
        "huge.json": b'{"values": [{"kpi": "N01951", "municipality": "0884", "period": 2020, '
                     b'"values": [{"gender": "T", "value": ' + b"9" * 5000 + b"}]}]}",
    }
    before = (backend_store.observations(), backend_store.import_log(), backend_store.data_version())

    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError):
            import_file(backend_store, path, current_year=2025, limits=ImportLimits(max_rows=2))

    assert (backend_store.observations(), backend_store.import_log(), backend_store.data_version()) == before
