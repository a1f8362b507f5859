"""Serve the dashboard for real: gunicorn with several worker processes.

Flask's development server (``python -m dashboard``) runs one process and
says so in a warning. ``python -m dashboard serve`` runs gunicorn instead,
through its Python API (``BaseApplication``), so no configuration file or
import string is needed and the options are ours.

Two things must happen once, in the master process, before the workers fork:

- the database is created, migrated and seeded (``Store.open``); N workers
  doing it at the same time would race to create the same tables and seed
  the same rows. The master then closes its connections so no worker
  inherits a socket or an SQLite handle.
- the key that signs session cookies is fixed (``DASHBOARD_SECRET_KEY`` or the
  file in the data directory, created now if missing). Every worker must sign
  with the same key, or a visitor whose next request lands on another worker
  would lose the session and its CSRF token.

Each worker then builds its own app with the factory (``preload_app`` is off):
its own engine and connection pool, its own caches.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from gunicorn.app.base import BaseApplication

from dashboard.server.secret import load_or_create_secret
from dashboard.server.settings import Settings
from indicators.storage.store import Store

WORKERS_ENV = "WEB_CONCURRENCY"
"""The usual name (gunicorn, Heroku, Render …) for the number of worker processes."""
DEFAULT_WORKERS = 2

WSGIApp = Callable[..., Any]


@dataclass(frozen=True)
class ServerOptions:
    """How gunicorn runs; every field is a ``serve`` flag (see ``dashboard/cli.py``)."""

    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = DEFAULT_WORKERS
    threads: int = 1
    """Threads per worker; more than one switches gunicorn to its ``gthread`` worker."""
    timeout: int = 120
    """Seconds a worker may spend on one request before the master restarts it (a large import)."""
    graceful_timeout: int = 30
    """Seconds running requests get to finish after SIGTERM."""
    keepalive: int = 5
    access_log: bool = False
    """Off by default: an access log holds visitors' addresses; on, it goes to stdout."""
    forwarded_allow_ips: str = ""
    """Proxies whose X-Forwarded-Proto/-For headers are believed; none unless given explicitly."""


def workers_from_env(environ: Mapping[str, str] | None = None) -> int:
    """``WEB_CONCURRENCY`` when it is a positive whole number, else the default of 2."""
    value = (os.environ if environ is None else environ).get(WORKERS_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_WORKERS


ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s'
"""Address, request line, status, size, duration and the worker that answered."""


def gunicorn_config(options: ServerOptions) -> dict[str, Any]:
    """The gunicorn settings for ``options``, every one stated rather than left to gunicorn's defaults."""
    return {
        "bind": [f"[{options.host}]:{options.port}" if ":" in options.host else f"{options.host}:{options.port}"],
        "workers": options.workers,
        "threads": options.threads,
        "worker_class": "gthread" if options.threads > 1 else "sync",
        "preload_app": False,
        "timeout": options.timeout,
        "graceful_timeout": options.graceful_timeout,
        "keepalive": options.keepalive,
        # Request line and headers: gunicorn's limits, stated so they are visible and documented.
        # (The body is bounded by the app itself, before it is parsed.)
        "limit_request_line": 4094,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        "accesslog": "-" if options.access_log else None,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "loglevel": "info",
        "forwarded_allow_ips": options.forwarded_allow_ips,
        "proxy_allow_ips": "",
        "proc_name": "allas-vimmerby",
        # gunicorn ≥ 25 opens a control socket in $HOME by default; nobody needs it here, and two
        # servers on one machine would share its path.
        "control_socket_disable": True,
    }


class DashboardServer(BaseApplication):
    """gunicorn running the WSGI app that ``factory`` builds, once in each worker."""

    def __init__(self, factory: Callable[[], WSGIApp], config: Mapping[str, Any]) -> None:
        self._factory = factory
        self._config = dict(config)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._config.items():
            if key in self.cfg.settings:  # a setting an older gunicorn does not know is left out
                self.cfg.set(key, value)

    def load(self) -> WSGIApp:
        return self._factory()


def prepare(settings: Settings) -> Settings:
    """Before forking: the database migrated and seeded once, and the settings with the shared secret."""
    Store.open(settings.database_url).dispose()
    return replace(settings, secret_key=settings.secret_key or load_or_create_secret())


def dashboard_wsgi(settings: Settings) -> WSGIApp:
    """One worker's app (the heavy Dash imports happen here, after the fork)."""
    from dashboard.app import create_app

    return create_app(settings).server


def serve(settings: Settings, options: ServerOptions) -> int:
    """Prepare once, then run gunicorn until SIGTERM (graceful) or SIGINT; returns its exit status."""
    prepared = prepare(settings)
    try:
        DashboardServer(partial(dashboard_wsgi, prepared), gunicorn_config(options)).run()
    except SystemExit as stop:  # gunicorn's master ends with sys.exit
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return 0
