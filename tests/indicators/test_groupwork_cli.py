"""``python -m indicators`` for accounts and group work: create-admin, add-user,
set-password, import-groupwork and export-groupwork, with honest exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from indicators import cli
from indicators.accounts.auth import authenticate
from indicators.cli import main
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store

PASSWORD = "en fras som är lång nog"


@pytest.fixture
def database_url(seeded_database_url: str) -> str:
    """These tests run the CLI on an existing, freshly seeded database of their own;
    creating, migrating and seeding one is tested in test_cli.py and test_storage.py."""
    return seeded_database_url


@pytest.fixture
def stdin(monkeypatch):
    """Feed standard input for --password-stdin."""

    def feed(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    return feed


def run(database_url: str, *argv: str) -> int:
    return main([*argv, "--database-url", database_url])


def _users(database_url: str):
    with Store.open(database_url) as store:
        return GroupworkStore(store).users()


def test_create_admin_with_password_on_stdin(database_url, stdin, capsys):
    stdin(PASSWORD + "\n")
    assert run(database_url, "create-admin", "Staff", "--password-stdin") == 0
    assert "Administratören ”staff” är skapad." in capsys.readouterr().out
    [admin] = _users(database_url)
    assert (admin.username, admin.role) == ("staff", Role.ADMIN)
    with Store.open(database_url) as store:
        assert authenticate(GroupworkStore(store).user_by_name, "staff", PASSWORD) is not None


def test_create_admin_asks_twice_and_refuses_a_mismatch(database_url, monkeypatch, capsys):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: next(answers))
    assert run(database_url, "create-admin", "staff") == 1
    assert "inte lika" in capsys.readouterr().err
    assert _users(database_url) == []

    answers = iter([PASSWORD, PASSWORD])
    assert run(database_url, "create-admin", "staff") == 0


def test_create_admin_refuses_a_short_password_and_a_second_admin(database_url, stdin, capsys):
    stdin("kort\n")
    assert run(database_url, "create-admin", "staff", "--password-stdin") == 1
    assert "minst 10 tecken" in capsys.readouterr().err
    stdin(PASSWORD + "\n")
    assert run(database_url, "create-admin", "staff", "--password-stdin") == 0
    stdin(PASSWORD + "\n")
    assert run(database_url, "create-admin", "other", "--password-stdin") == 1
    assert "redan ett personalkonto" in capsys.readouterr().err


def test_add_user_and_set_password(database_url, stdin, capsys):
    stdin(PASSWORD + "\n")
    assert run(database_url, "add-user", "anna", "--role", "editor", "--locality", "storebro",
               "--password-stdin") == 0
    assert "Kontot ”anna” (editor för storebro) är skapat." in capsys.readouterr().out
    [anna] = _users(database_url)
    assert (anna.role, anna.locality_id) == (Role.EDITOR, "storebro")

    stdin("ett annat långt lösenord\n")
    assert run(database_url, "set-password", "Anna", "--password-stdin") == 0
    with Store.open(database_url) as store:
        gw = GroupworkStore(store)
        assert authenticate(gw.user_by_name, "anna", "ett annat långt lösenord") is not None
        assert gw.audit(1)[0].username.endswith("(kommandoraden)")


def test_add_user_refuses_an_editor_without_a_known_locality(database_url, stdin, capsys):
    stdin(PASSWORD + "\n")
    assert run(database_url, "add-user", "anna", "--locality", "narnia", "--password-stdin") == 1
    assert "okänd ort ”narnia”" in capsys.readouterr().err
    stdin(PASSWORD + "\n")
    assert run(database_url, "add-user", "anna", "--password-stdin") == 1
    assert _users(database_url) == []


def test_import_and_export_groupwork(database_url, stdin, tmp_path, capsys):
    stdin(PASSWORD + "\n")
    run(database_url, "add-user", "anna", "--locality", "storebro", "--password-stdin")
    good = tmp_path / "a.csv"
    good.write_text("locality_id,date,kind,title,participants\nstorebro,2024-05-01,walk,Vårvandring,20\n",
                    encoding="utf-8")
    capsys.readouterr()
    assert run(database_url, "import-groupwork", str(good), "--user", "anna") == 0
    assert capsys.readouterr().out == (
        f"{good} (csv): aktiviteter 1 tillagda, 0 ändrade, 0 oförändrade; "
        "initiativ 0 tillagda, 0 ändrade, 0 oförändrade\n"
    )

    out = tmp_path / "ut.xlsx"
    assert run(database_url, "export-groupwork", str(out)) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert run(database_url, "export-groupwork", str(tmp_path / "ut.csv")) == 0
    assert [Path(line).name for line in capsys.readouterr().out.split()] == [
        "ut-aktiviteter.csv", "ut-initiativ.csv"]


def test_import_groupwork_refuses_other_localities_and_unknown_users(database_url, stdin, tmp_path, capsys):
    stdin(PASSWORD + "\n")
    run(database_url, "add-user", "anna", "--locality", "storebro", "--password-stdin")
    other = tmp_path / "tuna.csv"
    other.write_text("locality_id,date,kind,title\ntuna,2024-05-01,walk,Tunas\n", encoding="utf-8")
    capsys.readouterr()
    assert run(database_url, "import-groupwork", str(other), "--user", "anna") == 1
    err = capsys.readouterr().err
    assert err.startswith("1 fel hittades; inget har sparats:")
    assert f"{other}, rad 2, fält ”locality_id”" in err
    assert run(database_url, "import-groupwork", str(other), "--user", "nobody") == 1
    assert "inget konto ”nobody”" in capsys.readouterr().err


def test_import_groupwork_checks_points_against_the_real_areas(database_url, stdin, tmp_path, capsys):
    """The command line uses geodata's areas, the ones the map draws."""
    stdin(PASSWORD + "\n")
    run(database_url, "add-user", "staff", "--role", "admin", "--password-stdin")
    with Store.open(database_url) as store:
        centres = {loc.id: (loc.lat, loc.lon) for loc in store.localities()}
    tuna_lat, tuna_lon = centres["tuna"]
    vi_lat, vi_lon = centres["sodra-vi"]
    path = tmp_path / "i.csv"
    path.write_text(
        "locality_id,title,status,areas,lat,lon\n"
        f"sodra-vi,Vid centrum,idea,leva,{vi_lat},{vi_lon}\n"
        f"sodra-vi,I Tuna,idea,leva,{tuna_lat},{tuna_lon}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(database_url, "import-groupwork", str(path), "--user", "staff") == 1
    err = capsys.readouterr().err
    assert f"{path}, rad 3, fält ”lat”: punkten" in err
    assert "rad 2" not in err


def test_the_old_commands_still_work(database_url, capsys):
    assert run(database_url, "init") == 0
    assert run(database_url, "log") == 0
