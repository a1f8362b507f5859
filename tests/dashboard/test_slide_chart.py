"""A slide's chart: sized by the slide, and "Inga uppgifter" instead of an invented −1..1 axis."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc

from dashboard.components.slide_chart import has_values, slide_chart, slide_chart_by_width
from tests.dashboard.helpers import texts


def test_all_zero_or_missing_values_are_nothing_to_show():
    assert not has_values(go.Figure(go.Bar(x=["a", "b"], y=[0, 0])))
    assert not has_values(go.Figure([go.Bar(x=["a"], y=[None]), go.Bar(x=["a"], y=[0])]))
    assert not has_values(go.Figure(go.Heatmap(z=[[None, None], [None, None]])))
    assert not has_values(go.Figure())
    assert has_values(go.Figure(go.Bar(x=["a", "b"], y=[0, 3])))
    assert has_values(go.Figure(go.Heatmap(z=[[None, 41.5]])))


def test_horizontal_bars_are_read_by_their_length_not_their_labels():
    assert has_values(go.Figure(go.Bar(x=[0, 57], y=["Tuna", "Storebro"], orientation="h")))
    assert not has_values(go.Figure(go.Bar(x=[0, None], y=["Tuna", "Storebro"], orientation="h")))


def test_an_empty_chart_says_so_in_the_ui_language_and_draws_no_axes():
    empty = slide_chart(go.Figure(go.Bar(x=["a"], y=[0])), "framsteg", "sv")
    assert texts(empty) == "Inga uppgifter"
    assert not isinstance(empty.children, dcc.Graph)
    assert texts(slide_chart(go.Figure(go.Bar(x=["a"], y=[0])), "framsteg", "en")) == "No data"


def test_a_chart_with_values_is_sized_by_its_box_not_a_fixed_height():
    figure = go.Figure(go.Bar(x=["a"], y=[2]))
    figure.update_layout(height=600)
    shown = slide_chart(figure, "framsteg", "sv")
    graph = shown.children
    assert isinstance(graph, dcc.Graph) and graph.responsive is True
    assert graph.figure.layout.height is None
    assert graph.style["height"] == "100%"


def _phone_bars() -> go.Figure:
    figure = go.Figure(go.Bar(x=[57], y=["Tuna &amp; Co"], orientation="h"))
    figure.update_layout(title={"text": "Poäng per område<br><sup>1 av 1 ort bygger på exempeldata</sup>",
                                "subtitle": {"text": "Källa: SCB &lt;2024&gt;"}},
                         height=900, margin={"t": 140})
    return figure


def test_a_chart_drawn_twice_has_the_wide_drawing_for_the_slide_and_the_narrow_one_for_a_phone():
    wide = go.Figure(go.Heatmap(z=[[41.5]]))
    pair = slide_chart_by_width(wide, _phone_bars(), "jamforelse", "sv")
    wide_box, narrow_box = pair.children
    assert "slide-wide" in wide_box.className.split() and "slide-narrow" in narrow_box.className.split()
    assert wide_box.children.figure.layout.height is None  # sized by the slide, as any slide chart
    graph = narrow_box.children[-1]
    assert graph.figure.layout.height == 772 and graph.style["height"] == "772px"  # its own height, less the title's room


def test_the_phone_drawings_title_and_caption_become_page_text_that_wraps():
    narrow_box = slide_chart_by_width(go.Figure(go.Heatmap(z=[[41.5]])), _phone_bars(), "jamforelse", "sv").children[1]
    heading, note, caption, graph = narrow_box.children
    assert (heading.children, note.children, caption.children) == (
        "Poäng per område", "1 av 1 ort bygger på exempeldata", "Källa: SCB <2024>")
    assert not graph.figure.layout.title.text and not graph.figure.layout.title.subtitle.text


def test_a_chart_drawn_twice_with_nothing_to_show_is_one_note():
    shown = slide_chart_by_width(go.Figure(go.Heatmap(z=[[None]])), _phone_bars(), "jamforelse", "sv")
    assert texts(shown) == "Inga uppgifter"
