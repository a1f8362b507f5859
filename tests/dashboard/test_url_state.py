from dashboard.views.url_state import (
    LATEST,
    ViewState,
    parse_query,
    to_query,
    year_or_none,
)

LOCALITIES = {"storebro", "tuna"}
INDICATORS = {"population", "other"}


def parse(search):
    return parse_query(search, localities=LOCALITIES, indicators=INDICATORS, default_indicator="population")


def test_a_link_with_a_locality_indicator_and_year_is_read_back():
    assert parse("?ort=tuna&indikator=other&ar=2020") == ViewState("tuna", "other", "2020")


def test_an_empty_link_is_the_default_view():
    assert parse("") == ViewState(None, "population", LATEST)
    assert parse(None) == ViewState(None, "population", LATEST)


def test_unknown_values_in_an_old_link_fall_back_to_defaults():
    assert parse("?ort=mariannelund&indikator=nope&ar=20x0") == ViewState(None, "population", LATEST)
    assert parse("?ar=123") .year == LATEST


def test_the_query_is_the_shortest_that_reproduces_the_view():
    assert to_query(ViewState(None, "population"), default_indicator="population") == ""
    assert to_query(ViewState("storebro", "population"), default_indicator="population") == "?ort=storebro"
    state = ViewState("tuna", "other", "2019")
    assert parse(to_query(state, default_indicator="population")) == state


def test_latest_is_no_particular_year():
    assert year_or_none(LATEST) is None
    assert year_or_none("2020") == 2020


def test_a_compare_link_with_no_localities_stays_empty_and_defaults_fill_the_rest():
    from dashboard.views.url_state import (
        CompareState,
        compare_query,
        parse_compare_query,
    )

    default = CompareState(("a", "b"), "2024", "leva", "x")
    kwargs = dict(localities={"a", "b", "c"}, areas={"leva", "trivas"}, indicators={"x", "y"}, default=default)
    assert parse_compare_query("?orter=&ar=2024", **kwargs).localities == ()
    assert parse_compare_query("", **kwargs) == default
    state = CompareState(("c", "a"), "2023", "trivas", "y", {"leva": 2.0, "arbeta": 1.0, "verka": 1.0,
                                                            "trivas": 1.0, "kontakt": 1.0, "motas": 1.0})
    assert parse_compare_query(compare_query(state), **kwargs) == state


def test_weights_in_a_link_are_read_and_nonsense_gives_equal_weights():
    from dashboard.views.url_state import EQUAL_WEIGHTS, format_weights, parse_weights

    assert parse_weights("leva:2,motas:0.5")["leva"] == 2.0
    assert parse_weights("leva:x") == EQUAL_WEIGHTS
    assert parse_weights("leva:0,arbeta:0,verka:0,trivas:0,kontakt:0,motas:0") == EQUAL_WEIGHTS
    assert format_weights(EQUAL_WEIGHTS) is None


def test_a_page_with_only_ort_in_its_address_opens_the_locality_of_a_link():
    from dashboard.views.url_state import locality_sync

    known = {"storebro", "tuna"}
    assert locality_sync(True, "?ort=storebro", "tuna", known) == (None, "storebro")
    # Chosen in the list: the address follows.
    assert locality_sync(False, "?ort=storebro", "tuna", known) == ("?ort=tuna", None)
    # An unknown place in a link leaves the list as it is and the address says what is shown.
    assert locality_sync(True, "?ort=atlantis", "tuna", known) == ("?ort=tuna", None)
    # Nothing to change.
    assert locality_sync(True, "?ort=tuna", "tuna", known) == (None, None)
