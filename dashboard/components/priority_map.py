"""The map drawn for a categorical layer ("Prioriterat område"): the usual map document, with the
fills, tooltips and legend of its JSON data island replaced by the categories'.

``render_map_html`` classes numbers on a quantile scale; a priority is a category, so rather than
teach that function a second kind of layer, the frame it renders (Leaflet, areas, names, markers,
``map_frame.js``) is kept and only the data island is rewritten — still through ``data_island``,
so people's text (a priority's why) stays data set with ``textContent`` and never becomes markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.components.colour_scale import NO_DATA_COLOUR
from dashboard.components.map_view import DATA_ISLAND_ID, data_island, read_data_island

_ISLAND_START = f'<script type="application/json" id="{DATA_ISLAND_ID}">'


def with_categories(
    document: str, fills: Mapping[str, str], tooltips: Mapping[str, dict], legend: dict
) -> str:
    """``document`` with each locality's area filled by ``fills`` (grey where absent), its tooltip
    replaced where ``tooltips`` has one, and ``legend`` as the legend."""
    payload = read_data_island(document)
    payload["areas"] = {
        **payload["areas"],
        "features": [
            {**f, "properties": {**f["properties"], "fill": fills.get(f["properties"]["id"], NO_DATA_COLOUR)}}
            for f in payload["areas"]["features"]
        ],
    }
    payload["tooltips"] = {**payload["tooltips"], **tooltips}
    payload["legend"] = legend
    start = document.index(_ISLAND_START)
    end = document.index("</script>", start) + len("</script>")
    return document[:start] + data_island(payload) + document[end:]
