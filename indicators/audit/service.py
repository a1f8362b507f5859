"""Reading the audit log, for those allowed to (``Action.VIEW_AUDIT``: admins).

The log names who changed what, including sign-ins and refused attempts, so it
is not public; the staff page reads it through here rather than from the
store, and the check holds even if the page is reached without its menu.
"""

from __future__ import annotations

from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.audit.log import AuditEntry
from indicators.groupwork.records import User
from indicators.groupwork.store import GroupworkStore

DEFAULT_LIMIT = 200
"""Lines the staff page shows: the latest, newest first."""


def read_audit(
    gw: GroupworkStore, actor: User | None, *, limit: int = DEFAULT_LIMIT, locality_id: str | None = None
) -> list[AuditEntry]:
    """The latest ``limit`` audit lines, newest first (only ``locality_id``'s if given).

    Raises ``PermissionDenied`` for anyone who may not read the log.
    """
    require(actor, Action.VIEW_AUDIT)
    return gw.audit(limit=limit, locality_id=locality_id)
