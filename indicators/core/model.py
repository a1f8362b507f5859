"""The nouns of the domain (DESIGN.md, "Data model").

Records are frozen dataclasses: they are values handed between storage, the
domain functions and the dashboard, never mutated in place. A missing value is
``None`` and never 0, because "we do not know" and "there are none" lead to
opposite conclusions about a locality.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# Places that are not localities but carry observations used as references.
MUNICIPALITY_ID = "kommun"
"""Observation place id for Vimmerby kommun as a whole (the reference line)."""
SWEDEN_ID = "riket"
"""Observation place id for Sweden as a whole (Kolada's "Riket")."""
REFERENCE_PLACE_IDS = (MUNICIPALITY_ID, SWEDEN_ID)


class Direction(str, Enum):
    """Which way an indicator counts as better; scores use it to flip values."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    NEUTRAL = "neutral"


class Level(str, Enum):
    """Where an indicator can be measured at all."""

    LOCALITY = "locality"
    MUNICIPALITY = "municipality"


@dataclass(frozen=True)
class DevelopmentArea:
    """One of the six SLUS development areas (utvecklingsområden)."""

    id: str
    short_name: str
    official_name: str
    colour: str
    official_name_en: str = ""
    """The official name in English (our translation; the short names stay Swedish in both languages)."""


@dataclass(frozen=True)
class Locality:
    """A locality of Allas Vimmerby: a centre point and the countryside its group speaks for.

    ``approximate`` is kept apart from ``position_basis`` so the map can mark an
    estimated position without parsing prose. ``area_geojson`` is a staff-supplied
    area (GeoJSON geometry, WGS 84); when it is None the area is computed.
    """

    id: str
    name: str
    lat: float
    lon: float
    position_basis: str
    approximate: bool
    scb_tatort_code: str | None = None
    area_geojson: str | None = None


@dataclass(frozen=True)
class Indicator:
    """Definition of something measured, tied to one SLUS area."""

    id: str
    name_sv: str
    name_en: str
    unit: str
    area_id: str
    direction: Direction
    level: Level
    source: str
    definition_sv: str
    kolada_kpi: str | None = None
    per_1000: bool = False
    """A count that is also shown and scored per 1,000 inhabitants, so small villages
    are not judged by the town's yardstick."""


@dataclass(frozen=True)
class Observation:
    """One value of an indicator for a place (locality, municipality or Sweden).

    ``year`` is None for an undated figure. ``basis`` says what was counted
    (e.g. ``tätort``, ``electoral district``, ``parish``): figures on different
    bases are never compared as if they were alike.
    """

    indicator_id: str
    place_id: str
    year: int | None
    value: float | None
    source: str
    basis: str = ""
    source_date: str | None = None
    example: bool = False
    """Bundled example data, shown as such until staff import real figures for the same key."""


@dataclass(frozen=True)
class Group:
    """The local development group (lokal utvecklingsgrupp) of one locality."""

    locality_id: str
    name: str
    note: str = ""
