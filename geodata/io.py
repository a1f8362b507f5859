"""Reading staff's own locality positions and areas from a GeoJSON, GeoPackage or Shapefile.

Everything the file gets wrong is collected first and raised together as one
InputError, so a person fixes the file in one round. Nothing is stored here:
the caller saves ``GeometryImport.updated`` only when this returned normally.

A file may hold a point (the centre), a polygon (the area) or both for a
locality; a polygon alone leaves the centre where it was. Two points, or two
polygons, for one locality are refused: the file must say which one it means.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pyogrio
import pyogrio.errors
import shapely
from shapely.geometry.base import BaseGeometry

from geodata import messages
from geodata.boundary import municipality_boundary
from geodata.crs import WGS84
from geodata.matching import KEY_FIELDS, LocalityIndex, cell_text, key_fields
from geodata.messages import t
from geodata.shapes import POLYGONAL, repaired
from indicators.errors import FEATURE, InputError, Problem
from indicators.model import Locality
from indicators.texts import Listing

ROW_LABEL = FEATURE

_READ_ERRORS = (
    pyogrio.errors.DataSourceError,
    pyogrio.errors.DataLayerError,
    pyogrio.errors.FieldError,
    pyogrio.errors.GeometryError,
    pyogrio.errors.FeatureError,
    pyogrio.errors.CRSError,
    OSError,
    ValueError,
    UnicodeError,
)


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
class _Feature:
    """One feature matched to a locality: its number in the file, the field that matched, its shape."""

    number: int
    field: str
    locality_id: str
    geometry: BaseGeometry
    is_point: bool = False


def read_locality_geometries(
    path: Path,
    localities: Sequence[Locality],
    boundary: BaseGeometry | None = None,
    *,
    display_name: str | None = None,
) -> GeometryImport:
    """Match a geometry file's features to ``localities`` and return the changed localities.

    ``display_name`` names the file in messages and in ``position_basis`` (an
    upload has a temporary path but a meaningful original name). ``boundary``
    (WGS 84) defaults to Vimmerby's. Raises InputError listing every problem.
    """
    path = Path(path)
    name = display_name or path.name
    frame, driver = _read(path, name)
    fields = key_fields(column for column in frame.columns if column != frame.geometry.name)
    if not fields:
        raise InputError([_problem(name, t("no_key_field", fields=Listing(list(KEY_FIELDS))))])

    problems: list[Problem] = []
    frame, crs_known = _in_wgs84(frame, driver, name, problems)
    matched, ignored = _match(frame, fields, LocalityIndex(localities), name, problems)
    if frame.empty:
        problems.append(_problem(name, t("no_features")))
    elif not matched and all(problem.row is None for problem in problems):
        problems.append(_problem(name, t("nothing_matched", names=Listing([loc.name for loc in localities]))))

    usable = _usable_geometries(matched, name, problems)
    _refuse_duplicates(usable, {loc.id: loc.name for loc in localities}, name, problems)
    if crs_known:
        _refuse_outside(usable, boundary if boundary is not None else municipality_boundary(), name, problems)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: problem.row or 0))
    return GeometryImport(updated=_apply(localities, usable, name), ignored=ignored)


def _read(path: Path, name: str) -> tuple[gpd.GeoDataFrame, str]:
    """The file's single layer and GDAL's driver name; any failure is one Problem."""
    if not path.exists():
        raise InputError([_problem(name, t("file_missing"))])
    try:
        layers = pyogrio.list_layers(path)
        if len(layers) > 1:
            raise InputError([_problem(name, messages.several_layers([str(layer[0]) for layer in layers]))])
        driver = str(pyogrio.read_info(path)["driver"])
        frame = gpd.read_file(path, engine="pyogrio")
    except _READ_ERRORS as error:
        raise InputError([_problem(name, t("unreadable", detail=_detail(error, path, name)))]) from error
    if not isinstance(frame, gpd.GeoDataFrame) or frame.active_geometry_name is None:
        raise InputError([_problem(name, t("no_geometry"))])
    return frame, driver


def _in_wgs84(
    frame: gpd.GeoDataFrame, driver: str, name: str, problems: list[Problem]
) -> tuple[gpd.GeoDataFrame, bool]:
    """The frame in WGS 84, and whether its coordinate system was known at all.

    GeoJSON is WGS 84 by definition (RFC 7946), so only other formats can lack one.
    """
    if frame.crs is None:
        if driver == "GeoJSON":
            return frame.set_crs(WGS84), True
        problems.append(_problem(name, t("unknown_crs")))
        return frame, False
    return frame.to_crs(WGS84), True


def _match(
    frame: gpd.GeoDataFrame, fields: list[str], index: LocalityIndex, name: str, problems: list[Problem]
) -> tuple[list[_Feature], list[str]]:
    """Pair features with localities; unmatched ones are described, contradictory ones refused."""
    matched: list[_Feature] = []
    ignored: list[str] = []
    rows = frame[fields].to_dict("records")
    for number, (row, geometry) in enumerate(zip(rows, frame.geometry, strict=True), start=1):
        texts = {column: cell_text(row[column]) for column in fields}
        hits: dict[str, str] = {}  # locality id -> first field naming it
        for column, text in texts.items():
            ids = index.lookup(text) if text is not None else set()
            if len(ids) > 1:
                problems.append(_problem(name, t("ambiguous", text=str(text), ids=Listing(sorted(ids))), number, column))
                break
            for locality_id in ids:
                hits.setdefault(locality_id, column)
        else:
            if len(hits) > 1:
                pairs = [(str(texts[column]), column) for column in hits.values()]
                problems.append(_problem(name, messages.contradicting(pairs), number))
            elif hits:
                ((locality_id, column),) = hits.items()
                matched.append(_Feature(number, column, locality_id, geometry))
            else:
                ignored.append(_describe(number, texts))
    return matched, ignored


def _usable_geometries(features: list[_Feature], name: str, problems: list[Problem]) -> list[_Feature]:
    """Matched features with a point or a (repaired) polygon, in 2-D; the rest become problems."""
    usable: list[_Feature] = []
    for feature in features:
        geometry = feature.geometry
        if geometry is None or geometry.is_empty:
            problems.append(_problem(name, t("empty_geometry"), feature.number))
            continue
        geometry = shapely.force_2d(geometry)
        if geometry.geom_type == "MultiPoint" and len(geometry.geoms) == 1:
            geometry = geometry.geoms[0]
        if geometry.geom_type == "Point":
            usable.append(dataclasses.replace(feature, geometry=geometry, is_point=True))
        elif geometry.geom_type in POLYGONAL:
            area = repaired(geometry)
            if area.is_empty:
                problems.append(_problem(name, t("unrepairable"), feature.number))
            else:
                usable.append(dataclasses.replace(feature, geometry=area))
        else:
            problems.append(_problem(name, t("unsupported_type", type=geometry.geom_type), feature.number))
    return usable


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
    features: list[_Feature], boundary: BaseGeometry, file: str, problems: list[Problem]
) -> None:
    """Centres must lie in the municipality and an area must at least touch it.

    Both catch the common mistake of coordinates in another system than the one declared.
    """
    shapely.prepare(boundary)
    for feature in features:
        geometry = feature.geometry
        if feature.is_point and not boundary.covers(geometry):
            problems.append(_problem(file, messages.point_outside(geometry.y, geometry.x), feature.number))
        elif not feature.is_point and not boundary.intersects(geometry):
            problems.append(_problem(file, t("area_outside"), feature.number))


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
    return text.split("; It might help", 1)[0].replace(str(path), name).replace("''", "'")
