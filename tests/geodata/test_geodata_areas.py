"""Locality areas: a partition of the municipality, each centre in its own cell."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.areas import locality_areas, locality_areas_sweref
from geodata.crs import to_sweref
from geodata.synthetic import synthetic_localities
from indicators.core.model import Locality


def assert_partition(areas: dict[str, BaseGeometry], boundary: BaseGeometry) -> None:
    """Cells cover the boundary (area sums within 0.5 %) and no two overlap (metric)."""
    metric = to_sweref(np.array(list(areas.values()), dtype=object))
    total = to_sweref(boundary).area
    assert shapely.area(metric).sum() == pytest.approx(total, rel=0.005)
    assert shapely.area(shapely.union_all(metric)) == pytest.approx(total, rel=0.005)
    left, right = shapely.STRtree(metric).query(metric, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(metric[left[pairs]], metric[right[pairs]]))
    assert overlap.max(initial=0.0) < 1.0  # m²: touching edges only
    assert all(g.is_valid for g in metric)


def assert_centres_in_own_area(localities: list[Locality], areas: dict[str, BaseGeometry]) -> None:
    strays = [loc.id for loc in localities if not areas[loc.id].contains(shapely.Point(loc.lon, loc.lat))]
    assert strays == []


@pytest.mark.parametrize("which", ["ten", "synthetic_200"])
def test_areas_partition_the_municipality(
    which: str, request: pytest.FixtureRequest, boundary: BaseGeometry
) -> None:
    localities = request.getfixturevalue(which)
    areas = locality_areas(localities, boundary)
    assert list(areas) == [loc.id for loc in localities]
    assert_partition(areas, boundary)
    assert_centres_in_own_area(localities, areas)


def test_areas_are_in_wgs84(ten: list[Locality], boundary: BaseGeometry) -> None:
    areas = locality_areas(ten, boundary)
    assert shapely.union_all(list(areas.values())).buffer(1e-7).covers(boundary)
    metric = locality_areas_sweref(ten, boundary)
    assert metric["vimmerby"].bounds[0] > 100_000  # metres, not degrees


def test_areas_one_locality_gets_everything(ten: list[Locality], boundary: BaseGeometry) -> None:
    areas = locality_areas(ten[:1], boundary)
    assert areas[ten[0].id].symmetric_difference(boundary).area < 1e-9


def test_areas_two_localities_split_in_two(by_id: dict[str, Locality], boundary: BaseGeometry) -> None:
    two = [by_id["vimmerby"], by_id["tuna"]]
    areas = locality_areas(two, boundary)
    assert_partition(areas, boundary)
    assert_centres_in_own_area(two, areas)


def test_areas_collinear_and_shared_centres(by_id: dict[str, Locality], boundary: BaseGeometry) -> None:
    base = by_id["vimmerby"]
    line = [dataclasses.replace(base, id=f"p{i}", lat=57.60 + 0.03 * i, lon=15.9) for i in range(4)]
    areas = locality_areas(line, boundary)
    assert_partition(areas, boundary)
    assert_centres_in_own_area(line, areas)

    twin = dataclasses.replace(base, id="twin")
    areas = locality_areas([base, twin, by_id["tuna"]], boundary)
    assert areas["twin"].is_empty  # the first listed keeps a shared centre's cell
    assert_partition(areas, boundary)


def test_areas_unreadable_supplied_area_names_the_locality(ten: list[Locality], boundary: BaseGeometry) -> None:
    broken = [dataclasses.replace(ten[0], area_geojson="{inte json"), *ten[1:]]
    with pytest.raises(ValueError, match="Vimmerby"):
        locality_areas(broken, boundary)


def test_areas_empty_input(boundary: BaseGeometry) -> None:
    assert locality_areas([], boundary) == {}


def test_areas_duplicate_ids_refused(ten: list[Locality], boundary: BaseGeometry) -> None:
    with pytest.raises(ValueError, match="unika"):
        locality_areas([ten[0], ten[0]], boundary)


SUPPLIED = shapely.box(15.80, 57.64, 15.90, 57.70)  # around Vimmerby town


def test_areas_supplied_area_is_kept_and_others_fit_around_it(
    ten: list[Locality], boundary: BaseGeometry
) -> None:
    localities = [
        dataclasses.replace(loc, area_geojson=shapely.to_geojson(SUPPLIED)) if loc.id == "vimmerby" else loc
        for loc in ten
    ]
    areas = locality_areas(localities, boundary)
    assert areas["vimmerby"].symmetric_difference(SUPPLIED).area < 1e-9
    assert_partition(areas, boundary)
    others = [g for i, g in areas.items() if i != "vimmerby"]
    assert max(to_sweref(g.intersection(SUPPLIED)).area for g in others) < 1.0


def test_areas_supplied_area_is_clipped_and_first_listed_wins(
    ten: list[Locality], boundary: BaseGeometry
) -> None:
    too_big = shapely.box(15.0, 57.0, 15.86, 58.0)  # reaches far outside the municipality
    overlapping = shapely.box(15.84, 57.6, 16.0, 57.7)
    localities = [dataclasses.replace(ten[0], area_geojson=shapely.to_geojson(too_big)),
                  dataclasses.replace(ten[1], area_geojson=shapely.to_geojson(overlapping)), *ten[2:]]
    areas = locality_areas(localities, boundary)
    assert_partition(areas, boundary)
    assert areas[ten[0].id].symmetric_difference(too_big.intersection(boundary)).area < 1e-9
    assert areas[ten[1].id].symmetric_difference(overlapping.difference(too_big)).area < 1e-9


def test_areas_every_area_supplied_leaves_no_computed_cells(
    ten: list[Locality], boundary: BaseGeometry
) -> None:
    west = shapely.box(15.0, 57.0, 15.85, 58.0)
    east = shapely.box(15.85, 57.0, 17.0, 58.0)
    two = [dataclasses.replace(ten[0], area_geojson=shapely.to_geojson(west)),
           dataclasses.replace(ten[1], area_geojson=shapely.to_geojson(east))]
    assert_partition(locality_areas(two, boundary), boundary)


def test_areas_two_thousand_localities_fast(boundary: BaseGeometry) -> None:
    localities = synthetic_localities(2000, boundary, seed=1)
    started = time.perf_counter()
    areas = locality_areas(localities, boundary)
    elapsed = time.perf_counter() - started
    assert len(areas) == 2000
    assert_partition(areas, boundary)
    assert_centres_in_own_area(localities, areas)
    assert elapsed < 5.0, f"{elapsed:.2f} s for 2,000 localities"
