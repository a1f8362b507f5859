"""The compare view's ranking table: the index, an area's score and its indicators per locality.

A component, not a page: ``dashboard.views.compare.compare_content`` draws it for the page's
callback, and anything else showing a comparison (an export, a test) can draw the same table
without importing a page module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dash import html

from dashboard.i18n.messages import indicator_name, text, unit_text
from dashboard.views.formatting import number
from dashboard.views.provenance import STAR, Kind, provenance_note, star_note
from indicators.core.model import Indicator
from indicators.core.slus import AREAS_BY_ID
from indicators.metrics.comparison import (
    KIND_AREA,
    KIND_INDEX,
    KIND_INDICATOR,
    ComparisonRow,
)
from indicators.metrics.provenance import provenance

# Rank colours (Kolada style: colour means position, not good or bad): dark to light blue.
RANK_COLOURS = ("#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7",
                "#eef5fb", "#f7fbff")


def ranking_table(rows: Sequence[ComparisonRow], selected: Sequence[str], names: Mapping[str, str],
                  indicators: Mapping[str, Indicator], area_id: str, year: int,
                  language: str | None = None) -> html.Div:
    """Index, the area's score and its indicators as rows; the chosen localities as columns."""
    by_key = {(r.kind, r.indicator_id, r.locality_id): r for r in rows}
    area = AREAS_BY_ID[area_id]
    lines = [(KIND_INDEX, "index", text("layer_index", language)),
             (KIND_AREA, f"omrade:{area_id}", text("layer_area", language, area=area.short_name))]
    lines += [(KIND_INDICATOR, ind.id, indicator_name(ind, language)) for ind in indicators.values() if ind.area_id == area_id]

    header = html.Tr([html.Th(text("col_indicator", language)),
                      *[html.Th(names.get(loc, loc)) for loc in selected],
                      html.Th(text("col_municipality", language))])
    body = []
    for kind, key, label in lines:
        cells = [html.Th(label, scope="row")]
        municipality = None
        for loc in selected:
            row = by_key.get((kind, key, loc))
            cells.append(_cell(row, indicators.get(key), language))
            if row is not None and row.municipality_value is not None:
                municipality = row.municipality_value
        cells.append(html.Td(number(_round(municipality), language) if municipality is not None else "–",
                             className="num"))
        body.append(html.Tr(cells))
    return html.Div(
        [
            html.H3(text("table_title", language, year=year, area=area.short_name)),
            html.P([text("table_hint", language), " ", text("table_cells_hint", language), " ",
                    star_note(language)], className="source"),
            html.Div(html.Table([html.Thead(header), html.Tbody(body)], className="data-table rank-table"),
                     className="table-scroll"),
        ]
    )


def _cell(row: ComparisonRow | None, indicator: Indicator | None, language: str) -> html.Td:
    if row is None or (row.value is None and row.per_1000 is None):
        return html.Td(text("missing", language), className="num missing")
    note = provenance_note(provenance(row), _KINDS.get(row.kind, Kind.FIGURE), language)
    value = number(_round(row.value), language) + (f" {unit_text(row.unit, language)}".rstrip()
                                                    if row.kind == KIND_INDICATOR else "")
    # The cell stays narrow (ten localities fit 1366 px): the example-data note is a star here
    # and in words in the cell's title; the key to the star and to the small lines is under the title.
    parts: list = [html.Div(f"{value}{STAR}" if note else value)]
    if row.per_1000 is not None:
        parts.append(html.Div(f"{number(_round(row.per_1000), language)} {text('col_per_1000', language)}",
                              className="sub"))
    if row.difference_to_municipality is not None:
        sign = "+" if row.difference_to_municipality > 0 else ""
        parts.append(html.Div(f"{sign}{number(_round(row.difference_to_municipality), language)}",
                              className="sub", title=text("col_difference", language)))
    if row.coverage_used is not None:
        parts.append(html.Div(f"{row.coverage_used}/{row.coverage_available}", className="sub",
                              title=text("col_coverage", language)))
    style = {}
    if row.rank is not None:
        colour = RANK_COLOURS[min(row.rank - 1, len(RANK_COLOURS) - 1)]
        # White text only where it keeps 4.5:1 contrast (ranks 1–3), dark text from rank 4.
        style = {"background": colour, "color": "#fff" if row.rank <= 3 else "#111"}
    label = " ".join((text("col_rank", language), str(row.rank))) if row.rank is not None else ""
    label = " · ".join(part for part in (label, note) if part)
    return html.Td(parts, className="num ranked", style=style, title=label, **{"data-rank": row.rank or ""})


_KINDS = {KIND_INDEX: Kind.INDEX, KIND_AREA: Kind.AREA_SCORE, KIND_INDICATOR: Kind.FIGURE}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
