"""Dates in exports as the reader's language writes them."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from dashboard.server.language import current_language
from indicators.i18n.locales import babel_locale


def long_date(day: date) -> str:
    """``23 november 2026`` / ``23 November 2026``."""
    return format_date(day, format="long", locale=babel_locale(current_language()))
