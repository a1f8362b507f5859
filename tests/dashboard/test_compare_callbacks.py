"""What the compare page's callbacks return, as plain functions of ``dashboard.views.compare``."""

from __future__ import annotations

import base64
import io

import pandas as pd
from dash import no_update

from dashboard import ids
from dashboard.views.compare import (
    compare_content,
    export_comparison,
    read_state,
    sync_compare,
)
from indicators.metrics.open_data import EXPORT_COLUMNS
from tests.dashboard.helpers import texts

THREE = "?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations"
EQUAL = [1.0] * 6


def test_a_link_opens_the_same_comparison(dashboard_data):
    result = sync_compare(dashboard_data, None, THREE, None, None, None, None, [None] * 6)
    assert result.search is no_update
    assert result.localities == ["storebro", "tuna", "sodra-vi"]
    assert (result.year, result.area, result.indicator) == ("2024", "trivas", "associations")
    assert {o["value"] for o in result.indicator_options} == {"associations", "leisure_facilities"}
    assert result.weights == EQUAL


def test_choosing_localities_writes_them_to_the_url(dashboard_data):
    result = sync_compare(dashboard_data, ids.CMP_LOCALITIES, THREE, ["tuna", "storebro"], "2024", "trivas",
                          "associations", EQUAL)
    assert result.search == "?orter=tuna,storebro&ar=2024&omrade=trivas&indikator=associations"


def test_changing_area_picks_that_areas_first_scored_indicator(dashboard_data):
    result = sync_compare(dashboard_data, ids.CMP_AREA, THREE, ["storebro", "tuna"], "2024", "kontakt",
                          "associations", EQUAL)
    assert "omrade=kontakt" in result.search and "indikator=broadband_100" in result.search


def test_valid_weights_go_to_the_url_and_reset_brings_equal_weights(dashboard_data):
    applied = sync_compare(dashboard_data, ids.WEIGHTS_APPLY, THREE, None, None, None, None, [2, 1, 1, 1, 1, 0])
    assert "vikter=leva:2,arbeta:1,verka:1,trivas:1,kontakt:1,motas:0" in applied.search
    reset = sync_compare(dashboard_data, ids.WEIGHTS_RESET, applied.search, None, None, None, None,
                         [2, 1, 1, 1, 1, 0])
    assert "vikter" not in reset.search
    assert reset.weights == EQUAL


def test_weights_that_sum_to_zero_or_are_negative_are_refused_in_the_form(dashboard_data):
    zero = sync_compare(dashboard_data, ids.WEIGHTS_APPLY, THREE, None, None, None, None, [0] * 6)
    assert zero.search is no_update
    assert "summerar till noll" in texts(zero.weights_message)
    negative = sync_compare(dashboard_data, ids.WEIGHTS_APPLY, THREE, None, None, None, None, [1, -1, 1, 1, 1, 1])
    assert negative.search is no_update
    assert "Arbeta" in texts(negative.weights_message) and "negativ" in texts(negative.weights_message)
    empty = sync_compare(dashboard_data, ids.WEIGHTS_APPLY, THREE, None, None, None, None, [1, None, 1, 1, 1, 1])
    assert empty.search is no_update


def test_weights_problems_read_in_english_on_an_english_page(dashboard_data):
    from dashboard.server.language import language_of

    with language_of("en"):
        negative = sync_compare(dashboard_data, ids.WEIGHTS_APPLY, THREE, None, None, None, None, [1, -1, 1, 1, 1, 1])
    shown = texts(negative.weights_message)
    assert "Arbeta" in shown and "negative" in shown and "negativ " not in shown


def test_a_link_cannot_smuggle_in_negative_weights(dashboard_data):
    state = read_state(dashboard_data, THREE + "&vikter=leva:-5,arbeta:1")
    assert all(w == 1.0 for w in state.weights.values())


def test_fewer_than_two_localities_asks_for_more(dashboard_data):
    content = compare_content(dashboard_data, "?orter=tuna&ar=2024")
    assert "minst två" in texts(content.message)


def test_the_comparison_has_a_ranking_table_and_labels_example_data(dashboard_data):
    content = compare_content(dashboard_data, THREE)
    assert content.message is None
    assert "Exempeldata" in texts(content.example)
    table_text = texts(content.table)
    assert "Rangordning 2024: Trivas" in table_text
    assert "Föreningar" in table_text and "per 1 000 inv." in table_text
    # One sorted bar chart per SLUS area; a star on each score resting on example data, its key under the title.
    assert all(sorted(trace.y) == ["Storebro", "Södra Vi", "Tuna"] for trace in content.radar.data)
    assert any(label.endswith("*") for trace in content.radar.data for label in trace.text)
    assert "bygger på exempeldata" in content.radar.layout.title.text
    assert "2024" in content.bars.layout.title.text


def test_the_export_has_the_documented_columns_and_the_chosen_localities(dashboard_data):
    download = export_comparison(dashboard_data, THREE, "csv")
    assert download["filename"].endswith(".csv")
    content = base64.b64decode(download["content"]) if download.get("base64") else download["content"].encode()
    frame = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert list(frame.columns) == [name for name, _ in EXPORT_COLUMNS]
    assert set(frame["locality_id"]) == {"storebro", "tuna", "sodra-vi"}
    assert set(frame["kind"]) == {"index", "area_score", "indicator"}
    missing_population = frame[(frame.indicator_id == "population") & (frame.kind == "indicator")]
    assert missing_population["value"].isna().all()  # no 2024 population: empty, never 0


def test_the_excel_export_has_the_table_and_its_column_descriptions(dashboard_data):
    download = export_comparison(dashboard_data, THREE, "xlsx")
    sheets = pd.read_excel(io.BytesIO(base64.b64decode(download["content"])), sheet_name=None)
    assert list(sheets) == ["jamforelse", "kolumner"]
    assert len(sheets["kolumner"]) == len(EXPORT_COLUMNS)


def test_the_same_link_is_drawn_once_per_data_version_and_anew_after_a_write(dashboard_data):
    from dashboard.views.compare import compare_content
    from indicators.core.model import Observation

    link = "?orter=storebro,tuna,pelarne&ar=2023&omrade=leva"
    first = compare_content(dashboard_data, link, "sv")
    assert compare_content(dashboard_data, link, "sv") is first  # kept: the figures are not built again
    assert compare_content(dashboard_data, link, "en") is not first  # each language its own

    dashboard_data.store.save_observations([Observation("population", "tuna", 2023, 99999, "Test", basis="tätort")])
    assert compare_content(dashboard_data, link, "sv") is not first
