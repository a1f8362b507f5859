"""The dashboard's map as one HTML file that opens with no network and no server.

The app's map loads Leaflet (and Leaflet.markercluster when initiatives are
shown) from its own ``/vendor`` route. Here every such reference is replaced
by the file's content, read from the same XStatic packages, and every image a
stylesheet refers to becomes a ``data:`` URI, so the file can be copied to a
USB stick and opened by double-clicking it. Tiles are always off: a tile
server would be network.
"""

from __future__ import annotations

import base64
import html
import json
import mimetypes
import re
from datetime import date
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet
import xstatic.pkg.leaflet_markercluster as xstatic_markercluster
from markupsafe import Markup

from dashboard.components.map_view import DATA_ISLAND_ID, data_island
from dashboard.data import DashboardData
from dashboard.exports.texts import long_date
from dashboard.i18n.messages import indicator_name, text
from dashboard.server.language import current_language
from dashboard.server.templating import render
from dashboard.server.vendor import VENDOR_PREFIX
from dashboard.views.map import layer_data, map_document
from dashboard.views.map_markers import map_markers
from dashboard.views.url_state import LATEST, parse_weights

PACKAGES: dict[str, Path] = {
    "leaflet": Path(xstatic_leaflet.BASE_DIR),
    "markercluster": Path(xstatic_markercluster.BASE_DIR),
}

_SCRIPT_TAG = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>')
_LINK_TAG = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>')
# What a browser would fetch by itself: script sources, stylesheets, images (plain links are not fetched).
_EXTERNAL = re.compile(r'<(?:script|img|iframe)\b[^>]*\bsrc="(?!data:)[^"]+"|<link\b[^>]*\bhref="(?!data:)[^"]+"')
_CSS_URL = re.compile(r"url\((?P<q>['\"]?)(?P<ref>[^'\")]+)(?P=q)\)")


class ExportError(RuntimeError):
    """An export could not be made self-contained (an asset is missing)."""


def standalone_map_html(data: DashboardData, map_state: dict | None = None,
                        initiative_filter: dict | None = None, *, today: date | None = None) -> str:
    """The map the app shows for ``map_state`` (layer, year, weights), with every asset inlined."""
    document = with_markers(map_document(data, map_state, "none", initiative_filter),
                            map_markers(data, initiative_filter, complete=True)[0])
    state = map_state or {}
    values, year_label = layer_data(data, state.get("layer") or data.default_indicator(),
                                    state.get("year") or LATEST, parse_weights(state.get("weights")))
    title = text("map_doc_title", layer=indicator_name(values.indicator), year=year_label)
    caption = text("map_caption", date=long_date(today or date.today()))
    return make_self_contained(document, title=title, caption=caption)


def with_markers(document: str, markers: dict | None) -> str:
    """``document`` with its markers' payload replaced by ``markers``.

    The map in the app leaves the initiatives' descriptions out of its markers and fetches one when
    a popup opens (decision 73); a file opened on its own cannot fetch, so the export puts the
    complete payload (``map_markers(..., complete=True)``, every description in it) in the map's
    data island instead. The island stays JSON made by ``data_island``: people's text is data.
    """
    opening = f'<script type="application/json" id="{DATA_ISLAND_ID}">'
    start = document.index(opening)
    end = document.index("</script>", start) + len("</script>")
    payload = json.loads(document[start + len(opening):end - len("</script>")])
    holder = payload["values"] if isinstance(payload.get("values"), dict) else payload
    holder["initiatives"] = markers
    return document[:start] + data_island(payload) + document[end:]


def make_self_contained(document: str, *, title: str, caption: str = "") -> str:
    """Inline every ``/vendor`` script and stylesheet; add a title and a caption."""
    document = _SCRIPT_TAG.sub(lambda m: _inline_script(m["url"]), document)
    document = _LINK_TAG.sub(lambda m: _inline_stylesheet(m["url"]), document)
    leftover = _EXTERNAL.search(document)
    if leftover or f"{VENDOR_PREFIX}/" in document:
        raise ExportError(f"the map still refers to an outside resource: {leftover[0] if leftover else VENDOR_PREFIX}")
    return render("standalone_map.html", page=_folium_parts(document), lang=current_language(),
                  title=title, caption=caption)


def _folium_parts(document: str) -> dict[str, Markup | bool]:
    """The folium document cut where the template adds to it: at ``<head>``, a bare ``<html>`` and the last ``</body>``.

    The one place the map document becomes markup for a template. Safe because it is
    folium's own frame with our script and the inlined vendor files; people's text
    travels in its JSON data island (``dashboard.components.map_view``), never as markup.
    """
    start, head_tag, body = document.partition("<head>")
    if not head_tag:
        raise ExportError("the map document has no <head> to add a title to")
    before_html, html_tag, before_head = start.partition("<html>")  # folium may already give it a lang
    at = body.rfind("</body>")
    body, end = (body, "") if at < 0 else (body[:at], body[at:])
    parts = {"before_html": before_html, "before_head": before_head, "body": body, "end": end}
    return {"bare_html_tag": bool(html_tag), **{name: Markup(part) for name, part in parts.items()}}


def vendor_file(url: str) -> Path:
    """The installed file behind a ``/vendor/<package>/<file>`` URL (its ``?v=`` version dropped)."""
    prefix = VENDOR_PREFIX + "/"
    url = url.partition("?")[0]
    if not url.startswith(prefix):
        raise ExportError(f"unknown resource in the map: {url}")
    package, _, name = url[len(prefix):].partition("/")
    base = PACKAGES.get(package)
    if base is None or not name:
        raise ExportError(f"unknown resource in the map: {url}")
    path = (base / name).resolve()
    if base.resolve() not in path.parents or not path.is_file():
        raise ExportError(f"resource missing from the installed package: {url}")
    return path


def _inline_script(url: str) -> str:
    code = vendor_file(url).read_text(encoding="utf-8")
    # A literal "</script" inside the code would end the element early.
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
    return f"<script>/* {html.escape(url.rsplit('/', 1)[-1])} */\n{code}\n</script>"


def _inline_stylesheet(url: str) -> str:
    path = vendor_file(url)
    css = path.read_text(encoding="utf-8")

    def data_uri(match: re.Match) -> str:
        ref = match["ref"].strip()
        if ref.startswith(("data:", "#")):
            return match[0]
        image = (path.parent / ref).resolve()
        if not image.is_file():
            return "none"  # a missing optional image: never a network fetch
        kind = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
        return f"url(data:{kind};base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"

    css = _CSS_URL.sub(data_uri, css).replace("</style", "<\\/style")
    return f"<style>/* {html.escape(url.rsplit('/', 1)[-1])} */\n{css}\n</style>"
