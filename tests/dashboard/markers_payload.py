"""The compact markers' payload spelt out per marker, the way ``map_markers.js`` reads it.

For tests: each marker as a dict with ``kind`` ("initiative" or "idea"), ``id``, ``title``,
``status``, ``colour``, ``lat``/``lon`` and its ``popup`` (title, rows of label/text and an
optional ``href``, and for an idea the ``link``), built from the columns and the shared tables
exactly as the browser builds them. An initiative's description row appears only when the payload
carries the descriptions (the export's complete form); the app's map fetches it on opening.
"""

from __future__ import annotations


def spelt_markers(payload: dict | None) -> list[dict]:
    """Every marker of ``payload`` (None: no markers), initiatives first."""
    if not payload:
        return []
    return [*_initiatives(payload), *_ideas(payload)]


def _idea_href(payload: dict, locality: int | None, idea_id: int) -> str:
    page = payload["ideas_page"] if locality is None else payload["idea_pages"][locality]
    return f"{page}#idea-{idea_id}"


def _initiatives(payload: dict) -> list[dict]:
    c, words, markers = payload["initiatives"], payload["words"], []
    for i, initiative_id in enumerate(c["id"]):
        areas = c["areas"][i]
        status = c["status_labels"][c["status"][i]]
        if c["progress"][i] is not None:
            status += f" ({c['progress'][i]} %)"
        rows = [{"label": words["locality"], "text": payload["localities"][c["locality"][i]]},
                {"label": words["status"], "text": status}]
        if areas:
            rows.append({"label": words["areas"], "text": ", ".join(payload["areas"][a] for a in areas)})
        if "descriptions" in c and c["descriptions"][i]:
            rows.append({"label": "", "text": c["descriptions"][i]})
        origin = c["origins"].get(str(initiative_id))
        if origin:
            rows.append({"label": words["from_idea"], "text": origin[0], "href": _idea_href(payload, origin[1], origin[2])})
        markers.append({
            "kind": "initiative", "id": initiative_id, "title": c["title"][i], "status": c["statuses"][c["status"][i]],
            "colour": payload["colours"][areas[0]] if areas else payload["no_area_colour"],
            "lat": c["lat_e5"][i] / 100_000, "lon": c["lon_e5"][i] / 100_000,
            "popup": {"title": c["title"][i], "rows": rows},
        })
    return markers


def _ideas(payload: dict) -> list[dict]:
    c, words, markers = payload["ideas"], payload["words"], []
    for i, idea_id in enumerate(c["id"]):
        area = c["area"][i]
        rows = [{"label": words["idea"], "text": payload["localities"][c["locality"][i]]},
                {"label": words["status"], "text": c["status_lines"][c["status"][i]]},
                {"label": "", "text": c["supports_text"][str(c["supports"][i])]}]
        if area is not None:
            rows.append({"label": words["areas"], "text": payload["areas"][area]})
        markers.append({
            "kind": "idea", "id": idea_id, "title": c["title"][i], "status": c["statuses"][c["status"][i]],
            "colour": payload["colours"][area] if area is not None else payload["no_area_colour"],
            "lat": c["lat_e5"][i] / 100_000, "lon": c["lon_e5"][i] / 100_000,
            "popup": {"title": c["title"][i], "rows": rows,
                      "link": {"href": _idea_href(payload, c["locality"][i], idea_id), "text": words["idea_link"]}},
        })
    return markers
