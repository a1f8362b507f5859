"""The one Jinja2 environment for the HTML documents the app writes itself.

The reports, the sign-in page and the standalone map's additions are Jinja2
templates in ``dashboard/templates/``. They used to be f-strings where every
value had to be escaped by hand (``html.escape``) and a forgotten call was an
injection; here escaping is the default and forgetting is impossible.

The rule that makes this safe:

* People's text and files' text (titles, notes, names, sources, a typed user
  name) reach a template ONLY as a template variable, which autoescape
  escapes. Nothing built from data is ever concatenated into template source
  or compiled: ``Environment.from_string`` and ``Template(...)`` are not used
  anywhere in ``dashboard/`` (``tests/dashboard/test_templates.py`` scans the
  source). Templates are loaded by name from the package folder and nowhere
  else.
* Catalogue texts (our wording, which may carry user parameters) are plain
  strings and are escaped like everything else.
* Our own pre-rendered, already-safe fragments are wrapped in
  ``markupsafe.Markup`` explicitly, in one place each, with a comment there
  saying why they are safe: the inline SVG charts and map
  (``dashboard.exports.report._svg``; ``svg.py`` escapes every label it
  writes) and the folium map document
  (``dashboard.exports.standalone_map._folium_parts``; people's text travels
  in its JSON data island, never as markup). The test forbids making ``Markup``
  anywhere else in ``dashboard/``.
* Do not use ``~`` or ``|join`` on people's text in a template: they escape
  with markupsafe before :func:`_escape_value` sees the value (safe, but in a
  different spelling). Build joined strings in Python and pass them as one
  variable.

``StrictUndefined`` makes a missing or misspelt variable an error instead of an
empty string, so a template cannot silently drop a heading.
"""

from __future__ import annotations

import html
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


def _escape_value(value: Any) -> Any:
    """Escape every printed value the way ``html.escape`` does (``&quot;``, ``&#x27;``).

    Runs before autoescape (which then leaves the ``Markup`` alone), so the
    documents keep the spelling they had before templates; values that are
    already ``Markup`` (trusted fragments) pass through.
    """
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("dashboard", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml"), default_for_string=True,
                                     default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_escape_value,
    )


ENVIRONMENT = _environment()


def render(template_name: str, **variables: Any) -> str:
    """Render one of our templates by name; every variable is data and is escaped."""
    return ENVIRONMENT.get_template(template_name).render(**variables)

