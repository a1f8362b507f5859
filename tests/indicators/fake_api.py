"""A local HTTP server that answers like Kolada or SCB from canned responses, so no test reaches the internet.

Routes map ``"METHOD /path"`` (or ``"METHOD /path?query"`` for a page of a
paged answer, which wins over the bare path) to a list of answers given in
turn; the last one repeats. Every request is recorded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Answer:
    """One canned response: a JSON document (or raw bytes) with a status and headers."""

    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: str
    body: Any


class FakeApi:
    """The server's routes and what it has been asked; ``url`` is its base address."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.seen: list[Seen] = []
        self.url = ""

    def on(self, route: str, *answers: Answer | Any) -> None:
        """Answer ``route`` with these in turn (a bare document is a 200 JSON answer)."""
        self.routes[route] = [a if isinstance(a, Answer) else Answer(a) for a in answers]

    def answer(self, method: str, target: str) -> Answer:
        parts = urlsplit(target)
        for key in (f"{method} {parts.path}?{parts.query}", f"{method} {parts.path}"):
            queue = self.routes.get(key)
            if queue:
                return queue.pop(0) if len(queue) > 1 else queue[0]
        return Answer({"error": "not found"}, status=404)


@contextmanager
def serve(api: FakeApi) -> Iterator[FakeApi]:
    """Run ``api`` on 127.0.0.1 in a thread for the length of the block."""

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            api.seen.append(Seen(method, parts.path, parts.query, json.loads(raw) if raw else None))
            answer = api.answer(method, self.path)
            body = answer.raw if answer.raw is not None else json.dumps(answer.body).encode("utf-8")
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self._reply("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._reply("POST")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
