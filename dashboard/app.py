"""The app factory: one Dash app per call, with its own data and callbacks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from dash import Dash, html

from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.pages.changes import changes_page
from dashboard.pages.changes_callbacks import register_changes_callbacks
from dashboard.pages.compare import compare_page
from dashboard.pages.compare_callbacks import register_compare_callbacks
from dashboard.pages.groups import groups_page
from dashboard.pages.groups_callbacks import register_groups_callbacks
from dashboard.pages.help import help_page
from dashboard.pages.ideas import ideas_page
from dashboard.pages.ideas_callbacks import register_ideas_callbacks
from dashboard.pages.importing import import_page, register_import_callbacks
from dashboard.pages.map import map_page
from dashboard.pages.map_callbacks import register_map_callbacks
from dashboard.pages.method import method_page
from dashboard.pages.plans import plans_page
from dashboard.pages.plans_callbacks import register_plans_callbacks
from dashboard.pages.presentation import presentation_page
from dashboard.pages.presentation_callbacks import register_presentation_callbacks
from dashboard.pages.readiness import readiness_page
from dashboard.pages.readiness_callbacks import register_readiness_callbacks
from dashboard.pages.routing import register_navigation, register_pages
from dashboard.pages.shell import build_shell
from dashboard.pages.staff import register_staff_callbacks, staff_page
from dashboard.server.auth import register_auth, safe_next, trusted_proxies
from dashboard.server.cache_headers import register_cache_headers
from dashboard.server.compression import register_compression
from dashboard.server.language import current_language, register_language_route
from dashboard.server.marker_details import register_marker_routes
from dashboard.server.not_found import register_not_found_status
from dashboard.server.request_limits import register_request_limit
from dashboard.server.request_memo import register_read_memo
from dashboard.server.secret import load_or_create_secret
from dashboard.server.security_headers import register_security_headers
from dashboard.server.settings import Settings
from dashboard.server.vendor import register_vendor_routes
from dashboard.views.public_names import (
    CHANGES_PATH,
    COMPARE_PATH,
    GROUPS_PATH,
    HELP_PATH,
    IDEAS_PATH,
    IMPORT_PATH,
    MAP_PATH,
    METHOD_PATH,
    PLANS_PATH,
    PRESENT_PATH,
    READINESS_PATH,
    STAFF_PATH,
)
from dashboard.views.warm_up import start_warm_up
from indicators.audit import log as audit_log
from indicators.groupwork.service import upgrade_password_hash
from indicators.observations.import_log import utc_now
from indicators.storage.store import Store

PAGES = {
    MAP_PATH: ("dashboard.pages.map", map_page),
    COMPARE_PATH: ("dashboard.pages.compare", compare_page),
    GROUPS_PATH: ("dashboard.pages.groups", groups_page),
    PLANS_PATH: ("dashboard.pages.plans", plans_page),
    CHANGES_PATH: ("dashboard.pages.changes", changes_page),
    IDEAS_PATH: ("dashboard.pages.ideas", ideas_page),
    IMPORT_PATH: ("dashboard.pages.importing", import_page),
    METHOD_PATH: ("dashboard.pages.method", method_page),
    HELP_PATH: ("dashboard.pages.help", help_page),
    PRESENT_PATH: ("dashboard.pages.presentation", presentation_page),
    STAFF_PATH: ("dashboard.pages.staff", staff_page),
    READINESS_PATH: ("dashboard.pages.readiness", readiness_page),
}
"""Every page: path → (Dash Pages module name, layout builder)."""


def create_app(
    settings: Settings, store: Store | None = None, *, clock: Callable[[], datetime] = utc_now
) -> Dash:
    """Build the app; the database is created and seeded on first use.

    Dash serves its own scripts (``serve_locally``), Leaflet comes from the
    ``/vendor`` route, so the page makes no request beyond this server. Pages
    are Dash Pages registered here (``routing.register_pages``: the registry is
    global, the layouts find this app's data per request); ``validation_layout``
    lists every page so Dash still checks each callback's ids. ``clock`` (UTC) times
    sessions and failed sign-ins, so tests can move time without sleeping.
    """
    store = store or Store.open(settings.database_url)
    data = DashboardData(store, settings.municipality_code)
    app = Dash(
        __name__,
        title=text("app_title"),
        serve_locally=True,
        update_title=None,
        suppress_callback_exceptions=True,
        use_pages=True,
        pages_folder="",  # pages are registered below, not imported from a folder
        include_pages_meta=False,  # the page head stays as it was
    )
    app.layout = build_shell
    app.validation_layout = lambda: html.Div([build_shell(), *[page(data) for _, page in PAGES.values()]])
    register_request_limit(app.server, settings.max_request_mb)  # before anything reads a body
    register_read_memo(app.server)  # before any hook reads the database
    register_compression(app.server)  # registered first, so it runs after every other response hook
    register_cache_headers(app.server)
    register_security_headers(app.server, settings.tiles)
    register_vendor_routes(app.server)
    register_marker_routes(app.server, data.store)  # a map popup's description, fetched when it opens
    register_auth(
        app.server,
        secret_key=settings.secret_key or load_or_create_secret(),
        secure_cookies=settings.secure_cookies,
        find_user=data.gw.user_by_name,
        load_user=data.gw.user,
        engine=store.engine,  # sessions and failed sign-ins (aggregated in the audit log) live in the database
        on_sign_in=lambda user: data.gw.log_event(username=user.username, action="sign-in", entity="user",
                                                  entity_id=str(user.id), summary=audit_log.SIGNED_IN),
        upgrade_hash=lambda user, password: upgrade_password_hash(data.gw, user, password),
        clock=clock,
        proxies=trusted_proxies(),
    )
    register_language_route(app.server, safe_next)
    _declare_page_language(app)
    register_pages(app, data, PAGES)
    register_not_found_status(app)  # unknown paths: the same not-found page, with status 404
    register_navigation(app, data)
    register_groups_callbacks(app, data)
    register_ideas_callbacks(app, data)
    register_staff_callbacks(app, data)
    register_presentation_callbacks(app, data)
    register_map_callbacks(app, data, settings.tiles, settings.prefetch_panels)
    register_compare_callbacks(app, data)
    register_import_callbacks(app, data)
    register_readiness_callbacks(app, data)
    register_plans_callbacks(app, data)
    register_changes_callbacks(app, data)
    if settings.warm_panels is not None:
        start_warm_up(data, settings.warm_panels)
    return app


def _declare_page_language(app: Dash) -> None:
    """``<html lang="sv">`` (or "en"): screen readers and browsers must know the page's language."""
    render = app.interpolate_index

    def with_language(**parts: str) -> str:
        page = render(**parts)
        return page.replace("<html>", f'<html lang="{current_language()}">', 1)

    app.interpolate_index = with_language
