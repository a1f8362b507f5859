"""The method page: how scores and the index are computed, and where figures come from."""

from __future__ import annotations

from dash import dcc, html

from dashboard.data import DashboardData
from dashboard.i18n.messages import indicator_name, text, unit_heading
from dashboard.server.language import current_language
from indicators.core.model import Direction
from indicators.core.slus import AREAS_BY_ID
from indicators.i18n.texts import N_
from indicators.metrics.method import method_text

_DIRECTION_KEYS = {Direction.HIGHER_IS_BETTER: N_("direction_higher"), Direction.LOWER_IS_BETTER: N_("direction_lower"),
                   Direction.NEUTRAL: N_("direction_neutral")}


def method_page(data: DashboardData, language: str | None = None) -> html.Div:
    indicators = data.indicators()
    rows = [
        html.Tr([html.Td(indicator_name(i, language)), html.Td(AREAS_BY_ID[i.area_id].short_name if i.area_id in AREAS_BY_ID else i.area_id), html.Td(unit_heading(i, language)),
                 html.Td(text(_DIRECTION_KEYS[i.direction], language)), html.Td(i.source),
                 html.Td(i.definition_sv)])
        for i in indicators
    ]
    return html.Div(
        [
            html.H2(text("method_heading", language)),
            dcc.Markdown(method_text(language or current_language()), className="method-text"),
            html.H3(text("catalogue_heading", language)),
            html.Div(html.Table(
                [html.Thead(html.Tr([html.Th(text(k, language)) for k in
                                     ("col_indicator", "compare_area", N_("col_unit"), N_("col_direction"), N_("col_source"),
                                      N_("col_definition"))])),
                 html.Tbody(rows)],
                className="data-table"), className="table-scroll"),
        ],
        className="method-page narrow-page",
    )
