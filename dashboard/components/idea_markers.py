"""Residents' published ideas as map markers, drawn in the same clustered layer as the initiatives.

Like ``initiative_markers``, this is data, not HTML: a FeatureCollection whose properties hold
our own enum values, colours and link addresses, and the popup's words as plain text that
``map_frame.js`` sets with ``textContent``. A title such as ``{{ 7*7 }}`` stays as typed.

An idea that became an initiative is not drawn here: the initiative's marker shows it, with the
idea it came from in its popup (``origin_row``), so nothing is on the map twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from dashboard.components.idea_links import idea_href
from dashboard.i18n.messages import plural, text
from dashboard.views.idea_rows import status_line
from indicators.core.slus import AREAS_BY_ID
from indicators.ideas.records import PUBLIC_STATUSES, Idea, IdeaStatus
from indicators.ideas.store import MapPoint

IDEA_KIND = "idea"
NO_AREA_COLOUR = "#666666"
MAP_STATUSES = tuple(s for s in PUBLIC_STATUSES if s is not IdeaStatus.INITIATIVE)
"""The statuses an idea marker can have (and the map's idea filter offers)."""

IDEA_MARKER_STYLE = """
<style>
  /* A speech bubble with a white centre: a shape no initiative has, so colour is not the only sign. */
  .res-idea { display: block; width: 20px; height: 20px; border: 3px solid #111; box-sizing: border-box;
              border-radius: 50% 50% 50% 0; position: relative; }
  .res-idea::after { content: ""; position: absolute; left: 4px; top: 4px; width: 6px; height: 6px;
                     background: #fff; border: 1px solid #111; border-radius: 50%; }
  .res-idea-declined { opacity: .6; border-style: dotted; }
  .ini-popup a { color: #0645ad; text-decoration: underline; }
  .leaflet-popup-content .ini-popup p { margin: 3px 0; }  /* Leaflet's own rule would space rows 17px apart */
</style>
"""


def idea_features(points: Iterable[MapPoint], names: Mapping[str, str], statuses: Sequence[IdeaStatus] = MAP_STATUSES,
                  language: str | None = None) -> list[dict]:
    """Marker features for the ideas with a status in ``statuses`` (never those that became initiatives).

    The fixed words are looked up once per call, not per idea: 10,000 ideas are a normal map.
    """
    shown = {s for s in statuses if s is not IdeaStatus.INITIATIVE}
    words = _Words(language)
    features = []
    for point in points:
        if point.status not in shown:
            continue
        area = AREAS_BY_ID.get(point.area) if point.area else None
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(point.lon, 6), round(point.lat, 6)]},
            "properties": {
                "kind": IDEA_KIND,
                "id": point.id,
                "status": point.status.value,
                "area": point.area,
                "colour": area.colour if area else NO_AREA_COLOUR,
                "title": point.title,  # the marker's title, set as a DOM property by Leaflet
                "popup": idea_popup(point, names.get(point.locality_id, point.locality_id), language, words),
            },
        })
    return features


class _Words:
    """The popup's fixed words in one language, each looked up once."""

    def __init__(self, language: str | None) -> None:
        self.language = language
        self.idea = text("popup_idea", language)
        self.status = text("popup_status", language)
        self.areas = text("popup_areas", language)
        self.link = text("popup_idea_link", language)
        self._status_lines: dict[IdeaStatus, str] = {}
        self._supports: dict[int, str] = {}
        self._bases: dict[str, str] = {}

    def status_line(self, status: IdeaStatus) -> str:
        if status not in self._status_lines:
            self._status_lines[status] = status_line(Idea(None, "", status=status), None, self.language)
        return self._status_lines[status]

    def href(self, point: MapPoint) -> str:
        """``idea_href``'s address, its locality part built once per locality."""
        if point.locality_id not in self._bases:
            self._bases[point.locality_id] = idea_href(Idea(point.locality_id, "", id=0)).removesuffix("#idea-0")
        return f"{self._bases[point.locality_id]}#idea-{point.id}"

    def supports(self, count: int) -> str:
        if count not in self._supports:
            self._supports[count] = plural("idea_supports", count, self.language)
        return self._supports[count]


def idea_popup(point: MapPoint, locality_name: str, language: str | None = None, words: _Words | None = None) -> dict:
    """Title, locality, status line, supports, area and a link to the idea on the ideas page."""
    words = words or _Words(language)
    rows = [
        {"label": words.idea, "text": locality_name},
        {"label": words.status, "text": words.status_line(point.status)},
        {"label": "", "text": words.supports(point.supports)},
    ]
    if point.area in AREAS_BY_ID:
        rows.append({"label": words.areas, "text": AREAS_BY_ID[point.area].short_name})
    return {"title": point.title, "rows": rows, "link": {"href": words.href(point), "text": words.link}}


def origin_row(idea: Idea, language: str | None = None) -> dict:
    """The initiative popup's "Kom från ett förslag: <title>" row, the title linked to the idea."""
    return {"label": text("popup_from_idea", language), "text": idea.title, "href": idea_href(idea)}
