"""The strategic meeting's slides as plain functions: "since the last meeting" opens the default
presentation with the period from the URL (or the two latest meetings), and "what residents
propose" counts ideas per locality and names the most supported ones as typed."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.views.meeting_slides import changes_slide, ideas_slide, presentation_href, slide_period
from dashboard.views.presentation import render_slide, show_slide, slide_options, slides_for
from indicators.groupwork import service as gw_service
from indicators.groupwork.records import Initiative, InitiativeStatus, StrategicMeeting
from indicators.ideas import service
from indicators.ideas.records import Idea, Sender, Submission
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.presentations.slides import SLIDE_CHANGES, SLIDE_IDEAS, default_slides
from indicators.storage.app_settings import AppSettings
from tests.dashboard.helpers import texts

TITLE = "Bänk vid ån {{ 7*7 }} <b>fet</b> {name}"


def _slide_id(component) -> str:
    return component.to_plotly_json()["props"]["data-slide"]


def test_the_default_presentation_opens_with_the_change_view():
    assert default_slides(["tuna"]) == (SLIDE_CHANGES, "oversikt", "ort:tuna", "jamforelse", "framsteg")


def test_the_opening_slide_is_first_on_screen_and_the_ideas_slide_can_be_added(dashboard_data):
    slides, _, _ = slides_for(dashboard_data, "standard")
    assert slides[0] == "sedan-motet" and SLIDE_IDEAS not in slides
    assert _slide_id(show_slide(dashboard_data, "?bild=1", "standard").stage.children) == "sedan-motet"
    options = {o["value"]: o["label"] for o in slide_options(dashboard_data, "sv")}
    assert options["sedan-motet"] == "Sedan förra strategiska mötet"
    assert options["forslag"] == "Vad invånarna föreslår"


def test_the_period_comes_from_the_url_else_the_two_latest_meetings(dashboard_data):
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    for day in (date(2025, 3, 1), date(2026, 2, 9), date(2024, 3, 1)):
        dashboard_data.gw.save_meeting(StrategicMeeting(day, "Strategiskt möte"), username=admin.username)
    assert slide_period(dashboard_data, "?bild=1&fran=2026-01-01&till=2026-06-30") == (date(2026, 1, 1), date(2026, 6, 30))
    latest_two = (date(2025, 3, 1), date(2026, 2, 9))
    assert slide_period(dashboard_data, "?bild=1", today=date(2026, 12, 1)) == latest_two
    # Backwards, or not a date: the default (a projector has no room for a form's messages).
    assert slide_period(dashboard_data, "?fran=2026-06-30&till=2026-01-01", today=date(2026, 12, 1)) == latest_two
    assert slide_period(dashboard_data, "?fran=igår&till=2026-01-01", today=date(2026, 12, 1)) == latest_two


def test_the_page_button_opens_the_opening_slide_with_its_dates():
    assert presentation_href(date(2025, 3, 1), date(2026, 2, 9)) == "/presentation?bild=1&fran=2025-03-01&till=2026-02-09"


def test_an_empty_period_says_so_instead_of_a_table_of_zeros(dashboard_data):
    slide = changes_slide(dashboard_data, date(1990, 1, 1), date(1990, 1, 2), "sv")
    assert "Inget har ändrats under perioden" in texts(slide)
    assert "1 jan" in texts(slide) or "1990" in texts(slide)
    assert "Initiativ startade" not in texts(slide)


def test_a_locality_row_counts_what_changed_and_quiet_ones_say_nothing_changed(dashboard_data):
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    gw_service.save_initiative(dashboard_data.gw, admin, Initiative("storebro", TITLE, InitiativeStatus.ONGOING,
                                                                    areas=("trivas",), start=date(2001, 6, 2)),
                               known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True)
    slide = render_slide(dashboard_data, SLIDE_CHANGES, "sv", "?fran=2001-06-01&till=2001-06-30")
    table = slide.children[2].children[0]
    rows = {row.to_plotly_json()["props"]["data-locality"]: [texts(cell) for cell in row.children]
            for row in table.children[1].children}
    assert rows["storebro"][:3] == ["Storebro", "0", "1"]  # no figures moved, one initiative started
    assert rows["tuna"] == ["Tuna", "Inget har ändrats under perioden."]
    assert TITLE not in texts(slide)  # the slide counts; the page /sedan-motet lists the titles
    english = changes_slide(dashboard_data, date(2001, 6, 1), date(2001, 6, 30), "en")
    assert "Initiatives started" in texts(english)


def _published_idea(dashboard_data, ideas: IdeaStore, admin, title: str, locality: str = "storebro") -> Idea:
    sent = service.submit(
        ideas, Sender("10.0.0.1"), Submission(Idea(locality, title, areas=("trivas",))),
        known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True, values=AppSettings.defaults(),
    )  # fmt: skip
    return service.moderate(ideas, admin, sent.id, sent.version, Step.PUBLISH)


def test_the_ideas_slide_counts_per_locality_and_names_the_most_supported_as_typed(dashboard_data):
    ideas = IdeaStore(dashboard_data.store, salt=b"test")
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    supported = _published_idea(dashboard_data, ideas, admin, TITLE)
    _published_idea(dashboard_data, ideas, admin, "Utegym", "tuna")  # published, not supported: not on the top list
    for browser in ("a", "b"):
        service.support(ideas, Sender(f"10.0.0.{len(browser) + 5}", browser=browser), supported.id,
                        values=AppSettings.defaults())
    slide = render_slide(dashboard_data, SLIDE_IDEAS, "sv")
    assert _slide_id(slide) == "forslag"
    shown = texts(slide)
    assert "Vad invånarna föreslår" in shown
    assert TITLE in shown and "– Storebro · 2 stöd" in shown  # template syntax and markup as typed
    assert "Utegym" not in shown
    counts = {texts(row.children[0]): [texts(cell) for cell in row.children[1:3]]
              for row in slide.children[1].children[0].children.children[1].children}
    assert counts["Storebro"] == ["1", "2"] and counts["Tuna"] == ["1", "0"]


def test_the_ideas_slide_without_ideas_says_so(dashboard_data):
    assert "Inga publicerade förslag ännu." in texts(ideas_slide(dashboard_data, "sv"))


def test_the_compare_page_counts_published_ideas_and_supports_per_locality_and_per_1000(dashboard_data):
    from dashboard.components.compare_ideas import idea_count_rows, idea_counts_view
    from dashboard.pages.compare import compare_page

    ideas = IdeaStore(dashboard_data.store, salt=b"test")
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    published = _published_idea(dashboard_data, ideas, admin, TITLE)
    service.submit(ideas, Sender("10.0.0.9"), Submission(Idea("storebro", "Väntar i kön", areas=("leva",))),
                   known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True,
                   values=AppSettings.defaults())  # not yet published: not counted
    service.support(ideas, Sender("10.0.0.7", browser="x"), published.id, values=AppSettings.defaults())
    rows = {row.locality_id: row for row in idea_count_rows(dashboard_data)}
    storebro = rows["storebro"]
    assert (storebro.ideas, storebro.supports) == (1, 1)
    population = dashboard_data.populations(date.today().year)["storebro"]
    if population is not None:
        assert storebro.ideas_per_1000 == pytest.approx(1000 / population.value)
    assert (rows["tuna"].ideas, rows["tuna"].supports) == (0, 0)
    assert "Invånarnas förslag per ort" in texts(idea_counts_view(dashboard_data, "sv"))
    assert "Residents' ideas per locality" in texts(compare_page(dashboard_data, "en"))
