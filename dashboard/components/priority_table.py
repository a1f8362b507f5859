"""Priorities as tables: localities × SLUS areas on the compare page, and the map panel's overview of
one area's priority per locality. People's text (a priority's why) is a cell's text and its title,
never markup."""

from __future__ import annotations

from collections.abc import Mapping

from dash import html

from dashboard.i18n.messages import indicator_name, text
from dashboard.views.priorities import (
    PRIORITY_COLOURS,
    PriorityCell,
    PriorityLayer,
    PriorityTable,
    priority_label,
)
from indicators.core.slus import AREAS_BY_ID
from indicators.i18n.texts import N_

COMPARE_PRIORITIES_ID = "compare-priorities"


def _cell(cell: PriorityCell, language: str | None) -> html.Td:
    """The priority in words beside a swatch of the map's colour; the why as the cell's title."""
    swatch = html.Span(className="priority-swatch", style={"background": PRIORITY_COLOURS[cell.priority]},
                       **{"aria-hidden": "true"})
    words = [swatch, " ", priority_label(cell.priority, language)]
    if cell.why:
        words.append(html.Span(cell.why, className="priority-why"))
    value = cell.priority.value if cell.priority else "none"
    return html.Td(words, className=f"priority-cell priority-{value}", title=cell.why or None,
                   **{"data-priority": value})


def priority_table_view(table: PriorityTable, language: str | None = None) -> html.Div:
    """The compare page's section: a row per locality, a column per area, each locality's priority."""
    heading = html.H2(text("compare_priorities_heading", language, year=table.year))
    if table.empty:
        return html.Div([heading, html.P(text("compare_priorities_none", language), className="empty")],
                        id=COMPARE_PRIORITIES_ID, className="compare-priorities")
    rows = []
    for row in table.rows:
        if row.plan_year is None:
            note = text("compare_priorities_no_plan", language)
        elif row.older_plan:
            note = text("compare_priorities_plan_year", language, year=row.plan_year)
        else:
            note = ""
        name = [row.name, html.Span(f" ({note})", className="priority-plan-year")] if note else [row.name]
        rows.append(html.Tr([html.Th(name, scope="row"), *(_cell(cell, language) for cell in row.cells)],
                            **{"data-locality": row.locality_id}))
    header = html.Tr([html.Th(text(N_("col_locality"), language), scope="col"),
                      *(html.Th(AREAS_BY_ID[a].short_name, scope="col") for a in table.area_ids)])
    return html.Div(
        [heading, html.P(text("compare_priorities_intro", language)),
         html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table priority-table"),
                  className="table-scroll")],
        id=COMPARE_PRIORITIES_ID,
        className="compare-priorities",
    )


def priority_overview(layer: PriorityLayer, names: Mapping[str, str], language: str | None = None) -> html.Div:
    """The map panel with no locality chosen: each locality's priority for the layer's area."""
    rows = [
        html.Tr([html.Td(names.get(cell.locality_id, cell.locality_id)), _cell(cell, language)])
        for cell in layer.cells
    ]
    return html.Div(
        [
            html.H2(text("overview_heading", language, indicator=indicator_name(layer.indicator, language))),
            html.P(str(layer.year)),
            html.P(text("overview_hint", language)),
            html.Table([html.Thead(html.Tr([html.Th(text(k, language)) for k in (N_("col_locality"), N_("plans_priority"))])),
                        html.Tbody(rows)], className="data-table"),
            html.P(text("source_line", language, source=layer.indicator.source), className="source"),
        ],
        className="panel",
    )
