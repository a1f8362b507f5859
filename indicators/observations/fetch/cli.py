"""``python -m indicators fetch kolada|scb``: arguments, progress on stderr, the summary on stdout.

Command-line words are Swedish by decision (docs/decisions.md), like the rest
of ``python -m indicators``. Exit code 0 when the fetch stored its figures (or
found nothing new to store), 1 when it stored nothing because a request failed,
an answer was malformed or refused, or there was no network.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from typing import TextIO
from urllib.parse import urlsplit

from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork.records import User
from indicators.observations.fetch import run
from indicators.observations.fetch.figures import request_of_row
from indicators.observations.fetch.http import FetchError, JsonClient, NoNetwork
from indicators.observations.fetch.kolada_api import AreaContains
from indicators.observations.importing import ImportReport
from indicators.storage.store import Store

EXIT_OK = 0
EXIT_FAILED = 1
SOURCES = ("kolada", "scb")
REASONS_SV = {
    "status": "servern svarade med HTTP-status {detail}",
    "malformed": "svaret har inte den dokumenterade formen ({detail})",
    "partial": "svaret bröts av innan det var helt ({detail})",
    "timeout": "servern svarade inte i tid ({detail})",
    "connection": "anslutningen bröts ({detail})",
    "too_large": "svaret är större än {detail} byte",
    "refused": "svarets värden godtas inte:\n{detail}",
}
HOW_SV = {"position": "efter läge", "name": "efter namn"}

FETCH_EPILOG = f"""\
Källor:
  kolada  Kolada API v3 ({run.KOLADA_URL}): katalogens KPI:er (kolumnen kolada_kpi)
          för Vimmerby (0884) och riket (0000); kommunens organisatoriska enheter
          (skolor, förskolor, äldreboenden) placeras i en ort efter läge eller namn,
          och KPI:er med enhetsdata ger ortsvärden där en enda enhet i orten rapporterar.
  scb     SCB:s PxWeb-API ({run.SCB_URL}): folkmängd och landareal per tätort
          ({run.TATORT_TABLE}) och småort ({run.SMAORT_TABLE}) och år.

Allt eller inget per hämtning: misslyckas ett anrop (efter nya försök vid 429 och 5xx)
eller är ett svar felaktigt sparas ingenting och anropet namnges. En KPI eller tabell
som har försvunnit rapporteras utan att stoppa resten. Värdena kontrolleras och sparas
som en filimport och syns i importloggen (python -m indicators log).
Adress: --base-url går före miljövariablerna {run.KOLADA_URL_ENV} och {run.SCB_URL_ENV}.
Mer i docs/fetch.md.
"""


def add_fetch_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``fetch`` with its two sources, for ``indicators.cli.build_parser``."""
    fetch = commands.add_parser(
        "fetch",
        parents=[common],
        help="hämta riktiga värden från Kolada eller SCB (kräver nätverk)",
        description="Hämta riktiga värden från Kolada (API v3) eller SCB (PxWeb) och spara dem "
        "som en import, allt eller inget.",
        epilog=FETCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fetch.add_argument("source", choices=SOURCES, metavar="KÄLLA", help="kolada eller scb")
    fetch.add_argument("--base-url", metavar="URL", help="API:ets adress (för test eller en spegel)")
    fetch.add_argument("--user", metavar="NAMN", help="vem som hämtar, för importloggen")
    fetch.add_argument("--tatort-table", default=run.TATORT_TABLE, metavar="TABELL",
                       help=f"SCB-tabellen för tätorter ({run.TATORT_TABLE})")
    fetch.add_argument("--smaort-table", default=run.SMAORT_TABLE, metavar="TABELL",
                       help=f"SCB-tabellen för småorter ({run.SMAORT_TABLE})")


def base_url(source: str, given: str | None) -> str:
    """``--base-url``, else the source's environment variable, else the public API."""
    if given:
        return given.rstrip("/")
    env, default = (run.KOLADA_URL_ENV, run.KOLADA_URL) if source == "kolada" else (run.SCB_URL_ENV, run.SCB_URL)
    return (os.environ.get(env) or default).rstrip("/")


class RequestProgress:
    """A tqdm bar of requests on a terminal; otherwise one line per request, so logs show progress too."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._bar = tqdm(desc=label, unit=" anrop", file=stream, leave=False) if self._tty else None
        self._label = label
        self._done = 0

    def __call__(self, request: str) -> None:
        self._done += 1
        if self._bar is not None:
            self._bar.update(1)
        else:
            print(f"{self._label}: anrop {self._done}: {request}", file=self._stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def run_fetch(
    store: Store,
    args: argparse.Namespace,
    actor: User,
    out: TextIO,
    err: TextIO,
    *,
    area_contains: AreaContains | None = None,
    client_factory: Callable[[Callable[[str], None]], JsonClient] | None = None,
    today: date | None = None,
) -> int:
    """Fetch from ``args.source``, store all or nothing, print the summary; the exit code."""
    source = args.source
    base = base_url(source, args.base_url)
    day = today or date.today()
    progress = RequestProgress(err, source)
    client = client_factory(progress) if client_factory else JsonClient(on_request=progress)
    try:
        catalogue = store.catalogue()
        localities = store.localities()
        if source == "kolada":
            outcome = run.fetch_kolada(client, base, catalogue, localities, area_contains, day)
        else:
            tables = ((args.tatort_table, run.TATORT_BASIS, False), (args.smaort_table, run.SMAORT_BASIS, True))
            outcome = run.fetch_scb(client, base, catalogue, localities, day, tables)
    except NoNetwork as error:
        progress.close()
        host = urlsplit(base).netloc or base
        print(f"Ingen nätverksanslutning: kunde inte nå {host} ({error.detail}). Inget har sparats. "
              "Försök igen när datorn har nätverk, eller ladda ned filen och importera den med "
              "python -m indicators import.", file=err)
        return EXIT_FAILED
    except FetchError as error:
        progress.close()
        reason = REASONS_SV.get(error.reason, "{detail}").format(detail=error.detail)
        print(f"Hämtningen från {source} avbröts; inget har sparats.\n"
              f"Anropet som misslyckades: {error.request}\nOrsak: {reason}", file=err)
        return EXIT_FAILED
    progress.close()

    name = f"{outcome.source} API {base} ({day.isoformat()})"
    try:
        report = run.store_figures(store, actor, outcome, name)
    except InputError as error:
        print(f"Hämtningen från {source} gav värden som inte godtas; inget har sparats.", file=err)
        print(error.report(), file=err)
        origins = sorted({r for p in error.problems if (r := request_of_row(outcome.figures, p.row))})
        if origins:
            print("Raderna kom från:\n" + "\n".join(f"  {r}" for r in origins), file=err)
        return EXIT_FAILED
    except PermissionDenied as error:
        print(str(error), file=err)
        return EXIT_FAILED
    except SQLAlchemyError as error:
        print(f"{name}: kunde inte sparas i databasen; inget har sparats: {error}", file=err)
        return EXIT_FAILED
    print(summary(outcome, name, client, report), file=out)
    return EXIT_OK


def summary(outcome: run.Outcome, name: str, client: JsonClient, report: ImportReport | None) -> str:
    """What the fetch did, in the words staff use."""
    lines = [f"{name}: {client.attempts.requests} anrop, {client.attempts.retries} nya försök"]
    if report is None:
        lines.append("  inga värden att spara")
    else:
        result = report.result
        lines.append(f"  {len(outcome.figures)} värden sparade som en import: {result.added} tillagda, "
                     f"{result.changed} ändrade, {result.unchanged} oförändrade (se python -m indicators log)")
        per_indicator: dict[str, int] = {}
        for figure in outcome.figures:
            per_indicator[figure.indicator_id] = per_indicator.get(figure.indicator_id, 0) + 1
        lines.extend(f"    {ind}: {count}" for ind, count in sorted(per_indicator.items()))
    if outcome.vanished:
        lines.append(f"  finns inte längre hos källan (resten hämtades): {', '.join(outcome.vanished)}")
    if outcome.placed:
        lines.append(f"  enheter placerade i en ort: {len(outcome.placed)}")
        lines.extend(f"    {p.unit.id} {p.unit.title} → {p.locality_id} ({HOW_SV[p.by]})" for p in outcome.placed)
    if outcome.unplaced:
        lines.append(f"  enheter som inte kunde placeras i exakt en ort (inte gissade): {len(outcome.unplaced)}")
        for item in outcome.unplaced:
            why = f"flera orter: {', '.join(item.candidates)}" if item.candidates else "ingen ort i namnet och inget läge"
            lines.append(f"    {item.unit.id} {item.unit.title}: {why}")
    for item in outcome.not_combined:
        lines.append(f"  {item.kpi} {item.year} {item.locality_id}: flera enheter ({', '.join(item.units)}); "
                     "inget ortsvärde räknat")
    for table, missing in outcome.missing_regions.items():
        lines.append(f"  {table}: ingen region för {', '.join(missing)}")
    if outcome.skipped_measures:
        lines.append(f"  hoppade över (ingen indikator i katalogen): {', '.join(sorted(set(outcome.skipped_measures)))}")
    if outcome.empty_cells:
        lines.append(f"  {outcome.empty_cells} celler utan värde hos källan sparades inte")
    return "\n".join(lines)
