"""Template syntax typed into the app by an editor is shown exactly as typed to the next visitor,
on the map (popup, marker title), on the groups page and in the presentation; nothing is evaluated
and no page fails."""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser_groups import EDITOR_PASSWORD, accounts, sign_in  # noqa: F401, F811 (fixture)

pytestmark = pytest.mark.browser

TITLE = 'Projekt {#2} {{ "evalu" ~ "ated" }}'
DESCRIPTION = "{% if true %}evalu{{ 'ated' }}{% endif %} }} {{ {%"
PARTNERS = "{{ lipsum.__globals__.os.popen('id').read() }}"


def test_template_syntax_typed_by_an_editor_reaches_visitors_as_typed(accounts, live_app, page, browser):
    editor = page.page
    sign_in(editor, live_app, "storebro", EDITOR_PASSWORD)
    editor.locator("#gw-locality").get_by_text("Storebro").wait_for()
    editor.locator("#ini-title").fill(TITLE)
    editor.locator("#ini-description").fill(DESCRIPTION)
    editor.locator("#ini-partners").fill(PARTNERS)
    editor.locator("#ini-areas").get_by_text("Leva").click()
    editor.locator("#ini-lat").fill("57.5871")
    editor.locator("#ini-lon").fill("15.8407")
    editor.locator("#ini-save").click()
    editor.locator("#ini-message").get_by_text("Sparat.").wait_for()

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    context.set_default_timeout(30_000)
    visitor = context.new_page()
    errors: list[str] = []
    visitor.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = visitor.goto(live_app + "/")
        assert response is not None and response.status == 200
        visitor.wait_for_load_state("networkidle")
        frame = visitor.frame_locator("#map-frame")
        marker = frame.locator(".ini-icon").first
        marker.wait_for()
        assert marker.get_attribute("title") == TITLE  # the marker's title, as typed
        marker.click()
        popup = frame.locator(".ini-popup")
        popup.wait_for()
        assert popup.locator("h3").inner_text() == TITLE
        assert DESCRIPTION in popup.inner_text()
        assert "evaluated" not in popup.inner_text()

        visitor.goto(live_app + "/grupper?ort=storebro")
        detail = visitor.locator("[data-locality=storebro]")
        detail.get_by_text(TITLE).first.wait_for()

        visitor.goto(live_app + "/presentation")
        visitor.locator(".slide").first.wait_for()
        assert "evaluated" not in visitor.content()
        assert errors == []
    finally:
        context.close()
