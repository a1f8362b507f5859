"""``h`` builds ``StaticTree`` nodes directly: the same data ``freeze`` makes of Dash components,
with unknown attributes refused and text kept as text."""

from __future__ import annotations

import pytest
from dash import dcc, html

from dashboard.components.markup import h
from dashboard.components.static_tree import freeze


def test_a_node_is_what_freeze_makes_of_the_same_dash_markup():
    built = h("div", h("h2", "Storebro", className="panel-title"),
              h("p", "1 025 ", h("span", "invånare", title="SCB"), **{"data-x": "1"}),
              className="panel", **{"data-locality": "storebro"})

    frozen = freeze(html.Div([html.H2("Storebro", className="panel-title"),
                              html.P(["1 025 ", html.Span("invånare", title="SCB")], **{"data-x": "1"})],
                             className="panel", **{"data-locality": "storebro"}))

    assert [built] == frozen.tree


def test_an_attribute_the_browser_would_not_draw_is_refused():
    with pytest.raises(ValueError, match="onClick"):
        h("button", "Visa", onClick="alert(1)")
    with pytest.raises(ValueError, match="class"):
        h("p", "Källa", **{"class": "source"})  # React's name is className


def test_children_are_flattened_and_empty_ones_dropped():
    built = h("ul", [h("li", "a"), (h("li", "b"), None)], None, False, [], h("li", 3, " ", 2.5))

    assert built == {"t": "ul", "c": [{"t": "li", "c": ["a"]}, {"t": "li", "c": ["b"]},
                                      {"t": "li", "c": ["3", " ", "2.5"]}]}


def test_an_element_without_attributes_or_children_is_only_its_tag():
    assert h("div") == {"t": "div"}
    assert h("span", className=None) == {"t": "span"}  # as a Dash prop given None


def test_text_that_looks_like_markup_stays_a_string():
    hostile = '<img src=x onerror="alert(1)"> {{ 7*7 }} <b>fet</b>'

    assert h("p", hostile, title=hostile) == {"t": "p", "a": {"title": hostile}, "c": [hostile]}


def test_a_dash_component_child_becomes_nodes():
    link = dcc.Link("Lämna ett förslag", href="/forslag?ort=tuna", className="button")

    built = h("div", html.P(link, className="idea-suggest"))

    assert built["c"] == [{"t": "p", "a": {"className": "idea-suggest"}, "c": [
        {"t": "a", "a": {"href": "/forslag?ort=tuna", "className": "button", "data-app-link": "1"},
         "c": ["Lämna ett förslag"]}]}]


def test_a_dash_component_a_callback_needs_is_refused_as_a_child():
    with pytest.raises(ValueError, match="not static"):
        h("div", html.Button("Visa fler", id="panel-more"))
