"""``/kartdata/initiativ/<id>``: an initiative's description for its map popup, as JSON.

The map's markers are sent without descriptions (decision 73: 10,000 of them would be megabytes
no one reads); a popup fetches its initiative's description when it opens. Only what the map
itself would show is answered: an initiative that has a place (every such one is a marker under
some filter), the start of its description as the popup shows it, nothing else about it — no lead,
no partners, never an idea's contact. Any other id is a 404 with no body, the same for an id that
does not exist and one that has no place.

The answer is data: ``{"description": "..."}``, set in the popup with ``textContent``.
"""

from __future__ import annotations

import flask

from dashboard.components.initiative_markers import popup_description
from dashboard.views.public_names import MARKER_DESCRIPTION_PATH
from indicators.groupwork.map_points import initiative_description
from indicators.storage.store import Store


def register_marker_routes(server: flask.Flask, store: Store) -> None:
    """Add ``/kartdata/initiativ/<id>`` to the Flask server behind the Dash app."""

    @server.get(f"{MARKER_DESCRIPTION_PATH}/<int:initiative_id>")
    def marker_description(initiative_id: int) -> flask.Response:
        description = initiative_description(store, initiative_id)
        if description is None:
            return flask.Response(status=404)
        return flask.jsonify({"description": popup_description(description)})
