"""The map page's selection in a real browser: one round trip, a light panel, no plotly.js (issue #13 item 2)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _callback_posts(recorder) -> list[str]:
    return [url for url in recorder.requests if "/_dash-update-component" in url]


def test_a_click_on_the_map_asks_the_server_once_and_the_panel_draws_an_svg_image(live_app, page):
    view = page.page
    view.goto(live_app + "/")
    frame = view.frame_locator("#map-frame")
    frame.locator("path.ort-storebro").wait_for()
    view.wait_for_load_state("networkidle")  # the page's first round of callbacks has settled
    before = len(_callback_posts(page))

    frame.locator("path.ort-storebro").click()

    panel = view.locator("[data-locality=storebro]")
    panel.wait_for()
    view.wait_for_load_state("networkidle")
    assert len(_callback_posts(page)) - before == 1  # URL, list and panel in one response
    assert view.url.endswith("?ort=storebro")
    chart = panel.locator("img.population-chart")
    assert chart.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert chart.get_attribute("alt").startswith("Folkmängd i Storebro")
    assert view.evaluate("img => img.complete && img.naturalWidth > 0", chart.element_handle())
    # The selection is drawn in the map: its area has the thick outline.
    assert frame.locator("path.ort-area-storebro").get_attribute("stroke-width") == "5"
    assert not [url for url in page.requests if "plotly" in url]  # the map page never needs plotly.js
    assert page.outside_requests() == [] and page.errors == []


def test_choosing_in_the_list_highlights_the_locality_in_the_map(live_app, page):
    view = page.page
    view.goto(live_app + "/")
    frame = view.frame_locator("#map-frame")
    frame.locator("path.ort-tuna").wait_for()
    view.wait_for_load_state("networkidle")
    before = len(_callback_posts(page))

    view.locator("#locality-select").click()
    # Typed into the list's search box once it is there (keys pressed before it opens are lost).
    view.locator("input.dash-dropdown-search").fill("Tuna")
    view.get_by_role("option", name="Tuna", exact=True).click()

    view.locator("[data-locality=tuna]").wait_for()
    view.wait_for_load_state("networkidle")
    assert len(_callback_posts(page)) - before == 1
    assert view.url.endswith("?ort=tuna")
    assert frame.locator("path.ort-area-tuna").get_attribute("stroke-width") == "5"
    assert page.errors == []


_PANEL_COMPONENTS_JS = """() => {
  var count = 0;
  function walk(x) {
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (!x || typeof x !== 'object') { return; }
    if (x.type && x.namespace) { count++; walk((x.props || {}).children); return; }
    Object.keys(x).forEach(function (k) { walk(x[k]); });
  }
  var layout = window.store.getState().layout;
  var found = null;
  (function find(x) {
    if (found || !x || typeof x !== 'object') { return; }
    if (Array.isArray(x)) { x.forEach(find); return; }
    if (x.props && x.props.id === 'locality-panel') { found = x; return; }
    Object.keys(x).forEach(function (k) { find(x[k]); });
  })(layout);
  walk(found.props.children);
  return count;
}"""


def test_the_panel_is_one_dash_component_drawing_the_whole_markup(live_app, page):
    view = page.page
    view.goto(live_app + "/?ort=storebro")
    panel = view.locator("#locality-panel .panel[data-locality=storebro]")
    panel.wait_for()
    view.wait_for_load_state("networkidle")

    # Dash keeps one component for it, not the ~340 of html.* it was built from (issue #13 item 2).
    assert view.evaluate(_PANEL_COMPONENTS_JS) == 1
    assert panel.locator("h2.panel-title").inner_text() == "Storebro"
    assert panel.locator("section.area").count() == 6
    assert panel.locator("table.population-table tbody tr").count() >= 2
    assert panel.locator("table.population-table").get_attribute("tabindex") == "0"
    assert page.errors == []


def test_the_panels_suggestion_link_opens_the_ideas_page_without_reloading(live_app, page):
    view = page.page
    view.goto(live_app + "/?ort=storebro")
    link = view.locator("#locality-panel a", has_text="Lämna ett förslag för Storebro")
    link.wait_for()
    view.wait_for_load_state("networkidle")
    view.evaluate("window.__samePage = true")

    link.click()

    view.wait_for_url("**/forslag?ort=storebro")
    view.locator("#idea-title").wait_for()
    assert view.evaluate("window.__samePage === true")  # Dash changed the page; the browser did not reload
    assert page.errors == []


_HOSTILE_TREE = [
    {"t": "p", "a": {"className": "said", "onClick": "window.__pwned = 1", "title": "<b>t</b>"},
     "c": ['<img src=x onerror="window.__pwned=1"> {{ 7*7 }} <b>fet</b>']},
    {"t": "script", "c": ["window.__pwned = 1"]},
    {"t": "a", "a": {"href": "javascript:window.__pwned=1", "className": "bad-link"}, "c": ["länk"]},
    {"t": "img", "a": {"src": "x", "onError": "window.__pwned=1", "dangerouslySetInnerHTML": {"__html": "<b>x</b>"}}},
]


def test_a_static_tree_draws_text_as_text_and_drops_what_could_run(live_app, page):
    view = page.page
    view.goto(live_app + "/")
    view.wait_for_function("window.allas_static && window.React && window.ReactDOM")

    view.evaluate("""tree => {
      var box = document.createElement('div'); box.id = 'tree-test'; document.body.appendChild(box);
      window.ReactDOM.createRoot(box).render(window.React.createElement(window.allas_static.StaticTree, {tree: tree}));
    }""", _HOSTILE_TREE)

    said = view.locator("#tree-test p.said")
    said.wait_for()
    assert said.inner_text() == '<img src=x onerror="window.__pwned=1"> {{ 7*7 }} <b>fet</b>'
    assert said.get_attribute("title") == "<b>t</b>" and said.get_attribute("onclick") is None
    assert view.locator("#tree-test script, #tree-test b").count() == 0
    assert view.locator("#tree-test a.bad-link").get_attribute("href") in ("about:blank", None)
    image = view.locator("#tree-test img")
    assert image.get_attribute("onerror") is None and image.inner_html() == ""
    view.wait_for_function("() => document.querySelector('#tree-test img').complete")  # its error has fired
    assert view.evaluate("window.__pwned === undefined")


def test_clearing_the_list_takes_the_highlight_off_the_map(live_app, page):
    view = page.page
    view.goto(live_app + "/?ort=tuna")
    frame = view.frame_locator("#map-frame")
    area = frame.locator("path.ort-area-tuna")
    area.wait_for()
    view.locator("#locality-panel [data-locality=tuna]").wait_for()
    view.wait_for_function(
        "() => document.getElementById('map-frame').contentDocument.querySelector('path.ort-area-tuna')"
        ".getAttribute('stroke-width') === '5'")

    view.locator("#locality-select .dash-dropdown-clear").click()

    view.locator("#locality-panel .panel:not([data-locality])").wait_for()
    view.wait_for_function(
        "() => document.getElementById('map-frame').contentDocument.querySelector('path.ort-area-tuna')"
        ".getAttribute('stroke-width') === '1.5'")
    assert page.errors == []


def test_pointing_at_the_chosen_area_and_leaving_it_keeps_its_outline(live_app, page):
    view = page.page
    view.goto(live_app + "/?ort=storebro")
    area = view.frame_locator("#map-frame").locator("path.ort-area-storebro")
    area.wait_for()
    view.locator("#locality-panel [data-locality=storebro]").wait_for()

    frame = view.locator("#map-frame").element_handle().content_frame()
    # The pointer comes onto the area (drawn thicker) and leaves it (Leaflet's own events).
    frame.evaluate("() => { const area = window.allasMap.areas['storebro']; area.fire('mouseover'); }")
    assert area.get_attribute("stroke-width") == "4"
    frame.evaluate("() => { const area = window.allasMap.areas['storebro']; area.fire('mouseout'); }")

    assert area.get_attribute("stroke-width") == "5"
    assert page.errors == []
