"""The gated way localities' positions and areas change, for a named actor.

``geodata.io`` reads and checks a file but writes nothing; this module reads it
against the stored localities and saves the changes in one transaction, after
refusing anyone without ``Action.IMPORT_GEODATA`` before the file is opened.
The command line calls it as the operator (``operator_actor``); a future
upload page would call it with the signed-in user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geodata.io import GeometryImport, read_locality_geometries
from geodata.limits import GeoLimits
from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.core.model import Locality
from indicators.groupwork.records import User
from indicators.storage.store import Store


@dataclass(frozen=True)
class GeometryImportReport:
    """The localities before the import and what the file changed (for the lines people read)."""

    before: Sequence[Locality]
    result: GeometryImport
    saved: int
    """Localities written: those whose position or area differ from what was stored."""


def import_geometries(
    store: Store,
    actor: User | None,
    path: Path,
    *,
    display_name: str | None = None,
    limits: GeoLimits | None = None,
) -> GeometryImportReport:
    """Read ``path`` against the stored localities and save the changes, all or nothing.

    Raises ``PermissionDenied`` before the file is opened, ``InputError``
    listing every problem in the file (nothing saved), and lets a database
    error through (nothing saved: ``Store.save_localities`` is one transaction).
    """
    require(actor, Action.IMPORT_GEODATA)
    path = Path(path)
    before = store.localities()
    result = read_locality_geometries(path, before, display_name=display_name or path.name, limits=limits)
    changed = [locality for locality in result.updated if locality not in before]
    if changed:
        store.save_localities(changed)
    return GeometryImportReport(before=before, result=result, saved=len(changed))
