"""The schema exactly as the app created it before Alembic (``schema.py`` at revision 0001).

Frozen: never edit this to follow ``indicators/storage/schema.py``. Revision 0001
builds these tables on a new database, and ``legacy.adopt`` fills in what an
older pre-Alembic database lacks, so both end at the same starting point.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

SCHEMA_VERSION = 1
"""What ``schema_version`` held in every database before Alembic."""


def baseline_metadata() -> MetaData:
    """A new MetaData holding the pre-Alembic tables (new objects on every call)."""
    metadata = MetaData()
    Table(
        "schema_version",
        metadata,
        Column("version", Integer, nullable=False),
    )
    Table(
        "localities",
        metadata,
        Column("id", String(64), primary_key=True),
        Column("name", String(200), nullable=False),
        Column("lat", Float, nullable=False),
        Column("lon", Float, nullable=False),
        Column("position_basis", Text, nullable=False),
        Column("approximate", Boolean, nullable=False),
        Column("scb_tatort_code", String(32), nullable=True),
        Column("area_geojson", Text, nullable=True),
    )
    Table(
        "indicators",
        metadata,
        Column("id", String(64), primary_key=True),
        Column("name_sv", String(200), nullable=False),
        Column("name_en", String(200), nullable=False),
        Column("unit", String(64), nullable=False),
        Column("area_id", String(32), nullable=False),
        Column("direction", String(16), nullable=False),
        Column("level", String(16), nullable=False),
        Column("source", Text, nullable=False),
        Column("definition_sv", Text, nullable=False),
        Column("kolada_kpi", String(32), nullable=True),
        Column("per_1000", Boolean, nullable=False, server_default=false()),
    )
    Table(
        "observations",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("indicator_id", String(64), ForeignKey("indicators.id"), nullable=False),
        Column("place_id", String(64), nullable=False),
        Column("year", Integer, nullable=True),
        Column("value", Float, nullable=True),
        Column("source", Text, nullable=False),
        Column("basis", String(64), nullable=False, server_default=""),
        Column("source_date", String(32), nullable=True),
        Column("example", Boolean, nullable=False, server_default=false()),
        UniqueConstraint("indicator_id", "place_id", "year", "basis", name="uq_observation_key"),
        Index("ix_observations_year", "year", "indicator_id"),
        Index("ix_observations_place", "place_id", "indicator_id"),
    )
    Table(
        "groups",
        metadata,
        Column("locality_id", String(64), ForeignKey("localities.id"), primary_key=True),
        Column("name", String(200), nullable=False),
        Column("note", Text, nullable=False, server_default=""),
    )
    Table(
        "import_log",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("imported_at", DateTime, nullable=False),
        Column("user_name", String(200), nullable=False),
        Column("file_name", Text, nullable=False),
        Column("format", String(16), nullable=False),
        Column("kind", String(16), nullable=False),
        Column("rows", Integer, nullable=False),
        Column("added", Integer, nullable=False),
        Column("changed", Integer, nullable=False),
        Column("unchanged", Integer, nullable=False),
        Column("sha256", String(64), nullable=False),
    )
    Table(
        "data_version",
        metadata,
        Column("version", Integer, nullable=False),
    )
    return metadata
