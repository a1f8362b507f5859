"""The database schema, declared in code with SQLAlchemy Core.

The tables here are what the code reads and writes; the Alembic revisions in
``indicators.storage.migrations`` build the same tables step by step, and a test holds
the two together (an upgraded database compares equal to this metadata). A
change to a table therefore always comes with a new revision.

``schema_version`` holds the number of the newest revision applied (``0002`` →
2). Alembic keeps its own record in ``alembic_version``; the integer stays so
that an app from before the migrations, which only knows ``schema_version``,
refuses a newer database instead of writing to it. Only portable types and
constraints are used, so the same schema works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    ForeignKeyConstraint,
    UniqueConstraint,
    false,
)

SCHEMA_VERSION = 9
"""The number of the newest migration; bump it together with a new revision."""

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


# ---------------------------------------------------------------- group work
# Records people type in (``indicators.groupwork.records``). Every editable table has a
# ``version`` that each save raises by one, so a save based on an old version is
# refused (optimistic concurrency), and naive-UTC ``created_at``/``updated_at``.
# Free text is ``Text``: length limits are the rules' job, and a ``VARCHAR(n)``
# would be enforced by PostgreSQL but not by SQLite.


def _edit_columns() -> list[Column]:
    return [
        Column("version", Integer, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
    ]


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", Text, nullable=False),
    # The casefolded name: "Anna" and "anna" are one user, in the database itself.
    Column("username_key", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("locality_id", String(64), ForeignKey("localities.id"), nullable=True),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    *_edit_columns(),
    UniqueConstraint("username_key", name="uq_users_username_key"),
)

activities = Table(
    "activities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("locality_id", String(64), ForeignKey("localities.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("participants", Integer, nullable=True),
    Column("description", Text, nullable=False),
    *_edit_columns(),
    CheckConstraint("participants >= 0", name="ck_activities_participants"),
    # A locality's timeline, and counts over a period: the counted columns are in the indexes, so
    # counts are answered from the index alone (revision 0009).
    Index("ix_activities_locality_days", "locality_id", "date", "kind", "participants"),
    Index("ix_activities_date_counts", "date", "locality_id", "participants"),
)

activity_areas = Table(
    "activity_areas",
    metadata,
    Column("activity_id", Integer, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", String(32), primary_key=True),
    # The order the group gave: the first area is the main one (it colours the marker).
    Column("position", Integer, nullable=False),
    Index("ix_activity_areas_area", "area_id", "activity_id"),
)
"""The SLUS areas of an activity: a join table, so filtering by area is plain SQL."""

initiatives = Table(
    "initiatives",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("locality_id", String(64), ForeignKey("localities.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("description", Text, nullable=False),
    Column("start_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("lead", Text, nullable=False),
    Column("partners", Text, nullable=False),
    Column("progress", Integer, nullable=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    *_edit_columns(),
    CheckConstraint("progress >= 0 AND progress <= 100", name="ck_initiatives_progress"),
    Index("ix_initiatives_locality_status", "locality_id", "status"),
    Index("ix_initiatives_status", "status"),
)

initiative_areas = Table(
    "initiative_areas",
    metadata,
    Column("initiative_id", Integer, ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", String(32), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_initiative_areas_area", "area_id", "initiative_id"),
)

compositions = Table(
    "compositions",
    metadata,
    Column("locality_id", String(64), ForeignKey("localities.id"), primary_key=True),
    *_edit_columns(),
)
"""One row per group that has recorded its composition: the version and timestamps."""

composition_counts = Table(
    "composition_counts",
    metadata,
    Column(
        "locality_id",
        String(64),
        ForeignKey("compositions.locality_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("representation", String(32), primary_key=True),
    Column("age_band", String(32), primary_key=True),
    Column("count", Integer, nullable=False),
    CheckConstraint("count >= 0", name="ck_composition_counts_count"),
)
"""Members as counts per (representation, age band): never names or personal data."""

strategic_meetings = Table(
    "strategic_meetings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("date", Date, nullable=False),
    Column("title", Text, nullable=False),
    Column("participants", Integer, nullable=True),
    # A list of free-text themes: shown, never filtered on.
    Column("themes", JSON, nullable=False),
    Column("notes", Text, nullable=False),
    *_edit_columns(),
    CheckConstraint("participants >= 0", name="ck_strategic_meetings_participants"),
)

presentations = Table(
    "presentations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    # Slide ids in the order they are shown (see indicators.presentations.slides).
    Column("slides", JSON, nullable=False),
    *_edit_columns(),
    UniqueConstraint("name", name="uq_presentations_name"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("username", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    # No foreign key: the log is history and must outlive what it talks about.
    Column("locality_id", String(64), nullable=True),
    # The line in Swedish, as written (what rows from before revision 0004 have only).
    Column("summary", Text, nullable=False),
    # The same line as a message key and its parameters (JSON), to show it in any language.
    Column("summary_key", String(100), nullable=True),
    Column("summary_params", Text, nullable=True),
    Index("ix_audit_log_locality", "locality_id", "id"),
)
"""Who changed what and when; written in the same transaction as the change itself."""


# ---------------------------------------------------------------- sessions and settings
# Revision 0005 (issue 9): sign-ins that can be ended on the server, failed
# sign-ins that slow down and lock across every worker process, and settings
# staff change in the app. All times naive UTC.

sessions = Table(
    "sessions",
    metadata,
    # SHA-256 (hex) of the random token in the browser's signed cookie: a copy of
    # this table (a backup, a leak) does not let anyone take over a session.
    Column("id", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    # Written at most once a minute per session, not on every request.
    Column("last_seen_at", DateTime, nullable=False),
    # Set when the session is ended: sign-out, password change, deactivation, expiry.
    Column("ended_at", DateTime, nullable=True),
    Column("end_reason", String(16), nullable=True),
    Index("ix_sessions_user", "user_id"),
)
"""One row per sign-in; a request's cookie is honoured only while its row is alive."""

sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    # "account" (the casefolded name typed, whether or not it exists) or "address" (the client's IP).
    Column("kind", String(16), primary_key=True),
    Column("subject", String(200), primary_key=True),
    Column("window_started_at", DateTime, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime, nullable=False),
    Column("locked_until", DateTime, nullable=True),
    # The audit line that counts this window's failures (updated, so a flood is one line).
    Column("audit_id", Integer, nullable=True),
    Index("ix_sign_in_failures_last", "last_failure_at"),
)
"""Failed sign-ins counted per account name and per address, shared by every process."""

app_settings = Table(
    "app_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    # The value as text; ``indicators.storage.app_settings`` parses and validates it.
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
)
"""Settings staff change in the app (a key missing here has its default)."""


# ---------------------------------------------------------------- residents' ideas
# Revision 0006 (issue 14): ideas from anyone, moderated before they are public.
# Times naive UTC. See ``indicators.ideas``.

ideas = Table(
    "ideas",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # NULL: whole-municipality input (a workshop point not tied to one locality).
    Column("locality_id", String(64), ForeignKey("localities.id"), nullable=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    # pending → published/considering/initiative/declined, or rejected, hidden, merged.
    Column("status", String(16), nullable=False),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    # "resident" (the public form) or "workshop" (recorded by staff, names its meeting).
    Column("source", String(16), nullable=False),
    Column("meeting_id", Integer, ForeignKey("strategic_meetings.id"), nullable=True),
    # Shown to nobody but staff and the sender's contact.
    Column("reject_reason", Text, nullable=True),
    Column("merged_into_id", Integer, ForeignKey("ideas.id"), nullable=True),
    # The initiative the idea became; unique, so the initiative finds its idea by index.
    Column("initiative_id", Integer, ForeignKey("initiatives.id"), nullable=True),
    # Kept equal to the rows in idea_supports (raised in the same transaction): map and lists read it.
    Column("supports", Integer, nullable=False),
    Column("published_at", DateTime, nullable=True),
    *_edit_columns(),
    CheckConstraint("supports >= 0", name="ck_ideas_supports"),
    UniqueConstraint("initiative_id", name="uq_ideas_initiative"),
    Index("ix_ideas_locality_status", "locality_id", "status"),
    Index("ix_ideas_status_created", "status", "created_at"),
    # Revision 0008: covers the map layer's query (public ideas with a place), so it never reads the rows.
    Index("ix_ideas_map", "status", "id", "locality_id", "lat", "lon", "supports", "title"),
)

idea_areas = Table(
    "idea_areas",
    metadata,
    Column("idea_id", Integer, ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", String(32), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_idea_areas_area", "area_id", "idea_id"),
    # Revision 0008: an idea's main area (position 0) by index alone, for the map layer.
    Index("ix_idea_areas_position", "idea_id", "position", "area_id"),
)

idea_contacts = Table(
    "idea_contacts",
    metadata,
    Column("idea_id", Integer, ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("contact", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_idea_contacts_created", "created_at"),
)
"""The optional contact address, apart from the idea: read only by that locality's editors and staff; purged."""

idea_supports = Table(
    "idea_supports",
    metadata,
    Column("idea_id", Integer, ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    # Salted SHA-256 (hex) of a random token in the browser's cookie: one support per browser, nobody named.
    Column("browser_hash", String(64), primary_key=True),
    Column("created_at", DateTime, nullable=False),
)

idea_send_limits = Table(
    "idea_send_limits",
    metadata,
    # "address", "locality" or "support"; the subject is hashed for addresses.
    Column("kind", String(16), primary_key=True),
    Column("subject", String(200), primary_key=True),
    Column("window_started_at", DateTime, nullable=False),
    Column("count", Integer, nullable=False),
    Index("ix_idea_send_limits_window", "window_started_at"),
)
"""Sends and supports counted per window, shared by every worker process."""


# ---------------------------------------------------------------- plans
# Revision 0007 (issue 15): each locality's own plan per year (LUP): a vision,
# a priority per SLUS area and an action plan whose items link the locality's
# initiatives. The plan is one versioned document; its parts are replaced with it.

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("locality_id", String(64), ForeignKey("localities.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("vision", Text, nullable=False),
    *_edit_columns(),
    UniqueConstraint("locality_id", "year", name="uq_plans_locality_year"),
    Index("ix_plans_year", "year"),
)
"""One plan per locality and year; earlier years stay as they were."""

plan_priorities = Table(
    "plan_priorities",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    Column("area_id", String(32), primary_key=True),
    # high | medium | low | not_now
    Column("priority", String(16), nullable=False),
    Column("why", Text, nullable=False),
)

plan_items = Table(
    "plan_items",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    # The item's place in the action plan, from 1.
    Column("position", Integer, primary_key=True),
    Column("what", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("start_date", Date, nullable=True),
    Column("due_date", Date, nullable=True),
    Column("status", String(16), nullable=False),
    # The day the item was first saved as done: "plan items done since the last meeting".
    Column("done_on", Date, nullable=True),
    Index("ix_plan_items_done_on", "done_on"),
)

plan_item_areas = Table(
    "plan_item_areas",
    metadata,
    Column("plan_id", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("area_id", String(32), primary_key=True),
    ForeignKeyConstraint(
        ["plan_id", "position"], ["plan_items.plan_id", "plan_items.position"], ondelete="CASCADE"
    ),
)

plan_item_initiatives = Table(
    "plan_item_initiatives",
    metadata,
    Column("plan_id", Integer, primary_key=True),
    Column("position", Integer, primary_key=True),
    # A deleted initiative drops out of the plans that linked it.
    Column("initiative_id", Integer, ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    ForeignKeyConstraint(
        ["plan_id", "position"], ["plan_items.plan_id", "plan_items.position"], ondelete="CASCADE"
    ),
    Index("ix_plan_item_initiatives_initiative", "initiative_id"),
)
"""Which of the locality's own initiatives carry out an item (the rules refuse another locality's)."""
