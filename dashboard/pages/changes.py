"""The change view, "Sedan förra strategiska mötet": two dates (by default the two latest meetings) and what changed.

What it shows is ``dashboard.views.plans.change_view``; the printable report
is ``dashboard.exports.changes_report``. Everything here is public, like the
figures and the group work it is made of.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.data import DashboardData
from dashboard.exports.changes_report import row_parts
from dashboard.i18n.messages import text
from dashboard.views.meeting_slides import presentation_href
from dashboard.views.plans import ChangeView, period_defaults

CHANGES_START = "changes-start"
CHANGES_END = "changes-end"
CHANGES_BODY = "changes-body"
CHANGES_HTML = "changes-html"
CHANGES_PDF = "changes-pdf"
CHANGES_DOWNLOAD = "changes-download"
CHANGES_PRESENT = "changes-present"


def _date_picker_words(language: str | None) -> dict[str, object]:
    """The date fields speak Swedish: a placeholder (else "Select Date", also read aloud), weeks from Monday,
    and months as numbers in the calendar's heading (the picker's own month names are English only)."""
    return {"display_format": "YYYY-MM-DD", "month_format": "YYYY-MM", "first_day_of_week": 1,
            "placeholder": text("plans_date_format", language)}


def changes_page(data: DashboardData, language: str | None = None) -> html.Div:
    start, end = period_defaults(data)
    return html.Div(
        [
            html.H2(text("changes_title", language)),
            html.P(text("changes_intro", language)),
            html.Div(
                [
                    html.Label([text("changes_from", language),
                                dcc.DatePickerSingle(id=CHANGES_START, date=start.isoformat(), **_date_picker_words(language))]),
                    html.Label([text("changes_to", language),
                                dcc.DatePickerSingle(id=CHANGES_END, date=end.isoformat(), **_date_picker_words(language))]),
                    html.Button(text("changes_download_html", language), id=CHANGES_HTML, className="button secondary"),
                    html.Button(text("changes_download_pdf", language), id=CHANGES_PDF, className="button secondary"),
                    # The default presentation opens with this view: its first slide, these dates.
                    dcc.Link(text("changes_present", language), id=CHANGES_PRESENT, href=presentation_href(start, end),
                             className="button"),
                ],
                className="button-row changes-controls",
            ),
            dcc.Download(id=CHANGES_DOWNLOAD),
            dcc.Loading(html.Div(id=CHANGES_BODY, className="changes-body")),
        ],
        className="changes-page",
    )


def changes_body(view: ChangeView, language: str | None = None) -> list:
    """The report as components: a card per locality, or one sentence when nothing changed."""
    head = [html.H3(view.period, className="changes-period")]
    if view.empty:
        return head + [html.P(text("changes_nothing", language), className="notice notice-info changes-empty")]
    cards = []
    for row in view.rows:
        if row.empty:
            body = [html.P(text("changes_nothing_here", language), className="empty")]
        else:
            body = [
                html.Div([html.H5(heading), html.Ul([html.Li(line) for line in lines])], className="changes-part")
                for heading, lines in row_parts(row, language)
            ]
        cards.append(html.Section([html.H4(row.name), *body], className="changes-locality",
                                  **{"data-locality": row.locality_id}))
    return head + [html.Div(cards, className="changes-grid")]
