"""``python -m dashboard --example-data on|off`` stores the setting (audited, as the operator), then starts."""

from __future__ import annotations

import pytest

import dashboard.app
from dashboard.cli import main
from indicators.groupwork.store import GroupworkStore
from indicators.storage.app_settings import example_data_on


class _NotStarted:
    def run(self, **_options) -> None:
        """The server is not started in a test; that the app was built is enough."""


def test_example_data_off_is_stored_before_the_app_starts(monkeypatch, database_url, store, capsys):
    built = []
    monkeypatch.setattr(dashboard.app, "create_app", lambda settings: built.append(settings) or _NotStarted())
    assert example_data_on(store.engine) is True
    assert main(["--database-url", database_url, "--example-data", "off"]) == 0
    assert built and example_data_on(store.engine) is False
    assert "räknas inte" in capsys.readouterr().out
    assert "example_data=off" in str(GroupworkStore(store).audit(limit=1)[0].summary)
    main(["--database-url", database_url, "--example-data", "on"])
    assert example_data_on(store.engine) is True


def test_the_help_says_what_example_data_does(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "--example-data {on,off}" in shown and "exempelvärdena" in shown
