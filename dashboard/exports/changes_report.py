"""The change view ("since the last strategic meeting") as a printable document: HTML, and PDF by headless Chromium.

Self-contained (styles inline, no scripts, no images), so it prints offline
like the other reports (``dashboard.exports.pdf``).
"""

from __future__ import annotations

from datetime import date, datetime

from dashboard.data import DashboardData
from dashboard.exports.pdf import report_pdf
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.server.templating import render
from dashboard.views.formatting import day
from dashboard.views.plans import ChangeRow, change_view
from indicators.i18n.texts import N_


def row_parts(row: ChangeRow, language: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """The headed lists of one locality's changes, leaving out the empty ones (the page uses the same)."""
    parts = [
        (N_("changes_figures_heading"), row.figures),
        (N_("changes_basis_heading"), row.basis_changes),
        (N_("changes_started_heading"), row.started),
        (N_("changes_finished_heading"), row.finished),
        (N_("changes_status_heading"), row.status_changes),
        (N_("changes_items_heading"), row.items_done),
        (N_("changes_activities_heading"), (row.activities,)),
    ]
    if row.ideas is not None:
        parts.append((N_("changes_ideas_heading"), (row.ideas,)))
    return [(text(key, language), lines) for key, lines in parts if lines]


def changes_report_html(data: DashboardData, start: date, end: date, *, today: date | None = None) -> str:
    language = current_language()
    view = change_view(data, start, end, language)
    return render(
        "changes_report.html",
        lang=language,
        view=view,
        exported=text("changes_exported", language, day=day(today or datetime.now().date(), language)),
        nothing=text("changes_nothing", language),
        nothing_here=text("changes_nothing_here", language),
        row_parts=lambda row: row_parts(row, language),
    )


def changes_report_pdf(data: DashboardData, start: date, end: date) -> bytes:
    return report_pdf(changes_report_html(data, start, end))
