"""The app factory: one Dash app per call, with its own data and callbacks."""

from __future__ import annotations

from dash import Dash

from dashboard.callbacks import register_callbacks
from dashboard.data import DashboardData
from dashboard.layout import build_layout
from dashboard.messages import text
from dashboard.settings import Settings
from dashboard.vendor import register_vendor_routes
from indicators.storage import Store


def create_app(settings: Settings, store: Store | None = None) -> Dash:
    """Build the app; the database is created and seeded on first use.

    Dash serves its own scripts (``serve_locally``), Leaflet comes from the
    ``/vendor`` route, so the page makes no request beyond this server.
    """
    store = store or Store.open(settings.database_url)
    data = DashboardData(store, settings.municipality_code)
    app = Dash(
        __name__,
        title=text("app_title"),
        serve_locally=True,
        update_title=None,
        suppress_callback_exceptions=False,
    )
    app.layout = lambda: build_layout(data)
    register_vendor_routes(app.server)
    register_callbacks(app, data, settings.tiles)
    return app
