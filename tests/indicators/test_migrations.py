"""Alembic migrations on SQLite and PostgreSQL: a new database ends where the code says,
and a database made before the migrations keeps every row through the upgrade."""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from setuptools import find_packages
from sqlalchemy import (
    Connection,
    MetaData,
    create_engine,
    insert,
    inspect,
    pool,
    select,
    text,
)

from indicators.storage import migrations, schema
from indicators.storage import store as storage
from indicators.storage.migrations.baseline import baseline_metadata
from indicators.storage.store import SchemaVersionError, Store

GROUPWORK_TABLES = {
    "users", "activities", "activity_areas", "initiatives", "initiative_areas",
    "compositions", "composition_counts", "strategic_meetings", "audit_log",
}  # fmt: skip


def differences(conn: Connection, metadata: MetaData) -> list[object]:
    """What Alembic's autogenerate would change to make the database match ``metadata``."""
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return compare_metadata(context, metadata)


def raw_engine(url: str):  # noqa: ANN201
    return create_engine(url, poolclass=pool.NullPool)


def all_rows(conn: Connection, table: str) -> list[tuple[object, ...]]:
    return sorted((tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))), key=repr)


def make_legacy_database(url: str) -> None:
    """A database as the app made it before Alembic: ``create_all`` of the old schema,
    bundled data seeded, a staff edit, an import-log line, and no ``alembic_version``."""
    engine = raw_engine(url)
    with engine.begin() as conn:
        baseline_metadata().create_all(conn)
        conn.execute(text("INSERT INTO schema_version (version) VALUES (1)"))
        conn.execute(text("INSERT INTO data_version (version) VALUES (0)"))
        storage._seed(conn)
        conn.execute(text("UPDATE observations SET value = value + 1 WHERE indicator_id = 'population'"))
        conn.execute(text("UPDATE data_version SET version = 41"))
        conn.execute(
            insert(schema.import_log).values(
                imported_at=datetime(2025, 2, 3, 10, 30),
                user_name="anna", file_name="befolkning.csv", format="csv", kind="observations",
                rows=3, added=1, changed=2, unchanged=0, sha256="a" * 64,
            )  # fmt: skip
        )
    engine.dispose()


# ------------------------------------------------------------------ a new database


def test_a_new_database_is_at_head_and_matches_the_code(backend_store):
    with backend_store.engine.connect() as conn:
        assert migrations.current_revision(conn) == migrations.HEAD
        assert differences(conn, schema.metadata) == []
        assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [schema.SCHEMA_VERSION]
        assert GROUPWORK_TABLES <= set(inspect(conn).get_table_names())


def test_revision_0001_is_exactly_the_schema_from_before_the_migrations(backend_url):
    engine = raw_engine(backend_url)
    with engine.begin() as conn:
        migrations.upgrade(conn, migrations.BASELINE)
    with engine.connect() as conn:
        assert migrations.current_revision(conn) == "0001"
        assert differences(conn, baseline_metadata()) == []
        assert conn.execute(text("SELECT version FROM schema_version")).scalars().all() == [1]
    engine.dispose()


def test_opening_again_changes_nothing(backend_url):
    Store.open(backend_url).dispose()
    with Store.open(backend_url) as store, store.engine.connect() as conn:
        assert migrations.current_revision(conn) == migrations.HEAD
        assert len(store.localities()) == 10


# ------------------------------------------------------------------ a database from before


def test_a_database_from_before_the_migrations_keeps_every_row_through_the_upgrade(backend_url):
    make_legacy_database(backend_url)
    engine = raw_engine(backend_url)
    with engine.connect() as conn:
        before = {table: all_rows(conn, table) for table in baseline_metadata().tables if table != "schema_version"}
    engine.dispose()
    assert len(before["observations"]) > 100

    with Store.open(backend_url) as store:
        with store.engine.connect() as conn:
            after = {table: all_rows(conn, table) for table in before}
            assert migrations.current_revision(conn) == migrations.HEAD
            assert differences(conn, schema.metadata) == []
            assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [schema.SCHEMA_VERSION]
        assert after == before
        assert store.data_version() == 41
        # The staff import, and the seed's own import of the bundled Kolada file.
        assert sorted(entry.file for entry in store.import_log()) == ["befolkning.csv",
                                                                       "kolada-vimmerby.json (inbyggd data)"]
        # The group-work tables are there and take rows that point at the old localities.
        with store.engine.begin() as conn:
            moment = datetime(2025, 1, 15, 9, 0)
            conn.execute(
                insert(schema.activities).values(
                    locality_id="tuna", date=date(2025, 1, 15), kind="meeting", title="Första mötet",
                    description="", version=1, created_at=moment, updated_at=moment,
                )  # fmt: skip
            )


def test_an_early_database_gets_the_columns_tables_and_indexes_it_lacked(backend_url):
    """``create_all`` never altered a table, so the first builds' databases lack later additions."""
    make_legacy_database(backend_url)
    engine = raw_engine(backend_url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_observations_year"))
        conn.execute(text("DROP INDEX ix_observations_place"))
        conn.execute(text("ALTER TABLE observations DROP COLUMN example"))
        conn.execute(text("ALTER TABLE indicators DROP COLUMN per_1000"))
        conn.execute(text("DROP TABLE import_log"))
        conn.execute(text("DROP TABLE data_version"))
        count = conn.execute(text("SELECT COUNT(*) FROM observations")).scalar_one()
    engine.dispose()

    with Store.open(backend_url) as store, store.engine.connect() as conn:
        assert differences(conn, schema.metadata) == []
        assert len(store.observations()) == count
        assert not any(o.example for o in store.observations())
        assert store.import_log() == []


# ------------------------------------------------------------------ refusing newer databases


def test_a_database_migrated_by_a_newer_app_is_refused_untouched(backend_url):
    Store.open(backend_url).dispose()
    engine = raw_engine(backend_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()

    with pytest.raises(SchemaVersionError) as refused:
        Store.open(backend_url)

    assert "migrering 0099" in str(refused.value)
    assert "Uppdatera programmet" in str(refused.value)


def test_a_database_from_before_the_migrations_claiming_a_newer_schema_is_refused(backend_url):
    make_legacy_database(backend_url)
    engine = raw_engine(backend_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 7"))
    engine.dispose()

    with pytest.raises(SchemaVersionError):
        Store.open(backend_url)
    engine = raw_engine(backend_url)
    with engine.connect() as conn:
        assert "alembic_version" not in inspect(conn).get_table_names()
    engine.dispose()


# ------------------------------------------------------------------ down and up again


def test_downgrading_to_0001_and_upgrading_again_keeps_the_indicator_data(backend_url):
    with Store.open(backend_url) as store:
        count = len(store.observations())
        with storage.write_transaction(store.engine) as conn:
            migrations.downgrade(conn, migrations.BASELINE)
        with store.engine.connect() as conn:
            assert not GROUPWORK_TABLES & set(inspect(conn).get_table_names())
            assert differences(conn, baseline_metadata()) == []
            assert conn.execute(text("SELECT version FROM schema_version")).scalars().all() == [1]
    with Store.open(backend_url) as store, store.engine.connect() as conn:
        assert differences(conn, schema.metadata) == []
        assert len(store.observations()) == count


# ------------------------------------------------------------------ packaging


def test_the_migration_scripts_ship_inside_the_package():
    folder = resources.files("indicators.storage.migrations")
    names = {item.name for item in (folder / "versions").iterdir()}

    assert (folder / "env.py").is_file()
    assert {"0001_baseline.py", "0002_groupwork.py", "0003_presentations.py",
            "0004_audit_message_keys.py"} <= names
    assert {"indicators.storage.migrations", "indicators.storage.migrations.versions"} <= set(find_packages(include=["indicators*"]))
