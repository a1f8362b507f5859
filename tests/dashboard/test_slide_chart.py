"""A slide's chart: sized by the slide, and "Inga uppgifter" instead of an invented −1..1 axis."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc

from dashboard.components.slide_chart import has_values, slide_chart
from tests.dashboard.helpers import texts


def test_all_zero_or_missing_values_are_nothing_to_show():
    assert not has_values(go.Figure(go.Bar(x=["a", "b"], y=[0, 0])))
    assert not has_values(go.Figure([go.Bar(x=["a"], y=[None]), go.Bar(x=["a"], y=[0])]))
    assert not has_values(go.Figure(go.Heatmap(z=[[None, None], [None, None]])))
    assert not has_values(go.Figure())
    assert has_values(go.Figure(go.Bar(x=["a", "b"], y=[0, 3])))
    assert has_values(go.Figure(go.Heatmap(z=[[None, 41.5]])))


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
