"""Projection helpers: SWEREF 99 TM is metric, round trips are lossless, Z is dropped."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geodata.crs import SWEREF99TM, WGS84, project, to_sweref, to_wgs84, transformer


def test_crs_constants() -> None:
    assert WGS84 == "EPSG:4326"
    assert SWEREF99TM == "EPSG:3006"


def test_crs_central_meridian_maps_to_false_easting() -> None:
    # SWEREF 99 TM: central meridian 15° E, false easting 500 000 m.
    point = to_sweref(shapely.Point(15.0, 57.0))
    assert point.x == pytest.approx(500_000.0, abs=1e-6)
    assert point.y == pytest.approx(6_319_000, abs=2_000)


def test_crs_round_trip_is_lossless() -> None:
    polygon = shapely.box(15.8, 57.6, 15.9, 57.7)
    back = to_wgs84(to_sweref(polygon, densify=None))
    assert shapely.equals_exact(back, polygon, tolerance=1e-9)


def test_crs_densifying_keeps_wgs84_edges_straight() -> None:
    # A 10 km edge that is straight in WGS 84 bows by metres in SWEREF 99 TM.
    edge = shapely.LineString([(15.5, 57.8), (16.3, 57.5)])
    middle = edge.interpolate(0.5, normalized=True)
    sparse = to_sweref(edge, densify=None)
    dense = to_sweref(edge)
    assert sparse.distance(to_sweref(middle)) > 1.0
    assert dense.distance(to_sweref(middle)) < 0.01


def test_crs_distance_is_in_metres() -> None:
    # One minute of latitude is about one nautical mile.
    a, b = to_sweref(shapely.points([(15.85, 57.0), (15.85, 57.0 + 1 / 60)]))
    assert a.distance(b) == pytest.approx(1852, rel=0.01)


def test_crs_arrays_and_z_values() -> None:
    geometries = np.array([shapely.Point(15.8, 57.6, 120.0), shapely.Point(15.9, 57.7)], dtype=object)
    projected = to_sweref(geometries)
    assert projected.shape == (2,)
    assert not shapely.has_z(projected).any()


def test_crs_same_system_is_identity_and_transformers_are_cached() -> None:
    point = shapely.Point(15.8, 57.6)
    assert project(point, WGS84, WGS84).equals(point)
    assert transformer(WGS84, SWEREF99TM) is transformer(WGS84, SWEREF99TM)
