"""Measure the import rate: a million observation rows through ``import_file``.

Run with ``.venv/bin/python benchmarks/import_rate.py`` (``--localities 200``
for a quick run). In a temporary folder it builds a fresh SQLite database with
N synthetic localities and 25 indicators, writes an observations CSV of
N × 25 × 20 years rows (2,000 localities give 1,000,000 rows), imports it
through the same entry point as the command line and the web upload, and then
imports it again (every row unchanged). It reports rows per second for reading
and checking the file, and for writing it, as a table on stdout; nothing here
is asserted.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geodata.boundary import municipality_boundary  # noqa: E402
from geodata.synthetic import synthetic_localities  # noqa: E402
from indicators.core.model import Direction, Indicator, Level  # noqa: E402
from indicators.core.units import UNITS_BY_SYMBOL  # noqa: E402
from indicators.observations.importing import ImportReport, import_file  # noqa: E402
from indicators.storage.store import Store  # noqa: E402

INDICATORS = 25
YEARS = 20
_UNITS = ("antal", "%", "invånare", "år", "kr")


@dataclass(frozen=True)
class Phase:
    name: str
    rows: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else float("inf")


def bench_indicators() -> list[Indicator]:
    """25 locality-level indicators over the units a real catalogue uses."""
    return [
        Indicator(
            id=f"bench_{index:02d}",
            name_sv=f"Testindikator {index}",
            name_en=f"Test indicator {index}",
            unit=_UNITS[index % len(_UNITS)],
            area_id=("leva", "arbeta", "verka", "trivas", "kontakt", "motas")[index % 6],
            direction=Direction.HIGHER_IS_BETTER,
            level=Level.LOCALITY,
            source="benchmark",
            definition_sv="Påhittad indikator för mätning av importen.",
        )
        for index in range(1, INDICATORS + 1)
    ]


def write_csv(path: Path, locality_ids: list[str], indicators: list[Indicator], last_year: int) -> int:
    """The long-format file; values are drawn inside each unit's range. Returns the row count."""
    rng = random.Random(0)
    years = range(last_year - YEARS + 1, last_year + 1)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["indicator_id", "locality_id", "year", "value", "source", "basis"])
        for indicator in indicators:
            unit = UNITS_BY_SYMBOL[indicator.unit]
            high = unit.maximum if unit.maximum is not None else 10_000
            for locality_id in locality_ids:
                for year in years:
                    value = rng.uniform(unit.minimum or 0, high)
                    text = str(round(value)) if unit.whole else f"{value:.1f}"
                    out.writerow([indicator.id, locality_id, year, text, "Syntetisk källa", "tätort"])
                    rows += 1
    return rows


def phases(label: str, report: ImportReport) -> list[Phase]:
    return [
        Phase(f"{label}: läsa och kontrollera", report.rows, report.read_seconds),
        Phase(f"{label}: skriva", report.rows, report.write_seconds),
        Phase(f"{label}: totalt", report.rows, report.read_seconds + report.write_seconds),
    ]


def run(localities: int) -> tuple[list[Phase], list[str]]:
    notes = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        store = Store.open(url, seed=False)
        try:
            places = synthetic_localities(localities, municipality_boundary())
            indicators = bench_indicators()
            store.save_localities(places)
            store.save_indicators(indicators)
            path = Path(folder) / "observations.csv"
            started = time.perf_counter()
            rows = write_csv(path, [p.id for p in places], indicators, date.today().year - 1)
            notes.append(
                f"{_grouped(rows)} rader, {path.stat().st_size / 1e6:.0f} MB CSV, skriven på "
                f"{time.perf_counter() - started:.1f} s"
            )
            first = import_file(store, path, user="benchmark")
            notes.append(f"första importen: {first.result}")
            again = import_file(store, path, user="benchmark")
            notes.append(f"andra importen: {again.result}")
            db_size = Path(folder, "bench.sqlite").stat().st_size / 1e6
            notes.append(f"databasen: {db_size:.0f} MB")
        finally:
            store.dispose()
    return phases("import", first) + phases("återimport (oförändrat)", again), notes


def print_table(results: list[Phase]) -> None:
    width = max(len(p.name) for p in results)
    print(f"{'fas':<{width}}  {'rader':>10}  {'sekunder':>9}  {'rader/s':>10}")
    for phase in results:
        print(
            f"{phase.name:<{width}}  {_grouped(phase.rows):>10}  {phase.seconds:>9.1f}  "
            f"{_grouped(round(phase.rate)):>10}"
        )


def _grouped(number: int) -> str:
    """``1 000 000``: thousands grouped with spaces, as the Swedish tables are."""
    return f"{number:,}".replace(",", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--localities", type=int, default=2000, help="synthetic localities (2000)")
    args = parser.parse_args()
    results, notes = run(args.localities)
    for note in notes:
        print(note)
    print()
    print_table(results)


if __name__ == "__main__":
    main()
