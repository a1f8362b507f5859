"""``python -m dashboard export``: the offline exports from the command line.

The same functions the dashboard calls (``dashboard.exports``): a standalone
HTML map, a report per locality or for the whole municipality as print-ready
HTML or PDF, and any chart of the compare page as PNG or SVG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.server.language import language_of
from dashboard.views.url_state import COMPARE_CHARTS
from indicators.i18n.locales import LANGUAGES
from indicators.storage.store import default_database_url, resolve_database_url

PROG = "python -m dashboard export"

DESCRIPTION = """\
Exportera Allas Vimmerby så att det fungerar utan nät: en fristående
HTML-karta (öppnas från ett USB-minne, utan server), en utskriftsklar
rapport per ort eller för hela kommunen, som HTML eller PDF, och
jämförelsesidans diagram som PNG eller SVG.
"""

EPILOG = f"""\
exempel:
  {PROG} map karta.html
  {PROG} map index.html --layer index --year 2024
  {PROG} report kommunen.pdf
  {PROG} report storebro.html --locality storebro --year 2024
  {PROG} chart index.svg --chart index
  {PROG} chart radar.png --chart radar --link "http://127.0.0.1:8050/jamfor?orter=tuna,pelarne&ar=2024"

databas:
  --database-url går före miljövariabeln DATABASE_URL, som går före
  standardplatsen {default_database_url()}.

PDF och diagrambilder ritas av Chromium i huvudlöst läge (Debians paket
chromium, eller miljövariabeln CHROMIUM=sökväg). Allt sker lokalt, utan nät.
"""


class _SwedishFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="användning: " if prefix is None else prefix)


class _SwedishParser(argparse.ArgumentParser):
    """argparse with its own words in Swedish (it ships no Swedish catalogue)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _SwedishFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _SwedishParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--database-url", metavar="URL", help="databasens adress (SQLAlchemy-URL)")
    parser.add_argument("--language", choices=LANGUAGES, default="sv",
                        help="språk i filen: sv (standard) eller en")
    commands = parser.add_subparsers(dest="what", metavar="{map,report,chart}", title="kommandon",
                                     parser_class=_SwedishParser)

    map_parser = commands.add_parser("map", help="fristående HTML-karta med allt inbakat",
                                     description="Kartan som i appen, som en enda HTML-fil som öppnas utan nät.")
    map_parser.add_argument("out", metavar="UT.html", type=Path, help="filen som skrivs")
    map_parser.add_argument("--layer", metavar="LAGER", default=None,
                            help="vad kartan färgas efter: en indikator (t.ex. population), index eller "
                                 "omrade-leva, omrade-arbeta … (standard: folkmängd)")
    map_parser.add_argument("--year", metavar="ÅÅÅÅ", type=int, default=None,
                            help="år (standard: senaste uppgift per ort)")
    map_parser.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    map_parser.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    report_parser = commands.add_parser("report", help="utskriftsklar rapport som HTML eller PDF",
                                        description="Rapport med karta, diagram, tabeller, källor och datum.\n"
                                                    "Filändelsen avgör formatet: .html eller .pdf.")
    report_parser.add_argument("out", metavar="UT.html|UT.pdf", type=Path, help="filen som skrivs")
    report_parser.add_argument("--locality", metavar="ORT", default=None,
                               help="ortens id, t.ex. storebro (utan: rapport för hela kommunen)")
    report_parser.add_argument("--year", metavar="ÅÅÅÅ", type=int, default=None,
                               help="år (standard: senaste uppgift)")
    report_parser.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    report_parser.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    chart_parser = commands.add_parser(
        "chart", help="ett diagram från jämförelsesidan som PNG eller SVG",
        description="Ett diagram som på jämförelsesidan. Länken (kopiera adressen från sidan)\n"
                    "väljer orter, år, område, indikator och vikter; utan länk: alla orter och\n"
                    "det senaste året. Filändelsen avgör formatet: .png eller .svg.")
    chart_parser.add_argument("out", metavar="UT.png|UT.svg", type=Path, help="filen som skrivs")
    chart_parser.add_argument("--chart", choices=COMPARE_CHARTS, default="index",
                              help="radar: poäng per utvecklingsområde; index: attraktivitetsindex (standard); "
                                   "bars: indikatorn per ort; series: indikatorn över tid")
    chart_parser.add_argument("--link", metavar="LÄNK", default=None,
                              help="jämförelsesidans adress, eller bara delen från ?")
    chart_parser.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    chart_parser.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.what is None:
        parser.error("välj ett kommando: map, report eller chart")
    if args.what == "report" and args.out.suffix.lower() not in (".html", ".htm", ".pdf"):
        parser.error("rapportens fil ska sluta på .html eller .pdf")
    if args.what == "chart" and args.out.suffix.lower() not in (".png", ".svg"):
        parser.error("diagrammets fil ska sluta på .png eller .svg")

    # Heavy imports only once the arguments are valid.
    from dashboard.data import DashboardData
    from indicators.storage.store import Store

    store = Store.open(resolve_database_url(args.database_url))
    language = args.language
    try:
        data = DashboardData(store)
        with language_of(language):
            if args.what == "map":
                return _export_map(data, args, parser)
            if args.what == "chart":
                return _export_chart(data, args, language)
            return _export_report(data, args)
    finally:
        store.dispose()


def _export_map(data, args, parser: argparse.ArgumentParser) -> int:
    from dashboard.exports.standalone_map import standalone_map_html
    from dashboard.views.map import layer_years
    from dashboard.views.url_state import LATEST

    layers = [o["value"] for o in data.layer_options()]
    layer = args.layer or data.default_indicator()
    if layer not in layers:
        parser.error(f"okänt lager {layer!r}; välj bland: {', '.join(layers)}")
    if args.year is not None:
        years = layer_years(data, layer)
        if args.year not in years:
            listed = ", ".join(str(y) for y in years) or "inga"
            print(f"Inga uppgifter för {layer} år {args.year}. År med uppgifter: {listed}.", file=sys.stderr)
            return 2
    state = {"layer": layer, "year": str(args.year) if args.year is not None else LATEST, "weights": ""}
    _write(args.out, standalone_map_html(data, state).encode("utf-8"))
    return 0


def _export_report(data, args) -> int:
    from dashboard.exports.pdf import PdfError, report_pdf
    from dashboard.exports.report import locality_report_html, municipality_report_html

    try:
        document = (locality_report_html(data, args.locality, args.year) if args.locality
                    else municipality_report_html(data, args.year))
    except ValueError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2
    if args.out.suffix.lower() == ".pdf":
        try:
            content = report_pdf(document)
        except PdfError as error:
            print(f"Fel: {error}", file=sys.stderr)
            return 1
    else:
        content = document.encode("utf-8")
    _write(args.out, content)
    return 0


def _export_chart(data, args, language: str) -> int:
    from urllib.parse import urlsplit

    from dashboard.exports.chart_image import ChartImageError, chart_image
    from dashboard.i18n.messages import text
    from dashboard.views.compare import compare_view

    search = urlsplit(args.link).query if args.link and "?" in args.link else args.link
    view = compare_view(data, search, language)
    if isinstance(view, str):
        print(f"Fel: {view}", file=sys.stderr)
        return 2
    try:
        content = chart_image(view.charts[args.chart], args.out.suffix.lower().lstrip("."))
    except ChartImageError as error:
        reason = text("chart_image_failed", language)
        print(f"Fel: {reason} ({error})", file=sys.stderr)
        return 1
    _write(args.out, content)
    return 0


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    print(f"Skrev {path} ({len(content) // 1024 + 1} kB)")


if __name__ == "__main__":
    raise SystemExit(main())
