"""The languages the app speaks: the one table of language code → Babel locale.

Adding a language is a line here and a ``<code>/LC_MESSAGES/<domain>.po`` file
in each package's ``locales`` folder (``pybabel init``); a language without a
message falls back to Swedish, so a partial translation never breaks a page.
"""

from __future__ import annotations

LOCALES: dict[str, str] = {"sv": "sv_SE", "en": "en_GB"}
"""UI language code (cookie, ``--language``, folder name) → locale for numbers and dates."""

DEFAULT_LANGUAGE = "sv"
LANGUAGES: tuple[str, ...] = tuple(LOCALES)


def babel_locale(language: str | None) -> str:
    """The locale to format numbers and dates in for ``language`` (Swedish when unknown)."""
    return LOCALES.get(language or DEFAULT_LANGUAGE, LOCALES[DEFAULT_LANGUAGE])
