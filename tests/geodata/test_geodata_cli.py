"""``python -m geodata import``: exit codes, what it prints, and all-or-nothing saving."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geodata.cli import main
from indicators.core.model import Locality
from indicators.storage.store import Store
from tests.conftest import empty_postgres_url

WriteLayer = Callable[..., Path]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'geodata-cli.sqlite'}"


def stored(url: str) -> dict[str, Locality]:
    with Store.open(url) as store:
        return {locality.id: locality for locality in store.localities()}


def test_cli_help_explains_formats_and_matching(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["import", "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    needles = ("GeoJSON", "GeoPackage", "Shapefile", ".prj", "namn", "tatort", "locality_id", "Sodra Vi")
    for needle in (*needles, "--database-url"):
        assert needle in text


def test_cli_imports_points_and_areas(
    write_layer: WriteLayer, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    area = shapely.box(16.05, 57.55, 16.15, 57.60)
    path = write_layer(
        "orter.gpkg",
        {"namn": ["Djursdala", "Tuna", "Mariannelund"]},
        [shapely.Point(15.871, 57.761), area, shapely.Point(15.3, 57.6)],
    )
    before = stored(db)
    assert main(["import", str(path), "--database-url", db]) == 0
    out = capsys.readouterr()
    assert "Djursdala: nytt läge 57.76100, 15.87100" in out.out and "(var ungefärligt)" in out.out
    assert "Tuna: område inläst" in out.out
    assert "2 orter ändrade och sparade" in out.out
    assert "objekt 3 (namn ”Mariannelund”)" in out.out
    assert out.err == ""

    after = stored(db)
    djursdala = after["djursdala"]
    assert (djursdala.lat, djursdala.lon, djursdala.approximate) == (57.761, 15.871, False)
    assert after["djursdala"].position_basis == "inläst från orter.gpkg"
    assert shape(json.loads(after["tuna"].area_geojson or "null")).equals(area)
    assert (after["tuna"].lat, after["tuna"].lon) == (before["tuna"].lat, before["tuna"].lon)
    assert after["vimmerby"] == before["vimmerby"]

    assert main(["import", str(path), "--database-url", db]) == 0
    again = capsys.readouterr().out
    assert "Djursdala: oförändrad" in again and "0 orter ändrade" in again
    assert stored(db) == after


def test_cli_bad_file_stores_nothing(
    write_layer: WriteLayer, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = stored(db)
    path = write_layer(
        "fel.geojson",
        {"namn": ["Djursdala", "Tuna"]},
        [shapely.Point(15.871, 57.761), shapely.LineString([(16.0, 57.6), (16.1, 57.6)])],
    )
    assert main(["import", str(path), "--database-url", db]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "1 fel hittades; inget har sparats" in out.err and "fel.geojson, objekt 2" in out.err
    assert stored(db) == before


def test_cli_missing_file_and_usage_errors(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "saknas.gpkg"), "--database-url", db]) == 1
    assert "saknas.gpkg: filen finns inte" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2


def test_cli_unopenable_database(
    write_layer: WriteLayer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_layer("orter.geojson", {"namn": ["Tuna"]}, [shapely.Point(16.1, 57.58)])
    not_a_database = tmp_path / "inte-en-databas.sqlite"
    not_a_database.write_bytes(b"\x00garbage" * 200)
    assert main(["import", str(path), "--database-url", f"sqlite:///{not_a_database}"]) == 1
    assert "Kunde inte öppna databasen" in capsys.readouterr().err


def test_cli_runs_as_module(write_layer: WriteLayer, db: str) -> None:
    good = write_layer("bra.geojson", {"ort": ["Tuna"]}, [shapely.Point(16.1, 57.58)])
    bad = write_layer("utanfor.geojson", {"ort": ["Tuna"]}, [shapely.Point(14.0, 57.58)])
    run = [sys.executable, "-m", "geodata", "import"]
    ok = subprocess.run([*run, str(good), "--database-url", db], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "Tuna: nytt läge" in ok.stdout
    refused = subprocess.run([*run, str(bad), "--database-url", db], capture_output=True, text=True)
    assert refused.returncode == 1
    assert "utanför kommungränsen" in refused.stderr


def test_cli_broken_zip_is_refused_in_words_and_stores_nothing(
    write_layer: WriteLayer, db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = write_layer("orter.shp", {"namn": ["Tuna"]}, [shapely.Point(16.1, 57.58)])
    archive = tmp_path / "orter.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in shp.parent.glob("orter.*"):
            if part.suffix not in (".shx", ".zip"):
                zipped.write(part, part.name)
    before = stored(db)
    assert main(["import", str(archive), "--database-url", db]) == 1
    out = capsys.readouterr()
    assert out.out == "" and "Traceback" not in out.err
    assert "orter.zip: Shapefilen ”orter” saknar .shx (indexet)" in out.err
    assert stored(db) == before


def test_cli_limits_from_flags_and_environment(
    write_layer: WriteLayer, db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_layer("tva.geojson", {"ort": ["Tuna", "Vimmerby"]}, [shapely.Point(16.1, 57.58)] * 2)
    before = stored(db)
    assert main(["import", str(path), "--database-url", db, "--max-features", "1"]) == 1
    assert "fler än 1 objekt" in capsys.readouterr().err
    monkeypatch.setenv("ALLAS_MAX_GEO_FEATURES", "1")
    assert main(["import", str(path), "--database-url", db]) == 1
    assert "ALLAS_MAX_GEO_FEATURES" in capsys.readouterr().err
    monkeypatch.setenv("ALLAS_MAX_GEO_FEATURES", "många")
    assert main(["import", str(path), "--database-url", db]) == 1
    assert capsys.readouterr().err.strip() == "ALLAS_MAX_GEO_FEATURES måste vara ett positivt heltal, inte ”många”"
    assert stored(db) == before
    assert main(["import", str(path), "--database-url", db, "--max-features", "2"]) == 0
    with pytest.raises(SystemExit) as exited:
        main(["import", str(path), "--max-uncompressed-mb", "0"])
    assert exited.value.code == 2


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database on each backend; PostgreSQL from TEST_POSTGRES_URL (skipped locally without it, never in CI)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backend.sqlite'}"
    return empty_postgres_url()


def test_cli_refused_files_change_nothing_on_each_backend(
    write_layer: WriteLayer, backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unclosed = tmp_path / "oppen.geojson"
    ring = [[16.0, 57.5], [16.1, 57.5], [16.1, 57.6], [16.0, 57.6]]
    unclosed.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"namn": "Djursdala"},
         "geometry": {"type": "Point", "coordinates": [15.871, 57.761]}},
        {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": {"type": "Polygon", "coordinates": [ring]}},
    ]}), "utf-8")
    nan = tmp_path / "nan.geojson"
    nan.write_text(unclosed.read_text("utf-8").replace("[16.1, 57.5], [16.1, 57.6], [16.0, 57.6]]",
                                                       "[NaN, 57.5], [16.1, 57.6], [16.0, 57.5]]"), "utf-8")
    shp = write_layer("orter.shp", {"namn": ["Tuna"]}, [shapely.Point(16.1, 57.58)])
    no_index = tmp_path / "utan_shx.zip"
    with zipfile.ZipFile(no_index, "w") as zipped:
        for part in shp.parent.glob("orter.*"):
            if part.suffix != ".shx":
                zipped.write(part, part.name)
    before = stored(backend)
    for path, says in [(unclosed, "inte sluten"), (nan, "NaN"), (no_index, "saknar .shx")]:
        assert main(["import", str(path), "--database-url", backend]) == 1
        err = capsys.readouterr().err
        assert says in err and "Traceback" not in err
        assert stored(backend) == before
    good = write_layer("bra.geojson", {"namn": ["Djursdala"]}, [shapely.Point(15.871, 57.761)])
    assert main(["import", str(good), "--database-url", backend]) == 0
    assert stored(backend)["djursdala"].lat == 57.761
