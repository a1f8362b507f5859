"""The production command, started for real: ``python -m dashboard serve --workers 2``.

Each backend gets one server process (gunicorn master and two workers) on a
free loopback port, with its data directory in tmp_path and no
``DASHBOARD_SECRET_KEY``, so the master must create the session key before
forking and both workers must sign with it. The test loads the page, posts the
map page's selection and map callbacks over HTTP as the Dash renderer does
(session cookie and CSRF header, reused on whichever worker answers), and reads
the access log to see that both workers answered. SIGTERM must then stop the
server with exit status 0 and no traceback.

PostgreSQL comes from ``TEST_POSTGRES_URL`` (``scripts/test.sh`` starts one):
skipped locally without it, a failure under ``CI=true``.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from sqlalchemy import create_engine, func, pool, select

from dashboard import ids
from dashboard.cli import build_parser
from dashboard.server.production import ServerOptions, gunicorn_config, workers_from_env
from indicators.groupwork import service as groupwork_service
from indicators.groupwork.store import GroupworkStore
from indicators.storage import schema
from indicators.storage.store import Store
from tests.conftest import empty_postgres_url
from tests.dashboard.dash_http import DashClient

ROOT = Path(__file__).resolve().parents[2]
START_BOUND_S = 90  # two cores shared with other test runs: generous, and only an upper bound
STOP_BOUND_S = 45   # gunicorn's graceful timeout is 30 s
WORKER_PID = re.compile(r"pid=<(\d+)>")
ADMIN_PASSWORD = "admin-lösenord-1"


# ----------------------------------------------------------------- fast checks of the configuration


def test_development_command_keeps_its_options():
    args = build_parser().parse_args(["--port", "8123", "--debug"])
    assert (args.port, args.debug, args.host) == (8123, True, "127.0.0.1")


def test_serve_options_default_to_two_workers_and_trust_no_proxy():
    args = build_parser(serve=True).parse_args([])
    assert args.workers == workers_from_env() and args.forwarded_allow_ips == "" and not args.access_log
    config = gunicorn_config(ServerOptions())
    assert config["workers"] == 2 and config["preload_app"] is False
    assert config["forwarded_allow_ips"] == "" and config["accesslog"] is None
    assert config["worker_class"] == "sync"
    assert gunicorn_config(ServerOptions(threads=4))["worker_class"] == "gthread"


def test_worker_count_comes_from_web_concurrency_when_it_is_a_positive_number():
    assert workers_from_env({"WEB_CONCURRENCY": "5"}) == 5
    assert workers_from_env({"WEB_CONCURRENCY": "0"}) == 2
    assert workers_from_env({"WEB_CONCURRENCY": "many"}) == 2
    assert workers_from_env({}) == 2


def test_serve_refuses_zero_workers(capsys):
    with pytest.raises(SystemExit):
        build_parser(serve=True).parse_args(["--workers", "0"])
    assert "--workers" in capsys.readouterr().err


def test_serve_with_an_unreachable_database_says_so_without_a_traceback(tmp_path: Path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "serve", "--port", str(_free_port()),
         "--database-url", f"postgresql://nobody:secret-pw@127.0.0.1:{_free_port()}/none"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode != 0
    assert "databasen kunde inte öppnas" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "secret-pw" not in done.stdout + done.stderr, "the password is never printed"


# ---------------------------------------------------------------------------- the real server


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new SQLite file, or the test PostgreSQL server with an empty public schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'served.sqlite'}"
    return empty_postgres_url()


@dataclass
class Served:
    process: subprocess.Popen
    base: str
    stdout: Path
    stderr: Path
    data_home: Path

    def log(self) -> str:
        return self.stdout.read_text(encoding="utf-8", errors="replace")

    def errors(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(server_database: str, tmp_path: Path) -> Iterator[Served]:
    """``python -m dashboard serve --workers 2`` running until the test ends (then killed if still alive)."""
    port = _free_port()
    data_home = tmp_path / "data-home"
    env = {key: value for key, value in os.environ.items() if key not in ("DASHBOARD_SECRET_KEY", "DATABASE_URL")}
    env.update(XDG_DATA_HOME=str(data_home), PYTHONUNBUFFERED="1")
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "serve", "--workers", "2", "--port", str(port),
             "--database-url", server_database, "--access-log"],
            cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True,
        )
    server = Served(process, f"http://127.0.0.1:{port}", stdout, stderr, data_home)
    try:
        _wait_until_answering(server)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the group this test started: master and workers
            process.wait(timeout=STOP_BOUND_S)


def _wait_until_answering(server: Served) -> None:
    deadline = time.monotonic() + START_BOUND_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited with {server.process.returncode}:\n{server.errors()}")
        try:
            if requests.get(server.base + "/", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or a worker still building its app
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer within {START_BOUND_S} s:\n{server.errors()}")


class _HttpTestClient:
    """The part of Flask's test client that ``DashClient`` uses, over real HTTP with cookies kept."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()

    def _checked(self, response: requests.Response) -> requests.Response:
        response.get_json = response.json  # type: ignore[attr-defined]  # Flask's name for it
        return response

    def get(self, path: str) -> requests.Response:
        return self._checked(self.session.get(self.base + path, timeout=60))

    def post(self, path: str, *, json=None, data=None, headers=None) -> requests.Response:
        return self._checked(self.session.post(self.base + path, json=json, data=data, headers=headers, timeout=60))

    def get_cookie(self, name: str):
        value = self.session.cookies.get(name)
        return SimpleNamespace(value=value) if value else None


def http_dash_client(base: str) -> DashClient:
    """A ``DashClient`` whose requests go over the network to ``base`` (a visitor's browser)."""
    return DashClient(SimpleNamespace(server=SimpleNamespace(test_client=lambda: _HttpTestClient(base))))


def choose_locality(client: DashClient, locality: str) -> dict:
    """The selection callback (URL, controls and map state in step), as a choice under "Ort" the page
    has no copy of fires it (decision 83)."""
    response = client.call(f"{ids.SELECT_REQUEST}.data", {
        f"{ids.SELECT_REQUEST}.data": {"id": locality, "via": "list"}, f"{ids.MAP_URL}.search": "",
        f"{ids.INDICATOR}.value": "population", f"{ids.YEAR_LATEST}.value": ["senaste"], f"{ids.SHOWN_SEARCH}.data": "",
    })
    assert response.status_code == 200, response.text[:500]
    return response.json()["response"]


def render_map(client: DashClient, map_state: dict) -> str:
    """The map-rendering callback for a map state; returns the map document."""
    response = client.call(f"{ids.INI_FILTER_AREAS}.value", {f"{ids.MAP_STATE}.data": map_state})
    assert response.status_code == 200, response.text[:500]
    return response.json()["response"][ids.MAP_FRAME]["srcDoc"]


def visit(base: str, locality: str) -> tuple[int, str]:
    """One visitor: the page, choosing a locality, its map. Returns the page status and the map."""
    client = http_dash_client(base)  # loads "/" for the session and its CSRF cookie
    page = client.client.get("/")
    chosen = choose_locality(client, locality)
    return page.status_code, render_map(client, chosen[ids.MAP_STATE]["data"])


def test_serve_runs_two_workers_sharing_database_and_session_key_and_stops_on_sigterm(
        served: Served, server_database: str):
    page = requests.get(served.base + "/", timeout=30)
    assert page.status_code == 200 and "_dash-config" in page.text
    assert (served.data_home / "allas-vimmerby" / "secret_key").is_file(), "the master creates the shared key"

    client = http_dash_client(served.base)
    chosen = choose_locality(client, "storebro")
    assert chosen[ids.MAP_URL]["search"] == "?ort=storebro"
    state = chosen[ids.MAP_STATE]["data"]
    assert state["layer"] == "population"
    assert "Storebro" in render_map(client, state)

    # Many visitors at once, each with its own session: every request must succeed on whichever
    # worker takes it (the CSRF token of a session made by one worker is checked by the other).
    localities = ["storebro", "tuna", "vimmerby", "frodinge", "gullringen", "pelarne"]
    pids: set[str] = set()
    with ThreadPoolExecutor(max_workers=6) as pool_:
        for _round in range(10):
            for status, document in pool_.map(lambda name: visit(served.base, name), localities):
                assert status == 200 and "leaflet" in document.lower()
            pids = set(WORKER_PID.findall(served.log()))
            if len(pids) >= 2:
                break
    assert len(pids) == 2, f"answered by worker processes {pids}; log:\n{served.log()[-2000:]}"

    # A sign-in made on one worker holds on every worker (sessions live in the shared database).
    with Store.open(server_database) as store:
        groupwork_service.bootstrap_admin(GroupworkStore(store), "admin", ADMIN_PASSWORD)
    staff = http_dash_client(served.base)
    staff.sign_in("admin", ADMIN_PASSWORD)
    for _ in range(8):
        shell = staff.call(f"{ids.ROOT_URL}.pathname", {f"{ids.ROOT_URL}.pathname": "/"})
        assert shell.status_code == 200 and "Inloggad som admin" in shell.text, shell.text[:500]
    assert not re.search(r'" (5\d\d|403) ', served.log()), served.log()

    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=STOP_BOUND_S) == 0
    errors = served.errors()
    assert "Traceback" not in errors and "[ERROR]" not in errors, errors
    assert "Shutting down" in errors
    assert errors.count("Booting worker") == 2, "no worker crashed and was replaced"

    # Prepared once by the master: the bundled data seeded exactly once.
    engine = create_engine(server_database, poolclass=pool.NullPool)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(schema.localities)).scalar_one() == 10
            assert conn.execute(select(func.count()).select_from(schema.data_version)).scalar_one() == 1
    finally:
        engine.dispose()
