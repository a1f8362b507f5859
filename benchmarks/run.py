"""Measure the dashboard: cold start, callback server time and map size.

Run with ``.venv/bin/python benchmarks/run.py`` (``--datasets real10`` for a
quick run). For each data set it builds a database in a temporary folder —
``real10``: the bundled data of the ten localities; ``synN``: N synthetic
localities × 60 indicators × 20 years (the generator of benchmarks/scores.py)
— starts ``python -m dashboard`` as a separate process and measures, over
HTTP on 127.0.0.1:

- cold start: process start to the first HTTP 200 of the page;
- first map: the first map callback after start (computes areas and layers);
- select: server time of selecting a locality (the URL-sync callback plus the
  panel callback), median and 95th percentile of repeated requests;
- map: server time of rendering the whole map document (the first draw, or a new language);
- map HTML: size of the map document sent to the browser;
- values: server time and size of the response to an indicator or year change once the page has
  the map's frame: values only, restyled in place (issue #13 item 3, decision 72);
- compare: server time of the compare page's content callback for ten
  localities — "cold" is the first request for a year (scores computed),
  "warm" a repeated one (scores cached until the next import);
- group work (the real ten localities with 10,000 initiatives and 50,000
  activities): the map with every initiative as a clustered marker, the
  initiative filter callback, and the groups page of one locality.

Numbers go to stdout as a table; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import http.cookiejar
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

from load import selection_body  # noqa: E402  (benchmarks/load.py: the request load.py sends too)
from scores import INDICATORS, synthetic_indicators, synthetic_observations  # noqa: E402  (benchmarks/scores.py)

from dashboard import ids
from geodata.boundary import municipality_boundary  # noqa: E402
from geodata.synthetic import synthetic_localities  # noqa: E402
from indicators.core.model import Group  # noqa: E402
from indicators.storage.store import Store  # noqa: E402


@dataclass
class Result:
    dataset: str
    localities: int
    observations: int
    cold_start_s: float
    first_map_s: float
    select_median_ms: float
    select_p95_ms: float
    map_median_ms: float
    map_html_kb: float
    values_median_ms: float
    values_kb: float
    compare_cold_ms: float
    compare_warm_ms: float


def build_database(url: str, dataset: str) -> tuple[list[str], int]:
    """Fill a database for ``dataset``; returns the locality ids and the number of observations."""
    if dataset == "real10":
        store = Store.open(url)
    else:
        size = int(dataset.removeprefix("syn"))
        rng = random.Random(1)
        store = Store.open(url, seed=False)
        localities = synthetic_localities(size, municipality_boundary(), seed=1)
        indicators = synthetic_indicators(INDICATORS, rng)
        store.save_indicators(indicators)
        store.save_localities(localities)
        store.save_groups([Group(loc.id, f"Lokal utvecklingsgrupp {loc.name}") for loc in localities])
        store.save_observations(synthetic_observations(indicators, [loc.id for loc in localities], rng))
    ids_ = [loc.id for loc in store.localities()]
    count = len(store.observations())
    store.dispose()
    return ids_, count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


COOKIES = http.cookiejar.CookieJar()
OPENER = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(COOKIES))


def csrf_token() -> str:
    """The CSRF cookie the app set on the first page load (sent back as a header, as Dash does)."""
    return next((c.value for c in COOKIES if c.name == "_csrf_token"), "")


def post_callback(base: str, output: str, outputs, inputs, changed: str, state=None) -> tuple[float, bytes]:
    body = json.dumps(
        {"output": output, "outputs": outputs, "inputs": inputs, "changedPropIds": [changed], "state": state or []}
    ).encode()
    request = urllib.request.Request(
        base + "/_dash-update-component", data=body,
        headers={"Content-Type": "application/json", "X-CSRFToken": csrf_token()},
    )
    start = time.perf_counter()
    with OPENER.open(request, timeout=120) as response:
        payload = response.read()
    return time.perf_counter() - start, payload


def prop(component: str, name: str, value=None) -> dict:
    return {"id": component, "property": name, "value": value}


def select_locality(base: str, locality: str) -> float:
    """The one server round trip a locality choice causes: URL, controls and panel together."""
    body = selection_body(locality, {"layer": "population", "year": "senaste", "weights": ""}, via="map")
    seconds, _ = post_callback(base, body["output"], body["outputs"], body["inputs"], body["changedPropIds"][0],
                               body["state"])
    return seconds


def compare(base: str, localities: list[str], year: int) -> float:
    outputs = [{"id": ids.CMP_MESSAGE, "property": "children"}, {"id": ids.CMP_EXAMPLE, "property": "children"},
               {"id": ids.CMP_RADAR, "property": "figure"}, {"id": ids.CMP_INDEX, "property": "figure"},
               {"id": ids.CMP_BARS, "property": "figure"}, {"id": ids.CMP_SERIES, "property": "figure"},
               {"id": ids.CMP_TABLE, "property": "children"}]
    output = ".." + "...".join(f"{o['id']}.{o['property']}" for o in outputs) + ".."
    search = f"?orter={','.join(localities[:10])}&ar={year}&omrade=leva"
    seconds, _ = post_callback(base, output, outputs, [prop(ids.COMPARE_URL, "search", search)],
                               f"{ids.COMPARE_URL}.search")
    return seconds


MAP_OUTPUTS = [{"id": ids.MAP_FRAME, "property": "srcDoc"}, {"id": ids.MAP_FRAME_KEY, "property": "data"},
               {"id": ids.MAP_VALUES, "property": "data"}]


def map_call(base: str, state: dict, shown_key: str | None, areas=None, statuses=None,
             changed: str = f"{ids.MAP_STATE}.data") -> tuple[float, dict, int]:
    """The map callback as the page posts it: seconds, its response by output id, and its size in bytes.

    ``shown_key`` is the frame key the page holds (None: no frame yet, so the whole document comes).
    """
    inputs = [prop(ids.MAP_STATE, "data", state), prop(ids.INI_FILTER_AREAS, "value", areas),
              prop(ids.INI_FILTER_STATUS, "value", statuses), prop(ids.INI_FILTER_YEAR, "value", None),
              prop(ids.IDEA_FILTER_SHOW, "value", ["show"]), prop(ids.IDEA_FILTER_STATUS, "value", None)]
    output = ".." + "...".join(f"{o['id']}.{o['property']}" for o in MAP_OUTPUTS) + ".."
    seconds, payload = post_callback(base, output, MAP_OUTPUTS, inputs, changed,
                                     [prop(ids.MAP_FRAME_KEY, "data", shown_key)])
    return seconds, json.loads(payload)["response"], len(payload)


def render_map(base: str, year: str = "senaste") -> tuple[float, int, str]:
    """The whole map document: seconds, its size in bytes, and the frame key that names it."""
    seconds, response, _ = map_call(base, {"layer": "population", "year": year, "weights": ""}, None)
    return seconds, len(response[ids.MAP_FRAME]["srcDoc"].encode()), response[ids.MAP_FRAME_KEY]["data"]


def change_layer(base: str, layer: str, year: str, shown_key: str) -> tuple[float, int]:
    """A new layer or year with the frame on the page: seconds and the response's size (values only)."""
    seconds, response, size = map_call(base, {"layer": layer, "year": year, "weights": ""}, shown_key)
    if ids.MAP_FRAME in response:
        raise RuntimeError("the map callback sent a new frame for a layer change")
    return seconds, size


def measure(dataset: str, repeats: int) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite"
        localities, observations = build_database(url, dataset)
        locality = "storebro" if "storebro" in localities else localities[len(localities) // 2]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": url, "DASHBOARD_SECRET_KEY": "benchmark-only"}
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    with OPENER.open(base + "/", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError("the dashboard exited during start") from None
                    time.sleep(0.02)
            cold = time.perf_counter() - start
            first_map, size_bytes, frame = render_map(base)
            maps = [render_map(base, year)[0] * 1000 for year in ("senaste", "2020") * max(1, repeats // 4)]
            changes = [change_layer(base, layer, year, frame)
                       for layer, year in (("population", "2020"), ("index", "senaste")) * max(1, repeats // 2)]
            print(f"{dataset}: map {statistics.median(maps):.0f} ms, {size_bytes / 1024:.0f} KiB; values "
                  f"{statistics.median(ms * 1000 for ms, _ in changes):.0f} ms, "
                  f"{max(size for _, size in changes) / 1024:.0f} KiB", file=sys.stderr, flush=True)
            selects = sorted(select_locality(base, locality) * 1000 for _ in range(repeats))
            years = (2024, 2023, 2022) if dataset == "real10" else tuple(range(2024, 2014, -1))
            compare_cold = [compare(base, localities, y) * 1000 for y in years]
            compare_warm = [compare(base, localities, years[0]) * 1000 for _ in range(repeats)]
        finally:
            process.terminate()
            process.wait(timeout=10)
    return Result(
        dataset=dataset,
        localities=len(localities),
        observations=observations,
        cold_start_s=cold,
        first_map_s=first_map,
        select_median_ms=statistics.median(selects),
        select_p95_ms=selects[min(len(selects) - 1, int(0.95 * len(selects)))],
        map_median_ms=statistics.median(maps),
        map_html_kb=size_bytes / 1024,
        values_median_ms=statistics.median(ms * 1000 for ms, _ in changes),
        values_kb=max(size for _, size in changes) / 1024,
        compare_cold_ms=statistics.median(compare_cold),
        compare_warm_ms=statistics.median(compare_warm),
    )


def build_groupwork(url: str, initiatives: int, activities: int) -> None:
    """The real ten localities with many made-up initiatives and activities (bulk-written)."""
    from datetime import UTC, date, datetime, timedelta

    from indicators.core.slus import DEVELOPMENT_AREAS
    from indicators.groupwork.records import (
        Activity,
        ActivityKind,
        Initiative,
        InitiativeStatus,
    )
    from indicators.groupwork.store import GroupworkStore
    from indicators.observations.import_log import ImportOrigin

    store = Store.open(url)
    gw = GroupworkStore(store)
    rng = random.Random(4)
    localities = store.localities()
    areas = [a.id for a in DEVELOPMENT_AREAS]
    origin = ImportOrigin("benchmark", "synthetic", "bench", "", datetime.now(UTC))
    today = date.today()
    gw.import_initiatives([
        Initiative(loc.id, f"Initiativ {n}", rng.choice(list(InitiativeStatus)), description="Syntetiskt " * 5,
                   areas=tuple(rng.sample(areas, rng.randint(1, 2))), start=today - timedelta(days=rng.randint(0, 1500)),
                   lat=loc.lat + rng.uniform(-0.01, 0.01), lon=loc.lon + rng.uniform(-0.015, 0.015))
        for n, loc in ((n, rng.choice(localities)) for n in range(initiatives))
    ], username="benchmark", origin=origin)
    gw.import_activities([
        Activity(loc.id, today - timedelta(days=rng.randint(0, 1000)), rng.choice(list(ActivityKind)),
                 f"Aktivitet {n}", rng.randint(2, 80), areas=(rng.choice(areas),))
        for n, loc in ((n, rng.choice(localities)) for n in range(activities))
    ], username="benchmark", origin=origin)
    store.dispose()


def measure_groupwork(initiatives: int, activities: int, repeats: int) -> list[tuple[str, str]]:
    """Map render and filter-callback server time with many initiatives, and the groups page."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/gw.sqlite"
        build_groupwork(url, initiatives, activities)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": url, "DASHBOARD_SECRET_KEY": "benchmark-only"}
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "--port", str(port)], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    with OPENER.open(base + "/", timeout=5):
                        break
                except OSError:
                    time.sleep(0.05)
            state = {"layer": "population", "year": "senaste", "weights": ""}

            def markers_call(areas, statuses):
                seconds, response, _ = map_call(base, state, None, areas, statuses, f"{ids.INI_FILTER_AREAS}.value")
                return seconds * 1000, len(response[ids.MAP_FRAME]["srcDoc"].encode())

            def groups_call():
                outputs = [{"id": ids.GW_OVERVIEW, "property": "children"}, {"id": ids.GW_DETAIL, "property": "children"},
                           {"id": ids.GW_FORMS, "property": "style"}, {"id": ids.COMP_FORM_BODY, "property": "children"},
                           {"id": ids.COMP_VERSION, "property": "data"}]
                output = ".." + "...".join(f"{o['id']}.{o['property']}" for o in outputs) + ".."
                inputs = [prop(ids.GW_LOCALITY, "value", "storebro"), prop(ids.GW_PERIOD, "value", "12m"),
                          prop(ids.GW_REFRESH, "data", 0)]
                return post_callback(base, output, outputs, inputs, f"{ids.GW_LOCALITY}.value")[0] * 1000

            all_maps = [markers_call(None, None) for _ in range(max(3, repeats // 4))]
            filtered = [markers_call(["leva"], ["ongoing"])[0] for _ in range(max(3, repeats // 4))]
            groups = [groups_call() for _ in range(max(3, repeats // 4))]
        finally:
            process.terminate()
            process.wait(timeout=10)
    return [
        ("initiatives / activities", f"{initiatives:,} / {activities:,}"),
        ("map with all initiatives, server ms (median)", f"{statistics.median(m for m, _ in all_maps):.0f}"),
        ("map HTML with all initiatives, KiB", f"{all_maps[0][1] / 1024:.0f}"),
        ("filter callback (Leva, ongoing), server ms (median)", f"{statistics.median(filtered):.0f}"),
        ("groups page for one locality, server ms (median)", f"{statistics.median(groups):.0f}"),
        # The first request builds what the next ones reuse until a write (decision 81).
        ("groups page for one locality, first request, server ms", f"{groups[0]:.0f}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="+", default=["real10", "syn10", "syn2000"],
                        help="real10 and/or synN (N synthetic localities × 60 indicators × 20 years)")
    parser.add_argument("--repeats", type=int, default=20, help="requests per timed callback")
    parser.add_argument("--groupwork", type=int, nargs=2, metavar=("INITIATIVES", "ACTIVITIES"),
                        default=(10_000, 50_000), help="sizes for the group-work measurement (0 0 skips it)")
    args = parser.parse_args(argv)
    header = ("data set", "localities", "observations", "cold start s", "first map s", "select ms (median)",
              "select ms (p95)", "map ms (median)", "map HTML KiB", "values ms (median)", "values KiB", "compare ms (cold)", "compare ms (warm)")
    rows = []
    for dataset in args.datasets:
        r = measure(dataset, args.repeats)
        rows.append((r.dataset, str(r.localities), str(r.observations), f"{r.cold_start_s:.2f}",
                     f"{r.first_map_s:.2f}", f"{r.select_median_ms:.1f}", f"{r.select_p95_ms:.1f}",
                     f"{r.map_median_ms:.1f}", f"{r.map_html_kb:.0f}", f"{r.values_median_ms:.1f}",
                     f"{r.values_kb:.0f}", f"{r.compare_cold_ms:.0f}",
                     f"{r.compare_warm_ms:.0f}"))
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.groupwork[0] or args.groupwork[1]:
        print()
        print("| group work | |")
        print("|---|---|")
        for label, value in measure_groupwork(*args.groupwork, args.repeats):
            print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
