"""Which page a path shows. Paths are Swedish because people share them."""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.server.auth import CSRF_FIELD, LOGIN_PATH, LOGOUT_PATH, csrf_token
from dashboard.server.language import SWITCH_PATH, current_language
from indicators.groupwork.records import Role, User

MAP_PATH = "/"
COMPARE_PATH = "/jamfor"
GROUPS_PATH = "/grupper"
IMPORT_PATH = "/importera"
METHOD_PATH = "/metod"
STAFF_PATH = "/personal"
PRESENT_PATH = "/presentation"

NAV_ITEMS = ((MAP_PATH, "nav_map"), (COMPARE_PATH, "nav_compare"), (GROUPS_PATH, "nav_groups"),
             (IMPORT_PATH, "nav_import"), (METHOD_PATH, "nav_method"), (PRESENT_PATH, "nav_present"),
             (STAFF_PATH, "nav_staff"))


def register_routing(app: Dash, data: DashboardData, pages: dict[str, Callable[[DashboardData], html.Div]]) -> None:
    """One callback swaps the page; unknown paths get a page that says so."""

    @app.callback(Output(ids.PAGE, "children"), Output(ids.NAV, "children"), Input(ids.ROOT_URL, "pathname"))
    def _route(pathname):
        user = data.current_user()
        return page_for(pathname, data, pages), [*nav_links(pathname, user), user_status(user, pathname, data.names()),
                                                 language_link(pathname)]


def page_for(pathname: str | None, data: DashboardData, pages) -> html.Div:
    build = pages.get(normalise(pathname))
    if build is None:
        return html.Div([html.H2(text("not_found_title")), html.P(text("not_found_body"))], className="page-missing")
    return build(data)


def normalise(pathname: str | None) -> str:
    path = (pathname or "/").rstrip("/")
    return path or "/"


def user_status(user: User | None, pathname: str | None, names: dict[str, str]) -> html.Div:
    """Who is signed in, with a sign-out button (a POST form carrying the CSRF token)."""
    if user is None:
        return html.Div(html.A(text("login_link"), href=f"{LOGIN_PATH}?next={normalise(pathname)}",
                               className="nav-link"), className="user-status")
    role = text("role_admin") if user.role is Role.ADMIN else text(
        "role_editor", locality=names.get(user.locality_id or "", user.locality_id or ""))
    return html.Div(
        [
            html.Span(text("signed_in_as", user=user.username) + f" ({role})", className="user-name"),
            html.Form(
                [dcc.Input(type="hidden", name=CSRF_FIELD, value=csrf_token()),
                 html.Button(text("logout_button"), type="submit", className="button small secondary")],
                action=LOGOUT_PATH, method="post", className="logout-form",
            ),
        ],
        className="user-status",
    )


def language_link(pathname: str | None) -> html.A:
    """Switch between Swedish and English; the choice is remembered in a cookie."""
    other = "en" if current_language() == "sv" else "sv"
    return html.A(text("language_switch"), href=f"{SWITCH_PATH}/{other}?next={normalise(pathname)}",
                  className="nav-link language-link", lang=other)


def nav_links(pathname: str | None, user: User | None = None) -> list:
    """The pages; the staff page only for those who may use it."""
    current = normalise(pathname)
    return [
        dcc.Link(text(key), href=path, className="nav-link active" if path == current else "nav-link")
        for path, key in NAV_ITEMS
        if path != STAFF_PATH or (user is not None and user.role is Role.ADMIN)
    ]
