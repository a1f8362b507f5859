"""Group-work import does what docs/groupwork-import.md says about ids and versions, on
SQLite and PostgreSQL: the same file imported twice changes nothing the second time, a row
with an id and no version overwrites the stored record (last write wins, even when someone
saved it a moment before), and only a row whose content differs from a newer stored version
is refused as stale — with the version in the file and the version stored."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from indicators.accounts.auth import hash_password
from indicators.core.errors import InputError
from indicators.groupwork import files as gio
from indicators.groupwork import service
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    Role,
    User,
)
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import SaveResult

TODAY = date(2025, 6, 1)
BOX = (57.55, 57.65, 15.80, 15.90)


def area_contains(locality_id: str, lat: float, lon: float) -> bool:
    return locality_id == "storebro" and BOX[0] <= lat <= BOX[1] and BOX[2] <= lon <= BOX[3]


@cache
def _hash() -> str:
    return hash_password("tio tecken minst")


@pytest.fixture
def gw(backend_store) -> GroupworkStore:
    return GroupworkStore(backend_store)


@pytest.fixture
def known(backend_store) -> set[str]:
    return {locality.id for locality in backend_store.localities()}


@pytest.fixture
def admin(gw) -> User:
    return gw.save_user(User("staff", Role.ADMIN, _hash()), username="test")


@pytest.fixture
def records(gw, admin, known) -> tuple[Activity, Initiative]:
    activity = service.save_activity(
        gw, admin, Activity("storebro", date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag", 14, ("leva",)),
        known_localities=known, today=TODAY)
    initiative = service.save_initiative(
        gw, admin, Initiative("storebro", "Mötesplats i gamla skolan", InitiativeStatus.IDEA, areas=("motas",),
                              lat=57.6, lon=15.85),
        known_localities=known, area_contains=area_contains)
    return activity, initiative


def _import(gw, user, path: Path, known) -> gio.GroupworkImportReport:
    return gio.import_groupwork(gw, user, path, known_localities=known, area_contains=area_contains, today=TODAY)


def _edit_workbook(path: Path, sheet_name: str, column: str, value: object) -> None:
    workbook = load_workbook(path)
    sheet = workbook[sheet_name]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index(column) + 1, value=value)
    workbook.save(path)


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _write_csv_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def test_an_edited_export_imported_twice_changes_nothing_the_second_time(tmp_path, gw, admin, known, records):
    activity, initiative = records
    [path] = gio.export_groupwork(gw, tmp_path / "grupper.xlsx")
    _edit_workbook(path, "initiativ", "status", "Pågår")
    _edit_workbook(path, "aktiviteter", "participants", 20)

    first = _import(gw, admin, path, known)
    assert (first.activities, first.initiatives) == (SaveResult(changed=1), SaveResult(changed=1))
    after_first = (gw.activity(activity.id), gw.initiative(initiative.id))
    assert after_first[1].status == InitiativeStatus.ONGOING
    assert after_first[1].version > initiative.version  # the file still says the old version

    second = _import(gw, admin, path, known)
    assert (second.activities, second.initiatives) == (SaveResult(unchanged=1), SaveResult(unchanged=1))
    assert (gw.activity(activity.id), gw.initiative(initiative.id)) == after_first  # versions too


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_import_import_again_changes_nothing(tmp_path, gw, admin, known, records, suffix):
    files = gio.export_groupwork(gw, tmp_path / f"grupper{suffix}")
    for _ in range(2):
        reports = [_import(gw, admin, path, known) for path in files]
        assert sum((r.activities for r in reports), SaveResult()) == SaveResult(unchanged=1)
        assert sum((r.initiatives for r in reports), SaveResult()) == SaveResult(unchanged=1)
    assert (gw.activity(records[0].id), gw.initiative(records[1].id)) == records


def test_a_row_with_an_id_and_no_version_overwrites_the_stored_record(tmp_path, gw, admin, known, records):
    _activity, initiative = records
    service.save_initiative(gw, admin, replace(initiative, progress=30), known_localities=known,
                            area_contains=area_contains)  # the stored version is now newer than any file
    path = tmp_path / "utan-version.csv"
    path.write_text("id,locality_id,title,status,areas\n"
                    f"{initiative.id},storebro,Mötesplats i skolan,planned,motas\n", encoding="utf-8")

    report = _import(gw, admin, path, known)

    assert report.initiatives == SaveResult(changed=1)
    stored = gw.initiative(initiative.id)
    assert (stored.title, stored.status, stored.progress) == ("Mötesplats i skolan", InitiativeStatus.PLANNED, None)
    assert _import(gw, admin, path, known).initiatives == SaveResult(unchanged=1)


def test_an_empty_version_cell_counts_as_no_version(tmp_path, gw, admin, known, records):
    _activity, initiative = records
    [path] = gio.export_groupwork(gw, tmp_path / "ut.csv", kinds=[gio.INITIATIVES])
    service.save_initiative(gw, admin, replace(initiative, progress=30), known_localities=known,
                            area_contains=area_contains)
    rows = _csv_rows(path)
    rows[1][rows[0].index("version")] = ""
    rows[1][rows[0].index("title")] = "Ny titel"
    _write_csv_rows(path, rows)

    assert _import(gw, admin, path, known).initiatives == SaveResult(changed=1)
    assert gw.initiative(initiative.id).title == "Ny titel"


def test_no_version_wins_over_a_save_made_while_the_file_is_imported(tmp_path, gw, admin, known, records,
                                                                      monkeypatch):
    """Someone saves the record between the import's check and its write: a row without a
    version still overwrites it, and is never refused with versions the file does not have."""
    _activity, initiative = records
    path = tmp_path / "utan-version.csv"
    path.write_text("id,locality_id,title,status,areas\n"
                    f"{initiative.id},storebro,Från filen,planned,motas\n", encoding="utf-8")
    real_import = gw.import_batches
    interrupted = []

    def someone_saves_first(*args, **kwargs):
        if not interrupted:
            interrupted.append(True)
            current = gw.initiative(initiative.id)
            service.save_initiative(gw, admin, replace(current, title="Från formuläret"),
                                    known_localities=known, area_contains=area_contains)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(gw, "import_batches", someone_saves_first)

    report = _import(gw, admin, path, known)

    assert interrupted
    assert report.initiatives == SaveResult(changed=1)
    assert gw.initiative(initiative.id).title == "Från filen"


def test_an_old_version_with_other_content_is_refused_naming_both_versions(tmp_path, gw, admin, known, records):
    _activity, initiative = records
    [path] = gio.export_groupwork(gw, tmp_path / "ut.csv", kinds=[gio.INITIATIVES])
    newer = service.save_initiative(gw, admin, replace(initiative, progress=50), known_localities=known,
                                    area_contains=area_contains)
    rows = _csv_rows(path)
    rows[1][rows[0].index("title")] = "Mötesplats i skolan"
    _write_csv_rows(path, rows)

    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)

    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (2, "version")
    assert f"version {initiative.version} i filen, {newer.version} sparad" in problem.message
    assert gw.initiative(initiative.id) == newer


def test_an_old_version_that_says_what_is_stored_is_unchanged(tmp_path, gw, admin, known, records):
    _activity, initiative = records
    [path] = gio.export_groupwork(gw, tmp_path / "ut.csv", kinds=[gio.INITIATIVES])
    newer = service.save_initiative(gw, admin, replace(initiative, progress=50), known_localities=known,
                                    area_contains=area_contains)
    rows = _csv_rows(path)
    rows[1][rows[0].index("progress")] = "50"  # the file now says what the newer version says
    _write_csv_rows(path, rows)

    assert _import(gw, admin, path, known).initiatives == SaveResult(unchanged=1)
    assert gw.initiative(initiative.id) == newer


def test_a_stale_row_refuses_the_whole_file(tmp_path, gw, admin, known, records):
    activity, initiative = records
    [path] = gio.export_groupwork(gw, tmp_path / "ut.xlsx")
    newer = service.save_initiative(gw, admin, replace(initiative, progress=50), known_localities=known,
                                    area_contains=area_contains)
    _edit_workbook(path, "initiativ", "title", "Annan titel")
    _edit_workbook(path, "aktiviteter", "title", "Ändrad aktivitet")

    with pytest.raises(InputError):
        _import(gw, admin, path, known)

    assert (gw.activity(activity.id), gw.initiative(initiative.id)) == (activity, newer)
