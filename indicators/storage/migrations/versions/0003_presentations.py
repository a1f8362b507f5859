"""Revision 0003: named presentations for strategic meetings (issue 5).

A presentation is a name and an ordered list of slide ids; ``version`` guards
against two staff members saving over each other's order.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "presentations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("slides", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("name", name="uq_presentations_name"),
    )
    set_schema_version(3)


def downgrade() -> None:
    op.drop_table("presentations")
    set_schema_version(2)
