"""The "Underlag" page: which figures are real, example, on another basis or missing (staff only).

What it shows is ``dashboard.views.readiness``; this lays it out. Others see
the same refusal the staff page gives, and the download callback asks the
gate again, so hiding the page is never what protects the list.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.views.readiness import (
    DETAIL_COLUMNS,
    SUMMARY_COLUMNS,
    ReadinessView,
    readiness_view,
)
from indicators.accounts.gate import PermissionDenied

READINESS_DOWNLOAD_BUTTON = "readiness-download-button"
READINESS_DOWNLOAD = "readiness-download"
READINESS_TABLE = "readiness-table"
READINESS_SUMMARY = "readiness-summary"


def readiness_page(data: DashboardData, language: str | None = None) -> html.Div:
    try:
        view = readiness_view(data, data.current_user(), language)
    except PermissionDenied:
        return html.Div([html.H2(text("readiness_title", language)),
                         html.P(text("readiness_only", language), className="notice notice-info")],
                        className="narrow-page")
    return html.Div(
        [
            html.H2(text("readiness_title", language)),
            html.P(text("readiness_intro", language)),
            html.P(view.totals_text(language), className="readiness-totals"),
            html.Div(html.Button(text("readiness_download", language), id=READINESS_DOWNLOAD_BUTTON,
                                 className="button"), className="button-row"),
            dcc.Download(id=READINESS_DOWNLOAD),
            html.H3(text("readiness_summary_heading", language)),
            _scroll_box(_summary(view, language), text("readiness_summary_heading", language)),
            html.H3(text("readiness_details_heading", language)),
            _scroll_box(_details(view, language), text("readiness_details_heading", language), "readiness-details"),
        ],
        className="readiness-page",
    )


def _scroll_box(table: html.Table, label: str, extra_class: str = "") -> html.Div:
    """A box the table scrolls in (the page never scrolls sideways), reachable by keyboard to scroll it."""
    return html.Div(table, className=f"table-scroll readiness-scroll {extra_class}".strip(), tabIndex="0",
                    role="region", **{"aria-label": label})


def _head(keys: tuple[str, ...], language: str | None) -> html.Thead:
    return html.Thead(html.Tr([html.Th(text(key, language), scope="col") for key in keys]))


def _summary(view: ReadinessView, language: str | None) -> html.Table:
    rows = [html.Tr([html.Th(row.indicator, scope="row"), *(html.Td(str(n), className="num") for n in row.counts)],
                    **{"data-indicator": row.indicator_id})
            for row in view.summary]
    return html.Table([_head(SUMMARY_COLUMNS, language), html.Tbody(rows)], id=READINESS_SUMMARY,
                      className="data-table readiness-table")


def _details(view: ReadinessView, language: str | None) -> html.Table:
    rows = [
        html.Tr(
            [
                html.Td(row.indicator),
                html.Td(row.place),
                html.Td(html.Span(row.status_text, className=f"badge readiness-{row.status.value}")),
                html.Td(row.value_text, className="num"),
                html.Td(row.unit),
                html.Td(row.basis),
                html.Td(row.year),
                html.Td(row.source, className="source"),
                html.Td(row.source_date),
            ],
            **{"data-indicator": row.indicator_id, "data-place": row.place_id, "data-status": row.status.value},
        )
        for row in view.details
    ]
    return html.Table([_head(DETAIL_COLUMNS, language), html.Tbody(rows)], id=READINESS_TABLE,
                      className="data-table readiness-table")
