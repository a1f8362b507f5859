"""Databases made before Alembic: recognise them and bring them to exactly revision 0001.

Until issue 4 the app built its tables with ``create_all``, which creates a
missing table but never alters an existing one. So a database first opened by
an early build can lack what later builds added (the import log, the data
version, the ``per_1000`` and ``example`` columns, two indexes) even though
its ``schema_version`` says 1. ``adopt`` adds exactly those, keeping every row,
before the database is stamped at 0001.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from indicators.storage.migrations.baseline import baseline_metadata


def is_legacy(connection: Connection) -> bool:
    """The app's tables are there but Alembic has never run on this database."""
    names = set(inspect(connection).get_table_names())
    return "localities" in names and "alembic_version" not in names


def schema_version(connection: Connection) -> int:
    """What the legacy ``schema_version`` table says (0 when it is missing or empty)."""
    if "schema_version" not in inspect(connection).get_table_names():
        return 0
    found = connection.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
    return int(found or 0)


def adopt(connection: Connection) -> None:
    """Add the tables, columns and indexes of revision 0001 that are missing; change no row."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    operations = Operations(MigrationContext.configure(connection))
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    for table in baseline_metadata().sorted_tables:
        if table.name not in present:
            table.create(connection)
            continue
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in columns:
                # Only columns with a server default were ever added later, so
                # existing rows get that default and NOT NULL holds.
                operations.add_column(table.name, column._copy())
        indexes = {index["name"] for index in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(connection)
