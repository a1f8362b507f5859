"""Which page a path shows. Paths are Swedish because people share them."""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.messages import text

MAP_PATH = "/"
COMPARE_PATH = "/jamfor"
IMPORT_PATH = "/importera"
METHOD_PATH = "/metod"

NAV_ITEMS = ((MAP_PATH, "nav_map"), (COMPARE_PATH, "nav_compare"), (IMPORT_PATH, "nav_import"),
             (METHOD_PATH, "nav_method"))


def register_routing(app: Dash, data: DashboardData, pages: dict[str, Callable[[DashboardData], html.Div]]) -> None:
    """One callback swaps the page; unknown paths get a page that says so."""

    @app.callback(Output(ids.PAGE, "children"), Output(ids.NAV, "children"), Input(ids.ROOT_URL, "pathname"))
    def _route(pathname):
        return page_for(pathname, data, pages), nav_links(pathname)


def page_for(pathname: str | None, data: DashboardData, pages) -> html.Div:
    build = pages.get(normalise(pathname))
    if build is None:
        return html.Div([html.H2(text("not_found_title")), html.P(text("not_found_body"))], className="page-missing")
    return build(data)


def normalise(pathname: str | None) -> str:
    path = (pathname or "/").rstrip("/")
    return path or "/"


def nav_links(pathname: str | None) -> list:
    current = normalise(pathname)
    return [
        dcc.Link(text(key), href=path, className="nav-link active" if path == current else "nav-link")
        for path, key in NAV_ITEMS
    ]
