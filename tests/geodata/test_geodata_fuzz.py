"""Property-based fuzzing of the geometry import: any file is either read or refused in words.

Each test starts from a good file (GeoJSON, GeoPackage, zipped Shapefile) and
breaks it the way people, programs and attackers do: JSON restructured, NaN,
infinite and huge coordinates, unclosed or too-short rings, wrong types, deep
nesting, template syntax in names; bytes flipped, files cut short, zip members
dropped, renamed, corrupted or duplicated. The property: ``read_locality_geometries``
returns a result whose positions and areas are real WGS 84 geometry, or raises
``InputError`` whose problems name the file and render in both languages —
never any other exception. Through ``geodata.cli.import_file`` (what
``python -m geodata import`` runs) a refused file leaves the stored localities
exactly as they were.

Budgets are fixed and derandomized, so CI runs the same cases every time;
``ALLAS_FUZZ_SCALE`` multiplies them for a longer hunt (e.g. ``=10``).
"""

from __future__ import annotations

import copy
import io
import json
import math
import os
import tempfile
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.boundary import municipality_boundary
from geodata.cli import EXIT_FAILED, EXIT_OK, import_file
from geodata.io import read_locality_geometries
from indicators.core.errors import InputError
from indicators.core.model import Locality
from indicators.storage.bundled import bundled_localities
from indicators.storage.store import Store

SCALE = max(1, int(os.environ.get("ALLAS_FUZZ_SCALE", "1") or 1))
TEMPLATE_TEXTS = ("{{7*7}}", "{% raw %}", "{#", "{0.__class__}", "}}{{", "${7*7}", "Tuna {#2}")

TUNA = [16.1, 57.58]
VIMMERBY_SQUARE = [[[15.80, 57.64], [15.90, 57.64], [15.90, 57.70], [15.80, 57.70], [15.80, 57.64]]]
BASE_GEOJSON: dict[str, Any] = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"namn": "Tuna"}, "geometry": {"type": "Point", "coordinates": TUNA}},
        {"type": "Feature", "properties": {"namn": "Vimmerby", "id": "vimmerby"},
         "geometry": {"type": "Polygon", "coordinates": VIMMERBY_SQUARE}},
        {"type": "Feature", "properties": {"namn": "Mariannelund"},
         "geometry": {"type": "MultiPoint", "coordinates": [[15.3, 57.6]]}},
    ],
}

STATS: Counter[str] = Counter()
"""``<kind> run`` and ``<kind> refused`` per fuzzed format, reported at the end of the module."""

def fuzz(examples: int, *also_suppress: HealthCheck) -> settings:
    """A fixed, derandomized budget (the same cases on every run), no deadline, no example database."""
    return settings(
        derandomize=True,
        deadline=None,
        database=None,
        max_examples=examples * SCALE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, *also_suppress],
    )


@pytest.fixture(scope="module", autouse=True)
def report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    """Say how many mutated files each test tried and how many were refused (for the issue's closing note)."""
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and STATS:
        kinds = sorted({key.rsplit(" ", 1)[0] for key in STATS})
        lines = [f"{kind}: {STATS[kind + ' run']} run, {STATS[kind + ' refused']} refused" for kind in kinds]
        with capture.global_and_fixture_disabled():
            reporter.write_line("\ngeodata fuzz — " + "; ".join(lines))


@pytest.fixture(autouse=True)
def quiet_gdal() -> Iterator[None]:
    """GDAL and GEOS warn about every broken file; the property is about what is raised, not warned."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@cache
def localities() -> list[Locality]:
    return bundled_localities()


# ------------------------------------------------------------------ the property


def read_or_refuse(path: Path, kind: str, name: str = "fuzz") -> str:
    """Read ``path``; accept a sound result or an InputError; anything else fails the test."""
    STATS[f"{kind} run"] += 1
    try:
        result = read_locality_geometries(path, localities(), display_name=name)
    except InputError as error:
        STATS[f"{kind} refused"] += 1
        assert error.problems, "an InputError must say what is wrong"
        for problem in error.problems:
            assert problem.file == name
            assert problem.render("sv") and problem.render("en")
        assert "Traceback" not in error.report()
        return "refused"
    assert_sound(result.updated)
    return "accepted"


def assert_sound(updated: list[Locality]) -> None:
    """What an accepted file changes is usable: finite positions in the municipality, valid areas."""
    outline = municipality_boundary()
    known = {locality.id: locality for locality in localities()}
    for locality in updated:
        before = known[locality.id]
        assert math.isfinite(locality.lat) and math.isfinite(locality.lon)
        if (locality.lat, locality.lon) != (before.lat, before.lon):
            assert outline.covers(shapely.Point(locality.lon, locality.lat))
        if locality.area_geojson is not None:
            area = shapely.from_geojson(locality.area_geojson)
            assert area.geom_type in ("Polygon", "MultiPolygon") and area.is_valid and not area.is_empty
            coords = shapely.get_coordinates(area)
            assert (abs(coords[:, 0]) <= 180).all() and (abs(coords[:, 1]) <= 90).all()


@contextmanager
def written(data: bytes, suffix: str) -> Iterator[Path]:
    """The bytes in a fresh temporary file (one per example; Hypothesis runs many in one test)."""
    with tempfile.TemporaryDirectory(prefix="geodata-fuzz-") as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        yield path


def check_bytes(data: bytes, suffix: str, kind: str) -> str:
    with written(data, suffix) as path:
        return read_or_refuse(path, kind)


# --------------------------------------------------------------- GeoJSON mutations

LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(TEMPLATE_TEXTS),
)
JSON_VALUE = st.recursive(
    LEAF, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=10,
)
COORDINATE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 1e30, 181.0, -91.0, 0.0]),
    st.floats(min_value=15.3, max_value=16.5),
    st.floats(min_value=57.3, max_value=57.9),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(max_size=4),
    st.none(),
)
NEST_MARK = "\u0000nest-here\u0000"
GEOMETRY_TYPES = st.sampled_from(
    ["Point", "MultiPoint", "LineString", "Polygon", "MultiPolygon", "GeometryCollection",
     "Feature", "FeatureCollection", "", "point", "Polygon ", "Topology"]
)
CRS_NAMES = st.sampled_from(
    ["EPSG:3006", "EPSG:4326", "urn:ogc:def:crs:EPSG::3006", "EPSG:999999", "EPSG:-1", "inte ett crs", "",
     "urn:ogc:def:crs:OGC:1.3:CRS84"]
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every position in a JSON tree, the root first."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def put(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    """``root`` with the node at ``path`` replaced (the root itself when the path is empty)."""
    if not path:
        return value
    get(root, path[:-1])[path[-1]] = value
    return root


def rings(document: Any) -> list[tuple[Any, ...]]:
    """Paths of lists of positions (rings, lines, multipoints) anywhere in the document."""
    found = []
    for path in paths(document):
        node = get(document, path)
        if isinstance(node, list) and node and all(isinstance(item, list) and len(item) == 2 for item in node):
            if all(isinstance(x, (int, float)) for item in node for x in item):
                found.append(path)
    return found


def numbers(document: Any) -> list[tuple[Any, ...]]:
    return [path for path in paths(document)
            if isinstance(get(document, path), (int, float)) and not isinstance(get(document, path), bool)]


@st.composite
def mutated_geojson(draw: st.DrawFn) -> bytes:
    """The base collection after one to four structural mutations, then perhaps cut or nested as text."""
    document: Any = copy.deepcopy(BASE_GEOJSON)
    nesting: tuple[int, str] | None = None
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        operation = draw(st.sampled_from(
            ["coordinate", "coordinate", "unclose", "shorten", "type", "replace", "delete", "nest",
             "property", "crs", "duplicate"]
        ))
        all_paths = list(paths(document))
        if operation == "coordinate" and (targets := numbers(document)):
            document = put(document, draw(st.sampled_from(targets)), draw(COORDINATE))
        elif operation == "unclose" and (targets := rings(document)):
            ring = get(document, draw(st.sampled_from(targets)))
            ring.pop()
        elif operation == "shorten" and (targets := rings(document)):
            ring = get(document, draw(st.sampled_from(targets)))
            del ring[draw(st.integers(min_value=0, max_value=3)):]
        elif operation == "type":
            typed = [path for path in all_paths if path and path[-1] == "type"]
            if typed:
                document = put(document, draw(st.sampled_from(typed)), draw(GEOMETRY_TYPES))
        elif operation == "replace":
            document = put(document, draw(st.sampled_from(all_paths)), draw(JSON_VALUE))
        elif operation == "delete" and len(all_paths) > 1:
            path = draw(st.sampled_from(all_paths[1:]))
            del get(document, path[:-1])[path[-1]]
        elif operation == "nest" and nesting is None:
            # Done on the text at the end: a tree thousands of levels deep is no fun to walk.
            path = draw(st.sampled_from(all_paths))
            nesting = (draw(st.sampled_from([1, 2, 50, 999, 1001, 3000])), json.dumps(get(document, path)))
            document = put(document, path, NEST_MARK)
        elif operation == "property":
            holders = [path for path in all_paths
                       if path and path[-1] == "properties" and isinstance(get(document, path), dict)]
            if holders:
                holder = get(document, draw(st.sampled_from(holders)))
                key = draw(st.sampled_from(["namn", "id", "NAMN", "tatort", "{{namn}}"]))
                names = st.sampled_from(["Tuna", "tuna", "Vimmerby", "Södra Vi", *TEMPLATE_TEXTS])
                holder[key] = draw(st.one_of(names, JSON_VALUE))
        elif operation == "crs" and isinstance(document, dict):
            document["crs"] = {"type": "name", "properties": {"name": draw(CRS_NAMES)}}
        elif operation == "duplicate" and isinstance(document, dict) and isinstance(document.get("features"), list):
            features = document["features"]
            if features:
                features.append(copy.deepcopy(features[draw(st.integers(0, len(features) - 1))]))
    text = json.dumps(document, allow_nan=True)
    if nesting is not None:
        depth, inner = nesting
        text = text.replace(json.dumps(NEST_MARK), "[" * depth + inner + "]" * depth, 1)
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    return text.encode("utf-8", "surrogatepass")


@fuzz(250)
@given(data=mutated_geojson())
def test_fuzz_mutated_geojson_is_read_or_refused_in_words(data: bytes) -> None:
    check_bytes(data, ".geojson", "GeoJSON")


# -------------------------------------------------------------- byte mutations


@cache
def good_files() -> dict[str, bytes]:
    """A good GeoPackage and a good Shapefile's parts, written once for the whole module."""
    folder = Path(tempfile.mkdtemp(prefix="geodata-fuzz-base-"))
    frame = gpd.GeoDataFrame(
        {"namn": ["Tuna", "Vimmerby", "Mariannelund"]},
        geometry=[shapely.Point(TUNA), shapely.Polygon(VIMMERBY_SQUARE[0]), shapely.Point(15.3, 57.6)],
        crs="EPSG:4326",
    ).to_crs("EPSG:3006")
    frame.to_file(folder / "orter.gpkg", engine="pyogrio")
    # A Shapefile holds one kind of geometry: here the areas, Tuna's a box around its centre.
    areas = frame.set_geometry(frame.geometry.buffer(500).envelope)
    areas.to_file(folder / "orter.shp", engine="pyogrio")
    files = {"gpkg": (folder / "orter.gpkg").read_bytes()}
    for part in folder.glob("orter.*"):
        if part.suffix != ".gpkg":
            files[part.suffix] = part.read_bytes()
    return files


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes, hot_spots: tuple[int, ...] = ()) -> bytes:
    """Flip, overwrite, cut or extend bytes, often near the places that matter (headers, geometries)."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not buffer:
            break
        spots = [0, *hot_spots]
        centre = draw(st.sampled_from(spots)) if draw(st.booleans()) else draw(st.integers(0, len(buffer) - 1))
        position = min(len(buffer) - 1, max(0, centre + draw(st.integers(min_value=0, max_value=120))))
        operation = draw(st.sampled_from(["flip", "flip", "overwrite", "truncate", "extend"]))
        if operation == "flip":
            buffer[position] ^= draw(st.integers(min_value=1, max_value=255))
        elif operation == "overwrite":
            chunk = draw(st.one_of(st.binary(min_size=1, max_size=16),
                                   st.sampled_from([b"\xff" * 8, b"\x00" * 8, b"\x7f\xf8" + b"\x00" * 6])))
            buffer[position: position + len(chunk)] = chunk
        elif operation == "truncate":
            del buffer[position:]
        else:
            buffer[position:position] = draw(st.binary(min_size=1, max_size=64))
    return bytes(buffer)


def gpkg_hot_spots(data: bytes) -> tuple[int, ...]:
    """Where the GeoPackage geometry blobs ("GP", version 0) start, plus the SQLite header."""
    spots, start = [100], data.find(b"GP\x00")
    while start != -1 and len(spots) < 20:
        spots.append(start)
        start = data.find(b"GP\x00", start + 1)
    return tuple(spots)


@st.composite
def mutated_geopackage(draw: st.DrawFn) -> bytes:
    data = good_files()["gpkg"]
    return draw(byte_mutation(data, gpkg_hot_spots(data)))


@fuzz(120)
@given(data=mutated_geopackage())
def test_fuzz_byte_mutated_geopackage_is_read_or_refused_in_words(data: bytes) -> None:
    check_bytes(data, ".gpkg", "GeoPackage")


SHAPEFILE_HOT_SPOTS = (0, 24, 32, 36, 100, 108, 112)
"""File code, length, shape type, bounding box, first record header and its shape type in .shp/.shx."""


@st.composite
def mutated_shapefile_zip(draw: st.DrawFn) -> bytes:
    """A zipped Shapefile with members dropped, renamed, corrupted or doubled, and perhaps the zip itself hurt."""
    parts = {suffix: data for suffix, data in good_files().items() if suffix != "gpkg"}
    members: dict[str, bytes] = {}
    for suffix, data in sorted(parts.items()):
        fate = draw(st.sampled_from(["keep", "keep", "keep", "drop", "mutate", "rename"]))
        if fate == "drop":
            continue
        name = "orter" + suffix
        if fate == "mutate":
            data = draw(byte_mutation(data, SHAPEFILE_HOT_SPOTS))
        elif fate == "rename":
            name = draw(st.sampled_from(["ORTER" + suffix.upper(), "mapp/orter" + suffix, "andra" + suffix,
                                          "../orter" + suffix, "/tmp/orter" + suffix, "orter" + suffix + ".bak"]))
        members[name] = data
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        members["kopia.shp"] = parts[".shp"]
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        members["orter.dbf"] = parts[".dbf"] + b" " * draw(st.sampled_from([10, 2_000_000]))
    buffer = io.BytesIO()
    compression = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        data = draw(byte_mutation(data))
    return data


@fuzz(150)
@given(data=mutated_shapefile_zip())
def test_fuzz_mutated_zipped_shapefile_is_read_or_refused_in_words(data: bytes) -> None:
    check_bytes(data, ".zip", "zipped Shapefile")


# ------------------------------------------------- refused through the CLI: nothing stored


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    folder = Path(tempfile.mkdtemp(prefix="geodata-fuzz-db-"))
    with Store.open(f"sqlite:///{folder / 'fuzz.sqlite'}") as opened:
        yield opened


def any_broken_file() -> st.SearchStrategy[tuple[bytes, str]]:
    return st.one_of(
        mutated_geojson().map(lambda data: (data, ".geojson")),
        mutated_geopackage().map(lambda data: (data, ".gpkg")),
        mutated_shapefile_zip().map(lambda data: (data, ".zip")),
    )


@fuzz(60, HealthCheck.function_scoped_fixture)
@given(case=any_broken_file())
def test_fuzz_cli_import_saves_all_or_nothing(store: Store, case: tuple[bytes, str]) -> None:
    data, suffix = case
    STATS["CLI import run"] += 1
    before = store.localities()
    with written(data, suffix) as path:
        out, err = io.StringIO(), io.StringIO()
        code = import_file(store, path, out, err)
        after = store.localities()
        if code == EXIT_FAILED:
            STATS["CLI import refused"] += 1
            assert after == before, "a refused file must change no stored locality"
            assert out.getvalue() == "" and "inget har sparats" in err.getvalue()
            assert "Traceback" not in err.getvalue()
        else:
            assert code == EXIT_OK and err.getvalue() == ""
            assert "sparad" in out.getvalue()  # "1 ort ändrad och sparad", "2 orter ändrade och sparade"
            assert_sound([locality for locality in after if locality not in before])


def test_fuzz_starts_from_files_that_are_accepted() -> None:
    """Every mutation starts from a good file: unmutated, each format is read and changes Tuna and Vimmerby."""
    base = {
        ".geojson": json.dumps(BASE_GEOJSON).encode(),
        ".gpkg": good_files()["gpkg"],
        ".zip": mutated_shapefile_zip_unchanged(),
    }
    for suffix, data in base.items():
        with written(data, suffix) as path:
            result = read_locality_geometries(path, localities())
        assert sorted(locality.id for locality in result.updated) == ["tuna", "vimmerby"], suffix
        assert_sound(result.updated)


def mutated_shapefile_zip_unchanged() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for suffix, data in good_files().items():
            if suffix != "gpkg":
                archive.writestr("orter" + suffix, data)
    return buffer.getvalue()
