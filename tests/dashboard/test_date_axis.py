"""The timeline's date axis: whole days, Swedish month names, no clock time (issue #12 item 5)."""

from __future__ import annotations

from datetime import date

from dashboard.components.date_axis import date_axis, month_ticks


def test_a_single_activity_gives_months_around_it_named_in_swedish():
    axis = date_axis([date(2026, 11, 13)], "sv")
    assert axis["type"] == "date"
    assert axis["range"] == ["2026-10-29", "2026-11-28"]
    assert axis["tickvals"] == ["2026-11-01"]
    assert axis["ticktext"] == ["nov. 2026"]
    assert not any(":" in label for label in axis["ticktext"])


def test_english_readers_get_english_month_names():
    assert date_axis([date(2026, 5, 2)], "en")["ticktext"] == ["May 2026"]


def test_a_long_span_keeps_to_a_handful_of_ticks_on_the_first_of_months():
    ticks = month_ticks(date(2024, 1, 20), date(2026, 12, 5))
    assert 1 < len(ticks) <= 8
    assert all(t.day == 1 for t in ticks)
    assert ticks[0] == date(2024, 1, 1)


def test_no_activities_give_a_plain_date_axis():
    assert date_axis([], "sv") == {"type": "date"}
