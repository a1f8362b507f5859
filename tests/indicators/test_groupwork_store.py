"""GroupworkStore on SQLite and PostgreSQL: versioned saves, filters, audit in the same
transaction, all-or-nothing imports, counts in SQL, and many threads at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from indicators.audit import log as groupwork_audit
from indicators.core.errors import InputError
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
    User,
)
from indicators.groupwork.store import (
    BatchInputError,
    GroupworkStore,
    NotFoundError,
    StaleWriteError,
)
from indicators.observations.import_log import ImportOrigin
from indicators.storage import schema
from indicators.storage.store import SaveResult, Store

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def gw(backend_store: Store) -> GroupworkStore:
    """A group-work store whose clock moves one second per reading."""
    ticks = iter(range(1_000_000))
    return GroupworkStore(backend_store, clock=lambda: T0 + timedelta(seconds=next(ticks)))


def walk(locality: str = "storebro", day: date = date(2025, 4, 12), **changes: object) -> Activity:
    base = Activity(
        locality_id=locality,
        date=day,
        kind=ActivityKind.WALK,
        title="Byvandring längs ån",
        participants=14,
        areas=("leva", "motas"),
        description="Vi gick från skolan till kvarnen.",
    )
    return replace(base, **changes)


def lighting(locality: str = "sodra-vi", **changes: object) -> Initiative:
    base = Initiative(
        locality_id=locality,
        title="Belysning längs cykelvägen vid Brunnsparken",
        status=InitiativeStatus.ONGOING,
        description="Hembygdsföreningen, idrottsföreningen och företag driver på.",
        areas=("kontakt", "leva"),
        start=date(2024, 5, 1),
        end=date(2025, 10, 31),
        lead="Södra Vi hembygdsförening",
        partners="Gatukontoret, Vimmerby Energi och Miljö",
        progress=60,
        lat=57.742,
        lon=15.797,
    )
    return replace(base, **changes)


def origin(file: str = "aktiviteter.csv") -> ImportOrigin:
    return ImportOrigin(user="anna", file=file, format="csv", sha256="0" * 64, at=T0)


def audit_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.audit_log)).scalar_one()


def row_count(store: Store, table) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


# ------------------------------------------------------------------ activities


def test_a_new_activity_gets_an_id_and_version_one_and_reads_back_whole(gw):
    saved = gw.save_activity(walk(), username="anna")

    assert saved.id is not None
    assert saved.version == 1
    assert saved == replace(walk(), id=saved.id, version=1)
    assert gw.activity(saved.id) == saved
    assert gw.activity(saved.id + 1000) is None


def test_an_update_raises_the_version_and_changes_the_record(gw):
    saved = gw.save_activity(walk(), username="anna")

    updated = gw.save_activity(replace(saved, title="Byvandring", participants=None, areas=()), username="anna")

    assert updated.version == 2
    assert gw.activity(saved.id) == updated
    assert (updated.title, updated.participants, updated.areas) == ("Byvandring", None, ())


def test_areas_keep_the_order_given_and_repeats_are_dropped(gw):
    saved = gw.save_activity(walk(areas=("trivas", "leva", "trivas")), username="anna")

    assert gw.activity(saved.id).areas == ("trivas", "leva")


def test_activities_are_newest_first_and_filtered_by_locality_and_inclusive_period(gw):
    first = gw.save_activity(walk(day=date(2025, 1, 1)), username="a")
    second = gw.save_activity(walk(day=date(2025, 2, 1)), username="a")
    tuna = gw.save_activity(walk("tuna", day=date(2025, 3, 1)), username="a")

    assert [a.id for a in gw.activities()] == [tuna.id, second.id, first.id]
    assert [a.id for a in gw.activities(locality_ids=["storebro"])] == [second.id, first.id]
    assert [a.id for a in gw.activities(since=date(2025, 2, 1), until=date(2025, 3, 1))] == [tuna.id, second.id]
    assert gw.activities(locality_ids=[]) == []


def test_one_locality_id_string_is_a_mistake_not_a_set_of_letters(gw):
    with pytest.raises(TypeError):
        gw.activities(locality_ids="tuna")


def test_many_activities_come_back_with_their_own_areas(gw):
    records = [walk(day=date(2025, 1, 1) + timedelta(days=i), areas=(("leva",), ("verka", "arbeta"))[i % 2])
               for i in range(600)]  # fmt: skip
    gw.import_activities(records, username="anna", origin=origin())

    read = gw.activities()

    assert len(read) == 600
    assert all(a.areas == (("leva",), ("verka", "arbeta"))[(a.date - date(2025, 1, 1)).days % 2] for a in read)


# ------------------------------------------------------------------ optimistic concurrency


def test_a_second_save_from_the_same_version_is_refused_and_changes_nothing(gw, backend_store):
    saved = gw.save_activity(walk(), username="anna")
    gw.save_activity(replace(saved, title="Från flik ett"), username="anna")
    lines = audit_count(backend_store)

    with pytest.raises(StaleWriteError) as refused:
        gw.save_activity(replace(saved, title="Från flik två"), username="anna")

    assert "version 2 finns, du utgick från version 1" in refused.value.message
    assert (refused.value.current_version, refused.value.based_on) == (2, 1)
    assert gw.activity(saved.id).title == "Från flik ett"
    assert gw.activity(saved.id).version == 2
    assert audit_count(backend_store) == lines


def test_saving_a_record_that_was_deleted_is_not_found(gw):
    saved = gw.save_activity(walk(), username="anna")
    gw.delete_activity(saved.id, saved.version, username="anna")

    with pytest.raises(NotFoundError) as missing:
        gw.save_activity(replace(saved, title="Ny titel"), username="anna")

    assert "finns inte längre" in missing.value.message
    assert gw.activities() == []


def test_a_delete_based_on_an_old_version_is_refused(gw, backend_store):
    saved = gw.save_activity(walk(), username="anna")
    newer = gw.save_activity(replace(saved, participants=20), username="anna")

    with pytest.raises(StaleWriteError):
        gw.delete_activity(saved.id, saved.version, username="anna")
    assert gw.activity(saved.id) == newer

    gw.delete_activity(saved.id, newer.version, username="anna")
    assert gw.activity(saved.id) is None
    assert row_count(backend_store, schema.activity_areas) == 0
    with pytest.raises(NotFoundError):
        gw.delete_activity(saved.id, newer.version, username="anna")


def test_an_update_from_version_zero_of_a_stored_record_is_stale(gw):
    saved = gw.save_activity(walk(), username="anna")

    with pytest.raises(StaleWriteError):
        gw.save_activity(replace(saved, version=0), username="anna")


# ------------------------------------------------------------------ what the store refuses itself


def test_unknown_locality_area_and_kind_are_refused_before_anything_is_written(gw, backend_store):
    with pytest.raises(InputError) as refused:
        gw.save_activity(walk("atlantis", areas=("leva", "simma"), kind="dykning"), username="anna")

    assert {p.field for p in refused.value.problems} == {"locality_id", "areas", "kind"}
    assert "okänd ort ”atlantis”" in refused.value.report()
    assert gw.activities() == []
    assert audit_count(backend_store) == 0


def test_an_unknown_status_is_refused(gw):
    with pytest.raises(InputError):
        gw.save_initiative(lighting(status="klart"), username="anna")


# ------------------------------------------------------------------ audit


def test_every_write_leaves_one_audit_line_newest_first(gw):
    saved = gw.save_activity(walk(), username="anna")
    changed = gw.save_activity(replace(saved, title="Vandring", participants=9), username="bertil")
    gw.delete_activity(saved.id, changed.version, username="cecilia")

    lines = gw.audit()

    assert [(e.username, e.action, e.entity) for e in lines] == [
        ("cecilia", "delete", "activity"),
        ("bertil", "update", "activity"),
        ("anna", "create", "activity"),
    ]
    assert {e.entity_id for e in lines} == {str(saved.id)}
    assert {e.locality_id for e in lines} == {"storebro"}
    assert lines[1].summary == "Ändrade aktivitet ”Vandring” (2025-04-12): rubrik, deltagare"
    assert lines[2].summary == "Ny aktivitet ”Byvandring längs ån” (2025-04-12)"
    assert lines[0].at.tzinfo is not None
    assert lines[0].at > lines[2].at


def test_the_audit_can_be_limited_and_filtered_by_locality(gw):
    for locality in ("tuna", "storebro", "tuna"):
        gw.save_activity(walk(locality), username="anna")

    assert [e.locality_id for e in gw.audit(locality_id="tuna")] == ["tuna", "tuna"]
    assert len(gw.audit(limit=1)) == 1


def test_a_write_the_database_refuses_leaves_no_audit_line(gw, backend_store):
    with pytest.raises(Exception):  # noqa: B017 - the CHECK constraint, whatever the driver calls it
        gw.save_activity(walk(participants=-1), username="anna")

    assert gw.activities() == []
    assert audit_count(backend_store) == 0


def test_a_failing_audit_line_takes_the_change_with_it(gw, monkeypatch):
    saved = gw.save_activity(walk(), username="anna")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit log is full")

    monkeypatch.setattr(groupwork_audit, "write", broken)
    with pytest.raises(RuntimeError):
        gw.save_activity(replace(saved, title="Borta"), username="anna")
    with pytest.raises(RuntimeError):
        gw.delete_activity(saved.id, saved.version, username="anna")
    with pytest.raises(RuntimeError):
        gw.save_activity(walk("tuna"), username="anna")

    assert gw.activities() == [saved]


def test_an_event_can_be_logged_and_last_change_rises(gw):
    before = gw.last_change()

    gw.log_event(username="anna", action="sign-in", entity="user", entity_id="1", summary="Inloggning")

    assert gw.last_change() > before
    assert gw.audit(limit=1)[0].action == "sign-in"


# ------------------------------------------------------------------ initiatives


def test_an_initiative_reads_back_with_every_field(gw):
    saved = gw.save_initiative(lighting(), username="anna")

    assert saved == replace(lighting(), id=saved.id, version=1)
    assert gw.initiative(saved.id) == saved


def test_initiatives_are_filtered_by_locality_status_area_and_year(gw):
    done = gw.save_initiative(
        lighting(status=InitiativeStatus.DONE, start=date(2019, 1, 1), end=date(2020, 6, 1)), username="a"
    )
    ongoing = gw.save_initiative(lighting(areas=("trivas",), end=None), username="a")
    idea = gw.save_initiative(
        lighting("tuna", status=InitiativeStatus.IDEA, start=None, end=None, areas=()), username="a"
    )

    def ids(**filters: object) -> list[int]:
        return [i.id for i in gw.initiatives(**filters)]

    assert ids() == [idea.id, ongoing.id, done.id]
    assert ids(locality_ids=["tuna"]) == [idea.id]
    assert ids(statuses=[InitiativeStatus.DONE, "idea"]) == [idea.id, done.id]
    assert ids(areas=["kontakt", "verka"]) == [done.id]
    assert ids(areas=["trivas"]) == [ongoing.id]
    assert ids(year=2020) == [idea.id, done.id]
    assert ids(year=2030) == [idea.id, ongoing.id]
    assert ids(year=2024, areas=["trivas"], statuses=["ongoing"]) == [ongoing.id]


def test_an_initiative_update_and_delete_follow_the_version_rules(gw, backend_store):
    saved = gw.save_initiative(lighting(), username="anna")
    done = gw.save_initiative(replace(saved, status=InitiativeStatus.DONE, progress=100), username="anna")

    with pytest.raises(StaleWriteError):
        gw.save_initiative(replace(saved, progress=70), username="bertil")
    assert gw.initiative(saved.id) == done
    assert gw.audit(limit=1)[0].summary.endswith(": status, framsteg")

    gw.delete_initiative(saved.id, done.version, username="anna")
    assert gw.initiatives() == []
    assert row_count(backend_store, schema.initiative_areas) == 0


# ------------------------------------------------------------------ composition


def test_a_group_without_composition_has_empty_counts_and_version_zero(gw):
    assert gw.composition("tuna") == Composition("tuna", {}, 0)


def test_composition_counts_are_replaced_under_the_version_rule(gw):
    first = gw.save_composition(
        Composition("tuna", {("associations", "40_64"): 3, ("residents", "under_20"): 2}), username="anna"
    )
    assert first.version == 1
    assert first.total == 5

    with pytest.raises(StaleWriteError):
        gw.save_composition(Composition("tuna", {("business", "65_plus"): 1}), username="bertil")

    second = gw.save_composition(replace(first, counts={("business", "65_plus"): 1}), username="anna")
    assert second == Composition("tuna", {("business", "65_plus"): 1}, 2)
    assert gw.composition("tuna") == second
    assert [e.summary for e in gw.audit(locality_id="tuna")] == [
        "Ändrade sammansättning för tuna (1 medlemmar): antal",
        "Ny sammansättning för tuna (5 medlemmar)",
    ]


def test_composition_with_unknown_groups_or_negative_counts_is_refused(gw):
    with pytest.raises(InputError) as refused:
        gw.save_composition(
            Composition("tuna", {("aliens", "40_64"): 1, ("business", "20_39"): -2}), username="anna"
        )

    assert len(refused.value.problems) == 2
    assert gw.composition("tuna").version == 0
    with pytest.raises(InputError):
        gw.save_composition(Composition("atlantis", {}), username="anna")


# ------------------------------------------------------------------ strategic meetings


def test_meetings_round_trip_newest_first_with_themes(gw):
    old = gw.save_meeting(
        StrategicMeeting(date(2017, 2, 9), "Strategiskt möte", 230, ("Mötas", "Kontakt, buss")), username="admin"
    )
    new = gw.save_meeting(StrategicMeeting(date(2024, 2, 8), "Nätverksträff"), username="admin")

    assert gw.meetings() == [new, old]
    assert gw.meetings()[1].themes == ("Mötas", "Kontakt, buss")
    assert gw.audit(limit=1)[0].locality_id is None

    with pytest.raises(StaleWriteError):
        gw.delete_meeting(old.id, 0, username="admin")
    updated = gw.save_meeting(replace(old, notes="Ungefär 230 deltagare."), username="admin")
    gw.delete_meeting(old.id, updated.version, username="admin")
    assert gw.meetings() == [new]


# ------------------------------------------------------------------ users


def editor(name: str = "anna", locality: str | None = "storebro") -> User:
    return User(username=name, role=Role.EDITOR, password_hash="scrypt$secret-hash", locality_id=locality)


def test_users_are_created_found_by_name_in_any_case_and_listed_in_order(gw):
    anna = gw.save_user(editor("anna"), username="admin")
    gw.save_user(editor("örjan", "tuna"), username="admin")
    gw.save_user(User("bo", Role.ADMIN, "scrypt$x"), username="admin")

    assert anna.id is not None
    assert gw.user(anna.id) == anna
    assert gw.user_by_name("ANNA") == anna
    assert gw.user_by_name("nobody") is None
    assert [u.username for u in gw.users()] == ["anna", "bo", "örjan"]


def test_a_user_name_taken_in_any_case_is_refused_in_swedish(gw):
    gw.save_user(editor("anna"), username="admin")

    with pytest.raises(InputError) as refused:
        gw.save_user(editor("Anna", "tuna"), username="admin")

    assert "användarnamnet ”Anna” är upptaget" in refused.value.report()
    assert len(gw.users()) == 1


def test_renaming_onto_another_users_name_is_refused(gw):
    gw.save_user(editor("anna"), username="admin")
    bo = gw.save_user(editor("bo"), username="admin")

    with pytest.raises(InputError):
        gw.save_user(replace(bo, username="ANNA"), username="admin")
    assert gw.save_user(replace(bo, username="Bo"), username="admin").username == "Bo"


def test_the_audit_never_holds_a_password_hash(gw):
    anna = gw.save_user(editor("anna"), username="admin")
    gw.save_user(replace(anna, password_hash="scrypt$another-hash", active=False), username="admin")

    lines = gw.audit()
    assert lines[0].summary == "Ändrade användare ”anna” (redaktör, storebro, avstängd): lösenord, aktiv"
    assert all("hash" not in line.summary for line in lines)
    assert lines[0].entity_id == str(anna.id)


def test_saving_an_unknown_user_or_with_an_unknown_locality_is_refused(gw):
    with pytest.raises(NotFoundError):
        gw.save_user(replace(editor(), id=999), username="admin")
    with pytest.raises(InputError):
        gw.save_user(editor("anna", "atlantis"), username="admin")


# ------------------------------------------------------------------ bulk import


def new_log_lines(store, before):
    """Import-log lines written since ``before`` (a new database already holds the bundled Kolada import)."""
    return [entry for entry in store.import_log() if entry not in before]


def test_an_import_lands_whole_with_its_log_line_and_one_audit_line(gw, backend_store):
    records = [walk(), walk("tuna"), walk(day=date(2024, 1, 1))]
    seeded = backend_store.import_log()

    result = gw.import_activities(records, username="anna", origin=origin())

    assert result == SaveResult(added=3)
    assert len(gw.activities()) == 3
    log = new_log_lines(backend_store, seeded)
    assert [(e.kind, e.rows, e.added, e.file) for e in log] == [("activities", 3, 3, "aktiviteter.csv")]
    lines = gw.audit()
    assert len(lines) == 1
    assert (lines[0].action, lines[0].entity, lines[0].locality_id) == ("import", "activity", None)
    assert lines[0].summary == "Import av aktiviteter från ”aktiviteter.csv”: 3 nya, 0 ändrade, 0 oförändrade"


def test_an_import_with_one_bad_record_writes_nothing_and_names_every_problem(gw, backend_store):
    stored = gw.save_activity(walk(), username="anna")
    gw.save_activity(replace(stored, title="Ändrad i appen"), username="anna")
    lines = audit_count(backend_store)
    seeded = backend_store.import_log()
    records = [walk("tuna"), walk("atlantis"), replace(stored, title="Från filen"), replace(walk(), id=9999, version=1)]

    with pytest.raises(InputError) as refused:
        gw.import_activities(records, username="anna", origin=origin())

    assert [(p.row, p.field) for p in refused.value.problems] == [(2, "locality_id"), (3, "version"), (4, "id")]
    assert "post 2" in refused.value.report()
    assert len(gw.activities()) == 1
    assert backend_store.import_log() == seeded
    assert audit_count(backend_store) == lines


def test_reimporting_an_exported_file_changes_nothing_and_an_edited_one_updates(gw, backend_store):
    gw.import_activities([walk(), walk("tuna")], username="anna", origin=origin())
    exported = sorted(gw.activities(), key=lambda a: a.id)

    again = gw.import_activities(exported, username="anna", origin=origin())
    assert again == SaveResult(unchanged=2)
    assert sorted(gw.activities(), key=lambda a: a.id) == exported

    edited = [replace(exported[0], areas=("verka",), participants=3), exported[1], walk("pelarne")]
    result = gw.import_activities(edited, username="anna", origin=origin("v2.csv"))

    assert result == SaveResult(added=1, changed=1, unchanged=1)
    now = gw.activity(exported[0].id)
    assert (now.version, now.areas, now.participants) == (2, ("verka",), 3)
    assert gw.activity(exported[1].id).version == 1
    assert row_count(backend_store, schema.activity_areas) == 2 + 1 + 2


def test_an_import_naming_one_id_twice_is_refused(gw):
    stored = gw.save_activity(walk(), username="anna")

    with pytest.raises(InputError) as refused:
        gw.import_activities([stored, stored], username="anna", origin=origin())

    assert "dubblett" in refused.value.report()


def test_a_workbook_with_both_kinds_lands_whole_or_not_at_all(gw, backend_store):
    lines = audit_count(backend_store)
    seeded = backend_store.import_log()
    with pytest.raises(BatchInputError) as refused:
        gw.import_batches([("activities", [walk(), walk("tuna")]), ("initiatives", [lighting("atlantis")])],
                          username="anna", origin=origin("arbete.xlsx"))

    assert refused.value.batch == "initiatives"
    assert [(p.row, p.field) for p in refused.value.problems] == [(1, "locality_id")]
    assert gw.activities() == [] and gw.initiatives() == []  # the valid sheet is not half-written
    assert backend_store.import_log() == seeded and audit_count(backend_store) == lines

    saved = gw.import_batches([("activities", [walk()]), ("initiatives", [lighting()])],
                              username="anna", origin=origin("arbete.xlsx"))
    assert saved == {"activities": SaveResult(added=1), "initiatives": SaveResult(added=1)}
    assert [e.kind for e in new_log_lines(backend_store, seeded)] == ["initiatives", "activities"]


def test_initiatives_import_too_with_one_locality_in_the_audit(gw, backend_store):
    result = gw.import_initiatives(
        [lighting(), lighting(title="Utegym")], username="anna", origin=origin("initiativ.xlsx")
    )

    assert result == SaveResult(added=2)
    assert len(gw.initiatives(locality_ids=["sodra-vi"])) == 2
    assert gw.audit()[0].locality_id == "sodra-vi"
    assert backend_store.import_log()[0].kind == "initiatives"


# ------------------------------------------------------------------ counts


def test_activity_counts_per_locality_in_sql_with_unknown_participants_as_none(gw):
    gw.save_activity(walk(participants=10), username="a")
    gw.save_activity(walk(participants=5, day=date(2025, 5, 1)), username="a")
    gw.save_activity(walk(participants=None), username="a")
    gw.save_activity(walk("tuna", participants=None), username="a")
    gw.save_activity(walk("pelarne", day=date(2020, 1, 1)), username="a")

    assert gw.activity_counts(date(2025, 1, 1), date(2025, 12, 31)) == {
        "storebro": (3, 15),
        "tuna": (1, None),
    }
    assert gw.activity_counts()["pelarne"] == (1, 14)
    assert gw.activity_counts(until=date(2024, 12, 31)) == {"pelarne": (1, 14)}


def test_initiative_status_counts_per_locality_and_status(gw):
    gw.save_initiative(lighting(), username="a")
    gw.save_initiative(lighting(), username="a")
    gw.save_initiative(lighting(status=InitiativeStatus.DONE, areas=("verka",)), username="a")
    gw.save_initiative(
        lighting("tuna", status=InitiativeStatus.IDEA, areas=("verka",), start=None, end=None), username="a"
    )

    assert gw.initiative_status_counts() == {
        ("sodra-vi", InitiativeStatus.ONGOING): 2,
        ("sodra-vi", InitiativeStatus.DONE): 1,
        ("tuna", InitiativeStatus.IDEA): 1,
    }
    assert gw.initiative_status_counts(areas=["verka"], locality_ids=["sodra-vi"]) == {
        ("sodra-vi", InitiativeStatus.DONE): 1
    }
    assert gw.initiative_status_counts(year=2010) == {("tuna", InitiativeStatus.IDEA): 1}


# ------------------------------------------------------------------ many threads


def run_together(count: int, work: Callable[[int], object]) -> tuple[list[object], list[BaseException]]:
    """Run ``work(i)`` in ``count`` threads released at the same moment."""
    barrier = threading.Barrier(count)
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        barrier.wait()
        try:
            outcome = work(index)
        except BaseException as error:  # noqa: BLE001 - collected for the assertions
            with lock:
                errors.append(error)
        else:
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_of_many_tabs_saving_the_same_version_at_once_exactly_one_wins(gw):
    saved = gw.save_activity(walk(), username="anna")

    results, errors = run_together(8, lambda i: gw.save_activity(replace(saved, title=f"Flik {i}"), username=f"u{i}"))

    assert len(results) == 1
    assert len(errors) == 7
    assert all(isinstance(error, StaleWriteError) for error in errors), errors
    assert gw.activity(saved.id) == results[0]
    assert [e.action for e in gw.audit()] == ["update", "create"]


def test_many_threads_writing_and_reading_at_once_all_succeed(gw):
    def work(index: int) -> int:
        saved = gw.save_activity(walk(participants=index), username=f"u{index}")
        gw.activities()
        gw.save_activity(replace(saved, title=f"Ändrad {index}"), username=f"u{index}")
        return len(gw.audit())

    results, errors = run_together(8, work)

    assert errors == []
    assert len(results) == 8
    assert len(gw.activities()) == 8
    assert all(a.version == 2 for a in gw.activities())
    assert len(gw.audit()) == 16


def test_of_many_first_saves_of_a_composition_exactly_one_wins(gw):
    results, errors = run_together(
        6, lambda i: gw.save_composition(Composition("tuna", {("business", "20_39"): i}), username="u")
    )

    assert len(results) == 1
    assert all(isinstance(error, StaleWriteError) for error in errors), errors
    assert gw.composition("tuna").version == 1

