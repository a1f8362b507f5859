"""The groups page a page at a time (issue #13 item 4): a busy locality's lists show 50 rows with
"Visar 1–50 av N" and buttons to the next page, the next page comes over HTTP from the pager's
callback, and a busy period's timeline draws a point per week."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from dash import dcc, html

from dashboard import ids
from dashboard.app import create_app
from dashboard.components.groups_view import weekly_timeline_spec
from dashboard.components.pager import PAGE_SIZE, clamp_offset
from dashboard.server.settings import Settings
from dashboard.views.groups import (
    TIMELINE_POINTS_MAX,
    activity_page,
    initiative_page,
    render_groups,
)
from indicators.groupwork.records import (
    Activity,
    ActivityDay,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)
from indicators.observations.import_log import ImportOrigin
from tests.dashboard.dash_http import DashClient
from tests.dashboard.helpers import attribute, components, find, kind, nodes, prop, texts

ACTIVITIES, INITIATIVES = 120, 60


def _fill(gw, activities: int = ACTIVITIES, initiatives: int = INITIATIVES) -> None:
    from datetime import UTC, datetime

    origin = ImportOrigin("test", "bulk.csv", "csv", "0" * 64, datetime.now(UTC))
    today = date.today()
    gw.import_activities([Activity("storebro", today - timedelta(days=n), ActivityKind.WALK, f"Tur {n:03d}", n,
                                   areas=("leva",)) for n in range(activities)], username="test", origin=origin)
    gw.import_initiatives([Initiative("storebro", f"Initiativ {n:03d}", InitiativeStatus.ONGOING, areas=("verka",))
                           for n in range(initiatives)], username="test", origin=origin)


def _rows(component, name: str) -> list[str]:
    """The ``data-…`` ids of the table rows in a tree, in order: rows drawn as ``StaticTree`` nodes
    (a visitor's list) or, holding buttons, as Dash components (an editor's)."""
    rows = [prop(c, name) for c in components(component) if kind(c) == "Tr" and prop(c, name) is not None]
    return rows or [attribute(n, name) for n in nodes(component) if n["t"] == "tr" and attribute(n, name) is not None]


@pytest.fixture
def busy(dashboard_data):
    _fill(dashboard_data.gw)
    return dashboard_data


def test_paging_shows_the_first_fifty_of_each_list_and_says_how_many_there_are(busy):
    view = render_groups(busy, "storebro", "12m", "sv")
    activities = find(view.detail, ids.GW_ACTIVITY_LIST)
    initiatives = find(view.detail, ids.GW_INITIATIVE_LIST)
    newest = [a.id for a in busy.gw.activities(locality_ids=["storebro"])][:PAGE_SIZE]
    assert _rows(activities, "data-activity") == newest
    assert len(_rows(initiatives, "data-initiative")) == PAGE_SIZE
    assert f"Visar 1–50 av {ACTIVITIES}" in texts(activities)
    assert f"Visar 1–50 av {INITIATIVES}" in texts(initiatives)
    assert "Tur 000" in texts(activities) and "Tur 050" not in texts(activities)


def test_paging_the_next_page_continues_where_the_first_ended_and_the_last_is_short(busy):
    whole = [a.id for a in busy.gw.activities(locality_ids=["storebro"])]
    second = activity_page(busy, "storebro", "12m", PAGE_SIZE, "sv")
    assert _rows(second, "data-activity") == whole[PAGE_SIZE:2 * PAGE_SIZE]
    assert f"Visar 51–100 av {ACTIVITIES}" in texts(html.Div(second))
    last = activity_page(busy, "storebro", "12m", 2 * PAGE_SIZE, "en")
    assert _rows(last, "data-activity") == whole[2 * PAGE_SIZE:]
    assert f"Showing 101–{ACTIVITIES} of {ACTIVITIES}" in texts(html.Div(last))
    assert "Showing 51–60 of 60" in texts(html.Div(initiative_page(busy, "storebro", PAGE_SIZE, "en")))


def test_paging_buttons_lead_to_the_pages_around_and_stop_at_the_ends(busy):
    first = render_groups(busy, "storebro", "12m", "sv").detail
    buttons = [b for b in _buttons(find(first, ids.GW_ACTIVITY_LIST))]
    assert [(i["offset"], disabled) for i, disabled in buttons] == [(0, True), (PAGE_SIZE, False)]
    last = _buttons(html.Div(activity_page(busy, "storebro", "12m", 2 * PAGE_SIZE, "sv")))
    assert [(i["offset"], disabled) for i, disabled in last] == [(PAGE_SIZE, False), (3 * PAGE_SIZE, True)]


def _buttons(component) -> list[tuple[dict, bool]]:
    """The pager's buttons in a tree, as (id, disabled)."""
    return [(prop(c, "id"), bool(prop(c, "disabled"))) for c in components(component)
            if kind(c) == "Button" and isinstance(prop(c, "id"), dict)]


def test_paging_a_short_list_has_no_pager(dashboard_data):
    _fill(dashboard_data.gw, activities=3, initiatives=2)
    detail = render_groups(dashboard_data, "storebro", "12m", "sv").detail
    assert _buttons(find(detail, ids.GW_ACTIVITY_LIST)) == []
    assert "Visar" not in texts(find(detail, ids.GW_ACTIVITY_LIST))


@pytest.mark.parametrize("asked, expected", [(50, 50), (55, 50), (-50, 0), (10_000, 0), ("50", 0), (None, 0),
                                             (True, 0)])
def test_paging_reads_an_odd_offset_as_the_page_it_falls_in_or_the_first(asked, expected):
    assert clamp_offset(asked, total=120) == expected


def test_paging_over_http_a_click_on_next_answers_the_next_page(database_url):
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"))
    client = DashClient(app)
    from dashboard.data import DashboardData
    from indicators.storage.store import Store

    store = Store.open(database_url)
    _fill(DashboardData(store).gw)
    store.dispose()
    button = {"list": "activities", "offset": PAGE_SIZE, "type": ids.GW_PAGE}
    pattern = json.dumps({"list": "activities", "offset": ["ALL"], "type": ids.GW_PAGE}, separators=(",", ":"))
    body = {
        "output": f"{ids.GW_ACTIVITY_LIST}.children",
        "outputs": {"id": ids.GW_ACTIVITY_LIST, "property": "children"},
        "inputs": [[{"id": {"list": "activities", "offset": 0, "type": ids.GW_PAGE}, "property": "n_clicks"},
                    {"id": button, "property": "n_clicks", "value": 1}]],
        "state": [{"id": ids.GW_LOCALITY, "property": "value", "value": "storebro"},
                  {"id": ids.GW_PERIOD, "property": "value", "value": "12m"}],
        "changedPropIds": [json.dumps(button, separators=(",", ":")) + ".n_clicks"],
    }
    assert any(item["id"] == pattern for d in client.dependencies() for item in d["inputs"])
    response = client.client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": client.csrf})
    assert response.status_code == 200
    shown = json.dumps(response.get_json()["response"][ids.GW_ACTIVITY_LIST]["children"], ensure_ascii=False)
    assert "Visar 51–100 av 120" in shown and "Tur 050" in shown and "Tur 049" not in shown


def test_a_busy_period_draws_a_point_per_week_and_kind_with_its_counts():
    monday = date(2026, 3, 2)  # week 10
    days = [ActivityDay(monday, ActivityKind.WALK, 3, 40), ActivityDay(monday + timedelta(days=4), ActivityKind.WALK, 2,
                                                                       None),
            ActivityDay(monday + timedelta(days=7), ActivityKind.WALK, 1, 1234),
            ActivityDay(monday + timedelta(days=1), ActivityKind.MEETING, 1, None)]
    figure = weekly_timeline_spec(days, "<b>Storebro</b>", "sv")
    walks = next(t for t in figure["data"] if t["marker"]["symbol"] == "triangle-up")
    assert walks["x"] == ["2026-03-02", "2026-03-09"]
    assert walks["customdata"] == [["10 2026", "5", "40"], ["11 2026", "1", "1\xa0234"]]
    meetings = next(t for t in figure["data"] if t["marker"]["symbol"] == "circle")
    assert meetings["customdata"] == [["10 2026", "1", "–"]]  # no figure given: unknown, not zero
    assert "Vecka %{customdata[0]}" in walks["hovertemplate"]
    assert "&lt;b&gt;Storebro" in figure["layout"]["title"]["text"]  # the locality's name is data


def _timeline(detail) -> dict:
    graph = next(node for node in components(detail) if isinstance(node, dcc.Graph))
    return graph.figure


def test_the_timeline_has_a_point_per_activity_until_there_are_too_many(dashboard_data):
    _fill(dashboard_data.gw, activities=TIMELINE_POINTS_MAX, initiatives=0)
    each = _timeline(render_groups(dashboard_data, "storebro", "12m", "sv").detail)
    assert sum(len(trace["x"]) for trace in each["data"]) == TIMELINE_POINTS_MAX
    assert "Tur 007" in json.dumps(each["data"], ensure_ascii=False)
    _fill(dashboard_data.gw, activities=1, initiatives=0)
    weekly = _timeline(render_groups(dashboard_data, "storebro", "12m", "sv").detail)
    assert sum(len(trace["x"]) for trace in weekly["data"]) < 60  # weeks, not activities
    assert "Tur " not in json.dumps(weekly, ensure_ascii=False)
