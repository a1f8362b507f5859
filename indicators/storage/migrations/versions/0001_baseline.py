"""Revision 0001: the schema as it was before Alembic (localities, indicators, observations,
groups, import log, data version, schema version).

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from indicators.storage.migrations.baseline import SCHEMA_VERSION, baseline_metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    baseline_metadata().create_all(bind)
    bind.execute(text("INSERT INTO schema_version (version) VALUES (:v)"), {"v": SCHEMA_VERSION})


def downgrade() -> None:
    baseline_metadata().drop_all(op.get_bind())
