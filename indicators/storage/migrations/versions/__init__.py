"""Alembic revisions, one file each, applied in order by ``indicators.storage.migrations.upgrade``."""
