"""The map page's controls for the residents' ideas layer: shown or not, and which statuses.

Beside the initiatives' filters; the callback passes both to ``dashboard.views.map_markers``. The
status "became an initiative" is not offered: such an idea is drawn as its initiative.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.idea_markers import MAP_STATUSES
from dashboard.components.widgets import dropdown, labelled
from dashboard.i18n.messages import text
from dashboard.views.idea_rows import STATUS_KEYS

SHOWN = "on"


def idea_filter(language: str | None = None) -> html.Div:
    """A "show the ideas" checkbox (on) and a status choice (empty: all)."""
    return html.Div(
        [
            dcc.Checklist(id=ids.IDEA_FILTER_SHOW, options=[{"label": text("ideas_on_map", language), "value": SHOWN}],
                          value=[SHOWN], className="idea-filter-show"),
            labelled(text("filter_ideas", language), dropdown(
                ids.IDEA_FILTER_STATUS, language, multi=True,
                options=[{"label": text(STATUS_KEYS[s], language), "value": s.value} for s in MAP_STATUSES]),
                ids.IDEA_FILTER_STATUS),
        ],
        className="idea-filter",
    )
