"""The area each locality's group speaks for: a Voronoi cell of the centres.

Most localities have no official area (four of the ten are villages, not SCB
tätorter), so the countryside is shared out by nearness: every place in the
municipality belongs to the locality whose centre is closest. Staff may draw an
area themselves (``Locality.area_geojson``); such an area is kept, and the
computed cells share only what is left, so areas never overlap and together
cover the municipality.

Cells are computed in SWEREF 99 TM, where "closest" means metres rather than
degrees (a degree of longitude is about half a degree of latitude here).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geodata.crs import to_sweref, to_wgs84
from geodata.messages import t
from geodata.shapes import EMPTY, polygonal, repaired
from indicators.core.model import Locality


def locality_areas(localities: Sequence[Locality], boundary: BaseGeometry) -> dict[str, BaseGeometry]:
    """Each locality's area in WGS 84, keyed by locality id in the given order."""
    metric = locality_areas_sweref(localities, boundary)
    ids = list(metric)
    projected = to_wgs84(np.array([metric[i] for i in ids], dtype=object))
    return dict(zip(ids, projected, strict=True))


def locality_areas_sweref(localities: Sequence[Locality], boundary: BaseGeometry) -> dict[str, BaseGeometry]:
    """The same areas in SWEREF 99 TM, for callers that go on working in metres.

    ``boundary`` is in WGS 84. A supplied area is clipped to the boundary, and
    where supplied areas overlap each other the locality listed first keeps the
    overlap. A locality can end up with an empty area: its supplied area lies
    outside the municipality, or its centre coincides with an earlier locality's.
    """
    ids = [locality.id for locality in localities]
    if len(set(ids)) != len(ids):
        raise ValueError(t("locality_ids_not_unique"))
    boundary_m = polygonal(to_sweref(boundary))
    areas: dict[str, BaseGeometry] = {i: EMPTY for i in ids}

    taken = EMPTY
    for locality in localities:
        if locality.area_geojson:
            supplied = polygonal(to_sweref(_parse_area(locality)))
            own = polygonal(shapely.difference(shapely.intersection(supplied, boundary_m), taken))
            areas[locality.id] = own
            taken = shapely.union(taken, own)

    rest = polygonal(shapely.difference(boundary_m, taken)) if not taken.is_empty else boundary_m
    computed = [locality for locality in localities if not locality.area_geojson]
    areas.update(_nearest_cells(computed, rest))
    return _edge_matched(areas)


def _edge_matched(areas: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """Make neighbours share identical edges (a valid coverage in GEOS terms).

    Clipping a cell against a staff-drawn area adds a vertex to the cell where
    their edges cross but not to the drawn area, and overlays can disagree in
    the last bits; both stop coverage-aware simplification for the web. GEOS's
    coverage cleaner (shapely ≥ 2.2) nodes and snaps at sub-millimetre
    distances, so nothing visible moves. Older shapely leaves areas as they are.
    """
    clean = getattr(shapely, "coverage_clean", None)
    ids = [i for i, area in areas.items() if not area.is_empty]
    if clean is None or len(ids) < 2:
        return areas
    shapes = np.array([areas[i] for i in ids], dtype=object)
    if shapely.coverage_is_valid(shapes):
        return areas
    cleaned = clean(shapes, merge_strategy="min_index")
    return {**areas, **{i: polygonal(g) for i, g in zip(ids, cleaned, strict=True)}}


def _nearest_cells(localities: Sequence[Locality], region: BaseGeometry) -> dict[str, BaseGeometry]:
    """Share ``region`` (metric) between the localities' centres by nearness.

    Uses one GEOS Voronoi diagram and an STRtree to pair cells with centres, so
    the cost grows as n log n; 2,000 localities take well under a second.
    """
    if not localities:
        return {}
    points = to_sweref(shapely.points([(loc.lon, loc.lat) for loc in localities]))
    result: dict[str, BaseGeometry] = {loc.id: EMPTY for loc in localities}

    # Localities sharing a centre cannot be told apart by nearness: the first keeps the cell.
    first_at: dict[tuple[float, float], int] = {}
    for index, point in enumerate(points):
        first_at.setdefault((point.x, point.y), index)
    unique = sorted(first_at.values())
    if len(unique) == 1:
        result[localities[unique[0]].id] = region
        return result

    envelope = _envelope(points, region, margin=10_000.0)
    cells = np.asarray(
        shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points[unique]), extend_to=envelope))
    )
    point_index, cell_index = shapely.STRtree(cells).query(points[unique], predicate="within")
    clipped = _clip(cells[cell_index], region)
    for p, cell in zip(point_index, clipped, strict=True):
        result[localities[unique[p]].id] = cell
    return result


def _envelope(points: np.ndarray, region: BaseGeometry, margin: float) -> BaseGeometry:
    """A box around centres and region, so every cell reaches past the region's edge."""
    bounds = shapely.bounds(np.append(points, region))
    west, south = np.nanmin(bounds[:, :2], axis=0)
    east, north = np.nanmax(bounds[:, 2:], axis=0)
    return shapely.box(west - margin, south - margin, east + margin, north + margin)


def _clip(cells: np.ndarray, region: BaseGeometry) -> np.ndarray:
    """Intersect cells with the region, skipping the ones wholly inside it.

    Inland cells are most of them when there are many localities, and the
    containment test on a prepared region is much cheaper than an overlay.
    """
    shapely.prepare(region)
    inside = shapely.contains_properly(region, cells)
    clipped = cells.copy()
    edge = ~inside
    clipped[edge] = [polygonal(g) for g in shapely.intersection(cells[edge], region)]
    return clipped


def _parse_area(locality: Locality) -> BaseGeometry:
    """The supplied area as a valid geometry (GeoJSON in WGS 84, as the model says).

    Stored text that is not GeoJSON is a fault in whatever wrote it; say which
    locality it is rather than fail deep inside GEOS.
    """
    try:
        return repaired(shape(json.loads(locality.area_geojson or "null")))
    except (ValueError, TypeError, AttributeError, KeyError, GEOSException) as error:
        raise ValueError(t("invalid_area", name=locality.name, id=locality.id, error=str(error))) from error
