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
from dashboard.server.settings import Settings  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.ERROR)

VIEWS = {
    "karta-storebro.png": "/?ort=storebro",
    "oversikt.png": "/",
    "karta-index.png": "/?indikator=index",
    "jamfor.png": "/jamfor?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations",
    "grupper.png": "/grupper?ort=sodra-vi",
    "presentation-sodra-vi.png": "/presentation?bild={sodra_vi_slide}",
    "compare-english.png": "/sprak/en?next=/jamfor%3Forter%3Dstorebro,tuna,sodra-vi%26ar%3D2024%26omrade%3Dleva",
}
"""Picture name → address; the English one switches the language first (and back after)."""


def seed_example_work(url: str) -> None:
    """The documented Södra Vi initiative and two activities, so the pictures show group work."""
    from datetime import date

    from indicators.groupwork import service
    from indicators.groupwork.records import (
        Activity,
        ActivityKind,
        Initiative,
        InitiativeStatus,
    )
    from indicators.groupwork.store import GroupworkStore
    from indicators.storage.store import Store

    store = Store.open(url)
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "personal", "skarmbild-" + "x" * 10)
    localities = {loc.id for loc in store.localities()}
    service.save_initiative(
        gw, admin,
        Initiative("sodra-vi", "Belysning längs cykelvägen vid Brunnsparken", InitiativeStatus.DONE,
                   description="Hembygdsföreningen, idrottsföreningen och lokala företag drev frågan; "
                               "Utvecklingsavdelningen guidade, gatukontoret planerade och Vimmerby Energi och "
                               "Miljö utförde.",
                   areas=("kontakt", "leva"), progress=100, lat=57.7379, lon=15.7914),
        known_localities=localities, area_contains=lambda *_: True)
    today = date.today()
    service.save_activity(gw, admin, Activity("sodra-vi", today.replace(day=1), ActivityKind.MEETING,
                                              "Gruppmöte om handlingsplanen", 11, areas=("motas",)),
                          known_localities=localities)
    store.dispose()


def app_localities(url: str):
    """The localities in the order the presentation's default slides use."""
    from indicators.storage.store import Store

    store = Store.open(url)
    try:
        return store.localities()
    finally:
        store.dispose()


def main() -> int:
    out = ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/shots.sqlite"
        seed_example_work(url)
        app = create_app(Settings(database_url=url, secret_key="screenshots-only"))
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
            slides = [loc.id for loc in app_localities(url)]
            for name, path in VIEWS.items():
                path = path.format(sodra_vi_slide=2 + slides.index("sodra-vi"))
                page.goto(f"http://127.0.0.1:{port}{path}")
                if path.startswith("/presentation"):
                    page.frame_locator("#pres-stage iframe").locator(".ort-label").first.wait_for()
                elif "jamfor" in path:
                    page.locator("#compare-table table").wait_for()
                elif path.startswith("/grupper"):
                    page.locator("[data-locality]").wait_for()
                else:
                    page.frame_locator("#map-frame").locator(".ort-label").first.wait_for()
                page.wait_for_timeout(1000)
                full = not path.startswith(("/?", "/presentation")) and path != "/"
                page.screenshot(path=str(out / name), full_page=full)
                print(out / name)
                if path.startswith("/sprak/en"):
                    page.goto(f"http://127.0.0.1:{port}/sprak/sv?next=/")
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
