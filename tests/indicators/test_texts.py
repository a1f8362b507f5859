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
from babel.messages.extract import extract_from_dir

import dashboard
import geodata
import indicators
from indicators.core.errors import FORM, InputError, Problem
from indicators.i18n.locales import LANGUAGES
from indicators.i18n.messages import tn
from indicators.i18n.texts import CATALOGUES, Catalogue, Listing, Number, render
from tests.catalogues import write_catalogue

ROOT = Path(__file__).resolve().parents[2]
DOMAINS = {"indicators": "indicators", "geodata": "geodata", "dashboard": "dashboard"}
"""Package → its gettext domain."""
EXTRACT_KEYWORDS = {
    "indicators": {"t": None, "tn": (1, 1), "N_": None},
    "geodata": {"t": None, "tn": (1, 1), "N_": None},
    "dashboard": {"text": None, "plural": (1, 1), "message": None, "N_": None},
}
"""The accessors ``pybabel extract`` looks for in each package, as in scripts/messages.sh."""
DOMAIN_PACKAGES = ("indicators", "geodata", "dashboard")
"""Every package: the dashboard keeps its words in catalogues too."""
SWEDISH = re.compile(r"[åäöÅÄÖ”]|\b(och|ska|inte|saknas|vara|eller|finns|kan|har|ett|som|till|med|av|okänd|okänt|rad|fält)\b")
WORD = re.compile(r"[^\\W\\d_]+")


def without_placeholders(template: str) -> str:
    """A message without its ``{placeholders}`` (their names are code, not words)."""
    return re.sub(r"\\{[^{}]*\\}", " ", template)


NOT_USER_FACING = {"cli.py", "export_cli.py", "__main__.py", "schema.py", "env.py"}
"""Command-line help is Swedish by decision (docs/decisions.md); schema and migration texts are for developers."""
DATA_DEFINITIONS = {"slus.py", "units.py"}
"""Official Swedish names kept as data with their English name beside them (checked below)."""


_TABLES = {
    "sv": {"unknown": "okänd ort ”{locality}”", "value": "värdet {value}", "plain": "saknas",
           "only_sv": "bara svenska", "nested": "{inner} i {where}",
           "rows": ("{count} rad hoppades över", "{count} rader hoppades över")},
    "en": {"unknown": "unknown locality “{locality}”", "value": "the value {value}", "plain": "missing",
           "nested": "{inner} in {where}", "rows": ("{count} row was skipped", "{count} rows were skipped")},
}


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("locales")


def _catalogue(directory: Path) -> Catalogue:
    return write_catalogue(directory, "test", _TABLES)


def test_a_text_is_its_swedish_wording_and_renders_in_english(catalogue_dir):
    message = _catalogue(catalogue_dir).text("unknown", locality="Tuna")
    assert message == "okänd ort ”Tuna”" and isinstance(message, str)
    assert "okänd ort" in message
    assert message.render("en") == "unknown locality “Tuna”"
    assert render(message, "en") == "unknown locality “Tuna”"
    assert render("plain words", "en") == "plain words"


def test_parameters_render_in_the_same_language(catalogue_dir):
    catalogue = _catalogue(catalogue_dir)
    nested = catalogue.text("nested", inner=catalogue.text("plain"), where=Listing(["Tuna", catalogue.text("plain")]))
    assert nested == "saknas i Tuna, saknas"
    assert nested.render("en") == "missing in Tuna, missing"
    assert catalogue.text("value", value=Number(1234.5)) == "värdet 1\u00a0234,5"
    assert catalogue.text("value", value=Number(1234.5)).render("en") == "the value 1,234.5"
    assert catalogue.text("value", value=2024) == "värdet 2024"


def test_a_missing_translation_falls_back_to_swedish_and_is_logged(caplog, catalogue_dir):
    with caplog.at_level(logging.WARNING):
        assert _catalogue(catalogue_dir).text("only_sv").render("en") == "bara svenska"
    assert "only_sv" in caplog.text


def test_an_unknown_key_fails_where_the_message_is_made(catalogue_dir):
    with pytest.raises(KeyError, match="nope"):
        _catalogue(catalogue_dir).text("nope")


def test_a_problem_and_a_report_render_in_the_reader_language(catalogue_dir):
    message = _catalogue(catalogue_dir).text("plain")
    problem = Problem("data.csv", message, row=4, field="value", sheet="Data")
    assert str(problem) == "data.csv, blad ”Data”, rad 4, fält ”value”: saknas"
    assert problem.render("en") == "data.csv, sheet “Data”, row 4, field “value”: missing"
    form = Problem(FORM, message, field="title")
    assert form.render("en") == "the form, field “title”: missing"
    error = InputError([problem, form])
    assert str(error).startswith("2 fel hittades; inget har sparats:")
    assert error.report("en").startswith("2 problems found; nothing has been saved:\n  data.csv, sheet")


def test_a_plural_message_takes_the_form_its_count_asks_for_in_each_language(catalogue_dir):
    catalogue = _catalogue(catalogue_dir)
    assert catalogue.plural("rows", 1) == "1 rad hoppades över"
    assert catalogue.plural("rows", 3) == "3 rader hoppades över"
    assert catalogue.plural("rows", 1).render("en") == "1 row was skipped"
    assert catalogue.plural("rows", 0).render("en") == "0 rows were skipped"
    with pytest.raises(TypeError):
        catalogue.text("rows")
    with pytest.raises(TypeError):
        catalogue.plural("plain", 2)


def test_the_domain_counts_problems_with_real_plurals():
    one = InputError([Problem("a.csv", "x", row=2)])
    two = InputError([Problem("a.csv", "x", row=2), Problem("a.csv", "y", row=3)])
    assert one.report("en").startswith("1 problem found;") and two.report("en").startswith("2 problems found;")


def test_texts_survive_pickling_for_worker_processes():
    message = pickle.loads(pickle.dumps(FORM))
    assert message == "formuläret" and message.render("en") == "the form"
    counted = pickle.loads(pickle.dumps(tn("problems_found", 4)))
    assert counted.render("en") == "4 problems found; nothing has been saved:"


def _import_everything() -> None:
    for package in (indicators, geodata, dashboard):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if module.name.endswith("__main__") or ".migrations" in module.name:
                continue
            importlib.import_module(module.name)


def _real_catalogues() -> list[Catalogue]:
    _import_everything()
    return [c for c in CATALOGUES if c.name in DOMAINS]


def test_every_package_has_one_gettext_domain_in_every_language():
    for package, domain in DOMAINS.items():
        for language in LANGUAGES:
            assert (ROOT / package / "locales" / language / "LC_MESSAGES" / f"{domain}.po").is_file(), (package, language)
    assert {c.name for c in _real_catalogues()} == set(DOMAINS)


def test_every_catalogue_has_every_message_in_english_with_the_same_placeholders():
    for catalogue in _real_catalogues():
        swedish, english = catalogue.messages["sv"], catalogue.messages["en"]
        assert set(swedish) == set(english), (catalogue.name, set(swedish) ^ set(english))
        for key in swedish:
            assert catalogue.placeholders(key, "sv") == catalogue.placeholders(key, "en"), (catalogue.name, key)
            assert isinstance(swedish[key], tuple) == isinstance(english[key], tuple), (catalogue.name, key)


def _extracted_keys(package: str) -> dict[str, str]:
    """What ``pybabel extract`` finds in a package with the project's keywords (scripts/messages.sh): key → place."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=EXTRACT_KEYWORDS[package], comment_tags=()):
        key = message[0] if isinstance(message, tuple) else message
        found.setdefault(key, f"{package}/{filename}:{lineno}")
    return found


@pytest.mark.parametrize("package", DOMAINS)
def test_extraction_finds_exactly_the_catalogue_so_pybabel_update_loses_nothing(package):
    """Every key the code uses is in its package's catalogue, and every entry is used (a key built at
    run time is marked with ``N_`` where it is chosen), so ``pybabel update`` neither adds nor obsoletes."""
    catalogue = next(c for c in _real_catalogues() if c.name == DOMAINS[package])
    extracted = _extracted_keys(package)
    missing = {key: place for key, place in extracted.items() if key not in catalogue}
    unused = set(catalogue.messages["sv"]) - set(extracted)
    assert not missing, f"keys used in {package} but not in {catalogue.name}.po: {missing}"
    assert not unused, f"entries in {catalogue.name}.po that no code names: {sorted(unused)}"


def _domain_files() -> list[Path]:
    return sorted(p for package in DOMAIN_PACKAGES for p in (ROOT / package).rglob("*.py")
                  if p.name not in NOT_USER_FACING | DATA_DEFINITIONS and "migrations" not in p.parts)


def _named_constants(tree: ast.AST) -> set[int]:
    """Line spans of module constants (``SWEDEN_ID = "riket"``, ``_ALIASES``, ``METHOD_SV``).

    Capitalised module-level names hold formats and ids: public paths, column
    names and spellings a file may use, the method page's Markdown. They are
    data with a docstring saying so, not messages.
    """
    inside: set[int] = set()
    for node in getattr(tree, "body", []):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id.lstrip("_").isupper():
                inside.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return inside


def _is_code(value: str) -> bool:
    """A key, file name, path or HTTP word rather than words: ``basis_tätort``, ``standalone_map.html``, ``POST``."""
    return value.isupper() or (" " not in value and any(mark in value for mark in "_./:"))


def _swedish_vocabulary() -> set[str]:
    """Words of the Swedish catalogues that no English message uses: "karta", "saknas", "orter"."""
    def words(catalogue: Catalogue, language: str) -> set[str]:
        found = set()
        for value in catalogue.messages[language].values():
            for form in value if isinstance(value, tuple) else (value,):
                found.update(w.lower() for w in WORD.findall(without_placeholders(form)))
        return found
    swedish, english = set(), set()
    for catalogue in _real_catalogues():
        swedish |= words(catalogue, "sv")
        english |= words(catalogue, "en")
    return {w for w in swedish - english if len(w) >= 3}


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
    """A message is a catalogue entry; Swedish words typed in code would not translate, even one word alone."""
    vocabulary = _swedish_vocabulary()
    offenders = []
    for path in _domain_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables, docs, logs = _named_constants(tree), _docstrings(tree), _logging_args(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and not _is_code(node.value)
                    and (SWEDISH.search(node.value) or vocabulary & {w.lower() for w in WORD.findall(node.value)})
                    and node.lineno not in tables and id(node) not in docs and id(node) not in logs):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert not offenders, "Swedish text outside a catalogue:\n" + "\n".join(offenders)


def test_every_development_area_has_an_english_official_name():
    from indicators.core.slus import DEVELOPMENT_AREAS

    assert all(area.official_name_en and area.official_name_en != area.official_name for area in DEVELOPMENT_AREAS)
