"""Security headers on every response the server sends.

The Content-Security-Policy is as strict as Dash and the map allow today
(docs/decisions.md, "Content-Security-Policy", says why each source is there):

- scripts only from this server; ``'unsafe-inline'`` because the map is an
  ``srcdoc`` frame, which inherits this policy, and folium writes its map
  script inline with fresh element ids on every render (so it cannot be
  hashed), and Dash's index page starts its renderer with an inline script;
- no ``'unsafe-eval'``: Dash, plotly.js and Leaflet run without it;
- requests (``connect-src``), forms, frames, fonts and the document base
  only to this server; no plugins (``object-src 'none'``);
- images from this server and ``data:``/``blob:`` (Leaflet's and plotly's
  own images, chart downloads), plus OpenStreetMap's tile server only when
  the map is started with ``--tiles osm``;
- only this site may frame the app (``frame-ancestors`` and, for older
  browsers, ``X-Frame-Options``): clickjacking a sign-in or a save is ruled out,
  and the app's own map frames still work.

Inline script is what the policy still allows; the rest of the defence
against script injection is that people's text never becomes markup
(``map_view``'s data island, React's text nodes, escaped reports).
"""

from __future__ import annotations

import flask

OSM_TILES = "https://tile.openstreetmap.org"


def content_security_policy(tiles: str = "none") -> str:
    """The policy for an app started with ``tiles`` ("none" or "osm")."""
    images = "'self' data: blob:" + (f" {OSM_TILES}" if tiles == "osm" else "")
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": images,
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "frame-src": "'self'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def security_headers(tiles: str = "none") -> dict[str, str]:
    """Every header the app sets on each response."""
    return {
        "Content-Security-Policy": content_security_policy(tiles),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "SAMEORIGIN",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }


def register_security_headers(server: flask.Flask, tiles: str = "none") -> None:
    """Add the headers to every response, error pages and static files included."""
    headers = security_headers(tiles)

    @server.after_request
    def _secure(response: flask.Response) -> flask.Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
