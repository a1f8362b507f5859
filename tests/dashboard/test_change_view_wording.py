"""The change view's count lines agree with their numbers ("1 aktivitet", not "1 aktiviteter").

The page /sedan-motet and its report print these lines as they are, so a count
glued to a plural noun shows on the projector at every strategic meeting.
"""

from __future__ import annotations

from datetime import date

from dashboard.views.plans import change_view
from indicators.groupwork import service as gw_service
from indicators.groupwork.records import Activity, ActivityKind

START, END = date(2001, 6, 1), date(2001, 6, 30)


def _save_activities(dashboard_data, *participants: int) -> None:
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    for count in participants:
        gw_service.save_activity(dashboard_data.gw, admin,
                                 Activity("tuna", date(2001, 6, 10), ActivityKind.MEETING, "Gruppmöte", count),
                                 known_localities=dashboard_data.locality_ids())


def _tuna(view):
    return next(row for row in view.rows if row.locality_id == "tuna")


def test_one_activity_is_counted_in_the_singular(dashboard_data):
    _save_activities(dashboard_data, 11)
    assert _tuna(change_view(dashboard_data, START, END, "sv")).activities == "1 aktivitet, 11 deltagare"
    assert _tuna(change_view(dashboard_data, START, END, "en")).activities == "1 activity, 11 participants"


def test_two_activities_are_counted_in_the_plural(dashboard_data):
    _save_activities(dashboard_data, 11, 4)
    assert _tuna(change_view(dashboard_data, START, END, "sv")).activities == "2 aktiviteter, 15 deltagare"
    assert _tuna(change_view(dashboard_data, START, END, "en")).activities == "2 activities, 15 participants"
