"""Plans benchmark (issue 15): the change view and the alignment view, server time.

Run with ``.venv/bin/python benchmarks/plans.py`` (defaults: the real ten localities, 20 years
of plans with 50 items each, 10,000 initiatives and 50,000 activities — the group-work set of
``benchmarks/run.py``). Builds a fresh SQLite file, then times, in this process:

- the change view: ``dashboard.views.plans.change_view`` for the two latest years' first days
  (reads observations, initiatives, the audit log, activities and done plan items, and words
  the report) — what the ``/sedan-motet`` callback does on the server;
- the alignment view: ``dashboard.views.plans.plan_page`` for one locality's latest plan
  (plan, previous plan, difference, alignment, others working on the same) — what the
  ``/planer`` callback does, before the components are laid out.

Reported: median and 90th percentile in milliseconds over ``--repeats`` calls, Markdown on
stdout. Nothing is asserted; the machine is shared, so compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import build_groupwork

from dashboard.app import create_app
from dashboard.server.settings import Settings
from dashboard.views.plans import change_view, plan_page
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.plans.records import AreaPriority, ItemStatus, Plan, PlanItem, Priority
from indicators.plans.store import PlansStore
from indicators.storage.store import Store


def build_plans(url: str, years: int, items: int) -> int:
    """``years`` plans per locality, ``items`` items each (a tenth done), linking own initiatives."""
    store = Store.open(url)
    plans = PlansStore(store)
    from indicators.groupwork.store import GroupworkStore

    gw = GroupworkStore(store)
    own: dict[str, list[int]] = {}
    for initiative in gw.initiatives():
        own.setdefault(initiative.locality_id, []).append(initiative.id)
    rng = random.Random(15)
    areas = [a.id for a in DEVELOPMENT_AREAS]
    last = date.today().year
    for locality in store.localities():
        for year in range(last - years + 1, last + 1):
            plan = Plan(
                locality.id, year, f"Vision för {locality.name} {year}",
                tuple(AreaPriority(a, rng.choice(list(Priority)), "Skäl") for a in areas),
                tuple(
                    PlanItem(f"Punkt {n}", "Gruppen", None, date(year, 12, 31), rng.choice(list(ItemStatus)),
                             (rng.choice(areas),), tuple(rng.sample(own.get(locality.id, []), 1)) if own.get(locality.id) else ())
                    for n in range(items)
                ),
            )  # fmt: skip
            plan = replace(plan, items=tuple(
                replace(i, done_on=date(year, rng.randint(1, 12), 1) if i.status is ItemStatus.DONE else None)
                for i in plan.items))
            plans.save_plan(plan, username="benchmark")
    store.dispose()
    return last


def settle(url: str) -> None:
    """Fold the build's write-ahead log into the database file, as a server at rest has it.

    Right after building, every read goes through a 16 MB write-ahead log
    (twice the time for the change view); a running server's log is
    checkpointed, so the views are timed on a database at rest.
    """
    if not url.startswith("sqlite:///"):
        return
    with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
        busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise RuntimeError("the benchmark database is still in use after building")


def timed(call, repeats: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.9 * len(samples)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="allas-plans-bench-") as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        build_groupwork(url, args.initiatives, args.activities)
        last = build_plans(url, args.years, args.items)
        settle(url)
        app = create_app(Settings(database_url=url, secret_key="bench"))
        data = app.server.extensions["allas_dashboard_data"]
        with app.server.test_request_context("/"):
            change = timed(lambda: change_view(data, date(last - 1, 1, 1), date(last, 1, 1)), args.repeats)
            aligned = timed(lambda: plan_page(data, "storebro", last), args.repeats)
    print(f"| plans: {args.years} years × {args.items} items × 10 localities; "
          f"{args.initiatives:,} initiatives / {args.activities:,} activities | median ms | p90 ms |")
    print("|---|---:|---:|")
    print(f"| change view (server) | {change[0]:.0f} | {change[1]:.0f} |")
    print(f"| alignment view (server) | {aligned[0]:.0f} | {aligned[1]:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
