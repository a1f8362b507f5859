"""Workshop input imported from CSV and Excel as ideas naming their meeting: a good file lands whole;
every kind of bad input is refused naming file, sheet, row and column, and stores nothing; only staff
may import; the command line prints the same report and never a traceback."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import func, select

from indicators.accounts.auth import hash_password
from indicators.accounts.gate import PermissionDenied
from indicators.cli import main
from indicators.core.errors import InputError, Problem
from indicators.groupwork.records import Role, StrategicMeeting, User
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.files import import_workshop_bytes, localities_by_id
from indicators.ideas.records import DESCRIPTION_MAX, IdeaSource, IdeaStatus
from indicators.ideas.store import IdeaStore
from indicators.observations.limits import ImportLimits
from indicators.storage import schema

HEADER = "title,description,areas,locality,meeting\n"


@cache
def _hash() -> str:
    return hash_password("tio tecken minst")


@pytest.fixture
def database_url(seeded_database_url: str) -> str:
    """The command line runs on the same seeded database as ``store``."""
    return seeded_database_url


@pytest.fixture
def gw(store) -> GroupworkStore:
    return GroupworkStore(store)


@pytest.fixture
def ideas(store) -> IdeaStore:
    return IdeaStore(store, salt=b"")


@pytest.fixture
def meetings(gw) -> dict[str, StrategicMeeting]:
    spring = gw.save_meeting(StrategicMeeting(date(2017, 2, 9), "Strategiskt möte 2017", 230), username="test")
    council = gw.save_meeting(StrategicMeeting(date(2017, 3, 27), "Workshop i fullmäktige"), username="test")
    return {"spring": spring, "council": council}


@pytest.fixture
def people(gw) -> dict[str, User]:
    return {
        "staff": gw.save_user(User("staff", Role.ADMIN, _hash()), username="test"),
        "editor": gw.save_user(User("anna", Role.EDITOR, _hash(), "storebro"), username="test"),
    }


@pytest.fixture
def run(store, ideas, gw, people, meetings):
    """Import ``content`` (text is CSV) as ``who``; the report, or the InputError's problems."""

    def go(content: str | bytes, *, name: str = "workshop.csv", who: str = "staff", meeting: str | None = None,
           limits: ImportLimits | None = None):
        payload = content.encode("utf-8") if isinstance(content, str) else content
        return import_workshop_bytes(
            ideas, people.get(who), payload, name, localities=localities_by_id(store.localities()),
            meetings=gw.meetings(), area_contains=lambda *_: False, meeting=meeting, limits=limits,
        )  # fmt: skip

    return go


def problems_of(run, content: str, **kwargs) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        run(content, **kwargs)
    return caught.value.problems


def stored_ideas(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.ideas)).scalar_one()


# ------------------------------------------------------------------ a good file


def test_a_workshop_list_becomes_published_ideas_naming_their_meeting(run, ideas, gw, meetings):
    report = run(
        HEADER
        + "Fler bänkar vid ån,Vid promenadvägen,Leva; Mötas,Storebro,\n"
        + "Cykelväg till skolan,,kontakt,sodra-vi,2017-03-27\n"
        + "Lokalt näringslivsråd,,verka,Hela kommunen,Workshop i fullmäktige\n",
        meeting="Strategiskt möte 2017",
    )
    assert [idea.title for idea in report.ideas] == ["Fler bänkar vid ån", "Cykelväg till skolan", "Lokalt näringslivsråd"]
    first, second, third = report.ideas
    assert (first.locality_id, first.areas, first.description) == ("storebro", ("leva", "motas"), "Vid promenadvägen")
    assert first.meeting_id == meetings["spring"].id
    assert second.meeting_id == third.meeting_id == meetings["council"].id
    assert third.locality_id is None  # the whole municipality
    assert all(idea.status is IdeaStatus.PUBLISHED and idea.source is IdeaSource.WORKSHOP for idea in report.ideas)
    assert {idea.id for idea in ideas.ideas(locality_ids=["storebro"])} == {first.id}
    imports = [entry for entry in gw.audit() if entry.entity == "idea" and entry.action == "import"]
    assert len(imports) == 1 and "workshop.csv" in imports[0].summary


def test_an_excel_sheet_is_read_like_a_csv_file(run, write_xlsx, meetings):
    path = write_xlsx({"Punkter": [["Title", "Areas", "Locality", "Meeting"],
                                   ["Mötesplats för unga", "Trivas", "Tuna", date(2017, 2, 9)]]}, name="inspel.xlsx")
    report = run(path.read_bytes(), name="inspel.xlsx")
    assert [(idea.title, idea.locality_id, idea.meeting_id) for idea in report.ideas] == [
        ("Mötesplats för unga", "tuna", meetings["spring"].id)
    ]


def test_template_syntax_and_formula_guards_are_text(run):
    report = run(HEADER + "'=1+1 {{ 7*7 }},<script>x</script>,leva,Storebro,2017-02-09\n")
    assert report.ideas[0].title == "=1+1 {{ 7*7 }}"
    assert report.ideas[0].description == "<script>x</script>"


# ------------------------------------------------------------------ bad input, nothing stored


def test_a_malformed_csv_file_is_refused_naming_the_row(run, store):
    problems = problems_of(run, HEADER + "Bänk,,leva,Storebro,2017-02-09\nBänk,,leva,Storebro,2017-02-09,extra\n")
    assert [(p.file, p.row) for p in problems] == [("workshop.csv", 3)]
    assert stored_ideas(store) == 0


def test_a_file_that_is_not_text_is_refused_without_a_traceback(run, store):
    problems = problems_of(run, b"title,areas,locality\n\xff\xfe,leva,Tuna\n")
    assert problems[0].row == 2 and problems[0].file == "workshop.csv"
    assert stored_ideas(store) == 0


def test_an_unknown_locality_is_named_with_a_close_match(run, store):
    (problem,) = problems_of(run, HEADER + "Bänk,,leva,Storbro,2017-02-09\n")
    assert (problem.row, problem.field) == (2, "locality")
    assert "Storbro" in problem.render() and "Storebro" in problem.render()
    assert stored_ideas(store) == 0


def test_an_empty_locality_is_not_taken_for_the_whole_municipality(run):
    (problem,) = problems_of(run, HEADER + "Bänk,,leva,,2017-02-09\n")
    assert (problem.row, problem.field) == (2, "locality")
    assert "kommunen" in problem.render()


def test_an_unknown_area_is_refused(run, store):
    (problem,) = problems_of(run, HEADER + "Bänk,,leva;simma,Storebro,2017-02-09\n")
    assert (problem.row, problem.field) == (2, "areas")
    assert stored_ideas(store) == 0


def test_an_empty_title_is_refused(run, store):
    (problem,) = problems_of(run, HEADER + "Bra,,leva,Tuna,2017-02-09\n   ,Text,leva,Tuna,2017-02-09\n")
    assert (problem.row, problem.field) == (3, "title")
    assert stored_ideas(store) == 0  # the good first row is not saved either


def test_too_long_text_is_refused(run, store):
    long = "a" * (DESCRIPTION_MAX + 1)
    (problem,) = problems_of(run, HEADER + f"Bänk,{long},leva,Tuna,2017-02-09\n")
    assert (problem.row, problem.field) == (2, "description")
    assert stored_ideas(store) == 0


def test_too_many_rows_are_refused_with_the_limit(run, store):
    rows = "".join(f"Punkt {n},,leva,Tuna,2017-02-09\n" for n in range(5))
    problems = problems_of(run, HEADER + rows, limits=ImportLimits(max_rows=3))
    assert problems[-1].row == 5 and "3" in problems[-1].render()
    assert stored_ideas(store) == 0


def test_every_problem_of_every_row_comes_back_at_once(run):
    problems = problems_of(run, HEADER + ",,simma,Ingenstans,1999-01-01\n")
    assert {p.field for p in problems} == {"title", "areas", "locality", "meeting"}
    assert {p.row for p in problems} == {2}


def test_a_meeting_must_be_named_and_known(run):
    (missing,) = problems_of(run, "title,areas,locality\nBänk,leva,Tuna\n")
    assert (missing.row, missing.field) == (2, "meeting")
    (unknown,) = problems_of(run, "title,areas,locality\nBänk,leva,Tuna\n", meeting="Strategiskt möte 2071")
    assert unknown.field == "meeting" and "Strategiskt möte 2017" in unknown.render()


def test_an_unknown_column_is_refused_with_a_close_match(run):
    problems = problems_of(run, "title,areas,localty\nBänk,leva,Tuna\n", meeting="2017-02-09")
    assert any(p.field == "localty" and "locality" in p.render() for p in problems)


def test_an_empty_file_and_a_json_file_are_refused_in_words(run):
    assert problems_of(run, HEADER)[0].file == "workshop.csv"
    assert problems_of(run, '{"a": 1}', name="punkter.json")[0].file == "punkter.json"


# ------------------------------------------------------------------ permission


@pytest.mark.parametrize("who", ["editor", "nobody"])
def test_only_staff_import_and_are_asked_before_the_file_is_read(run, store, who):
    with pytest.raises(PermissionDenied):
        run(b"\xff not even a table", who=who)
    assert stored_ideas(store) == 0


# ------------------------------------------------------------------ the command line


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "inspel.csv"
    path.write_text(content, encoding="utf-8")
    return path


def test_the_command_line_imports_a_file_for_a_meeting(database_url, tmp_path, meetings, capsys, store):
    path = _write(tmp_path, "title,areas,locality\nBänk vid ån,leva,Storebro\nBredband,kontakt,kommunen\n")
    code = main(["import-ideas", str(path), "--meeting", "2017-02-09", "--database-url", database_url])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "2 förslag" in out
    assert stored_ideas(store) == 2


def test_the_command_line_reports_problems_by_row_and_stores_nothing(database_url, tmp_path, meetings, capsys,
                                                                     store):
    path = _write(tmp_path, "title,areas,locality\nBänk vid ån,leva,Storbro\n")
    code = main(["import-ideas", str(path), "--meeting", "2017-02-09", "--database-url", database_url])
    _out, err = capsys.readouterr()
    assert code == 1
    assert "rad 2" in err and "locality" in err and "Traceback" not in err
    assert stored_ideas(store) == 0
