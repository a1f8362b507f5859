"""Matching values in users' files to localities: exact first, folded second."""

from __future__ import annotations

import math

import pytest

from geodata.matching import LocalityIndex, cell_text, exact_key, folded_key, key_fields
from indicators.core.model import Locality


def test_matching_keys() -> None:
    assert exact_key("  Södra   VI ") == "södra vi"
    assert folded_key("Södra-Vi") == folded_key("sodra vi") == folded_key("SÖDRA_VI") == "sodra vi"
    assert folded_key("Frödinge") == "frodinge"
    assert folded_key("Åby  Älv") == "aby alv"
    assert folded_key("---") == ""


def test_matching_key_fields_in_rule_order_and_any_case() -> None:
    columns = ["geometry_note", "NAMN", "Id", "Tätort", "fid", "Locality_ID", "ort id"]
    assert key_fields(columns) == ["Id", "Locality_ID", "ort id", "NAMN", "Tätort"]
    assert key_fields(["beskrivning"]) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (math.nan, None), ("  ", None), (7.0, "7"), (7.5, "7.5"), (12, "12"), (" Tuna ", "Tuna")],
)
def test_matching_cell_text(value: object, expected: str | None) -> None:
    assert cell_text(value) == expected


def test_matching_index(ten: list[Locality]) -> None:
    index = LocalityIndex(ten)
    assert index.lookup("sodra-vi") == {"sodra-vi"}
    assert index.lookup("SÖDRA VI") == {"sodra-vi"}
    assert index.lookup("Sodra Vi") == {"sodra-vi"}
    assert index.lookup("Mariannelund") == set()
    assert index.lookup("") == set()
