"""Alembic's environment: runs the revisions on the connection ``indicators.storage.migrations`` hands over.

There is no ``alembic.ini``: ``alembic_config`` sets the script location and
puts the caller's connection in ``config.attributes``. When the ``alembic``
command is used by hand with an ini file naming ``sqlalchemy.url`` (to write
a new revision with ``--autogenerate``), an engine is made from that URL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from indicators.storage.schema import metadata


def _run(connection) -> None:  # noqa: ANN001 - Alembic's Connection
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    # Inside the caller's transaction this is a no-op: the caller commits.
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    if context.is_offline_mode():
        raise RuntimeError("SQL-skript (--sql) stöds inte: kör migreringarna mot databasen.")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.begin() as connection:
        _run(connection)


run_migrations()
