"""The values of a categorical layer ("Prioriterat område"): fills, tooltips and legend by category.

``map_values`` classes numbers on a quantile scale; a priority is a category, so rather than teach
that function a second kind of layer, this builds the same compact values payload
(``values_payload``) from the categories' own fills, tooltips and legend. The frame drawn
(Leaflet, areas, names, markers, ``map_frame.js``) is the usual one, and people's text (a
priority's why) stays data set with ``textContent``, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.components.colour_scale import NO_DATA_COLOUR
from dashboard.components.map_view import values_payload


def category_values(
    geometry: Mapping,
    fills: Mapping[str, str],
    tooltips: Mapping[str, dict],
    legend: dict,
    initiatives: object | None = None,
) -> dict:
    """Each locality's area filled by ``fills`` (grey where absent), its tooltip lines from
    ``tooltips`` (none where absent), ``legend`` as the legend, ``initiatives`` as the markers."""
    area_fills = [fills.get(f["properties"]["id"], NO_DATA_COLOUR) for f in geometry["areas"]["features"]]
    lines = [[(line,) for line in tooltips.get(lid, {}).get("lines", ())] for lid in geometry["ids"]]
    return values_payload(area_fills, lines, legend, initiatives)
