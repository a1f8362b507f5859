"""In a real browser: a file larger than the server takes is not sent at all (dcc.Upload's
max_size), and the page says why — the limit is stated beforehand and the refusal appears
when it happens; a file that fits is sent and imported as before."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from dashboard.app import create_app
from dashboard.server.request_limits import MB, max_upload_bytes
from dashboard.server.settings import Settings
from indicators.groupwork.service import bootstrap_admin
from indicators.groupwork.store import GroupworkStore
from indicators.storage.store import Store

pytestmark = pytest.mark.browser
STAFF_PASSWORD = "personal-lösen-1"
CSV = b"indicator_id,locality_id,year,value,source\nbroadband_100,tuna,2024,64.0,PTS\n"


@pytest.fixture
def small_app(database_url) -> Iterator[str]:
    """The app with a 1 MB request limit on its own port, with a staff account."""
    store = Store.open(database_url)
    bootstrap_admin(GroupworkStore(store), "personal", STAFF_PASSWORD)
    store.dispose()
    app = create_app(Settings(database_url=database_url, secret_key="test-secret", max_request_mb=1))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def test_a_file_over_the_limit_is_not_sent_and_the_page_says_why(small_app, page, tmp_path):
    view = page.page
    view.goto(small_app + "/logga-in?next=/importera")
    view.get_by_label("Användarnamn").fill("personal")
    view.get_by_label("Lösenord").fill(STAFF_PASSWORD)
    view.get_by_role("button", name="Logga in").click()
    view.wait_for_url(small_app + "/importera")
    area = view.locator(".upload-limit")
    assert "Filen får vara högst 0,5 MB." in area.inner_text()  # said before anything is chosen
    refusal = area.locator(".upload-too-large")
    assert not refusal.is_visible()

    too_big = tmp_path / "for-stor.csv"
    too_big.write_bytes(CSV + b"#" * (max_upload_bytes(1 * MB) + 1))
    sent: list[str] = []
    view.on("request", lambda request: sent.append(request.post_data or "")
            if "_dash-update-component" in request.url else None)
    view.locator("#upload input[type=file]").set_input_files(str(too_big))
    refusal.wait_for(state="visible")
    assert "större än 0,5 MB" in refusal.inner_text() and "ALLAS_MAX_REQUEST_MB" in refusal.inner_text()
    assert view.locator("#upload-result").inner_text() == ""

    fits = tmp_path / "bredband.csv"
    fits.write_bytes(CSV)
    view.locator("#upload input[type=file]").set_input_files(str(fits))
    view.locator("#upload-result .notice", has_text="bredband.csv").wait_for()
    assert not refusal.is_visible()
    # Requests go out in order: had the large file been sent, it would be here before the small one.
    assert any("bredband.csv" in body for body in sent)
    assert not any("for-stor.csv" in body for body in sent)
    assert page.errors == []
