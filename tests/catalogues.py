"""Message catalogues for tests, written as real ``.po`` files the way translators keep them."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from indicators.i18n.texts import Catalogue

Tables = Mapping[str, Mapping[str, str | tuple[str, str]]]


def write_catalogue(directory: Path, domain: str, tables: Tables) -> Catalogue:
    """A catalogue ``domain`` with one ``.po`` per language; a tuple value is a message with plural forms."""
    for language, messages in tables.items():
        catalog = Catalog(locale=language, domain=domain)
        for key, wording in messages.items():
            catalog.add((key, key) if isinstance(wording, tuple) else key, string=wording)
        path = directory / language / "LC_MESSAGES" / f"{domain}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog)
    return Catalogue(domain, directory)
