"""The map's markers for a filter: the initiatives that pass it, with the ideas they came from, and the
residents' published ideas that have a place.

A pure function of (data, filter), so the map page, the presentation's slides and the standalone
export draw the same markers. The filter is the map page's: ``areas``, ``statuses`` and ``year`` for
initiatives (an empty choice means "all"), ``ideas`` (False hides the ideas) and ``idea_statuses``
(empty: every status an idea marker can have).
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.components.idea_markers import MAP_STATUSES, idea_features
from dashboard.components.initiative_markers import initiative_features
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from indicators.groupwork.records import Initiative
from indicators.ideas.store import IdeaStore


def map_markers(data: DashboardData, initiative_filter: Mapping | None,
                language: str | None = None) -> tuple[dict, tuple[str, ...]]:
    """The markers' FeatureCollection and the legend lines they need."""
    wanted = initiative_filter or {}
    initiatives = filtered_initiatives(data, wanted)
    store = IdeaStore(data.store, salt=b"")  # reads only: no hash is made
    origins = store.ideas_for_initiatives(i.id for i in initiatives if i.id is not None and i.lat is not None)
    ideas: list[dict] = []
    if wanted.get("ideas", True):
        chosen = [s for s in MAP_STATUSES if s.value in set(wanted.get("idea_statuses") or ())] or MAP_STATUSES
        areas = set(wanted.get("areas") or ())
        ideas = [f for f in idea_features(store.map_points(chosen), data.names(), chosen, language)
                 if not areas or _area_of(f) in areas]
    notes = (text("legend_ideas", language),) if ideas else ()
    return initiative_features(initiatives, data.names(), language, origins, ideas), notes


def filtered_initiatives(data: DashboardData, initiative_filter: Mapping | None) -> list[Initiative]:
    """Initiatives matching the map's filters; an empty choice means "all"."""
    wanted = initiative_filter or {}
    year = wanted.get("year")
    return data.gw.initiatives(
        statuses=wanted.get("statuses") or None,
        areas=wanted.get("areas") or None,
        year=int(year) if year and str(year).isdigit() else None,
    )


def _area_of(feature: dict) -> str | None:
    return feature["properties"].get("area")

