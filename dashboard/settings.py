"""Run-time settings of the dashboard, gathered from flags and the environment once."""

from __future__ import annotations

from dataclasses import dataclass

TILE_CHOICES = ("none", "osm")


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
