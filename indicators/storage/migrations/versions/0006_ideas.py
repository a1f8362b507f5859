"""Revision 0006: residents' ideas (issue 14): ideas, their areas, contacts, supports and send limits.

``ideas`` holds what a resident (or staff, from a workshop) proposed and where
it stands in moderation; nothing is public until an editor publishes it.
``idea_contacts`` keeps the optional contact address apart from the idea, so
no query that lists ideas can reach it, and so the retention purge deletes
rows without touching the ideas. ``idea_supports`` holds one row per browser
and idea, keyed by a salted hash of a random browser token (no personal data).
``idea_send_limits`` counts sends and supports per (hashed) client address and
per locality, in the database so the limit holds across worker processes.
A database from before simply gets five empty tables.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "ideas",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("strategic_meetings.id"), nullable=True),
        sa.Column("reject_reason", sa.Text, nullable=True),
        sa.Column("merged_into_id", sa.Integer, sa.ForeignKey("ideas.id"), nullable=True),
        sa.Column("initiative_id", sa.Integer, sa.ForeignKey("initiatives.id"), nullable=True),
        sa.Column("supports", sa.Integer, nullable=False),
        sa.Column("published_at", sa.DateTime, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("supports >= 0", name="ck_ideas_supports"),
        sa.UniqueConstraint("initiative_id", name="uq_ideas_initiative"),
    )
    op.create_index("ix_ideas_locality_status", "ideas", ["locality_id", "status"])
    op.create_index("ix_ideas_status_created", "ideas", ["status", "created_at"])
    op.create_table(
        "idea_areas",
        sa.Column("idea_id", sa.Integer, sa.ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("area_id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_idea_areas_area", "idea_areas", ["area_id", "idea_id"])
    op.create_table(
        "idea_contacts",
        sa.Column("idea_id", sa.Integer, sa.ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_idea_contacts_created", "idea_contacts", ["created_at"])
    op.create_table(
        "idea_supports",
        sa.Column("idea_id", sa.Integer, sa.ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("browser_hash", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "idea_send_limits",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("subject", sa.String(200), primary_key=True),
        sa.Column("window_started_at", sa.DateTime, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_idea_send_limits_window", "idea_send_limits", ["window_started_at"])
    set_schema_version(6)


def downgrade() -> None:
    op.drop_index("ix_idea_send_limits_window", "idea_send_limits")
    op.drop_table("idea_send_limits")
    op.drop_table("idea_supports")
    op.drop_index("ix_idea_contacts_created", "idea_contacts")
    op.drop_table("idea_contacts")
    op.drop_index("ix_idea_areas_area", "idea_areas")
    op.drop_table("idea_areas")
    op.drop_index("ix_ideas_status_created", "ideas")
    op.drop_index("ix_ideas_locality_status", "ideas")
    op.drop_table("ideas")
    set_schema_version(5)
