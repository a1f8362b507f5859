"""Alembic revisions, one file each, applied in order by ``indicators.migrations.upgrade``."""
