"""``python -m indicators import-ideas FILE --meeting …``: a meeting's or workshop's points as ideas.

Apart from ``indicators/cli.py`` so the ideas package owns its command; that
module only adds the parser and dispatches here. Whoever runs the command acts
as the operator (an admin, like ``import``), named in the audit log by
``--user`` or their operating-system user. Problems are printed as the other
imports print them (file, sheet, row, column), never as a traceback, and a
refused file changes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from indicators.accounts.gate import PermissionDenied
from indicators.accounts.operator import operator_actor
from indicators.core.errors import InputError
from indicators.groupwork.rules import AreaContains
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.files import import_workshop_file, localities_by_id
from indicators.ideas.store import IdeaStore
from indicators.storage.store import Store

COMMAND = "import-ideas"
EXIT_OK = 0
EXIT_FAILED = 1


def add_import_ideas_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The ``import-ideas`` sub-command's arguments."""
    imp = commands.add_parser(
        COMMAND,
        parents=[common],
        help="importera punkter från ett strategiskt möte eller en workshop (CSV eller Excel) som förslag",
        description="Importera en lista med punkter (rubrik, beskrivning, SLUS-områden, ort eller hela kommunen) "
        "som publicerade förslag med mötet som källa, allt eller inget. Kolumnerna beskrivs i docs/ideas-import.md.",
    )
    imp.add_argument("file", type=Path, metavar="FIL")
    imp.add_argument(
        "--meeting",
        metavar="MÖTE",
        help="mötet för rader utan egen meeting-kolumn: datum (ÅÅÅÅ-MM-DD) eller rubrik på ett sparat strategiskt möte",
    )
    imp.add_argument("--sheet", metavar="NAMN", help="bladet att läsa i en Excel-fil med flera blad")
    imp.add_argument("--user", metavar="NAMN", help="vem som importerar, för granskningsloggen")


def run_import_ideas(
    store: Store, args: argparse.Namespace, out: TextIO, err: TextIO, *, area_contains: AreaContains
) -> int:
    """Import one file; the exit code says whether anything was stored."""
    name = str(args.file)
    ideas = IdeaStore(store, salt=b"")  # recording workshop input hashes nothing
    try:
        report = import_workshop_file(
            ideas, operator_actor(args.user), args.file, localities=localities_by_id(store.localities()),
            meetings=GroupworkStore(store).meetings(), area_contains=area_contains, meeting=args.meeting,
            sheet=args.sheet, display_name=name,
        )  # fmt: skip
    except InputError as error:
        print(error.report(), file=err)
        return EXIT_FAILED
    except PermissionDenied as error:
        print(str(error), file=err)
        return EXIT_FAILED
    except SQLAlchemyError as error:
        print(f"{name}: kunde inte sparas i databasen; inget har sparats: {error}", file=err)
        return EXIT_FAILED
    print(f"{report.file} ({report.format}): {len(report.ideas)} förslag sparade och publicerade", file=out)
    return EXIT_OK
