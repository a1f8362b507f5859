"""Synthetic localities: inside the boundary, reproducible, named predictably."""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry

from geodata.synthetic import synthetic_localities
from indicators.core.model import Locality


def test_synthetic_points_inside_and_named(synthetic_200: list[Locality], boundary: BaseGeometry) -> None:
    assert len(synthetic_200) == 200
    assert synthetic_200[0].id == "syn-0001"
    assert synthetic_200[-1].id == "syn-0200"
    assert synthetic_200[0].name == "Ort 1"
    assert len({loc.id for loc in synthetic_200}) == 200
    assert all(boundary.contains(shapely.Point(loc.lon, loc.lat)) for loc in synthetic_200)
    assert all(loc.position_basis == "syntetisk" and not loc.approximate for loc in synthetic_200)


def test_synthetic_is_reproducible_by_seed(boundary: BaseGeometry) -> None:
    assert synthetic_localities(20, boundary, seed=3) == synthetic_localities(20, boundary, seed=3)
    assert synthetic_localities(20, boundary, seed=3) != synthetic_localities(20, boundary, seed=4)


def test_synthetic_zero(boundary: BaseGeometry) -> None:
    assert synthetic_localities(0, boundary) == []
