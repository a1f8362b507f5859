"""Numbers and years as Swedish readers expect them (``15 384``, ``82,3 %``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from math import copysign
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import NumberPattern, parse_pattern

from dashboard.i18n.messages import text, unit_of
from dashboard.server.language import current_language
from indicators.core.model import Indicator, Observation
from indicators.i18n.locales import babel_locale


@lru_cache(maxsize=8)
def _locale(language: str) -> Locale:
    """The Babel locale of ``language``, parsed once: parsing it on every call was most of a date's cost."""
    return Locale.parse(babel_locale(language))


@lru_cache(maxsize=8)
def _pattern(pattern: str) -> NumberPattern:
    """A number pattern parsed once: ``format_decimal`` parses it on every call, half of its cost,
    and a locality's panel formats a few hundred numbers."""
    return parse_pattern(pattern)


def _decimal(value: float, pattern: str, language: str | None) -> str:
    """``value`` in ``pattern`` as the reader's language writes it (what Babel's ``format_decimal`` gives)."""
    # The type and the sign of a zero are part of the key: 1 == 1.0 and 0.0 == -0.0 for a dict.
    sign = copysign(1.0, value) if isinstance(value, float) else 0.0
    return _written(type(value), value, sign, pattern, language or current_language())


@lru_cache(maxsize=8192)
def _written(_kind: type, value: float, _sign: float, pattern: str, language: str) -> str:
    """Babel's writing of a number, remembered: two thirds of a locality panel's figures are the
    municipality's and Sweden's, the same in every panel, and Babel takes ~60 µs for each."""
    return _pattern(pattern).apply(value, _locale(language))


def number(value: float | None, language: str | None = None) -> str:
    """A value with grouping and at most one decimal; missing is said in words, never 0."""
    if value is None:
        return text("missing", language)
    return _decimal(value, "#,##0" if float(value).is_integer() else "#,##0.0", language)


def rate(value: float | None, language: str | None = None) -> str:
    """A figure per 1,000 inhabitants, always with one decimal, so a column reads 0,0 beside 1,0 (not 0 beside 1,0)."""
    if value is None:
        return text("missing", language)
    return _decimal(value, "#,##0.0", language)


def with_unit(value: float | None, indicator: Indicator, language: str | None = None) -> str:
    """``82,3 %`` or ``8 231 invånare``; a missing value gets no unit."""
    if value is None:
        return number(None, language)
    return f"{number(value, language)} {unit_of(indicator, language)}".strip()


def year(observation: Observation, language: str | None = None) -> str:
    """The year of a figure, or "odaterad" for an undated one."""
    return str(observation.year) if observation.year is not None else text("undated", language)


LOCAL_TIME_ZONE = ZoneInfo("Europe/Stockholm")
"""Vimmerby's time: times are stored in UTC and shown as the municipality's staff read a clock."""


def moment(value: datetime, language: str | None = None) -> str:
    """``2026-12-07 21:32 CET``: a stored time (UTC; naive means UTC) on Vimmerby's clock, zone named."""
    at = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return format_datetime(at, "yyyy-MM-dd HH:mm zzz", tzinfo=LOCAL_TIME_ZONE,
                           locale=_locale(language or current_language()))


def day(value: date, language: str | None = None) -> str:
    """``12 sep. 2026`` / ``12 Sept 2026``: a date as the reader's language writes it."""
    return format_date(value, format="medium", locale=_locale(language or current_language()))
