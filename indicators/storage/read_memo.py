"""One reading of the store's version numbers and settings per request.

Every cached figure in the dashboard keys on the data's version numbers (``Store.data_version``,
``GroupworkStore.last_change``) and the ``example_data`` setting, and each cache asks for them:
one selection on the map read them seven times, about half of the request's 7 ms in the server
(issue #13 item 5). Inside a *read memo* (the web server opens one per request) each is read once;
any write through ``write_transaction`` forgets them, so what a request writes, it reads back.

Outside a memo (the command line, the warm-up thread, most tests) every call reads anew, as
before. A memo is a ``ContextVar``: threads and requests never share one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict[Hashable, object] | None] = ContextVar("allas_read_memo", default=None)


def open_read_memo() -> None:
    """Start remembering (a request begins); ``close_read_memo`` ends it."""
    _MEMO.set({})


def close_read_memo() -> None:
    """Stop remembering (the request is over): later reads go to the database again."""
    _MEMO.set(None)


@contextmanager
def read_memo() -> Iterator[None]:
    """``open_read_memo``/``close_read_memo`` around a block, for code that is not a request."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or inside a memo the value it gave the first time for ``key``."""
    memo = _MEMO.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]  # type: ignore[return-value]


def forget() -> None:
    """Something was written: every remembered value may be out of date."""
    memo = _MEMO.get()
    if memo is not None:
        memo.clear()
