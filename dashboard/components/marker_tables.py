"""The small shared tables the compact markers' payload points into (issue #13 item 3).

A marker carries indices, not words: its locality is an index into ``localities`` (the name, and
the ideas page listing that locality's ideas), its areas are indices into ``areas`` (the short
name and the colour). Each table holds only what the markers on this map use, in the order first
met, so the payload grows with the markers, never with a word repeated per marker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dashboard.components.idea_links import idea_href
from dashboard.i18n.messages import text
from indicators.core.slus import AREAS_BY_ID
from indicators.ideas.records import Idea

NO_AREA_COLOUR = "#666666"
"""A marker's colour when it has no SLUS area (or one no longer known)."""


class MarkerTables:
    """Localities and areas met so far, each given an index the first time it is met."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = names
        self._localities: dict[str, int] = {}
        self._areas: dict[str, int] = {}

    def locality(self, locality_id: str) -> int:
        """The index of a locality (its name and ideas page in ``as_payload``)."""
        index = self._localities.get(locality_id)
        if index is None:
            index = self._localities[locality_id] = len(self._localities)
        return index

    def area(self, area_id: str | None) -> int | None:
        """The index of a known SLUS area, or None for none or an unknown one."""
        if area_id not in AREAS_BY_ID:
            return None
        index = self._areas.get(area_id)
        if index is None:
            index = self._areas[area_id] = len(self._areas)
        return index

    def areas(self, area_ids: tuple[str, ...]) -> list[int]:
        """The indices of the known areas among ``area_ids``, in their order (the first gives the colour)."""
        return [index for index in map(self.area, area_ids) if index is not None]

    def localities(self, locality_ids: Iterable[str]) -> list[int]:
        """``locality`` of each, in order (one dictionary look-up each, not a call)."""
        known = self._localities
        return [known[lid] if lid in known else self.locality(lid) for lid in locality_ids]

    def area_lists(self, area_ids: Iterable[tuple[str, ...]]) -> list[list[int]]:
        """``areas`` of each, in order; each distinct combination is worked out once."""
        done: dict[tuple[str, ...], list[int]] = {}
        return [done[ids] if ids in done else done.setdefault(ids, self.areas(ids)) for ids in area_ids]

    def as_payload(self, language: str | None = None) -> dict:
        """The tables and the popups' fixed words, as ``map_markers.js`` reads them."""
        localities = list(self._localities)
        return {
            "localities": [self._names.get(lid, lid) for lid in localities],
            # Where a locality's ideas are listed: an idea's link is this + "#idea-<id>" (idea_href's form).
            "idea_pages": [idea_href(Idea(lid, "", id=0)).removesuffix("#idea-0") for lid in localities],
            "ideas_page": idea_href(Idea(None, "", id=0)).removesuffix("#idea-0"),  # an idea of no one locality
            "areas": [AREAS_BY_ID[a].short_name for a in self._areas],
            "colours": [AREAS_BY_ID[a].colour for a in self._areas],
            "no_area_colour": NO_AREA_COLOUR,
            "words": {
                "locality": text("popup_locality", language),
                "status": text("popup_status", language),
                "areas": text("popup_areas", language),
                "idea": text("popup_idea", language),
                "from_idea": text("popup_from_idea", language),
                "idea_link": text("popup_idea_link", language),
            },
        }
