"""The help page: what the pages do, how scores are computed and the file formats for imports.

Help for users lives in the app, not in repository files (issue #12 item 5). The text is
our own Markdown, shipped as package data in ``dashboard/help/<language>/<section>.md``
and drawn with ``dcc.Markdown``, which is safe for text we wrote (no user text goes in).
Each section has a stable anchor (``HELP_SECTIONS`` in ``public_names``), so other pages
link straight to the format they need: ``/hjalp#import-grupparbete``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from dash import dcc, html

from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.views.public_names import HELP_SECTIONS
from indicators.i18n.texts import N_

SECTION_TITLES = {
    "sidor": N_("help_pages"),
    "poang": N_("help_scores"),
    "import-siffror": N_("help_import_observations"),
    "import-katalog": N_("help_import_catalogue"),
    "import-grupparbete": N_("help_import_groupwork"),
    "import-forslag": N_("help_import_ideas"),
}


@cache
def help_markdown(section: str, language: str) -> str:
    """The section's Markdown in ``language`` (Swedish when there is no translation)."""
    folder = files("dashboard.help")
    for lang in (language, "sv"):
        document = folder / lang / f"{section}.md"
        if document.is_file():
            return document.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no help text for section {section!r}")


def help_page(_data: DashboardData, language: str | None = None) -> html.Div:
    language = language or current_language()
    contents = html.Nav(html.Ul([html.Li(html.A(text(SECTION_TITLES[s], language), href=f"#{s}"))
                                 for s in HELP_SECTIONS]), className="help-contents",
                        **{"aria-label": text("help_contents", language)})
    sections = [html.Section([html.H3(text(SECTION_TITLES[s], language)),
                              dcc.Markdown(help_markdown(s, language), className="help-text")],
                             id=s, className="help-section")
                for s in HELP_SECTIONS]
    return html.Div([html.H2(text("help_title", language)), contents, *sections],
                    className="help-page narrow-page")
