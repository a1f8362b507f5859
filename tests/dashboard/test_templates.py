"""The app's own HTML documents are Jinja2 templates in which every variable is data.

Template syntax and markup put in every variable must come out escaped and unevaluated
(``{{ "evalu" ~ "ated" }}`` would print "evaluated" if anything compiled it), a missing
variable must be an error, and nothing in ``dashboard/`` may compile a template from a
string: only ``dashboard/server/templating.py`` builds the environment.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from dashboard.exports.report import Cell, Table
from dashboard.exports.standalone_map import make_self_contained
from dashboard.server.templating import ENVIRONMENT, render

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
HOSTILE = ('{{ 7*7 }} {{ "evalu" ~ "ated" }} {% if true %}evalu{{ "ated" }}{% endif %} {# a comment '
           '<script>alert("x")</script> \' &')
SHOWN = html.escape(HOSTILE, quote=True)


def _table() -> Table:
    return Table([HOSTILE, HOSTILE], [[Cell(HOSTILE, strong=True, detail=HOSTILE, badge=True), Cell(HOSTILE, num=True)]])


def _area() -> dict:
    return {"colour": HOSTILE, "title": HOSTILE, "table": _table(), "source": HOSTILE, "empty": HOSTILE}


def _report_variables() -> dict:
    block = {"heading": HOSTILE, "table": _table(), "source": HOSTILE, "empty": HOSTILE}
    return {
        "lang": HOSTILE, "title": HOSTILE, "exported": HOSTILE, "no_data": HOSTILE, "example": True,
        "map": {"heading": HOSTILE, "svg": HOSTILE, "source": HOSTILE},
        "badge": {"label": HOSTILE, "note": HOSTILE}, "sources_heading": HOSTILE, "sources": [HOSTILE],
        "group": {"heading": HOSTILE, "name": HOSTILE, "note": HOSTILE, "empty": HOSTILE},
        "population": {"heading": HOSTILE, "chart": HOSTILE, "table": _table(), "empty": HOSTILE},
        "indicators": {"heading": HOSTILE, "areas": [_area(), {**_area(), "table": None}]},
        "scores": {"heading": HOSTILE, "chart": HOSTILE, "table": _table(), "example": True, "note": HOSTILE,
                   "source": HOSTILE, "empty": HOSTILE},
        "activity": {"heading": HOSTILE, "period": HOSTILE, "tables": [_table()], "table": _table(),
                     "source": HOSTILE, "empty": HOSTILE},
        "initiatives": block,
    }


LOGIN = {name: HOSTILE for name in ("lang", "title", "app_title", "error", "csrf_field", "csrf_token", "username",
                                    "username_label", "password_label", "submit", "back")}


def _assert_shown_as_data(document: str, at_least: int) -> None:
    assert "evaluated" not in document and "49" not in document
    assert "<script>" not in document and HOSTILE not in document
    assert document.count(SHOWN) >= at_least


@pytest.mark.parametrize("template", ["report_locality.html", "report_municipality.html"])
def test_report_templates_show_template_syntax_and_markup_escaped_in_every_variable(template):
    document = render(template, **_report_variables())
    _assert_shown_as_data(document, at_least=20)
    # Even the slots for our SVG escape a plain string: only Markup made in report.py passes as markup.
    assert f"</h2>{SHOWN}<p" in document


def test_the_sign_in_template_shows_template_syntax_and_markup_escaped_in_every_variable():
    page = render("login.html", **LOGIN)
    _assert_shown_as_data(page, at_least=len(LOGIN) - 1)  # the title is shown twice, the rest once
    assert f'value="{SHOWN}"' in page and 'role="alert"' in page


def test_the_standalone_map_shows_a_hostile_title_and_caption_escaped():
    folium = "<!DOCTYPE html>\n<html>\n<head>\n</head><body><div id='m'></div></body></html>"
    document = make_self_contained(folium, title=HOSTILE, caption=HOSTILE)
    _assert_shown_as_data(document, at_least=2)
    assert f"<title>{SHOWN}</title>" in document and "<div id='m'></div><div class=\"export-caption\"" in document


def test_every_template_escapes_like_html_escape():
    assert ENVIRONMENT.from_string("{{ v }}").render(v="\"'<&") == html.escape("\"'<&", quote=True)
    assert ENVIRONMENT.from_string("{{ v }}").render(v=Markup("<b>ours</b>")) == "<b>ours</b>"


@pytest.mark.parametrize("template", ["report_locality.html", "report_municipality.html", "login.html",
                                      "standalone_map.html"])
def test_every_template_is_autoescaped(template):
    assert ENVIRONMENT.autoescape(template) if callable(ENVIRONMENT.autoescape) else ENVIRONMENT.autoescape


def test_a_missing_variable_is_an_error_not_an_empty_string():
    variables = _report_variables()
    del variables["group"]
    with pytest.raises(jinja2.UndefinedError):
        render("report_locality.html", **variables)
    login = dict(LOGIN)
    del login["username"]
    with pytest.raises(jinja2.UndefinedError):
        render("login.html", **login)


def _code_lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.lstrip().startswith("#")]


COMPILING = re.compile(r"\bfrom_string\(|\bTemplate\(|\bEnvironment\(")


def test_nothing_in_the_dashboard_compiles_a_template_from_a_string():
    offenders = [f"{path.relative_to(DASHBOARD)}:{n}: {line.strip()}"
                 for path in sorted(DASHBOARD.rglob("*.py")) if path.name != "templating.py"
                 for n, line in _code_lines(path) if COMPILING.search(line)]
    assert offenders == []


def test_the_scan_would_find_a_template_compiled_from_a_string(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('page = ENVIRONMENT.from_string("<h1>" + title + "</h1>").render()\n'
                       "other = jinja2.Template(text)\n", encoding="utf-8")
    assert [n for n, line in _code_lines(planted) if COMPILING.search(line)] == [1, 2]


def test_markup_is_made_only_in_the_one_place_per_trusted_fragment():
    made = {str(path.relative_to(DASHBOARD)): sum(1 for _, line in _code_lines(path) if "Markup(" in line)
            for path in DASHBOARD.rglob("*.py")}
    assert {name: count for name, count in made.items() if count} == {
        "server/templating.py": 1,  # html.escape's output, in _escape_value
        "exports/report.py": 1,  # the inline SVG, in _svg
        "exports/standalone_map.py": 1,  # the folium document, in _folium_parts
    }
