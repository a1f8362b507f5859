"""Every view that shows a figure resting on example data says so on the figure itself, and with
example data switched off no view shows a score, index, ranking or slide that rests on it.

Walks the views with the bundled data through their view functions (no browser): the map's
layers, the standalone map, the compare page (charts, ranking table, export), every slide of
the default presentation, and both reports.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from dash import dcc

from dashboard.exports.report import locality_report_html, municipality_report_html
from dashboard.exports.standalone_map import standalone_map_html
from dashboard.views.compare import compare_content, export_comparison
from dashboard.views.map import layer_data, panel_content
from dashboard.views.map_layers import INDEX_LAYER
from dashboard.views.presentation import render_slide, slides_for
from dashboard.views.provenance import STAR
from dashboard.views.public_names import AREA_LAYER_PREFIX
from dashboard.views.url_state import EQUAL_WEIGHTS, LATEST
from indicators.accounts.operator import operator_actor
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.metrics.provenance import provenance
from indicators.presentations.slides import SLIDE_COMPARE, slide_locality
from indicators.storage.app_settings import change_settings
from tests.dashboard.helpers import texts

NOTE = "bygger på exempeldata"
"""What every score, index or ranking resting on example data says (Swedish, the default language)."""


def titles(component) -> list[str]:
    """Every title (tooltip) in a component tree."""
    if component is None or isinstance(component, (str, int, float)):
        return []
    if isinstance(component, (list, tuple)):
        return [t for c in component for t in titles(c)]
    own = [component.title] if getattr(component, "title", None) else []
    return own + titles(getattr(component, "children", None))


def graphs(component) -> list:
    """Every figure in a component tree."""
    found = []
    if isinstance(component, dcc.Graph):
        found.append(component.figure)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            found.extend(graphs(child))
    return found


def newest_table(data):
    return data.score_table(max(data.score_years()), EQUAL_WEIGHTS)


def every_locality_link(data) -> str:
    year = max(data.score_years())
    return f"?orter={','.join(loc.id for loc in data.localities())}&ar={year}"


@pytest.fixture
def example_off(dashboard_data):
    change_settings(dashboard_data.store.engine, operator_actor(), {"example_data": "off"})
    assert dashboard_data.example_data() is False
    return dashboard_data


# --- with example data on (the default): every such figure carries the mark ---------------------


def test_the_bundled_data_has_scores_resting_on_example_data(dashboard_data):
    table = newest_table(dashboard_data)
    assert any(provenance(table.index[loc]).rests_on_example for loc in table.locality_ids)


def test_map_score_layers_mark_every_locality_whose_score_rests_on_example_data(dashboard_data):
    table = newest_table(dashboard_data)
    for layer in (INDEX_LAYER, *(AREA_LAYER_PREFIX + a.id for a in DEVELOPMENT_AREAS)):
        values, _ = layer_data(dashboard_data, layer, LATEST, EQUAL_WEIGHTS)
        area = layer.removeprefix(AREA_LAYER_PREFIX) if layer != INDEX_LAYER else None
        marked = {loc for loc in table.locality_ids
                  if provenance(table.index[loc] if area is None else table.areas[loc][area]).rests_on_example}
        for loc in table.locality_ids:
            assert (NOTE in values.notes[loc]) == (loc in marked), (layer, loc)
        if marked:
            assert any("orter " + NOTE in line or "ort " + NOTE in line for line in values.legend_notes), layer


def test_map_indicator_layers_and_the_overview_mark_example_figures(dashboard_data):
    for indicator in dashboard_data.map_indicators():
        values, _ = layer_data(dashboard_data, indicator.id, LATEST, EQUAL_WEIGHTS)
        if any(v.observation is not None and v.observation.example and v.comparable for v in values.values):
            assert any(NOTE in line for line in values.legend_notes), indicator.id
            overview = texts(panel_content(dashboard_data, None, {"layer": indicator.id}))
            assert "Exempeldata" in overview, indicator.id


def test_the_standalone_map_of_the_index_says_how_many_localities_rest_on_example_data(dashboard_data):
    html = standalone_map_html(dashboard_data, {"layer": INDEX_LAYER, "year": LATEST, "weights": ""})
    assert NOTE in html


def test_the_compare_page_marks_each_bar_cell_and_chart(dashboard_data):
    table = newest_table(dashboard_data)
    content = compare_content(dashboard_data, every_locality_link(dashboard_data))
    names = dashboard_data.names()
    index_bars = content.index.data[0]
    for label, shown in zip(index_bars.y, index_bars.text):
        loc = next(loc for loc, name in names.items() if name == label)
        assert shown.endswith(STAR) == provenance(table.index[loc]).rests_on_example, label
    assert NOTE in content.index.layout.title.text and NOTE in content.radar.layout.title.text
    # The table stays narrow: a star on the value, the note in words in the cell's title.
    assert STAR in texts(content.table) and any(NOTE in title for title in titles(content.table))
    if any(text.endswith(STAR) for text in content.bars.data[0].text):
        assert NOTE in content.bars.layout.title.text


def test_the_comparison_export_says_example_or_real_per_row(dashboard_data):
    download = export_comparison(dashboard_data, every_locality_link(dashboard_data), "csv")
    import base64

    frame = pd.read_csv(io.BytesIO(base64.b64decode(download["content"])))
    index_rows = frame[frame["kind"] == "index"]
    table = newest_table(dashboard_data)
    for _, row in index_rows.iterrows():
        prov = provenance(table.index[row["locality_id"]])
        expected = "example" if prov.is_example else "partly_example" if prov.is_partly_example else "real"
        assert row["provenance"] == expected and row["example_parts"] == prov.example_parts
    assert set(frame["provenance"].dropna()) <= {"example", "partly_example", "real"}


def test_every_slide_marks_what_rests_on_example_data(dashboard_data):
    table = newest_table(dashboard_data)
    slides, _, _ = slides_for(dashboard_data, "standard")
    for slide in slides:
        shown = render_slide(dashboard_data, slide)
        figures = graphs(shown)
        locality = slide_locality(slide)
        if slide == SLIDE_COMPARE:
            heatmap, phone_bars = figures  # one drawing per screen width
            localities = list(table.locality_ids)
            for loc, row in zip(localities, heatmap.data[0].text):
                for area, cell in zip(DEVELOPMENT_AREAS, row):
                    assert cell.endswith(STAR) == provenance(table.areas[loc][area.id]).rests_on_example
            assert NOTE in heatmap.layout.title.text
            by_name = {name: loc for loc, name in dashboard_data.names().items()}
            for area, bars in zip(DEVELOPMENT_AREAS, phone_bars.data):
                for name, label in zip(bars.y, bars.text):
                    assert label.endswith(STAR) == provenance(table.areas[by_name[name]][area.id]).rests_on_example
            assert NOTE in texts(shown)  # the phone drawing's note: page text above it, which wraps
        elif locality is not None:
            scores, phone_scores = figures  # one drawing per screen width
            index = provenance(table.index[locality])
            assert (NOTE in scores.layout.title.text) == index.rests_on_example, locality
            assert (NOTE in texts(shown)) == index.rests_on_example, locality  # the phone's title is page text
            for area, cell, phone_cell in zip(DEVELOPMENT_AREAS, scores.data[0].text, phone_scores.data[0].text):
                assert cell.endswith(STAR) == provenance(table.areas[locality][area.id]).rests_on_example
                assert phone_cell == cell


def test_reports_mark_scores_resting_on_example_data(dashboard_data):
    table = newest_table(dashboard_data)
    for loc in table.locality_ids:
        marked = provenance(table.index[loc]).rests_on_example
        assert (NOTE in locality_report_html(dashboard_data, loc)) == marked, loc
    assert NOTE in municipality_report_html(dashboard_data)


# --- with example data off: nothing rests on it --------------------------------------------------


def test_with_example_data_off_no_score_or_index_rests_on_it(example_off):
    for year in example_off.score_years():
        table = example_off.score_table(year, EQUAL_WEIGHTS)
        for loc in table.locality_ids:
            assert not provenance(table.index[loc]).rests_on_example
            assert not any(provenance(a).rests_on_example for a in table.areas[loc].values())


def test_with_example_data_off_no_view_shows_the_mark(example_off):
    for layer in (INDEX_LAYER, *(AREA_LAYER_PREFIX + a.id for a in DEVELOPMENT_AREAS),
                  *(i.id for i in example_off.map_indicators())):
        values, _ = layer_data(example_off, layer, LATEST, EQUAL_WEIGHTS)
        assert not any(v.observation is not None and v.observation.example for v in values.values), layer
        assert not any(NOTE in line for line in values.legend_notes)
    slides, _, _ = slides_for(example_off, "standard")
    for slide in slides:
        shown = render_slide(example_off, slide)
        assert "xempeldata" not in texts(shown)
        for figure in graphs(shown):
            assert NOTE not in str(figure.layout.title.text)
            for trace in figure.data:
                assert not any(str(t).endswith(STAR) for row in (trace.text or []) for t in
                               (row if isinstance(row, (list, tuple)) else [row]))
    if example_off.score_years():
        content = compare_content(example_off, every_locality_link(example_off))
        assert content.example is None and NOTE not in texts(content.table)
    for loc in example_off.locality_ids():
        assert NOTE not in locality_report_html(example_off, loc)
        assert "Exempeldata" not in texts(panel_content(example_off, loc, None))
    assert NOTE not in municipality_report_html(example_off)
