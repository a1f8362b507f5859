"""Serve third-party browser libraries from installed Python packages.

The map must draw at a meeting with no network, so Leaflet is never loaded
from a CDN and never committed to the repository: it comes from the XStatic
package pinned in pyproject.toml and is served by the app itself.
"""

from __future__ import annotations

from pathlib import Path

import flask
import xstatic.pkg.leaflet as xstatic_leaflet
import xstatic.pkg.leaflet_markercluster as xstatic_markercluster

VENDOR_PREFIX = "/vendor"

_PACKAGES: dict[str, Path] = {
    "leaflet": Path(xstatic_leaflet.BASE_DIR),
    "markercluster": Path(xstatic_markercluster.BASE_DIR),
}

LEAFLET_JS = f"{VENDOR_PREFIX}/leaflet/leaflet.js"
LEAFLET_CSS = f"{VENDOR_PREFIX}/leaflet/leaflet.css"
MARKERCLUSTER_JS = f"{VENDOR_PREFIX}/markercluster/leaflet.markercluster.js"
_ASSETS = Path(__file__).resolve().parents[1] / "assets"
"""Our own icon lives with the other assets (Dash links it as ``/_favicon.ico`` on its pages)."""

MARKERCLUSTER_CSS = (f"{VENDOR_PREFIX}/markercluster/MarkerCluster.css",
                     f"{VENDOR_PREFIX}/markercluster/MarkerCluster.Default.css")


def register_vendor_routes(server: flask.Flask) -> None:
    """Add ``/vendor/<package>/<file>`` and ``/favicon.ico`` to the Flask server behind the Dash app."""

    @server.route(f"{VENDOR_PREFIX}/<package>/<path:filename>")
    def vendor_file(package: str, filename: str) -> flask.Response:
        base = _PACKAGES.get(package)
        if base is None:
            flask.abort(404)
        # send_from_directory refuses paths that escape the base directory.
        response = flask.send_from_directory(base, filename, max_age=7 * 24 * 3600)
        return response

    @server.route("/favicon.ico")
    def favicon() -> flask.Response:
        """Browsers ask for it on every page that names no icon (the sign-in page, exports opened from disk)."""
        return flask.send_from_directory(_ASSETS, "favicon.ico", max_age=7 * 24 * 3600)
