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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from dashboard.app import create_app  # noqa: E402
from dashboard.server.settings import Settings  # noqa: E402
from indicators.presentations.slides import default_slides, locality_slide  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.ERROR)

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1920, "height": 1080}
ADMIN, ADMIN_PASSWORD = "personal", "skarmbild-" + "x" * 10


@dataclass(frozen=True)
class Shot:
    """One picture: where, at which size, what must be drawn first, and whether staff are signed in."""

    name: str
    path: str
    size: dict[str, int]
    ready: str
    full_page: bool = False
    staff: bool = False


MAP_READY = "#map-frame >> .ort-label"
SHOTS = (
    Shot("karta-storebro.png", "/?ort=storebro", LAPTOP, MAP_READY),
    Shot("karta-telefon.png", "/?ort=storebro", PHONE, MAP_READY),
    Shot("karta-projektor.png", "/?indikator=index", PROJECTOR, MAP_READY),
    Shot("oversikt.png", "/", LAPTOP, MAP_READY),
    Shot("karta-index.png", "/?indikator=index", LAPTOP, MAP_READY),
    Shot("jamfor.png", "/jamfor?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations",
         LAPTOP, "#compare-table table", full_page=True),
    Shot("jamfor-telefon.png", "/jamfor?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas&indikator=associations",
         PHONE, "#compare-table table"),
    Shot("grupper.png", "/grupper?ort=sodra-vi", LAPTOP, "[data-locality]", full_page=True),
    Shot("grupper-telefon.png", "/grupper?ort=sodra-vi", PHONE, "[data-locality]"),
    Shot("forslag-telefon.png", "/forslag?ort=storebro", PHONE, "form, .idea-form", full_page=True),
    Shot("planer.png", "/planer?ort=storebro", LAPTOP, "main h1, h1", full_page=True),
    Shot("sedan-motet.png", "/sedan-motet", LAPTOP, "main h1, h1", full_page=True),
    Shot("underlag.png", "/underlag", LAPTOP, "table", staff=True),
    Shot("presentation-sodra-vi.png", "/presentation?bild={sodra_vi_slide}", PROJECTOR,
         "#pres-stage iframe >> .ort-label"),
    Shot("presentation-laptop.png", "/presentation?bild=1", LAPTOP, "#pres-stage"),
    Shot("compare-english.png", "/sprak/en?next=/jamfor%3Forter%3Dstorebro,tuna,sodra-vi%26ar%3D2024%26omrade%3Dleva",
         LAPTOP, "#compare-table table", full_page=True),
)
"""The README's pictures at the sizes people use: a phone (390 × 844), a laptop (1366 × 768), a projector
(1920 × 1080). The English one switches the language first (and back after)."""


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
    admin = service.bootstrap_admin(gw, ADMIN, ADMIN_PASSWORD)
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
            slides = [loc.id for loc in app_localities(url)]
            base = f"http://127.0.0.1:{port}"
            for shot in SHOTS:
                context = browser.new_context(viewport=shot.size, device_scale_factor=1)
                page = context.new_page()
                if shot.staff:
                    page.goto(f"{base}/logga-in")
                    page.fill("#username", ADMIN)
                    page.fill("#password", ADMIN_PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_load_state()
                path = shot.path.format(sodra_vi_slide=1 + default_slides(slides).index(locality_slide("sodra-vi")))
                page.goto(base + path)
                frame, _, inner = shot.ready.partition(" >> ")
                locator = page.frame_locator(frame).locator(inner) if inner else page.locator(frame)
                locator.first.wait_for()
                page.wait_for_timeout(1000)
                page.screenshot(path=str(out / shot.name), full_page=shot.full_page)
                print(out / shot.name)
                context.close()
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
