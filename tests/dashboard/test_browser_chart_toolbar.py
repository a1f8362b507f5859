"""A chart's toolbar speaks the page's language: plotly's own words come from our catalogue."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_the_compare_charts_toolbar_says_its_buttons_in_swedish(live_app, page):
    page.page.goto(f"{live_app}/jamfor")
    chart = page.page.locator(".js-plotly-plot").first
    chart.wait_for()
    chart.hover()
    button = chart.locator(".modebar-btn").first
    button.wait_for(state="attached")
    titles = chart.locator(".modebar-btn").evaluate_all("nodes => nodes.map(n => n.getAttribute('data-title'))")
    assert "Ladda ner diagrammet som PNG" in titles
    assert not any(title in ("Download plot as a PNG", "Zoom", "Pan", "Autoscale") for title in titles)
    assert page.errors == []


def test_the_config_carries_the_words_for_the_language():
    from dashboard.components.widgets import graph_config

    config = graph_config("en")
    assert config["locale"] == "en"
    assert config["locales"]["en"]["dictionary"]["Zoom"] == "Zoom"
    swedish = graph_config("sv")["locales"]["sv"]["dictionary"]
    assert swedish["Download plot as a PNG"] == "Ladda ner diagrammet som PNG"
    assert swedish["Reset axes"] == "Återställ axlarna"
