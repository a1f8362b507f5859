"""Finding which locality a value in a user's file means.

People type names as they please: "Södra Vi", "SÖDRA VI ", "Sodra Vi" from a
keyboard without å/ä/ö, or the slug "sodra-vi". Values are first compared
ignoring case and spacing; only if that finds nothing are diacritics and
punctuation folded away too, so a folded match never overrides an exact one.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from indicators.core.model import Locality

KEY_FIELDS = ("id", "locality_id", "ort_id", "name", "namn", "ort", "tatort")
"""Fields that can name a locality, in the order they are consulted (compared folded)."""


def exact_key(text: str) -> str:
    """Case and runs of whitespace ignored."""
    return " ".join(text.casefold().split())


def folded_key(text: str) -> str:
    """Also without diacritics and punctuation: "Södra-Vi" and "sodra vi" agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in letters).split())


def key_fields(columns: Iterable[str]) -> list[str]:
    """The file's own names of the fields that can name a locality, in KEY_FIELDS order."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for column in columns:
        by_key[folded_key(str(column)).replace(" ", "_")].append(str(column))
    return [column for key in KEY_FIELDS for column in by_key.get(key, [])]


def cell_text(value: object) -> str | None:
    """A field value as text, or None when the cell is empty.

    Whole numbers stored as floats (a Shapefile's numeric id) read as "7", not "7.0".
    """
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    return text or None


class LocalityIndex:
    """Looks up localities by id or name, exact comparison first, folded second."""

    def __init__(self, localities: Sequence[Locality]) -> None:
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._folded: dict[str, set[str]] = defaultdict(set)
        for locality in localities:
            for text in (locality.id, locality.name):
                self._exact[exact_key(text)].add(locality.id)
                self._folded[folded_key(text)].add(locality.id)

    def lookup(self, text: str) -> set[str]:
        """Ids of the localities ``text`` can mean: none, one, or (ambiguous) several."""
        exact = self._exact.get(exact_key(text))
        if exact:
            return set(exact)
        key = folded_key(text)
        return set(self._folded.get(key, ())) if key else set()
