"""The embedded default data: what a fresh database is seeded with.

The files live inside the package (``indicators/data``) and are read through
importlib.resources, so an installed wheel finds them without knowing where it
was unpacked. The catalogue and the observations go through the same loaders
staff files do, so the bundled data can never get away with what an import
would refuse.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from importlib.resources.abc import Traversable

from indicators.core.catalogue import Catalogue
from indicators.core.model import Group, Indicator, Locality, Observation
from indicators.i18n.messages import t
from indicators.observations.catalogue_rows import catalogue_from_table
from indicators.observations.csv_observations import parse_observations_text
from indicators.observations.csv_tables import read_csv_table
from indicators.observations.import_log import ImportOrigin
from indicators.observations.kolada import parse_kolada_text
from indicators.observations.limits import ImportLimits

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
    """The starting indicator catalogue, in file order, checked like a staff catalogue."""
    text = _resource("indicators.csv").read_text(encoding="utf-8-sig")
    table = read_csv_table(text, t("bundled_file", name="indicators.csv"), limits=ImportLimits())
    return catalogue_from_table(table).indicators


def bundled_groups() -> list[Group]:
    """One local development group per locality, in file order."""
    return [
        Group(locality_id=row["locality_id"], name=row["name"], note=row["note"])
        for row in _rows("groups.csv")
    ]


def bundled_observations(catalogue: Catalogue) -> list[Observation]:
    """The sourced figures, checked against the given catalogue like any import."""
    return _observations("observations.csv", catalogue, example=False)


def bundled_example_observations(catalogue: Catalogue) -> list[Observation]:
    """Example values for what no public source gives per locality, marked ``example``.

    The app labels them as example data until staff import their own figures
    for the same indicator, place, year and basis.
    """
    return _observations("example_observations.csv", catalogue, example=True)


BUNDLED_KOLADA_FILE = "kolada-vimmerby.json"
"""Real Kolada figures for the municipality and Sweden (a copy of ``examples/kolada-vimmerby.json``)."""
BUNDLED_IMPORT_USER = "allas-vimmerby"
"""Who the import log names for what a first start loads by itself (no person did it)."""


@dataclass(frozen=True)
class BundledImport:
    """A bundled file read through the normal importer: its figures and where they came from."""

    observations: list[Observation]
    origin: ImportOrigin


def bundled_kolada(catalogue: Catalogue, at: datetime) -> BundledImport:
    """The bundled Kolada file read by the same parser as a staff upload, with its import-log origin.

    The log names the file as bundled ("kolada-vimmerby.json (inbyggd data)"), so staff can
    tell these figures from their own imports.
    """
    data = _resource(BUNDLED_KOLADA_FILE).read_bytes()
    name = t("bundled_file", name=BUNDLED_KOLADA_FILE)
    observations = parse_kolada_text(data.decode("utf-8"), catalogue=catalogue, file_name=name,
                                     limits=ImportLimits())
    origin = ImportOrigin(user=BUNDLED_IMPORT_USER, file=str(name), format=KOLADA_FORMAT,
                          sha256=hashlib.sha256(data).hexdigest(), at=at)
    return BundledImport(observations, origin)


KOLADA_FORMAT = "kolada"
"""The import log's format for Kolada JSON (``indicators.observations.importing.KOLADA``)."""


def _observations(name: str, catalogue: Catalogue, *, example: bool) -> list[Observation]:
    text = _resource(name).read_text(encoding="utf-8-sig")
    # Our own data is not an upload: the limits an operator sets for imports do not apply to it.
    return parse_observations_text(
        text, catalogue=catalogue, file_name=t("bundled_file", name=name), example=example, limits=ImportLimits()
    )
