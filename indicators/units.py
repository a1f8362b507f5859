"""The units an indicator may be measured in, and the values each unit allows.

A closed vocabulary, because the unit is what lets an import tell a typo from
a figure: a share of 130 %, a mean age of 300 years or 12.5 associations are
caught here, before they reach a map. Adding a unit is a code change on
purpose: its range has to be thought about once, not per file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A unit with the closed range of values it allows (None is unbounded)."""

    symbol: str
    """As written in the catalogue and shown after a number in the app."""
    description_sv: str
    minimum: float | None
    maximum: float | None
    whole: bool = False
    """Counts: a fraction is a sign of a decimal comma read as a thousands separator."""
    countable: bool = False
    """May be shown per 1,000 inhabitants (``per_1000`` in the catalogue)."""

    def range_sv(self) -> str:
        """The allowed range in words, for messages and documentation."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            text = f"{_number(low)}–{_number(high)}"
        elif low is not None:
            text = f"minst {_number(low)}"
        elif high is not None:
            text = f"högst {_number(high)}"
        else:
            text = "vilket tal som helst"
        return text + (", hela tal" if self.whole else "")

    def problem(self, value: float) -> str | None:
        """Why ``value`` cannot be in this unit (Swedish), or None when it can."""
        if not math.isfinite(value):
            return "värdet måste vara ett ändligt tal"
        outside = (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        )
        if outside:
            return (
                f"{_number(value)} ligger utanför det tillåtna för enheten ”{self.symbol}” "
                f"({self.range_sv()})"
            )
        if self.whole and not float(value).is_integer():
            return (
                f"{_number(value)} är inget heltal, men enheten ”{self.symbol}” räknar hela "
                "tal (har ett tusentalstecken lästs som decimaltecken?)"
            )
        return None


UNITS: tuple[Unit, ...] = (
    Unit("%", "andel i procent", 0, 100),
    Unit("% förändring", "förändring i procent (kan vara negativ)", -100, None),
    Unit("invånare", "antal personer", 0, None, whole=True, countable=True),
    Unit("antal", "antal av något", 0, None, whole=True, countable=True),
    Unit("per 1 000 invånare", "antal per 1 000 invånare", 0, 1000),
    Unit("år", "ålder eller tid i år", 0, 130),
    Unit("kr", "belopp i kronor", 0, None),
    Unit("minuter", "restid eller väntetid", 0, 1440),
    Unit("km", "avstånd i kilometer", 0, 1000),
)
"""Every unit the catalogue accepts, in the order documentation lists them."""

UNITS_BY_SYMBOL: dict[str, Unit] = {unit.symbol: unit for unit in UNITS}

_ALIASES = {
    "procent": "%",
    "kronor": "kr",
    "st": "antal",
    "stycken": "antal",
    "per 1000 invånare": "per 1 000 invånare",
    "procent förändring": "% förändring",
    "min": "minuter",
}
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def normalize_unit(text: str) -> str:
    """Lower case with one plain space, so ``Per 1 000 invånare`` (no-break) matches."""
    return _SPACES.sub(" ", text).strip().casefold()


def find_unit(text: str) -> Unit | None:
    """The unit a catalogue or file means by ``text``, or None when it is not one we know.

    Accepts the symbol in any case and spacing, and a few spelled-out names
    (``procent``, ``kronor``, ``st``) that staff write in spreadsheets.
    """
    key = normalize_unit(text)
    symbol = _ALIASES.get(key, key)
    for unit in UNITS:
        if normalize_unit(unit.symbol) == symbol:
            return unit
    return None


def same_unit(a: str, b: str) -> bool:
    """Whether two spellings name the same unit (an unknown spelling matches only itself)."""
    unit_a, unit_b = find_unit(a), find_unit(b)
    if unit_a is None or unit_b is None:
        return normalize_unit(a) == normalize_unit(b)
    return unit_a is unit_b


def known_units_sv() -> str:
    """``%, % förändring, …``: the vocabulary for a message."""
    return ", ".join(f"”{unit.symbol}”" for unit in UNITS)


def _number(value: float) -> str:
    """``1 000`` or ``12,5``: Swedish style, as staff write them."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.10g}".replace(",", " ").replace(".", ",")
