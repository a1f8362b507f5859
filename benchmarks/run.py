"""Measure the dashboard: cold start, callback server time and map size.

Run with ``.venv/bin/python benchmarks/run.py`` (add ``--sizes 10`` for a
quick run). For each size it builds a database in a temporary folder (the
real ten localities, or N synthetic ones with made-up population figures),
starts ``python -m dashboard`` as a separate process and measures, over HTTP
on 127.0.0.1:

- cold start: process start to the first HTTP 200 of the page;
- first map: the first map callback after start (computes areas and layers);
- select: server time of selecting a locality (the URL-sync callback plus the
  panel callback), median and 95th percentile of repeated requests;
- map: server time of re-rendering the map (indicator or year change);
- map HTML: size of the map document sent to the browser.

Numbers go to stdout as a table; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ids  # noqa: E402
from geodata.boundary import municipality_boundary  # noqa: E402
from geodata.synthetic import synthetic_localities  # noqa: E402
from indicators.bundled import bundled_indicators  # noqa: E402
from indicators.model import Group, Observation  # noqa: E402
from indicators.storage import Store  # noqa: E402


@dataclass
class Result:
    size: int
    cold_start_s: float
    first_map_s: float
    select_median_ms: float
    select_p95_ms: float
    map_median_ms: float
    map_html_kb: float


def build_database(url: str, size: int) -> str:
    """The real bundled data for 10, else ``size`` synthetic localities; returns a locality id."""
    if size == 10:
        store = Store.open(url)
        store.dispose()
        return "storebro"
    store = Store.open(url, seed=False)
    localities = synthetic_localities(size, municipality_boundary(), seed=1)
    rng = random.Random(1)
    store.save_indicators(bundled_indicators())
    store.save_localities(localities)
    store.save_groups([Group(loc.id, f"Lokal utvecklingsgrupp {loc.name}") for loc in localities])
    store.save_observations(
        [
            Observation("population", loc.id, year, float(rng.randint(50, 9000)), "syntetisk", "tätort")
            for loc in localities
            for year in (2018, 2019, 2020)
        ]
    )
    store.dispose()
    return localities[len(localities) // 2].id


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post_callback(base: str, output: str, outputs, inputs, changed: str) -> tuple[float, bytes]:
    body = json.dumps(
        {"output": output, "outputs": outputs, "inputs": inputs, "changedPropIds": [changed], "state": []}
    ).encode()
    request = urllib.request.Request(
        base + "/_dash-update-component", data=body, headers={"Content-Type": "application/json"}
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        payload = response.read()
    return time.perf_counter() - start, payload


def prop(component: str, name: str, value=None) -> dict:
    return {"id": component, "property": name, "value": value}


def select_locality(base: str, locality: str) -> float:
    """Both server round trips a locality choice causes: URL sync, then the panel."""
    sync_out = [prop(ids.URL, "search"), prop(ids.LOCALITY, "value"), prop(ids.INDICATOR, "value"),
                prop(ids.YEAR, "value")]
    sync_out = [{"id": o["id"], "property": o["property"]} for o in sync_out]
    sync_in = [prop(ids.URL, "search", ""), prop(ids.MAP_CLICK, "data", {"id": locality, "at": 1}),
               prop(ids.LOCALITY, "value", None), prop(ids.INDICATOR, "value", "population"),
               prop(ids.YEAR, "value", "senaste")]
    output = "..url.search...locality-select.value...indicator-select.value...year-select.value.."
    t1, _ = post_callback(base, output, sync_out, sync_in, f"{ids.MAP_CLICK}.data")
    panel_in = [prop(ids.LOCALITY, "value", locality), prop(ids.INDICATOR, "value", "population"),
                prop(ids.YEAR, "value", "senaste")]
    t2, _ = post_callback(base, f"{ids.PANEL}.children", {"id": ids.PANEL, "property": "children"}, panel_in,
                          f"{ids.LOCALITY}.value")
    return t1 + t2


def render_map(base: str, year: str = "senaste") -> tuple[float, int]:
    inputs = [prop(ids.INDICATOR, "value", "population"), prop(ids.YEAR, "value", year)]
    seconds, payload = post_callback(base, f"{ids.MAP_FRAME}.srcDoc", {"id": ids.MAP_FRAME, "property": "srcDoc"},
                                     inputs, f"{ids.YEAR}.value")
    html = json.loads(payload)["response"][ids.MAP_FRAME]["srcDoc"]
    return seconds, len(html.encode())


def measure(size: int, repeats: int) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        locality = build_database(url, size)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": url}
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    with urllib.request.urlopen(base + "/", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError("the dashboard exited during start") from None
                    time.sleep(0.02)
            cold = time.perf_counter() - start
            first_map, size_bytes = render_map(base)
            selects = [select_locality(base, locality) * 1000 for _ in range(repeats)]
            maps = [render_map(base, year)[0] * 1000 for year in ("senaste", "2020") * max(1, repeats // 4)]
        finally:
            process.terminate()
            process.wait(timeout=10)
    selects.sort()
    return Result(
        size=size,
        cold_start_s=cold,
        first_map_s=first_map,
        select_median_ms=statistics.median(selects),
        select_p95_ms=selects[min(len(selects) - 1, int(0.95 * len(selects)))],
        map_median_ms=statistics.median(maps),
        map_html_kb=size_bytes / 1024,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 2000], help="numbers of localities")
    parser.add_argument("--repeats", type=int, default=20, help="requests per timed callback")
    args = parser.parse_args(argv)
    header = ("localities", "cold start s", "first map s", "select ms (median)", "select ms (p95)",
              "map ms (median)", "map HTML KiB")
    rows = []
    for size in args.sizes:
        r = measure(size, args.repeats)
        rows.append((str(r.size), f"{r.cold_start_s:.2f}", f"{r.first_map_s:.2f}", f"{r.select_median_ms:.1f}",
                     f"{r.select_p95_ms:.1f}", f"{r.map_median_ms:.1f}", f"{r.map_html_kb:.0f}"))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.rjust(w) for c, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
