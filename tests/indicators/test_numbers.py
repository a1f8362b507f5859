"""The one rule for reading typed numbers: a decimal comma is a decimal mark, never thousands."""

from __future__ import annotations

import pytest

from indicators.core.numbers import parse_number
from indicators.observations import cells


@pytest.mark.parametrize(("typed", "number"), [
    ("57,5905", 57.5905),
    ("57.5905", 57.5905),
    (" 15,84072 ", 15.84072),
    ("1 234", 1234.0),
    ("1\u00a0234,5", 1234.5),
    ("1\u202f234", 1234.0),
    ("\u221212,5", -12.5),
    (",5", 0.5),
    ("1e3", 1000.0),
])
def test_swedish_and_english_numbers_are_read_alike(typed, number):
    assert parse_number(typed) == number


@pytest.mark.parametrize("typed", ["", "norr", "1,234.5", "57,59,05", "12,5 %", "1.2.3", "0x10", "nan", "--1"])
def test_what_is_not_a_plain_number_is_refused_rather_than_guessed(typed):
    assert parse_number(typed) is None


def test_a_spreadsheet_cell_follows_the_same_rule():
    assert cells.number("57,5905") == 57.5905
    with pytest.raises(cells.CellError):
        cells.number("12,5 %")
