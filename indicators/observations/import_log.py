"""Records of the import log: which file was imported, by whom, when, and what it did.

Kept apart from the domain records because they describe the app's own
history, not Vimmerby; the Store writes one in the same transaction as the
data, so the log never claims an import that did not land (or misses one).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import UTC, datetime

UNKNOWN_USER = "okänd"


@dataclass(frozen=True)
class ImportOrigin:
    """Where an import came from, known before the data is written."""

    user: str
    file: str
    format: str
    sha256: str
    at: datetime
    """UTC."""


@dataclass(frozen=True)
class ImportLogEntry:
    """One line of the import log, as staff read it."""

    id: int
    at: datetime
    """When the import was saved, UTC (time-zone aware)."""
    user: str
    file: str
    format: str
    kind: str
    """``observations``, ``catalogue``, ``activities`` or ``initiatives``."""
    rows: int
    added: int
    changed: int
    unchanged: int
    sha256: str


def current_user() -> str:
    """The operating-system user running the import, for the CLI's log lines."""
    try:
        return getpass.getuser() or UNKNOWN_USER
    except (KeyError, OSError):  # no name for this uid, e.g. in a bare container
        return UNKNOWN_USER


def utc_now() -> datetime:
    """Now, UTC and time-zone aware."""
    return datetime.now(UTC)
