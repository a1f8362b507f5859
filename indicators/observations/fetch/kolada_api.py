"""Kolada API v3, the pure part: URLs, response shapes, units placed in localities, unit figures.

Documented shapes (api.kolada.se/v3; docs/fetch.md): every answer is
``{"values": [...], "count": n, "next_url": url|null}`` (version 2 said
``next_page``); a page holds up to ``per_page`` (at most 5,000) entries and at
most 25 ids go in one path segment. ``/kpi/{ids}`` gives the KPIs'
metadata (``id``, ``title``, ``has_ou_data``, ``publication_date``);
``/data/kpi/{ids}/municipality/{ids}`` the municipality figures
(``{"kpi", "municipality", "period", "values": [{"gender", "value", ...}]}``);
``/ou?municipality=0884`` the organisational units (``id``, ``title``,
``municipality``); ``/oudata/kpi/{ids}/ou/{ids}`` their figures, shaped like
municipality figures with ``ou`` for ``municipality``.

A unit is placed in a locality by its position when the answer gives one
(inside exactly one locality's area), else by its name (exactly one
locality's name begins a word of it). A unit matching none or several is
listed with its reason and never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from indicators.core.model import Indicator, Level, Locality

MAX_IDS = 25
"""Kolada takes at most this many ids in one path segment."""
PER_PAGE = 5000
MUNICIPALITY = "0884"
SWEDEN = "0000"
TOTAL = "T"

AreaContains = Callable[[str, float, float], bool]
"""(locality id, lat, lon) → whether the locality's area covers the point."""


class Malformed(Exception):
    """An answer that is not in the documented shape; ``path`` says where (JSON path)."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(f"{path}: {what}")
        self.path = path
        self.what = what


@dataclass(frozen=True)
class Kpi:
    """A KPI's metadata as Kolada gives it."""

    id: str
    title: str
    has_ou_data: bool
    publication_date: str | None


@dataclass(frozen=True)
class Unit:
    """An organisational unit (school, preschool, care home) with its position when Kolada gives one."""

    id: str
    title: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Placed:
    """A unit and the locality it lies in; ``by`` is ``position`` or ``name``."""

    unit: Unit
    locality_id: str
    by: str


@dataclass(frozen=True)
class Unplaced:
    """A unit that could not be put in exactly one locality, and the localities it matched (none or several)."""

    unit: Unit
    candidates: tuple[str, ...]


# ---------------------------------------------------------------- URLs


def chunks(ids: Sequence[str], size: int = MAX_IDS) -> list[list[str]]:
    """``ids`` in runs of at most ``size``, in order."""
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def catalogue_kpis(indicators: Iterable[Indicator]) -> list[str]:
    """The catalogue's Kolada KPI ids, sorted, each once."""
    return sorted({ind.kolada_kpi for ind in indicators if ind.kolada_kpi})


def kpi_url(base: str, ids: Sequence[str]) -> str:
    return f"{base.rstrip('/')}/kpi/{','.join(ids)}"


def data_url(base: str, kpis: Sequence[str], municipalities: Sequence[str] = (MUNICIPALITY, SWEDEN)) -> str:
    return f"{base.rstrip('/')}/data/kpi/{','.join(kpis)}/municipality/{','.join(municipalities)}"


def units_url(base: str) -> str:
    return f"{base.rstrip('/')}/ou"


def unit_data_url(base: str, kpis: Sequence[str], units: Sequence[str]) -> str:
    return f"{base.rstrip('/')}/oudata/kpi/{','.join(kpis)}/ou/{','.join(units)}"


def next_url(page: Mapping[str, Any]) -> str | None:
    """The next page's URL: ``next_url`` (v3) or ``next_page`` (v2); None on the last page."""
    for key in ("next_url", "next_page"):
        value = page.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def values_of(page: Any) -> list[Any]:
    """A page's ``values`` list; Malformed when the page is not a documented answer."""
    if not isinstance(page, dict):
        raise Malformed("$", "not a JSON object")
    values = page.get("values")
    if not isinstance(values, list):
        raise Malformed("$.values", "missing or not a list")
    count = page.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < len(values)):
        raise Malformed("$.count", f"{count!r} does not fit {len(values)} values")
    return values


# ---------------------------------------------------------------- metadata and units


def parse_kpis(pages: Sequence[Any]) -> dict[str, Kpi]:
    """KPI metadata by id from the pages of ``/kpi/{ids}``."""
    found: dict[str, Kpi] = {}
    for number, page in enumerate(pages):
        for index, entry in enumerate(values_of(page)):
            path = f"[{number}].values[{index}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise Malformed(path, "a KPI without an id")
            published = entry.get("publication_date")
            found[entry["id"]] = Kpi(
                id=entry["id"],
                title=str(entry.get("title") or ""),
                has_ou_data=entry.get("has_ou_data") is True,
                publication_date=iso_date(published),
            )
    return found


def parse_units(pages: Sequence[Any], municipality: str = MUNICIPALITY) -> list[Unit]:
    """The units of ``municipality`` from the pages of ``/ou``; others in the answer are left out."""
    units: list[Unit] = []
    for number, page in enumerate(pages):
        for index, entry in enumerate(values_of(page)):
            path = f"[{number}].values[{index}]"
            if not isinstance(entry, dict):
                raise Malformed(path, "not an object")
            unit_id, title = entry.get("id"), entry.get("title")
            if not isinstance(unit_id, str) or not unit_id.strip() or not isinstance(title, str):
                raise Malformed(path, "a unit needs a text id and title")
            if entry.get("municipality") not in (None, municipality):
                continue
            lat, lon = _position(entry)
            units.append(Unit(unit_id.strip(), " ".join(title.split()), lat, lon))
    return units


def _position(entry: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """(lat, lon) when the unit carries a position under a usual pair of names, else (None, None)."""
    for lat_key, lon_key in (("lat", "lon"), ("latitude", "longitude"), ("lat", "lng")):
        lat, lon = entry.get(lat_key), entry.get(lon_key)
        if _number(lat) and _number(lon):
            return float(lat), float(lon)
    return None, None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def place_units(
    units: Sequence[Unit], localities: Sequence[Locality], area_contains: AreaContains | None
) -> tuple[list[Placed], list[Unplaced]]:
    """Each unit in exactly one locality, by position first and then by name; the rest listed."""
    placed: list[Placed] = []
    unplaced: list[Unplaced] = []
    for unit in units:
        if unit.lat is not None and unit.lon is not None and area_contains is not None:
            inside = tuple(loc.id for loc in localities if area_contains(loc.id, unit.lat, unit.lon))
            if len(inside) == 1:
                placed.append(Placed(unit, inside[0], "position"))
                continue
        named = names_in(unit.title, localities)
        if len(named) == 1:
            placed.append(Placed(unit, named[0], "name"))
        else:
            unplaced.append(Unplaced(unit, named))
    return placed, unplaced


def names_in(title: str, localities: Sequence[Locality]) -> tuple[str, ...]:
    """The localities whose name begins a word of ``title`` ("Storebroskolan", "Södra Vi skola")."""
    found = []
    folded = title.casefold()
    for locality in localities:
        name = re.escape(locality.name.casefold())
        if re.search(rf"(?<!\w){name}", folded):
            found.append(locality.id)
    return tuple(found)


# ---------------------------------------------------------------- unit figures


@dataclass(frozen=True)
class UnitValue:
    """One unit's total for a KPI and year, from ``/oudata``."""

    kpi: str
    unit_id: str
    year: int
    value: float | None


def parse_unit_values(pages: Sequence[Any]) -> list[UnitValue]:
    """The totals (gender T) of the pages of ``/oudata``; deleted entries skipped."""
    found: list[UnitValue] = []
    for number, page in enumerate(pages):
        for index, entry in enumerate(values_of(page)):
            path = f"[{number}].values[{index}]"
            if not isinstance(entry, dict):
                raise Malformed(path, "not an object")
            if entry.get("isdeleted") is True or entry.get("is_deleted") is True:
                continue
            kpi, unit_id, period = entry.get("kpi"), entry.get("ou"), entry.get("period")
            if not isinstance(kpi, str) or not isinstance(unit_id, str):
                raise Malformed(path, "kpi and ou must be text")
            year = _year(period)
            if year is None:
                raise Malformed(f"{path}.period", "not a year")
            total = _total(entry.get("values"), f"{path}.values")
            if total is not _NO_TOTAL:
                found.append(UnitValue(kpi, unit_id, year, total))  # type: ignore[arg-type]
    return found


_NO_TOTAL = object()


def _total(values: Any, path: str) -> float | None | object:
    if not isinstance(values, list):
        raise Malformed(path, "not a list")
    totals = []
    for index, item in enumerate(values):
        if not isinstance(item, dict) or not isinstance(item.get("gender"), str):
            raise Malformed(f"{path}[{index}]", "a value needs a gender")
        if item["gender"] != TOTAL or item.get("isdeleted") is True:
            continue
        value = item.get("value")
        if value is not None and not _number(value):
            raise Malformed(f"{path}[{index}].value", "not a number")
        totals.append(None if value is None else float(value))
    if len(totals) > 1:
        raise Malformed(path, "several totals")
    return totals[0] if totals else _NO_TOTAL


def _year(period: Any) -> int | None:
    if isinstance(period, bool):
        return None
    if isinstance(period, int):
        return period
    if isinstance(period, str) and period.strip().isdigit():
        return int(period.strip())
    return None


@dataclass(frozen=True)
class LocalityValue:
    """A locality's figure for an indicator and year, resting on one unit."""

    indicator_id: str
    locality_id: str
    year: int
    value: float | None
    unit: Unit
    kpi: str


@dataclass(frozen=True)
class NotCombined:
    """Several units of one locality reported the KPI for the year; their values are not merged."""

    kpi: str
    locality_id: str
    year: int
    units: tuple[str, ...]


def locality_values(
    values: Sequence[UnitValue], placed: Sequence[Placed], by_kpi: Mapping[str, Indicator]
) -> tuple[list[LocalityValue], list[NotCombined]]:
    """A locality figure wherever exactly one of its units reports a locality-level KPI for a year.

    Two schools' shares cannot be averaged without their sizes, so where a
    locality has several reporting units nothing is made up: the case is listed.
    """
    where = {p.unit.id: p for p in placed}
    grouped: dict[tuple[str, str, int], list[tuple[UnitValue, Placed]]] = {}
    for value in values:
        place = where.get(value.unit_id)
        indicator = by_kpi.get(value.kpi)
        if place is None or indicator is None or indicator.level is not Level.LOCALITY:
            continue
        grouped.setdefault((value.kpi, place.locality_id, value.year), []).append((value, place))
    figures: list[LocalityValue] = []
    skipped: list[NotCombined] = []
    for (kpi, locality_id, year), members in sorted(grouped.items()):
        if len(members) == 1:
            value, place = members[0]
            figures.append(LocalityValue(by_kpi[kpi].id, locality_id, year, value.value, place.unit, kpi))
        else:
            skipped.append(NotCombined(kpi, locality_id, year, tuple(sorted(p.unit.title for _, p in members))))
    return figures, skipped


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from a date or timestamp text, else None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
