"""Made-up localities scattered over a municipality, for load tests and benchmarks.

The real project has ten localities; the areas, the web layers and the map must
still behave with a couple of thousand, and this is the honest way to check
that without inventing places that look real.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.crs import to_sweref, to_wgs84
from geodata.messages import t
from indicators.core.model import Locality


def synthetic_localities(n: int, boundary: BaseGeometry, seed: int = 0) -> list[Locality]:
    """``n`` localities at random points inside ``boundary`` (WGS 84), reproducible by seed.

    Points are drawn uniformly by area in SWEREF 99 TM, and kept only if they
    are inside the boundary in WGS 84 too, since that is how callers test them.
    """
    if n < 0:
        raise ValueError(t("negative_count"))
    rng = np.random.default_rng(seed)
    metric = to_sweref(boundary)
    shapely.prepare(metric)
    shapely.prepare(boundary)
    west, south, east, north = metric.bounds
    found: list[shapely.Point] = []
    while len(found) < n:
        batch = max(64, 2 * (n - len(found)))
        xs = rng.uniform(west, east, batch)
        ys = rng.uniform(south, north, batch)
        inside = shapely.contains_xy(metric, xs, ys)
        candidates = to_wgs84(shapely.points(xs[inside], ys[inside]))
        found.extend(p for p in candidates if boundary.contains(p))
    width = max(4, len(str(n)))
    return [
        Locality(
            id=f"syn-{i:0{width}d}",
            name=f"Ort {i}",
            lat=point.y,
            lon=point.x,
            position_basis="syntetisk",
            approximate=False,
        )
        for i, point in enumerate(found[:n], start=1)
    ]
