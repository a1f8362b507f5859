"""Web layers: small, valid, rounded GeoJSON, built once from localities and boundary."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geodata.crs import to_sweref
from geodata.synthetic import synthetic_localities
from geodata.web_layers import WebLayers, build_web_layers
from indicators.core.model import Locality


@pytest.fixture(scope="module")
def layers(ten: list[Locality], boundary: BaseGeometry) -> WebLayers:
    return build_web_layers(ten, boundary)


def coordinates(value: Any) -> Iterator[float]:
    if isinstance(value, (int, float)):
        yield value
    else:
        for item in value:
            yield from coordinates(item)


def test_web_layers_have_ten_features_each(layers: WebLayers, ten: list[Locality]) -> None:
    assert len(layers.areas["features"]) == 10
    assert len(layers.points["features"]) == 10
    assert len(layers.boundary["features"]) == 1
    assert [f["properties"]["id"] for f in layers.areas["features"]] == [loc.id for loc in ten]


def test_web_layers_properties(layers: WebLayers, by_id: dict[str, Locality]) -> None:
    area = layers.areas["features"][0]
    assert set(area["properties"]) == {"id", "name"}
    points = {f["properties"]["id"]: f for f in layers.points["features"]}
    djursdala = points["djursdala"]
    assert djursdala["properties"] == {
        "id": "djursdala",
        "name": "Djursdala",
        "approximate": True,
        "position_basis": by_id["djursdala"].position_basis,
    }
    assert djursdala["geometry"] == {"type": "Point", "coordinates": [15.87, 57.76]}


def test_web_layers_geometries_valid(layers: WebLayers) -> None:
    for collection in (layers.boundary, layers.areas, layers.points):
        assert collection["type"] == "FeatureCollection"
        for feature in collection["features"]:
            geometry = shape(feature["geometry"])
            assert geometry.is_valid and not geometry.is_empty
    assert shapely.coverage_is_valid([shape(f["geometry"]) for f in layers.areas["features"]])


def test_web_layers_coordinates_rounded_to_five_decimals(layers: WebLayers) -> None:
    for collection in (layers.boundary, layers.areas, layers.points):
        for feature in collection["features"]:
            for value in coordinates(feature["geometry"]["coordinates"]):
                assert value == round(value, 5)
                assert len(repr(value).split(".")[-1]) <= 5


def test_web_layers_are_plain_json(layers: WebLayers) -> None:
    text = json.dumps([layers.boundary, layers.areas, layers.points])
    assert json.loads(text) == [layers.boundary, layers.areas, layers.points]


def test_web_layers_boundary_matches_and_bounds(layers: WebLayers, boundary: BaseGeometry) -> None:
    drawn = shape(layers.boundary["features"][0]["geometry"])
    assert to_sweref(drawn.symmetric_difference(boundary)).area < 0.005 * to_sweref(boundary).area
    areas = shapely.union_all([shape(f["geometry"]) for f in layers.areas["features"]])
    assert to_sweref(areas.symmetric_difference(drawn)).area < 1_000  # m²: same outline
    (south, west), (north, east) = layers.bounds
    assert (west, south, east, north) == pytest.approx(boundary.bounds, abs=1e-5)


def test_web_layers_simplification_shrinks_detailed_areas(ten: list[Locality], boundary: BaseGeometry) -> None:
    wiggly = shapely.Point(15.85, 57.67).buffer(0.03, quad_segs=256)  # ~1,000 vertices
    localities = [
        dataclasses.replace(loc, area_geojson=shapely.to_geojson(wiggly)) if loc.id == "vimmerby" else loc
        for loc in ten
    ]
    fine = build_web_layers(localities, boundary, simplify_m=0)
    coarse = build_web_layers(localities, boundary, simplify_m=25)
    assert len(json.dumps(coarse.areas)) < 0.7 * len(json.dumps(fine.areas))
    assert all(shape(f["geometry"]).is_valid for f in coarse.areas["features"])


def test_web_layers_two_thousand_localities(boundary: BaseGeometry) -> None:
    localities = synthetic_localities(2000, boundary, seed=2)
    started = time.perf_counter()
    layers = build_web_layers(localities, boundary)
    assert time.perf_counter() - started < 10.0
    assert len(layers.areas["features"]) == 2000
    assert all(shape(f["geometry"]).is_valid for f in layers.areas["features"])


def test_web_layers_without_localities(boundary: BaseGeometry) -> None:
    layers = build_web_layers([], boundary)
    assert layers.areas["features"] == [] and layers.points["features"] == []
    assert shape(layers.boundary["features"][0]["geometry"]).is_valid
