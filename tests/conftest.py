"""Shared fixtures: a database per test, a running app, and a real browser.

Migrating and seeding a database takes about half a second, so it is done
once per session (``seeded_template``) and every test gets its own byte copy
(``seeded_database_url``): tests stay isolated, the set-up costs a file copy.
Tests of migrations, seeding or how a database is created open their own
(``tests/indicators/conftest.py``'s ``database_url`` is an empty path).

Under CI (``CI=true``) a missing browser is a failure, never a skip: the test
command installs Debian's chromium, so its absence means the set-up is broken.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() == "true"


POSTGRES_URL_ENV = "TEST_POSTGRES_URL"


CLOCK_START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand, for code that takes ``clock=`` (sessions, sign-in limits)."""

    def __init__(self, start: datetime = CLOCK_START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def empty_postgres_url() -> str:
    """The test PostgreSQL server with an empty public schema, for tests that run on both backends.

    ``scripts/test.sh`` starts the server and sets ``TEST_POSTGRES_URL``. Without it the test is
    skipped locally and fails under ``CI=true``, where its absence means the set-up is broken.
    Whatever the previous test left is dropped, ending any connection it left open first.
    """
    url = os.environ.get(POSTGRES_URL_ENV, "").strip()
    if not url:
        message = f"{POSTGRES_URL_ENV} is not set: run scripts/test.sh, which starts PostgreSQL"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from sqlalchemy import create_engine, pool

    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '10s'")
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()"
            )
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()
    return url


def require_tool(path: str, what: str) -> None:
    """Skip locally when a tool is missing; fail in CI, where the test command installs it."""
    if Path(path).exists():
        return
    message = f"{what} not found at {path}: run the README's test command (it installs it)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


SEEDED_FILE = "dashboard.sqlite"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded SQLite file built once per session; never opened by a test (copy it).

    The engine is disposed and the write-ahead log checkpointed into the file,
    so the single file is the whole database and a byte copy of it is complete.
    """
    from indicators.storage.store import Store

    path = tmp_path_factory.mktemp("seeded-template") / SEEDED_FILE
    Store.open(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"the template database left files beside it: {leftovers}"
    return path


@pytest.fixture
def seeded_database_url(seeded_template: Path, tmp_path: Path) -> str:
    """This test's own fresh seeded SQLite database: a copy of the session's template."""
    path = tmp_path / SEEDED_FILE
    shutil.copyfile(seeded_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def database_url(seeded_database_url: str) -> str:
    """The database the app under test uses: already migrated and seeded, this test's alone."""
    return seeded_database_url


@pytest.fixture
def store(database_url: str):
    """A Store on this test's seeded database (``Store.open`` finds it migrated and seeded)."""
    from indicators.storage.store import Store

    opened = Store.open(database_url)
    yield opened
    opened.dispose()


@pytest.fixture
def dashboard_data(store):
    from dashboard.data import DashboardData

    return DashboardData(store)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_app(database_url: str) -> Iterator[str]:
    """A fresh app on its own port in a background thread; yields its base URL."""
    from dashboard.server.settings import Settings

    yield from serve_app(Settings(database_url=database_url, secret_key="test-secret"))


def serve_app(settings) -> Iterator[str]:
    """Serve an app built with ``settings`` on its own port until the generator is closed; its base URL."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    app = create_app(settings)
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    require_tool(CHROMIUM, "Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                  "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


class PageRecorder:
    """A page with every request and every browser error it produced."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)

    def outside_requests(self) -> list[str]:
        """Requests that left this machine's loopback server (srcdoc and data URLs are local)."""
        local = ("http://127.0.0.1:", "about:", "data:", "blob:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.fixture
def page(browser) -> Iterator[PageRecorder]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="sv-SE")
    context.set_default_timeout(30_000)  # generous: CI shares two cores with the app and the browser
    recorder = PageRecorder(context.new_page())
    yield recorder
    context.close()
