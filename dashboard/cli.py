"""``python -m dashboard``: start the dashboard."""

from __future__ import annotations

import argparse

from dashboard.settings import TILE_CHOICES, Settings
from indicators.storage import default_database_url, resolve_database_url

DESCRIPTION = """\
Allas Vimmerby – lägesbild: Vimmerby kommuns tio orter på en karta, med
indikatorer per utvecklingsområde i SLUS.

Vid första start skapas databasen och fylls med inbyggd grunddata (orter,
folkmängd med källor, indikatorkatalog). Senare starter behåller det som finns.
Öppna den utskrivna adressen i en webbläsare.
"""

EPILOG = f"""\
databas:
  --database-url går före miljövariabeln DATABASE_URL, som går före
  standardplatsen {default_database_url()}
  (en SQLAlchemy-URL; SQLite som standard).

data:
  python -m indicators import FIL.csv      läs in indikatorvärden (se README)
  python -m geodata import FIL.geojson     läs in rättade lägen eller områden
  python -m dashboard export --help        karta och rapporter som fungerar utan nät
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="adress att lyssna på (standard: %(default)s)")
    parser.add_argument("--port", type=int, default=8050, help="port (standard: %(default)s)")
    parser.add_argument("--database-url", metavar="URL", help="databasens adress (SQLAlchemy-URL, se nedan)")
    parser.add_argument(
        "--tiles",
        choices=TILE_CHOICES,
        default="none",
        help="bakgrundskarta: 'none' fungerar utan nät (standard), 'osm' hämtar OpenStreetMap-kartbilder",
    )
    parser.add_argument(
        "--secure-cookies",
        action="store_true",
        help="skicka inloggningskakor bara över HTTPS (när appen ligger bakom TLS)",
    )
    parser.add_argument("--debug", action="store_true", help="Dash felsökningsläge med omladdning (endast utveckling)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings(
        database_url=resolve_database_url(args.database_url),
        tiles=args.tiles,
        secure_cookies=args.secure_cookies,
    )
    from dashboard.app import create_app  # heavy imports only once the arguments are valid

    app = create_app(settings)
    print(f"Allas Vimmerby: http://{args.host}:{args.port}/  (databas: {settings.database_url})", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0
