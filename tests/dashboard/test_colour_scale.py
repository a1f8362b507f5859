from dashboard.components.colour_scale import NO_DATA_COLOUR, PALETTE, quantile_scale


def test_missing_values_are_grey_never_the_lowest_class():
    scale = quantile_scale([10, 20, None])
    assert scale.colour(None) == NO_DATA_COLOUR
    assert NO_DATA_COLOUR not in PALETTE
    assert scale.colour(10) != NO_DATA_COLOUR


def test_larger_values_never_get_a_lighter_class():
    values = [8231, 1162, 1025, 509, 302, 240]
    scale = quantile_scale(values)
    order = [PALETTE.index(scale.colour(v)) for v in sorted(values)]
    assert order == sorted(order)
    assert scale.colour(240) == PALETTE[0]
    assert scale.colour(8231) == PALETTE[-1]


def test_a_single_value_or_identical_values_make_one_class():
    assert len(quantile_scale([5]).classes) == 1
    assert len(quantile_scale([5, 5, 5]).classes) == 1


def test_no_values_give_an_empty_scale_that_paints_grey():
    scale = quantile_scale([None, None])
    assert scale.classes == ()
    assert scale.colour(3) == NO_DATA_COLOUR
