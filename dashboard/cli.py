"""``python -m dashboard`` and the ``allas-vimmerby`` script: start the dashboard, the production server
(``serve``) or write offline files (``export``)."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.server.production import WORKERS_ENV, ServerOptions, workers_from_env
from dashboard.server.request_limits import (
    LimitSettingError,
    max_request_mb_from_env,
    parse_max_request_mb,
)
from dashboard.server.settings import (
    DEFAULT_MAX_REQUEST_MB,
    DEFAULT_PREFETCH_PANELS,
    MAX_REQUEST_MB_ENV,
    PREFETCH_PANELS_ENV,
    TILE_CHOICES,
    Settings,
)
from dashboard.views.warm_up import DEFAULT_WARM_PANELS, WARM_PANELS_ENV
from indicators.storage.store import (
    SchemaVersionError,
    default_database_url,
    resolve_database_url,
)

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
  --example-data on|off                    räkna exempelvärdena i poäng och index eller inte
                                           (sparas i databasen; på som standard, märkta överallt)
  python -m indicators import FIL.csv      läs in indikatorvärden (se README)
  python -m geodata import FIL.geojson     läs in rättade lägen eller områden
  python -m dashboard export --help        karta och rapporter som fungerar utan nät

drift:
  python -m dashboard serve --help         produktionsservern (gunicorn, flera processer)
"""

SERVE_DESCRIPTION = """\
Allas Vimmerby – produktionsserver: appen i gunicorn med flera
arbetsprocesser, i stället för Flasks utvecklingsserver.

Databasen skapas, uppgraderas och fylls EN gång innan processerna startar.
Alla processer signerar inloggningskakor med samma nyckel: miljövariabeln
DASHBOARD_SECRET_KEY, annars en fil i datamappen (skapas vid första start).
SIGTERM stoppar servern lugnt: pågående förfrågningar får svara klart.
"""

SERVE_EPILOG = f"""\
databas:
  --database-url går före miljövariabeln DATABASE_URL, som går före
  standardplatsen {default_database_url()}
  Med flera servrar: PostgreSQL, t.ex. postgresql://user:lösenord@värd/databas

drift bakom en omvänd proxy (nginx, Caddy …) med TLS:
  python -m dashboard serve --secure-cookies --forwarded-allow-ips 127.0.0.1
"""


def build_parser(*, serve: bool = False) -> argparse.ArgumentParser:
    """The options of the development server, or with ``serve`` those of the production server."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard serve" if serve else "python -m dashboard",
        description=SERVE_DESCRIPTION if serve else DESCRIPTION,
        epilog=SERVE_EPILOG if serve else EPILOG,
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
    parser.add_argument(
        "--max-request-mb",
        type=_request_mb,
        default=None,
        metavar="MB",
        help=f"största förfrågan i MB; större avvisas innan den läses, och en uppladdad fil får vara "
        f"ungefär 3/4 av det (standard: {MAX_REQUEST_MB_ENV} eller {DEFAULT_MAX_REQUEST_MB})",
    )
    parser.add_argument(
        "--warm-panels",
        type=_non_negative,
        default=None,
        metavar="N",
        help="bygg kartsidans översikt och de N första orternas paneler när servern startar, i bakgrunden, "
        f"så att de första besökarnas klick går snabbt (standard: {WARM_PANELS_ENV} eller {DEFAULT_WARM_PANELS})",
    )
    parser.add_argument(
        "--prefetch-panels",
        type=_non_negative,
        default=None,
        metavar="N",
        help="kartsidan hämtar alla orters paneler när den har ritats, om orterna är högst N, så att ett val "
        f"visas utan att fråga servern; 0 stänger av (standard: {PREFETCH_PANELS_ENV} eller {DEFAULT_PREFETCH_PANELS})",
    )
    parser.add_argument(
        "--example-data",
        choices=("on", "off"),
        default=None,
        help="om de inbyggda exempelvärdena ska räknas i poäng, index och rangordningar: sparas i databasen "
        "(samma inställning som på sidan Personal) och gäller tills den ändras; 'on' är standard i en ny "
        "databas, och exempelvärden märks då överallt",
    )
    if serve:
        _add_serve_options(parser)
    else:
        parser.add_argument("--debug", action="store_true",
                            help="Dash felsökningsläge med omladdning (endast utveckling)")
    return parser


def _add_serve_options(parser: argparse.ArgumentParser) -> None:
    defaults = ServerOptions()
    parser.add_argument("--workers", type=_positive, default=workers_from_env(), metavar="N",
                        help=f"antal arbetsprocesser (standard: {WORKERS_ENV} eller 2, nu %(default)s)")
    parser.add_argument("--threads", type=_positive, default=defaults.threads, metavar="N",
                        help="trådar per process; fler än 1 ger gunicorns gthread-arbetare (standard: %(default)s)")
    parser.add_argument("--timeout", type=_positive, default=defaults.timeout, metavar="S",
                        help="sekunder en förfrågan får ta innan processen startas om (standard: %(default)s)")
    parser.add_argument("--graceful-timeout", type=_positive, default=defaults.graceful_timeout, metavar="S",
                        help="sekunder pågående förfrågningar får efter SIGTERM (standard: %(default)s)")
    parser.add_argument("--access-log", action="store_true",
                        help="skriv en rad per förfrågan till stdout (av som standard: loggen innehåller besökarnas adresser)")
    parser.add_argument("--forwarded-allow-ips", default="", metavar="IP,…",
                        help="proxyservrar vars X-Forwarded-*-huvuden godtas, t.ex. 127.0.0.1 (standard: inga)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"minst 1, inte {value}")
    return number


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"ett heltal 0 eller större, inte {value!r}")
    return number


def _count(given: int | None, env: str, default: int) -> int:
    """The flag's count, else the environment's, else the default; a wrong value is said in words."""
    if given is not None:
        return given
    value = os.environ.get(env, "").strip()
    if not value:
        return default
    try:
        return _non_negative(value)
    except argparse.ArgumentTypeError as error:
        raise SystemExit(f"python -m dashboard: {env}: {error}") from None


def _request_mb(value: str) -> int:
    try:
        return parse_max_request_mb(value, "--max-request-mb")
    except LimitSettingError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _settings(args: argparse.Namespace) -> Settings:
    try:
        max_request_mb = args.max_request_mb if args.max_request_mb is not None else max_request_mb_from_env()
    except LimitSettingError as error:  # a wrong environment variable is said in words, not a traceback
        raise SystemExit(f"python -m dashboard: {error}") from None
    return Settings(
        database_url=resolve_database_url(args.database_url),
        tiles=args.tiles,
        secure_cookies=args.secure_cookies,
        max_request_mb=max_request_mb,
        warm_panels=_count(args.warm_panels, WARM_PANELS_ENV, DEFAULT_WARM_PANELS),
        prefetch_panels=_count(args.prefetch_panels, PREFETCH_PANELS_ENV, DEFAULT_PREFETCH_PANELS),
    )


def _store_example_data(database_url: str, value: str | None) -> None:
    """Save ``--example-data`` before the app starts, as the operator, through the same gate and audit
    line as the staff page (``indicators.storage.app_settings.change_settings``)."""
    if value is None:
        return
    from indicators.accounts.operator import operator_actor
    from indicators.storage.app_settings import change_settings
    from indicators.storage.store import Store

    try:
        with Store.open(database_url) as store:
            change_settings(store.engine, operator_actor(), {"example_data": value})
    except (SQLAlchemyError, SchemaVersionError) as error:
        reason = getattr(error, "orig", None) or error
        raise SystemExit(f"python -m dashboard: databasen kunde inte öppnas: {reason}") from None
    print(f"Exempeldata: {'räknas' if value == 'on' else 'räknas inte'} (sparat i databasen)", flush=True)


def _masked(url: str) -> str:
    """The database URL without its password, fit to print."""
    return make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    """The one entry point: ``serve …`` the production server, ``export …`` offline files, anything else
    the development server.

    Both ``python -m dashboard`` and the installed ``allas-vimmerby`` script call this, so they
    accept exactly the same commands.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["serve"]:
        return serve_main(argv[1:])
    if argv[:1] == ["export"]:
        from dashboard.exports.cli import (
            main as export_main,  # heavy imports only for this command
        )

        return export_main(argv[1:])
    args = build_parser().parse_args(argv)
    settings = _settings(args)
    _store_example_data(settings.database_url, args.example_data)
    from dashboard.app import (
        create_app,  # heavy imports only once the arguments are valid
    )

    app = create_app(settings)
    print(f"Allas Vimmerby: http://{args.host}:{args.port}/  (databas: {_masked(settings.database_url)})", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def serve_main(argv: list[str]) -> int:
    """``python -m dashboard serve``: gunicorn with ``--workers`` processes (see ``dashboard.server.production``)."""
    args = build_parser(serve=True).parse_args(argv)
    settings = _settings(args)
    _store_example_data(settings.database_url, args.example_data)
    options = ServerOptions(
        host=args.host, port=args.port, workers=args.workers, threads=args.threads, timeout=args.timeout,
        graceful_timeout=args.graceful_timeout, access_log=args.access_log,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    from dashboard.server.production import serve

    print(f"Allas Vimmerby (produktion, {options.workers} processer): http://{args.host}:{args.port}/  "
          f"(databas: {_masked(settings.database_url)})", flush=True)
    try:
        return serve(settings, options)
    except (SQLAlchemyError, SchemaVersionError) as error:  # before any worker starts: said in words
        reason = getattr(error, "orig", None) or error
        raise SystemExit(f"python -m dashboard serve: databasen kunde inte öppnas: {reason}") from None
    except OSError as error:  # a data folder or database file that cannot be made (path and reason)
        raise SystemExit(f"python -m dashboard serve: {error}") from None
