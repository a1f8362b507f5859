"""The compare page's residents' ideas: published ideas and supports per locality, raw and per 1,000
inhabitants (issue 14). The same rows and table as the ideas page (``dashboard.views.idea_rows``), so the
two pages never disagree; whole-municipality ideas belong to no locality and are left out."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard.components.ideas_view import counts_table
from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.views.idea_rows import CountRow, count_rows
from indicators.ideas.store import IdeaStore

COMPARE_IDEAS_ID = "compare-ideas"


def idea_count_rows(data: DashboardData, year: int | None = None) -> list[CountRow]:
    """Every locality's public ideas and supports, most ideas first, per 1,000 with ``year``'s population."""
    ideas = IdeaStore(data.store, salt=b"")  # reads only: no hash is made
    return count_rows(data.names(), ideas.counts_by_locality(), data.populations(year or date.today().year))


def idea_counts_view(data: DashboardData, language: str | None = None) -> html.Div:
    """The section: a heading, one sentence on what is counted, the table."""
    return html.Div(
        [html.H2(text("compare_ideas_heading", language)), html.P(text("compare_ideas_intro", language)),
         html.Div(counts_table(idea_count_rows(data), language), className="table-scroll")],
        id=COMPARE_IDEAS_ID,
        className="compare-ideas",
    )
