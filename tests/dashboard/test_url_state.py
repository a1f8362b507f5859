from dashboard.url_state import LATEST, ViewState, parse_query, to_query, year_or_none

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
