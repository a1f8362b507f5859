"""Presentation mode as plain functions (``dashboard.views.presentation``), and in a real browser with the keyboard."""

from __future__ import annotations

import pytest
from dash import no_update

from dashboard import ids
from dashboard.views.presentation import (
    DEFAULT_CHOICE,
    edit_draft,
    load_draft,
    navigate,
    position,
    presentation_choices,
    render_slide,
    show_slide,
    slides_for,
)
from indicators.presentations.slides import Presentation
from indicators.presentations.store import PresentationStore
from tests.dashboard.helpers import components, texts


def test_the_default_presentation_has_every_locality_between_overview_and_progress(dashboard_data):
    slides, dropped, stored = slides_for(dashboard_data, "standard")
    assert slides[:2] == ("sedan-motet", "oversikt") and slides[-2:] == ("jamforelse", "framsteg")
    assert len(slides) == 14 and dropped == () and stored is None


def test_next_and_previous_stay_within_the_slides():
    assert navigate("?bild=1", "standard", ids.PRES_NEXT, 3) == "?bild=2"
    assert navigate("?bild=3", "standard", ids.PRES_NEXT, 3) == "?bild=3"
    assert navigate("?bild=1", "standard", ids.PRES_PREV, 3) == "?bild=1"
    assert navigate("?bild=2", "7", ids.PRES_CHOICE, 3) == "?bild=1&id=7"
    assert position("?bild=99", 5) == 4 and position("?bild=x", 5) == 0


def test_a_saved_presentation_that_names_a_removed_locality_skips_that_slide(dashboard_data, store):
    presentations = PresentationStore(store)
    saved = presentations.save(Presentation("Möte", ("oversikt", "ort:tuna")), username="t",
                               locality_ids={"tuna"})
    # Tuna is "removed" by asking with a store that no longer lists it: simulate by a stale id in the list.
    from indicators.storage import schema

    with store.engine.begin() as conn:
        conn.execute(schema.presentations.update().values(slides=["oversikt", "ort:mariannelund", "ort:tuna"]))
    slides, dropped, _ = slides_for(dashboard_data, str(saved.id))
    assert slides == ("oversikt", "ort:tuna") and dropped == ("ort:mariannelund",)


def test_the_url_chooses_the_slide_and_says_which_slides_were_skipped(dashboard_data, store):
    saved = PresentationStore(store).save(Presentation("Möte", ("oversikt", "ort:tuna")), username="t",
                                          locality_ids={"tuna"})
    from indicators.storage import schema

    with store.engine.begin() as conn:
        conn.execute(schema.presentations.update().values(slides=["oversikt", "ort:mariannelund", "ort:tuna"]))
    shown = show_slide(dashboard_data, f"?bild=2&id={saved.id}", DEFAULT_CHOICE)
    assert shown.stage.children.to_plotly_json()["props"]["data-slide"] == "ort:tuna"
    # Where the slide stands travels with it, for the keys' script (assets/presentation.js).
    assert shown.stage.to_plotly_json()["props"]["data-index"] == "2"
    assert shown.stage.to_plotly_json()["props"]["data-total"] == "2"
    assert "ort:mariannelund" in texts(shown.notice)
    assert shown.choice == str(saved.id)  # the link's presentation is chosen in the dropdown
    assert show_slide(dashboard_data, "?bild=1", DEFAULT_CHOICE).choice is no_update
    assert show_slide(dashboard_data, "?bild=1", DEFAULT_CHOICE).notice is None


def test_the_editor_loads_the_chosen_presentation_and_lists_the_saved_ones(dashboard_data, store):
    saved = PresentationStore(store).save(Presentation("Möte", ("oversikt", "ort:tuna")), username="t",
                                          locality_ids={"tuna"})
    assert load_draft(dashboard_data, str(saved.id)) == (["oversikt", "ort:tuna"], "Möte")
    assert load_draft(dashboard_data, DEFAULT_CHOICE)[1] == ""
    assert [o["value"] for o in presentation_choices(dashboard_data)] == [DEFAULT_CHOICE, str(saved.id)]


def test_a_locality_slide_shows_its_name_scores_and_initiatives(dashboard_data):
    slide = render_slide(dashboard_data, "ort:storebro")
    assert "Storebro" in texts(slide) and "Initiativ" in texts(slide)


def test_editing_moves_removes_and_adds_slides():
    draft = ["a", "b", "c"]
    assert edit_draft(draft, {"type": ids.PRES_MOVE, "index": 2, "delta": -1}, None) == ["a", "c", "b"]
    assert edit_draft(draft, {"type": ids.PRES_MOVE, "index": 0, "delta": 0}, None) == ["b", "c"]
    assert edit_draft(draft, ids.PRES_ADD, "jamforelse") == ["a", "b", "c", "jamforelse"]


@pytest.mark.browser
def test_the_keyboard_moves_through_the_slides(live_app, page):
    browser_page = page.page
    browser_page.goto(live_app + "/presentation?bild=2")
    browser_page.locator("#pres-stage [data-slide=oversikt]").wait_for()
    browser_page.locator("#pres-stage").focus()
    browser_page.keyboard.press("ArrowRight")
    browser_page.locator("#pres-stage [data-slide^='ort:']").wait_for()
    assert "Bild 3 av 14" in browser_page.locator("#pres-counter").inner_text()
    browser_page.keyboard.press("ArrowLeft")
    browser_page.locator("#pres-stage [data-slide=oversikt]").wait_for()
    browser_page.goto(live_app + "/presentation?bild=13")
    browser_page.locator("#pres-stage [data-slide=jamforelse]").wait_for()
    assert page.outside_requests() == []
    assert page.errors == []


def test_the_report_button_exports_the_slide_on_screen(dashboard_data):
    from dashboard.views.presentation import export_file

    report = export_file(dashboard_data, "?bild=10", "standard", "report")
    assert report["filename"] == "rapport-sodra-vi.html" and "Södra Vi" in report["content"]
    overview = export_file(dashboard_data, "?bild=1", "standard", "report")
    assert overview["filename"] == "rapport-vimmerby-kommun.html"
    offline_map = export_file(dashboard_data, "?bild=1", "standard", "map")
    assert "/vendor/" not in offline_map["content"]


def test_the_progress_slide_counts_a_first_initiative_in_whole_numbers(dashboard_data):
    from dash import dcc

    from indicators.groupwork.records import Initiative, InitiativeStatus

    dashboard_data.gw.save_initiative(Initiative("storebro", "Badbrygga", InitiativeStatus.ONGOING), username="t")
    slide = render_slide(dashboard_data, "framsteg")
    graphs = [node for node in components(slide) if isinstance(node, dcc.Graph)]
    axis = graphs[0].figure["layout"]["yaxis"]
    assert axis["dtick"] == 1 and axis["tickformat"] == "d"  # 0, 1 — never 0,2 0,4 …
