"""Reading one spreadsheet cell as a year, a number, a text, a date or a yes/no.

CSV gives every cell as text; Excel gives numbers, dates and booleans as they
are typed; Kolada gives JSON values. These functions accept all of them so the
three formats share one set of rules, and raise ``CellError`` with an
explanation (a catalogue ``Text``) when a cell cannot mean what its column says.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from indicators.core.numbers import parse_number
from indicators.i18n.messages import t
from indicators.i18n.texts import Text

Cell = str | int | float | bool | datetime | date | time | None
"""What a reader may hand over for one cell; None and "" both mean empty."""

_YEAR = re.compile(r"[+-]?\d+")

# Years outside this are typos or garbage; checking first also keeps int() away from
# thousands of digits (Python refuses to convert over 4,300 and takes time below that).
_MAX_YEAR_DIGITS = 6
_SHOWN = 40

_TRUE = frozenset({"true", "ja", "sant", "1", "yes"})
_FALSE = frozenset({"false", "nej", "falskt", "0", "no"})


class CellError(ValueError):
    """A cell that cannot be read as its column requires; the message is for staff.

    ``str(error)`` is the Swedish wording; use ``error.message`` (a ``Text``) to
    put it into a problem, so it can be shown in another language.
    """

    def __init__(self, message: Text) -> None:
        super().__init__(message)

    @property
    def message(self) -> Text:
        return self.args[0]


def shortened(raw: str) -> str:
    """Text from a file as shown in a message: a cell of 5,000 digits is cut to its start."""
    return raw if len(raw) <= _SHOWN else f"{raw[:_SHOWN - 1]}…"


def text(cell: Cell) -> str:
    """The cell as trimmed text; a whole number typed in Excel loses its ``.0``."""
    if type(cell) is str:  # the common case (every CSV cell) first
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(sep=" ")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


def is_empty(cell: Cell) -> bool:
    """None, or text that is only spaces."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def year(cell: Cell) -> int | None:
    """A year, or None for an empty cell (an undated figure).

    A date cell is refused rather than reduced to its year: Excel shows 2020
    typed into a date-formatted cell as 1905-07-12, and taking "1905" from it
    would store a wrong year without anyone noticing. A "year" of more than six
    digits is refused as not a year, before it is converted.
    """
    if type(cell) is str:
        raw = cell.strip()
        if raw.isascii() and raw.isdigit() and len(raw) <= _MAX_YEAR_DIGITS:  # the common case
            return int(raw)
    if isinstance(cell, date | time):
        raise CellError(t("date_not_year", date=text(cell)))
    if isinstance(cell, bool):
        raise CellError(t("not_a_year", value=text(cell)))
    if isinstance(cell, int):
        if abs(cell) >= 10**_MAX_YEAR_DIGITS:
            raise CellError(t("not_a_year", value=shortened(str(cell))))
        return cell
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 10**_MAX_YEAR_DIGITS:
            return int(cell)
        raise CellError(t("not_a_year", value=shortened(text(cell))))
    raw = text(cell)
    if not raw:
        return None
    if not _YEAR.fullmatch(raw) or len(raw.lstrip("+-")) > _MAX_YEAR_DIGITS:
        raise CellError(t("not_a_year_or_empty", value=shortened(raw)))
    return int(raw)


def number(cell: Cell) -> float | None:
    """A finite number, or None for an empty cell (missing, never 0)."""
    if isinstance(cell, bool) or isinstance(cell, date | time):
        raise CellError(t("not_a_number", value=text(cell)))
    if isinstance(cell, int | float):
        try:
            value = float(cell)
        except OverflowError:  # an integer beyond float range (Kolada, an Excel cell)
            raise CellError(t("not_finite", value=shortened(str(cell)))) from None
        if not math.isfinite(value):
            raise CellError(t("not_finite", value=cell))
        return value
    raw = text(cell)
    if not raw:
        return None
    value = parse_number(raw)
    if value is None:
        raise CellError(t("not_a_number_hint", value=shortened(raw)))
    if not math.isfinite(value):
        raise CellError(t("not_finite", value=shortened(raw)))
    return value


def date_text(cell: Cell) -> str | None:
    """A source date as ISO text (``2024-03-31``); a date cell is converted, text kept."""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return text(cell) or None


def boolean(cell: Cell, *, empty: bool = False) -> bool:
    """Yes or no: Excel's TRUE/FALSE, ``true``/``false``, ``ja``/``nej``, 1/0; empty gives ``empty``."""
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    raw = text(cell).casefold()
    if not raw:
        return empty
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise CellError(t("not_yes_or_no", value=text(cell)))
