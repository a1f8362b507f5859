"""Which public idea each initiative came from, as the map's popups name it (title and a link).

A lean read for the map (issue #13 item 3): ``IdeaStore.ideas_for_initiatives`` loads full
ideas with their areas for a list of initiative ids, which for 10,000 initiatives is a long
``IN`` list and a quarter of a second; the map needs only the title and where the idea is shown.
Only public ideas are named: an idea hidden after it became an initiative is not shown in its
initiative's popup either.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select

from indicators.groupwork.sql import reader
from indicators.ideas.records import PUBLIC_STATUSES
from indicators.storage import schema
from indicators.storage.store import Store


class Origin(NamedTuple):
    """The public idea an initiative came from."""

    idea_id: int
    locality_id: str | None
    title: str


def initiative_origins(store: Store) -> dict[int, Origin]:
    """initiative id → the public idea it came from, for every initiative that came from one."""
    c = schema.ideas.c
    query = select(c.initiative_id, c.id, c.locality_id, c.title).where(
        c.initiative_id.is_not(None), c.status.in_([status.value for status in PUBLIC_STATUSES]))
    with reader(store.engine).connect() as conn:
        return {initiative_id: Origin(idea_id, locality, title)
                for initiative_id, idea_id, locality, title in conn.execute(query)}
