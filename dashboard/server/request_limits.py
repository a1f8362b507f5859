"""How large a request may be, so an anonymous 200 MB body is refused before it is read.

Flask's ``MAX_CONTENT_LENGTH`` makes werkzeug refuse a body that says it is
larger than the limit (``Content-Length``) with 413 before a byte of it is read.
A body sent without a length (chunked) is read here first, never more than the
limit, and refused with 413 when there is more. This happens before any other
code of the app sees the request, so it covers every route of the server, Dash's
callback route ``/_dash-update-component`` (where uploads arrive) and the
sign-in form included.

An uploaded file travels base64-encoded inside the callback's JSON, so it takes
4/3 of its size plus a little; ``max_upload_bytes`` is what is left for the
file itself. The upload areas give that to ``dcc.Upload(max_size=…)`` so the
browser refuses a larger file before sending it, and say the limit next to it.

The 413 answer says the limit in words in the page's language: an HTML page for
a browser, JSON for the Dash front end (which cannot show HTML).
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Mapping

import flask
from werkzeug.exceptions import RequestEntityTooLarge

from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.settings import DEFAULT_MAX_REQUEST_MB, MAX_REQUEST_MB_ENV
from indicators.i18n.texts import Number

MB = 1024 * 1024
UPLOAD_OVERHEAD_BYTES = 256 * 1024
"""Room in a request for what comes with an uploaded file: JSON, the data-URL prefix, the file
name and the other values a callback sends."""
LARGEST_MB = 1024
"""No setting above 1 GB: a body that size held in memory would take the server down anyway."""


class LimitSettingError(ValueError):
    """``ALLAS_MAX_REQUEST_MB`` (or the flag) is not a whole number of MB within range."""


def parse_max_request_mb(value: str, name: str = MAX_REQUEST_MB_ENV) -> int:
    """A limit in MB from a flag or the environment; LimitSettingError says what is wrong in words."""
    try:
        number = int(value.strip())
    except ValueError:
        raise LimitSettingError(text("request_limit_invalid", name=name, value=value, largest=LARGEST_MB)) from None
    if not 1 <= number <= LARGEST_MB:
        raise LimitSettingError(text("request_limit_invalid", name=name, value=value, largest=LARGEST_MB))
    return number


def max_request_mb_from_env(environ: Mapping[str, str] | None = None) -> int:
    """``ALLAS_MAX_REQUEST_MB`` when set, else the default (25)."""
    env = os.environ if environ is None else environ
    value = env.get(MAX_REQUEST_MB_ENV, "").strip()
    return parse_max_request_mb(value) if value else DEFAULT_MAX_REQUEST_MB


def max_upload_bytes(max_request_bytes: int) -> int:
    """The largest file whose upload request stays within ``max_request_bytes`` (base64 is 4/3)."""
    return max(0, (max_request_bytes - UPLOAD_OVERHEAD_BYTES) * 3 // 4)


def current_max_request_bytes() -> int:
    """The limit of the app serving this request; the default outside a request (tests, layouts built alone)."""
    if flask.has_app_context():
        configured = flask.current_app.config.get("MAX_CONTENT_LENGTH")
        if configured:
            return int(configured)
    return DEFAULT_MAX_REQUEST_MB * MB


def current_max_upload_bytes() -> int:
    """What ``dcc.Upload(max_size=…)`` gets on this server."""
    return max_upload_bytes(current_max_request_bytes())


def megabytes(size: int) -> Number:
    """A size in MB for people, to one decimal, rounded down so the stated limit is never too generous."""
    return Number(math.floor(size * 10 / MB) / 10)


def register_request_limit(server: flask.Flask, max_request_mb: int) -> None:
    """Refuse bodies over ``max_request_mb`` before they are read, with the limit in words."""
    server.config["MAX_CONTENT_LENGTH"] = max_request_mb * MB

    @server.before_request
    def _bounded_stream() -> None:
        """A body without ``Content-Length`` (chunked) is read here, at most up to the limit.

        werkzeug stops reading such a body at the limit but silently hands on the
        part it read, so a callback would see cut-off JSON (400). Reading it first
        (cached for everything after, at most the limit held in memory) turns one
        byte more than the limit into the 413 that says the limit.
        """
        request = flask.request
        if request.content_length is not None or "wsgi.input_terminated" not in request.environ:
            return  # a declared length is checked by werkzeug before reading; no length, no stream
        limit = server.config["MAX_CONTENT_LENGTH"]
        if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()

    @server.errorhandler(RequestEntityTooLarge)
    def _too_large(_error: RequestEntityTooLarge) -> flask.Response:
        limit = server.config["MAX_CONTENT_LENGTH"]
        language = current_language()
        message = text("request_too_large", language, limit=megabytes(limit),
                       upload=megabytes(max_upload_bytes(limit)))
        if _wants_json():
            response = flask.jsonify(message=message, limit_bytes=limit)
        else:
            page = (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
                    f"<title>413</title></head><body><p>{html.escape(message)}</p></body></html>")
            response = flask.Response(page, mimetype="text/html")
        response.status_code = 413
        # The body was not read; without this a keep-alive connection would read it as the next request.
        response.headers["Connection"] = "close"
        return response


def _wants_json() -> bool:
    request = flask.request
    return request.path.startswith("/_dash-") or request.accept_mimetypes.best == "application/json" \
        or request.is_json
