"""The Store: seeded on first start, never overwritten after, every write all or nothing.

Tests taking ``backend_store`` or ``backend_url`` run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from indicators.core.errors import InputError
from indicators.core.model import (
    Direction,
    Group,
    Indicator,
    Level,
    Locality,
    Observation,
)
from indicators.storage import schema
from indicators.storage import store as storage
from indicators.storage.store import (
    SaveResult,
    SchemaVersionError,
    Store,
    default_database_url,
    resolve_database_url,
    write_transaction,
)


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


# ------------------------------------------------------------------ database url


def test_the_flag_wins_over_the_environment_and_the_default():
    env = {"DATABASE_URL": "sqlite:///env.sqlite"}

    assert resolve_database_url("sqlite:///flag.sqlite", env) == "sqlite:///flag.sqlite"


def test_the_environment_wins_over_the_default():
    assert resolve_database_url(None, {"DATABASE_URL": "postgresql://db/app"}) == "postgresql://db/app"


def test_without_flag_or_environment_the_default_file_is_used():
    assert resolve_database_url(None, {}) == default_database_url()
    assert resolve_database_url(None, {"DATABASE_URL": "  "}) == default_database_url()


def test_the_default_is_a_sqlite_file_in_the_users_data_folder():
    url = default_database_url()

    assert url.startswith("sqlite:///")
    assert Path(sqlite_path(url)).name == "dashboard.sqlite"
    assert "allas-vimmerby" in url


# ----------------------------------------------------------------- open and seed


def test_opening_creates_the_folder_and_seeds_the_bundled_data(tmp_path):
    url = f"sqlite:///{tmp_path}/nested/folder/t.sqlite"

    with Store.open(url) as store:
        assert len(store.localities()) == 10
        assert len(store.indicators()) >= 4
        assert len(store.groups()) == 10
        assert (tmp_path / "nested" / "folder" / "t.sqlite").exists()


def test_the_seeded_population_includes_the_undated_rumskulla_figure(backend_store):
    population = backend_store.observations("population")

    assert {o.place_id for o in population} >= {"vimmerby", "sodra-vi", "kommun", "rumskulla"}
    rumskulla = backend_store.observations("population", ["rumskulla"])
    assert [(o.year, o.value, o.basis) for o in rumskulla] == [(None, 500.0, "parish")]


def test_opening_without_seed_leaves_the_database_empty(database_url):
    with Store.open(database_url, seed=False) as store:
        assert store.localities() == []
        assert store.place_ids() == {"kommun", "riket"}


def test_a_second_start_keeps_staff_edits_and_does_not_duplicate(backend_url):
    with Store.open(backend_url) as store:
        tuna = store.locality("tuna")
        store.save_localities([dataclasses.replace(tuna, lat=57.58, approximate=True)])
        count = len(store.observations())

    with Store.open(backend_url) as store:
        assert store.locality("tuna").lat == 57.58
        assert store.locality("tuna").approximate is True
        assert len(store.localities()) == 10
        assert len(store.observations()) == count


def test_the_schema_version_is_recorded_once(backend_url):
    Store.open(backend_url).dispose()
    with Store.open(backend_url) as store, store.engine.connect() as conn:
        versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()

    assert versions == [schema.SCHEMA_VERSION]


def test_a_database_from_a_newer_app_is_refused(database_url):
    Store.open(database_url).dispose()
    with sqlite3.connect(sqlite_path(database_url)) as conn:
        conn.execute("UPDATE schema_version SET version = 99")

    with pytest.raises(SchemaVersionError):
        Store.open(database_url)


def test_a_file_database_uses_wal_and_enforces_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# ------------------------------------------------------------------------- reads


def test_localities_come_in_swedish_alphabetical_order(backend_store):
    assert [loc.name for loc in backend_store.localities()] == [
        "Djursdala", "Frödinge", "Gullringen", "Locknevi", "Pelarne",
        "Rumskulla", "Storebro", "Södra Vi", "Tuna", "Vimmerby",
    ]  # fmt: skip


def test_a_locality_added_with_a_ring_a_sorts_after_z(store):
    store.save_localities([Locality("aby", "Åby", 57.7, 15.9, "test", True)])

    assert [loc.name for loc in store.localities()][-1] == "Åby"


def test_one_record_is_looked_up_by_id_or_none(store):
    assert store.locality("sodra-vi").name == "Södra Vi"
    assert store.indicator("population").kolada_kpi == "N01951"
    assert store.group("sodra-vi").note.startswith("Gruppen")
    assert store.locality("narnia") is None
    assert store.indicator("narnia") is None
    assert store.group("narnia") is None


def test_indicators_come_in_slus_area_order_then_by_name(store):
    store.save_indicators(
        [
            Indicator("trust", "Tillit", "Trust", "%", "motas", Direction.HIGHER_IS_BETTER,
                      Level.MUNICIPALITY, "test", "test"),
            Indicator("broadband", "Bredband", "Broadband", "%", "kontakt",
                      Direction.HIGHER_IS_BETTER, Level.LOCALITY, "test", "test"),
        ]
    )  # fmt: skip

    listed = [(i.area_id, i.name_sv) for i in store.indicators()]
    areas = ["leva", "arbeta", "verka", "trivas", "kontakt", "motas"]
    assert [a for a, _ in listed] == sorted((a for a, _ in listed), key=areas.index)
    assert [n for a, n in listed if a == "leva"][:3] == [
        "Andel boende i tätort", "Befolkningsförändring", "Folkmängd",
    ]  # fmt: skip
    kontakt = [n for a, n in listed if a == "kontakt"]
    assert kontakt.index("Bredband") < kontakt.index("Bredband minst 1 Gbit/s")
    assert [n for a, n in listed if a == "motas"][-1] == "Tillit"


def test_observations_are_sorted_by_place_then_year_with_undated_first(backend_store):
    backend_store.save_observations([Observation("population", "rumskulla", 2020, 480.0, "test", "parish")])

    observations = backend_store.observations("population", ["tuna", "rumskulla"])

    assert [(o.place_id, o.year) for o in observations] == [
        ("rumskulla", None), ("rumskulla", 2020),
        ("tuna", 2005), ("tuna", 2018), ("tuna", 2019), ("tuna", 2020),
    ]  # fmt: skip


def test_observations_can_be_filtered_by_place_only(store):
    assert {o.indicator_id for o in store.observations(place_ids=["riket"])} == {
        "mean_age",
        "employment_rate_20_64",
    }
    assert store.observations(place_ids=[]) == []


def test_a_single_place_id_string_is_a_mistake_not_a_set_of_letters(store):
    with pytest.raises(TypeError):
        store.observations("population", "tuna")


def test_place_ids_are_the_localities_plus_municipality_and_sweden(store):
    assert store.place_ids() == {loc.id for loc in store.localities()} | {"kommun", "riket"}


# ------------------------------------------------------------------------ writes


def test_saving_the_same_observations_twice_changes_nothing(backend_store):
    new = [
        Observation("population", "tuna", 2021, 245.0, "SCB", "tätort"),
        Observation("population", "pelarne", None, None, "hembygdsförening", "parish"),
    ]

    assert backend_store.save_observations(new) == SaveResult(added=2)
    assert backend_store.save_observations(new) == SaveResult(unchanged=2)
    tuna_and_pelarne_seeded = 4 + 1
    assert len(backend_store.observations("population", ["tuna", "pelarne"])) == tuna_and_pelarne_seeded + 2


def test_changed_values_and_sources_are_counted_and_stored(backend_store):
    before = backend_store.observations("population", ["tuna"])
    edited = [
        dataclasses.replace(before[0], value=250.0),
        dataclasses.replace(before[1], source="SCB, ny källa"),
        *before[2:],
        Observation("population", "tuna", 2021, 245.0, "SCB", "tätort"),
    ]

    assert backend_store.save_observations(edited) == SaveResult(added=1, changed=2, unchanged=2)
    assert backend_store.observations("population", ["tuna"]) == sorted(
        edited, key=lambda o: o.year or 0
    )


def test_an_undated_observation_is_updated_not_duplicated(backend_store):
    result = backend_store.save_observations(
        [Observation("population", "rumskulla", None, 510.0, "svenskakyrkan.se", "parish")]
    )

    assert result == SaveResult(changed=1)
    assert [o.value for o in backend_store.observations("population", ["rumskulla"])] == [510.0]


def test_a_value_set_to_missing_is_stored_as_none_not_zero(store):
    tuna = store.observations("population", ["tuna"])[0]
    store.save_observations([dataclasses.replace(tuna, value=None)])

    assert store.observations("population", ["tuna"])[0].value is None


def test_observations_for_unknown_places_or_indicators_are_refused_whole(backend_store):
    before = backend_store.observations()

    with pytest.raises(InputError) as caught:
        backend_store.save_observations(
            [
                Observation("population", "tuna", 2021, 245.0, "SCB"),
                Observation("population", "narnia", 2021, 1.0, "SCB"),
                Observation("folkmangd", "tuna", 2021, 1.0, "SCB"),
            ]
        )

    assert {(p.row, p.field) for p in caught.value.problems} == {(2, "place_id"), (3, "indicator_id")}
    assert backend_store.observations() == before


def test_localities_indicators_and_groups_are_upserted_by_id(store):
    vimmerby = store.locality("vimmerby")
    new = Locality("test-by", "Testby", 57.7, 15.9, "staff", False)

    assert store.save_localities([vimmerby, new]) == SaveResult(added=1, unchanged=1)
    assert store.save_groups([Group("test-by", "Grupp Testby")]) == SaveResult(added=1)
    assert store.save_groups([Group("test-by", "Grupp Testby", "ny")]) == SaveResult(changed=1)
    population = store.indicator("population")
    renamed = dataclasses.replace(population, name_en="Inhabitants")
    assert store.save_indicators([renamed]) == SaveResult(changed=1)
    assert store.indicator("population").name_en == "Inhabitants"
    assert "test-by" in store.place_ids()


def test_a_group_for_an_unknown_locality_is_refused(store):
    with pytest.raises(InputError):
        store.save_groups([Group("narnia", "Grupp")])


def test_an_indicator_outside_the_slus_areas_is_refused(store):
    bad = dataclasses.replace(store.indicator("population"), id="x", area_id="sova")

    with pytest.raises(InputError) as caught:
        store.save_indicators([bad])

    assert caught.value.problems[0].field == "area_id"


def test_a_batch_with_the_same_key_twice_is_refused(store):
    twice = [Observation("population", "tuna", 2021, 1.0, "a"), Observation("population", "tuna", 2021, 2.0, "b")]

    with pytest.raises(InputError):
        store.save_observations(twice)


# ------------------------------------------------ new fields, examples, version, log


def test_per_1000_and_the_example_flag_are_stored_and_read_back(backend_store):
    indicator = dataclasses.replace(backend_store.indicator("population"), id="halls", kolada_kpi=None, per_1000=True)
    backend_store.save_indicators([indicator])
    backend_store.save_observations([Observation("halls", "tuna", 2024, 2.0, "exempel", example=True)])

    assert backend_store.indicator("halls").per_1000 is True
    assert backend_store.observations("halls") == [Observation("halls", "tuna", 2024, 2.0, "exempel", example=True)]


def test_seeding_loads_the_bundled_example_values_marked_as_examples(store):
    examples = [o for o in store.observations() if o.example]

    assert examples
    assert {o.indicator_id for o in examples} >= {"services", "associations", "group_members"}
    assert not any(o.example for o in store.observations("population"))


def test_the_data_version_moves_only_when_something_changes(backend_store):
    version = backend_store.data_version()
    tuna = backend_store.observations("population", ["tuna"])

    backend_store.save_observations(tuna)
    assert backend_store.data_version() == version

    backend_store.save_observations([dataclasses.replace(tuna[0], value=1.0)])
    assert backend_store.data_version() == version + 1

    backend_store.save_localities([dataclasses.replace(backend_store.locality("tuna"), lat=57.6)])
    assert backend_store.data_version() == version + 2


def test_a_fresh_database_logs_only_the_bundled_kolada_import(store):
    (entry,) = store.import_log()
    assert entry.file == "kolada-vimmerby.json (inbyggd data)"


def test_the_catalogue_holds_the_indicators_the_places_and_the_year(store):
    catalogue = store.catalogue(current_year=2024)

    assert catalogue.current_year == 2024
    assert catalogue.indicators["population"] == store.indicator("population")
    assert catalogue.place_ids == frozenset(store.place_ids())
    assert catalogue.by_kpi["N01951"].id == "population"


def test_readers_keep_reading_while_a_writer_holds_the_write_lock(backend_store):
    """WAL on SQLite, MVCC on PostgreSQL: a long import never blocks the dashboard's reads."""
    table = schema.localities
    with write_transaction(backend_store.engine) as conn:
        conn.execute(update(table).where(table.c.id == "tuna").values(name="Tuna by"))
        assert backend_store.locality("tuna").name == "Tuna"

    assert backend_store.locality("tuna").name == "Tuna by"


def test_a_plain_postgresql_url_uses_the_psycopg_driver_the_project_ships():
    engine = storage._create_engine("postgresql://allas@127.0.0.1:1/allas")

    assert engine.dialect.driver == "psycopg"
    engine.dispose()
