"""The app factory: one Dash app per call, with its own data and callbacks."""

from __future__ import annotations

from dash import Dash, html

from dashboard.compare_callbacks import register_compare_callbacks
from dashboard.compare_page import compare_page
from dashboard.data import DashboardData
from dashboard.import_page import import_page, register_import_callbacks
from dashboard.map_callbacks import register_map_callbacks
from dashboard.map_page import map_page
from dashboard.messages import text
from dashboard.method_page import method_page
from dashboard.routing import COMPARE_PATH, IMPORT_PATH, MAP_PATH, METHOD_PATH, register_routing
from dashboard.settings import Settings
from dashboard.shell import build_shell
from dashboard.vendor import register_vendor_routes
from indicators.storage import Store

PAGES = {MAP_PATH: map_page, COMPARE_PATH: compare_page, IMPORT_PATH: import_page, METHOD_PATH: method_page}


def create_app(settings: Settings, store: Store | None = None) -> Dash:
    """Build the app; the database is created and seeded on first use.

    Dash serves its own scripts (``serve_locally``), Leaflet comes from the
    ``/vendor`` route, so the page makes no request beyond this server. Pages
    are swapped by one routing callback; ``validation_layout`` lists every
    page so Dash still checks each callback's ids.
    """
    store = store or Store.open(settings.database_url)
    data = DashboardData(store, settings.municipality_code, allow_upload=settings.allow_upload)
    app = Dash(
        __name__,
        title=text("app_title"),
        serve_locally=True,
        update_title=None,
        suppress_callback_exceptions=True,
    )
    app.layout = build_shell
    app.validation_layout = lambda: html.Div([build_shell(), *[page(data) for page in PAGES.values()]])
    register_vendor_routes(app.server)
    register_routing(app, data, PAGES)
    register_map_callbacks(app, data, settings.tiles)
    register_compare_callbacks(app, data)
    register_import_callbacks(app, data)
    return app
