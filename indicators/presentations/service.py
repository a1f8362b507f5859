"""The only way a presentation is written: the page and any other caller come through here.

Presentations are the network's material for strategic meetings, so they
follow the meetings' rule (``Action.MANAGE_MEETINGS``: admins). Permission is
checked before the record is looked at, so someone who may not write learns
nothing from the validation messages; the store then validates, checks the
version and writes the change with its audit line in one transaction.
"""

from __future__ import annotations

from collections.abc import Collection

from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.groupwork.records import User
from indicators.presentations.slides import Presentation
from indicators.presentations.store import PresentationStore
from indicators.storage.store import Store

ACTION = Action.MANAGE_MEETINGS
"""The permission every presentation write needs."""


def save_presentation(
    store: Store, actor: User | None, record: Presentation, *, locality_ids: Collection[str]
) -> Presentation:
    """Create (``id`` None) or update a presentation; returns it as stored, with its new version.

    Raises ``PermissionDenied`` (nothing read or written), ``InputError`` with
    every problem, ``StaleWriteError`` if someone saved it since
    ``record.version`` and ``NotFoundError`` if it was deleted meanwhile.
    """
    require(actor, ACTION)
    assert actor is not None
    return PresentationStore(store).save(record, username=actor.username, locality_ids=locality_ids)


def delete_presentation(store: Store, actor: User | None, presentation_id: int, version: int) -> None:
    """Delete a presentation if nobody changed it since ``version``; audited like a save."""
    require(actor, ACTION)
    assert actor is not None
    PresentationStore(store).delete(presentation_id, version, username=actor.username)
