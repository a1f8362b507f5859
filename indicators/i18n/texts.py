"""Words the domain says to people, kept as a message key with parameters.

Importers, form checks and permission rules speak to municipal staff and to
local groups, in the dashboard and in a terminal. Their messages are written
once per language in a catalogue (a table of templates keyed by message id,
Swedish first) and rendered in the reader's language when they are shown, so a
Problem raised deep in a loader reads in English in an English browser.

A ``Text`` *is* its Swedish wording (a ``str``), so logs, the Swedish CLI and
code that only needs a string keep working unchanged; ``render(language)``
gives any other language. The dashboard's own message table uses the same
``Catalogue``, so there is one way to look up, fall back and log.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from string import Formatter

from babel.numbers import format_decimal

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

logger = logging.getLogger(__name__)

CATALOGUES: list[Catalogue] = []
"""Every catalogue created, so one test can keep all of them complete."""


class Catalogue:
    """Message templates per language, keyed by message id.

    A key missing from a translation falls back to Swedish and is logged once,
    so a new Swedish message never breaks the English UI; an unknown key is
    shown as itself (the dashboard relies on that for optional labels).
    """

    def __init__(self, name: str, tables: Mapping[str, Mapping[str, str]]) -> None:
        if DEFAULT_LANGUAGE not in tables:
            raise ValueError(f"catalogue {name!r} needs a {DEFAULT_LANGUAGE!r} table")
        self.name = name
        self.tables = tables
        self._reported: set[tuple[str, str]] = set()
        CATALOGUES.append(self)

    def template(self, key: str, language: str = DEFAULT_LANGUAGE) -> str:
        table = self.tables.get(language, self.tables[DEFAULT_LANGUAGE])
        if key in table:
            return table[key]
        swedish = self.tables[DEFAULT_LANGUAGE]
        if language != DEFAULT_LANGUAGE and key in swedish and (language, key) not in self._reported:
            self._reported.add((language, key))
            logger.warning("no %s translation for message %r in %s; showing Swedish", language, key, self.name)
        return swedish.get(key, key)

    def render(self, key: str, language: str = DEFAULT_LANGUAGE, params: Mapping[str, object] | None = None) -> str:
        template = self.template(key, language)
        if not params:
            return template
        return template.format(**{name: render(value, language) for name, value in params.items()})

    def text(self, key: str, **params: object) -> Text:
        """The message ``key`` with its parameters, ready to render in any language.

        An unknown key is a programming error and fails here, where it is made,
        not later on a user's screen.
        """
        return Text(self, key, params)

    def placeholders(self, key: str, language: str) -> set[str]:
        """The ``{names}`` a template uses, for checking that translations agree."""
        return {name for _, name, _, _ in Formatter().parse(self.tables[language][key]) if name}


class Text(str):
    """A message in Swedish (its ``str`` value) that can also be rendered in another language."""

    catalogue: Catalogue
    key: str
    params: Mapping[str, object]

    def __new__(cls, catalogue: Catalogue, key: str, params: Mapping[str, object]) -> Text:
        if key not in catalogue.tables[DEFAULT_LANGUAGE]:
            raise KeyError(f"no message {key!r} in catalogue {catalogue.name!r}")
        self = super().__new__(cls, catalogue.render(key, DEFAULT_LANGUAGE, params))
        self.catalogue = catalogue
        self.key = key
        self.params = dict(params)
        return self

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        if language == DEFAULT_LANGUAGE:
            return str.__str__(self)
        return self.catalogue.render(self.key, language, self.params)

    def __reduce__(self):
        return (Text, (self.catalogue, self.key, self.params))


@dataclass(frozen=True)
class Number:
    """A number in a message, written the reader's way (``12,5`` in Swedish, ``12.5`` in English).

    Plain ints stay as they are (years and row numbers must not get a thousands
    separator); wrap a measured value in ``Number`` to have it formatted.
    """

    value: float

    def render(self, language: str) -> str:
        return format_decimal(self.value, format="#,##0.###", locale=_LOCALES.get(language, "sv_SE"))

    def __str__(self) -> str:
        return self.render(DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Listing:
    """Several items in a message, each rendered in the reader's language, joined by ``, ``."""

    items: Sequence[object]

    def render(self, language: str) -> str:
        return ", ".join(render(item, language) for item in self.items)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANGUAGE)


def render(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """Any message from the domain, or a parameter of one, in ``language``.

    Messages and numbers are written the reader's way; a plain string is shown as it is.
    """
    if isinstance(value, (Text, Number, Listing)):
        return value.render(language)
    return str(value)
