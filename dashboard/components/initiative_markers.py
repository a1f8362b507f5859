"""Initiatives as clustered map markers: colour by SLUS area, shape by status.

Markers are data: a FeatureCollection whose properties hold our own enum
values and colours, and the popup's words as plain text. ``map_frame.js``
builds the marker and its popup from them with ``textContent``; nothing here
is HTML, so nothing a person typed can become markup or a template.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dashboard.components.idea_markers import IDEA_MARKER_STYLE, origin_row
from dashboard.i18n.messages import status_label, text
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.ideas.records import Idea

NO_AREA_COLOUR = "#666666"
POPUP_TEXT_MAX = 300

MARKER_STYLE = """
<style>
  .ini-icon { background: none; border: none; }
  .ini { display: block; width: 18px; height: 18px; border: 2px solid #111; box-sizing: border-box; }
  .ini-idea { border-radius: 50%; border-style: dashed; }
  .ini-planned { border-radius: 50%; }
  .ini-ongoing { transform: rotate(45deg) scale(.85); }
  .ini-done { border-radius: 3px; }
  .ini-paused { border-radius: 50%; opacity: .55; border-style: dotted; }
  .ini-popup h3 { font-size: 16px; margin: 0 0 4px; }
  .ini-popup p { margin: 2px 0; font-size: 14px; }
</style>
""" + IDEA_MARKER_STYLE


def initiative_features(initiatives: Sequence[Initiative], names: Mapping[str, str],
                        language: str | None = None, origins: Mapping[int, Idea] | None = None,
                        ideas: Sequence[dict] = ()) -> dict:
    """A FeatureCollection of the initiatives that have a point, with their popups as text.

    ``origins`` (initiative id → idea) adds "Kom från ett förslag" to the popups of initiatives that
    came from a resident's idea; ``ideas`` (from ``idea_features``) are appended as markers of their
    own kind, so one clustered layer holds both and the map document needs no second code path.
    """
    origins = origins or {}
    features = []
    for initiative in initiatives:
        if initiative.lat is None or initiative.lon is None:
            continue
        status = InitiativeStatus(initiative.status)
        colour = AREAS_BY_ID[initiative.areas[0]].colour if initiative.areas and initiative.areas[0] in AREAS_BY_ID \
            else NO_AREA_COLOUR
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(initiative.lon, 6), round(initiative.lat, 6)]},
            "properties": {
                "id": initiative.id,
                "status": status.value,
                "colour": colour,
                "title": initiative.title,  # the marker's title, set as a DOM property by Leaflet
                "popup": popup_content(initiative, names.get(initiative.locality_id, initiative.locality_id),
                                       language, origins.get(initiative.id)),
            },
        })
    return {"type": "FeatureCollection", "features": [*features, *ideas]}


def popup_content(initiative: Initiative, locality_name: str, language: str | None = None,
                  origin: Idea | None = None) -> dict:
    """The popup's words: title, locality, status, areas and the start of the description."""
    description = initiative.description
    if len(description) > POPUP_TEXT_MAX:
        description = description[:POPUP_TEXT_MAX].rstrip() + " …"
    areas = ", ".join(AREAS_BY_ID[a].short_name for a in initiative.areas if a in AREAS_BY_ID)
    status = status_label(initiative.status, language)
    if initiative.progress is not None:
        status += f" ({initiative.progress} %)"
    rows = [
        {"label": text("popup_locality", language), "text": locality_name},
        {"label": text("popup_status", language), "text": status},
    ]
    if areas:
        rows.append({"label": text("popup_areas", language), "text": areas})
    if description:
        rows.append({"label": "", "text": description})
    if origin is not None:
        rows.append(origin_row(origin, language))
    return {"title": initiative.title, "rows": rows}
