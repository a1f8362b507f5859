"""The "Underlag" page: its view model, its Excel file and who may see or download it."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from dashboard.app import create_app
from dashboard.pages.readiness import (
    READINESS_DOWNLOAD_BUTTON,
    READINESS_TABLE,
    readiness_page,
)
from dashboard.pages.routing import nav_links
from dashboard.server.settings import Settings
from dashboard.views.public_names import READINESS_PATH
from dashboard.views.readiness import readiness_view, readiness_workbook
from indicators.accounts.gate import PermissionDenied
from indicators.core.model import Observation
from indicators.groupwork import service
from indicators.groupwork.records import Role
from indicators.groupwork.store import GroupworkStore
from indicators.metrics.readiness import Readiness
from tests.dashboard.dash_http import DashClient

PASSWORDS = {"admin": "admin-lösenord-1", "tuna": "tuna-lösenord-1"}
LOCALITIES = {"djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
              "tuna", "vimmerby"}


@pytest.fixture
def users(store):
    gw = GroupworkStore(store)
    admin = service.bootstrap_admin(gw, "admin", PASSWORDS["admin"])
    editor = service.create_user(gw, admin, "tuna", PASSWORDS["tuna"], Role.EDITOR, "tuna",
                                 known_localities=LOCALITIES)
    return admin, editor


def detail(view, indicator: str, place: str):
    return next(r for r in view.details if r.indicator_id == indicator and r.place_id == place)


def test_each_locality_and_indicator_says_real_example_other_basis_or_missing(dashboard_data, users):
    admin, _ = users
    view = readiness_view(dashboard_data, admin)
    frodinge = detail(view, "population", "frodinge")
    assert (frodinge.status, frodinge.value, frodinge.year) == (Readiness.REAL, 302, "2020")  # the map's figure
    assert frodinge.basis == "tätort (SCB)" and frodinge.source.startswith("SCB")
    assert detail(view, "population", "djursdala").status is Readiness.OTHER_BASIS
    services = detail(view, "services", "vimmerby")
    assert services.status is Readiness.EXAMPLE and services.status_text == "Exempeldata"
    assert detail(view, "mean_age", "kommun").status is Readiness.REAL  # a municipality indicator, once


def test_a_missing_figure_has_no_value_source_or_year(dashboard_data, users, store):
    admin, _ = users
    view = readiness_view(dashboard_data, admin)
    missing = [r for r in view.details if r.status is Readiness.MISSING]
    assert missing, "the bundled data lacks some municipality figures"
    assert all(r.value is None and r.source == "" and r.year == "" for r in missing)


def test_the_summary_counts_every_place_of_every_indicator(dashboard_data, users):
    admin, _ = users
    view = readiness_view(dashboard_data, admin)
    population = next(r for r in view.summary if r.indicator_id == "population")
    assert sum(population.counts) == 10
    assert population.counts[0] == 6 and population.counts[2] == 4  # six tätorter; four counted otherwise
    assert sum(view.totals.values()) == len(view.details)


def test_a_real_import_turns_an_example_cell_real(dashboard_data, users, store):
    admin, _ = users
    store.save_observations([Observation("services", "vimmerby", 2025, 9.0, "Kommunens inventering 2025")])
    assert detail(readiness_view(dashboard_data, admin), "services", "vimmerby").status is Readiness.REAL


def test_the_excel_file_lists_every_cell_and_the_counts_with_formulas_kept_as_text(dashboard_data, users, store):
    admin, _ = users
    store.save_observations([Observation("services", "tuna", 2025, 3.0, '=HYPERLINK("http://x","klicka")')])
    view = readiness_view(dashboard_data, admin)
    book = load_workbook(io.BytesIO(readiness_workbook(view)))
    details, summary = book.worksheets
    rows = list(details.iter_rows(values_only=True))
    assert rows[0] == ("Indikator", "Plats", "Status", "Värde", "Enhet", "Räknegrund", "År", "Källa",
                       "Källans datum")
    assert len(rows) == 1 + len(view.details)
    assert ("Folkmängd", "Frödinge", "Verklig uppgift", 302, "invånare", "tätort (SCB)", "2020") == rows[
        next(i for i, r in enumerate(rows) if r[:2] == ("Folkmängd", "Frödinge"))][:7]
    tuna = next(r for r in details.iter_rows() if r[0].value == "Servicefunktioner på orten" and r[1].value == "Tuna")
    assert tuna[7].value == '=HYPERLINK("http://x","klicka")' and tuna[7].data_type == "s"  # text, never run
    counts = list(summary.iter_rows(values_only=True))
    assert counts[0] == ("Indikator", "Verklig uppgift", "Exempeldata", "Annan räknegrund", "Saknas")
    assert counts[-1] == ("Totalt", *view.totals.values())


def test_the_excel_file_speaks_english_when_asked(dashboard_data, users):
    admin, _ = users
    book = load_workbook(io.BytesIO(readiness_workbook(readiness_view(dashboard_data, admin, "en"), "en")))
    assert book.worksheets[0]["C1"].value == "Status" and book.worksheets[0]["B1"].value == "Place"
    assert book.worksheets[1]["B1"].value == "Real figure"


def test_only_admins_get_the_view(dashboard_data, users):
    _, editor = users
    for who in (None, editor):
        with pytest.raises(PermissionDenied):
            readiness_view(dashboard_data, who)


def test_the_menu_shows_underlag_to_admins_only(users):
    admin, editor = users
    assert READINESS_PATH in {link.href for link in nav_links("/", admin)}
    for who in (None, editor):
        assert READINESS_PATH not in {link.href for link in nav_links("/", who)}


# Through the real HTTP layer: the page and the download, as each kind of visitor.

@pytest.fixture
def app(store, database_url, users):
    return create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)


def client_as(app, who: str | None) -> DashClient:
    client = DashClient(app)
    if who is not None:
        client.sign_in(who, PASSWORDS[who])
    return client


def page_layout(client: DashClient) -> str:
    """The layout Dash Pages serves for /underlag, as text."""
    response = client.call("_pages_location.pathname",
                           {"_pages_location.pathname": READINESS_PATH, "_pages_location.search": ""})
    assert response.status_code == 200
    return json.dumps(response.get_json()["response"]["_pages_content"], ensure_ascii=False)


@pytest.mark.parametrize("who", ["admin", "tuna", None])
def test_the_download_goes_to_admins_only(app, who):
    response = client_as(app, who).call(f"{READINESS_DOWNLOAD_BUTTON}.n_clicks",
                                        {f"{READINESS_DOWNLOAD_BUTTON}.n_clicks": 1})
    if who == "admin":
        assert response.status_code == 200
        sent = response.get_json()["response"]["readiness-download"]["data"]
        assert sent["filename"] == "underlag.xlsx" and sent["base64"]
    else:
        assert response.status_code == 204  # nothing sent
        assert b"underlag.xlsx" not in response.data


@pytest.mark.parametrize("who", ["admin", "tuna", None])
def test_the_page_shows_the_table_to_admins_only(app, who):
    shown = page_layout(client_as(app, who))
    assert (READINESS_TABLE in shown) is (who == "admin")
    assert ("Den här sidan är för personal" in shown) is (who != "admin")
    assert ("Frödinge" in shown) is (who == "admin")


def test_the_page_layout_builds_for_an_admin_without_a_request_user(dashboard_data):
    # Outside a request nobody is signed in: the refusal, never the table.
    assert READINESS_TABLE not in str(readiness_page(dashboard_data))
