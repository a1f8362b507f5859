"""Compressed responses: every text the server sends goes out as brotli or gzip when the browser takes it.

Flask-Compress does the work on every route of the Flask server, so Dash's own
(the page, ``_dash-layout``, callback JSON with the map document in it, the
component bundles) and ours (``/vendor``, ``/assets``, the sign-in page) alike.
Two choices of our own on top of its defaults:

- **Already compressed downloads are sent as they are.** A spreadsheet, picture
  or PDF reaches the browser base64-encoded inside a callback's JSON
  (``dcc.send_bytes``); its bytes are deflate/PNG/PDF streams already, so
  compressing them again costs a core for little gain. A callback whose JSON
  carries such a file is left alone; a CSV download (text) is compressed.
- **Dash's fingerprinted bundles are compressed once per process.** plotly.js
  alone is 4.7 MB; compressing it for every first visit would cost a worker
  ~0.1 s each time. Their URLs change with their content, so the compressed
  bytes are kept (bounded by size) under the URL and the encoding.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import flask
from flask_compress import Compress

TEXT_TYPES = (
    "text/html", "text/css", "text/plain", "text/csv", "text/javascript", "application/javascript",
    "application/json", "application/geo+json", "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon",
)
"""What is worth compressing; images, fonts and files other than SVG and icons are compressed already."""

ALGORITHMS = ["br", "gzip"]
"""Brotli when the browser takes it (every current one does over HTTPS), gzip otherwise."""

MIN_SIZE = 500
"""Bytes: below this the headers of a compressed response weigh more than what is saved."""

CACHED_PREFIX = "/_dash-component-suites/"
"""Dash's bundles: the same bytes for the life of the process, so compressed once."""

CACHE_LIMIT_BYTES = 32 * 1024 * 1024

_BINARY_DOWNLOAD = re.compile(rb'"filename":\s*"[^"]*\.(?:xlsx|xls|docx|pptx|zip|gz|png|jpe?g|webp|pdf)"',
                              re.IGNORECASE)


def carries_binary_download(response: flask.Response) -> bool:
    """Whether ``response`` is callback JSON that hands the browser an already compressed file."""
    if response.mimetype != "application/json" or response.is_streamed:
        return False
    return _BINARY_DOWNLOAD.search(response.get_data()) is not None


class CompressedBundles:
    """A bounded, thread-safe store of compressed bundles, in the shape Flask-Compress asks of a cache.

    Flask-Compress hands every response it compresses to ``get``/``set`` with the
    key ``"<encoding>;<cache key>"``; ``bundle_key`` gives an empty cache key to
    everything but Dash's bundles, and such keys are neither read nor kept, so a
    callback's answer is never served from here.
    """

    def __init__(self, limit_bytes: int = CACHE_LIMIT_BYTES) -> None:
        self.limit_bytes = limit_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @staticmethod
    def _kept(key: str) -> bool:
        return not key.endswith(";")

    def get(self, key: str) -> bytes | None:
        if not self._kept(key):
            return None
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        if not self._kept(key) or len(value) > self.limit_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._entries[key] = value
            self._size += len(value)
            while self._size > self.limit_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._entries)


def bundle_key(request: flask.Request) -> str:
    """The cache key of a Dash bundle (its fingerprinted URL); empty, so not cached, for anything else."""
    return request.full_path if request.path.startswith(CACHED_PREFIX) else ""


def register_compression(server: flask.Flask) -> Compress:
    """Compress every text response of ``server`` that the browser accepts compressed."""
    bundles = CompressedBundles()
    server.config.update(
        COMPRESS_REGISTER=False,  # registered below, behind the check for compressed downloads
        COMPRESS_MIMETYPES=list(TEXT_TYPES),
        COMPRESS_ALGORITHM=ALGORITHMS,
        COMPRESS_ALGORITHM_STREAMING=ALGORITHMS,  # files sent from disk (/vendor, /assets) are streamed
        COMPRESS_MIN_SIZE=MIN_SIZE,
        COMPRESS_CACHE_BACKEND=lambda: bundles,
        COMPRESS_CACHE_KEY=bundle_key,
    )
    compress = Compress(server)

    @server.after_request
    def _compress(response: flask.Response) -> flask.Response:
        if carries_binary_download(response):
            response.vary.add("Accept-Encoding")
            return response
        return compress.after_request(response)

    return compress
