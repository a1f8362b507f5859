"""Help lives in the app (issue #12 item 5): a help page with the import formats, what the pages
do and how scores are computed; no page points users to repository files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.pages.help import SECTION_TITLES, help_markdown, help_page
from dashboard.pages.routing import NAV_ITEMS
from dashboard.views.public_names import HELP_PATH, HELP_SECTIONS, METHOD_PATH

ROOT = Path(__file__).resolve().parents[2]


def test_the_help_page_is_in_the_menu():
    assert HELP_PATH in [path for path, _ in NAV_ITEMS]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_section_has_text_in_both_languages_and_an_anchor(dashboard_data, language):
    page = help_page(dashboard_data, language)
    ids = [c.id for c in page.children if getattr(c, "id", None)]
    assert ids == list(HELP_SECTIONS) == list(SECTION_TITLES)
    for section in HELP_SECTIONS:
        assert help_markdown(section, language).strip()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_import_sections_list_the_required_columns(language):
    assert "`indicator_id`" in help_markdown("import-siffror", language)
    assert "`name_sv`" in help_markdown("import-katalog", language)
    groupwork = help_markdown("import-grupparbete", language)
    assert "`kind`" in groupwork and "`status`" in groupwork and "`lat`, `lon`" in groupwork
    assert "`meeting`" in help_markdown("import-forslag", language)
    assert f"]({METHOD_PATH})" in help_markdown("poang", language)


def test_no_message_points_users_to_a_repository_file():
    for po in ROOT.glob("dashboard/locales/*/LC_MESSAGES/dashboard.po"):
        msgstrs = [line for line in po.read_text(encoding="utf-8").splitlines() if not line.startswith("msgid")]
        assert not [line for line in msgstrs if "docs/" in line], po


def test_the_import_pages_link_to_their_help_section(dashboard_data):
    from dashboard.pages.importing import import_page

    links = []

    def collect(component):
        if getattr(component, "href", None):
            links.append(component.href)
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if child is not None and not isinstance(child, str):
                collect(child)

    collect(import_page(dashboard_data, "sv"))
    assert f"{HELP_PATH}#import-siffror" in links
