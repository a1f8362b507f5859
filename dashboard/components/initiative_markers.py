"""Initiatives as clustered map markers: colour by SLUS area, shape by status.

Markers are data in a compact form (issue #13 item 3, decision 73): one column per field (ids,
coordinates, status and locality as indices into small tables, titles), and no popup built on the
server. ``map_markers.js`` builds each popup from these columns and the shared tables when it
opens, with ``textContent``; nothing here is HTML, so nothing a person typed can become markup or
a template. The description, the one long text, is not in the map's payload: the popup fetches
it when it opens (``dashboard.server.marker_details``), except in the standalone export, which
cannot fetch and carries every description (``complete``).
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.components.idea_markers import IDEA_MARKER_STYLE
from dashboard.components.marker_tables import MarkerTables
from dashboard.i18n.messages import status_label
from dashboard.views.public_names import MARKER_DESCRIPTION_PATH
from indicators.groupwork.map_points import InitiativePoints
from indicators.groupwork.records import InitiativeStatus
from indicators.ideas.origins import Origin

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
  /* A popup is .ini-popup once complete; .ini-popup-pending while its description is on its way. */
  .ini-popup h3, .ini-popup-pending h3 { font-size: 16px; margin: 0 0 4px; }
  .ini-popup p, .ini-popup-pending p { margin: 2px 0; font-size: 14px; }
</style>
""" + IDEA_MARKER_STYLE


def initiative_columns(points: InitiativePoints, tables: MarkerTables, language: str | None = None,
                       origins: Mapping[int, Origin] | None = None,
                       descriptions: Mapping[int, str] | None = None) -> dict:
    """The initiatives' markers as columns, one entry per initiative in ``points``' order.

    ``origins`` (initiative id → the public idea it came from) adds "Kom från ett förslag" to
    those popups; ``descriptions`` (initiative id → description) makes the complete form the
    standalone export needs, else the popup fetches the description from ``description_path``.
    """
    origins = origins or {}
    statuses = list(InitiativeStatus)
    status_index = {status: index for index, status in enumerate(statuses)}
    came_from = [(i, origins[i]) for i in points.id if i in origins]
    columns: dict = {
        "statuses": [status.value for status in statuses],
        "status_labels": [status_label(status, language) for status in statuses],
        "id": list(points.id),
        "lat_e5": list(points.lat_e5),  # whole hundred-thousandths of a degree: 5758712 is 57.58712
        "lon_e5": list(points.lon_e5),
        "status": [status_index[status] for status in points.status],
        "locality": tables.localities(points.locality_id),
        "areas": tables.area_lists(points.areas),
        "progress": list(points.progress),
        "title": list(points.title),
        # Few initiatives came from an idea: by initiative id, the idea's title, locality and id (its link).
        "origins": {str(i): [origin.title, tables.locality(origin.locality_id) if origin.locality_id else None,
                             origin.idea_id] for i, origin in came_from},
    }
    if descriptions is None:
        columns["description_path"] = f"{MARKER_DESCRIPTION_PATH}/"
    else:
        columns["descriptions"] = [popup_description(descriptions.get(i, "")) for i in points.id]
    return columns


def popup_description(description: str) -> str:
    """The start of a description, as much as a popup shows."""
    if len(description) > POPUP_TEXT_MAX:
        return description[:POPUP_TEXT_MAX].rstrip() + " …"
    return description
