"""A date axis labelled by us, in the reader's language: "nov. 2026", never "23:59:59.9995".

plotly.js formats date ticks with its own English month names unless its locale
bundle is loaded, and the installed plotly package ships none (no network either).
A single point also makes plotly zoom in to the millisecond. So the axis gets a
range of whole days around the points and tick labels we write with Babel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from babel.dates import format_date

from dashboard.server.language import current_language
from indicators.i18n.locales import babel_locale

MARGIN = timedelta(days=15)
"""Room before the first and after the last point, so a lone point has months around it."""

MAX_TICKS = 8


def month_ticks(first: date, last: date) -> list[date]:
    """The first day of every n-th month from ``first``'s month through ``last``, at most ``MAX_TICKS``."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, -(-months // MAX_TICKS))
    ticks = []
    year, month = first.year, first.month
    for _ in range(0, months, step):
        ticks.append(date(year, month, 1))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ticks


def date_axis(days: Sequence[date], language: str | None = None) -> dict:
    """Axis settings for ``days``: a date axis from two weeks before the first to two weeks after the
    last, ticked on the first of months with month names in ``language`` ("nov. 2026")."""
    if not days:
        return {"type": "date"}
    first, last = min(days) - MARGIN, max(days) + MARGIN
    ticks = [t for t in month_ticks(first, last) if first <= t <= last] or [min(days)]
    locale = babel_locale(language or current_language())
    return {
        "type": "date",
        "range": [first.isoformat(), last.isoformat()],
        "tickvals": [t.isoformat() for t in ticks],
        "ticktext": [format_date(t, "LLL yyyy", locale=locale) for t in ticks],
    }
