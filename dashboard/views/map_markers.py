"""The map's markers for a filter: the initiatives that pass it, with the ideas they came from, and the
residents' published ideas that have a place — as one compact payload (decision 73).

A pure function of (data, filter), so the map page, the presentation's slides and the standalone
export draw the same markers. The filter is the map page's: ``areas``, ``statuses`` and ``year`` for
initiatives (an empty choice means "all"), ``ideas`` (False hides the ideas) and ``idea_statuses``
(empty: every status an idea marker can have).

The payload (read by ``map_markers.js``): the shared tables and fixed words of
``MarkerTables.as_payload``, then ``initiatives`` and ``ideas`` as columns
(``initiative_columns``, ``idea_columns``). None when no marker passes the filter. For 10,000
initiatives it is about half a megabyte and built in tens of milliseconds (``benchmarks/markers.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.components.idea_markers import MAP_STATUSES, idea_columns
from dashboard.components.initiative_markers import initiative_columns
from dashboard.components.marker_tables import MarkerTables
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from indicators.core.collector import collector_paused
from indicators.groupwork.map_points import InitiativePoints, initiative_points
from indicators.ideas.origins import initiative_origins
from indicators.ideas.store import IdeaStore
from indicators.storage.store import Store


def map_markers(data: DashboardData, initiative_filter: Mapping | None, language: str | None = None,
                *, complete: bool = False) -> tuple[dict | None, tuple[str, ...]]:
    """The markers' payload and the legend lines they need.

    ``complete`` puts every initiative's description in the payload, for a map that cannot fetch
    them when a popup opens (the standalone export); the map in the app leaves them out.
    """
    with collector_paused():  # 100,000 short-lived objects and no cycles: indicators.core.collector
        return _markers(data, initiative_filter or {}, language, complete)


def _markers(data: DashboardData, wanted: Mapping, language: str | None,
             complete: bool) -> tuple[dict | None, tuple[str, ...]]:
    initiatives = marker_initiatives(data.store, wanted)
    ideas = []
    if wanted.get("ideas", True):
        chosen = set(wanted.get("idea_statuses") or ())
        shown = [s for s in MAP_STATUSES if s.value in chosen] or list(MAP_STATUSES)
        areas = set(wanted.get("areas") or ())
        ideas = [p for p in IdeaStore(data.store, salt=b"").map_points(shown)  # reads only: no hash is made
                 if p.status in shown and (not areas or p.area in areas)]
    notes = (text("legend_ideas", language),) if ideas else ()
    if not initiatives and not ideas:
        return None, notes
    tables = MarkerTables(data.names())
    origins = initiative_origins(data.store) if initiatives else {}
    descriptions = _descriptions(data, initiatives) if complete else None
    payload = {
        "initiatives": initiative_columns(initiatives, tables, language, origins, descriptions),
        "ideas": idea_columns(ideas, tables, language),
    }
    return {**tables.as_payload(language), **payload}, notes


def marker_initiatives(store: Store, initiative_filter: Mapping | None) -> InitiativePoints:
    """The initiatives with a place that match the map's filters; an empty choice means "all"."""
    wanted = initiative_filter or {}
    year = wanted.get("year")
    return initiative_points(
        store,
        statuses=wanted.get("statuses") or None,
        areas=wanted.get("areas") or None,
        year=int(year) if year and str(year).isdigit() else None,
    )


def _descriptions(data: DashboardData, points: InitiativePoints) -> dict[int, str]:
    shown = set(points.id)
    return {i.id: i.description for i in data.gw.initiatives() if i.id in shown}
