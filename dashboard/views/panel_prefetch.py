"""The page's own copy of every locality's panel, so a choice on the map or in the list shows at once.

A choice that goes to the server waits for Dash's round trip before the panel can draw: at ten
localities that round trip and its bookkeeping were more than half of what a click cost (issue #13
item 2). With ten localities every panel together is small (about 27 KB of JSON each; all ten are
8 KB as sent with brotli), so once the page has drawn it asks for all of them in one callback and
keeps them in a ``dcc.Store``; ``assets/panel_choice.js`` then shows a chosen locality's panel from that copy
without asking the server anything. Decision 83 has the measurements and the reasoning.

The copy is dropped after ``PANEL_COPY_MAX_AGE_S``: a panel shown from it is at most that old, and
after that the page asks the server as before (and fetches a fresh copy). Above
``Settings.prefetch_panels`` localities the page keeps no copy, since fetching thousands of panels would cost
more than it saves; every choice then goes to the server.
"""

from __future__ import annotations

from typing import Any

from dash import NoUpdate, no_update

from dashboard.data import DashboardData
from dashboard.server.settings import DEFAULT_PREFETCH_PANELS
from dashboard.views.map import shown_panel
from dashboard.views.url_state import KEY_LOCALITY

PANEL_COPY_MAX_AGE_S = 300
"""Seconds a fetched copy is used; a panel shown from it may be this much older than the data.

Five minutes: locality panels change only when staff import or edit indicators (group work does
not show in them, decision 82), and whoever imports reloads; a person clicking through the
localities at a meeting keeps instant panels for the whole of a typical agenda item."""


def panel_copy(data: DashboardData, wanted: dict | None, limit: int = DEFAULT_PREFETCH_PANELS,
               language: str | None = None) -> dict[str, Any] | NoUpdate:
    """Every locality's panel as the page would get it from a choice (``shown_panel``), by id.

    ``wanted`` is the page's request; its ``at`` (the browser's clock, in ms) is kept as ``asked``,
    so the browser measures the copy's age on its own clock. ``param`` is the address's key for
    the locality, so the script writes the address the server would (``url_state.to_query``)
    without a second definition of the key. With more than ``limit`` localities (or a limit of 0)
    the answer is ``{"enabled": False}`` and the page asks no more.
    """
    if not wanted:
        return no_update
    localities = data.localities()
    if not 0 < len(localities) <= limit:
        return {"enabled": False}
    asked = wanted.get("at") if isinstance(wanted, dict) else None
    return {
        "enabled": True,
        "param": KEY_LOCALITY,
        "max_age_s": PANEL_COPY_MAX_AGE_S,
        "asked": asked if isinstance(asked, (int, float)) and not isinstance(asked, bool) else None,
        "panels": {loc.id: shown_panel(data, loc.id, None, language) for loc in localities},
    }
