"""Regenerate the README's pictures: ``.venv/bin/python scripts/screenshots.py``.

Starts the app on a throw-away database with the bundled data, opens views in
Debian's headless chromium and writes PNGs to docs/images/.
"""

from __future__ import annotations

import logging
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from dashboard.app import create_app  # noqa: E402
from dashboard.settings import Settings  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.ERROR)

VIEWS = {
    "karta-storebro.png": "/?ort=storebro",
    "oversikt.png": "/",
    "karta-index.png": "/?indikator=index",
    "jamfor.png": "/jamfor?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations",
}


def main() -> int:
    out = ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(database_url=f"sqlite:///{tmp}/shots.sqlite"))
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = make_server("127.0.0.1", port, app.server, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1500, "height": 950})
            for name, path in VIEWS.items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                if path.startswith("/jamfor"):
                    page.locator("#compare-table table").wait_for()
                else:
                    page.frame_locator("#map-frame").locator(".ort-label").first.wait_for()
                page.wait_for_timeout(1000)
                page.screenshot(path=str(out / name), full_page=path.startswith("/jamfor"))
                print(out / name)
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
