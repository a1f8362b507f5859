"""Residents' published ideas as map markers, drawn in the same clustered layer as the initiatives.

Like ``initiative_markers``, this is data in a compact form, not HTML: columns of ids,
coordinates, statuses and localities as indices into small tables, titles and supports;
``map_markers.js`` builds the popup (status line, supports, area, a link to the idea) from them
with ``textContent``. A title such as ``{{ 7*7 }}`` stays as typed.

An idea that became an initiative is not drawn here: the initiative's marker shows it, with the
idea it came from in its popup, so nothing is on the map twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.components.marker_tables import MarkerTables
from dashboard.i18n.messages import plural
from dashboard.views.idea_rows import status_line
from indicators.groupwork.map_points import E5
from indicators.ideas.records import PUBLIC_STATUSES, Idea, IdeaStatus
from indicators.ideas.store import MapPoint

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


def idea_columns(points: Sequence[MapPoint], tables: MarkerTables, language: str | None = None) -> dict:
    """The ideas' markers as columns, one entry per point (the caller chose which ideas are shown).

    The words are looked up once per status and per distinct number of supports, not per idea:
    10,000 ideas are a normal map.
    """
    statuses = list(MAP_STATUSES)
    status_index = {status: index for index, status in enumerate(statuses)}
    supports = sorted({p.supports for p in points})
    return {
        "statuses": [status.value for status in statuses],
        "status_lines": [status_line(Idea(None, "", status=status), None, language) for status in statuses],
        "id": [p.id for p in points],
        "lat_e5": [round(p.lat * E5) for p in points],  # whole hundred-thousandths of a degree, as initiatives
        "lon_e5": [round(p.lon * E5) for p in points],
        "status": [status_index[p.status] for p in points],
        "locality": [tables.locality(p.locality_id) for p in points],
        "area": [tables.area(p.area) for p in points],
        "supports": [p.supports for p in points],
        "title": [p.title for p in points],
        # "0 stöder", "1 stöder": by number of supports, each distinct number once.
        "supports_text": {str(count): plural("idea_supports", count, language) for count in supports},
    }
