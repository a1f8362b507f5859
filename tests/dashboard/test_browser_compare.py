"""The issue's path in a real browser: load a Kolada file and a CSV, compare three localities,
share the link, export the table."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from indicators.groupwork.service import bootstrap_admin
from indicators.groupwork.store import GroupworkStore
from indicators.metrics.open_data import EXPORT_COLUMNS
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
STAFF_PASSWORD = "personal-lösen-1"
KOLADA = Path(__file__).resolve().parents[2] / "examples" / "kolada-vimmerby.json"
LOCALITY_CSV = """indicator_id,locality_id,year,value,source
broadband_100,storebro,2024,91.5,Kommunens bredbandskartläggning 2024
broadband_100,tuna,2024,64.0,Kommunens bredbandskartläggning 2024
broadband_100,sodra-vi,2024,88.2,Kommunens bredbandskartläggning 2024
"""


def upload(page, path: Path) -> str:
    page.locator("#upload input[type=file]").set_input_files(str(path))
    notice = page.locator("#upload-result .notice", has_text=path.name)
    notice.wait_for()
    return notice.inner_text()


@pytest.fixture
def staff(database_url):
    store = Store.open(database_url)
    bootstrap_admin(GroupworkStore(store), "personal", STAFF_PASSWORD)
    store.dispose()


def test_load_files_compare_three_localities_share_and_export(staff, live_app, page, tmp_path):
    browser_page = page.page
    csv_path = tmp_path / "bredband-2024.csv"
    csv_path.write_text(LOCALITY_CSV, encoding="utf-8")

    browser_page.goto(live_app + "/logga-in?next=/importera")
    browser_page.get_by_label("Användarnamn").fill("personal")
    browser_page.get_by_label("Lösenord").fill(STAFF_PASSWORD)
    browser_page.get_by_role("button", name="Logga in").click()
    browser_page.wait_for_url(live_app + "/importera")
    # The same real figures were loaded on first start (decision 55): the file again changes nothing.
    assert "kolada-vimmerby.json: 0 tillagda, 0 ändrade" in upload(browser_page, KOLADA)
    # The three figures replace bundled example values for the same key.
    assert "bredband-2024.csv: 0 tillagda, 3 ändrade" in upload(browser_page, csv_path)
    assert "bredband-2024.csv" in browser_page.locator("#import-log").inner_text()

    browser_page.get_by_role("link", name="Jämför orter").click()
    browser_page.locator("#compare-localities").click()
    browser_page.get_by_role("button", name="Avmarkera alla").click()
    for name in ("Storebro", "Tuna", "Södra Vi"):
        browser_page.get_by_role("option", name=name).click()
    browser_page.keyboard.press("Escape")
    browser_page.locator("#compare-area").click()
    browser_page.get_by_role("option", name=re.compile("^Kontakt")).click()
    browser_page.wait_for_url(re.compile(r"orter=storebro,tuna,sodra-vi&ar=2024&omrade=kontakt"))

    table = browser_page.locator("#compare-table")
    table.get_by_text("Rangordning 2024: Kontakt").wait_for()
    header = table.locator("thead").inner_text()
    assert "Storebro" in header and "Tuna" in header and "Södra Vi" in header and "Vimmerby" not in header
    assert "91,5 %" in table.inner_text().replace("\u00a0", " ")

    # No chart offers to upload the municipality's data to a cloud service.
    browser_page.locator("#compare-radar .modebar").first.wait_for(state="attached")
    assert browser_page.locator("[data-title='Share chart...']").count() == 0

    shared = browser_page.url
    other = browser_page.context.new_page()
    other.goto(shared)
    other.locator("#compare-table").get_by_text("Rangordning 2024: Kontakt").wait_for()
    assert other.locator("#compare-table thead").inner_text() == header
    other.close()

    with browser_page.expect_download() as download_info:
        browser_page.get_by_role("button", name="Ladda ner tabellen (CSV)").click()
    download = download_info.value
    frame = pd.read_csv(io.BytesIO(Path(download.path()).read_bytes()), encoding="utf-8-sig")
    assert list(frame.columns) == [name for name, _ in EXPORT_COLUMNS]
    broadband = frame[(frame.indicator_id == "broadband_100") & (frame.kind == "indicator")]
    assert dict(zip(broadband.locality_id, broadband.value)) == {"storebro": 91.5, "tuna": 64.0, "sodra-vi": 88.2}
    assert not broadband.example.any()

    assert page.outside_requests() == []
    assert page.errors == []
