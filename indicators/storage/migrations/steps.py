"""Steps every revision shares; kept stable, since old revisions call them too."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def set_schema_version(version: int) -> None:
    """Record ``version`` as the one row of ``schema_version`` (what the app checks at start)."""
    op.execute(sa.text("DELETE FROM schema_version"))
    op.execute(sa.text("INSERT INTO schema_version (version) VALUES (:v)").bindparams(v=version))
