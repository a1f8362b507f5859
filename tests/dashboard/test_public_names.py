"""The public Swedish names (paths, query keys) are written once, in dashboard/views/public_names.py."""

from __future__ import annotations

import ast
from pathlib import Path

from dashboard.views import public_names

DASHBOARD = Path(public_names.__file__).resolve().parents[1]
PUBLIC_LITERALS = {
    value for name, value in vars(public_names).items()
    if name.isupper() and isinstance(value, str) and value not in ("/", public_names.KEY_PERIOD)
}
"""Every name the module defines, except the root path "/" and the English word "period": too common as
strings to mean the public name."""


def _offending_literals(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if value in PUBLIC_LITERALS or value.startswith(public_names.AREA_LAYER_PREFIX) or any(
                    value.startswith(name + "?") for name in PUBLIC_LITERALS if name.startswith("/")):
                found.append((node.lineno, value))
    return sorted(found)


def test_the_scan_catches_a_public_name_written_as_a_literal():
    assert _offending_literals('href = "/jamfor"\nparams.get("ort")\nlink = f"/grupper?ort={x}"\n'
                                'layer = f"omrade-{area}"\n') == [
        (1, "/jamfor"), (2, "ort"), (3, "/grupper?ort="), (4, "omrade-")]
    assert _offending_literals('x = "sorted"\n"""Docstring on /jamfor and ort."""\n') == []


def test_no_dashboard_module_but_public_names_writes_a_public_path_or_query_key():
    offenders = {
        str(path.relative_to(DASHBOARD.parent)): found
        for path in sorted(DASHBOARD.rglob("*.py"))
        if path.name != "public_names.py" and (found := _offending_literals(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, f"import these from dashboard.views.public_names: {offenders}"
