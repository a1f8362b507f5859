"""The side panel's cache (issue #13 item 5): built once per (panel, language, data version), rebuilt
after any write, bounded, shared by threads, and the same content as a freshly built panel."""

from __future__ import annotations

import json
import threading
from datetime import date

from plotly.io.json import to_json_plotly

from dashboard.components.static_tree import freeze
from dashboard.views.map import panel_content, panel_key
from dashboard.views.panel_cache import (
    PanelCache,
    cached_markup,
    cached_view,
    data_version,
    panel_cache_of,
)
from indicators.groupwork import service
from indicators.groupwork.records import Activity, ActivityKind
from tests.dashboard.helpers import texts

STATE = {"layer": "population", "year": "senaste", "weights": ""}


class Counting:
    """A panel builder that counts its calls."""

    def __init__(self, value: object = "panel") -> None:
        self.calls = 0
        self.value = value

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_the_panel_is_built_once_per_panel_and_language(dashboard_data):
    build = Counting()
    assert cached_view(dashboard_data, ("ort:storebro", "sv"), build) == "panel"
    assert cached_view(dashboard_data, ("ort:storebro", "sv"), build) == "panel"
    assert build.calls == 1
    cached_view(dashboard_data, ("ort:storebro", "en"), build)
    cached_view(dashboard_data, ("ort:tuna", "sv"), build)
    cached_view(dashboard_data, ("ort:storebro", "sv", 2), build)
    assert build.calls == 4


def test_any_audited_write_makes_the_next_panel_fresh(dashboard_data):
    build = Counting()
    cached_view(dashboard_data, ("ort:tuna", "sv"), build)
    before = data_version(dashboard_data)
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    service.save_activity(dashboard_data.gw, admin, Activity("tuna", date.today(), ActivityKind.WALK, "Byvandring", 9),
                          known_localities=dashboard_data.locality_ids())
    assert data_version(dashboard_data) != before
    cached_view(dashboard_data, ("ort:tuna", "sv"), build)
    assert build.calls == 2


def test_new_indicator_data_makes_the_next_panel_fresh(dashboard_data):
    build = Counting()
    cached_view(dashboard_data, ("ort:tuna", "sv"), build)
    deleted = dashboard_data.store.clear_examples()
    assert deleted  # the bundled example figures were there
    cached_view(dashboard_data, ("ort:tuna", "sv"), build)
    assert build.calls == 2


def test_the_cache_keeps_only_the_most_recently_used():
    cache = PanelCache(size=2)
    cache.get("a", lambda: 1), cache.get("b", lambda: 2), cache.get("a", lambda: 0), cache.get("c", lambda: 3)
    assert len(cache) == 2
    assert cache.get("a", lambda: "again") == 1  # used recently: kept
    assert cache.get("b", lambda: "again") == "again"  # least recently used: dropped


def test_the_cache_answers_many_threads_with_one_panel_each():
    cache, build = PanelCache(), Counting(object())
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", build))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(r is build.value for r in results)
    assert len(cache) == 1 and 1 <= build.calls <= 8  # two threads may both build a missing panel; one is kept


def test_a_cached_panel_is_the_panel_panel_content_builds(dashboard_data):
    key = panel_key("storebro", STATE)
    fresh = panel_content(dashboard_data, "storebro", STATE, "sv")
    cached = cached_view(dashboard_data, (key, "sv"), lambda: panel_content(dashboard_data, "storebro", STATE, "sv"))
    assert texts(cached) == texts(fresh) and "Storebro" in texts(cached)
    plain = cached_markup(dashboard_data, (key, "sv", "markup"),
                          lambda: panel_content(dashboard_data, "storebro", STATE, "sv"))
    assert plain == json.loads(to_json_plotly(freeze(fresh)))  # exactly what Dash would have sent
    assert texts(plain) == texts(fresh)
    assert panel_cache_of(dashboard_data).hits == 0 and len(panel_cache_of(dashboard_data)) == 2


def test_a_frozen_panel_is_sent_exactly_as_dash_would_write_it(dashboard_data):
    # plain() takes a StaticTree's nodes as they are instead of writing them out and reading them back.
    from dashboard.views.panel_cache import plain

    for locality in ("storebro", None):  # a locality's panel (nodes), the overview (Dash components with ids)
        frozen = freeze(panel_content(dashboard_data, locality, STATE, "sv"))
        assert plain(frozen) == json.loads(to_json_plotly(frozen))


def test_saving_group_work_keeps_the_locality_panels_warm_and_freshens_the_overview(dashboard_data):
    from dashboard.views.map import shown_panel

    cache = panel_cache_of(dashboard_data)
    shown_panel(dashboard_data, "tuna", STATE, "sv")
    shown_panel(dashboard_data, None, STATE, "sv")
    admin = service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    service.save_activity(dashboard_data.gw, admin, Activity("tuna", date.today(), ActivityKind.WALK, "Byvandring", 9),
                          known_localities=dashboard_data.locality_ids())
    hits = cache.hits
    shown_panel(dashboard_data, "tuna", STATE, "sv")
    assert cache.hits == hits + 1  # a locality's panel shows nothing group work writes
    shown_panel(dashboard_data, None, STATE, "sv")
    assert cache.hits == hits + 1  # the overview may show plans' priorities: made anew
