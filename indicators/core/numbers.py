"""Reading a number a person typed or a file holds: the one rule for decimal marks and thousands.

Swedish writes ``57,5905`` and ``1 234``; English ``57.5905`` and ``1234``. Browsers' number
fields drop a comma (``57,5905`` became ``575905``), so the app takes numbers as text and every
form, and every imported cell, reads them with ``parse_number`` here: one rule, one place.
"""

from __future__ import annotations

import re

# A plain decimal number with either decimal mark, optionally in e-notation.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# Spaces Excel and people put between thousands: space, no-break, narrow no-break.
_THOUSANDS_SPACES = str.maketrans("", "", " \u00a0\u202f")
_MINUS_SIGN = "\u2212"


def parse_number(raw: str) -> float | None:
    """A number written the Swedish or the English way; None when it is not one.

    Accepts a decimal comma or point and spaces between thousands (``1 234,5``), and the
    typographic minus sign, but not both ``,`` and ``.`` at once: ``1,234.5`` is ambiguous and
    guessing would corrupt data. A comma is always the decimal mark, never a thousands
    separator, so ``57,5905`` is 57.5905 and never 575905. A number beyond float range
    (``1e400``) comes back as infinity; callers that store it refuse it.
    """
    text = raw.strip().translate(_THOUSANDS_SPACES).replace(_MINUS_SIGN, "-")
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))
