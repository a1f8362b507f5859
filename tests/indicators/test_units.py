"""The unit vocabulary: each unit's range, and how files name units."""

from __future__ import annotations

import math

import pytest

from indicators.core.units import (
    UNITS,
    UNITS_BY_SYMBOL,
    find_unit,
    known_units,
    known_units_sv,
    same_unit,
    unit_label,
)


def problem(symbol: str, value: float) -> str | None:
    return UNITS_BY_SYMBOL[symbol].problem(value)


@pytest.mark.parametrize(
    ("symbol", "value"),
    [("%", 0), ("%", 100), ("%", 45.5), ("% förändring", -3.2), ("% förändring", 250),
     ("antal", 0), ("antal", 12), ("invånare", 15384), ("år", 44.2), ("år", 0),
     ("kr", 251_300), ("per 1 000 invånare", 4.1)],
)  # fmt: skip
def test_values_inside_the_range_are_accepted(symbol, value):
    assert problem(symbol, value) is None


@pytest.mark.parametrize(
    ("symbol", "value", "allowed"),
    [("%", 100.1, "(0–100)"), ("%", -1, "(0–100)"), ("antal", -1, "(minst 0, hela tal)"),
     ("år", 131, "(0–130)"), ("% förändring", -101, "(minst -100)"),
     ("per 1 000 invånare", 1001, "(0–1 000)"), ("kr", -5, "(minst 0)")],
)  # fmt: skip
def test_values_outside_the_range_are_refused_naming_the_range(symbol, value, allowed):
    message = problem(symbol, value)

    assert message is not None
    assert f"enheten ”{symbol}”" in message
    assert allowed in message


def test_a_share_over_100_percent_is_refused_in_swedish():
    assert problem("%", 130) == "130 ligger utanför det tillåtna för enheten ”%” (0–100)"


def test_counts_must_be_whole_numbers():
    message = problem("antal", 12.5)

    assert message is not None and "12,5 är inget heltal" in message
    assert problem("invånare", 1.234) is not None  # "1,234" read with a decimal comma


def test_infinity_and_nan_are_never_values():
    assert problem("kr", math.inf) is not None
    assert problem("% förändring", math.nan) is not None


@pytest.mark.parametrize(
    ("written", "symbol"),
    [("%", "%"), ("procent", "%"), (" Antal ", "antal"), ("st", "antal"),
     ("per 1000 invånare", "per 1 000 invånare"), ("per 1\u00a0000 invånare", "per 1 000 invånare"),
     ("kronor", "kr"), ("ÅR", "år")],
)  # fmt: skip
def test_units_are_found_whatever_the_case_spacing_or_common_name(written, symbol):
    assert find_unit(written) is UNITS_BY_SYMBOL[symbol]


def test_an_unknown_unit_is_not_found():
    assert find_unit("promille") is None
    assert find_unit("") is None


def test_same_unit_compares_spellings():
    assert same_unit("procent", "%")
    assert not same_unit("%", "antal")
    assert not same_unit("promille", "%")


def test_only_counts_may_be_shown_per_1000_inhabitants():
    assert {u.symbol for u in UNITS if u.countable} == {"antal", "invånare"}


def test_the_vocabulary_lists_every_symbol():
    listed = known_units_sv()

    assert all(f"”{unit.symbol}”" in listed for unit in UNITS)


def test_the_import_documentation_lists_every_unit():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "import.md").read_text(encoding="utf-8")

    assert all(f"| `{unit.symbol}` |" in docs for unit in UNITS)


def test_a_bare_count_has_no_word_after_the_number_in_either_language():
    assert unit_label("antal", "sv") == "" and unit_label("antal", "en") == ""
    assert unit_label("st", "sv") == ""
    assert unit_label("invånare", "sv") == "invånare"


def test_every_unit_has_an_english_label_and_description():
    for unit in UNITS:
        assert unit.description_en and unit.label("sv") == ("" if unit.bare else unit.symbol)
    # A bare count is the one unit with no English word after the number ("12", not "12 count").
    assert [unit.symbol for unit in UNITS if not unit.label("en")] == ["antal"]
    assert unit_label("invånare", "en") == "inhabitants"
    assert unit_label("per 1 000 invånare", "en") == "per 1,000 inhabitants"
    assert unit_label("procent", "sv") == "procent" and unit_label("procent", "en") == "%"
    assert unit_label("poäng 0–100", "en") == "poäng 0–100"


def test_unit_messages_render_in_english_with_english_numbers():
    message = problem("antal", 1234.5)

    assert message is not None and message.startswith("1 234,5 är inget heltal")
    assert message.render("en").startswith("1,234.5 is not a whole number, but the unit “antal”")
    assert problem("antal", -1).render("en").endswith("(at least 0, whole numbers)")  # type: ignore[union-attr]
    assert known_units().render("en").startswith("“%”, “% förändring”")
