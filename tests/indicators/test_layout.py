"""The layout the README draws holds: the domain never imports the app, and no module imports
itself round a cycle (not even through an import tucked inside a function)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.imports import imported_modules

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("indicators", "geodata", "dashboard")
WEB_FRAMEWORKS = ("dash", "flask", "werkzeug", "plotly", "folium")
ALLOWED_IN_THE_DOMAIN = {"werkzeug.security"}
"""werkzeug's password hashing is a plain module (it imports hashlib, hmac, secrets; no request, no
app), so ``indicators.accounts.auth`` uses it rather than hand-written scrypt (decision 46). Importing
it does load werkzeug's package ``__init__``; the domain still calls nothing web-related, and
every other werkzeug module stays forbidden."""


def _allowed(name: str) -> bool:
    """An allowed module, or a name imported from one (``werkzeug.security.generate_password_hash``)."""
    return name in ALLOWED_IN_THE_DOMAIN or name.rpartition(".")[0] in ALLOWED_IN_THE_DOMAIN


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _imports(name: str) -> set[str]:
    """Every module ``name`` imports, at the top or inside a function."""
    path = MODULES[name]
    return imported_modules(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")


def _graph() -> dict[str, set[str]]:
    """Imports between our own modules; importing a package's module also runs the package."""
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        targets = {t for t in _imports(name) if t in MODULES and t != name}
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("package", ["indicators", "geodata"])
def test_the_domain_imports_no_web_framework_and_not_the_dashboard(package):
    offenders = {
        name: sorted(t for t in _imports(name)
                     if t.split(".")[0] in (*WEB_FRAMEWORKS, "dashboard") and not _allowed(t))
        for name in MODULES if name.split(".")[0] == package
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_indicators_never_imports_geodata():
    """geodata builds on indicators, not the other way round; the command line is the one edge that
    uses both (``import-groupwork`` checks initiative points against the areas, decision 33)."""
    offenders = {name: sorted(t for t in _imports(name) if t.split(".")[0] == "geodata")
                 for name in MODULES if name.startswith("indicators") and name != "indicators.cli"}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_no_module_imports_itself_round_a_cycle():
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_folder_in_the_domain_is_a_package():
    for package in ("indicators", "geodata"):
        for folder in (ROOT / package).rglob("*"):
            if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py")):
                assert (folder / "__init__.py").exists(), folder
