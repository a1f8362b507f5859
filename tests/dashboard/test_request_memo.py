"""Each request reads the data's version once (``indicators.storage.read_memo``), however many caches
ask for it, and a request that writes reads its own write back (issue #13 item 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from dashboard import ids
from dashboard.app import create_app
from dashboard.server.settings import Settings
from indicators.storage.store import Store
from tests.dashboard.dash_http import DashClient


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = Store.open(f"sqlite:///{tmp_path_factory.mktemp('memo')}/memo.sqlite")
    yield opened
    opened.dispose()


@pytest.fixture(scope="module")
def app(store):
    return create_app(Settings(database_url="sqlite://", secret_key="test-secret"), store)


def version_reads(store: Store, do) -> int:
    """How many times ``do()`` asks the database for the data version."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if "max(data_version.version)" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        do()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen)


def test_a_selection_reads_the_data_version_once(app, store):
    client = DashClient(app)
    state = {"layer": "population", "year": "senaste", "weights": ""}

    def select(locality: str) -> None:
        response = client.call(f"{ids.SELECT_REQUEST}.data", {
            f"{ids.SELECT_REQUEST}.data": {"id": locality, "via": "map", "at": 1}, f"{ids.MAP_STATE}.data": state,
            f"{ids.INDICATOR}.value": "population", f"{ids.YEAR_LATEST}.value": ["senaste"],
            f"{ids.MAP_URL}.search": ""})
        assert response.status_code == 200

    assert version_reads(store, lambda: select("storebro")) == 1
    assert version_reads(store, lambda: select("tuna")) == 1
    assert version_reads(store, lambda: (store.data_version(), store.data_version())) == 2  # outside a request
