"""Small geometry helpers shared by the modules that build or read areas."""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry

POLYGONAL = ("Polygon", "MultiPolygon")
EMPTY = shapely.Polygon()


def polygonal(geometry: BaseGeometry | None) -> BaseGeometry:
    """Only the polygonal part of a geometry, or an empty polygon.

    Overlays, ``make_valid`` and snapping to a grid can leave stray lines or
    points beside the polygons (a bow-tie repaired, two cells touching at a
    corner); an area is only ever its polygons.
    """
    if geometry is None or geometry.is_empty:
        return EMPTY
    if geometry.geom_type in POLYGONAL:
        return geometry
    parts = [part for part in shapely.get_parts(geometry) if not part.is_empty]
    polygons = [polygonal(part) if part.geom_type == "GeometryCollection" else part for part in parts]
    polygons = [part for part in polygons if part.geom_type in POLYGONAL and not part.is_empty]
    return shapely.union_all(polygons) if polygons else EMPTY


def repaired(geometry: BaseGeometry) -> BaseGeometry:
    """A valid polygonal version of a possibly invalid polygon (self-crossing, bow-tie)."""
    return polygonal(geometry if geometry.is_valid else shapely.make_valid(geometry))
