"""Serve third-party browser libraries from installed Python packages.

The map must draw at a meeting with no network, so Leaflet is never loaded
from a CDN and never committed to the repository: it comes from the XStatic
package pinned in pyproject.toml and is served by the app itself.

Each link carries the package's version (``?v=1.9.3.0``): a new version is a new
URL, so a browser may keep a file for a year without asking again
(``dashboard.server.cache_headers``). A link without the current version (an
old page, a hand-typed URL) gets the file with ``no-cache``: revalidated.
"""

from __future__ import annotations

from pathlib import Path

import flask
import xstatic.pkg.leaflet as xstatic_leaflet
import xstatic.pkg.leaflet_markercluster as xstatic_markercluster

VENDOR_PREFIX = "/vendor"

VERSION_KEY = "v"
_PACKAGES: dict[str, Path] = {
    "leaflet": Path(xstatic_leaflet.BASE_DIR),
    "markercluster": Path(xstatic_markercluster.BASE_DIR),
}
VERSIONS: dict[str, str] = {
    "leaflet": f"{xstatic_leaflet.VERSION}.{xstatic_leaflet.BUILD}",
    "markercluster": f"{xstatic_markercluster.VERSION}.{xstatic_markercluster.BUILD}",
}
YEAR_S = 365 * 24 * 3600


def vendor_url(package: str, filename: str) -> str:
    """The versioned URL of ``filename`` in ``package``."""
    return f"{VENDOR_PREFIX}/{package}/{filename}?{VERSION_KEY}={VERSIONS[package]}"


LEAFLET_JS = vendor_url("leaflet", "leaflet.js")
LEAFLET_CSS = vendor_url("leaflet", "leaflet.css")
MARKERCLUSTER_JS = vendor_url("markercluster", "leaflet.markercluster.js")
_ASSETS = Path(__file__).resolve().parents[1] / "assets"
"""Our own icon lives with the other assets (Dash links it as ``/_favicon.ico`` on its pages)."""

MARKERCLUSTER_CSS = (vendor_url("markercluster", "MarkerCluster.css"),
                     vendor_url("markercluster", "MarkerCluster.Default.css"))


def register_vendor_routes(server: flask.Flask) -> None:
    """Add ``/vendor/<package>/<file>`` and ``/favicon.ico`` to the Flask server behind the Dash app."""

    @server.route(f"{VENDOR_PREFIX}/<package>/<path:filename>")
    def vendor_file(package: str, filename: str) -> flask.Response:
        base = _PACKAGES.get(package)
        if base is None:
            flask.abort(404)
        # send_from_directory refuses paths that escape the base directory.
        if flask.request.args.get(VERSION_KEY) == VERSIONS[package]:
            response = flask.send_from_directory(base, filename, max_age=YEAR_S)
            response.cache_control.immutable = True
            return response
        return flask.send_from_directory(base, filename, max_age=0)

    @server.route("/favicon.ico")
    def favicon() -> flask.Response:
        """Browsers ask for it on every page that names no icon (the sign-in page, exports opened from disk)."""
        return flask.send_from_directory(_ASSETS, "favicon.ico", max_age=7 * 24 * 3600)
