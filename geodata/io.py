"""Reading staff's own locality positions and areas from a GeoJSON, GeoPackage or Shapefile.

Everything the file gets wrong is collected first and raised together as one
InputError, so a person fixes the file in one round. Nothing is stored here:
the caller saves ``GeometryImport.updated`` only when this returned normally.

A file may hold a point (the centre), a polygon (the area) or both for a
locality; a polygon alone leaves the centre where it was. Two points, or two
polygons, for one locality are refused: the file must say which one it means.

Files come from people and from other programs, so any file at all must end in
a result or an InputError, never in a traceback: the format is decided before
GDAL opens it (``geodata.sources``), the file is bounded in bytes and features
(``geodata.limits``), and each feature's geometry is decoded, checked for
coordinates that are numbers, reprojected, range-checked and repaired on its
own, so a broken feature becomes a problem that names it.
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.errors
import pyogrio.raw
import pyproj
import pyproj.exceptions
import shapely
import shapely.errors
from shapely.geometry.base import BaseGeometry

from geodata import messages
from geodata.boundary import municipality_boundary
from geodata.crs import WGS84
from geodata.limits import MAX_FEATURES_ENV, GeoLimits
from geodata.matching import KEY_FIELDS, LocalityIndex, cell_text, key_fields
from geodata.messages import t
from geodata.shapes import POLYGONAL, repaired
from geodata.sources import GEOJSON, GEOPACKAGE, Source, prepare
from indicators.core.errors import FEATURE, InputError, Problem
from indicators.core.model import Locality
from indicators.i18n.texts import Listing

ROW_LABEL = FEATURE
GEOMETRY_FIELD = "geometry"
"""The field a geometry problem names when the format gives its geometry no column name."""

_READ_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.FieldError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
    shapely.errors.ShapelyError,
    pyproj.exceptions.ProjError,
    RuntimeError,
    OSError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    OverflowError,
    UnicodeError,
)
"""What GDAL (through pyogrio), GEOS (shapely) and PROJ (pyproj) raise on a file they cannot use.

GDAL's errors are RuntimeErrors; a Shapefile without its index has been seen to
raise IndexError inside pyogrio; GEOS raises on unclosed rings and NaN; PROJ on
a coordinate system it cannot build. Each becomes a problem with GDAL's words.
"""

_DETAIL_CHARS = 200
"""GDAL quotes the offending text (a 5,000-digit number, say); a message keeps its start."""

_MIN_LON, _MAX_LON, _MIN_LAT, _MAX_LAT = -180.0, 180.0, -90.0, 90.0


@dataclass(frozen=True)
class GeometryImport:
    """What a file changes: localities with new positions or areas, and what matched nothing.

    ``ignored`` describes each unmatched feature for people ("objekt 7 (namn
    ”Mariannelund”)"), so staff can see a typo rather than a silent skip; each
    description is a ``Text``, so it also renders in English.
    """

    updated: list[Locality] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Layer:
    """A file's single layer as GDAL read it, before any geometry is decoded.

    Geometries stay WKB until a feature is matched, so a feature that matches no
    locality cannot make the file fail, and a broken one is refused by number.
    """

    columns: dict[str, Sequence[object]]
    wkb: Sequence[bytes | None]
    crs: str | None
    driver: str
    geometry_field: str

    def __len__(self) -> int:
        return len(self.wkb)


@dataclass(frozen=True)
class _Feature:
    """One feature matched to a locality: its number in the file, the field that matched, its shape."""

    number: int
    field: str
    locality_id: str
    geometry: BaseGeometry
    is_point: bool = False


@dataclass(frozen=True)
class _Match:
    """A feature paired with a locality by a field, its geometry not yet decoded."""

    number: int
    field: str
    locality_id: str
    wkb: bytes | None


Move = Callable[[BaseGeometry], BaseGeometry]


def read_locality_geometries(
    path: Path,
    localities: Sequence[Locality],
    boundary: BaseGeometry | None = None,
    *,
    display_name: str | None = None,
    limits: GeoLimits | None = None,
) -> GeometryImport:
    """Match a geometry file's features to ``localities`` and return the changed localities.

    ``display_name`` names the file in messages and in ``position_basis`` (an
    upload has a temporary path but a meaningful original name). ``boundary``
    (WGS 84) defaults to Vimmerby's; ``limits`` to those set in the environment
    (``GeoLimits.from_env``). Raises InputError listing every problem, and no
    other error for anything the file holds.
    """
    path = Path(path)
    name = display_name or path.name
    limits = limits if limits is not None else GeoLimits.from_env()
    with tempfile.TemporaryDirectory(prefix="allas-geodata-") as workdir:
        layer = _read(prepare(path, name, limits, Path(workdir)), name, limits)
    fields = key_fields(layer.columns)
    if not fields:
        raise InputError([_problem(name, t("no_key_field", fields=Listing(list(KEY_FIELDS))))])

    problems: list[Problem] = []
    move, crs_known = _to_wgs84(layer, name, problems)
    matches, ignored = _match(layer, fields, LocalityIndex(localities), name, problems)
    if len(layer) == 0:
        problems.append(_problem(name, t("no_features")))
    elif not matches and all(problem.row is None for problem in problems):
        problems.append(_problem(name, t("nothing_matched", names=Listing([loc.name for loc in localities]))))

    usable = _usable_geometries(matches, move if crs_known else None, layer.geometry_field, name, problems)
    _refuse_duplicates(usable, {loc.id: loc.name for loc in localities}, name, problems)
    if crs_known:
        outline = boundary if boundary is not None else municipality_boundary()
        _refuse_outside(usable, outline, layer.geometry_field, name, problems)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: problem.row or 0))
    return GeometryImport(updated=_apply(localities, usable, name), ignored=ignored)


def _read(source: Source, name: str, limits: GeoLimits) -> _Layer:
    """The file's single layer, read by the driver ``source`` names; any failure is one Problem."""
    try:
        if source.driver == GEOPACKAGE:
            layers = pyogrio.list_layers(source.path)
            if len(layers) > 1:
                raise InputError([_problem(name, messages.several_layers([str(layer[0]) for layer in layers]))])
            if len(layers) == 0:
                raise InputError([_problem(name, t("no_layers"))])
        driver = str(pyogrio.read_info(source.path)["driver"])
        if driver != source.driver:
            raise InputError([_problem(name, t("format_mismatch", expected=source.driver, driver=driver))])
        meta, _, wkb, values = pyogrio.raw.read(
            source.path, max_features=limits.max_features + 1, datetime_as_string=True
        )
    except _READ_ERRORS as error:
        raise InputError([_problem(name, t("unreadable", detail=_detail(error, source.path, name)))]) from error
    if wkb is None:
        raise InputError([_problem(name, t("no_geometry"))])
    if len(wkb) > limits.max_features:
        raise InputError([_problem(name, t("too_many_features", limit=limits.max_features, env=MAX_FEATURES_ENV))])
    columns = {str(column): column_values for column, column_values in zip(meta["fields"], values, strict=True)}
    crs = meta.get("crs")
    return _Layer(
        columns=columns,
        wkb=list(wkb),
        crs=str(crs) if crs else None,
        driver=driver,
        geometry_field=str(meta.get("geometry_name") or GEOMETRY_FIELD),
    )


def _to_wgs84(layer: _Layer, name: str, problems: list[Problem]) -> tuple[Move, bool]:
    """How to move a geometry into WGS 84, and whether the coordinate system was known at all.

    GeoJSON is WGS 84 by definition (RFC 7946), so only other formats can lack one.
    Z values are dropped: nothing uses heights.
    """
    if layer.crs is None and layer.driver != GEOJSON:
        problems.append(_problem(name, t("unknown_crs")))
        return shapely.force_2d, False
    try:
        source = pyproj.CRS.from_user_input(layer.crs or WGS84)
        if source == pyproj.CRS.from_user_input(WGS84):
            return shapely.force_2d, True
        transformer = pyproj.Transformer.from_crs(source, WGS84, always_xy=True)
    except _READ_ERRORS as error:
        problems.append(_problem(name, t("crs_unusable", detail=_short(str(error)))))
        return shapely.force_2d, False

    def move(geometry: BaseGeometry) -> BaseGeometry:
        def transform(coords: np.ndarray) -> np.ndarray:
            x, y = transformer.transform(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(shapely.force_2d(geometry), transform)

    return move, True


def _match(
    layer: _Layer, fields: list[str], index: LocalityIndex, name: str, problems: list[Problem]
) -> tuple[list[_Match], list[str]]:
    """Pair features with localities; unmatched ones are described, contradictory ones refused."""
    matched: list[_Match] = []
    ignored: list[str] = []
    for position, wkb in enumerate(layer.wkb):
        number = position + 1
        texts = {column: cell_text(layer.columns[column][position]) for column in fields}
        hits: dict[str, str] = {}  # locality id -> first field naming it
        for column, text in texts.items():
            ids = index.lookup(text) if text is not None else set()
            if len(ids) > 1:
                message = t("ambiguous", text=str(text), ids=Listing(sorted(ids)))
                problems.append(_problem(name, message, number, column))
                break
            for locality_id in ids:
                hits.setdefault(locality_id, column)
        else:
            if len(hits) > 1:
                pairs = [(str(texts[column]), column) for column in hits.values()]
                problems.append(_problem(name, messages.contradicting(pairs), number))
            elif hits:
                ((locality_id, column),) = hits.items()
                matched.append(_Match(number, column, locality_id, wkb))
            else:
                ignored.append(_describe(number, texts))
    return matched, ignored


def _usable_geometries(
    matches: list[_Match], move: Move | None, geometry_field: str, name: str, problems: list[Problem]
) -> list[_Feature]:
    """Matched features with a point or a (repaired) polygon, in 2-D WGS 84; the rest become problems.

    ``move`` is None when the coordinate system is unknown (already a problem):
    the coordinates are then not checked against the globe, only for being numbers.
    """
    usable: list[_Feature] = []
    for match in matches:

        def refuse(message: str, number: int = match.number) -> None:
            problems.append(_problem(name, message, number, geometry_field))

        geometry = _decoded(match.wkb, refuse)
        if geometry is None:
            continue
        if geometry.is_empty:
            refuse(t("empty_geometry"))
            continue
        if (bad := _not_a_number(geometry)) is not None:
            refuse(t("coordinate_not_finite", value=bad))
            continue
        if move is None:
            geometry = shapely.force_2d(geometry)
        else:
            try:
                geometry = move(geometry)
            except _READ_ERRORS as error:
                refuse(t("reprojection_failed", detail=_short(str(error))))
                continue
            if not _within_wgs84(geometry):
                refuse(t("coordinate_out_of_range"))
                continue
        if geometry.geom_type == "MultiPoint" and len(geometry.geoms) == 1:
            geometry = geometry.geoms[0]
        feature = _Feature(match.number, match.field, match.locality_id, geometry)
        if geometry.geom_type == "Point":
            usable.append(dataclasses.replace(feature, is_point=True))
        elif geometry.geom_type in POLYGONAL:
            try:
                area = repaired(geometry)
            except _READ_ERRORS:
                area = shapely.Polygon()
            if area.is_empty:
                refuse(t("unrepairable"))
            else:
                usable.append(dataclasses.replace(feature, geometry=area))
        else:
            refuse(t("unsupported_type", type=geometry.geom_type))
    return usable


def _decoded(wkb: bytes | None, refuse: Callable[[str], None]) -> BaseGeometry | None:
    """A feature's geometry from GDAL's WKB; a null geometry or one GEOS refuses is a problem."""
    if wkb is None:
        refuse(t("empty_geometry"))
        return None
    try:
        return shapely.from_wkb(wkb)
    except _READ_ERRORS as error:
        detail = str(error)
        if "closed linestring" in detail:  # GEOS's words for a ring whose ends differ
            refuse(t("ring_not_closed"))
        else:
            refuse(t("geometry_unreadable", detail=_short(detail)))
        return None


def _not_a_number(geometry: BaseGeometry) -> str | None:
    """The first x or y that is NaN or infinite, written as it was ("NaN", "inf"), or None."""
    coords = shapely.get_coordinates(geometry)
    bad = coords[~np.isfinite(coords)]
    if bad.size == 0:
        return None
    value = float(bad[0])
    return "NaN" if math.isnan(value) else ("inf" if value > 0 else "-inf")


def _within_wgs84(geometry: BaseGeometry) -> bool:
    """Every coordinate a real longitude and latitude: finite, ±180° east, ±90° north."""
    coords = shapely.get_coordinates(geometry)
    if not np.isfinite(coords).all():
        return False
    lon, lat = coords[:, 0], coords[:, 1]
    return bool(((lon >= _MIN_LON) & (lon <= _MAX_LON) & (lat >= _MIN_LAT) & (lat <= _MAX_LAT)).all())


def _refuse_duplicates(
    features: list[_Feature], names: dict[str, str], file: str, problems: list[Problem]
) -> None:
    """Two points (or two areas) for one locality: the file must say which is meant."""
    groups: dict[tuple[str, bool], list[_Feature]] = defaultdict(list)
    for feature in features:
        groups[(feature.locality_id, feature.is_point)].append(feature)
    for (locality_id, is_point), group in groups.items():
        if len(group) > 1:
            message = messages.duplicate([feature.number for feature in group], is_point, names[locality_id])
            problems.append(_problem(file, message, group[1].number, group[1].field))


def _refuse_outside(
    features: list[_Feature], boundary: BaseGeometry, geometry_field: str, file: str, problems: list[Problem]
) -> None:
    """Centres must lie in the municipality and an area must at least touch it.

    Both catch the common mistake of coordinates in another system than the one declared.
    """
    shapely.prepare(boundary)
    for feature in features:
        geometry = feature.geometry
        if feature.is_point and not boundary.covers(geometry):
            message = messages.point_outside(geometry.y, geometry.x)
            problems.append(_problem(file, message, feature.number, geometry_field))
        elif not feature.is_point and not boundary.intersects(geometry):
            problems.append(_problem(file, t("area_outside"), feature.number, geometry_field))


def _apply(localities: Sequence[Locality], features: list[_Feature], file: str) -> list[Locality]:
    """The localities the file changes, with new centre and/or area, in the given order."""
    points = {f.locality_id: f.geometry for f in features if f.is_point}
    areas = {f.locality_id: f.geometry for f in features if not f.is_point}
    updated: list[Locality] = []
    for locality in localities:
        changed = locality
        if (point := points.get(locality.id)) is not None:
            changed = dataclasses.replace(
                changed,
                lat=point.y,
                lon=point.x,
                approximate=False,
                position_basis=t("position_basis", file=file),
            )
        if (area := areas.get(locality.id)) is not None:
            changed = dataclasses.replace(changed, area_geojson=shapely.to_geojson(area))
        if changed is not locality:
            updated.append(changed)
    return updated


def _describe(number: int, texts: dict[str, str | None]) -> str:
    """An unmatched feature by its first non-empty name or id field."""
    column = next((c for c, text in texts.items() if text is not None), None)
    return messages.unmatched(number, column, texts.get(column) if column else None)


def _problem(file: str, message: str, row: int | None = None, field_name: str | None = None) -> Problem:
    return Problem(file=file, message=message, row=row, field=field_name, row_label=ROW_LABEL)


def _detail(error: BaseException, path: Path, name: str) -> str:
    """GDAL's own words, for whoever debugs, without the (temporary) path or its driver advice."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    text = text.split("; It might help", 1)[0].replace(str(path), name).replace("''", "'")
    return _short(text)


def _short(text: str) -> str:
    """The first line of a library's message, cut to a readable length."""
    line = (text.strip().splitlines() or [""])[0]
    return line if len(line) <= _DETAIL_CHARS else line[:_DETAIL_CHARS] + "…"
