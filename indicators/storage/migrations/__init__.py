"""Schema migrations with Alembic, configured in code (no ``alembic.ini`` at run time).

``Store.open`` calls ``upgrade`` inside its own write transaction, so on
PostgreSQL (and on SQLite, whose DDL is transactional too) an upgrade either
completes or leaves the database as it was. A database made before the
migrations existed (tables present, no ``alembic_version``) is first brought to
exactly revision 0001 and stamped, then upgraded like any other.

Writing a new revision: copy the newest file in ``versions/``, give it the next
number as ``revision`` and the previous as ``down_revision``, change
``indicators/storage/schema.py`` to match, bump ``schema.SCHEMA_VERSION``, and let
``tests/indicators/test_migrations.py`` prove that the two agree.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection

from indicators.storage.migrations import legacy

FOLDER = Path(__file__).resolve().parent
BASELINE = "0001"
"""The schema as it was before Alembic: the revision a legacy database is stamped at."""
HEAD = "0009"


class UnknownRevisionError(RuntimeError):
    """The database has been migrated by a newer version of the app."""


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for this package; ``env.py`` runs on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(FOLDER))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in ``alembic_version``, or None when there is none."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the database to ``revision`` in the caller's transaction.

    Raises ``UnknownRevisionError`` (and touches nothing) when the database
    names a revision this app does not have: a newer app has migrated it.
    """
    config = alembic_config(connection)
    current = current_revision(connection)
    if current is None and legacy.is_legacy(connection):
        if (found := legacy.schema_version(connection)) > 1:
            raise UnknownRevisionError(_newer_message(f"schemaversion {found}"))
        legacy.adopt(connection)
        command.stamp(config, BASELINE)
    elif current is not None and not _known(config, current):
        raise UnknownRevisionError(_newer_message(f"migrering {current}"))
    command.upgrade(config, revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Step back to ``revision``; for tests and for undoing a failed deployment by hand."""
    command.downgrade(alembic_config(connection), revision)


def _known(config: Config, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False


def _newer_message(what: str) -> str:
    return (
        f"Databasen har {what}, som det här programmet inte känner till: den har "
        "uppdaterats av en nyare version av programmet. Uppdatera programmet."
    )
