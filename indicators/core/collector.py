"""Pausing Python's cycle collector while a request builds many short, acyclic objects.

Building the map's markers for 10,000 initiatives allocates some 100,000 rows, tuples, numbers
and strings, none of them in a reference cycle; the allocations alone set off the cycle
collector again and again, each pass walking every object the process holds — a third of the
build's time (``benchmarks/markers.py``: about 240 → 150 ms of CPU). Reference counting frees
all of it anyway; the collector only finds cycles, and any made meanwhile wait for the next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block; on again after it, if it was on before.

    Process-wide, as the collector is: another thread's pause may end inside this one, which
    only makes the two slower, never wrong.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
