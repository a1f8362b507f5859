"""Plans and the change view through the real HTTP layer (issue 15): who may write which plan,
forged plan ids, text shown as typed, and the change view's dates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard.app import create_app
from dashboard.exports.changes_report import changes_report_html
from dashboard.server.settings import Settings
from indicators.groupwork import service
from indicators.groupwork.records import Initiative, InitiativeStatus, Role
from indicators.groupwork.store import GroupworkStore
from indicators.plans import service as plans_service
from indicators.plans.records import Plan, PlanItem
from indicators.plans.store import PlansStore
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "storebro": "storebro-lösen-1", "tuna": "tuna-lösenord-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}
YEAR = date.today().year
TYPED = "{{ 7*7 }} <script>alert(1)</script> {% if 1 %}x{% endif %}"


@pytest.fixture
def world(store, database_url):
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    for locality in ("storebro", "tuna"):
        service.create_user(gw, admin, locality, PASSWORDS[locality], Role.EDITOR, locality, known_localities=LOCALITIES)
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    return app, gw, PlansStore(store), admin


def client_as(app, who: str | None) -> DashClient:
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def shown(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("who", "locality", "allowed"),
    [(None, "storebro", False), ("storebro", "storebro", True), ("storebro", "tuna", False),
     ("tuna", "storebro", False), ("admin", "tuna", True)],
)
def test_starting_a_years_plan(world, who, locality, allowed):
    app, _gw, plans, _admin = world
    response = client_as(app, who).call(
        "plan-start.n_clicks", {"plan-start.n_clicks": 1, "plan-locality.value": locality, "plan-year.value": YEAR,
                                "plan-refresh.data": 0})
    assert response.status_code == 200
    assert (plans.plan(locality, YEAR) is not None) is allowed
    if not allowed:
        assert "behörighet" in shown(response) or "inloggad" in shown(response).lower()


def test_an_editor_cannot_overwrite_another_localitys_plan_by_forging_its_id(world):
    app, gw, plans, admin = world
    tuna = plans_service.save_plan(plans, admin, Plan("tuna", YEAR, "Tunas vision"), known_localities=LOCALITIES,
                                   initiative_localities={})
    values = {"plan-save.n_clicks": 1, "plan-locality.value": "storebro", "plan-year.value": YEAR,
              "plan-version.data": {"id": tuna.id, "version": tuna.version}, "plan-vision.value": "Kapad",
              "plan-refresh.data": 0}
    response = client_as(app, "storebro").call("plan-save.n_clicks", values)
    assert response.status_code == 200
    assert plans.plan("tuna", YEAR).vision == "Tunas vision"


def test_text_in_a_plan_is_shown_as_typed(world):
    app, gw, plans, admin = world
    initiative = gw.save_initiative(Initiative("storebro", TYPED, InitiativeStatus.ONGOING, areas=("leva",)), username="t")
    plans_service.save_plan(plans, admin, Plan("storebro", YEAR, TYPED, (), (PlanItem(TYPED, initiative_ids=(initiative.id,)),)),
                            known_localities=LOCALITIES, initiative_localities={initiative.id: "storebro"})
    response = client_as(app, None).call(
        "plan-refresh.data", {"plan-locality.value": "storebro", "plan-year.value": YEAR, "plan-refresh.data": 0})
    body = response.get_json()
    assert json.dumps(body, ensure_ascii=False).count(json.dumps(TYPED, ensure_ascii=False)[1:-1]) >= 3
    assert "49" not in json.dumps(body)


def test_the_printable_report_escapes_what_people_typed(world):
    app, gw, _plans, _admin = world
    gw.save_initiative(Initiative("storebro", TYPED, InitiativeStatus.ONGOING, areas=("leva",), start=date(YEAR, 1, 2)),
                       username="t")
    with app.server.test_request_context("/"):
        document = changes_report_html(app.server.extensions["allas_dashboard_data"], date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "{{ 7*7 }}" in document and "<script>alert" not in document


def test_the_change_view_refuses_dates_out_of_order_and_says_when_nothing_changed(world):
    app, *_ = world
    client = client_as(app, None)
    backwards = client.call("changes-start.date", {"changes-start.date": "2025-02-01", "changes-end.date": "2024-02-01"})
    assert "före startdatum" in shown(backwards)
    empty = client.call("changes-start.date", {"changes-start.date": "2001-01-01", "changes-end.date": "2001-02-01"})
    assert "Inget har ändrats" in shown(empty)
