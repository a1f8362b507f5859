"""``python -m dashboard`` and the installed ``allas-vimmerby`` script accept the same commands,
because both are ``dashboard.cli.main``: the development server, ``serve`` and ``export``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main

SCRIPT = Path(sys.executable).with_name("allas-vimmerby")


def _help(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def test_main_dispatches_export_serve_and_the_development_server(capsys):
    export = _help(["export", "--help"], capsys)
    assert "{map,report,chart}" in export
    serve = _help(["serve", "--help"], capsys)
    assert "--workers" in serve and "{map,report,chart}" not in serve
    development = _help(["--help"], capsys)
    assert "--debug" in development and "--workers" not in development


def test_main_exports_a_map(tmp_path, database_url, store):
    out = tmp_path / "karta.html"
    assert main(["export", "--database-url", database_url, "map", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_python_m_dashboard_only_calls_the_shared_main():
    """Nothing is dispatched in ``__main__`` itself, so the script cannot fall behind it again."""
    source = (Path(__file__).resolve().parents[2] / "dashboard" / "__main__.py").read_text(encoding="utf-8")
    code = [line for line in source.splitlines() if line and not line.startswith(("#", '"', " ", "``"))]
    assert code == ["from dashboard.cli import main", "raise SystemExit(main())"]


def test_the_installed_script_exports_a_map(tmp_path, database_url, store):
    """The console script ``pip install -e .`` made (pyproject's ``allas-vimmerby = dashboard.cli:main``)."""
    assert SCRIPT.is_file(), f"{SCRIPT} is missing: install the project with pip install -e ."
    out = tmp_path / "OUT.html"
    done = subprocess.run([str(SCRIPT), "export", "--database-url", database_url, "map", str(out)],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    module = subprocess.run([sys.executable, "-m", "dashboard", "export", "--help"],
                            capture_output=True, text=True, check=False)
    script = subprocess.run([str(SCRIPT), "export", "--help"], capture_output=True, text=True, check=False)
    assert module.returncode == script.returncode == 0
    assert module.stdout == script.stdout
