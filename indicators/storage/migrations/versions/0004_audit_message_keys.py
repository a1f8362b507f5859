"""Revision 0004: audit lines keep their message key and parameters (shown in any language).

``summary`` stays the line in Swedish; ``summary_key`` and ``summary_params``
(JSON text: strings, integers and lists of strings) let the staff page show it
in the reader's language. Both are nullable: lines written before this revision
keep only their Swedish summary, which is shown as it is.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.add_column("audit_log", sa.Column("summary_key", sa.String(100), nullable=True))
    op.add_column("audit_log", sa.Column("summary_params", sa.Text, nullable=True))
    set_schema_version(4)


def downgrade() -> None:
    op.drop_column("audit_log", "summary_params")
    op.drop_column("audit_log", "summary_key")
    set_schema_version(3)
