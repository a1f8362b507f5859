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
    allow_upload: bool = True
    """Whether the import page accepts uploads. Until sign-in exists (issue 4) the
    CLI turns it on only when the app listens on this machine alone."""
