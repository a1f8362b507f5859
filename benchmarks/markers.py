"""The map's markers for 10,000 initiatives (+ residents' ideas): server time and payload size.

Run with ``.venv/bin/python benchmarks/markers.py`` (``--initiatives``, ``--ideas``, ``--repeats``).
Builds a fresh SQLite file with the bundled localities, ``--initiatives`` made-up initiatives with a
place (``benchmarks/run.py``'s group-work generator) and ``--ideas`` published ideas with a place, then
times in this process ``dashboard.views.map_markers.map_markers`` for the whole map (what the map
document carries) and for the standalone export's complete mode, and reports the payload's size as
the compact JSON the map's data island holds. Issue #13 item 3 asks for ≤ 100 ms and ≤ 1 MB.

Reported: median and 90th percentile in milliseconds, sizes in KiB, Markdown on stdout. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import build_groupwork

from dashboard.data import DashboardData
from dashboard.views import map_markers as markers_view
from indicators.ideas.records import Idea
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.storage.store import Store


def add_ideas(store: Store, count: int) -> None:
    """Published ideas with a place near a locality's centre, a third of them declined."""
    rng = random.Random(13)
    ideas = IdeaStore(store, salt=b"benchmark")
    localities = store.localities()
    for n in range(count):
        loc = rng.choice(localities)
        idea = ideas.record(Idea(loc.id, f"Förslag {n}", description="Text " * 20, areas=("trivas",),
                                 lat=loc.lat + rng.uniform(-0.005, 0.005), lon=loc.lon + rng.uniform(-0.005, 0.005)),
                            username="benchmark")
        if n % 3 == 0:
            ideas.step(idea.id, idea.version, Step.DECLINE, username="benchmark")


def timed(call, repeats: int) -> tuple[float, float, float, object]:
    """Median and 90th percentile of wall time, and median CPU time (less moved by a busy machine), in ms."""
    times, cpu, result = [], [], None
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], statistics.median(cpu), result


def _counts(store: Store) -> str:
    """How many initiatives and published ideas the data has (a reused file may differ from the options)."""
    from sqlalchemy import func, select

    from indicators.storage import schema

    with store.engine.connect() as conn:
        initiatives = conn.execute(select(func.count()).select_from(schema.initiatives)).scalar()
        ideas = conn.execute(select(func.count()).select_from(schema.ideas)).scalar()
    return f"{initiatives:,} / {ideas:,}"


def size_kib(payload: object) -> float:
    return len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--ideas", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--database", help="a SQLite file to reuse (built there first if it does not exist), "
                                           "so two versions of the code can be timed on the same data")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.database) if args.database else Path(tmp) / "markers.sqlite"
        url = f"sqlite:///{path}"
        if not path.exists():
            build_groupwork(url, args.initiatives, 0)
            with_ideas = Store.open(url)
            add_ideas(with_ideas, args.ideas)
            with_ideas.dispose()
        store = Store.open(url)
        data = DashboardData(store)
        rows = [("initiatives / published ideas with a place", _counts(store))]
        modes = [("map", {})]
        if "complete" in markers_view.map_markers.__code__.co_varnames:
            modes.append(("export (complete)", {"complete": True}))
        for label, options in modes:
            median, p90, cpu, (payload, _notes) = timed(
                lambda options=options: markers_view.map_markers(data, {}, "sv", **options), args.repeats)
            rows += [(f"{label}: server ms, wall median / p90 / CPU median", f"{median:.0f} / {p90:.0f} / {cpu:.0f}"),
                     (f"{label}: payload KiB (compact JSON)", f"{size_kib(payload):.0f}")]
        store.dispose()
    print("| markers | |")
    print("|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
