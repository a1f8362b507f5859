"""Run-time settings of the dashboard, gathered from flags and the environment once."""

from __future__ import annotations

from dataclasses import dataclass

TILE_CHOICES = ("none", "osm")
MAX_REQUEST_MB_ENV = "ALLAS_MAX_REQUEST_MB"
DEFAULT_MAX_REQUEST_MB = 25
"""Largest request body, in MB (MiB). An upload travels base64-encoded inside Dash's JSON (4/3 of
the file), so 25 MB lets a file of about 18 MB through (``dashboard.server.request_limits``) — far above
the largest real import — while a 200 MB body is refused before it is read."""

PREFETCH_PANELS_ENV = "ALLAS_PREFETCH_PANELS"
DEFAULT_PREFETCH_PANELS = 25
"""The most localities whose panels a map page fetches all at once, so a choice shows without a round
trip (``dashboard.views.panel_prefetch``, decision 83); the municipality has ten."""


@dataclass(frozen=True)
class Settings:
    """What an app instance needs to know; tests build one per app.

    ``tiles`` is "none" by default: the map then needs no network at all and
    still shows the boundary, areas and localities. "osm" adds OpenStreetMap
    tiles for when a network is there.
    """

    database_url: str
    municipality_code: str = "0884"
    tiles: str = "none"
    secret_key: str = ""
    """Signs session cookies. Empty: generated once and kept in the user's data directory."""
    secure_cookies: bool = False
    """Send cookies only over HTTPS; turn on when the app is served behind TLS."""
    warm_panels: int | None = None
    """Localities whose map panels each server process builds when it starts, in the background
    (``dashboard.views.warm_up``); None builds nothing (tests). ``--warm-panels`` or
    ``ALLAS_WARM_PANELS``, 20 when started from the command line."""
    max_request_mb: int = DEFAULT_MAX_REQUEST_MB
    """Requests with a larger body are refused (413) before they are parsed; uploads are capped to fit.
    ``--max-request-mb`` or ``ALLAS_MAX_REQUEST_MB``."""
    prefetch_panels: int = DEFAULT_PREFETCH_PANELS
    """A map page with at most this many localities fetches every panel once it has drawn; 0 never.
    ``--prefetch-panels`` or ``ALLAS_PREFETCH_PANELS``."""
