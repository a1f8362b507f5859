"""Command line for staff and operators: create the database and import observation files.

Each file is imported on its own and all or nothing, so one bad file does not
hold back the good ones, and a failed file leaves no half-imported rows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from indicators.csv_observations import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from indicators.errors import InputError
from indicators.storage import (
    DATABASE_URL_ENV,
    SaveResult,
    SchemaVersionError,
    Store,
    default_database_url,
    resolve_database_url,
)

EXIT_OK = 0
EXIT_FAILED = 1


def _epilog() -> str:
    return f"""\
CSV-filens kolumner (rubrikrad först; komma eller semikolon som avgränsare; UTF-8):
  indicator_id  indikatorns id, t.ex. population
  locality_id   ortens id (t.ex. sodra-vi), eller kommun / riket
  year          årtal, t.ex. 2023; tomt = odaterad uppgift
  value         tal, 12.5 eller 12,5; tomt = värde saknas (blir aldrig 0)
  source        varifrån uppgiften kommer (krävs)
  basis         valfri: vad som räknats (tätort, valdistrikt, socken …)
  source_date   valfri: källans datum, t.ex. 2024-03-31

Obligatoriska kolumner: {", ".join(REQUIRED_COLUMNS)}.
Valfria kolumner: {", ".join(OPTIONAL_COLUMNS)}.
En rad med samma indikator, ort, år och grund som en sparad rad ersätter den;
att importera samma fil igen ändrar ingenting.

Databas: --database-url går före miljövariabeln {DATABASE_URL_ENV}, som går före
standardplatsen {default_database_url()}
Exempel: sqlite:////sökväg/till/fil.sqlite eller postgresql://användare@värd/databas
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, separate so its help text can be tested."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        metavar="URL",
        help=f"databasens adress (SQLAlchemy-URL); annars {DATABASE_URL_ENV} eller standardplatsen",
    )
    parser = argparse.ArgumentParser(
        prog="python -m indicators",
        description="Allas Vimmerby: skapa databasen och importera indikatorvärden från CSV-filer.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    imp = commands.add_parser(
        "import",
        parents=[common],
        help="importera en eller flera CSV-filer med observationer",
        description="Importera CSV-filer med observationer. Varje fil sparas helt eller inte alls.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FIL", help="CSV-fil(er) att importera")
    commands.add_parser(
        "init",
        parents=[common],
        help="skapa databasen med inbyggd grunddata och skriv ut dess adress",
        description="Skapa databasen (om den saknas) med inbyggd grunddata och skriv ut dess adress.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the return value is the process exit code."""
    args = build_parser().parse_args(argv)
    url = resolve_database_url(args.database_url)
    try:
        store = Store.open(url)
    except (SQLAlchemyError, SchemaVersionError, OSError) as error:
        print(f"Kunde inte öppna databasen {url}: {error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.command == "init":
            print(store.url)
            return EXIT_OK
        return _import_files(store, args.files, sys.stdout, sys.stderr)
    finally:
        store.dispose()


def _import_files(store: Store, files: Sequence[Path], out: TextIO, err: TextIO) -> int:
    failed = False
    for path in files:
        name = str(path)
        try:
            result = store.import_observations_file(path, display_name=name)
        except InputError as error:
            failed = True
            print(error.report(), file=err)
            continue
        except SQLAlchemyError as error:
            failed = True
            print(f"{name}: kunde inte sparas i databasen; inget har sparats: {error}", file=err)
            continue
        print(f"{name}: {format_result(result)}", file=out)
    return EXIT_FAILED if failed else EXIT_OK


def format_result(result: SaveResult) -> str:
    """``12 tillagda, 3 ändrade, 0 oförändrade``: the words staff use."""
    return f"{result.added} tillagda, {result.changed} ändrade, {result.unchanged} oförändrade"
