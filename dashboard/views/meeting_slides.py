"""Two slides for the strategic meeting: "since the last meeting" (the default presentation's
opening slide, issue 15) and "what residents propose" (optional, issue 14).

Both are drawn for a projector: one table per slide, a row per locality, so ten localities fit
1366 × 768 without scrolling; the page ``/sedan-motet`` keeps the full lists. People's text (idea
titles, locality names) is a component's text, never markup or a template.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode

from dash import html

from dashboard.components.ideas_view import counts_table
from dashboard.data import DashboardData
from dashboard.i18n.messages import plural, text
from dashboard.views.idea_rows import count_rows
from dashboard.views.plans import change_report, period_defaults
from dashboard.views.public_names import KEY_FROM, KEY_SLIDE, KEY_TO, PRESENT_PATH
from dashboard.views.formatting import day
from dashboard.server.language import current_language
from indicators.i18n.texts import N_
from indicators.ideas.store import IdeaStore
from indicators.plans.changes import LocalityChanges
from indicators.presentations.slides import SLIDE_CHANGES, SLIDE_IDEAS

TOP_IDEAS = 5
"""How many of the most supported ideas the slide names (more would not fit beside the table)."""
CHANGE_COLUMNS = (N_("slide_changes_col_figures"), N_("slide_changes_col_started"), N_("slide_changes_col_finished"),
                  N_("slide_changes_col_status"), N_("slide_changes_col_items"), N_("slide_changes_col_activities"))


# ------------------------------------------------------------------ the period in the URL

def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def slide_period(data: DashboardData, search: str | None, today: date | None = None) -> tuple[date, date]:
    """The period ``?fran=…&till=…`` names, else the two latest strategic meetings.

    A period that runs backwards or a date that is not one falls back to the default: a slide on a
    projector has no place for a form's error messages (the page ``/sedan-motet`` has).
    """
    query = parse_qs((search or "").lstrip("?"))
    start = _date((query.get(KEY_FROM) or [None])[0])
    end = _date((query.get(KEY_TO) or [None])[0])
    if start is None or end is None or start > end:
        return period_defaults(data, today)
    return start, end


def presentation_href(start: date, end: date, slide: int = 1) -> str:
    """The default presentation at its opening slide with the change view's dates."""
    return PRESENT_PATH + "?" + urlencode({KEY_SLIDE: str(slide), KEY_FROM: start.isoformat(), KEY_TO: end.isoformat()})


# ------------------------------------------------------------------ since the last meeting

def _counts(changes: LocalityChanges, ideas_counted: bool, language: str) -> list[str]:
    figures = str(len(changes.figures))
    if changes.basis_changes:  # not comparable, so not a move; still said, or the row would read as all zeros
        figures = text("slide_changes_figures_basis", language, moved=len(changes.figures),
                       basis=len(changes.basis_changes))
    cells = [figures, str(len(changes.started)), str(len(changes.finished)),
             str(len(changes.status_changes)), str(len(changes.items_done)), str(changes.activities)]
    if ideas_counted:
        ideas = changes.ideas
        cells.append(f"{ideas.sent} / {ideas.adopted}" if ideas else "0 / 0")
    return cells


def changes_slide(data: DashboardData, start: date, end: date, language: str | None = None) -> html.Div:
    """What changed per locality between two dates, one row each; one sentence when nothing did."""
    language = language or current_language()
    report = change_report(data, start, end)
    head = [html.H2(text("changes_title", language)),
            html.P(text("changes_period", language, start=day(start, language), end=day(end, language)),
                   className="pres-lead")]
    if report.empty:
        body: list = [html.P(text("changes_nothing", language), className="slide-no-data changes-empty")]
    else:
        names = data.names()
        columns = [*CHANGE_COLUMNS, *((N_("slide_changes_col_ideas"),) if report.ideas_counted else ())]
        header = html.Tr([html.Th(text(N_("col_locality"), language), scope="col"),
                          *(html.Th(text(key, language), scope="col") for key in columns)])
        rows = []
        for changes in report.localities:
            name = html.Th(names.get(changes.locality_id, changes.locality_id), scope="row")
            if changes.empty:
                cells = [html.Td(text("changes_nothing_here", language), colSpan=len(columns), className="empty")]
            else:
                cells = [html.Td(value) for value in _counts(changes, report.ideas_counted, language)]
            rows.append(html.Tr([name, *cells], **{"data-locality": changes.locality_id}))
        body = [html.Table([html.Thead(header), html.Tbody(rows)], className="data-table slide-table changes-slide-table")]
    return html.Div([*head, html.Div(body, className="slide-table-box")],
                    className="slide", **{"data-slide": SLIDE_CHANGES})


# ------------------------------------------------------------------ what residents propose

def _place(locality_id: str | None, names: dict[str, str], language: str) -> str:
    return names.get(locality_id, locality_id) if locality_id else text("slide_ideas_whole", language)


def ideas_slide(data: DashboardData, language: str | None = None) -> html.Div:
    """Ideas and supports per locality (raw and per 1,000) beside the most supported ideas."""
    language = language or current_language()
    ideas = IdeaStore(data.store, salt=b"")  # reads only: no hash is made
    names = data.names()
    rows = count_rows(names, ideas.counts_by_locality(), data.populations(date.today().year))
    top = ideas.most_supported(limit=TOP_IDEAS)
    side: list = [html.H3(text("slide_ideas_top", language))]
    if top:
        side.append(html.Ol([
            html.Li([html.Strong(idea.title),
                     " – " + _place(idea.locality_id, names, language) + " · "
                     + plural("slide_ideas_supports", idea.supports, language)])
            for idea in top], className="slide-ideas-top"))
    else:
        side.append(html.P(text("ideas_none_yet", language)))
    return html.Div([
        html.H2(text("slide_ideas", language)),
        html.Div([html.Div(counts_table(rows, language), className="slide-table-box"),
                  html.Div(side, className="pres-side")], className="pres-columns"),
    ], className="slide", **{"data-slide": SLIDE_IDEAS})
