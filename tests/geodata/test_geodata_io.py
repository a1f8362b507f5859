"""Reading staff's geometry files: matching, reprojection, repair, and every refusal."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import shapely
from shapely.geometry import mapping, shape

from geodata.crs import to_sweref
from geodata.io import GeometryImport, read_locality_geometries
from indicators.errors import FEATURE, InputError, Problem
from indicators.model import Locality

WriteLayer = Callable[..., Path]

VIMMERBY_NEW = shapely.Point(15.8550, 57.6690)
TUNA_NEW = shapely.Point(16.1000, 57.5800)
SQUARE = shapely.box(15.80, 57.64, 15.90, 57.70)


def problems_of(path: Path, localities: list[Locality], **kwargs: object) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        read_locality_geometries(path, localities, **kwargs)
    problems = raised.value.problems
    assert problems, "an InputError must carry at least one problem"
    assert all(p.row_label == FEATURE for p in problems)
    return problems


# ----------------------------------------------------------------- good files


def test_io_points_update_positions_and_clear_approximate(
    write_layer: WriteLayer, ten: list[Locality], by_id: dict[str, Locality]
) -> None:
    djursdala_new = shapely.Point(15.871, 57.761)
    path = write_layer("orter.geojson", {"namn": ["Vimmerby", "Djursdala"]}, [VIMMERBY_NEW, djursdala_new])
    result = read_locality_geometries(path, ten)
    assert isinstance(result, GeometryImport)
    assert [loc.id for loc in result.updated] == ["vimmerby", "djursdala"]
    djursdala = result.updated[1]
    assert (djursdala.lat, djursdala.lon) == pytest.approx((57.761, 15.871))
    assert djursdala.approximate is False and by_id["djursdala"].approximate is True
    assert djursdala.position_basis == "inläst från orter.geojson"
    assert djursdala.area_geojson is None
    moved_fields = {"lat": 0, "lon": 0, "approximate": True, "position_basis": ""}
    assert dataclasses.replace(djursdala, **moved_fields) == dataclasses.replace(by_id["djursdala"], **moved_fields)
    assert result.ignored == []


def test_io_polygons_set_areas_and_keep_centres(
    write_layer: WriteLayer, ten: list[Locality], by_id: dict[str, Locality]
) -> None:
    path = write_layer("omraden.gpkg", {"ort": ["vimmerby"]}, [SQUARE])
    (vimmerby,) = read_locality_geometries(path, ten).updated
    assert shape(json.loads(vimmerby.area_geojson or "null")).equals(SQUARE)
    assert (vimmerby.lat, vimmerby.lon, vimmerby.position_basis) == (
        by_id["vimmerby"].lat, by_id["vimmerby"].lon, by_id["vimmerby"].position_basis
    )


def test_io_point_and_polygon_for_one_locality(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("both.gpkg", {"namn": ["Vimmerby", "Vimmerby"]}, [VIMMERBY_NEW, SQUARE])
    (vimmerby,) = read_locality_geometries(path, ten, display_name="Vimmerby-karta.gpkg").updated
    assert (vimmerby.lon, vimmerby.lat) == pytest.approx((VIMMERBY_NEW.x, VIMMERBY_NEW.y))
    assert vimmerby.area_geojson is not None
    assert vimmerby.position_basis == "inläst från Vimmerby-karta.gpkg"


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("namn", "SÖDRA VI", "sodra-vi"),
        ("NAMN", "  södra   vi ", "sodra-vi"),
        ("Name", "Sodra Vi", "sodra-vi"),
        ("id", "sodra-vi", "sodra-vi"),
        ("ort_id", "Sodra-Vi", "sodra-vi"),
        ("Tatort", "Frodinge", "frodinge"),
        ("tätort", "FRÖDINGE", "frodinge"),
        ("Locality_ID", "frodinge", "frodinge"),
    ],
)
def test_io_names_match_across_case_spacing_and_diacritics(
    write_layer: WriteLayer, ten: list[Locality], column: str, value: str, expected: str
) -> None:
    point = shapely.Point(15.80, 57.74) if expected == "sodra-vi" else shapely.Point(16.0, 57.70)
    path = write_layer("orter.geojson", {column: [value]}, [point])
    assert [loc.id for loc in read_locality_geometries(path, ten).updated] == [expected]


def test_io_unmatched_features_are_listed_not_refused(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer(
        "orter.gpkg",
        {"namn": ["Vimmerby", "Mariannelund", None]},
        [VIMMERBY_NEW, shapely.Point(15.3, 57.6), shapely.Point(15.9, 57.7)],
    )
    result = read_locality_geometries(path, ten)
    assert [loc.id for loc in result.updated] == ["vimmerby"]
    assert result.ignored == ["objekt 2 (namn ”Mariannelund”)", "objekt 3 (utan namn eller id)"]


@pytest.mark.parametrize("suffix", [".gpkg", ".shp", ".geojson"])
def test_io_epsg3006_points_are_reprojected(write_layer: WriteLayer, ten: list[Locality], suffix: str) -> None:
    metric = [to_sweref(VIMMERBY_NEW), to_sweref(TUNA_NEW)]
    assert metric[0].x > 100_000  # really metres
    path = write_layer("sweref" + suffix, {"namn": ["Vimmerby", "Tuna"]}, metric, crs="EPSG:3006")
    vimmerby, tuna = read_locality_geometries(path, ten).updated
    assert (vimmerby.lon, vimmerby.lat) == pytest.approx((VIMMERBY_NEW.x, VIMMERBY_NEW.y), abs=1e-7)
    assert (tuna.lon, tuna.lat) == pytest.approx((TUNA_NEW.x, TUNA_NEW.y), abs=1e-7)


def test_io_epsg3006_polygon_is_reprojected(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("sweref.gpkg", {"namn": ["Tuna"]}, [to_sweref(SQUARE, densify=None)], crs="EPSG:3006")
    (tuna,) = read_locality_geometries(path, ten).updated
    area = shape(json.loads(tuna.area_geojson or "null"))
    assert area.symmetric_difference(SQUARE).area < 1e-12


def test_io_geojson_without_crs_member_is_wgs84(tmp_path: Path, ten: list[Locality]) -> None:
    path = tmp_path / "handskriven.json"
    feature = {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": mapping(TUNA_NEW)}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    (tuna,) = read_locality_geometries(path, ten).updated
    assert (tuna.lon, tuna.lat) == pytest.approx((TUNA_NEW.x, TUNA_NEW.y))


def test_io_zipped_shapefile(write_layer: WriteLayer, ten: list[Locality], tmp_path: Path) -> None:
    shp = write_layer("orter.shp", {"namn": ["Tuna"]}, [TUNA_NEW])
    archive = tmp_path / "orter.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in tmp_path.glob("orter.*"):
            if part != archive:
                zipped.write(part, part.name)
    assert shp.exists()
    assert [loc.id for loc in read_locality_geometries(archive, ten).updated] == ["tuna"]


def test_io_self_intersecting_polygon_is_repaired(write_layer: WriteLayer, ten: list[Locality]) -> None:
    bowtie = shapely.Polygon([(15.80, 57.64), (15.90, 57.70), (15.90, 57.64), (15.80, 57.70), (15.80, 57.64)])
    assert not bowtie.is_valid
    path = write_layer("bowtie.gpkg", {"namn": ["Vimmerby"]}, [bowtie])
    (vimmerby,) = read_locality_geometries(path, ten).updated
    area = shape(json.loads(vimmerby.area_geojson or "null"))
    assert area.is_valid and area.geom_type == "MultiPolygon"
    assert area.area == pytest.approx(SQUARE.area / 2)


def test_io_3d_geometries_lose_z(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("z.gpkg", {"namn": ["Vimmerby"]}, [shapely.Point(15.855, 57.669, 95.0)])
    (vimmerby,) = read_locality_geometries(path, ten).updated
    assert (vimmerby.lon, vimmerby.lat) == pytest.approx((15.855, 57.669))


# ------------------------------------------------------------------ refusals


def test_io_unknown_crs(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("utan_prj.shp", {"namn": ["Vimmerby"]}, [to_sweref(VIMMERBY_NEW)], crs=None)
    assert not path.with_suffix(".prj").exists()
    (problem,) = problems_of(path, ten)
    assert "okänt koordinatsystem (CRS)" in problem.message
    assert problem.file == "utan_prj.shp" and problem.row is None


def test_io_no_matching_features(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("fel.geojson", {"namn": ["Mariannelund", "Hultsfred"]}, [VIMMERBY_NEW, TUNA_NEW])
    (problem,) = problems_of(path, ten)
    assert "inget objekt" in problem.message and "Vimmerby" in problem.message
    assert problem.row is None


def test_io_no_matching_features_and_unknown_crs_both_reported(
    write_layer: WriteLayer, ten: list[Locality]
) -> None:
    path = write_layer("fel.shp", {"namn": ["Mariannelund"]}, [VIMMERBY_NEW], crs=None)
    messages = [problem.message for problem in problems_of(path, ten)]
    assert len(messages) == 2
    assert any("CRS" in m for m in messages) and any("inget objekt" in m for m in messages)


def test_io_empty_file(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("tom.gpkg", {"namn": []}, [])
    (problem,) = problems_of(path, ten)
    assert "inga objekt" in problem.message


def test_io_no_name_or_id_field(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("anon.gpkg", {"beskrivning": ["centrum"]}, [VIMMERBY_NEW])
    (problem,) = problems_of(path, ten)
    for looked_for in ("id", "locality_id", "ort_id", "name", "namn", "ort", "tatort"):
        assert looked_for in problem.message


def test_io_duplicate_names_both_features(write_layer: WriteLayer, ten: list[Locality]) -> None:
    points = [VIMMERBY_NEW, TUNA_NEW, VIMMERBY_NEW]
    path = write_layer("dubbel.gpkg", {"namn": ["Vimmerby", "Tuna", "vimmerby"]}, points)
    (problem,) = problems_of(path, ten)
    assert problem.row == 3 and problem.field == "namn"
    assert "objekt 1" in problem.message and "objekt 3" in problem.message and "dubblett" in problem.message


def test_io_point_outside_boundary(write_layer: WriteLayer, ten: list[Locality]) -> None:
    points = [VIMMERBY_NEW, shapely.Point(15.2, 57.6)]
    path = write_layer("utanfor.geojson", {"namn": ["Vimmerby", "Tuna"]}, points)
    (problem,) = problems_of(path, ten)
    assert problem.row == 2 and "utanför kommungränsen" in problem.message


def test_io_custom_boundary(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("orter.geojson", {"namn": ["Tuna"]}, [TUNA_NEW])
    (problem,) = problems_of(path, ten, boundary=SQUARE)
    assert problem.row == 1
    assert read_locality_geometries(path, ten, boundary=SQUARE.union(TUNA_NEW.buffer(0.01))).updated


def test_io_area_wholly_outside_boundary(write_layer: WriteLayer, ten: list[Locality]) -> None:
    far = shapely.box(17.0, 59.0, 17.1, 59.1)
    path = write_layer("langt_bort.gpkg", {"namn": ["Tuna"]}, [far])
    (problem,) = problems_of(path, ten)
    assert problem.row == 1 and "utanför kommungränsen" in problem.message


def test_io_corrupt_file(tmp_path: Path, ten: list[Locality]) -> None:
    path = tmp_path / "trasig.gpkg"
    path.write_bytes(b"inte en geopackage\x00" * 50)
    (problem,) = problems_of(path, ten, display_name="Orter (uppladdad).gpkg")
    assert problem.file == "Orter (uppladdad).gpkg"
    assert "kunde inte läsas" in problem.message and problem.row is None


def test_io_broken_geojson_and_missing_file(tmp_path: Path, ten: list[Locality]) -> None:
    broken = tmp_path / "halv.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    (problem,) = problems_of(broken, ten)
    assert "kunde inte läsas" in problem.message
    (problem,) = problems_of(tmp_path / "finns_inte.gpkg", ten)
    assert "finns inte" in problem.message


def test_io_line_geometry(write_layer: WriteLayer, ten: list[Locality]) -> None:
    line = shapely.LineString([(15.80, 57.66), (15.90, 57.67)])
    path = write_layer("linje.geojson", {"namn": ["Vimmerby"]}, [line])
    (problem,) = problems_of(path, ten)
    assert problem.row == 1 and "LineString" in problem.message


def test_io_empty_geometry(tmp_path: Path, ten: list[Locality]) -> None:
    path = tmp_path / "tom.geojson"
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": mapping(TUNA_NEW)},
            {"type": "Feature", "properties": {"namn": "Vimmerby"}, "geometry": None},
        ],
    }), encoding="utf-8")
    (problem,) = problems_of(path, ten)
    assert problem.row == 2 and "geometri saknas" in problem.message


def test_io_all_problems_are_collected(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer(
        "allt_fel.gpkg",
        {"namn": ["Vimmerby", "Vimmerby", "Tuna", "Storebro"]},
        [
            VIMMERBY_NEW,
            VIMMERBY_NEW,
            shapely.Point(15.0, 57.0),
            shapely.LineString([(15.8, 57.6), (15.9, 57.6)]),
        ],
    )
    problems = problems_of(path, ten)
    assert sorted(p.row for p in problems if p.row is not None) == [2, 3, 4]
    report = InputError(problems).report()
    assert report.startswith("3 fel hittades") and "allt_fel.gpkg, objekt 3" in report


def test_io_fields_naming_different_localities(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("motsagelse.geojson", {"id": ["vimmerby"], "namn": ["Tuna"]}, [VIMMERBY_NEW])
    (problem,) = problems_of(path, ten)
    assert problem.row == 1 and "olika orter" in problem.message


def test_io_ambiguous_folded_name(write_layer: WriteLayer, ten: list[Locality]) -> None:
    lookalike = dataclasses.replace(ten[0], id="sodra-vi-2", name="Sodra Vi")
    path = write_layer("orter.geojson", {"namn": ["SÖDRA-VI"]}, [VIMMERBY_NEW])
    (problem,) = problems_of(path, [*ten, lookalike])
    assert problem.row == 1 and problem.field == "namn" and "flera orter" in problem.message
    # An exact (case-insensitive) name beats a folded one: no ambiguity.
    path = write_layer("exakt.geojson", {"namn": ["sodra vi"]}, [VIMMERBY_NEW])
    assert [loc.id for loc in read_locality_geometries(path, [*ten, lookalike]).updated] == ["sodra-vi-2"]


def test_io_geopackage_with_several_layers(tmp_path: Path, ten: list[Locality]) -> None:
    import geopandas as gpd

    path = tmp_path / "lager.gpkg"
    gpd.GeoDataFrame({"namn": ["Tuna"]}, geometry=[TUNA_NEW], crs=4326).to_file(path, layer="punkter")
    gpd.GeoDataFrame({"namn": ["Tuna"]}, geometry=[SQUARE], crs=4326).to_file(path, layer="omraden")
    (problem,) = problems_of(path, ten)
    assert "2 lager" in problem.message and "punkter" in problem.message
