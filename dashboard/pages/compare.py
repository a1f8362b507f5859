"""The compare page layout: controls, chart slots, the weights form and the export buttons.

What fills the slots is computed in ``dashboard.views.compare`` (the ranking table is the
component ``dashboard.components.ranking_table``); the callbacks are in ``compare_callbacks``.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.compare_ideas import idea_counts_view
from dashboard.components.priority_table import priority_table_view
from dashboard.components.widgets import chart, dropdown, graph_config, labelled
from dashboard.data import DashboardData
from dashboard.i18n.messages import area_title, text
from dashboard.server.language import current_language
from dashboard.views.compare import priorities_side_by_side
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.metrics.method import method_text


def compare_page(data: DashboardData, language: str | None = None) -> html.Div:
    localities = data.localities()
    return html.Div(
        [
            dcc.Location(id=ids.COMPARE_URL, refresh=False),
            dcc.Download(id=ids.DOWNLOAD),
            html.H2(text("compare_title", language)),
            html.P(text("compare_intro", language)),
            html.Div(
                [
                    labelled(text("compare_localities", language), dropdown(ids.CMP_LOCALITIES, language, multi=True,
                        options=[{"label": loc.name, "value": loc.id} for loc in localities]), ids.CMP_LOCALITIES,
                        class_name="control wide"),
                    labelled(text("compare_year", language),
                             dropdown(ids.CMP_YEAR, language, clearable=False, options=[
                                 {"label": str(y), "value": str(y)} for y in sorted(data.score_years(), reverse=True)
                             ]), ids.CMP_YEAR),
                    labelled(text("compare_area", language), dropdown(ids.CMP_AREA, language, clearable=False,
                        options=[{"label": area_title(a, language), "value": a.id}
                                 for a in DEVELOPMENT_AREAS]), ids.CMP_AREA),
                    labelled(text("compare_indicator", language),
                             dropdown(ids.CMP_INDICATOR, language, clearable=False), ids.CMP_INDICATOR),
                ],
                className="controls compare-controls",
            ),
            html.Div(id=ids.CMP_MESSAGE, role="status"),
            html.Div(id=ids.CMP_EXAMPLE),
            html.Div(
                [
                    chart(dcc.Graph(id=ids.CMP_RADAR, config=graph_config(language), className="chart"), "radar", language),
                    chart(dcc.Graph(id=ids.CMP_INDEX, config=graph_config(language), className="chart"), "index", language),
                ],
                className="chart-grid",
            ),
            _weights_form(language),
            html.Div(
                [
                    chart(dcc.Graph(id=ids.CMP_BARS, config=graph_config(language), className="chart"), "bars", language),
                    chart(dcc.Graph(id=ids.CMP_SERIES, config=graph_config(language), className="chart"), "series", language),
                ],
                className="chart-grid",
            ),
            html.Div(id=ids.CMP_TABLE),
            priority_table_view(priorities_side_by_side(data), language),
            idea_counts_view(data, language),
            html.Div(
                [
                    html.Button(text("export_csv", language), id=ids.EXPORT_CSV, className="button"),
                    html.Button(text("export_xlsx", language), id=ids.EXPORT_XLSX, className="button"),
                ],
                className="button-row",
            ),
            html.Details([html.Summary(text("method_heading", language)), dcc.Markdown(method_text(language or current_language()))],
                         className="method"),
        ],
        className="compare-page",
    )


def _weights_form(language: str) -> html.Details:
    inputs = [
        html.Div(
            [
                html.Label(area.short_name, htmlFor=f"weight-{area.id}"),
                dcc.Input(id={"type": ids.WEIGHT, "area": area.id}, type="number", min=0, step="any",
                          debounce=True, className="weight-input"),
            ],
            className="weight",
        )
        for area in DEVELOPMENT_AREAS
    ]
    return html.Details(
        [
            html.Summary(text("weights_heading", language)),
            html.P(text("weights_help", language)),
            html.Div(inputs, className="weights"),
            html.Div(
                [
                    html.Button(text("weights_apply", language), id=ids.WEIGHTS_APPLY, className="button"),
                    html.Button(text("weights_reset", language), id=ids.WEIGHTS_RESET, className="button secondary"),
                ],
                className="button-row",
            ),
            html.Div(id=ids.WEIGHTS_MESSAGE, role="alert"),
        ],
        className="weights-form",
    )
