"""HTTP for the fetch commands: JSON in, retries with exponential backoff, failures named by request.

The only module of the fetch package that touches the network. A 429 or 5xx
answer, a timeout or a dropped connection is tried again after a delay that
doubles each time (or the server's ``Retry-After``, when it gives one, within a
cap); a 404 means the resource is gone (a KPI or table that has vanished:
reported, not fatal); anything else that is not JSON fails the request. When
the very first request cannot connect at all there is no network to speak of,
and ``NoNetwork`` says so at once instead of backing off for a minute.

``sleep`` is injectable so tests can record the delays instead of waiting.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests

USER_AGENT = "allas-vimmerby-dashboard (python -m indicators fetch)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 5
FIRST_DELAY = 1.0
MAX_DELAY = 60.0
"""No single wait is longer than this, whatever Retry-After says."""
TIMEOUT = 60.0
MAX_BYTES = 50_000_000
"""A response larger than this is refused rather than read into memory."""


class FetchError(Exception):
    """A request that did not give a usable answer. ``request`` names it (method and URL)."""

    def __init__(self, request: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{request}: {reason} {detail}".strip())
        self.request = request
        self.reason = reason
        """A code the command line words: ``status``, ``malformed``, ``partial``, ``timeout``, ``connection``, ``too_large``."""
        self.detail = detail


class NoNetwork(FetchError):
    """The first request could not connect at all: no network, or the server's name does not resolve."""


class Gone(FetchError):
    """HTTP 404: the KPI, unit list or table asked for does not exist (any more)."""


@dataclass
class Attempts:
    """What the client did, for the summary: requests answered and retries made."""

    requests: int = 0
    retries: int = 0


class JsonClient:
    """GET and POST returning parsed JSON, with retry and backoff; one per fetch."""

    def __init__(
        self,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_attempts: int = MAX_ATTEMPTS,
        first_delay: float = FIRST_DELAY,
        max_delay: float = MAX_DELAY,
        timeout: float = TIMEOUT,
        on_request: Callable[[str], None] | None = None,
    ) -> None:
        self._session = session or requests.Session()
        self._session.headers.setdefault("User-Agent", USER_AGENT)
        self._sleep = sleep
        self._max_attempts = max_attempts
        self._first_delay = first_delay
        self._max_delay = max_delay
        self._timeout = timeout
        self._on_request = on_request
        self._connected = False
        self.attempts = Attempts()

    def get(self, url: str, params: Mapping[str, str] | None = None) -> Any:
        """The JSON of a GET; ``params`` become the query string."""
        prepared = requests.Request("GET", url, params=params).prepare()
        return self._send(prepared)

    def post(self, url: str, body: Any) -> Any:
        """The JSON of a POST whose body is ``body`` as JSON (PxWeb queries)."""
        prepared = requests.Request("POST", url, json=body).prepare()
        return self._send(prepared)

    def _send(self, prepared: requests.PreparedRequest) -> Any:
        name = f"{prepared.method} {prepared.url}"
        if self._on_request is not None:
            self._on_request(name)
        for attempt in range(1, self._max_attempts + 1):
            last = attempt == self._max_attempts
            try:
                response = self._session.send(prepared, timeout=self._timeout, stream=True)
            except requests.ConnectionError as error:
                if not self._connected:
                    raise NoNetwork(name, "connection", _short(error)) from error
                if last:
                    raise FetchError(name, "connection", _short(error)) from error
                self._wait(attempt, None)
                continue
            except requests.Timeout as error:
                if last:
                    raise FetchError(name, "timeout", _short(error)) from error
                self._wait(attempt, None)
                continue
            self._connected = True
            with response:
                if response.status_code in RETRY_STATUSES and not last:
                    self._wait(attempt, response.headers.get("Retry-After"))
                    continue
                self.attempts.requests += 1
                return _json_of(name, response)
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def _wait(self, attempt: int, retry_after: str | None) -> None:
        self.attempts.retries += 1
        self._sleep(backoff_delay(attempt, retry_after, self._first_delay, self._max_delay))


def backoff_delay(attempt: int, retry_after: str | None, first: float = FIRST_DELAY, cap: float = MAX_DELAY) -> float:
    """Seconds to wait before attempt ``attempt + 1``: Retry-After when given, else first·2^(attempt-1); capped."""
    told = parse_retry_after(retry_after)
    delay = told if told is not None else first * 2 ** (attempt - 1)
    return max(0.0, min(delay, cap))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date; None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _json_of(name: str, response: requests.Response) -> Any:
    if response.status_code == 404:
        raise Gone(name, "status", "404")
    if not 200 <= response.status_code < 300:
        raise FetchError(name, "status", str(response.status_code))
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(65536):
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(name, "too_large", str(MAX_BYTES))
            chunks.append(chunk)
    except requests.RequestException as error:  # the body broke off: a partial answer
        raise FetchError(name, "partial", _short(error)) from error
    body = b"".join(chunks)
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise FetchError(name, "malformed", _short(error)) from error


def _short(error: BaseException) -> str:
    return str(error)[:200]
