"""How long a browser may keep what the server sends.

- **Versioned static files are kept for a year.** Dash names its bundles with
  a fingerprint and links ``/assets/<file>?m=<modified time>``; ``/vendor``
  links carry the XStatic package's version (``dashboard.server.vendor``). A
  new file means a new URL, so the old copy is never used again and a year
  (``immutable``: not even revalidated on reload) is safe.
- **Files with an ETag but no version are revalidated** (``no-cache``): kept,
  but asked about (a cheap 304) before each use.
- **Everything else is never stored.** Pages, ``_dash-layout``, callback
  answers and the sign-in page depend on who is signed in, the language and
  the data; ``no-store`` keeps them out of every cache (shared ones too), so a
  signed-out browser's back button cannot show a staff page either.

A handler that chose its own ``Cache-Control`` (Dash's bundles, ``/vendor``,
the favicon) keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping

import flask

YEAR_S = 365 * 24 * 3600
LONG_LIVED = f"public, max-age={YEAR_S}, immutable"
REVALIDATED = "no-cache"
NEVER_STORED = "no-store"
ASSETS_PREFIX = "/assets/"
ASSET_VERSION_KEY = "m"
"""The query key Dash adds to every asset URL it links (the file's modification time)."""


def cache_control_for(path: str, args: Mapping[str, str], status: int, current: str | None,
                      has_etag: bool = False) -> str | None:
    """The ``Cache-Control`` a response should carry, or None to keep the one it has."""
    if path.startswith(ASSETS_PREFIX) and ASSET_VERSION_KEY in args and status in (200, 304):
        return LONG_LIVED
    if current:
        return None
    return REVALIDATED if has_etag or status == 304 else NEVER_STORED


def register_cache_headers(server: flask.Flask) -> None:
    """Set ``Cache-Control`` on every response (see the module's docstring for which)."""

    @server.after_request
    def _cache_control(response: flask.Response) -> flask.Response:
        value = cache_control_for(flask.request.path, flask.request.args, response.status_code,
                                  response.headers.get("Cache-Control"), "ETag" in response.headers)
        if value is not None:
            response.headers["Cache-Control"] = value
        return response
