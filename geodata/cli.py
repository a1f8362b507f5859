"""Command line: ``python -m geodata import FILE`` reads staff's positions and areas into the database.

A thin edge around ``geodata.service``: open the store, import the file as the
operator (``operator_actor``; docs/decisions.md, "The command line acts as
the operator"), and say what happened.
On any problem the report goes to stderr, the exit code is 1, and nothing is stored.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from geodata import messages
from geodata.io import GeometryImport
from geodata.limits import (
    DEFAULT_MAX_FEATURES,
    DEFAULT_MAX_UNCOMPRESSED_MB,
    MAX_FEATURES_ENV,
    MAX_UNCOMPRESSED_MB_ENV,
    GeoLimits,
)
from geodata.messages import t
from geodata.service import import_geometries
from indicators.accounts.gate import PermissionDenied
from indicators.accounts.operator import operator_actor
from indicators.core.errors import InputError
from indicators.core.model import Locality
from indicators.groupwork.records import User
from indicators.storage.store import (
    DATABASE_URL_ENV,
    SchemaVersionError,
    Store,
    default_database_url,
    resolve_database_url,
)

EXIT_OK = 0
EXIT_FAILED = 1

CLI_DESCRIPTION = (
    "Allas Vimmerby: läs in orternas lägen (punkter) och områden (polygoner) från en geodatafil."
)

CLI_RULES = f"""\
Filformat: GeoJSON (.geojson, .json), GeoPackage (.gpkg, ett lager) eller
Shapefile (.shp med .shx, .dbf och .prj bredvid, eller alla packade i en .zip).

Koordinatsystem: filens eget (t.ex. SWEREF 99 TM, EPSG:3006) räknas om till
WGS 84. En GeoJSON utan angivet system är WGS 84; andra filer måste ange sitt
(en Shapefile behöver sin .prj-fil).

Vilken ort ett objekt gäller: fälten id, locality_id, ort_id, name, namn, ort
eller tatort (stora och små bokstäver i fältnamnet spelar ingen roll) ska
innehålla ortens id (t.ex. sodra-vi) eller namn (t.ex. Södra Vi). Värden jämförs
utan hänsyn till stora och små bokstäver och mellanslag, och om det inte räcker
även utan å, ä, ö och bindestreck: "Sodra Vi" och "sodra-vi" betyder Södra Vi.
Objekt som inte matchar någon ort hoppas över och listas.

Geometri: en punkt blir ortens nya centrum (och läget räknas inte längre som
ungefärligt); en polygon eller multipolygon blir ortens område (ogiltiga
polygoner lagas). En ort får ha en punkt och en polygon i samma fil, men inte
två av samma slag. Punkter måste ligga inom kommungränsen. Linjer stöds inte.

Gränser: högst {DEFAULT_MAX_FEATURES} objekt och {DEFAULT_MAX_UNCOMPRESSED_MB} MB okomprimerat (en zip-fil
räknas uppackad); ändras med miljövariablerna {MAX_FEATURES_ENV} och
{MAX_UNCOMPRESSED_MB_ENV} eller flaggorna nedan. Formatet avgörs av
filens innehåll, inte av namnet.

Filen sparas helt eller inte alls: hittas något fel skrivs alla fel ut och
ingenting sparas.
"""
"""Argparse help, Swedish by decision (docs/decisions.md); the messages printed come from the catalogue."""


def _database_help(env_name: str, default_url: str) -> str:
    return f"databasens adress (SQLAlchemy-URL); annars {env_name} eller {default_url}"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, separate so its help text can be tested."""
    parser = argparse.ArgumentParser(
        prog="python -m geodata",
        description=CLI_DESCRIPTION,
        epilog=CLI_RULES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    command = commands.add_parser(
        "import",
        help="läs in punkter och områden för orterna från en fil",
        description=CLI_DESCRIPTION,
        epilog=CLI_RULES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument(
        "file", type=Path, metavar="FIL", help="GeoJSON, GeoPackage eller Shapefile (.shp eller .zip)"
    )
    command.add_argument(
        "--database-url",
        metavar="URL",
        help=_database_help(DATABASE_URL_ENV, default_database_url()),
    )
    command.add_argument(
        "--max-features",
        type=_positive_int,
        metavar="N",
        help=f"högst så många objekt i filen; annars {MAX_FEATURES_ENV} eller {DEFAULT_MAX_FEATURES}",
    )
    command.add_argument(
        "--max-uncompressed-mb",
        type=_positive_int,
        metavar="MB",
        help=(
            f"högst så många megabyte okomprimerat (en zip räknas uppackad); "
            f"annars {MAX_UNCOMPRESSED_MB_ENV} eller {DEFAULT_MAX_UNCOMPRESSED_MB}"
        ),
    )
    return parser


def _positive_int(text: str) -> int:
    """An argparse type: a whole number above zero, or a usage error that says so."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"måste vara ett positivt heltal, inte {text!r}")
    return value


def _limits(args: argparse.Namespace) -> GeoLimits:
    """The limits given on the command line, and the environment's (or the defaults) for the rest."""
    env = dict(os.environ)
    if args.max_features is not None:
        env[MAX_FEATURES_ENV] = str(args.max_features)
    if args.max_uncompressed_mb is not None:
        env[MAX_UNCOMPRESSED_MB_ENV] = str(args.max_uncompressed_mb)
    return GeoLimits.from_env(env)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the return value is the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        limits = _limits(args)
    except ValueError as error:
        print(error.args[0] if error.args else error, file=sys.stderr)
        return EXIT_FAILED
    url = resolve_database_url(args.database_url)
    try:
        store = Store.open(url)
    except (SQLAlchemyError, SchemaVersionError, OSError) as error:
        print(t("cannot_open_database", url=url, error=str(error)), file=sys.stderr)
        return EXIT_FAILED
    try:
        return import_file(store, args.file, sys.stdout, sys.stderr, limits)
    finally:
        store.dispose()


def import_file(
    store: Store,
    path: Path,
    out: TextIO,
    err: TextIO,
    limits: GeoLimits | None = None,
    actor: User | None = None,
) -> int:
    """Import ``path`` through ``geodata.service`` as ``actor`` (the operator by default), saying what happened.

    Nothing is written before the whole file has been read and checked, and the
    changes are saved in one transaction (``Store.save_localities``).
    """
    try:
        report = import_geometries(
            store, operator_actor() if actor is None else actor, path, display_name=path.name, limits=limits
        )
    except InputError as error:
        print(error.report(), file=err)
        return EXIT_FAILED
    except PermissionDenied as error:
        print(str(error), file=err)
        return EXIT_FAILED
    except SQLAlchemyError as error:
        print(t("cannot_save", file=path.name, error=str(error)), file=err)
        return EXIT_FAILED
    for line in report_lines(report.before, report.result, path.name):
        print(line, file=out)
    return EXIT_OK


def report_lines(before: Sequence[Locality], result: GeometryImport, file_name: str) -> list[str]:
    """What the import changed, locality by locality, then what it skipped."""
    old = {locality.id: locality for locality in before}
    lines: list[str] = []
    count = 0
    for new in result.updated:
        previous = old[new.id]
        if new == previous:
            lines.append(t("unchanged", name=new.name))
            continue
        count += 1
        if (new.lat, new.lon) != (previous.lat, previous.lon) or new.approximate != previous.approximate:
            lines.append(
                messages.moved(new.name, (previous.lat, previous.lon), (new.lat, new.lon), previous.approximate)
            )
        if new.area_geojson != previous.area_geojson:
            lines.append(messages.area_set(new.name, replaced=previous.area_geojson is not None))
    lines.append(messages.saved(file_name, count))
    if result.ignored:
        lines.append(messages.ignored_heading(len(result.ignored)))
        lines.extend(f"  {description}" for description in result.ignored)
    return lines
