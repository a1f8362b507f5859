"""How figures are written on the pages (dashboard.views.formatting)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard.views.formatting import number, rate


def test_a_rate_per_thousand_always_has_one_decimal_so_a_column_lines_up():
    from dashboard.views.formatting import rate

    assert rate(0, "sv") == "0,0"
    assert rate(1.04, "sv") == "1,0"
    assert rate(1234.56, "en") == "1,234.6"
    assert rate(None, "sv") == "saknas"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False) | st.integers(-10**9, 10**9),
       st.sampled_from(["sv", "en"]))
def test_numbers_are_written_exactly_as_babels_format_decimal_writes_them(value, language):
    from babel import Locale
    from babel.numbers import format_decimal

    from indicators.i18n.locales import babel_locale

    locale = Locale.parse(babel_locale(language))
    pattern = "#,##0" if float(value).is_integer() else "#,##0.0"
    assert number(value, language) == format_decimal(value, format=pattern, locale=locale)
    assert rate(value, language) == format_decimal(value, format="#,##0.0", locale=locale)


def test_a_remembered_figure_keeps_its_sign_and_kind():
    # The writing is remembered per value; 0.0 == -0.0 and 1 == 1.0 must still be written as Babel writes each.
    from babel import Locale
    from babel.numbers import format_decimal

    from indicators.i18n.locales import babel_locale

    locale = Locale.parse(babel_locale("sv"))
    for value in (0.0, -0.0, 0, 1, 1.0, -1.5, 1.5):
        assert rate(value, "sv") == format_decimal(value, format="#,##0.0", locale=locale)
        assert number(value, "sv") == format_decimal(value, format="#,##0" if float(value).is_integer() else "#,##0.0",
                                                     locale=locale)


def test_a_stored_time_is_shown_on_vimmerbys_clock_with_its_zone():
    from datetime import UTC, datetime

    from dashboard.views.formatting import moment

    assert moment(datetime(2026, 12, 7, 20, 32, tzinfo=UTC), "sv") == "2026-12-07 21:32 CET"
    assert moment(datetime(2026, 7, 7, 20, 32, tzinfo=UTC), "en") == "2026-07-07 22:32 CEST"
    assert moment(datetime(2026, 7, 7, 20, 32), "sv") == "2026-07-07 22:32 CEST"  # stored naive: UTC
