"""Views built once per (what they show, language, data version) and reused: the map page's side
panel and layer values, the compare page's content, the groups page's counts, tables and lists.

Every visitor who chooses Storebro gets the same panel until the data changes:
building it (about 45 ms of components for a locality) and turning it into
JSON (about 17 ms) was most of the selection callback's server time under load
(issue #13 item 5). This module keeps the last ``PANEL_CACHE_SIZE`` panels per
``DashboardData`` in a bounded LRU.

The version a panel is valid for is read for every request (once per request:
``indicators.storage.read_memo``), so no write is ever missed: ``Store.data_version``
(indicator data, localities, groups), ``GroupworkStore.last_change`` (every audited write:
group work, plans, ideas' moderation, settings) and whether example data is shown. What rests on
the store alone (a locality's panel: ``group_work=False``) leaves the audited writes out of its
key, so saving an activity keeps every warm locality panel warm.

``cached_view`` returns what it keeps as built; ``cached_markup`` keeps markup frozen
(``static_tree.freeze``) as the JSON-ready dicts Dash would send for it — then Dash's
per-component serialisation is skipped too, and a cache hit costs about a
millisecond. Callers must not change what they get: it is shared.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any
from weakref import WeakKeyDictionary

from dash.development.base_component import Component
from plotly.io.json import to_json_plotly

from dashboard.components.static_tree import StaticTree, freeze
from dashboard.data import DashboardData

PANEL_CACHE_SIZE = 256
"""Panels kept per app: every locality and the overviews of many layers, a few MB at most."""


class PanelCache:
    """A bounded, thread-safe LRU of built panels (gunicorn's threads share one per worker)."""

    def __init__(self, size: int = PANEL_CACHE_SIZE) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The panel stored under ``key``, or ``build()``'s, stored (built outside the lock)."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
            self.misses += 1
        panel = build()
        with self._lock:
            self._entries[key] = panel
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return panel

    def __len__(self) -> int:
        return len(self._entries)


_CACHES: WeakKeyDictionary[DashboardData, PanelCache] = WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def panel_cache_of(data: DashboardData) -> PanelCache:
    """The cache of ``data``'s app (made on first use; gone with the app)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(data)
        if cache is None:
            cache = _CACHES[data] = PanelCache()
        return cache


def data_version(data: DashboardData, group_work: bool = True) -> tuple[int, int | None, bool]:
    """What a panel's content rests on: indicator data, audited writes (unless ``group_work`` is
    False: the content shows nothing group work, plans or ideas write), the example-data setting."""
    return data.store.data_version(), data.gw.last_change() if group_work else None, data.example_data()


def plain(component: Any) -> Any:
    """A component tree as the JSON-ready dicts and lists Dash sends for it.

    A ``StaticTree``'s nodes are JSON-ready as built (strings, numbers, dicts and lists: see
    ``static_tree.node``) and are taken as they are; writing a panel's thousands of nodes out as
    JSON and reading them back cost 7 ms of a cold panel's 50 at 60 indicators. Everything else
    goes the way Dash sends it (``to_json_plotly``).
    """
    if isinstance(component, StaticTree):
        return component.to_plotly_json()
    if isinstance(component, Component):
        as_json = component.to_plotly_json()
        return {**as_json, "props": {name: plain(value) for name, value in as_json["props"].items()}}
    if isinstance(component, (list, tuple)):
        return [plain(item) for item in component]
    if component is None or isinstance(component, (str, int, float, bool)):
        return component
    return json.loads(to_json_plotly(component))


def cached_view(data: DashboardData, key: Hashable, build: Callable[[], Any], *, group_work: bool = True) -> Any:
    """What ``build`` makes for ``key`` (all it depends on but the data), made at most once per data version
    (``data_version``: with ``group_work=False`` audited writes leave it alone).

    The panels use it, and so do the map's layer values, which the overview panel and the map's
    colours share (reading 2,000 localities' figures for a layer is the slow part of both).
    """
    return panel_cache_of(data).get((key, data_version(data, group_work)), build)


def cached_markup(data: DashboardData, key: Hashable, build: Callable[[], Any], *, group_work: bool = True) -> Any:
    """``cached_view`` for markup: its static parts frozen (``static_tree.freeze``) and kept as the
    JSON-ready dicts Dash sends (``plain``), so a repeat costs neither Dash's writing of hundreds of
    components (19 ms for a groups page with two lists of 50) nor the browser's drawing of them."""
    return cached_view(data, key, lambda: plain(freeze(build())), group_work=group_work)

