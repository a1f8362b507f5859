"""Residents' ideas benchmark (issue 14): 10,000 ideas and 100,000 supports, server time.

Run with ``.venv/bin/python benchmarks/ideas.py`` (``--ideas``, ``--supports``, ``--repeats``).
Builds a fresh SQLite file with the bundled localities, a fifth of the ideas waiting for
moderation and the rest public, two thirds of them with a place, supports spread over the
public ones (one row per browser hash, the counter kept on the idea), then times in this process:

- the publish queue: ``IdeaStore.queue`` for one locality (what an editor's page reads) and for all;
- the map layer: ``IdeaStore.map_points`` (public ideas with a place and their main area);
- counts per locality: ``IdeaStore.counts_by_locality`` and per area;
- one support and one publish (a write transaction each, with the send-limit counter).

Reported: median and 90th percentile in milliseconds, Markdown on stdout. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from indicators.core.slus import DEVELOPMENT_AREAS  # noqa: E402
from indicators.ideas.limits import Policy, hashed  # noqa: E402
from indicators.ideas.records import IdeaStatus  # noqa: E402
from indicators.ideas.rules import Step  # noqa: E402
from indicators.ideas.store import IdeaStore  # noqa: E402
from indicators.storage import app_settings, schema  # noqa: E402
from indicators.storage.store import Store, write_transaction  # noqa: E402

SALT = b"benchmark"


def build(store: Store, ideas: int, supports: int) -> None:
    rng = random.Random(14)
    localities = [(loc.id, loc.lat, loc.lon) for loc in store.localities()]
    areas = [a.id for a in DEVELOPMENT_AREAS]
    public = [s.value for s in (IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING, IdeaStatus.DECLINED)]
    start = datetime(2024, 1, 1)
    idea_rows, area_rows = [], []
    for n in range(1, ideas + 1):
        locality, lat, lon = rng.choice(localities)
        placed = rng.random() < 2 / 3
        status = IdeaStatus.PENDING.value if rng.random() < 0.2 else rng.choice(public)
        at = start + timedelta(minutes=n)
        idea_rows.append({
            "id": n, "locality_id": locality, "title": f"Förslag {n}", "description": "Text " * 20,
            "status": status, "lat": lat + rng.uniform(-0.005, 0.005) if placed else None,
            "lon": lon + rng.uniform(-0.005, 0.005) if placed else None, "source": "resident", "supports": 0,
            "published_at": None if status == "pending" else at, "version": 1, "created_at": at, "updated_at": at,
        })
        for position, area in enumerate(rng.sample(areas, rng.randint(1, 2))):
            area_rows.append({"idea_id": n, "area_id": area, "position": position})
    public_ids = [row["id"] for row in idea_rows if row["status"] != "pending"]
    counts: dict[int, int] = {}
    support_rows = []
    for n in range(supports):
        idea_id = rng.choice(public_ids)
        counts[idea_id] = counts.get(idea_id, 0) + 1
        support_rows.append({"idea_id": idea_id, "browser_hash": hashed(f"browser-{n}", SALT), "created_at": start})
    for row in idea_rows:
        row["supports"] = counts.get(row["id"], 0)
    with write_transaction(store.engine) as conn:
        for table, rows in ((schema.ideas, idea_rows), (schema.idea_areas, area_rows),
                            (schema.idea_supports, support_rows)):
            for begin in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[begin : begin + 5000])


def timed(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.9))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--supports", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/ideas.db")
        began = time.perf_counter()
        build(store, args.ideas, args.supports)
        print(f"Built {args.ideas:,} ideas and {args.supports:,} supports in {time.perf_counter() - began:.1f} s\n")
        ideas = IdeaStore(store, salt=SALT)
        policy = Policy.from_settings(app_settings.AppSettings({app_settings.IDEA_SUPPORT_LIMIT.key: 100_000}))
        public = ideas.ideas(locality_ids=["storebro"], limit=1)[0]
        pending = iter(ideas.queue(None, limit=10_000))
        browsers = iter(range(10**9))
        cases = {
            "publish queue, one locality (200 oldest)": lambda: ideas.queue(["storebro"]),
            "publish queue, all localities (200 oldest)": lambda: ideas.queue(None),
            "public ideas of one locality": lambda: ideas.ideas(locality_ids=["storebro"]),
            "map layer (public ideas with a place)": ideas.map_points,
            "counts per locality": ideas.counts_by_locality,
            "counts per area": ideas.counts_by_area,
            "one support (write)": lambda: ideas.support(public.id, f"new-{next(browsers)}", address="1.2.3.4",
                                                          policy=policy),
            "one publish (write)": lambda: _publish(ideas, next(pending)),
        }
        print("| step | median ms | p90 ms |\n|---|---:|---:|")
        for name, call in cases.items():
            median, p90 = timed(call, args.repeats)
            print(f"| {name} | {median:.1f} | {p90:.1f} |")
        print(f"\nmap layer points: {len(ideas.map_points()):,}")
        store.dispose()


def _publish(ideas: IdeaStore, idea) -> None:
    ideas.step(idea.id, idea.version, Step.PUBLISH, username="benchmark")


if __name__ == "__main__":
    main()
