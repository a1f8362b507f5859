"""The embedded default data: what a fresh database is seeded with.

The files live inside the package (``indicators/data``) and are read through
importlib.resources, so an installed wheel finds them without knowing where it
was unpacked. Observations go through the same loader staff files do, so the
bundled data can never get away with what an import would refuse.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from indicators.csv_observations import read_observations_csv
from indicators.model import Direction, Group, Indicator, Level, Locality, Observation

_DATA_PACKAGE = "indicators.data"


def _resource(name: str) -> Traversable:
    return files(_DATA_PACKAGE).joinpath(name)


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = _resource(name).read_text(encoding="utf-8-sig")
    yield from csv.DictReader(io.StringIO(text, newline=""))


def _optional(value: str) -> str | None:
    value = value.strip()
    return value or None


def parse_bool(value: str) -> bool:
    """``true``/``false`` only: a typo in the bundled data must fail loudly."""
    normalized = value.strip().lower()
    if normalized == "true":
        return True
    if normalized == "false":
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def bundled_localities() -> list[Locality]:
    """The ten Allas Vimmerby localities, in file order."""
    return [
        Locality(
            id=row["id"],
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            position_basis=row["position_basis"],
            approximate=parse_bool(row["approximate"]),
            scb_tatort_code=_optional(row["scb_tatort_code"]),
            area_geojson=_optional(row.get("area_geojson") or ""),
        )
        for row in _rows("localities.csv")
    ]


def bundled_indicators() -> list[Indicator]:
    """The starting indicator catalogue, in file order."""
    return [
        Indicator(
            id=row["id"],
            name_sv=row["name_sv"],
            name_en=row["name_en"],
            unit=row["unit"],
            area_id=row["area_id"],
            direction=Direction(row["direction"]),
            level=Level(row["level"]),
            source=row["source"],
            definition_sv=row["definition_sv"],
            kolada_kpi=_optional(row["kolada_kpi"]),
        )
        for row in _rows("indicators.csv")
    ]


def bundled_groups() -> list[Group]:
    """One local development group per locality, in file order."""
    return [
        Group(locality_id=row["locality_id"], name=row["name"], note=row["note"])
        for row in _rows("groups.csv")
    ]


def bundled_observations(
    indicator_ids: Collection[str], place_ids: Collection[str]
) -> list[Observation]:
    """The sourced figures, checked against the given catalogue like any import."""
    with as_file(_resource("observations.csv")) as path:
        return read_observations_csv(
            path,
            indicator_ids=indicator_ids,
            place_ids=place_ids,
            display_name="observations.csv (inbyggd data)",
        )
