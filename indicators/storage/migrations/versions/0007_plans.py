"""Revision 0007: each locality's own plan per year (issue 15): plans, priorities, items, their areas and initiatives.

A database from before simply gets five empty tables: no locality has a plan
until its group writes one.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("locality_id", sa.String(64), sa.ForeignKey("localities.id"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("vision", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("locality_id", "year", name="uq_plans_locality_year"),
    )
    op.create_index("ix_plans_year", "plans", ["year"])
    op.create_table(
        "plan_priorities",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("area_id", sa.String(32), primary_key=True),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_table(
        "plan_items",
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("done_on", sa.Date, nullable=True),
    )
    op.create_index("ix_plan_items_done_on", "plan_items", ["done_on"])
    op.create_table(
        "plan_item_areas",
        sa.Column("plan_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("area_id", sa.String(32), primary_key=True),
        sa.ForeignKeyConstraint(
            ["plan_id", "position"], ["plan_items.plan_id", "plan_items.position"], ondelete="CASCADE"
        ),
    )
    op.create_table(
        "plan_item_initiatives",
        sa.Column("plan_id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column(
            "initiative_id", sa.Integer, sa.ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.ForeignKeyConstraint(
            ["plan_id", "position"], ["plan_items.plan_id", "plan_items.position"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_plan_item_initiatives_initiative", "plan_item_initiatives", ["initiative_id"])
    set_schema_version(7)


def downgrade() -> None:
    op.drop_index("ix_plan_item_initiatives_initiative", "plan_item_initiatives")
    op.drop_table("plan_item_initiatives")
    op.drop_table("plan_item_areas")
    op.drop_index("ix_plan_items_done_on", "plan_items")
    op.drop_table("plan_items")
    op.drop_table("plan_priorities")
    op.drop_index("ix_plans_year", "plans")
    op.drop_table("plans")
    set_schema_version(6)
