"""An English-speaking member of staff sees the importer's problems in English, located by file, row and field."""

from __future__ import annotations

import pytest

from indicators.groupwork.service import bootstrap_admin
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
STAFF_PASSWORD = "personal-lösen-1"
BAD_CSV = """indicator_id,locality_id,year,value,source
broadband_100,storebro,2024,91.5,Kommunens kartläggning
broadband_100,atlantis,2024,64.0,Kommunens kartläggning
broadband_100,tuna,1066,88.2,Kommunens kartläggning
"""


@pytest.fixture
def staff(database_url):
    store = Store.open(database_url)
    bootstrap_admin(GroupworkStore(store), "personal", STAFF_PASSWORD)
    store.dispose()


def test_import_problems_read_in_english_and_nothing_is_stored(staff, live_app, page, tmp_path):
    view = page.page
    bad = tmp_path / "broadband.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    view.goto(live_app + "/sprak/en?next=/logga-in%3Fnext%3D/importera")
    assert view.locator("html").get_attribute("lang") == "en"
    view.get_by_label("User name").fill("personal")
    view.get_by_label("Password").fill(STAFF_PASSWORD)
    view.get_by_role("button", name="Sign in").click()
    view.wait_for_url(live_app + "/importera")

    view.locator("#upload input[type=file]").set_input_files(str(bad))
    notice = view.locator("#upload-result .notice-error")
    notice.wait_for()
    shown = notice.inner_text()
    assert "broadband.csv, row 3, field “locality_id”" in shown
    assert "broadband.csv, row 4, field “year”" in shown
    assert "okänd" not in shown and "rad " not in shown
    assert "broadband.csv" not in view.locator("#import-log").inner_text()  # all or nothing
    assert page.errors == []


def test_a_number_fields_minus_and_plus_are_named_in_the_readers_language(live_app, page):
    # Dash 4 names them "Decrease value" / "Increase value" whatever the page's language (the
    # compare page's weights are number fields); assets/a11y.js names them from the catalogue.
    view = page.page
    view.goto(live_app + "/jamfor")
    minus = view.locator(".dash-stepper-decrement").first
    minus.wait_for(state="attached")
    view.wait_for_function("document.querySelector('.dash-stepper-decrement').getAttribute('aria-label') !== 'Decrease value'")
    assert minus.get_attribute("aria-label") == "Minska värdet"
    assert view.locator(".dash-stepper-increment").first.get_attribute("aria-label") == "Öka värdet"
    view.goto(live_app + "/sprak/en?next=/jamfor")
    view.locator(".dash-stepper-increment").first.wait_for(state="attached")
    view.wait_for_function("document.querySelector('.dash-stepper-increment').getAttribute('aria-label') === 'Increase value'")
    assert page.errors == []
