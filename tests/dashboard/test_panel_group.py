"""The panel's group section names the group once."""

from __future__ import annotations

from dashboard.views.map import panel_content
from tests.dashboard.helpers import texts


def test_a_group_named_lokal_utvecklingsgrupp_storebro_is_not_headed_lokal_utvecklingsgrupp_again(dashboard_data):
    group = dashboard_data.store.group("storebro")
    shown = texts(panel_content(dashboard_data, "storebro", None, "sv"))
    assert group is not None and "Lokal utvecklingsgrupp" in group.name
    assert shown.count("Lokal utvecklingsgrupp") == 1
    assert group.name in shown
