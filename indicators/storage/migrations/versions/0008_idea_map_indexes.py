"""Revision 0008: two covering indexes for the ideas map layer (issue 14 follow-up).

The map layer reads every public idea with a place and its main area. Without
these indexes SQLite found the ideas by status and then read each row from the
table, and each main area through the primary key and the row again: about
half a second for 5,000 points on the shared machine. With them both reads are
answered from the indexes alone. Nothing else changes; the data stays as it is.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_index(
        "ix_ideas_map", "ideas", ["status", "id", "locality_id", "lat", "lon", "supports", "title"]
    )
    op.create_index("ix_idea_areas_position", "idea_areas", ["idea_id", "position", "area_id"])
    set_schema_version(8)


def downgrade() -> None:
    op.drop_index("ix_idea_areas_position", "idea_areas")
    op.drop_index("ix_ideas_map", "ideas")
    set_schema_version(7)
