"""The database schema, declared in code with SQLAlchemy Core.

``create_all`` builds it on first start. ``schema_version`` holds one integer so
that a migration tool (Alembic) can later take over from a known starting point
instead of guessing what an existing database looks like. Only portable types
and constraints are used, so the same schema works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

SCHEMA_VERSION = 1
"""Bump together with a migration when a table changes."""

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, nullable=False),
)

localities = Table(
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

indicators = Table(
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

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator_id", String(64), ForeignKey("indicators.id"), nullable=False),
    # A locality id, or "kommun"/"riket": so no foreign key to localities.
    Column("place_id", String(64), nullable=False),
    Column("year", Integer, nullable=True),
    Column("value", Float, nullable=True),
    Column("source", Text, nullable=False),
    Column("basis", String(64), nullable=False, server_default=""),
    Column("source_date", String(32), nullable=True),
    # Bundled example data, labelled as such in the app until staff replace it.
    Column("example", Boolean, nullable=False, server_default=false()),
    # Enforces the logical key for dated rows in the database itself. NULLs are
    # distinct in a unique constraint, so undated rows are kept unique by the
    # Store, which looks them up with IS NULL before inserting.
    UniqueConstraint("indicator_id", "place_id", "year", "basis", name="uq_observation_key"),
    # The dashboard scores one year at a time.
    Index("ix_observations_year", "year", "indicator_id"),
    # A locality's panel reads its own figures and the references.
    Index("ix_observations_place", "place_id", "indicator_id"),
)

groups = Table(
    "groups",
    metadata,
    Column("locality_id", String(64), ForeignKey("localities.id"), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

import_log = Table(
    "import_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Naive UTC: portable across backends; the Store attaches the time zone on reading.
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
"""Who imported which file when, and what it did: staff's answer to "where does this figure come from"."""

data_version = Table(
    "data_version",
    metadata,
    Column("version", Integer, nullable=False),
)
"""One counter, raised by every write that changes data, so caches know when to recompute."""
