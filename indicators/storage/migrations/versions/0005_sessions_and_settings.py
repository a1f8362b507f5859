"""Revision 0005: server-side sessions, failed sign-in counters and staff settings (issue 9).

``sessions`` lets sign-out, a password change or a deactivation end a sign-in
on the server (a signed cookie alone cannot be revoked); ``sign_in_failures``
keeps the failed sign-in counts in the database so every worker process and
server shares them; ``app_settings`` holds values staff change in the app.
A database from before simply gets three empty tables: every setting then has
its default, and nobody is signed in (old cookies hold no session token).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from indicators.storage.migrations.steps import set_schema_version

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=True),
        sa.Column("end_reason", sa.String(16), nullable=True),
    )
    op.create_index("ix_sessions_user", "sessions", ["user_id"])
    op.create_table(
        "sign_in_failures",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("subject", sa.String(200), primary_key=True),
        sa.Column("window_started_at", sa.DateTime, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.DateTime, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
        sa.Column("audit_id", sa.Integer, nullable=True),
    )
    op.create_index("ix_sign_in_failures_last", "sign_in_failures", ["last_failure_at"])
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    set_schema_version(5)


def downgrade() -> None:
    op.drop_table("app_settings")
    op.drop_index("ix_sign_in_failures_last", "sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_sessions_user", "sessions")
    op.drop_table("sessions")
    set_schema_version(4)
