"""The page's copy of every locality's panel (decision 83), as plain functions."""

from __future__ import annotations

from dash import no_update

from dashboard import ids
from dashboard.views.map import leading_trigger, panel_key, shown_panel, sync_request
from dashboard.views.panel_prefetch import PANEL_COPY_MAX_AGE_S, panel_copy

POPULATION = {"layer": "population", "year": "senaste", "weights": ""}


def test_the_copy_holds_every_localitys_panel_as_a_choice_would_bring_it(dashboard_data):
    copy = panel_copy(dashboard_data, {"at": 1_700_000_000_000})

    assert copy["enabled"] is True
    assert sorted(copy["panels"]) == sorted(loc.id for loc in dashboard_data.localities())
    assert copy["panels"]["storebro"] == shown_panel(dashboard_data, "storebro", None)
    assert (copy["param"], copy["max_age_s"], copy["asked"]) == ("ort", PANEL_COPY_MAX_AGE_S, 1_700_000_000_000)


def test_more_localities_than_the_limit_get_no_copy_and_the_page_stops_asking(dashboard_data):
    assert panel_copy(dashboard_data, {"at": 1}, limit=9) == {"enabled": False}
    assert panel_copy(dashboard_data, {"at": 1}, limit=0) == {"enabled": False}
    assert panel_copy(dashboard_data, {"at": 1}, limit=10)["enabled"] is True


def test_nothing_asked_sends_nothing_and_a_strange_clock_is_not_kept(dashboard_data):
    assert panel_copy(dashboard_data, None) is no_update
    assert panel_copy(dashboard_data, {"at": "soon"})["asked"] is None
    assert panel_copy(dashboard_data, {"at": True})["asked"] is None


def test_the_address_wins_over_a_control_that_fired_with_it():
    assert leading_trigger([ids.YEAR, ids.URL_REQUEST]) == ids.URL_REQUEST
    assert leading_trigger([ids.INDICATOR, ids.SELECT_REQUEST]) == ids.SELECT_REQUEST
    assert leading_trigger([ids.YEAR]) == ids.YEAR
    assert leading_trigger([]) is None


def test_a_choice_the_copy_could_not_show_is_answered_like_the_click_or_list_it_stands_for(dashboard_data):
    overview = panel_key(None, POPULATION)
    by_map = sync_request(dashboard_data, ids.SELECT_REQUEST, None, {"id": "storebro", "via": "map"}, "", None,
                          "population", None, ["senaste"], POPULATION, overview, "")
    by_list = sync_request(dashboard_data, ids.SELECT_REQUEST, None, {"id": "storebro", "via": "list"}, "",
                           "storebro", "population", None, ["senaste"], POPULATION, overview, "")

    assert (by_map.search, by_map.locality, by_map.panel_key) == ("?ort=storebro", "storebro", "ort:storebro")
    assert (by_list.search, by_list.locality, by_list.shown_search) == ("?ort=storebro", no_update, "?ort=storebro")


def test_a_forged_choice_changes_nothing(dashboard_data):
    overview = panel_key(None, POPULATION)
    for request in ({"id": "<script>", "via": "map"}, {"id": 7, "via": "map"}, "storebro"):
        result = sync_request(dashboard_data, ids.SELECT_REQUEST, None, request, "", None, "population", None,
                              ["senaste"], POPULATION, overview, "")
        assert result[:8] == (no_update,) * 8


def test_an_address_the_page_did_not_write_is_read_like_a_load(dashboard_data):
    result = sync_request(dashboard_data, ids.URL_REQUEST, {"search": "?ort=tuna&ar=2020"}, None, "?ort=storebro",
                          "storebro", "population", None, ["senaste"], POPULATION, "ort:storebro", "?ort=storebro")

    assert (result.locality, result.year, result.panel_key, result.shown_search) == (
        "tuna", 2020, "ort:tuna", "?ort=tuna&ar=2020")


def test_before_the_page_has_read_its_address_a_control_does_not_overwrite_it(dashboard_data):
    result = sync_request(dashboard_data, ids.YEAR, None, None, "?indikator=services", None, "population", 2023,
                          ["senaste"], None, None, None)

    assert result.layer == "services"
    assert result.shown_search == "?indikator=services"


def test_after_back_or_forward_a_control_does_not_write_the_old_address_back(dashboard_data):
    # The page showed the overview (""); back moved the address to Tuna, and before its request was
    # answered the year slider's own set-up fired with the page's old locality (none).
    result = sync_request(dashboard_data, ids.YEAR, None, None, "?ort=tuna", None, "population", 2023,
                          ["senaste"], POPULATION, "overview:population|senaste|", "")

    assert (result.locality, result.panel_key, result.shown_search) == ("tuna", "ort:tuna", "?ort=tuna")
    assert result.search is no_update  # the address stays where back put it


def test_a_control_changes_the_address_the_page_wrote(dashboard_data):
    result = sync_request(dashboard_data, ids.INDICATOR, None, None, "?ort=tuna", "tuna", "services", None,
                          ["senaste"], POPULATION, "ort:tuna", "?ort=tuna")

    assert result.search == "?ort=tuna&indikator=services"


def test_the_props_the_script_writes_quietly_have_no_other_listener(database_url):
    """The script writes what it shows without telling Dash's callbacks (decision 84): a callback
    added on one of these props would miss those changes. Only "choose" listens to the "Ort" list;
    nothing listens to the panel's tree, what it shows or the address."""
    from dashboard.app import create_app
    from dashboard.server.settings import Settings

    app = create_app(Settings(database_url=database_url, secret_key="test-secret"))

    def listeners(component: str, prop: str) -> list:
        return [spec.get("clientside_function") or spec["output"] for spec in app._callback_list  # as sent to the page
                if {"id": component, "property": prop} in spec["inputs"]]

    assert listeners(ids.LOCALITY, "value") == [{"namespace": "allas_map", "function_name": "choose"}]
    for component, prop in ((ids.PANEL_TREE, "tree"), (ids.PANEL_KEY, "data"), (ids.SHOWN_SEARCH, "data"),
                            (ids.MAP_URL, "search")):
        assert listeners(component, prop) == [], f"{component}.{prop}"
