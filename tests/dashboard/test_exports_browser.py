"""Offline exports opened in a real headless Chromium with the network off."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dashboard.exports.standalone_map import standalone_map_html
from indicators.groupwork.records import Initiative, InitiativeStatus

pytestmark = pytest.mark.browser

TEN = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
       "tuna", "vimmerby")


def _offline_page(browser):
    """A page that can load file:// only; every other request is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    context.set_default_timeout(30_000)
    context.set_offline(True)
    requests: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return context, page, requests, failed, errors


def test_standalone_map_draws_from_a_file_with_no_network(browser, dashboard_data, tmp_path: Path):
    dashboard_data.gw.save_initiative(
        Initiative(locality_id="storebro", title="Belysning <b>vid</b> ån", status=InitiativeStatus.IDEA,
                   start=date(2024, 1, 1), lat=57.59, lon=15.84),
        username="test",
    )
    out = tmp_path / "karta.html"
    out.write_text(standalone_map_html(dashboard_data, {"layer": "index"}), encoding="utf-8")

    context, page, requests, failed, errors = _offline_page(browser)
    try:
        page.goto(out.as_uri())
        for locality in TEN:
            page.locator(f"path.ort-{locality}").wait_for()
        labels = page.locator(".ort-label").all_inner_texts()
        assert len(labels) == 10
        assert "Storebro" in labels
        page.locator(".map-legend h2").wait_for()
        assert "Attraktivitetsindex" in page.locator(".map-legend h2").inner_text()
        page.locator(".ini-icon").first.wait_for()  # markercluster drew the initiative
        # A click outside the dashboard must not throw (the Dash bridge is absent).
        page.locator("path.ort-tuna").click()
        assert page.title().startswith("Allas Vimmerby")
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        assert failed == []
        assert errors == []
    finally:
        context.close()


def test_report_pdf_has_pages(dashboard_data, tmp_path: Path):
    """Pages counted by poppler (``pdfinfo``), the first one drawn by ``pdftoppm``: a real PDF reader's view."""
    from tests.conftest import CHROMIUM, require_tool

    require_tool(CHROMIUM, "Debian's chromium")
    require_tool(shutil.which("pdfinfo") or "/usr/bin/pdfinfo", "poppler-utils' pdfinfo")
    require_tool(shutil.which("pdftoppm") or "/usr/bin/pdftoppm", "poppler-utils' pdftoppm")
    from dashboard.exports.pdf import report_pdf
    from dashboard.exports.report import municipality_report_html

    pdf = report_pdf(municipality_report_html(dashboard_data), chromium=CHROMIUM)
    assert pdf.startswith(b"%PDF")
    source = tmp_path / "rapport.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(source)], capture_output=True, text=True, check=True, timeout=60)
    pages = [int(line.split(":", 1)[1]) for line in info.stdout.splitlines() if line.startswith("Pages:")]
    assert pages and pages[0] >= 3  # map and population, scores, indicators, group work start new pages
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
                   check=True, timeout=60)
    pngs = list(tmp_path.glob("p*.png"))
    assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG")


def test_cli_exports_a_compare_chart_as_svg_and_png(database_url, store, tmp_path: Path, capsys):
    from dashboard.exports.cli import main as export_main
    from tests.conftest import CHROMIUM, require_tool

    require_tool(CHROMIUM, "Debian's chromium")
    link = "http://127.0.0.1:8050/jamfor?orter=tuna,pelarne,storebro&ar=2024&omrade=leva"
    svg = tmp_path / "radar.svg"
    assert export_main(["--database-url", database_url, "chart", str(svg), "--chart", "radar", "--link", link]) == 0
    drawn = svg.read_text(encoding="utf-8")
    assert drawn.startswith("<svg") and "Tuna" in drawn and "Pelarne" in drawn and "Storebro" in drawn
    assert "Vimmerby" not in drawn.split("<g class=\"legend\"", 1)[-1]  # only the three chosen localities

    png = tmp_path / "index.png"
    assert export_main(["--database-url", database_url, "--language", "en", "chart", str(png), "--link",
                        "?orter=tuna,pelarne&ar=2024"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_cli_chart_for_a_year_without_data_says_which_years_have_some(database_url, store, tmp_path, capsys):
    from dashboard.exports.cli import main as export_main

    out = tmp_path / "x.svg"
    assert export_main(["--database-url", database_url, "chart", str(out), "--link", "?orter=tuna,pelarne&ar=1990"]) == 2
    assert "Inga jämförbara uppgifter för 1990" in capsys.readouterr().err
    assert not out.exists()


def test_compare_page_downloads_a_chart_as_svg(live_app, page, tmp_path: Path):
    view = page.page
    view.goto(f"{live_app}/jamfor?orter=tuna,pelarne,storebro&ar=2024")
    box = view.locator(".chart-box", has=view.locator("#compare-radar"))
    box.locator(".js-plotly-plot .main-svg").first.wait_for()
    with view.expect_download() as caught:
        box.get_by_role("button", name="SVG").click()
    download = caught.value
    assert download.suggested_filename == "allas-vimmerby-radar.svg"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    drawn = saved.read_text(encoding="utf-8")
    assert drawn.startswith("<svg") and "Pelarne" in drawn
    assert page.outside_requests() == [] and page.errors == []
