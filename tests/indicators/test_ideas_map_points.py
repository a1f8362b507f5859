"""The ideas map layer's read (``IdeaStore.map_points``): what it returns, and that SQLite answers it
from the two covering indexes of revision 0008 without reading a table row (what made it slow)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import event, insert, text

from indicators.ideas.records import IdeaStatus
from indicators.ideas.store import IdeaStore, MapPoint
from indicators.storage import schema
from indicators.storage.store import write_transaction

AT = datetime(2026, 3, 1, 12, 0)


def _add(conn, idea_id: int, status: IdeaStatus, *, areas=("trivas",), placed=True, locality="storebro") -> None:
    conn.execute(
        insert(schema.ideas).values(
            id=idea_id, locality_id=locality, title=f"Idé {idea_id}", description="", status=status.value,
            lat=57.6 if placed else None, lon=15.85 if placed else None, source="resident", supports=idea_id,
            version=1, created_at=AT, updated_at=AT,
        )
    )  # fmt: skip
    for position, area in enumerate(areas):
        conn.execute(insert(schema.idea_areas).values(idea_id=idea_id, area_id=area, position=position))


@pytest.fixture
def ideas(store) -> IdeaStore:
    with write_transaction(store.engine) as conn:
        _add(conn, 5, IdeaStatus.CONSIDERING, areas=("kontakt", "leva"))
        _add(conn, 2, IdeaStatus.PUBLISHED, areas=("leva",))
        _add(conn, 9, IdeaStatus.INITIATIVE, areas=())
        _add(conn, 3, IdeaStatus.DECLINED)
        _add(conn, 4, IdeaStatus.PENDING)
        _add(conn, 6, IdeaStatus.HIDDEN)
        _add(conn, 7, IdeaStatus.PUBLISHED, placed=False)
        _add(conn, 8, IdeaStatus.PUBLISHED, locality=None)
    return IdeaStore(store, salt=b"salt")


def test_the_map_gets_public_placed_ideas_by_id_with_their_first_area(ideas):
    points = ideas.map_points()
    assert [point.id for point in points] == [2, 3, 5, 9]
    assert points[2] == MapPoint(5, "storebro", "Idé 5", IdeaStatus.CONSIDERING, "kontakt", 5, 57.6, 15.85)
    assert points[0].status is IdeaStatus.PUBLISHED
    assert points[3].area is None  # an idea without an area still shows, uncoloured


def test_the_map_can_be_narrowed_to_some_statuses(ideas):
    assert [point.id for point in ideas.map_points([IdeaStatus.DECLINED, IdeaStatus.INITIATIVE])] == [3, 9]


def test_sqlite_answers_the_map_query_from_indexes_alone(ideas, store):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the query plan checked is SQLite's")
    seen: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if "FROM ideas" in statement:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        ideas.map_points()
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    (statement, parameters), = seen
    with store.engine.connect() as conn:
        plan = " | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
    assert "COVERING INDEX ix_ideas_map" in plan
    assert "COVERING INDEX ix_idea_areas_position" in plan
    assert "TEMP B-TREE" not in plan  # no sort in SQL: the tuples are sorted in Python
    with store.engine.connect() as conn:
        names = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
    assert {"ix_ideas_map", "ix_idea_areas_position"} <= names
