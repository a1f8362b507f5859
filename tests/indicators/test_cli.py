"""``python -m indicators``: per-file results on stdout, problems on stderr, honest exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from indicators.cli import main
from indicators.storage.store import Store


@pytest.fixture
def database_url(seeded_database_url: str) -> str:
    """These tests run the CLI on an existing, freshly seeded database of their own;
    ``test_init_creates_and_seeds_the_database_and_prints_its_url`` covers creating one."""
    return seeded_database_url


@pytest.fixture
def good_file(write_csv, header):
    return write_csv(
        header + ",basis",
        "population,tuna,2021,245,SCB,tätort",
        "population,tuna,2020,241,SCB statistiska tätorter 2020,tätort",
        "mean_age,kommun,2020,44.2,\"SCB, via vimmerby.se (statistik och kommunfakta)\",",
        name="bra.csv",
    )  # the municipality's mean age came in from the bundled Kolada file: a new source is a change


@pytest.fixture
def bad_file(write_csv, header):
    return write_csv(
        header,
        "population,tuna,2022,250,SCB",
        "population,narnia,2021,1,SCB",
        "population,tuna,20x0,1,SCB",
        name="dålig.csv",
    )


def test_importing_a_good_file_prints_its_counts_and_exits_0(good_file, database_url, capsys):
    code = main(["import", str(good_file), "--database-url", database_url])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == f"{good_file} (csv, observationer): 1 tillagda, 2 ändrade, 0 oförändrade\n"
    assert err == ""


def test_importing_the_same_file_again_reports_everything_unchanged(good_file, database_url, capsys):
    main(["import", str(good_file), "--database-url", database_url])
    capsys.readouterr()

    assert main(["import", str(good_file), "--database-url", database_url]) == 0
    assert capsys.readouterr().out.endswith("0 tillagda, 0 ändrade, 3 oförändrade\n")


def test_a_bad_file_prints_every_problem_to_stderr_and_exits_1(bad_file, database_url, capsys):
    code = main(["import", str(bad_file), "--database-url", database_url])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.startswith("2 fel hittades; inget har sparats:")
    assert f"{bad_file}, rad 3, fält ”locality_id”" in err
    assert f"{bad_file}, rad 4, fält ”year”" in err


def test_each_file_is_all_or_nothing_and_a_bad_one_does_not_stop_the_good(
    bad_file, good_file, database_url, capsys
):
    code = main(["import", str(bad_file), str(good_file), "--database-url", database_url])

    out, err = capsys.readouterr()
    assert code == 1
    assert f"{good_file} (csv, observationer): 1 tillagda" in out
    assert "fel hittades" in err
    with Store.open(database_url) as store:
        years = [o.year for o in store.observations("population", ["tuna"])]
    assert 2021 in years  # from the good file
    assert 2022 not in years  # the bad file's valid row was not kept


def test_a_missing_file_is_reported_not_raised(tmp_path, database_url, capsys):
    code = main(["import", str(tmp_path / "saknas.csv"), "--database-url", database_url])

    assert code == 1
    assert "kunde inte läsas" in capsys.readouterr().err


def test_the_database_url_can_come_from_the_environment(good_file, database_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)

    assert main(["import", str(good_file)]) == 0
    with Store.open(database_url) as store:
        assert any(o.year == 2021 for o in store.observations("population", ["tuna"]))


def test_init_creates_and_seeds_the_database_and_prints_its_url(tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/ny/t.sqlite"

    assert main(["init", "--database-url", url]) == 0
    assert capsys.readouterr().out.strip() == url
    with Store.open(url, seed=False) as store:
        assert len(store.localities()) == 10


def test_an_unusable_database_url_exits_1_with_a_message(capsys):
    assert main(["init", "--database-url", "inte en url"]) == 1
    assert "Kunde inte öppna databasen" in capsys.readouterr().err


def test_help_explains_the_formats_columns_units_environment_variable_and_default(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["import", "--help"])

    help_text = capsys.readouterr().out
    assert exited.value.code == 0
    for word in ("indicator_id", "locality_id", "year", "value", "source", "basis", "source_date",
                 "unit", "name_sv", "kolada_kpi", "per_1000", "--format", "--sheet", "--user"):
        assert word in help_text  # fmt: skip
    for word in ("csv", "xlsx", "kolada", "0884", "Sammanfogade celler", "per 1 000 invånare", "0–100"):
        assert word in help_text
    assert "DATABASE_URL" in help_text
    assert "dashboard.sqlite" in help_text


def test_the_log_command_prints_the_imports_newest_first(good_file, database_url, capsys):
    main(["import", str(good_file), "--user", "anna", "--database-url", database_url])
    capsys.readouterr()

    assert main(["log", "--database-url", database_url]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["när", "(UTC)", "vem", "fil", "format", "typ", "rader", "tillagda",
                                "ändrade", "oförändrade"]  # fmt: skip
    assert lines[1].split()[2:] == ["anna", str(good_file), "csv", "observationer", "3", "1", "2", "0"]
    assert "kolada-vimmerby.json (inbyggd data)" in lines[2]  # the first start's own import


def test_an_empty_log_says_so(database_url, capsys):
    from sqlalchemy import delete

    from indicators.storage import schema
    from indicators.storage.store import Store

    with Store.open(database_url) as store, store.engine.begin() as conn:
        conn.execute(delete(schema.import_log))  # a fresh database logs the bundled Kolada import
    assert main(["log", "--database-url", database_url]) == 0
    assert capsys.readouterr().out == "Importloggen är tom.\n"


def test_clear_examples_prints_how_many_were_removed(database_url, capsys):
    assert main(["clear-examples", "--database-url", database_url]) == 0
    first = capsys.readouterr().out
    assert first.endswith("exempelvärden borttagna\n") and not first.startswith("0 ")

    main(["clear-examples", "--database-url", database_url])
    assert capsys.readouterr().out == "0 exempelvärden borttagna\n"


def test_format_and_sheet_are_passed_on(write_xlsx, database_url, capsys):
    path = write_xlsx(
        {"Info": [], "Data": [["indicator_id", "locality_id", "year", "value", "source"],
                              ["population", "tuna", 2021, 245, "SCB"]]},
        name="ort.bin",
    )  # fmt: skip

    assert main(["import", str(path), "--format", "xlsx", "--sheet", "Data", "--database-url", database_url]) == 0
    assert capsys.readouterr().out == f"{path} (xlsx, observationer): 1 tillagda, 0 ändrade, 0 oförändrade\n"


def test_a_large_file_gets_a_progress_bar_on_stderr(good_file, database_url, capsys, monkeypatch):
    monkeypatch.setattr("indicators.cli.LARGE_FILE_BYTES", 0)

    assert main(["import", str(good_file), "--database-url", database_url]) == 0

    assert "bra.csv" in capsys.readouterr().err


def test_a_small_file_has_no_progress_bar_when_stderr_is_not_a_terminal(good_file, database_url, capsys):
    assert main(["import", str(good_file), "--database-url", database_url]) == 0

    assert capsys.readouterr().err == ""


def test_the_module_runs_as_python_dash_m(good_file, database_url):
    done = subprocess.run(
        [sys.executable, "-m", "indicators", "import", str(good_file), "--database-url", database_url],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "1 tillagda" in done.stdout
