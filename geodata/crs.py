"""The two coordinate systems the project uses, and moving geometries between them.

WGS 84 is what files, storage and the web map speak; SWEREF 99 TM is the
national metric grid, where areas, distances, Voronoi cells and simplification
tolerances mean metres. Transformers are cached because building one costs far
more than using it, and ``always_xy`` keeps the order (lon, lat) = (x, y) that
shapely assumes, whatever axis order the EPSG definition declares.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TypeVar

import numpy as np
import shapely
from pyproj import Transformer

WGS84 = "EPSG:4326"
SWEREF99TM = "EPSG:3006"

DENSIFY_DEGREES = 0.001
"""Longest edge (about 100 m here) kept when leaving WGS 84; see ``to_sweref``."""

GeometryOrArray = TypeVar("GeometryOrArray")


@lru_cache(maxsize=16)
def transformer(source: str, target: str) -> Transformer:
    """A cached (x, y) transformer; pyproj transformers are safe to reuse."""
    return Transformer.from_crs(source, target, always_xy=True)


def project(geometry: GeometryOrArray, source: str, target: str) -> GeometryOrArray:
    """Reproject a shapely geometry, or a numpy array of them, in one vectorised call.

    Z values are dropped: nothing in the project uses heights, and a stray Z
    from a GPS export would otherwise leak into GeoJSON for the web.
    """
    if source == target:
        return shapely.force_2d(geometry)
    move = transformer(source, target)

    def _transform(coords: np.ndarray) -> np.ndarray:
        x, y = move.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(shapely.force_2d(geometry), _transform)


def to_sweref(geometry: GeometryOrArray, densify: float | None = DENSIFY_DEGREES) -> GeometryOrArray:
    """WGS 84 → SWEREF 99 TM, for work in metres.

    An edge that is straight in WGS 84 is slightly curved in SWEREF 99 TM (by
    metres over the 10 km edges of SCB's outline), so long edges are first cut
    into short ones. Without that, a staff-drawn area would come back from a
    metric overlay a few metres off, and the boundary would not cover itself.
    ``densify=None`` skips the step, for points or when speed matters more.
    """
    if densify:
        geometry = shapely.segmentize(geometry, densify)
    return project(geometry, WGS84, SWEREF99TM)


def to_wgs84(geometry: GeometryOrArray) -> GeometryOrArray:
    """SWEREF 99 TM → WGS 84, for storage and the web."""
    return project(geometry, SWEREF99TM, WGS84)
