"""Build the map page's most asked-for panels when a server process starts, before anyone asks.

A panel is built once per data version and then served from ``panel_cache`` in a few
milliseconds; the first visitor to choose a locality after a start paid the build instead (about
40 ms more per click with the bundled data; with 2,000 localities the first panel also waited
3.6 s for the comparable-basis query, issue #13). Each process (each gunicorn worker) warms its
own cache in a background thread: the default map's overview and values first (what the first
page load needs), then the localities' panels in the order of the "Ort" list, up to a limit.
"""

from __future__ import annotations

import logging
import threading

from dashboard.data import DashboardData
from dashboard.views.map import shown_panel
from dashboard.views.url_state import LATEST
from indicators.i18n.locales import DEFAULT_LANGUAGE

logger = logging.getLogger(__name__)

WARM_PANELS_ENV = "ALLAS_WARM_PANELS"
DEFAULT_WARM_PANELS = 20
"""Localities whose panels each process builds at start: all of the ten, and a bounded share of
a larger set (each panel is tens of milliseconds of one core, taken from the first page loads)."""


def warm_up(data: DashboardData, localities: int, language: str = DEFAULT_LANGUAGE) -> int:
    """Build the default map's values and overview and the first ``localities`` panels; how many panels.

    A failure is logged and ends the warming: a visitor's request will build the panel (and show
    the error) as it would have without it.
    """
    built = 0
    try:
        state = {"layer": data.default_indicator(), "year": LATEST, "weights": ""}
        shown_panel(data, None, state, language)  # reads the layer's values, which the map's colours share
        built += 1
        for locality in data.localities()[:localities]:
            shown_panel(data, locality.id, state, language)
            built += 1
    except Exception:  # a background nicety must never take the process down
        logger.exception("warming the map page's panels stopped after %d", built)
    return built


def start_warm_up(data: DashboardData, localities: int, language: str = DEFAULT_LANGUAGE) -> threading.Thread:
    """``warm_up`` in a daemon thread of this process."""
    thread = threading.Thread(target=warm_up, args=(data, localities, language), name="warm-panels", daemon=True)
    thread.start()
    return thread
