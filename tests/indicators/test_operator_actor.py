"""The command line acts as the operator: an active admin named after the OS user, through the same services."""

from __future__ import annotations

from indicators.accounts.auth import Action, can
from indicators.accounts.operator import OPERATOR_SUFFIX, operator_actor
from indicators.cli import main
from indicators.groupwork.records import Role
from indicators.storage.store import Store


def test_the_operator_is_an_active_admin_named_after_the_os_user(monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "kalle")
    actor = operator_actor()
    assert (actor.username, actor.role, actor.active) == ("kalle" + OPERATOR_SUFFIX, Role.ADMIN, True)
    assert all(can(actor, action) for action in Action)
    assert actor.id is None and actor.password_hash == ""  # never stored, cannot sign in


def test_a_name_given_on_the_command_line_is_the_operators(monkeypatch):
    assert operator_actor(" anna ").username == "anna"
    monkeypatch.setattr("getpass.getuser", lambda: "kalle")
    assert operator_actor("  ").username == "kalle" + OPERATOR_SUFFIX


def test_a_cli_import_logs_the_operator(write_csv, header, seeded_database_url, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "kalle")
    path = write_csv(header, "population,tuna,2021,245,SCB")
    assert main(["import", str(path), "--database-url", seeded_database_url]) == 0
    store = Store.open(seeded_database_url)
    try:
        assert store.import_log()[0].user == "kalle" + OPERATOR_SUFFIX
    finally:
        store.dispose()


def test_clear_examples_runs_as_the_operator(seeded_database_url, capsys):
    store = Store.open(seeded_database_url)
    try:
        examples = [o for o in store.observations() if o.example]
        assert examples  # the seeded database has some to clear
        assert main(["clear-examples", "--database-url", seeded_database_url]) == 0
        assert capsys.readouterr().out.startswith(f"{len(examples)} ")
        assert not any(o.example for o in store.observations())
    finally:
        store.dispose()
