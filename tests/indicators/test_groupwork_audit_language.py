"""Audit lines are stored with their message key, so a line written in Swedish reads in
English on an English staff page; lines from before the key was stored show their Swedish."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, inspect, pool, select, text

from indicators.audit import log as audit
from indicators.audit.log import AuditEntry
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
from indicators.groupwork.store import GroupworkStore
from indicators.i18n.messages import CATALOGUE as AUDIT
from indicators.i18n.texts import Number
from indicators.storage import migrations, schema
from indicators.storage.store import Store, write_transaction
from tests.catalogues import write_catalogue

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

WALK = Activity("storebro", date(2025, 4, 12), ActivityKind.WALK, "Städdag vid ån", 14, ("leva",))
LIGHTING = Initiative("sodra-vi", "Belysning", InitiativeStatus.ONGOING, progress=60, lat=57.7, lon=15.8)
MEETING = StrategicMeeting(date(2025, 5, 2), "Nätverksträff", 30, ("trafik",))
ANNA = User("anna", Role.EDITOR, "scrypt$secret-hash", "storebro")
COMPOSITION = Composition("tuna", {("associations", "40_64"): 3, ("residents", "under_20"): 2})


@pytest.fixture
def gw(backend_store: Store) -> GroupworkStore:
    ticks = iter(range(1_000_000))
    return GroupworkStore(backend_store, clock=lambda: T0 + timedelta(seconds=next(ticks)))


def stored(line: audit.AuditLine) -> AuditEntry:
    """The line as the reader gets it back from the database."""
    return AuditEntry(T0, "anna", "update", "activity", "1", None, str(line), 1, line.key, dict(line.stored))


# ------------------------------------------------------------------ the messages


def test_a_line_is_its_swedish_wording_and_renders_in_english():
    line = audit.created(audit.ACTIVITY, WALK)
    assert line == "Ny aktivitet ”Städdag vid ån” (2025-04-12)"
    assert line.render("en") == "New activity “Städdag vid ån” (2025-04-12)"
    assert audit.deleted(audit.INITIATIVE, LIGHTING).render("en") == "Deleted initiative “Belysning” (ongoing)"
    assert audit.created(audit.MEETING, MEETING).render("en") == "New strategic meeting “Nätverksträff” (2025-05-02)"


def test_changed_fields_are_stored_by_name_and_named_in_the_reader_language():
    line = audit.changed(audit.INITIATIVE, LIGHTING, replace(LIGHTING, status=InitiativeStatus.DONE, progress=100,
                                                             lat=57.8, lon=15.9))
    assert line == "Ändrade initiativ ”Belysning” (klar): status, framsteg, plats"
    assert line.stored["fields"] == ["status", "progress", "lat"]  # ids, not labels; lat and lon are one place
    assert line.render("en") == "Changed initiative “Belysning” (done): status, progress, location"
    assert audit.changed_fields(LIGHTING, replace(LIGHTING, lon=16.0)) == ["plats"]
    unchanged = audit.changed(audit.ACTIVITY, WALK, WALK)
    assert unchanged.endswith(": inga fält ändrade")
    assert unchanged.render("en").endswith(": no fields changed")


def test_a_user_line_names_role_locality_and_a_deactivated_account_in_either_language():
    line = audit.changed(audit.USER, ANNA, replace(ANNA, password_hash="scrypt$other", active=False))
    assert line == "Ändrade användare ”anna” (redaktör, storebro, avstängd): lösenord, aktiv"
    assert line.render("en") == "Changed user “anna” (editor, storebro, deactivated): password, active"
    admin = User("bo", Role.ADMIN, "x")
    assert audit.created(audit.USER, admin) == "Ny användare ”bo” (personal)"
    assert audit.created(audit.USER, admin).render("en") == "New user “bo” (staff)"
    assert "scrypt" not in str(line.stored)  # the field's name only, never the hash


def test_compositions_and_imports_render_in_english():
    line = audit.created(audit.COMPOSITION, COMPOSITION)
    assert line == "Ny sammansättning för tuna (5 medlemmar)"
    assert line.render("en") == "New group composition for tuna (members: 5)"
    imported = audit.imported(audit.ACTIVITY, "fil.csv", 3, 1, 0)
    assert imported == "Import av aktiviteter från ”fil.csv”: 3 nya, 1 ändrade, 0 oförändrade"
    assert imported.render("en") == "Import of activities from “fil.csv”: 3 new, 1 changed, 0 unchanged"
    assert audit.imported(audit.INITIATIVE, "i.xlsx", 0, 0, 2).render("en").startswith("Import of initiatives from")
    assert audit.imported("slides", "s.csv", 1, 0, 0).render("en").startswith("Import of slides from “s.csv”")


@pytest.mark.parametrize("entity, record", [
    (audit.ACTIVITY, WALK), (audit.INITIATIVE, LIGHTING), (audit.MEETING, MEETING), (audit.USER, ANNA),
    (audit.COMPOSITION, COMPOSITION),
])  # fmt: skip
def test_every_entity_has_all_three_lines_in_english(entity, record):
    for line in (audit.created(entity, record), audit.changed(entity, record, record), audit.deleted(entity, record)):
        english = line.render("en")
        assert "{" not in english and english != str(line)
        assert not set("åäöÅÄÖ") & set(english.replace("Städdag vid ån", "").replace("Nätverksträff", ""))
        assert stored(line).render("en") == english  # from the stored key and parameters alone


def test_lines_survive_pickling():
    line = audit.changed(audit.USER, ANNA, replace(ANNA, active=False))
    copy = pickle.loads(pickle.dumps(line))
    assert copy == line and copy.render("en") == line.render("en") and copy.stored == line.stored


# ------------------------------------------------------------------ rendering what is stored


def test_a_line_without_a_key_or_with_one_no_longer_known_shows_its_swedish_summary():
    old = AuditEntry(T0, "anna", "create", "activity", "1", None, "Ny aktivitet ”Gammal” (2024-01-01)")
    assert old.render("en") == "Ny aktivitet ”Gammal” (2024-01-01)"
    gone = replace(old, summary_key="created_spaceship", summary_params={"title": "x"})
    assert gone.render("en") == old.summary
    broken = replace(old, summary_key="created_activity", summary_params={"title": "Gammal"})  # no date
    assert broken.render("en") == old.summary
    foreign = replace(old, summary_key="no-such-catalogue:thing", summary_params={})
    assert foreign.render("en") == old.summary


def test_a_text_from_another_catalogue_is_stored_with_its_catalogue_name(tmp_path):
    other = write_catalogue(tmp_path, "audit-test-other", {"sv": {"saved": "Sparade ”{name}” ({count} bilder)"},
                                                           "en": {"saved": "Saved “{name}” ({count} slides)"}})
    assert audit._key_and_params(other.text("saved", name="Möte", count=3)) == (
        "audit-test-other:saved", {"name": "Möte", "count": 3})
    assert audit.render_summary("audit-test-other:saved", {"name": "Möte", "count": 3}, "x", "en") == \
        "Saved “Möte” (3 slides)"
    # A nested message or a formatted number would not survive JSON: only the Swedish is kept.
    assert audit._key_and_params(other.text("saved", name=AUDIT.text("deactivated"), count=3)) == (None, None)
    assert audit._key_and_params(other.text("saved", name="M", count=Number(2.5))) == (None, None)
    assert audit._key_and_params("inloggning") == (None, None)


def test_lines_stored_under_the_catalogues_before_the_merge_still_read_in_english():
    """Until 2026-12 the domain had one catalogue per subject; stored lines name them."""
    assert audit.render_summary("form_texts:unknown_locality", {"locality": "Ankeborg"}, "x", "en") == \
        "unknown locality “Ankeborg”"
    assert audit.render_summary("import:unknown_locality", {"value": "Ankeborg", "hint": ""}, "x", "en") == \
        "unknown locality “Ankeborg”"


def test_the_store_keeps_the_key_so_a_swedish_line_reads_in_english(gw):
    saved = gw.save_activity(replace(WALK, title="Byvandring"), username="anna")
    gw.save_activity(replace(saved, title="Vandring", participants=9), username="bertil")
    gw.log_event(username="anna", action="sign-in", entity="user", summary="inloggning")

    sign_in, change, new = gw.audit()

    assert change.summary == "Ändrade aktivitet ”Vandring” (2025-04-12): rubrik, deltagare"
    assert change.summary_key == "changed_activity"
    assert change.summary_params == {"title": "Vandring", "date": "2025-04-12", "fields": ["title", "participants"]}
    assert change.render("en") == "Changed activity “Vandring” (2025-04-12): title, participants"
    assert change.render("sv") == change.summary
    assert new.render("en") == "New activity “Byvandring” (2025-04-12)"
    assert (sign_in.summary_key, sign_in.render("en")) == (None, "inloggning")  # plain text stays as it is


def test_a_text_given_to_log_event_is_stored_with_its_key(gw):
    gw.log_event(username="anna", action="import", entity="activity",
                 summary=audit.imported(audit.ACTIVITY, "fil.csv", 0, 0, 0))
    entry = gw.audit(1)[0]
    assert entry.summary == "Import av aktiviteter från ”fil.csv”: 0 nya, 0 ändrade, 0 oförändrade"
    assert entry.render("en") == "Import of activities from “fil.csv”: 0 new, 0 changed, 0 unchanged"


# ------------------------------------------------------------------ revision 0004


def test_a_database_at_0003_with_audit_lines_upgrades_and_the_old_lines_still_show(backend_url):
    engine = create_engine(backend_url, poolclass=pool.NullPool)
    with engine.begin() as conn:
        migrations.upgrade(conn, "0003")
        conn.execute(text(
            "INSERT INTO audit_log (at, username, action, entity, entity_id, locality_id, summary) "
            "VALUES (:at, 'anna', 'create', 'activity', '7', 'tuna', :summary)"
        ), {"at": datetime(2025, 1, 2, 9, 0), "summary": "Ny aktivitet ”Städdag” (2025-01-02)"})
        assert "summary_key" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}
    engine.dispose()

    with Store.open(backend_url) as store:
        with store.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.HEAD  # 0004 and every later revision
            assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [schema.SCHEMA_VERSION]
        gw = GroupworkStore(store, clock=lambda: T0)
        gw.save_activity(WALK, username="bertil")
        new, old = gw.audit()
        assert (old.username, old.entity_id, old.summary_key, old.summary_params) == ("anna", "7", None, None)
        assert old.render("en") == old.render("sv") == "Ny aktivitet ”Städdag” (2025-01-02)"
        assert new.render("en") == "New activity “Städdag vid ån” (2025-04-12)"

        # Down to 0003 and up again: the lines stay, the keys written meanwhile are lost (Swedish remains).
        with write_transaction(store.engine) as conn:
            migrations.downgrade(conn, "0003")
        with store.engine.connect() as conn:
            assert "summary_key" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}
            assert conn.execute(select(schema.schema_version.c.version)).scalars().all() == [3]
    with Store.open(backend_url) as store:
        lines = GroupworkStore(store).audit()
        assert [line.summary for line in lines] == [new.summary, old.summary]
        assert lines[0].render("en") == new.summary
