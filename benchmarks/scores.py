"""Measure score computation: ``compute_scores`` for one year and for all twenty.

Run with ``.venv/bin/python benchmarks/scores.py`` (``--sizes 10`` for a quick
run). For each size it makes synthetic data in memory — N localities × 60
indicators (a mix of higher-, lower-is-better and neutral, a fifth of them
counts scored per 1,000 inhabitants) × 20 years, about 15 % of figures absent
and 3 % present but empty, 5 % on another counting basis, a population
history with gaps, and municipality figures — and times:

- one year, full history: ``compute_scores`` handed every observation (the
  function picks out the year, the municipality and the population history);
- one year, year's rows: handed only that year's observations plus the
  population history, as a caller that queries by year would;
- all 20 years: ``compute_scores`` once per year on the full history;
- years: ``years_with_scores`` over the full history.

Times are the median of repeated runs on this machine; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indicators.core.model import (  # noqa: E402
    MUNICIPALITY_ID,
    Direction,
    Indicator,
    Level,
    Observation,
)
from indicators.core.slus import DEVELOPMENT_AREAS  # noqa: E402
from indicators.metrics.per_capita import POPULATION_INDICATOR_ID  # noqa: E402
from indicators.metrics.scores import compute_scores, years_with_scores  # noqa: E402

YEARS = list(range(2005, 2025))
INDICATORS = 60


def synthetic_indicators(count: int, rng: random.Random) -> list[Indicator]:
    """``count`` locality-level indicators spread over the six areas, the first one population."""
    indicators = [
        Indicator(POPULATION_INDICATOR_ID, "Folkmängd", "Population", "invånare", "leva", Direction.NEUTRAL,
                  Level.LOCALITY, "syntetisk", "")
    ]
    for number in range(1, count):
        area = DEVELOPMENT_AREAS[number % len(DEVELOPMENT_AREAS)].id
        direction = rng.choices(
            [Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.NEUTRAL], weights=[60, 25, 15]
        )[0]
        counted = direction is Direction.HIGHER_IS_BETTER and rng.random() < 0.35
        indicators.append(
            Indicator(f"ind_{number:02d}", f"Indikator {number}", f"Indicator {number}",
                      "antal" if counted else "%", area, direction, Level.LOCALITY, "syntetisk", "",
                      per_1000=counted)
        )
    return indicators


def synthetic_observations(
    indicators: list[Indicator], locality_ids: list[str], rng: random.Random
) -> list[Observation]:
    observations = []
    for locality_id in locality_ids:
        size = rng.lognormvariate(6, 1.2)
        for indicator in indicators:
            for year in YEARS:
                if rng.random() < 0.15:
                    continue  # a gap: nobody counted
                scale = size / 100 if indicator.per_1000 else 1.0  # counts grow with the locality
                value = None if rng.random() < 0.03 else round(rng.uniform(0, 100) * scale, 1)
                if indicator.id == POPULATION_INDICATOR_ID and value is not None:
                    value = round(size * rng.uniform(0.9, 1.1))
                basis = "parish" if rng.random() < 0.05 else "tätort"
                observations.append(Observation(indicator.id, locality_id, year, value, "syntetisk", basis))
    for indicator in indicators:
        for year in YEARS:
            value = 15_000.0 if indicator.id == POPULATION_INDICATOR_ID else rng.uniform(0, 100)
            observations.append(Observation(indicator.id, MUNICIPALITY_ID, year, value, "syntetisk"))
    return observations


def median_seconds(function: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(size: int, repeats: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    indicators = synthetic_indicators(INDICATORS, rng)
    locality_ids = [f"ort-{number:04d}" for number in range(size)]
    observations = synthetic_observations(indicators, locality_ids, rng)
    year = YEARS[-1]
    year_rows = [o for o in observations if o.year == year or o.indicator_id == POPULATION_INDICATOR_ID]

    def all_years() -> None:
        for each in YEARS:
            compute_scores(indicators, observations, locality_ids, each)

    return {
        "observations": len(observations),
        "one year, full history (ms)": 1000 * median_seconds(
            lambda: compute_scores(indicators, observations, locality_ids, year), repeats),
        "one year, year's rows (ms)": 1000 * median_seconds(
            lambda: compute_scores(indicators, year_rows, locality_ids, year), repeats),
        "all 20 years (s)": median_seconds(all_years, max(1, repeats // 5)),
        "years_with_scores (ms)": 1000 * median_seconds(lambda: years_with_scores(indicators, observations), repeats),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 2000], help="numbers of localities")
    parser.add_argument("--repeats", type=int, default=5, help="runs per timing (median reported)")
    parser.add_argument("--seed", type=int, default=884)
    args = parser.parse_args(argv)

    results = {size: measure(size, args.repeats, args.seed) for size in args.sizes}
    rows = list(next(iter(results.values())))
    width = max(len(row) for row in rows)
    print(f"{'localities':<{width}}" + "".join(f"{size:>12}" for size in args.sizes))
    for row in rows:
        cells = "".join(
            f"{results[size][row]:>12,.0f}" if row == "observations" else f"{results[size][row]:>12,.2f}"
            for size in args.sizes
        )
        print(f"{row:<{width}}{cells}")
    print(f"({INDICATORS} indicators × {len(YEARS)} years; median of {args.repeats} runs, "
          f"all-years median of {max(1, args.repeats // 5)})")


if __name__ == "__main__":
    main()
