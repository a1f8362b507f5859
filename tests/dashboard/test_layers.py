"""The dashboard's layers hold: only pages know about pages, and views know nothing of callbacks.

``dashboard/pages/`` wires layouts and callbacks; what a view shows is computed in
``dashboard/views/``. If an export, the presentation's helpers or the CLI imported a page module,
the callbacks modules would again become a hidden view-model layer; if a view imported Dash's
callback machinery, it could no longer be called as a plain function.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.imports import imported_modules

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "dashboard" / "pages"
VIEWS = ROOT / "dashboard" / "views"
MAY_IMPORT_PAGES = {ROOT / "dashboard" / "app.py"}
"""The app assembles the pages, so it alone (besides the pages themselves) imports them."""

CALLBACK_MACHINERY = {"callback", "clientside_callback", "ctx", "callback_context", "Input", "Output", "State",
                      "ALL", "MATCH", "ALLSMALLER", "Dash", "DashProxy"}
"""Names from ``dash`` (or ``dash.dependencies``) that only make sense while wiring or running a callback."""


def _imports_pages(source: str, module: str) -> bool:
    return any(name == "dashboard.pages" or name.startswith("dashboard.pages.")
               for name in imported_modules(source, module))


def _callback_machinery(source: str) -> set[str]:
    """The callback names a source takes from Dash: ``from dash import ctx`` or ``dash.ctx``."""
    used: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in ("dash", "dash.dependencies", "dash._callback",
                                                                "dash._callback_context"):
            used.update(alias.name for alias in node.names if alias.name in CALLBACK_MACHINERY)
        elif isinstance(node, ast.Import):
            used.update(alias.name for alias in node.names
                        if alias.name in ("dash.dependencies", "dash._callback", "dash._callback_context"))
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "dash"
              and node.attr in CALLBACK_MACHINERY):
            used.add(node.attr)
    return used


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _outside_pages() -> list[Path]:
    sources = [*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
    return sorted(p for p in sources if PAGES not in p.parents and p not in MAY_IMPORT_PAGES)


def test_no_module_outside_the_pages_imports_a_page():
    offenders = [str(p.relative_to(ROOT)) for p in _outside_pages()
                 if _imports_pages(p.read_text(encoding="utf-8"), _module(p))]
    assert offenders == [], f"import from dashboard.views (or components) instead of dashboard.pages: {offenders}"


def test_views_do_not_use_the_callback_machinery():
    offenders = {str(p.relative_to(ROOT)): sorted(used) for p in sorted(VIEWS.rglob("*.py"))
                 if (used := _callback_machinery(p.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_exports_and_the_cli_draw_from_the_views():
    """The map export, the chart export and the presentation read the same functions the pages do."""
    for path, wanted in ((ROOT / "dashboard/exports/standalone_map.py", "dashboard.views.map"),
                         (ROOT / "dashboard/exports/cli.py", "dashboard.views.compare"),
                         (ROOT / "dashboard/exports/cli.py", "dashboard.views.map"),
                         (ROOT / "dashboard/views/presentation.py", "dashboard.views.map"),
                         (ROOT / "dashboard/pages/presentation_callbacks.py", "dashboard.views.presentation"),
                         (ROOT / "dashboard/pages/compare_callbacks.py", "dashboard.views.compare")):
        assert wanted in imported_modules(path.read_text(encoding="utf-8"), _module(path)), (path, wanted)


def _public_definitions(source: str) -> set[str]:
    """Top-level functions and classes a module offers to others (no leading underscore)."""
    return {node.name for node in ast.parse(source).body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_")}


def test_callbacks_modules_only_register_callbacks():
    """A page's ``*_callbacks`` module offers ``register_*`` and nothing else: what a callback
    returns is computed in a view, where tests, exports and the CLI can call it without a page."""
    modules = sorted(PAGES.glob("*_callbacks.py"))
    assert modules, "the pages have callbacks modules"
    offenders = {str(p.relative_to(ROOT)): sorted(extra) for p in modules
                 if (extra := {name for name in _public_definitions(p.read_text(encoding="utf-8"))
                               if not name.startswith("register_")})}
    assert offenders == {}, f"move these to dashboard/views (or components): {offenders}"


def test_the_checks_catch_a_page_import_and_callback_machinery():
    """The scanners themselves can fail: a relative or absolute page import, a ``dash.ctx``."""
    assert _imports_pages("from dashboard.pages.map_callbacks import map_document", "dashboard.exports.x")
    assert _imports_pages("def f():\n    from ..pages import map_callbacks", "dashboard.exports.x")
    assert _imports_pages("import dashboard.pages.compare_callbacks", "dashboard.exports.x")
    assert not _imports_pages("from dashboard.views.map import map_document", "dashboard.exports.x")
    assert _callback_machinery("from dash import Input, Output, html") == {"Input", "Output"}
    assert _callback_machinery("import dash\nx = dash.ctx.triggered_id") == {"ctx"}
    assert _callback_machinery("from dash.dependencies import State") == {"State"}
    assert _callback_machinery("from dash import NoUpdate, dcc, html, no_update") == set()
    assert _public_definitions("def register_x(app): ...\ndef _helper(): ...\nclass Content: ...") == {
        "register_x", "Content"}
