"""The groups page makes what every visitor of a period sees alike once per data version, and a
write shows at once: the counts, the timeline and the lists are never older than the data."""

from __future__ import annotations

from datetime import date

from dashboard import ids
from dashboard.views.groups import render_groups
from dashboard.views.panel_cache import panel_cache_of
from indicators.groupwork.records import Activity, ActivityKind
from tests.dashboard.helpers import find, texts


def test_a_second_visitor_gets_the_page_from_what_the_first_one_made(dashboard_data):
    first = render_groups(dashboard_data, "storebro", "12m", "sv")
    cache = panel_cache_of(dashboard_data)
    misses = cache.misses

    second = render_groups(dashboard_data, "storebro", "12m", "sv")

    assert cache.misses == misses  # counts, overview, timeline, progress and both lists: all kept
    assert texts(second.detail) == texts(first.detail) and texts(second.overview) == texts(first.overview)


def test_a_new_activity_shows_in_the_list_and_the_counts_at_once(dashboard_data):
    before = render_groups(dashboard_data, "storebro", "12m", "sv")
    assert "Städdag vid ån" not in texts(before.detail)

    dashboard_data.gw.save_activity(Activity("storebro", date.today(), ActivityKind.MEETING, "Städdag vid ån", 14,
                                             areas=("leva",)), username="test")

    after = render_groups(dashboard_data, "storebro", "12m", "sv")
    assert "Städdag vid ån" in texts(find(after.detail, ids.GW_ACTIVITY_LIST))
    assert texts(after.overview) != texts(before.overview)  # the locality's count went up


def test_each_language_gets_its_own_page(dashboard_data):
    swedish = render_groups(dashboard_data, "storebro", "12m", "sv")
    english = render_groups(dashboard_data, "storebro", "12m", "en")

    assert texts(swedish.overview) != texts(english.overview)
