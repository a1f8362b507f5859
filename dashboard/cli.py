"""``python -m dashboard``: start the dashboard."""

from __future__ import annotations

import argparse

from dashboard.settings import TILE_CHOICES, Settings
from indicators.storage import default_database_url, resolve_database_url

DESCRIPTION = """\
Allas Vimmerby dashboard: the ten localities of Vimmerby kommun on a map,
with their indicators per SLUS development area.

On first start the database is created and filled with the bundled data
(localities, population with sources, the indicator catalogue). Later starts
keep what is there. Open the printed address in a browser.
"""

EPILOG = f"""\
database:
  --database-url wins over the DATABASE_URL environment variable, which wins
  over the default {default_database_url()}
  (any SQLAlchemy URL; SQLite by default).

data:
  python -m indicators import FILE.csv     load observations (see README)
  python -m geodata import FILE.geojson    load corrected positions or areas
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8050, help="port to listen on (default: %(default)s)")
    parser.add_argument("--database-url", help="SQLAlchemy URL of the database (see below)")
    parser.add_argument(
        "--tiles",
        choices=TILE_CHOICES,
        default="none",
        help="background map tiles: 'none' works offline (default), 'osm' fetches OpenStreetMap tiles",
    )
    parser.add_argument("--municipality", default="0884", help="municipality code for the boundary (default: %(default)s, Vimmerby)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode with hot reload (development only)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings(
        database_url=resolve_database_url(args.database_url),
        municipality_code=args.municipality,
        tiles=args.tiles,
    )
    from dashboard.app import create_app  # heavy imports only once the arguments are valid

    app = create_app(settings)
    print(f"Allas Vimmerby: http://{args.host}:{args.port}/  (databas: {settings.database_url})", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0
