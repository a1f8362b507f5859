"""The units an indicator may be measured in, and the values each unit allows.

A closed vocabulary, because the unit is what lets an import tell a typo from
a figure: a share of 130 %, a mean age of 300 years or 12.5 associations are
caught here, before they reach a map. Adding a unit is a code change on
purpose: its range has to be thought about once, not per file.

The Swedish symbol (``invånare``, ``per 1 000 invånare``) is the unit's key: it
is what the catalogue and import files say, and it stays Swedish in every
language. Each unit also has the words an English reader sees after a number
(``symbol_en``) and an English description; ``Unit.label`` and ``unit_label``
pick the one for a language. A bare count (``antal``) has no English word
after the number: "12" reads right where "12 count" or "12 no." would not, so
its English label is empty and a caller writing a heading should fall back on
the indicator's name or ``description(language)``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from indicators.i18n.messages import t
from indicators.i18n.texts import DEFAULT_LANGUAGE, Listing, Number, Text


@dataclass(frozen=True)
class Unit:
    """A unit with the closed range of values it allows (None is unbounded)."""

    symbol: str
    """As written in the catalogue (Swedish, the unit's key) and shown after a number in Swedish."""
    description_sv: str
    minimum: float | None
    maximum: float | None
    symbol_en: str
    """Shown after a number in English: ``8,231 inhabitants``; empty for a bare count."""
    description_en: str
    whole: bool = False
    """Counts: a fraction is a sign of a decimal comma read as a thousands separator."""
    countable: bool = False
    """May be shown per 1,000 inhabitants (``per_1000`` in the catalogue)."""
    bare: bool = False
    """A bare count: no word after the number in any language ("8", not "8 antal"); a heading
    or axis title says "antal" instead (issue #12 item 5)."""

    def label(self, language: str = DEFAULT_LANGUAGE) -> str:
        """What to write after a number in ``language`` (may be empty, see the module docstring)."""
        if self.bare:
            return ""
        return self.symbol_en if language == "en" else self.symbol

    def description(self, language: str = DEFAULT_LANGUAGE) -> str:
        """What the unit measures, in ``language``."""
        return self.description_en if language == "en" else self.description_sv

    def range_text(self) -> Text:
        """The allowed range in words (``0–100``, ``minst 0, hela tal``), in any language."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            text = t("range_between", low=_Measured(low), high=_Measured(high))
        elif low is not None:
            text = t("range_at_least", low=_Measured(low))
        elif high is not None:
            text = t("range_at_most", high=_Measured(high))
        else:
            text = t("range_any")
        return t("range_whole", range=text) if self.whole else text

    def range_sv(self) -> str:
        """The allowed range in Swedish words, for the command line and documentation."""
        return self.range_text().render(DEFAULT_LANGUAGE)

    def problem(self, value: float) -> Text | None:
        """Why ``value`` cannot be in this unit (Swedish, renders in English), or None when it can."""
        if not math.isfinite(value):
            return t("value_not_finite")
        outside = (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        )
        if outside:
            return t("outside_unit", value=_Measured(value), unit=self.symbol, range=self.range_text())
        if self.whole and not float(value).is_integer():
            return t("not_whole_in_unit", value=_Measured(value), unit=self.symbol)
        return None


UNITS: tuple[Unit, ...] = (
    Unit("%", "andel i procent", 0, 100, symbol_en="%", description_en="share in per cent"),
    Unit("% förändring", "förändring i procent (kan vara negativ)", -100, None,
         symbol_en="% change", description_en="change in per cent (may be negative)"),
    Unit("invånare", "antal personer", 0, None, symbol_en="inhabitants",
         description_en="number of people", whole=True, countable=True),
    Unit("antal", "antal av något", 0, None, symbol_en="",
         description_en="a count of something", whole=True, countable=True, bare=True),
    Unit("per 1 000 invånare", "antal per 1 000 invånare", 0, 1000,
         symbol_en="per 1,000 inhabitants", description_en="number per 1,000 inhabitants"),
    Unit("år", "ålder eller tid i år", 0, 130, symbol_en="years", description_en="age or time in years"),
    Unit("kr", "belopp i kronor", 0, None, symbol_en="SEK", description_en="amount in Swedish kronor"),
    Unit("minuter", "restid eller väntetid", 0, 1440, symbol_en="minutes",
         description_en="travel or waiting time"),
    Unit("km", "avstånd i kilometer", 0, 1000, symbol_en="km", description_en="distance in kilometres"),
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


def unit_label(symbol: str, language: str = DEFAULT_LANGUAGE) -> str:
    """What to write after a number of an indicator measured in ``symbol``, in ``language``.

    For callers that hold only the indicator's unit string; a symbol that is
    not a known unit (a score's ``poäng 0–100``, an old database) is returned
    as it is.
    """
    unit = find_unit(symbol)
    if language == DEFAULT_LANGUAGE and (unit is None or not unit.bare):
        return symbol
    return unit.label(language) if unit is not None else symbol


def known_units() -> Listing:
    """``”%”, ”% förändring”, …``: the vocabulary for a message, quoted the reader's way."""
    return Listing([t("quoted", value=unit.symbol) for unit in UNITS])


def known_units_sv() -> str:
    """``”%”, ”% förändring”, …`` in Swedish."""
    return known_units().render(DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class _Measured(Number):
    """A value in a unit message: ``1 000`` and ``12,5`` in Swedish (as staff write them), ``1,000`` in English."""

    def render(self, language: str) -> str:
        value = self.value
        text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.10g}"
        if language == "en":
            return text
        return text.replace(",", " ").replace(".", ",")
