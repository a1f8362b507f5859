"""The gated way indicator data changes: imports and clearing the examples, for a named actor.

``importing.import_file`` reads, checks and saves a file but trusts its
caller; the web upload and the command line call ``import_indicator_file``
instead, which refuses anyone without ``Action.IMPORT_INDICATORS`` before a
byte of the file is read, and writes the actor's name into the import log.
"""

from __future__ import annotations

from pathlib import Path

from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.groupwork.records import User
from indicators.observations.importing import ImportReport, import_file
from indicators.observations.limits import ImportLimits
from indicators.observations.tables import Progress
from indicators.storage.store import Store


def import_indicator_file(
    store: Store,
    actor: User | None,
    path: Path | str,
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    display_name: str | None = None,
    progress: Progress | None = None,
    current_year: int | None = None,
    limits: ImportLimits | None = None,
) -> ImportReport:
    """Import one file as ``actor``, all or nothing (see ``import_file``).

    Raises ``PermissionDenied`` before the file is opened, so a refused caller
    learns nothing about it and nothing is logged; otherwise ``InputError``
    listing every problem, or the report of what was saved.
    """
    require(actor, Action.IMPORT_INDICATORS)
    assert actor is not None
    return import_file(
        store,
        path,
        fmt=fmt,
        sheet=sheet,
        user=actor.username,
        display_name=display_name,
        progress=progress,
        current_year=current_year,
        limits=limits,
    )


def clear_examples(store: Store, actor: User | None) -> int:
    """Remove the built-in example figures not yet replaced by real ones; how many went."""
    require(actor, Action.IMPORT_INDICATORS)
    return store.clear_examples()
