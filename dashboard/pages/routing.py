"""Which page a path shows: Dash Pages, registered by the app factory.

Paths live in ``dashboard.views.public_names``. Dash Pages keeps one
registry per process while ``create_app`` may build several apps in one
process (tests, workers), so the registered layouts hold no app's data:
each looks up the data of the app serving the request (``flask.current_app``).
Registering again replaces the entry with an equal one.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import dash
import flask
from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.auth import CSRF_FIELD, LOGIN_PATH, LOGOUT_PATH, csrf_token
from dashboard.server.language import SWITCH_PATH, current_language
from dashboard.views.public_names import (
    CHANGES_PATH,
    COMPARE_PATH,
    GROUPS_PATH,
    HELP_PATH,
    IDEAS_PATH,
    IMPORT_PATH,
    MAP_PATH,
    METHOD_PATH,
    NOT_FOUND_PATH,
    PLANS_PATH,
    PRESENT_PATH,
    READINESS_PATH,
    STAFF_PATH,
)
from indicators.groupwork.records import Role, User
from indicators.i18n.texts import N_

NAV_ITEMS = ((MAP_PATH, N_("nav_map")), (COMPARE_PATH, N_("nav_compare")), (GROUPS_PATH, N_("nav_groups")), (PLANS_PATH, N_("nav_plans")), (CHANGES_PATH, N_("nav_changes")),
             (IDEAS_PATH, N_("nav_ideas")),
             (IMPORT_PATH, N_("nav_import")), (METHOD_PATH, N_("nav_method")), (HELP_PATH, N_("nav_help")), (PRESENT_PATH, N_("nav_present")),
             (STAFF_PATH, N_("nav_staff")), (READINESS_PATH, N_("nav_readiness")))
STAFF_ONLY_PATHS = frozenset({STAFF_PATH, READINESS_PATH})
"""Pages the menu shows to admins only (their layouts refuse everyone else on the server)."""
DATA_KEY = "allas_dashboard_data"
"""Where each app keeps its ``DashboardData`` in ``flask.Flask.extensions``."""
NOT_FOUND_MODULE = "dashboard.pages.not_found_404"
"""Dash Pages shows the page whose module name ends in ``not_found_404`` for unknown paths."""

PageBuilder = Callable[[DashboardData], html.Div]


def register_pages(app: Dash, data: DashboardData, pages: dict[str, tuple[str, PageBuilder]]) -> None:
    """Register every page (module name, builder) under its path, plus the not-found page.

    The staff page is registered for everyone: its builder shows non-staff
    visitors the refusal, so the rule stays on the server, not in the menu.
    """
    app.server.extensions[DATA_KEY] = data
    for path, (module, build) in pages.items():
        dash.register_page(module, path=path, name=module.rsplit(".", 1)[-1], title=_app_title,
                           layout=_current_app_layout(build), description="")
    dash.register_page(NOT_FOUND_MODULE, path=NOT_FOUND_PATH, name="not_found_404", title=_not_found_title,
                       layout=not_found_page, description="")


def _current_app_layout(build: PageBuilder) -> Callable[..., html.Div]:
    def layout(**_query: str) -> html.Div:
        """The page for the app answering; query parameters are read by the pages' own callbacks (url_state)."""
        return build(flask.current_app.extensions[DATA_KEY])

    return layout


def _app_title(**_path_variables: str) -> str:
    return text("app_title")


def _not_found_title(**_path_variables: str) -> str:
    return f"{text('not_found_title')} – {text('app_title')}"


def not_found_page(**_query: str) -> html.Div:
    return html.Div([html.H2(text("not_found_title")), html.P(text("not_found_body"))], className="page-missing")


def register_navigation(app: Dash, data: DashboardData) -> None:
    """The menu follows the path and the signed-in user."""

    @app.callback(Output(ids.NAV, "children"), Input(ids.ROOT_URL, "pathname"), Input(ids.ROOT_URL, "search"))
    def _navigation(pathname, search):
        user = data.current_user()
        return [*nav_links(pathname, user), user_status(user, pathname, data.names(), search),
                language_link(pathname, search)]


def normalise(pathname: str | None) -> str:
    path = (pathname or "/").rstrip("/")
    return path or "/"


def returning_to(route: str, pathname: str | None, search: str | None = None) -> str:
    """``route`` with ``next=`` the page and view the user is on (``/grupper?ort=storebro``), encoded.

    The sign-in and language routes send the user back there; they accept only paths on this
    site (``dashboard.server.auth.safe_next``), whatever a link says.
    """
    query = search if search and search.startswith("?") and len(search) > 1 else ""
    return f"{route}?{urlencode({'next': normalise(pathname) + query})}"


def user_status(user: User | None, pathname: str | None, names: dict[str, str],
                search: str | None = None) -> html.Div:
    """Who is signed in, with a sign-out button (a POST form carrying the CSRF token)."""
    if user is None:
        return html.Div(html.A(text("login_link"), href=returning_to(LOGIN_PATH, pathname, search),
                               className="nav-link"), className="user-status")
    role = text("role_admin") if user.role is Role.ADMIN else text(
        "role_editor", locality=names.get(user.locality_id or "", user.locality_id or ""))
    return html.Div(
        [
            html.Span(text("signed_in_as", user=user.username) + f" ({role})", className="user-name"),
            html.Form(
                [dcc.Input(type="hidden", name=CSRF_FIELD, value=csrf_token()),
                 html.Button(text("logout_button"), type="submit", className="button small secondary")],
                action=LOGOUT_PATH, method="POST", className="logout-form",
            ),
        ],
        className="user-status",
    )


def language_link(pathname: str | None, search: str | None = None) -> html.A:
    """Switch between Swedish and English; the choice is remembered in a cookie."""
    other = "en" if current_language() == "sv" else "sv"
    return html.A(text("language_switch"), href=returning_to(f"{SWITCH_PATH}/{other}", pathname, search),
                  className="nav-link language-link", lang=other)


def nav_links(pathname: str | None, user: User | None = None) -> list:
    """The pages; the staff pages only for those who may use them."""
    current = normalise(pathname)
    return [
        dcc.Link(text(key), href=path, className="nav-link active" if path == current else "nav-link")
        for path, key in NAV_ITEMS
        if path not in STAFF_ONLY_PATHS or (user is not None and user.role is Role.ADMIN)
    ]
