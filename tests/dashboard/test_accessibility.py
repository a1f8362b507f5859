"""WCAG 2.1 AA on the main views, checked by axe-core in a real headless Chromium (issue 5).

axe-core comes from the ``axe-playwright-python`` wheel (see ``tests/dashboard/axe.py``), so
nothing is downloaded while the tests run. Each view is checked once its content has rendered,
in the main document and inside every map iframe (the ``srcdoc`` frame). Violations of impact
"serious" or "critical" fail the test; the message lists rule, impact, help and the elements.
"""

from __future__ import annotations

import pytest

from tests.dashboard.axe import blocking, describe, run_axe

pytestmark = pytest.mark.browser

COMPARE = "/jamfor?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations"
# All ten localities, so every rank colour (1–10) of the ranking table is on screen.
COMPARE_ALL = ("/jamfor?orter=djursdala,frodinge,gullringen,locknevi,pelarne,rumskulla,storebro,sodra-vi,tuna,"
               "vimmerby&ar=2024&omrade=trivas&indikator=associations")

# (path, selector in the main document that shows the view has rendered, map iframe selector or None)
VIEWS = [
    pytest.param("/", "#map-frame", "#map-frame", id="map"),
    pytest.param("/?ort=storebro", "[data-locality=storebro]", "#map-frame", id="map-storebro"),
    pytest.param(COMPARE, "#compare-table table", None, id="compare"),
    pytest.param(COMPARE_ALL, "#compare-table table", None, id="compare-all-ten"),
    pytest.param("/grupper?ort=sodra-vi", "[data-locality]", None, id="groups"),
    pytest.param("/metod", ".method-page .method-text", None, id="method"),
    pytest.param("/presentation", "#pres-stage [data-slide=sedan-motet]", None, id="presentation-opening"),
    pytest.param("/presentation?bild=2", "#pres-stage [data-slide=oversikt]", "#pres-stage iframe", id="presentation"),
    pytest.param("/logga-in", "input#username", None, id="login"),
]


def _map_frames(browser_page, iframe_selector: str) -> list:
    """The map iframes, once their labels have drawn (the map is built by Leaflet in the frame)."""
    browser_page.frame_locator(iframe_selector).first.locator(".ort-label").first.wait_for()
    frames = []
    for handle in browser_page.locator(iframe_selector).element_handles():
        frame = handle.content_frame()
        assert frame is not None, f"{iframe_selector} has no document"
        frames.append(frame)
    return frames


@pytest.mark.parametrize(("path", "ready", "map_iframe"), VIEWS)
def test_the_view_has_no_serious_or_critical_wcag_violations(live_app, page, path, ready, map_iframe):
    browser_page = page.page
    browser_page.goto(live_app + path)
    browser_page.locator(ready).first.wait_for()
    browser_page.wait_for_load_state("networkidle")

    frames = [("document", browser_page.main_frame)]
    if map_iframe:
        frames += [(f"map iframe {n}", frame) for n, frame in enumerate(_map_frames(browser_page, map_iframe), 1)]

    reports = []
    for where, frame in frames:
        found = blocking(run_axe(frame))
        if found:
            reports.append(describe(found, f"{path} {where}"))

    assert not reports, "WCAG 2.1 AA violations (serious/critical):\n" + "\n".join(reports)
    assert page.outside_requests() == []
