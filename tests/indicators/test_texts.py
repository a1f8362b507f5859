"""Domain messages are catalogue entries, complete in Swedish and English.

The checks read the source (like gettext's extraction step) so a message typed
as a plain Swedish f-string, or a key missing from a catalogue, fails here
rather than showing up untranslated on an English user's screen.
"""

from __future__ import annotations

import ast
import importlib
import logging
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import dashboard
import geodata
import indicators
from indicators.core.errors import FORM, InputError, Problem
from indicators.i18n.texts import CATALOGUES, Catalogue, Listing, Number, render

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_PACKAGES = ("indicators", "geodata", "dashboard")
"""Every package: the dashboard keeps its words in catalogues too."""
SWEDISH = re.compile(r"[åäöÅÄÖ”]|\b(och|ska|inte|saknas|vara|eller|finns|kan|har|ett|som|till|med|av|okänd|okänt|rad|fält)\b")
NOT_USER_FACING = {"cli.py", "export_cli.py", "__main__.py", "schema.py", "env.py"}
"""Command-line help is Swedish by decision (docs/decisions.md); schema and migration texts are for developers."""
DATA_DEFINITIONS = {"slus.py", "units.py"}
"""Official Swedish names kept as data with their English name beside them (checked below)."""


def _catalogue() -> Catalogue:
    return Catalogue("test", {
        "sv": {"unknown": "okänd ort ”{locality}”", "value": "värdet {value}", "plain": "saknas",
               "only_sv": "bara svenska", "nested": "{inner} i {where}"},
        "en": {"unknown": "unknown locality “{locality}”", "value": "the value {value}", "plain": "missing",
               "nested": "{inner} in {where}"},
    })


def test_a_text_is_its_swedish_wording_and_renders_in_english():
    message = _catalogue().text("unknown", locality="Tuna")
    assert message == "okänd ort ”Tuna”" and isinstance(message, str)
    assert "okänd ort" in message
    assert message.render("en") == "unknown locality “Tuna”"
    assert render(message, "en") == "unknown locality “Tuna”"
    assert render("plain words", "en") == "plain words"


def test_parameters_render_in_the_same_language():
    catalogue = _catalogue()
    nested = catalogue.text("nested", inner=catalogue.text("plain"), where=Listing(["Tuna", catalogue.text("plain")]))
    assert nested == "saknas i Tuna, saknas"
    assert nested.render("en") == "missing in Tuna, missing"
    assert catalogue.text("value", value=Number(1234.5)) == "värdet 1\u00a0234,5"
    assert catalogue.text("value", value=Number(1234.5)).render("en") == "the value 1,234.5"
    assert catalogue.text("value", value=2024) == "värdet 2024"


def test_a_missing_translation_falls_back_to_swedish_and_is_logged(caplog):
    with caplog.at_level(logging.WARNING):
        assert _catalogue().text("only_sv").render("en") == "bara svenska"
    assert "only_sv" in caplog.text


def test_an_unknown_key_fails_where_the_message_is_made():
    with pytest.raises(KeyError, match="nope"):
        _catalogue().text("nope")


def test_a_problem_and_a_report_render_in_the_reader_language():
    message = _catalogue().text("plain")
    problem = Problem("data.csv", message, row=4, field="value", sheet="Data")
    assert str(problem) == "data.csv, blad ”Data”, rad 4, fält ”value”: saknas"
    assert problem.render("en") == "data.csv, sheet “Data”, row 4, field “value”: missing"
    form = Problem(FORM, message, field="title")
    assert form.render("en") == "the form, field “title”: missing"
    error = InputError([problem, form])
    assert str(error).startswith("2 fel hittades; inget har sparats:")
    assert error.report("en").startswith("2 problems found; nothing has been saved:\n  data.csv, sheet")


def test_texts_survive_pickling_for_worker_processes():
    message = pickle.loads(pickle.dumps(FORM))
    assert message == "formuläret" and message.render("en") == "the form"


def _import_everything() -> None:
    for package in (indicators, geodata, dashboard):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if module.name.endswith("__main__") or ".migrations" in module.name:
                continue
            importlib.import_module(module.name)


def test_every_catalogue_has_every_message_in_english_with_the_same_placeholders():
    _import_everything()
    real = [c for c in CATALOGUES if c.name != "test"]
    assert len(real) >= 2
    for catalogue in real:
        swedish, english = catalogue.tables["sv"], catalogue.tables["en"]
        assert set(swedish) == set(english), (catalogue.name, set(swedish) ^ set(english))
        for key in swedish:
            assert catalogue.placeholders(key, "sv") == catalogue.placeholders(key, "en"), (catalogue.name, key)


def _domain_files() -> list[Path]:
    return sorted(p for package in DOMAIN_PACKAGES for p in (ROOT / package).rglob("*.py")
                  if p.name not in NOT_USER_FACING | DATA_DEFINITIONS and "migrations" not in p.parts)


def _catalogue_calls(tree: ast.AST) -> set[int]:
    """Line spans inside ``Catalogue(...)`` calls: the tables themselves."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Catalogue":
            inside.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id in {"SV", "EN", "_SV", "_EN", "METHOD_SV", "METHOD_EN"}:
                inside.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return inside


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            # a string statement anywhere in a body is documentation, never shown
            ids.update(id(s.value) for s in body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    return ids


def _logging_args(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"debug", "info", "warning", "error", "exception"}):
            ids.update(id(n) for arg in node.args for n in ast.walk(arg))
    return ids


def test_no_swedish_prose_outside_the_catalogues():
    """A message is a catalogue entry; Swedish words typed in code would not translate."""
    offenders = []
    for path in _domain_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables, docs, logs = _catalogue_calls(tree), _docstrings(tree), _logging_args(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
                    and SWEDISH.search(node.value) and node.lineno not in tables
                    and id(node) not in docs and id(node) not in logs):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert not offenders, "Swedish text outside a catalogue:\n" + "\n".join(offenders)


def test_every_message_key_used_in_the_domain_exists():
    missing = []
    for path in _domain_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        sources = {alias.asname or alias.name: node.module for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) for alias in node.names if alias.name == "t"}
        if "t" not in sources:
            continue
        catalogue = importlib.import_module(sources["t"]).CATALOGUE
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t":
                key = node.args[0] if node.args else None
                # a computed key (t(h) over a list of literal keys) is checked where it is made, at run time
                if isinstance(key, ast.Constant) and key.value not in catalogue.tables["sv"]:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {key.value}")
    assert not missing, "t() with a key its catalogue lacks:\n" + "\n".join(missing)



def test_every_development_area_has_an_english_official_name():
    from indicators.core.slus import DEVELOPMENT_AREAS

    assert all(area.official_name_en and area.official_name_en != area.official_name for area in DEVELOPMENT_AREAS)
