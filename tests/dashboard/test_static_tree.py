"""Static markup is sent as data: what no callback touches becomes one ``StaticTree``, text stays
text, only known attributes are kept, and components callbacks need stay Dash components."""

from __future__ import annotations

import json

import pytest
from dash import dcc, html

from dashboard.components.static_tree import StaticTree, freeze, nodes_of
from dashboard.views.map import panel_content, shown_panel
from tests.dashboard.helpers import nodes, texts

STATE = {"layer": "population", "year": "senaste", "weights": ""}


def test_a_tree_without_ids_becomes_one_component_of_plain_nodes():
    panel = html.Div([html.H2("Storebro", className="panel-title"),
                      html.P(["1 025 ", html.Span("invånare", title="SCB")], **{"data-x": "1"})],
                     className="panel", **{"data-locality": "storebro"})

    frozen = freeze(panel)

    assert isinstance(frozen, StaticTree)
    assert frozen.tree == [{"t": "div", "a": {"className": "panel", "data-locality": "storebro"}, "c": [
        {"t": "h2", "a": {"className": "panel-title"}, "c": ["Storebro"]},
        {"t": "p", "a": {"data-x": "1"}, "c": ["1 025 ", {"t": "span", "a": {"title": "SCB"}, "c": ["invånare"]}]},
    ]}]


def test_text_that_looks_like_markup_stays_a_string():
    hostile = '<img src=x onerror="alert(1)"> {{ 7*7 }} <b>fet</b>'

    frozen = freeze(html.P(hostile, title=hostile))

    assert frozen.tree == [{"t": "p", "a": {"title": hostile}, "c": [hostile]}]


def test_only_known_attributes_are_kept():
    frozen = freeze(html.Button("Visa", n_clicks=3, disable_n_clicks=True, className="button",
                                **{"aria-label": "Visa fler"}))

    assert frozen.tree == [{"t": "button", "a": {"className": "button", "aria-label": "Visa fler"}, "c": ["Visa"]}]


def test_components_callbacks_need_stay_and_their_static_neighbours_are_frozen_in_runs():
    more = html.Button("Visa fler", id="panel-more")
    panel = html.Div([html.H2("Översikt"), html.P("25 av 2 000"), more, html.P("Källa: SCB")], id="panel")

    frozen = freeze(panel)

    assert frozen.id == "panel" and isinstance(frozen, html.Div)
    first, kept, last = frozen.children
    assert isinstance(first, StaticTree) and [n["t"] for n in first.tree] == ["h2", "p"]
    assert kept is more
    assert isinstance(last, StaticTree) and texts(last) == "Källa: SCB"
    assert [texts(c) for c in panel.children] == ["Översikt", "25 av 2 000", "Visa fler", "Källa: SCB"]  # untouched


def test_a_dash_link_becomes_a_link_the_browser_follows_inside_the_app():
    frozen = freeze(html.P(dcc.Link("Lämna ett förslag", href="/forslag?ort=tuna", className="button")))

    [paragraph] = frozen.tree
    assert paragraph["c"] == [{"t": "a", "a": {"href": "/forslag?ort=tuna", "className": "button",
                                                "data-app-link": "1"}, "c": ["Lämna ett förslag"]}]


def test_other_libraries_components_are_never_frozen():
    graph = dcc.Graph(figure={})

    frozen = freeze(html.Div([html.H3("Diagram"), graph]))

    assert isinstance(frozen, html.Div) and frozen.children[1] is graph


def test_a_static_tree_is_frozen_as_it_is():
    built = StaticTree(tree=[{"t": "p", "c": ["Källa: SCB"]}])

    assert freeze(built) is built
    assert freeze(html.Div([built, html.Button("Visa fler", id="panel-more")])).children[0].tree == built.tree


def test_a_component_a_callback_needs_cannot_be_made_data():
    with pytest.raises(ValueError, match="not static"):
        nodes_of(html.P(html.Button("Visa fler", id="panel-more")))
    with pytest.raises(ValueError, match="not static"):
        nodes_of(dcc.Graph(figure={}))


def test_the_locality_panel_reaches_the_browser_as_one_component_with_every_word(dashboard_data):
    built = panel_content(dashboard_data, "storebro", STATE, "sv")
    sent = shown_panel(dashboard_data, "storebro", STATE, "sv")

    assert isinstance(built, StaticTree)  # built as data (``components.markup``), not Dash components
    assert sent["type"] == "StaticTree" and sent["namespace"] == "allas_static"
    assert sent["props"]["tree"] == json.loads(json.dumps(built.tree))
    assert texts(sent) == texts(built)
    assert len(list(nodes(built))) > 200  # what Dash would otherwise wrap one by one


def test_the_overview_of_many_localities_keeps_its_show_more_button_a_dash_component(dashboard_data):
    from dashboard import ids
    from dashboard.components.panel import overview_panel
    from indicators.metrics.latest import MapValue

    indicator = dashboard_data.store.indicator("population")
    values = [MapValue(f"ort-{i}", None, True) for i in range(60)]
    built = overview_panel(indicator, values, {f"ort-{i}": f"Ort {i:02d}" for i in range(60)}, "2024", limit=25)

    frozen = freeze(built)

    kinds = [type(c).__name__ for c in frozen.children]
    assert kinds == ["StaticTree", "Button", "StaticTree"]
    assert frozen.children[1].id == ids.PANEL_MORE and frozen.children[1].n_clicks == 0
    assert texts(frozen) == texts(built)


def test_the_browser_keeps_exactly_the_attributes_the_server_keeps():
    import re
    from pathlib import Path

    from dashboard.components.static_tree import ATTRIBUTES

    script = (Path(__file__).parents[2] / "dashboard" / "assets" / "static_tree.js").read_text(encoding="utf-8")
    [in_browser] = re.findall(r"var ATTRIBUTES = /(.*)/;", script)
    assert in_browser == ATTRIBUTES.pattern  # one allow-list, written in two languages
