"""Browser benchmark: what a person waits for, in headless Chromium, beside a bare Dash app.

Run with ``.venv/bin/python benchmarks/browser.py`` (defaults: the bundled data with 10
localities, 15 rounds, about 5 minutes on 2 cores); ``--localities 10,2000 --rounds 5`` adds
2,000 synthetic localities (60 indicators × 20 years, the data set of benchmarks/run.py; building
it takes about 3 minutes, and while its first load freezes, each load costs ``--timeout``).

Two servers run for the whole measurement, each with ``dashboard.server.production``'s gunicorn
settings and ``--workers`` workers, on 127.0.0.1 only (the servers of benchmarks/load.py):

- the dashboard, ``python -m dashboard serve``, on a fresh SQLite file per data set;
- a bare Dash app: one button and one trivial callback that writes into a div, the floor any
  Dash app has.

Debian's chromium (headless, driven over the DevTools protocol by Playwright, the browser tests'
driver, so no selenium or chromedriver is needed; 1600 × 1000 viewport) measures, in rounds, app and bare app alternately (which of the
two goes first alternates too):

- first load → ready: a browser started for this load alone (empty cache; closing it ends a
  page that froze) opens ``/``; ready is the first settled moment (below) counted from the
  navigation's start, where for the dashboard the map frame must also show its locality markers. A load not ready within ``--timeout`` seconds is
  reported as frozen. The longest task (PerformanceObserver ``longtask``: a task that kept the
  page from answering input) is reported beside it;
- map click → settled: a real mouse click (press and release, CDP input events) on a locality
  marker the map frame shows, a different locality each time, counted from the mouseup's event
  time — the release is what selects in ``dashboard/components/map_frame.js`` — until settled;
  a click that did not change the URL's ``?ort=`` is not counted;
- "Ort" list → settled: the list is opened and the locality's name typed (not counted), then
  the option is clicked; counted from that mouseup until settled;
- for the bare app, a click on its button until its div shows the new count and the page has
  settled by the same rule (measured next to each of the two dashboard clicks).

The clicks happen on one page per server, each in a browser of its own, opened once (waiting up
to ``--setup-timeout`` seconds; if the dashboard's page is not ready by then, its clicks are
reported as not measured); one map click and one button click before the first round are not
counted (the first selection may fetch code a component loads lazily, once per page).

Settled: the Dash renderer is up and has no callback requested, running or waiting
(``window.store``'s ``callbacks`` queues are empty and ``isLoading`` is false), no element has
the ``_dash-loading`` class, every iframe's document is complete, at least one DOM change
happened after the start, and no DOM change (in the page or its frames, MutationObserver;
an iframe's load counts as a change) for 100 ms. The time reported is that of the frame drawn
after the last change (requestAnimationFrame, then a task) minus the start: what the person
waited for, without the 100 ms quiet period.

Reported per data set and scenario: median and 90th percentile of the dashboard and of the bare
app, and their ratio (dashboard ÷ bare: 1 would be the speed of Dash itself). The browser, both
servers and this script share the machine, so compare ratios, not absolute numbers across
machines. Output is a Markdown table on stdout, or JSON (every sample too) with ``--json``.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from load import BARE_BUTTON, BARE_OUTPUT, HOST, Server, free_port  # benchmarks/load.py
from run import build_database  # benchmarks/run.py

from dashboard import ids

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                 "--disable-component-update", "--disable-sync"]  # those of the browser tests (tests/conftest.py)
VIEWPORT = {"width": 1600, "height": 1000}
QUIET_MS = 100
POLL_MS = 20

APP_LOAD, APP_MAP, APP_LIST = "first load → ready", "map click → settled", "\"Ort\" list → settled"
BARE_LOAD, BARE_CLICK = "bare: first load → ready", "bare: button click → settled"
PAIRS = ((APP_LOAD, BARE_LOAD), (APP_MAP, BARE_CLICK), (APP_LIST, BARE_CLICK))

# Evaluated in every document the browser creates (the page and its frames) before any of its own
# scripts. The page gets ``window.__bench``; a same-origin frame (the map's srcdoc) reports its DOM
# changes and mouse releases to the page's probe, in the page's clock.
PROBE_JS = """
(function () {
  var QUIET = QUIET_MS;
  var top = null;
  try { top = window.top; if (top !== window && !top.__bench) { return; } } catch (e) { return; }
  function watch(target, changed) {
    new MutationObserver(changed).observe(target,
      {subtree: true, childList: true, attributes: true, characterData: true});
    target.addEventListener('load', changed, true);  // an iframe's or an image's load
  }
  if (top !== window) {
    var bench = top.__bench;
    watch(document, function () { bench.changed(); });
    window.addEventListener('mouseup', function (event) {
      bench.released(event.timeStamp + performance.timeOrigin - top.performance.timeOrigin);
    }, true);
    return;
  }
  var b = window.__bench = {start: 0, armed: false, lastChange: -1, lastFrame: -1, tasks: []};
  b.changed = function () {
    b.lastChange = performance.now();
    requestAnimationFrame(function () { setTimeout(function () { b.lastFrame = performance.now(); }, 0); });
  };
  b.released = function (at) {
    if (b.armed) { b.start = at; b.armed = false; }
  };
  b.arm = function () { b.start = null; b.armed = true; };
  watch(document, b.changed);
  window.addEventListener('mouseup', function (event) { b.released(event.timeStamp); }, true);
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.tasks.push([e.startTime, e.duration]); });
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { /* no long-task timing: reported as null */ }
  b.pending = function () {
    var state = window.store && window.store.getState && window.store.getState();
    if (!state) { return -1; }
    var queues = state.callbacks || {}, count = state.isLoading ? 1 : 0;
    Object.keys(queues).forEach(function (key) {
      if (key !== 'stored' && key !== 'completed' && queues[key] && queues[key].length) {
        count += queues[key].length;
      }
    });
    return count;
  };
  b.framesComplete = function () {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var doc = null;
      try { doc = frames[i].contentDocument; } catch (e) { continue; }
      if (!doc || doc.readyState !== 'complete') { return false; }
    }
    return true;
  };
  // The settled moment (see the module's docstring) or null; ``need`` is [iframe selector, selector
  // inside it] that must exist too, or [null, selector] for the page itself, or null.
  b.settled = function (need) {
    if (b.start === null || b.pending() !== 0 || document.querySelector('._dash-loading')) { return null; }
    if (!b.framesComplete() || b.lastChange < b.start) { return null; }
    var now = performance.now();
    if (now - b.lastChange < QUIET || b.lastFrame < b.lastChange) { return null; }
    if (need) {
      var root = document;
      if (need[0]) {
        var frame = document.querySelector(need[0]);
        root = frame && frame.contentDocument;
      }
      if (!root || !root.querySelector(need[1])) { return null; }
    }
    var longest = 0, blocked = 0;
    b.tasks.forEach(function (t) {
      if (t[0] + t[1] >= b.start && t[0] <= b.lastFrame) {
        longest = Math.max(longest, t[1]);
        blocked += Math.max(0, t[1] - 50);
      }
    });
    return {ms: b.lastFrame - b.start, longest_task_ms: longest, blocked_ms: blocked};
  };
})();
""".replace("QUIET_MS", str(QUIET_MS))


@dataclass
class Sample:
    """One measurement: ``ms`` is None when the page did not settle in time (``frozen``) or missed."""

    localities: int
    scenario: str
    round: int
    ms: float | None
    frozen: bool = False
    longest_task_ms: float | None = None
    blocked_ms: float | None = None
    note: str = ""


class Timeout(Exception):
    """The page did not settle within the limit: frozen, or stuck."""


def settled(page, need: list[str | None] | None, limit_s: float) -> dict:
    """Wait in the page (polling every 20 ms) until it has settled; its timings."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        handle = page.wait_for_function("need => window.__bench && window.__bench.settled(need)", arg=need,
                                        polling=POLL_MS, timeout=limit_s * 1000)
    except PlaywrightTimeout as late:
        raise Timeout(str(late).splitlines()[0]) from None
    return handle.json_value()


@contextmanager
def browser_page(playwright) -> Iterator:
    """A page in a chromium of its own, the probe installed in every frame.

    A browser each, not a context each: pages of the same site may share a renderer process, so a
    page that froze would freeze the others too, and closing its context would not end it.
    """
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
        context.add_init_script(PROBE_JS)
        yield context.new_page()
    finally:
        browser.close()


# The localities' dots: SVG paths for the real ten, one canvas for hundreds (map_frame.js).
APP_READY = [f"#{ids.MAP_FRAME}", "path.ort-marker, .leaflet-overlay-pane canvas"]
BARE_READY = [None, f"#{BARE_OUTPUT}"]


def first_load(playwright, base: str, need: list, timeout_s: float) -> tuple[dict | None, str]:
    """Open ``/`` in a fresh browser; the ready timings, or None when frozen."""
    with browser_page(playwright) as page:
        page.goto(base + "/", wait_until="commit", timeout=timeout_s * 1000)
        try:
            return settled(page, need, timeout_s), ""
        except Timeout as late:
            return None, str(late)


def open_for_clicks(page, base: str, need: list, limit_s: float) -> None:
    """Open the page kept for the click scenarios and wait until it is ready (raises Timeout)."""
    page.goto(base + "/", wait_until="commit", timeout=limit_s * 1000)
    settled(page, need, limit_s)


def selected_locality(page) -> str | None:
    from urllib.parse import parse_qs, urlsplit

    return (parse_qs(urlsplit(page.url).query).get("ort") or [None])[0]


_DOT_JS = """id => {
  var shown = window.allasMap, dot = shown && shown.points[id];
  if (!dot) { return null; }
  var at = shown.map.latLngToContainerPoint(dot.getLatLng()), box = shown.map.getContainer().getBoundingClientRect();
  return {x: box.left + at.x, y: box.top + at.y};
}"""


def click_map(page, locality: str, timeout_s: float) -> tuple[dict | None, str]:
    """Press and release the mouse on ``locality``'s marker inside the map frame."""
    element = page.locator(f"#{ids.MAP_FRAME}")
    frame = element.bounding_box(timeout=timeout_s * 1000)
    content = element.element_handle(timeout=timeout_s * 1000).content_frame()
    # Where Leaflet draws the dot, from the map itself: SVG or canvas alike.
    dot = content.evaluate(_DOT_JS, locality) if content is not None else None
    if dot is None or frame is None:
        return None, f"no marker for {locality}"
    x, y = frame["x"] + dot["x"], frame["y"] + dot["y"]
    margin = 10  # Leaflet's zoom buttons and the frame's edge
    if not (frame["x"] + margin < x < frame["x"] + frame["width"] - margin
            and frame["y"] + margin < y < min(frame["y"] + frame["height"], VIEWPORT["height"]) - margin):
        return None, "marker outside the map's view"
    before = selected_locality(page)
    page.evaluate("window.__bench.arm()")
    page.mouse.click(x, y)
    timings = settled(page, None, timeout_s)
    after = selected_locality(page)
    if after == before:
        return None, f"the click on {locality} selected nothing"
    return timings, "" if after == locality else f"clicked {locality}, selected {after}"


def choose_in_list(page, locality: str, name: str, timeout_s: float) -> tuple[dict | None, str]:
    """Open the "Ort" list, type the name (not counted), click the option (counted)."""
    page.locator(f"#{ids.LOCALITY}").click(timeout=timeout_s * 1000)
    search = page.locator("input.dash-dropdown-search")  # the open list's search box (dcc.Dropdown)
    search.wait_for(timeout=timeout_s * 1000)
    search.fill(name, timeout=timeout_s * 1000)
    option = page.get_by_role("option", name=name, exact=True)
    option.wait_for(timeout=timeout_s * 1000)
    page.evaluate("window.__bench.arm()")
    option.click(timeout=timeout_s * 1000)
    timings = settled(page, None, timeout_s)
    if selected_locality(page) != locality:
        return None, f"choosing {name} selected {selected_locality(page)}"
    return timings, ""


def click_bare(page, timeout_s: float) -> tuple[dict | None, str]:
    """Click the bare app's button; settled once its div shows the new count."""
    output = page.locator(f"#{BARE_OUTPUT}")
    before = output.inner_text()
    clicks = int(before.split()[0]) + 1 if before.strip() else 1
    page.evaluate("window.__bench.arm()")
    page.locator(f"#{BARE_BUTTON}").click(timeout=timeout_s * 1000)
    timings = settled(page, None, timeout_s)
    if output.inner_text() != f"{clicks} clicks":
        return None, f"the div shows {output.inner_text()!r}, not {clicks} clicks"
    return timings, ""


def sample(localities: int, scenario: str, round_: int, measured: tuple[dict | None, str],
           frozen: bool = False) -> Sample:
    timings, note = measured
    if timings is None:
        return Sample(localities, scenario, round_, None, frozen=frozen, note=note)
    return Sample(localities, scenario, round_, timings["ms"], longest_task_ms=timings["longest_task_ms"],
                  blocked_ms=timings["blocked_ms"], note=note)


def guarded(call, *args) -> tuple[tuple[dict | None, str], bool]:
    """Run one measurement; a page that did not settle in time is a frozen sample, not a failure.

    A step before the measured click that timed out (the list did not open, the marker did not
    appear) leaves the sample out, with the reason, and the run goes on.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return call(*args), False
    except Timeout as late:
        return (None, str(late)), True
    except PlaywrightTimeout as late:
        return (None, str(late).splitlines()[0]), False


# ------------------------------------------------------------------------------------ the run


def start_server(command: list[str], env: dict[str, str], folder: Path, name: str) -> Server:
    server = Server(command, int(command[command.index("--port") + 1]), env, folder, name)
    try:
        server.wait_until_answering()
    except BaseException:
        server.stop()
        raise
    return server


def measure_dataset(playwright, app: Server, bare: Server, localities: int, names: dict[str, str],
                    args: argparse.Namespace, log) -> list[Sample]:
    """``args.rounds`` rounds of the three scenarios, dashboard and bare app alternately."""
    samples: list[Sample] = []
    rng = random.Random(localities)
    with browser_page(playwright) as app_page, browser_page(playwright) as bare_page:
        began = time.monotonic()
        open_for_clicks(bare_page, bare.base, BARE_READY, args.setup_timeout)
        try:
            open_for_clicks(app_page, app.base, APP_READY, args.setup_timeout)
            log(f"the dashboard's page for clicks was ready after {time.monotonic() - began:.0f} s")
            clicks_measured = True
        except Timeout:
            log(f"the dashboard's page for clicks was not ready within {args.setup_timeout:g} s: "
                "its clicks are not measured")
            clicks_measured = False

        def app_load(round_: int) -> Sample:
            measured = first_load(playwright, app.base, APP_READY, args.timeout)
            return sample(localities, APP_LOAD, round_, measured, frozen=measured[0] is None)

        def bare_load(round_: int) -> Sample:
            measured = first_load(playwright, bare.base, BARE_READY, args.timeout)
            return sample(localities, BARE_LOAD, round_, measured, frozen=measured[0] is None)

        def bare_click(round_: int) -> Sample:
            measured, frozen = guarded(click_bare, bare_page, args.timeout)
            return sample(localities, BARE_CLICK, round_, measured, frozen)

        def app_map(round_: int) -> Sample:
            if not clicks_measured:
                return Sample(localities, APP_MAP, round_, None, note="the page was never ready")
            current = selected_locality(app_page)
            candidates = [loc for loc in names if loc != current]
            for _ in range(20):  # a marker the map shows: at 2,000 localities some lie outside its view
                measured, frozen = guarded(click_map, app_page, rng.choice(candidates), args.timeout)
                if measured[1] != "marker outside the map's view":
                    break
            return sample(localities, APP_MAP, round_, measured, frozen)

        def app_list(round_: int) -> Sample:
            if not clicks_measured:
                return Sample(localities, APP_LIST, round_, None, note="the page was never ready")
            current = selected_locality(app_page)
            target = rng.choice([loc for loc in names if loc != current])
            measured, frozen = guarded(choose_in_list, app_page, target, names[target], args.timeout)
            return sample(localities, APP_LIST, round_, measured, frozen)

        # Not counted: the first selection loads plotly.js (fetched on first use) once per page.
        app_map(0)
        bare_click(0)
        for round_ in range(1, args.rounds + 1):
            for pair in ((app_load, bare_load), (app_map, bare_click), (app_list, bare_click)):
                for step in (pair if round_ % 2 else pair[::-1]):  # who goes first alternates
                    done = step(round_)
                    samples.append(done)
                    log(f"{localities} localities, round {round_}: {done.scenario}: "
                        + (f"{done.ms:.0f} ms" if done.ms is not None else "frozen" if done.frozen else "missed")
                        + (f" ({done.note})" if done.note else ""))
    return samples


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; a frozen sample counts as infinitely long."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Summary:
    localities: int
    scenario: str
    app_n: int
    app_frozen: int
    app_median_ms: float | None
    app_p90_ms: float | None
    app_longest_task_median_ms: float | None
    bare_n: int
    bare_median_ms: float | None
    bare_p90_ms: float | None
    ratio_median: float | None
    ratio_p90: float | None


def summarise(samples: list[Sample]) -> list[Summary]:
    """Median, p90 and dashboard ÷ bare ratio per data set and scenario (missed clicks left out).

    A frozen sample counts as infinitely long, so a median or p90 that lands on one is None ("frozen").
    """
    def values(localities: int, scenario: str) -> tuple[list[float], list[Sample]]:
        chosen = [s for s in samples if s.localities == localities and s.scenario == scenario
                  and (s.ms is not None or s.frozen)]
        return [s.ms if s.ms is not None else math.inf for s in chosen], chosen

    def finite(value: float | None) -> float | None:
        return None if value is None or math.isinf(value) else value

    def ratio(app: float | None, bare: float | None) -> float | None:
        return app / bare if app is not None and bare else None

    rows = []
    for localities in sorted({s.localities for s in samples}):
        for app_scenario, bare_scenario in PAIRS:
            app, app_samples = values(localities, app_scenario)
            bare, _ = values(localities, bare_scenario)
            app_median = finite(statistics.median(app)) if app else None
            app_p90 = finite(percentile(app, 0.9)) if app else None
            bare_median = finite(statistics.median(bare)) if bare else None
            bare_p90 = finite(percentile(bare, 0.9)) if bare else None
            tasks = [s.longest_task_ms for s in app_samples if s.longest_task_ms is not None]
            rows.append(Summary(
                localities, app_scenario, len(app), sum(s.frozen for s in app_samples), app_median, app_p90,
                statistics.median(tasks) if tasks else None, len(bare), bare_median, bare_p90,
                ratio(app_median, bare_median), ratio(app_p90, bare_p90)))
    return rows


def table(rows: list[Summary], timeout_s: float) -> list[str]:
    def ms(value: float | None, n: int) -> str:
        if not n:
            return "not measured"
        return f"{value:,.0f}" if value is not None else f"frozen (> {timeout_s:g} s)"

    def ratio(value: float | None) -> str:
        return f"{value:.1f} ×" if value is not None else "–"

    lines = [("| localities | scenario | app median ms | app p90 ms | bare median ms | bare p90 ms "
              "| ratio (median) | ratio (p90) | app frozen | app longest task ms (median) |"),
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        task = f"{r.app_longest_task_median_ms:,.0f}" if r.app_longest_task_median_ms is not None else "–"
        lines.append(f"| {r.localities:,} | {r.scenario} | {ms(r.app_median_ms, r.app_n)} | "
                     f"{ms(r.app_p90_ms, r.app_n)} | {ms(r.bare_median_ms, r.bare_n)} | "
                     f"{ms(r.bare_p90_ms, r.bare_n)} | {ratio(r.ratio_median)} | "
                     f"{ratio(r.ratio_p90)} | {r.app_frozen}/{r.app_n} | {task} |")
    return lines


def parse_localities(value: str) -> list[int]:
    try:
        counts = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a comma-separated list of numbers, e.g. 10,2000") from None
    if not counts or any(n < 2 for n in counts):
        raise argparse.ArgumentTypeError("at least one count, each at least 2")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--localities", type=parse_localities, default=[10], metavar="N[,N…]",
                        help="data sets: 10 is the bundled data, any other N that many synthetic localities "
                             "(default: 10; the issue's pair is 10,2000)")
    parser.add_argument("--rounds", type=int, default=15, help="rounds of every scenario (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds a load or click may take before it counts as frozen (default: %(default)s)")
    parser.add_argument("--setup-timeout", type=float, default=600,
                        help="seconds the page kept for the clicks may take to be ready (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server (default: %(default)s)")
    parser.add_argument("--databases", type=Path, metavar="DIR",
                        help="keep the built data sets in DIR and reuse them on the next run "
                             "(default: built afresh in a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print JSON (summary and every sample) instead")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        parser.error(f"Debian's chromium not found at {CHROMIUM} (apt-get install chromium)")

    def log(line: str) -> None:
        if not args.quiet:
            print(line, file=sys.stderr, flush=True)

    from playwright.sync_api import sync_playwright

    # Stopped with SIGTERM (``timeout``, CI), unwind like Ctrl-C: the servers and browsers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    samples: list[Sample] = []
    load_before = os.getloadavg()[0]  # other work on the machine weighs on every figure: say how much
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        env = {**os.environ, "XDG_DATA_HOME": str(folder / "data"), "DASHBOARD_SECRET_KEY": "browser-benchmark-only"}
        env.pop("DATABASE_URL", None)
        port = free_port()
        bare = start_server([sys.executable, str(Path(__file__).resolve().parent / "load.py"), "--serve-bare",
                             "--port", str(port), "--workers", str(args.workers)], env, folder, "bare")
        try:
            for count in args.localities:
                dataset = "real10" if count == 10 else f"syn{count}"
                log(f"building {dataset} …")
                began = time.monotonic()
                database = (args.databases or folder) / f"{dataset}.sqlite"
                url = f"sqlite:///{database}"
                if args.databases and database.exists():
                    log(f"reusing {database}")
                else:
                    database.parent.mkdir(parents=True, exist_ok=True)
                    build_database(url, dataset)
                    log(f"built {dataset} in {time.monotonic() - began:.0f} s")
                names = localities_by_id(url)
                port = free_port()
                app = start_server([sys.executable, "-m", "dashboard", "serve", "--host", HOST, "--port", str(port),
                                    "--workers", str(args.workers), "--database-url", url], env, folder, dataset)
                try:
                    samples += measure_dataset(playwright, app, bare, count, names, args, log)
                finally:
                    app.stop()
        finally:
            bare.stop()

    rows = summarise(samples)
    settings = {"localities": args.localities, "rounds": args.rounds, "timeout_s": args.timeout,
                "workers": args.workers, "quiet_ms": QUIET_MS, "viewport": VIEWPORT, "cpus": os.cpu_count(),
                "load_average_1min_before": load_before, "load_average_1min_after": os.getloadavg()[0]}
    if args.json:
        print(json.dumps({"settings": settings, "summary": [asdict(r) for r in rows],
                          "samples": [asdict(s) for s in samples]}, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.rounds} rounds, {args.workers} gunicorn workers per server, headless chromium, "
          f"{settings['cpus']} CPUs, load average {load_before:.1f} before and "
          f"{settings['load_average_1min_after']:.1f} after")
    print()
    print("\n".join(table(rows, args.timeout)))
    missed = Counter((s.localities, s.scenario, s.note) for s in samples if s.ms is None and not s.frozen)
    if missed:
        print()
        print("not counted: " + "; ".join(f"{n:,} localities, {scenario}: {note} ({count}×)"
                                          for (n, scenario, note), count in missed.items()))
    return 0


def localities_by_id(url: str) -> dict[str, str]:
    """Id → name of every locality in the database, for clicking markers and choosing in the list."""
    from indicators.storage.store import Store

    store = Store.open(url)
    try:
        return {loc.id: loc.name for loc in store.localities()}
    finally:
        store.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
