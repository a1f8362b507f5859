"""Load test: the production server under many visitors, beside a bare Dash app under the same load.

Run with ``.venv/bin/python benchmarks/load.py`` (defaults: 50 visitors for
60 s against 2 workers; ``--clients 10 --seconds 10`` for a quick look).

Two servers are started in turn, each with ``dashboard.server.production``'s gunicorn
settings and the same number of workers, on 127.0.0.1 only:

- the dashboard, ``python -m dashboard serve``, on a fresh SQLite file in a
  temporary folder (or ``--database-url``, which is opened and seeded if
  empty, never emptied). Each visitor loads the page once (session and CSRF
  cookie), then repeats what choosing a locality under "Ort" costs the
  server: the selection callback (URL, controls, map state and panel in one response,
  ``_sync`` in ``dashboard/pages/map_callbacks.py``) and the map callback
  (``_map``: the frame's document the first time, then the values that restyle it);
- a bare Dash app: one button and one trivial callback (``--serve-bare``
  starts it; it is this file run as the server), the floor any Dash app has.

Each visitor is a thread with its own HTTP session that posts callbacks back
to back, with no think time, until the time is up: a bounded loop that stops by
itself (each request has a timeout). A short warm-up is not counted. Reported
per callback: requests, requests/s, median and 95th-percentile latency (the
visitor's wall time: queueing included), and errors (connection failures,
timeouts, any status but 200, or a response without what it must contain).

The visitors run in this process beside the servers on the same machine, so
the numbers are a floor for what the server does on its own. Output is a
Markdown table on stdout, or JSON with ``--json``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import requests
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ids
from dashboard.server.production import DashboardServer, ServerOptions, gunicorn_config  # noqa: E402

HOST = "127.0.0.1"  # loopback only
LOCALITIES = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby")
REQUEST_TIMEOUT_S = 30
START_TIMEOUT_S = 120
BARE_BUTTON, BARE_OUTPUT = "bare-button", "bare-output"


# ------------------------------------------------------------------------------------ the bare app


def bare_wsgi():
    """A Dash app with one button and one trivial callback, built in each worker like the dashboard."""
    from dash import Dash, Input, Output, html

    app = Dash(__name__, serve_locally=True, update_title=None)
    app.layout = html.Div([html.Button("Click", id=BARE_BUTTON), html.Div(id=BARE_OUTPUT)])

    @app.callback(Output(BARE_OUTPUT, "children"), Input(BARE_BUTTON, "n_clicks"))
    def _clicked(n_clicks):
        return f"{n_clicks or 0} clicks"

    return app.server


def serve_bare(port: int, workers: int) -> int:
    """Run the bare app under gunicorn with the dashboard's production settings."""
    try:
        DashboardServer(bare_wsgi, gunicorn_config(ServerOptions(host=HOST, port=port, workers=workers))).run()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    return 0


# ------------------------------------------------------------------------------- the requests


def _prop(component: str, name: str, value=None) -> dict:
    return {"id": component, "property": name, "value": value}


def _multi_output(pairs: list[tuple[str, str]]) -> tuple[str, list[dict]]:
    outputs = [{"id": component, "property": name} for component, name in pairs]
    return ".." + "...".join(f"{c}.{n}" for c, n in pairs) + "..", outputs


SYNC_OUTPUT, SYNC_OUTPUTS = _multi_output([
    (ids.MAP_URL, "search"), (ids.LOCALITY, "value"), (ids.INDICATOR, "value"), (ids.YEAR, "value"),
    (ids.YEAR_LATEST, "value"), (ids.MAP_STATE, "data"), (ids.PANEL, "children"), (ids.PANEL_KEY, "data"),
    (ids.SHOWN_SEARCH, "data")])
DEFAULT_MAP_STATE = {"layer": "population", "year": "senaste", "weights": ""}


def selection_body(locality: str, map_state: dict, via: str = "list") -> dict:
    """Choosing ``locality`` under "Ort" (``via="map"``: on the map) when the page has no copy of its
    panel (decision 83): the one callback that sets URL, controls, map state and panel."""
    return {
        "output": SYNC_OUTPUT,
        "outputs": SYNC_OUTPUTS,
        "inputs": [_prop(ids.URL_REQUEST, "data"), _prop(ids.SELECT_REQUEST, "data", {"id": locality, "via": via}),
                   _prop(ids.INDICATOR, "value", map_state["layer"]), _prop(ids.YEAR, "value"),
                   _prop(ids.YEAR_LATEST, "value", ["senaste"])],
        "state": [_prop(ids.MAP_URL, "search", ""), _prop(ids.LOCALITY, "value"), _prop(ids.MAP_STATE, "data", None),
                  _prop(ids.PANEL_KEY, "data"), _prop(ids.SHOWN_SEARCH, "data", "")],
        "changedPropIds": [f"{ids.SELECT_REQUEST}.data"],
    }


MAP_OUTPUT, MAP_OUTPUTS = _multi_output([(ids.MAP_FRAME, "srcDoc"), (ids.MAP_FRAME_KEY, "data"),
                                         (ids.MAP_VALUES, "data")])


def map_body(map_state: dict, frame_key: str | None = None) -> dict:
    """The map callback for a map state, no filter: the frame's document only without ``frame_key``, else values."""
    return {
        "output": MAP_OUTPUT,
        "outputs": MAP_OUTPUTS,
        "inputs": [_prop(ids.MAP_STATE, "data", map_state), _prop(ids.INI_FILTER_AREAS, "value"),
                   _prop(ids.INI_FILTER_STATUS, "value"), _prop(ids.INI_FILTER_YEAR, "value"),
                   _prop(ids.IDEA_FILTER_SHOW, "value"), _prop(ids.IDEA_FILTER_STATUS, "value")],
        "state": [_prop(ids.MAP_FRAME_KEY, "data", frame_key)],
        "changedPropIds": [f"{ids.MAP_STATE}.data"],
    }


def bare_body(clicks: int) -> dict:
    return {
        "output": f"{BARE_OUTPUT}.children",
        "outputs": {"id": BARE_OUTPUT, "property": "children"},
        "inputs": [_prop(BARE_BUTTON, "n_clicks", clicks)],
        "state": [],
        "changedPropIds": [f"{BARE_BUTTON}.n_clicks"],
    }


# --------------------------------------------------------------------------------- the visitors


@dataclass
class Tally:
    """What one kind of request did during the measured time, over all visitors."""

    latencies_s: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)


class Visitor:
    """One simulated visitor: its own session (cookies, CSRF token), its own random choices."""

    def __init__(self, base: str, seed: int) -> None:
        self.base = base
        self.http = requests.Session()
        self.rng = random.Random(seed)
        self.frame_key: str | None = None  # the map frame this visitor's page has (None: none yet)

    def open_page(self) -> None:
        response = self.http.get(self.base + "/", timeout=REQUEST_TIMEOUT_S)
        response.raise_for_status()

    def post(self, body: dict) -> dict:
        token = self.http.cookies.get("_csrf_token") or ""
        response = self.http.post(self.base + "/_dash-update-component", json=body,
                                  headers={"X-CSRFToken": token}, timeout=REQUEST_TIMEOUT_S)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        return response.json()["response"]


def dashboard_step(visitor: Visitor, measure: Callable[[str, Callable[[], object]], object]) -> None:
    """Choose a random locality, then draw the map for the map state the server answered with."""
    locality = visitor.rng.choice(LOCALITIES)

    def select() -> dict:
        answer = visitor.post(selection_body(locality, DEFAULT_MAP_STATE))
        if f"ort={locality}" not in answer[ids.MAP_URL]["search"]:
            raise RuntimeError("selection answered without the locality")
        return answer[ids.MAP_STATE]["data"]

    map_state = measure("selection", select)
    if map_state is None:
        return

    def draw() -> None:
        # The first answer is the frame's document; a page that has it gets values only (decision 72).
        answer = visitor.post(map_body(map_state, visitor.frame_key))
        if visitor.frame_key is None:
            if "leaflet" not in answer[ids.MAP_FRAME]["srcDoc"].lower():
                raise RuntimeError("map answered without a map")
            visitor.frame_key = answer[ids.MAP_FRAME_KEY]["data"]
        if answer[ids.MAP_VALUES]["data"].get("frame") != visitor.frame_key:
            raise RuntimeError("map values answered for another frame")

    measure("map", draw)


def bare_step(visitor: Visitor, measure: Callable[[str, Callable[[], object]], object]) -> None:
    clicks = visitor.rng.randint(1, 1000)

    def click() -> None:
        if visitor.post(bare_body(clicks))[BARE_OUTPUT]["children"] != f"{clicks} clicks":
            raise RuntimeError("unexpected answer")

    measure("trivial callback", click)


def run_visitors(base: str, step: Callable, clients: int, warmup_s: float, seconds: float) -> tuple[dict, float]:
    """``clients`` threads repeat ``step`` for warm-up plus ``seconds``; only the latter is tallied."""
    tallies: dict[str, Tally] = {}
    lock = threading.Lock()
    start_at = time.monotonic() + warmup_s
    stop_at = start_at + seconds

    def visitor_loop(seed: int) -> None:
        visitor = Visitor(base, seed)

        def measure(kind: str, call: Callable[[], object]):
            began = time.monotonic()
            try:
                result, error = call(), None
            except Exception as problem:  # noqa: BLE001  every failure is counted, none stops the run
                result, error = None, (str(problem) if isinstance(problem, RuntimeError)
                                       else type(problem).__name__)
            ended = time.monotonic()
            if began >= start_at and ended <= stop_at:
                with lock:
                    tally = tallies.setdefault(kind, Tally())
                    if error is None:
                        tally.latencies_s.append(ended - began)
                    else:
                        tally.errors[error] += 1
            return result

        try:
            visitor.open_page()
        except requests.RequestException as problem:
            with lock:
                tallies.setdefault("page", Tally()).errors[type(problem).__name__] += 1
            return
        while time.monotonic() < stop_at:  # bounded: every request has a timeout
            step(visitor, measure)

    threads = [threading.Thread(target=visitor_loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup_s + seconds + 2 * REQUEST_TIMEOUT_S + 10)
    return tallies, seconds


# ---------------------------------------------------------------------------------- the servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """A server process started here (its own process group), stopped with SIGTERM at the end."""

    def __init__(self, command: list[str], port: int, env: dict[str, str], log_dir: Path, name: str) -> None:
        self.base = f"http://{HOST}:{port}"
        self.stderr_path = log_dir / f"{name}.stderr"
        with open(log_dir / f"{name}.stdout", "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err,
                                            start_new_session=True)

    def wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited during start:\n{self.stderr_path.read_text()[-3000:]}")
            try:
                if requests.get(self.base + "/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server did not answer within {START_TIMEOUT_S} s")

    def stop(self) -> int | None:
        """SIGTERM (gunicorn's graceful stop); SIGKILL to the group if it does not end in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
                return None
        return self.process.returncode


@dataclass
class Row:
    server: str
    callback: str
    requests: int
    requests_per_s: float
    p50_ms: float | None
    p95_ms: float | None
    errors: int
    error_kinds: dict[str, int]


def rows_for(server: str, tallies: dict[str, Tally], seconds: float) -> list[Row]:
    rows = []
    order = ("page", "selection", "map", "trivial callback")
    for kind, tally in sorted(tallies.items(), key=lambda item: order.index(item[0])):
        latencies = sorted(tally.latencies_s)
        count = len(latencies)
        p50 = statistics.median(latencies) * 1000 if latencies else None
        p95 = latencies[min(count - 1, int(0.95 * count))] * 1000 if latencies else None
        rows.append(Row(server, kind, count, count / seconds, p50, p95, sum(tally.errors.values()),
                        dict(tally.errors)))
    return rows


def measure_server(name: str, server: Server, step: Callable, args: argparse.Namespace) -> tuple[list[Row], int | None]:
    try:
        server.wait_until_answering()
        tallies, seconds = run_visitors(server.base, step, args.clients, args.warmup, args.seconds)
    finally:
        status = server.stop()
    return rows_for(name, tallies, seconds), status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50, help="simultaneous visitors (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=60, help="measured time per server (default: %(default)s)")
    parser.add_argument("--warmup", type=float, default=5, help="uncounted seconds first (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server (default: %(default)s)")
    parser.add_argument("--database-url", help="the dashboard's database (default: a fresh SQLite file)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_bare:
        return serve_bare(args.port, args.workers)

    results: list[Row] = []
    exits: dict[str, int | None] = {}
    load_before = os.getloadavg()[0]  # other work on the machine weighs on every figure: say how much
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database_url = args.database_url or f"sqlite:///{folder / 'load.sqlite'}"
        env = {**os.environ, "XDG_DATA_HOME": str(folder / "data"), "DASHBOARD_SECRET_KEY": "load-benchmark-only"}
        env.pop("DATABASE_URL", None)
        port = free_port()
        dashboard = Server([sys.executable, "-m", "dashboard", "serve", "--host", HOST, "--port", str(port),
                            "--workers", str(args.workers), "--database-url", database_url], port, env, folder,
                           "dashboard")
        rows, exits["dashboard"] = measure_server("dashboard", dashboard, dashboard_step, args)
        results += rows
        port = free_port()
        bare = Server([sys.executable, str(Path(__file__).resolve()), "--serve-bare", "--port", str(port),
                       "--workers", str(args.workers)], port, env, folder, "bare")
        rows, exits["bare Dash app"] = measure_server("bare Dash app", bare, bare_step, args)
        results += rows

    settings = {"clients": args.clients, "seconds": args.seconds, "warmup": args.warmup, "workers": args.workers,
                "database": "SQLite (fresh file)" if not args.database_url else
                f"{make_url(args.database_url).get_backend_name()} (--database-url)", "cpus": os.cpu_count(),
                "load_average_1min_before": load_before, "load_average_1min_after": os.getloadavg()[0]}
    if args.json:
        print(json.dumps({"settings": settings, "results": [asdict(r) for r in results], "exit_status": exits},
                         indent=2))
        return 0
    print(f"{args.clients} visitors × {args.seconds:g} s per server, {args.workers} gunicorn workers each, "
          f"{settings['database']}, {settings['cpus']} CPUs, load average {load_before:.1f} before and "
          f"{settings['load_average_1min_after']:.1f} after")
    print()
    print("| server | callback | requests | requests/s | p50 ms | p95 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for row in results:
        p50 = f"{row.p50_ms:.0f}" if row.p50_ms is not None else "–"
        p95 = f"{row.p95_ms:.0f}" if row.p95_ms is not None else "–"
        print(f"| {row.server} | {row.callback} | {row.requests} | {row.requests_per_s:.1f} | {p50} | {p95} | "
              f"{row.errors} |")
    for row in results:
        if row.error_kinds:
            print(f"errors, {row.server} / {row.callback}: {row.error_kinds}")
    print(f"exit status after SIGTERM: {exits}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
