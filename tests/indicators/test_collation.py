"""Swedish alphabetical order, the same on every machine."""

from indicators.core.collation import swedish_key


def test_a_ring_a_umlaut_and_o_umlaut_come_after_z_in_that_order():
    names = ["Öland", "Åby", "Zinkgruvan", "Ängelholm", "Södra Vi", "Storebro"]

    assert sorted(names, key=swedish_key) == [
        "Storebro", "Södra Vi", "Zinkgruvan", "Åby", "Ängelholm", "Öland",
    ]  # fmt: skip


def test_case_and_accents_do_not_move_a_name():
    assert sorted(["vimmerby", "Tuna", "Éda", "Eda", "Frödinge"], key=swedish_key) == [
        "Eda", "Éda", "Frödinge", "Tuna", "vimmerby",
    ]  # fmt: skip
