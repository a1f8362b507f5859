"""How figures are written on the pages (dashboard.views.formatting)."""

from __future__ import annotations


def test_a_rate_per_thousand_always_has_one_decimal_so_a_column_lines_up():
    from dashboard.views.formatting import rate

    assert rate(0, "sv") == "0,0"
    assert rate(1.04, "sv") == "1,0"
    assert rate(1234.56, "en") == "1,234.6"
    assert rate(None, "sv") == "saknas"
