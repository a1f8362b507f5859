"""With hundreds of localities the map draws them on one canvas, and the chosen one is outlined on
a small layer of its own above it: choosing never redraws the canvas (issue #13: 20–50 ms at
2,000 localities, which held up the page's request)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EXTRA = 50  # with the ten: 60, above the 40 drawn as SVG shapes (map_view.MAX_PERMANENT_LABELS)


@pytest.fixture
def many_localities(store) -> list[str]:
    from geodata.boundary import municipality_boundary
    from geodata.synthetic import synthetic_localities

    added = synthetic_localities(EXTRA, municipality_boundary(), seed=3)
    store.save_localities(added)
    return [loc.id for loc in added]


_DOT_JS = """id => {
  var dot = window.allasMap.points[id];
  var at = window.allasMap.map.latLngToContainerPoint(dot.getLatLng());
  var box = window.allasMap.map.getContainer().getBoundingClientRect();
  return {x: box.left + at.x, y: box.top + at.y};
}"""


def _chosen(frame) -> list[str]:
    return frame.evaluate("""() => Array.from(document.querySelectorAll('path.ort-chosen-area'))
        .map(p => p.getAttribute('class').match(/ort-chosen-area-(\\S+)/)[1] + ':' + p.getAttribute('stroke-width'))""")


def test_choosing_on_the_canvas_outlines_the_locality_above_it_and_leaves_the_canvas_alone(
        many_localities, live_app, page):
    view = page.page
    view.set_viewport_size({"width": 1366, "height": 900})
    view.goto(live_app + "/")
    view.frame_locator("#map-frame").locator(".leaflet-overlay-pane canvas").wait_for()
    view.wait_for_load_state("networkidle")
    frame = view.locator("#map-frame").element_handle().content_frame()
    view.locator("#map-frame").evaluate("frame => frame.scrollIntoView({block: 'end'})")

    box = view.locator("#map-frame").bounding_box()
    dot = frame.evaluate(_DOT_JS, "storebro")
    view.mouse.click(box["x"] + dot["x"], box["y"] + dot["y"])

    view.wait_for_url("**?ort=storebro")
    view.locator("#locality-panel [data-locality=storebro]").wait_for()
    assert _chosen(frame) == ["storebro:5"]
    assert frame.evaluate("() => document.querySelectorAll('path.ort-chosen-dot-storebro').length") == 1
    # The canvas shapes keep their style: nothing on the canvas was redrawn for the choice.
    assert frame.evaluate("() => window.allasMap.areas['storebro'].options.weight") == 1.5
    assert frame.evaluate("() => window.allasMap.points['storebro'].options.radius") == 9
    # The pointer comes onto Storebro's area and leaves it (Leaflet's own events).
    frame.evaluate("() => { const area = window.allasMap.areas['storebro']; area.fire('mouseover'); }")
    frame.evaluate("() => { const area = window.allasMap.areas['storebro']; area.fire('mouseout'); }")
    assert frame.evaluate("() => window.allasMap.areas['storebro'].options.weight") == 1.5  # the overlay outlines
    assert _chosen(frame) == ["storebro:5"]

    view.locator("#locality-select").click()
    view.locator("input.dash-dropdown-search").fill("Tuna")
    view.get_by_role("option", name="Tuna", exact=True).click()

    view.locator("#locality-panel [data-locality=tuna]").wait_for()
    view.wait_for_function("""() => document.getElementById('map-frame').contentDocument
        .querySelector('path.ort-chosen-area-tuna')""")
    assert _chosen(frame) == ["tuna:5"]  # Storebro's outline is gone
    assert page.errors == []
