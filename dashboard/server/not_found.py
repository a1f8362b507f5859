"""HTTP 404 for a path that is no page, while the browser still shows the same not-found page.

Dash Pages answers every path with the app's index page and HTTP 200, then draws the page for the
path in the browser: for a path no page is registered under, the page whose module name ends in
``not_found_404``. People see "page not found", but link checkers, crawlers, monitoring and
anyone reading the status saw a live page, so a mistyped or removed link never showed up as
broken. This hook gives those answers status 404 and the not-found page's title; the body is the
same index page, so the browser draws the same not-found page (it fetches the layout and the
page's content by its own requests, whatever the status of the document was).

Only answers from Dash's two index routes (``/`` and ``/<path:path>`` under
``routes_pathname_prefix``) are looked at. Every other route (``/assets/…``, ``/_dash-…``,
``/vendor/…``, sign-in and sign-out, the language switch, and any route added later) is a Flask
route of its own and keeps its own status.
"""

from __future__ import annotations

import html

import dash
import flask
from dash import Dash

# Dash's router decides which page a path shows with this function (``dash.Dash._setup_routes``);
# asking the same function is what keeps the status and the page drawn from ever disagreeing
# (tests/dashboard/test_not_found_status.py checks both on the same paths).
from dash._pages import _path_to_page

NOT_FOUND_SUFFIX = "not_found_404"
"""Dash Pages shows the page whose module name ends in this for every unknown path."""
SHOWN_METHODS = frozenset({"GET", "HEAD"})


def page_path_id(app: Dash, path: str) -> str | None:
    """The path as Dash Pages matches it (no routes prefix, no slashes at the ends), or None when
    the path is outside the app's routes prefix."""
    prefix = app.config.routes_pathname_prefix.rstrip("/")
    if prefix:
        if path != prefix and not path.startswith(prefix + "/"):
            return None
        path = path[len(prefix):]
    return path.strip("/")


def shows_a_page(app: Dash, path: str) -> bool:
    """True when Dash Pages draws a registered page for ``path`` (not the not-found page)."""
    path_id = page_path_id(app, path)
    if path_id is None:
        return False
    page, _ = _path_to_page(path_id)
    return bool(page) and page["module"].split(".")[-1] != NOT_FOUND_SUFFIX


def not_found_title() -> str | None:
    """The not-found page's title as Dash Pages shows it, or None if no such page is registered."""
    for module, page in dash.page_registry.items():
        if module.split(".")[-1] == NOT_FOUND_SUFFIX:
            title = page.get("title")
            return title() if callable(title) else title
    return None


def _index_rules(app: Dash) -> frozenset[str]:
    prefix = app.config.routes_pathname_prefix
    return frozenset({prefix, f"{prefix}<path:path>"})


def register_not_found_status(app: Dash) -> None:
    """Answer 404 (with the not-found page's title) where Dash Pages would draw the not-found page.

    Call after the pages are registered; the registry is read per request, so pages registered
    later (or by another app in the same process) count as well.
    """
    index_rules = _index_rules(app)

    def unknown_page() -> bool:
        request = flask.request
        return (request.method in SHOWN_METHODS and request.url_rule is not None
                and request.url_rule.rule in index_rules and not shows_a_page(app, request.path))

    render = app.interpolate_index

    def with_not_found_title(**parts: str) -> str:
        if flask.has_request_context() and unknown_page() and (title := not_found_title()):
            parts["title"] = html.escape(title)
        return render(**parts)

    app.interpolate_index = with_not_found_title

    @app.server.after_request
    def _not_found_status(response: flask.Response) -> flask.Response:
        if response.status_code == 200 and unknown_page():
            response.status_code = 404
        return response
