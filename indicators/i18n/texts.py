"""Words the app says to people: gettext catalogues read with Babel, rendered late.

Every package keeps its messages in ``<package>/locales/<lang>/LC_MESSAGES/<domain>.po``
(Swedish is the source language, English a translation; see docs/translations.md
for ``pybabel extract/update/compile``). Message ids are short keys
(``unknown_locality``) rather than Swedish sentences, so a reworded Swedish
message keeps its translation and the code holds no prose.

Importers, form checks and permission rules speak to staff and local groups in
the dashboard and in a terminal. A ``Text`` *is* its Swedish wording (a ``str``),
so logs, the Swedish CLI and code that only needs a string keep working, and
``render(language)`` gives it in any other language — a problem raised deep in
a loader reads in English in an English browser.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from string import Formatter

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from indicators.i18n.locales import DEFAULT_LANGUAGE, LANGUAGES, babel_locale

__all__ = ["CATALOGUES", "DEFAULT_LANGUAGE", "LANGUAGES", "Catalogue", "Listing", "N_", "Number", "Text", "render"]

logger = logging.getLogger(__name__)

CATALOGUES: list[Catalogue] = []
"""Every catalogue loaded, so one test can keep all of them complete."""


def N_(key: str) -> str:
    """Mark a message key chosen at run time (``kind_meeting``) so ``pybabel extract`` finds it."""
    return key


def _read(path: Path) -> tuple[dict[str, str | tuple[str, ...]], Translations]:
    """The translated messages of one ``.po`` file, and gettext's lookup (with plural rules) over them.

    The ``.po`` is compiled in memory rather than shipped as ``.mo``, so a
    catalogue can never be older than its source; untranslated and fuzzy
    entries count as missing.
    """
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=path.parts[-3])
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(forms):
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            messages[key] = message.string
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return messages, Translations(buffer, domain=catalog.domain)


class Catalogue:
    """One gettext domain in every language that has a ``.po`` file for it.

    A message missing from a translation falls back to Swedish and is logged
    once, so a new Swedish message never breaks the English UI; an unknown key
    is shown as itself by ``render`` (the dashboard relies on that for
    optional labels) but refused by ``text``, where a message is made.
    """

    def __init__(self, domain: str, directory: Path) -> None:
        self.name = domain
        self.messages: dict[str, dict[str, str | tuple[str, ...]]] = {}
        self._translations: dict[str, Translations] = {}
        for language in LANGUAGES:
            path = directory / language / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                self.messages[language], self._translations[language] = _read(path)
        if DEFAULT_LANGUAGE not in self.messages:
            raise FileNotFoundError(f"catalogue {domain!r} needs {directory}/{DEFAULT_LANGUAGE}/LC_MESSAGES/{domain}.po")
        self._reported: set[tuple[str, str]] = set()
        CATALOGUES.append(self)

    def __contains__(self, key: str) -> bool:
        return key in self.messages[DEFAULT_LANGUAGE]

    def is_plural(self, key: str) -> bool:
        return isinstance(self.messages[DEFAULT_LANGUAGE].get(key), tuple)

    def _language_for(self, key: str, language: str) -> str:
        """``language`` when it has ``key``, else Swedish (logged once per language and key)."""
        if key in self.messages.get(language, {}):
            return language
        if language != DEFAULT_LANGUAGE and key in self and (language, key) not in self._reported:
            self._reported.add((language, key))
            logger.warning("no %s translation for message %r in %s; showing Swedish", language, key, self.name)
        return DEFAULT_LANGUAGE

    def template(self, key: str, language: str = DEFAULT_LANGUAGE, count: int | None = None) -> str:
        """The wording of ``key`` (the plural form for ``count``), or the key itself when unknown."""
        if key not in self:
            return key
        translations = self._translations[self._language_for(key, language)]
        if self.is_plural(key):
            return translations.ngettext(key, key, 1 if count is None else count)
        return translations.gettext(key)

    def render(self, key: str, language: str = DEFAULT_LANGUAGE, params: Mapping[str, object] | None = None,
               count: int | None = None) -> str:
        template = self.template(key, language, count)
        if not params:
            return template
        return template.format(**{name: render(value, language) for name, value in params.items()})

    def text(self, key: str, **params: object) -> Text:
        """The message ``key`` with its parameters, ready to render in any language.

        An unknown key is a programming error and fails here, where it is made,
        not later on a user's screen.
        """
        return Text(self, key, params)

    def plural(self, key: str, count: int, **params: object) -> Text:
        """A message whose wording depends on ``count`` ("1 rad" / "3 rader"); ``{count}`` is a parameter."""
        return Text(self, key, {"count": count, **params}, count=count)

    def placeholders(self, key: str, language: str) -> set[str]:
        """The ``{names}`` a message uses in all its forms, for checking that translations agree."""
        value = self.messages[language][key]
        forms = value if isinstance(value, tuple) else (value,)
        return {name for form in forms for _, name, _, _ in Formatter().parse(form) if name}


class Text(str):
    """A message in Swedish (its ``str`` value) that can also be rendered in another language."""

    catalogue: Catalogue
    key: str
    params: Mapping[str, object]
    count: int | None

    def __new__(cls, catalogue: Catalogue, key: str, params: Mapping[str, object], count: int | None = None) -> Text:
        if key not in catalogue:
            raise KeyError(f"no message {key!r} in catalogue {catalogue.name!r}")
        if catalogue.is_plural(key) != (count is not None):
            raise TypeError(f"message {key!r} in {catalogue.name!r} is made with "
                            f"{'plural' if catalogue.is_plural(key) else 'text'}")
        self = super().__new__(cls, catalogue.render(key, DEFAULT_LANGUAGE, params, count))
        self.catalogue = catalogue
        self.key = key
        self.params = dict(params)
        self.count = count
        return self

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        if language == DEFAULT_LANGUAGE:
            return str.__str__(self)
        return self.catalogue.render(self.key, language, self.params, self.count)

    def __reduce__(self):
        return (_unpickle, (self.catalogue.name, self.key, self.params, self.count))


def _unpickle(name: str, key: str, params: Mapping[str, object], count: int | None) -> Text:
    """A text sent to a worker process, rebuilt from its catalogue there (catalogues are loaded once per process)."""
    catalogue = next(c for c in CATALOGUES if c.name == name)
    return Text(catalogue, key, params, count)


@dataclass(frozen=True)
class Number:
    """A number in a message, written the reader's way (``12,5`` in Swedish, ``12.5`` in English).

    Plain ints stay as they are (years and row numbers must not get a thousands
    separator); wrap a measured value in ``Number`` to have it formatted.
    """

    value: float

    def render(self, language: str) -> str:
        return format_decimal(self.value, format="#,##0.###", locale=babel_locale(language))

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
