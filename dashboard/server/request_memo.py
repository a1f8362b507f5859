"""Each request reads the store's version numbers and settings once (``indicators.storage.read_memo``)."""

from __future__ import annotations

import flask

from indicators.storage.read_memo import close_read_memo, open_read_memo


def register_read_memo(server: flask.Flask) -> None:
    """Open a read memo when a request starts (before every other hook reads) and close it when it ends.

    Register it before any hook that reads the database: Flask runs ``before_request`` hooks in the
    order they were registered.
    """
    server.before_request(open_read_memo)

    @server.teardown_request
    def _close(_error: BaseException | None) -> None:
        close_read_memo()
