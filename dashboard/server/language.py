"""Which language a request is served in: Swedish by default, English on request.

The choice is a cookie set by ``/sprak/<code>``, so every page, callback and
export of that browser follows it without threading a parameter through
every function; outside a request (tests, the CLI) it is Swedish.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import flask

from indicators.i18n.locales import DEFAULT_LANGUAGE, LANGUAGES

DEFAULT = DEFAULT_LANGUAGE
COOKIE = "lang"
SWITCH_PATH = "/sprak"


_CHOSEN: ContextVar[str | None] = ContextVar("language", default=None)


@contextmanager
def language_of(code: str) -> Iterator[None]:
    """Work in ``code`` outside a request (the export command's ``--language``)."""
    token = _CHOSEN.set(code if code in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def current_language() -> str:
    chosen = _CHOSEN.get()
    if chosen is not None:
        return chosen
    if flask.has_request_context():
        chosen = flask.request.cookies.get(COOKIE)
        if chosen in LANGUAGES:
            return chosen
    return DEFAULT


def register_language_route(server: flask.Flask, safe_next) -> None:
    """``/sprak/en?next=/jamfor`` remembers the choice for a year and goes back."""

    @server.route(f"{SWITCH_PATH}/<code>")
    def _switch(code: str):
        response = flask.redirect(safe_next(flask.request.args.get("next")))
        if code in LANGUAGES:
            response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
        return response
