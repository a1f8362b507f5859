"""Shared fixtures for the geodata tests: the real boundary, the ten localities, files on disk."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry.base import BaseGeometry

from geodata.boundary import municipality_boundary
from geodata.synthetic import synthetic_localities
from indicators.core.model import Locality
from indicators.storage.bundled import bundled_localities


@pytest.fixture(scope="session")
def boundary() -> BaseGeometry:
    return municipality_boundary()


@pytest.fixture(scope="session")
def ten() -> list[Locality]:
    """The ten Allas Vimmerby localities as the project ships them."""
    return bundled_localities()


@pytest.fixture(scope="session")
def by_id(ten: list[Locality]) -> dict[str, Locality]:
    return {locality.id: locality for locality in ten}


@pytest.fixture(scope="session")
def synthetic_200(boundary: BaseGeometry) -> list[Locality]:
    return synthetic_localities(200, boundary, seed=7)


WriteLayer = Callable[..., Path]


@pytest.fixture
def write_layer(tmp_path: Path) -> WriteLayer:
    """Write a small real geometry file with geopandas and return its path.

    ``write_layer("orter.gpkg", {"namn": [...]}, [geometries], crs=4326)``; the
    driver follows the suffix (.geojson, .gpkg, .shp). ``crs=None`` writes no CRS.
    """

    def write(
        name: str, columns: dict[str, list[object]], geometries: list[BaseGeometry | None], crs: object = 4326
    ) -> Path:
        path = tmp_path / name
        frame = gpd.GeoDataFrame(columns, geometry=list(geometries), crs=crs)
        with warnings.catch_warnings():
            # Writing without a CRS is the point of some tests; pyogrio warns about it.
            warnings.filterwarnings("ignore", message="'crs' was not provided")
            frame.to_file(path, engine="pyogrio")
        return path

    return write
