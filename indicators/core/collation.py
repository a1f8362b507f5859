"""Swedish alphabetical order without depending on the host's locale.

Python sorts by code point, which puts Ö before Å and lets capitals jump ahead;
``locale.strxfrm`` would fix that only where a Swedish locale happens to be
installed (rarely on a server or in a container). The Swedish alphabet ends
``… x y z å ä ö``, and a few letters are sorted as variants of others.
"""

from __future__ import annotations

import unicodedata

# Characters that sort after "z" in ASCII, in the order of the last three letters.
_LAST_LETTERS = {"å": "{", "ä": "|", "ö": "}"}
# Letters Swedish sorts as variants of another letter (SAOL / svensk standard).
_VARIANTS = {"æ": "ä", "ø": "ö", "ü": "y"}


def swedish_key(text: str) -> tuple[str, str]:
    """Sort key for names in Swedish order; ties broken by the exact text.

    The exact text as second element keeps the order total, so two names that
    fold alike (``Ede`` and ``Édé``) still sort the same way on every run.
    """
    folded = []
    for char in text.casefold():
        char = _VARIANTS.get(char, char)
        if char in _LAST_LETTERS:
            folded.append(_LAST_LETTERS[char])
            continue
        # Strip other accents: é sorts as e, à as a.
        base = unicodedata.normalize("NFD", char)[0]
        folded.append(base)
    return "".join(folded), text
