"""A short note with a link to a section of the help page, where a page used to name a repository file."""

from __future__ import annotations

from dash import html

from dashboard.i18n.messages import text
from dashboard.views.public_names import HELP_PATH, HELP_SECTIONS


def help_note(message: str, section: str, language: str | None = None) -> html.P:
    """``message`` (already in the reader's language) followed by a link to ``/hjalp#<section>``."""
    if section not in HELP_SECTIONS:
        raise ValueError(f"unknown help section {section!r}")
    return html.P([message, " ", html.A(text("help_link", language), href=f"{HELP_PATH}#{section}",
                                        className="help-link")], className="source")
