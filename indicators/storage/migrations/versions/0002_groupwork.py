"""Revision 0002: group work (issue 4): users, activities, initiatives, compositions,
strategic meetings and the audit log.

Every table that people edit has ``version`` (raised by one on each save, for
optimistic concurrency) and naive-UTC ``created_at``/``updated_at``. SLUS areas
are join tables so that filtering by area is plain, indexed SQL on both
backends, with the position the group gave them (the first is the main
area). ``schema_version`` is set to 2 so that an app from before Alembic
refuses this database instead of writing to it.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TABLES = (
    "audit_log",
    "strategic_meetings",
    "composition_counts",
    "compositions",
    "initiative_areas",
    "initiatives",
    "activity_areas",
    "activities",
    "users",
)
"""In the order they can be dropped (children first)."""


def _edit_columns() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]



def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.Text, nullable=False),
        sa.Column("username_key", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), nullable=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        *_edit_columns(),
        sa.UniqueConstraint("username_key", name="uq_users_username_key"),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("participants", sa.Integer, nullable=True),
        sa.Column("description", sa.Text, nullable=False),
        *_edit_columns(),
        sa.CheckConstraint("participants >= 0", name="ck_activities_participants"),
    )
    op.create_index("ix_activities_locality_date", "activities", ["locality_id", "date"])
    op.create_index("ix_activities_date", "activities", ["date"])
    op.create_table(
        "activity_areas",
        sa.Column(
            "activity_id",
            sa.Integer,
            sa.ForeignKey("activities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("area_id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_activity_areas_area", "activity_areas", ["area_id", "activity_id"])
    op.create_table(
        "initiatives",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("end_date", sa.Date, nullable=True),
        sa.Column("lead", sa.Text, nullable=False),
        sa.Column("partners", sa.Text, nullable=False),
        sa.Column("progress", sa.Integer, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        *_edit_columns(),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="ck_initiatives_progress"),
    )
    op.create_index("ix_initiatives_locality_status", "initiatives", ["locality_id", "status"])
    op.create_index("ix_initiatives_status", "initiatives", ["status"])
    op.create_table(
        "initiative_areas",
        sa.Column(
            "initiative_id",
            sa.Integer,
            sa.ForeignKey("initiatives.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("area_id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_initiative_areas_area", "initiative_areas", ["area_id", "initiative_id"])
    op.create_table(
        "compositions",
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), primary_key=True),
        *_edit_columns(),
    )
    op.create_table(
        "composition_counts",
        sa.Column(
            "locality_id",
            sa.String(64),
            sa.ForeignKey("compositions.locality_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("representation", sa.String(32), primary_key=True),
        sa.Column("age_band", sa.String(32), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.CheckConstraint("count >= 0", name="ck_composition_counts_count"),
    )
    op.create_table(
        "strategic_meetings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("participants", sa.Integer, nullable=True),
        sa.Column("themes", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        *_edit_columns(),
        sa.CheckConstraint("participants >= 0", name="ck_strategic_meetings_participants"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("username", sa.Text, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("locality_id", sa.String(64), nullable=True),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_locality", "audit_log", ["locality_id", "id"])
    set_schema_version(2)


def downgrade() -> None:
    for table in _TABLES:
        op.drop_table(table)
    set_schema_version(1)
