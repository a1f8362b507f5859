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
from geodata.limits import MAX_FEATURES_ENV, MAX_UNCOMPRESSED_MB_ENV, GeoLimits
from indicators.core.errors import FEATURE, InputError, Problem
from indicators.core.model import Locality

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


# ------------------------------------------- broken files: refused in words


def geojson_file(tmp_path: Path, geometry: object, name: str = "fel.geojson", namn: object = "Tuna") -> Path:
    """A one-feature GeoJSON written as given: NaN, unclosed rings and all (``allow_nan``)."""
    feature = {"type": "Feature", "properties": {"namn": namn}, "geometry": geometry}
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}, allow_nan=True), "utf-8")
    return path


def zip_of(tmp_path: Path, members: dict[str, bytes], name: str = "orter.zip") -> Path:
    archive = tmp_path / name
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for member, data in members.items():
            zipped.writestr(member, data)
    return archive


@pytest.fixture
def shapefile_parts(write_layer: WriteLayer) -> dict[str, bytes]:
    """A good one-point Shapefile's parts by suffix (.shp, .shx, .dbf, .prj, .cpg)."""
    shp = write_layer("delar.shp", {"namn": ["Tuna"]}, [TUNA_NEW])
    return {part.suffix: part.read_bytes() for part in shp.parent.glob("delar.*")}


def test_io_unclosed_ring_is_refused_naming_feature_and_field(tmp_path: Path, ten: list[Locality]) -> None:
    ring = [[16.0, 57.5], [16.1, 57.5], [16.1, 57.6], [16.0, 57.6]]
    (problem,) = problems_of(geojson_file(tmp_path, {"type": "Polygon", "coordinates": [ring]}), ten)
    assert (problem.row, problem.field) == (1, "geometry")
    assert "inte sluten" in problem.message
    assert problem.render("en").endswith("a ring of the polygon is not closed: its first and last coordinate "
                                         "must be the same point")


@pytest.mark.parametrize(
    ("geometry", "written"),
    [
        ({"type": "Point", "coordinates": [float("nan"), 57.58]}, "NaN"),
        ({"type": "Point", "coordinates": [16.1, float("inf")]}, "inf"),
        ({"type": "Polygon", "coordinates": [[[16.0, 57.5], [float("nan"), 57.5], [16.1, 57.6], [16.0, 57.5]]]},
         "NaN"),
        ({"type": "MultiPolygon",
          "coordinates": [[[[16.0, 57.5], [16.1, 57.5], [16.1, float("-inf")], [16.0, 57.5]]]]}, "-inf"),
    ],
)
def test_io_nan_and_infinite_coordinates_are_refused_not_dropped(
    tmp_path: Path, ten: list[Locality], geometry: object, written: str
) -> None:
    (problem,) = problems_of(geojson_file(tmp_path, geometry), ten)
    assert (problem.row, problem.field) == (1, "geometry")
    assert problem.message == f"en koordinat är {written}, inte ett tal; alla koordinater måste vara tal"


@pytest.mark.parametrize(
    ("coordinates", "crs"),
    [([1e300, 57.5], None), ([200.0, 95.0], None), ([1e30, 1e30], "EPSG:3006")],
)
def test_io_coordinates_beyond_the_globe_are_refused(
    tmp_path: Path, ten: list[Locality], coordinates: list[float], crs: str | None
) -> None:
    path = geojson_file(tmp_path, {"type": "Point", "coordinates": coordinates})
    if crs:
        collection = json.loads(path.read_text("utf-8"))
        collection["crs"] = {"type": "name", "properties": {"name": crs}}
        path.write_text(json.dumps(collection), "utf-8")
    (problem,) = problems_of(path, ten)
    assert (problem.row, problem.field) == (1, "geometry")
    assert "utanför jordklotet" in problem.message and "inf" not in problem.message


def test_io_geometry_collections_are_refused(tmp_path: Path, ten: list[Locality]) -> None:
    point = {"type": "Point", "coordinates": [16.1, 57.58]}
    (problem,) = problems_of(geojson_file(tmp_path, {"type": "GeometryCollection", "geometries": [point]}), ten)
    assert problem.row == 1 and "GeometryCollection stöds inte" in problem.message
    (problem,) = problems_of(geojson_file(tmp_path, {"type": "GeometryCollection", "geometries": []}), ten)
    assert problem.row == 1 and "geometri saknas" in problem.message


def test_io_unusable_geometry_of_an_unmatched_feature_does_not_refuse_the_file(
    tmp_path: Path, ten: list[Locality]
) -> None:
    features = [
        {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": mapping(TUNA_NEW)},
        {"type": "Feature", "properties": {"namn": "Hultsfred"},
         "geometry": {"type": "Polygon", "coordinates": [[[16.0, 57.5], [16.1, 57.5], [16.1, 57.6]]]}},
    ]
    path = tmp_path / "grannar.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    result = read_locality_geometries(path, ten)
    assert [loc.id for loc in result.updated] == ["tuna"]
    assert result.ignored == ["objekt 2 (namn ”Hultsfred”)"]


@pytest.mark.parametrize(
    ("dropped", "says"),
    [(".shx", "saknar .shx (indexet)"), (".dbf", "saknar .dbf (fälten med namn och id)")],
)
def test_io_zipped_shapefile_without_a_part_says_which(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes], dropped: str, says: str
) -> None:
    members = {f"orter{suffix}": data for suffix, data in shapefile_parts.items() if suffix != dropped}
    (problem,) = problems_of(zip_of(tmp_path, members), ten)
    assert problem.file == "orter.zip" and problem.row is None
    assert problem.message.startswith(f"Shapefilen ”orter” {says}")


def test_io_zipped_shapefile_without_prj_has_unknown_crs(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes]
) -> None:
    members = {f"orter{suffix}": data for suffix, data in shapefile_parts.items() if suffix != ".prj"}
    (problem,) = problems_of(zip_of(tmp_path, members), ten)
    assert "okänt koordinatsystem" in problem.message


def test_io_shapefile_in_a_folder_without_its_index(write_layer: WriteLayer, ten: list[Locality]) -> None:
    shp = write_layer("mapp.shp", {"namn": ["Tuna"]}, [TUNA_NEW])
    shp.with_suffix(".shx").unlink()
    (problem,) = problems_of(shp, ten)
    assert problem.message.startswith("Shapefilen ”mapp” saknar .shx (indexet)")


def test_io_zipped_shapefile_in_a_subfolder_with_mac_noise(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes]
) -> None:
    members = {f"export/Orter{suffix.upper()}": data for suffix, data in shapefile_parts.items()}
    members["__MACOSX/export/._Orter.SHP"] = b"\x00\x05\x16\x07"
    members["export/LASMIG.txt"] = b"hej"
    assert [loc.id for loc in read_locality_geometries(zip_of(tmp_path, members), ten).updated] == ["tuna"]


def test_io_zip_with_several_or_no_shapefiles(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes]
) -> None:
    two = {f"{stem}{suffix}": data for stem in ("punkter", "omraden") for suffix, data in shapefile_parts.items()}
    (problem,) = problems_of(zip_of(tmp_path, two, "tva.zip"), ten)
    assert "2 lager (punkter, omraden)" in problem.message
    inner = zip_of(tmp_path, {"orter.shp": shapefile_parts[".shp"]}, "inre.zip").read_bytes()
    for members in ({}, {"orter.geojson": b"{}"}, {"inre.zip": inner}):
        (problem,) = problems_of(zip_of(tmp_path, members, "ingen.zip"), ten)
        assert "innehåller ingen Shapefile" in problem.message


def test_io_zip_bomb_is_refused_at_the_limit_stating_it(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes]
) -> None:
    members = {f"orter{suffix}": data for suffix, data in shapefile_parts.items()}
    members["orter.dbf"] += b" " * 3_000_000  # padding after the table: 3 MB that deflate to a few kB
    archive = zip_of(tmp_path, members)
    assert archive.stat().st_size < 100_000
    (problem,) = problems_of(archive, ten, limits=GeoLimits(max_uncompressed_mb=2))
    assert problem.message == (
        "filen är för stor: 2,9 MB okomprimerad, gränsen är 2 MB (sätts med miljövariabeln ALLAS_MAX_GEO_UNCOMPRESSED_MB)"
    )
    assert "the limit is 2 MB" in problem.render("en")
    assert [loc.id for loc in read_locality_geometries(archive, ten, limits=GeoLimits()).updated] == ["tuna"]


def test_io_zip_whose_declared_sizes_lie_is_refused(
    tmp_path: Path, ten: list[Locality], shapefile_parts: dict[str, bytes]
) -> None:
    members = {f"orter{suffix}": data for suffix, data in shapefile_parts.items()}
    members["orter.dbf"] += b" " * 3_000_000
    archive = zip_of(tmp_path, members)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zipped:
        info = zipped.getinfo("orter.dbf")
    small = (1000).to_bytes(4, "little")
    # Both the local header and the central directory say 1,000 bytes; the member holds 3 MB.
    data[info.header_offset + 22: info.header_offset + 26] = small
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        name_length = int.from_bytes(data[entry + 28: entry + 30], "little")
        if data[entry + 46: entry + 46 + name_length] == b"orter.dbf":
            data[entry + 24: entry + 28] = small
        entry = data.find(b"PK\x01\x02", entry + 4)
    archive.write_bytes(bytes(data))
    (problem,) = problems_of(archive, ten, limits=GeoLimits(max_uncompressed_mb=2))
    assert problem.message.startswith("zip-filen är trasig och kunde inte packas upp (teknisk orsak: Bad CRC-32")


def test_io_too_many_features_states_the_limit(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("manga.gpkg", {"namn": ["Tuna", "Vimmerby", "Storebro"]}, [TUNA_NEW, VIMMERBY_NEW, TUNA_NEW])
    (problem,) = problems_of(path, ten, limits=GeoLimits(max_features=2))
    assert problem.message == (
        "filen har fler än 2 objekt, vilket är gränsen (sätts med miljövariabeln ALLAS_MAX_GEO_FEATURES)"
    )


def test_io_limits_come_from_the_environment(
    write_layer: WriteLayer, ten: list[Locality], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert GeoLimits.from_env({}) == GeoLimits(max_features=10_000, max_uncompressed_mb=50)
    assert GeoLimits.from_env({MAX_FEATURES_ENV: "7", MAX_UNCOMPRESSED_MB_ENV: " 3 "}) == GeoLimits(7, 3)
    for bad in ("0", "-1", "tio", "1.5"):
        with pytest.raises(ValueError) as raised:
            GeoLimits.from_env({MAX_FEATURES_ENV: bad})
        assert raised.value.args[0] == f"ALLAS_MAX_GEO_FEATURES måste vara ett positivt heltal, inte ”{bad}”"
    path = write_layer("tva.geojson", {"namn": ["Tuna", "Vimmerby"]}, [TUNA_NEW, VIMMERBY_NEW])
    monkeypatch.setenv(MAX_FEATURES_ENV, "1")
    (problem,) = problems_of(path, ten)
    assert "fler än 1 objekt" in problem.message


def test_io_content_not_the_name_decides_the_format(
    write_layer: WriteLayer, tmp_path: Path, ten: list[Locality]
) -> None:
    secret = tmp_path / "hemlig.csv"
    secret.write_text("namn,x,y\nTuna,16.1,57.58\n", "utf-8")
    vrt = tmp_path / "orter.geojson"
    vrt.write_text(
        f'<OGRVRTDataSource><OGRVRTLayer name="hemlig"><SrcDataSource>{secret}</SrcDataSource>'
        '<GeometryField encoding="PointFromColumns" x="x" y="y"/></OGRVRTLayer></OGRVRTDataSource>',
        "utf-8",
    )
    (problem,) = problems_of(vrt, ten)
    assert "varken GeoJSON, GeoPackage, Shapefile" in problem.message
    gpkg = write_layer("orter.gpkg", {"namn": ["Tuna"]}, [TUNA_NEW])
    renamed = gpkg.rename(tmp_path / "orter-som-heter-fel.geojson")
    assert [loc.id for loc in read_locality_geometries(renamed, ten).updated] == ["tuna"]


def test_io_a_json_file_gdal_reads_as_another_format_is_refused(tmp_path: Path, ten: list[Locality]) -> None:
    topojson = {"type": "Topology", "objects": {"orter": {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [16.1, 57.58], "properties": {"namn": "Tuna"}}]}}, "arcs": []}
    path = tmp_path / "orter.json"
    path.write_text(json.dumps(topojson), "utf-8")
    (problem,) = problems_of(path, ten)
    assert problem.message == "filen kunde inte läsas som GeoJSON: GDAL känner igen den som formatet TopoJSON"


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "FeatureCollection", "features": [' + "[" * 5000 + "]" * 5000 + "]}",
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"namn": "Tuna"}, '
        '"geometry": {"type": "Point", "coordinates": [1' + "0" * 5000 + ", 57.5]}}]}",
        "",
        "null",
        '{"type": "FeatureCollection", "features": {}}',
    ],
    ids=["deep-nesting", "5000-digit-number", "empty", "null", "features-not-a-list"],
)
def test_io_json_that_is_not_geojson_is_refused_in_words(tmp_path: Path, ten: list[Locality], text: str) -> None:
    path = tmp_path / "trasig.geojson"
    path.write_text(text, "utf-8")
    (problem,) = problems_of(path, ten)
    assert problem.row is None and "kunde inte läsas" in problem.message
    assert len(problem.message) < 400


def test_io_truncated_geopackage_is_refused(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("halv.gpkg", {"namn": ["Tuna"]}, [TUNA_NEW])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    (problem,) = problems_of(path, ten)
    assert problem.file == "halv.gpkg" and "kunde inte läsas" in problem.message


@pytest.mark.parametrize("text", ["{{7*7}}", "{0.__class__}", "{% raw %}", "Tuna {#2", "}}{{"])
def test_io_template_syntax_in_properties_and_file_name_is_just_text(
    tmp_path: Path, ten: list[Locality], text: str
) -> None:
    features = [
        {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": mapping(TUNA_NEW)},
        {"type": "Feature", "properties": {"namn": text}, "geometry": mapping(VIMMERBY_NEW)},
    ]
    path = tmp_path / "orter.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    result = read_locality_geometries(path, ten, display_name=f"{text}.geojson")
    (described,) = result.ignored
    assert (str(described), described.render("en")) == (f"objekt 2 (namn ”{text}”)", f"feature 2 (namn “{text}”)")
    (tuna,) = result.updated
    assert tuna.position_basis == f"inläst från {text}.geojson"
