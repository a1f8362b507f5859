"""The initiative form's place picker as a document: the locality's area, served Leaflet, text as data."""

from __future__ import annotations

from dashboard import ids
from dashboard.components.map_view import read_data_island
from dashboard.components.point_picker import SHOW_TYPED_POINT, area_feature, picker_html
from dashboard.server.vendor import LEAFLET_JS


def test_the_picker_draws_the_chosen_localitys_area_and_writes_to_the_forms_fields(dashboard_data):
    document = picker_html(dashboard_data.layers(), "storebro", "sv")
    payload = read_data_island(document)
    assert payload["area"]["properties"] == {"id": "storebro"}
    assert payload["area"]["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert (payload["latInput"], payload["lonInput"]) == (ids.INI_LAT, ids.INI_LON)
    assert payload["decimalComma"] is True
    assert "utanför ortens område" in payload["messages"]["outside"]
    assert f'<script src="{LEAFLET_JS}">' in document
    assert "http://" not in document and "https://" not in document  # no network: Leaflet comes from /vendor


def test_english_readers_get_a_decimal_point_and_english_words(dashboard_data):
    payload = read_data_island(picker_html(dashboard_data.layers(), "storebro", "en"))
    assert payload["decimalComma"] is False
    assert "outside the locality's area" in payload["messages"]["outside"]


def test_no_locality_or_an_unknown_one_gives_an_empty_frame(dashboard_data):
    assert picker_html(dashboard_data.layers(), None, "sv") == ""
    assert picker_html(dashboard_data.layers(), "atlantis", "sv") == ""
    assert area_feature(dashboard_data.layers(), "atlantis") is None


def test_the_page_moves_the_marker_in_the_frame_it_names():
    assert f'"{ids.INI_PICKER}"' in SHOW_TYPED_POINT
