"""Command line for staff and operators: create the database, import files, read the log,
create accounts and move group work in and out of spreadsheets.

Each file is imported on its own and all or nothing, so one bad file does not
hold back the good ones, and a failed file leaves no half-imported rows.
Every write goes through a domain service that checks the acting user, like
the web pages' writes (indicator files: ``observations.service``; accounts and
group work: ``groupwork_service``). Whoever runs these commands already has the
database in hand, so they ask for no password of their own: they act as the
operator, an admin named after the operating-system user (``operator_actor``;
docs/decisions.md, "The command line acts as the operator"). ``init`` only
creates and seeds the database and writes no one's data, so it needs no actor.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from indicators.accounts.auth import PASSWORD_MIN_LENGTH
from indicators.accounts.gate import PermissionDenied
from indicators.accounts.operator import operator_actor
from indicators.core.errors import InputError
from indicators.core.units import UNITS
from indicators.groupwork import files as groupwork_io
from indicators.groupwork import service as groupwork_service
from indicators.groupwork.records import Role, User
from indicators.groupwork.rules import AreaContains
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError
from indicators.ideas import cli as ideas_cli
from indicators.ideas.purge import purge_idea_contacts
from indicators.observations import catalogue_rows
from indicators.observations import from_tables as observation_tables
from indicators.observations import service as indicator_service
from indicators.observations.fetch.cli import add_fetch_command, run_fetch
from indicators.observations.import_log import ImportLogEntry
from indicators.observations.importing import FORMATS, ImportReport
from indicators.observations.kolada import MUNICIPALITY_CODES
from indicators.storage.store import (
    DATABASE_URL_ENV,
    SaveResult,
    SchemaVersionError,
    Store,
    default_database_url,
    resolve_database_url,
)

EXIT_OK = 0
EXIT_FAILED = 1

LARGE_FILE_BYTES = 5_000_000
"""From this size a progress bar is shown even when stderr is not a terminal."""

KIND_SV = {"observations": "observationer", "catalogue": "indikatorkatalog"}


def _units_help() -> str:
    width = max(len(unit.symbol) for unit in UNITS)
    return "\n".join(f"  {unit.symbol:<{width}}  {unit.range_sv()}" for unit in UNITS)


def _epilog() -> str:
    kommun, riket = MUNICIPALITY_CODES
    return f"""\
Format (känns igen på innehållet och filändelsen, eller anges med --format):
  csv     textfil, rubrikrad först; komma eller semikolon som avgränsare; UTF-8
  xlsx    Excel-arbetsbok; samma kolumner som CSV på ett blad. Har boken flera
          blad anges bladet med --sheet. Sammanfogade celler godtas inte.
  kolada  JSON-svar från Kolada (API version 2 eller 3), eller en lista av sidor.
          Kommun {kommun} blir ”kommun”, {riket} blir ”riket”; bara totalen (kön T)
          läses; null betyder att värdet saknas; KPI:n måste finnas i katalogen
          (kolumnen kolada_kpi).

Observationer (CSV eller Excel), en uppgift per rad:
  indicator_id  indikatorns id, t.ex. population
  locality_id   ortens id (t.ex. sodra-vi), eller kommun / riket
  year          årtal, t.ex. 2023; tomt = odaterad uppgift; inte ett framtida år
  value         tal, 12.5 eller 12,5; tomt = värde saknas (blir aldrig 0)
  source        varifrån uppgiften kommer (krävs)
  basis         valfri: vad som räknats (tätort, valdistrikt, socken …)
  source_date   valfri: källans datum, t.ex. 2024-03-31
  unit          valfri: värdets enhet; måste vara indikatorns enhet i katalogen
Obligatoriska kolumner: {", ".join(observation_tables.REQUIRED_COLUMNS)}.

Indikatorkatalog (CSV eller Excel), en indikator per rad; känns igen på
kolumnerna id och name_sv:
  {", ".join(catalogue_rows.ALL_COLUMNS)}
  (kolada_kpi och per_1000 är valfria; per_1000 är true eller false)

Enheter och tillåtna värden:
{_units_help()}

En rad med samma indikator, ort, år och grund som en sparad rad ersätter den,
även inbyggda exempelvärden; att importera samma fil igen ändrar ingenting.
Varje import skrivs i importloggen (python -m indicators log).

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
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="python -m indicators",
        description="Allas Vimmerby: skapa databasen och importera indikatorer och "
        "värden från CSV, Excel och Kolada.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    imp = commands.add_parser(
        "import",
        parents=[common],
        help="importera en eller flera filer (CSV, Excel eller Kolada-JSON)",
        description="Importera filer med observationer eller indikatorkatalog. "
        "Varje fil sparas helt eller inte alls.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FIL", help="fil(er) att importera")
    imp.add_argument(
        "--format",
        choices=FORMATS,
        help="filernas format; utelämna för att känna igen det på innehållet",
    )
    imp.add_argument("--sheet", metavar="NAMN", help="bladet att läsa i en Excel-fil med flera blad")
    imp.add_argument(
        "--user",
        metavar="NAMN",
        help="vem som importerar, för importloggen; annars operativsystemets användare "
        "med tillägget ”(kommandoraden)”",
    )
    commands.add_parser(
        "init",
        parents=[common],
        help="skapa databasen med inbyggd grunddata och skriv ut dess adress",
        description="Skapa databasen (om den saknas) med inbyggd grunddata och skriv ut dess adress.",
        epilog=_epilog(),
        formatter_class=formatter,
    )
    log = commands.add_parser(
        "log",
        parents=[common],
        help="visa importloggen (senaste först)",
        description="Visa vem som importerade vilken fil när, och vad importen ändrade.",
    )
    log.add_argument("--limit", type=int, default=50, metavar="N", help="antal rader (50)")
    commands.add_parser(
        "clear-examples",
        parents=[common],
        help="ta bort de inbyggda exempelvärden som inte har ersatts av egna uppgifter",
        description="Ta bort de inbyggda exempelvärdena (märkta som exempeldata i appen).",
    )
    commands.add_parser(
        "purge-contacts",
        parents=[common],
        help="radera kontaktuppgifter till invånarnas förslag som är äldre än den tid personalen har valt",
        description="Radera kontaktuppgifter till förslag som har passerat lagringstiden (standard 12 månader). "
        "Kör dagligen, t.ex. från cron; appen gör det också när den startar.",
    )
    _add_groupwork_commands(commands, common)
    ideas_cli.add_import_ideas_command(commands, common)
    add_fetch_command(commands, common)
    return parser


def _add_groupwork_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    password = argparse.ArgumentParser(add_help=False)
    password.add_argument(
        "--password-stdin",
        action="store_true",
        help="läs lösenordet från standard in (en rad) i stället för att fråga efter det",
    )
    admin = commands.add_parser(
        "create-admin",
        parents=[common, password],
        help="skapa den första administratören",
        description="Skapa den första administratören. Lösenordet efterfrågas två gånger "
        f"(minst {PASSWORD_MIN_LENGTH} tecken). Vägras om det redan finns en aktiv administratör; "
        "då skapar en administratör nya konton.",
    )
    admin.add_argument("username", metavar="ANVÄNDARNAMN")
    user = commands.add_parser(
        "add-user",
        parents=[common, password],
        help="skapa ett konto: en redaktör för en ort, eller en administratör",
        description="Skapa ett konto. En redaktör får ändra sin egen orts aktiviteter, "
        "initiativ och sammansättning; en administratör får ändra allt.",
    )
    user.add_argument("username", metavar="ANVÄNDARNAMN")
    user.add_argument("--role", choices=[r.value for r in Role], default=Role.EDITOR.value,
                      help="editor (redaktör, standard) eller admin")
    user.add_argument("--locality", metavar="ORT", help="redaktörens ort, t.ex. storebro")
    reset = commands.add_parser(
        "set-password",
        parents=[common, password],
        help="sätt ett nytt lösenord för ett konto (t.ex. ett glömt)",
        description="Sätt ett nytt lösenord för ett befintligt konto.",
    )
    reset.add_argument("username", metavar="ANVÄNDARNAMN")
    imp = commands.add_parser(
        "import-groupwork",
        parents=[common],
        help="importera aktiviteter och initiativ (CSV eller Excel) som en viss användare",
        description="Importera aktiviteter och initiativ, allt eller inget, med användarens "
        "behörighet: en redaktör bara för sin egen ort. Kolumnerna beskrivs i "
        "docs/groupwork-import.md.",
    )
    imp.add_argument("file", type=Path, metavar="FIL")
    imp.add_argument("--user", required=True, metavar="ANVÄNDARNAMN",
                     help="kontot som importerar (behörighet och granskningslogg)")
    imp.add_argument("--sheet", metavar="NAMN", help="läs bara detta blad i en Excel-fil")
    exp = commands.add_parser(
        "export-groupwork",
        parents=[common],
        help="exportera aktiviteter och initiativ till CSV eller Excel",
        description="Exportera alla aktiviteter och initiativ. UT.xlsx får bladen aktiviteter "
        "och initiativ; UT.csv blir UT-aktiviteter.csv och UT-initiativ.csv (eller bara UT.csv "
        "med --kind).",
    )
    exp.add_argument("out", type=Path, metavar="UT.csv|UT.xlsx")
    exp.add_argument("--kind", choices=groupwork_io.KINDS, help="bara aktiviteter eller bara initiativ")
    exp.add_argument("--locality", action="append", metavar="ORT", help="bara denna ort (kan upprepas)")


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
        if args.command == "log":
            print(format_log(store.import_log(limit=args.limit)))
            return EXIT_OK
        if args.command == "clear-examples":
            print(f"{indicator_service.clear_examples(store, operator())} exempelvärden borttagna")
            return EXIT_OK
        if args.command == "purge-contacts":
            deleted = purge_idea_contacts(store)
            print(f"{deleted} kontaktuppgifter raderade")
            return EXIT_OK
        if args.command == ideas_cli.COMMAND:
            return ideas_cli.run_import_ideas(store, args, sys.stdout, sys.stderr,
                                              area_contains=lazy_area_contains(store))
        if args.command == "fetch":
            return run_fetch(store, args, operator_actor(args.user), sys.stdout, sys.stderr,
                             area_contains=lazy_area_contains(store))
        if args.command in GROUPWORK_COMMANDS:
            return run_groupwork_command(store, args, sys.stdin, sys.stdout, sys.stderr)
        return _import_files(store, args, sys.stdout, sys.stderr)
    finally:
        store.dispose()


def _import_files(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed = False
    for path in args.files:
        name = str(path)
        bar = _ProgressBar(name, err, _wants_bar(path, err))
        try:
            report = indicator_service.import_indicator_file(
                store,
                operator_actor(args.user),
                path,
                fmt=args.format,
                sheet=args.sheet,
                display_name=name,
                progress=bar,
            )
        except (InputError, PermissionDenied) as error:
            failed = True
            bar.close()
            print(error.report() if isinstance(error, InputError) else str(error), file=err)
            continue
        except SQLAlchemyError as error:
            failed = True
            bar.close()
            print(f"{name}: kunde inte sparas i databasen; inget har sparats: {error}", file=err)
            continue
        bar.close()
        print(format_report(report), file=out)
    return EXIT_FAILED if failed else EXIT_OK


def _wants_bar(path: Path, stream: TextIO) -> bool:
    """A bar for a person watching, or for a file large enough to take a while."""
    try:
        large = path.stat().st_size >= LARGE_FILE_BYTES
    except OSError:
        large = False
    return large or stream.isatty()


class _ProgressBar:
    """A tqdm bar fed by the importer's progress calls, created on the first call."""

    def __init__(self, name: str, stream: TextIO, enabled: bool) -> None:
        self._name = name
        self._stream = stream
        self._enabled = enabled
        self._bar: tqdm | None = None

    def __call__(self, done: int, total: int | None) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            self._bar = tqdm(
                total=total,
                desc=Path(self._name).name,
                unit=" rader",
                unit_scale=True,
                file=self._stream,
                leave=False,
                mininterval=0.5 if self._stream.isatty() else 5.0,
            )
        if total is not None and self._bar.total != total:
            self._bar.total = total
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def format_result(result: SaveResult) -> str:
    """``12 tillagda, 3 ändrade, 0 oförändrade``: the words staff use."""
    return f"{result.added} tillagda, {result.changed} ändrade, {result.unchanged} oförändrade"


def format_report(report: ImportReport) -> str:
    """``bra.csv (csv, observationer): 1 tillagda, …``."""
    kind = KIND_SV.get(report.kind, report.kind)
    return f"{report.file} ({report.format}, {kind}): {format_result(report.result)}"


def format_log(entries: Sequence[ImportLogEntry]) -> str:
    """The import log as a plain text table, newest first."""
    if not entries:
        return "Importloggen är tom."
    header = ("när (UTC)", "vem", "fil", "format", "typ", "rader", "tillagda", "ändrade", "oförändrade")
    rows = [
        (
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.user,
            entry.file,
            entry.format,
            KIND_SV.get(entry.kind, entry.kind),
            str(entry.rows),
            str(entry.added),
            str(entry.changed),
            str(entry.unchanged),
        )
        for entry in entries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    numeric = {5, 6, 7, 8}
    lines = []
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------- accounts and group work

GROUPWORK_COMMANDS = frozenset(
    {"create-admin", "add-user", "set-password", "import-groupwork", "export-groupwork"}
)


class _Refused(Exception):
    """A command refused before anything was written; the message is for the operator."""


def run_groupwork_command(
    store: Store, args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO
) -> int:
    """Run one of the account and group-work commands; problems go to ``err``."""
    gw = GroupworkStore(store)
    try:
        if args.command == "create-admin":
            password = _new_password(args, stdin)
            user = groupwork_service.bootstrap_admin(gw, args.username, password)
            print(f"Administratören ”{user.username}” är skapad.", file=out)
        elif args.command == "add-user":
            password = _new_password(args, stdin)
            user = groupwork_service.create_user(
                gw,
                operator(),
                args.username,
                password,
                args.role,
                args.locality,
                known_localities=_locality_ids(store),
            )
            where = f" för {user.locality_id}" if user.locality_id else ""
            print(f"Kontot ”{user.username}” ({user.role.value}{where}) är skapat.", file=out)
        elif args.command == "set-password":
            target = gw.user_by_name(args.username.strip().casefold())
            if target is None or target.id is None:
                raise _Refused(f"Det finns inget konto ”{args.username}”.")
            password = _new_password(args, stdin)
            groupwork_service.set_password(gw, operator(), target.id, password)
            print(f"Nytt lösenord satt för ”{target.username}”.", file=out)
        elif args.command == "import-groupwork":
            return _import_groupwork(store, gw, args, out, err)
        else:
            kinds = (args.kind,) if args.kind else groupwork_io.KINDS
            for path in groupwork_io.export_groupwork(
                gw, args.out, kinds=kinds, locality_ids=args.locality
            ):
                print(path, file=out)
    except InputError as error:
        print(error.report(), file=err)
        return EXIT_FAILED
    except (groupwork_service.PermissionDenied, _Refused) as error:
        print(str(error), file=err)
        return EXIT_FAILED
    except (StaleWriteError, NotFoundError, OSError) as error:
        print(f"Inget har sparats: {error}", file=err)
        return EXIT_FAILED
    return EXIT_OK


def operator() -> User:
    """The person at the command line, acting with an admin's rights (``operator_actor``).

    Whoever can run the command can already read and write the database, so
    asking them to sign in would protect nothing; the audit log names them by
    their operating-system user.
    """
    return operator_actor()


def _import_groupwork(
    store: Store, gw: GroupworkStore, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    user = gw.user_by_name(args.user.strip().casefold())
    if user is None:
        print(f"Det finns inget konto ”{args.user}”; skapa det med add-user.", file=err)
        return EXIT_FAILED
    if not user.active:
        print(f"Kontot ”{user.username}” är avstängt.", file=err)
        return EXIT_FAILED
    name = str(args.file)
    try:
        report = groupwork_io.import_groupwork(
            gw,
            user,
            args.file,
            known_localities=_locality_ids(store),
            area_contains=lazy_area_contains(store),
            display_name=name,
            sheet=args.sheet,
        )
    except SQLAlchemyError as error:
        print(f"{name}: kunde inte sparas i databasen; inget har sparats: {error}", file=err)
        return EXIT_FAILED
    print(
        f"{report.file} ({report.format}): aktiviteter {format_result(report.activities)}; "
        f"initiativ {format_result(report.initiatives)}",
        file=out,
    )
    return EXIT_OK


def lazy_area_contains(store: Store) -> AreaContains:
    """``area_contains`` over the areas the map draws, built on the first point asked about.

    The areas come from ``geodata`` (staff-supplied polygons or the computed
    cells). The domain modules never import it; this command line is an
    application edge like the dashboard, and a file without points never
    loads it at all.
    """
    cache: dict[str, object] = {}

    def contains(locality_id: str, lat: float, lon: float) -> bool:
        if not cache:
            import shapely  # noqa: PLC0415

            from geodata.areas import locality_areas  # noqa: PLC0415
            from geodata.boundary import municipality_boundary  # noqa: PLC0415

            cache["point"] = shapely.Point
            cache["areas"] = locality_areas(store.localities(), municipality_boundary())
        area = cache["areas"].get(locality_id)  # type: ignore[attr-defined]
        return area is not None and area.covers(cache["point"](lon, lat))  # type: ignore[operator]

    return contains


def _locality_ids(store: Store) -> set[str]:
    return {locality.id for locality in store.localities()}


def _new_password(args: argparse.Namespace, stdin: TextIO) -> str:
    """The new password, from standard input (``--password-stdin``) or asked twice without echo."""
    if args.password_stdin:
        line = stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    first = getpass.getpass("Lösenord: ")
    second = getpass.getpass("Upprepa lösenordet: ")
    if first != second:
        raise _Refused("Lösenorden är inte lika; inget har sparats.")
    return first
