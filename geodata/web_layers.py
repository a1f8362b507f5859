"""Geometry made ready for the web map, once per change of data rather than per callback.

The map HTML carries every coordinate it draws, so its size is set here:
shapes are simplified in metres (SWEREF 99 TM) and coordinates rounded to five
decimals, about one metre, which is finer than any screen shows at the zoom
levels that fit a municipality.

The areas are simplified as one coverage, so neighbours keep sharing the very
same edge; simplifying each polygon alone would open slivers and overlaps
between them. The boundary drawn is the union of the simplified areas, so its
line lies exactly on the areas' outer edges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geodata.areas import locality_areas_sweref
from geodata.crs import to_sweref, to_wgs84
from geodata.shapes import polygonal
from indicators.core.model import Locality

DECIMALS = 5
GRID = 10.0**-DECIMALS

FeatureCollection = dict[str, Any]
Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class WebLayers:
    """Three GeoJSON FeatureCollections (plain dicts, WGS 84) and the view to fit.

    ``bounds`` is ((south, west), (north, east)) of the boundary, the order
    Leaflet's fitBounds takes.
    """

    boundary: FeatureCollection
    areas: FeatureCollection
    points: FeatureCollection
    bounds: Bounds


def build_web_layers(
    localities: Sequence[Locality], boundary: BaseGeometry, *, simplify_m: float = 25
) -> WebLayers:
    """Boundary, locality areas and centre points for the map, simplified and rounded."""
    areas = locality_areas_sweref(localities, boundary)
    ids = list(areas)
    shapes = [areas[i] for i in ids]
    remainder = _unassigned(shapes, to_sweref(boundary))
    simplified = _simplify_coverage(shapes + ([remainder] if remainder is not None else []), simplify_m)
    outline = _union(simplified)

    by_id = {locality.id: locality for locality in localities}
    area_features = [
        _feature(geometry, {"id": i, "name": by_id[i].name})
        for i, geometry in zip(ids, _for_web(simplified[: len(ids)]), strict=True)
        if not geometry.is_empty
    ]
    point_features = [
        _feature(
            shapely.Point(locality.lon, locality.lat),
            {
                "id": locality.id,
                "name": locality.name,
                "approximate": locality.approximate,
                "position_basis": locality.position_basis,
            },
        )
        for locality in localities
    ]
    west, south, east, north = boundary.bounds
    return WebLayers(
        boundary=_collection([_feature(_for_web(np.array([outline], dtype=object))[0], {})]),
        areas=_collection(area_features),
        points=_collection(point_features),
        bounds=((_round(south), _round(west)), (_round(north), _round(east))),
    )


def _unassigned(areas: list[BaseGeometry], boundary_m: BaseGeometry) -> BaseGeometry | None:
    """The part of the boundary no locality holds, if any (only when every area is supplied)."""
    covered = sum(area.area for area in areas)
    if areas and covered >= boundary_m.area * (1 - 1e-9):
        return None
    if not areas:
        return boundary_m
    rest = shapely.difference(boundary_m, shapely.union_all(areas))
    return rest if rest.area > 1.0 else None


def _union(shapes: list[BaseGeometry]) -> BaseGeometry:
    """The outline of all areas; the fast coverage union only when its premise holds."""
    present = [shape for shape in shapes if not shape.is_empty]
    if not present:
        return shapely.Polygon()
    if len(present) == 1:
        return present[0]
    if _is_coverage(present):
        return shapely.coverage_union_all(present)
    return polygonal(shapely.union_all(present))


def _is_coverage(shapes: np.ndarray | list[BaseGeometry]) -> bool:
    check = getattr(shapely, "coverage_is_valid", None)
    return bool(check is not None and check(shapes))


def _simplify_coverage(shapes: list[BaseGeometry], tolerance_m: float) -> list[BaseGeometry]:
    """Simplify shared edges once for all, falling back to one polygon at a time.

    The fallback is for a coverage GEOS judges invalid (say, staff areas that
    touch with tiny gaps); it still keeps each polygon valid.
    """
    array = np.array(shapes, dtype=object)
    present = ~shapely.is_empty(array)
    result = array.copy()
    if tolerance_m <= 0 or not present.any():
        return list(result)
    if hasattr(shapely, "coverage_simplify") and _is_coverage(array[present]):
        result[present] = shapely.coverage_simplify(array[present], tolerance_m)
    else:
        result[present] = shapely.simplify(array[present], tolerance_m, preserve_topology=True)
    invalid = ~shapely.is_valid(result)
    result[invalid] = [polygonal(shapely.make_valid(g)) for g in result[invalid]]
    return list(result)


def _for_web(geometries: np.ndarray) -> list[BaseGeometry]:
    """Metric geometries → WGS 84 on a grid of five decimals, still valid.

    ``set_precision`` snaps while keeping polygons valid, which plain rounding
    of coordinates does not promise.
    """
    projected = to_wgs84(geometries)
    invalid = ~shapely.is_valid(projected)
    projected[invalid] = shapely.make_valid(projected[invalid])
    snapped = shapely.set_precision(projected, GRID)
    return [polygonal(g) if g.geom_type not in ("Point", "MultiPoint") else g for g in snapped]


def _feature(geometry: BaseGeometry, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": _rounded(mapping(geometry))}


def _collection(features: list[dict[str, Any]]) -> FeatureCollection:
    return {"type": "FeatureCollection", "features": features}


def _rounded(value: Any) -> Any:
    """GeoJSON with lists instead of tuples and every number at five decimals."""
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(item) for item in value]
    if isinstance(value, float):
        return _round(value)
    return value


def _round(value: float) -> float:
    return round(float(value), DECIMALS)
