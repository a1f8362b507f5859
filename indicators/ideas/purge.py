"""The contact purge as one call on a ``Store``: for the command line and the app's start.

Contacts residents leave with ideas are kept only as long as staff set
(``app_settings.IDEA_CONTACT_MONTHS``, default 12 months). Nothing runs in the
background inside the app: ``python -m indicators purge-contacts`` is meant
for a daily cron job, and the app purges once whenever it starts.
"""

from __future__ import annotations

from datetime import datetime

from indicators.ideas import service
from indicators.ideas.store import IdeaStore
from indicators.storage import app_settings as settings
from indicators.storage.store import Store


def purge_idea_contacts(store: Store, *, now: datetime | None = None) -> int:
    """Delete contacts past their retention time (and run-out send counters); returns contacts deleted."""
    ideas = IdeaStore(store, salt=b"")  # the purge reads and writes no hashes
    return service.purge_contacts(ideas, settings.read_settings(store.engine), now=now)
