"""The locality panel (as ``StaticTree`` nodes) and the overview table (as Dash components), from domain records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dash import html

from dashboard import ids
from dashboard.components.idea_links import suggest_link
from dashboard.components.markup import h
from dashboard.components.static_tree import Node, StaticTree, nodes_of
from dashboard.components.svg_image import svg_chart
from dashboard.exports.svg import line_chart_svg
from dashboard.i18n.messages import (
    area_title,
    basis_label,
    indicator_name,
    source_of,
    text,
    unit_heading,
)
from dashboard.views.formatting import number, with_unit, year
from dashboard.views.headline import headline_text
from dashboard.views.provenance import Kind, provenance_note
from indicators.core.model import Group, Indicator, Locality, Observation
from indicators.i18n.texts import N_
from indicators.metrics.headline import Headline
from indicators.metrics.latest import MapValue
from indicators.metrics.provenance import EXAMPLE, REAL, Provenance, provenance
from indicators.metrics.summary import AreaSummary, IndicatorLine

OVERVIEW_PAGE = 25
"""Rows of the overview table shown at first and added by each "show more"."""


def locality_panel(
    locality: Locality,
    group: Group | None,
    population_indicator: Indicator | None,
    population: Sequence[Observation],
    summary: Sequence[AreaSummary],
    language: str | None = None,
    population_headline: Headline | None = None,
) -> StaticTree:
    """Everything known about one locality: position, group, population, indicators per area.

    ``population_headline`` is the population the map shows for the locality
    (``indicators.metrics.headline``), headlined above the history of every count.
    No callback reads the panel, so it is built as the data the browser draws (``markup.h``),
    not as Dash components frozen afterwards: 3,000 components cost 55 ms (decision 80).
    """
    # With an id, so the page's script can give another locality's nodes to the same tree (decision 84).
    return StaticTree(id=ids.PANEL_TREE, tree=[h(
        "div",
        h("h2", locality.name, className="panel-title"),
        _position(locality, language),
        _group(group, language),
        suggest_link(locality, language),
        _population(locality, population_indicator, population, language, population_headline),
        h("h3", text("areas_heading", language)),
        [_area(s, language) for s in summary],
        className="panel",
        **{"data-locality": locality.id},
    )])


def overview_panel(
    indicator: Indicator,
    values: Sequence[MapValue],
    names: Mapping[str, str],
    year_label: str,
    notes: Mapping[str, str] | None = None,
    language: str | None = None,
    limit: int | None = None,
) -> html.Div:
    """With no locality chosen: what colours the map, for all localities, largest first.

    With ``limit``, only the first ``limit`` rows, a line saying how many of how many, and a "show
    more" button (``ids.PANEL_MORE``, its clicks counting the pages shown): a table of 2,000
    localities is 10,000 elements the browser would build before the page answers (issue #13).
    """
    notes = notes or {}

    def sort_key(v: MapValue):
        return (v.value is None, -(v.value or 0), names.get(v.locality_id, ""))

    ranked = sorted(values, key=sort_key)
    shown = ranked if limit is None else ranked[:limit]
    rows = []
    for v in shown:
        obs = v.observation
        value_cell = [number(obs.value, language) if obs else text("missing", language)]
        badge = _example_badge(provenance(obs), language)
        if badge:  # the locality panel's mark, as data inside the Dash table (``freeze`` keeps it as it is)
            value_cell.append(StaticTree(tree=badge))
        rows.append(
            html.Tr(
                [
                    html.Td(names.get(v.locality_id, v.locality_id)),
                    html.Td(value_cell, className="num"),
                    *([] if notes else [html.Td(year(obs, language) if obs else "")]),
                    html.Td(notes.get(v.locality_id) or (basis_label(obs.basis, language) if obs else "")),
                ],
                className="" if v.comparable else "not-comparable",
            )
        )
    headers = ("col_locality", N_("col_value"), "col_coverage") if notes else (
        "col_locality", N_("col_value"), N_("col_year"), N_("col_basis"))
    return html.Div(
        [
            html.H2(text("overview_heading", language, indicator=indicator_name(indicator, language))),
            html.P(f"{unit_heading(indicator, language)}, {year_label}"),
            html.P(text("overview_hint", language)),
            html.Table(
                [
                    html.Thead(html.Tr([html.Th(text(k, language)) for k in headers])),
                    html.Tbody(rows),
                ],
                className="data-table",
                tabIndex="0",  # it scrolls sideways on a phone (assets/responsive.js would add it a frame later)
            ),
            *_more(len(shown), len(ranked), limit, language),
            html.P(text("source_line", language, source=indicator.source), className="source"),
        ],
        className="panel",
    )


def _more(shown: int, total: int, limit: int | None, language: str | None) -> list:
    """How many rows of how many, and the button for the next page, when some are left out."""
    if limit is None or shown >= total:
        return []
    pages = max(1, limit // OVERVIEW_PAGE)
    count = min(OVERVIEW_PAGE, total - shown)
    return [
        html.P(text("overview_shown", language, shown=number(shown, language), total=number(total, language)),
               className="hint overview-count"),
        html.Button(text("overview_more", language, count=number(count, language)), id=ids.PANEL_MORE,
                    n_clicks=pages - 1, type="button", className="button secondary"),
    ]


def _example_badge(prov: Provenance, language: str) -> list[Node]:
    """The mark beside a figure that rests on example data (words from ``views.provenance``); none for real ones."""
    note = provenance_note(prov, Kind.FIGURE, language)
    return [h("span", note, className="badge badge-example", title=text("example_note", language))] if note else []


def _position(locality: Locality, language: str) -> Node:
    parts = []
    if locality.approximate:
        parts.append(h("span", text("approximate_badge", language), className="badge badge-warning"))
    if locality.scb_tatort_code:
        parts.append(h("p", text("scb_tatort", language, code=locality.scb_tatort_code)))
    else:
        parts.append(h("p", text("not_tatort", language)))
    parts.append(h("p", text("position_basis", language, basis=locality.position_basis), className="source"))
    return h("div", parts, className="panel-position")


def _group(group: Group | None, language: str) -> Node:
    if group is None:
        return h("div")
    heading = text("group_heading", language)
    if heading.casefold() in group.name.casefold():  # "Lokal utvecklingsgrupp Storebro" says it once
        body = [h("h3", group.name, className="group-name")]
    else:
        body = [h("h3", heading), h("p", group.name, className="group-name")]
    if group.note:
        body.append(h("p", group.note))
    return h("div", body, className="panel-group")


def _population(locality: Locality, indicator: Indicator | None, population: Sequence[Observation], language: str,
                headline: Headline | None = None) -> Node:
    heading = h("h3", text("population_heading", language))
    if indicator is None or not any(o.value is not None for o in population):
        return h("div", heading, h("p", text("population_empty", language)))
    if headline is not None:
        heading = h("div", heading, _headline(headline, indicator, language))
    rows = [
        h(
            "tr",
            h("td", year(o, language)),
            h("td", with_unit(o.value, indicator, language), className="num"),
            h("td", basis_label(o.basis, language)),
            h("td", source_of(o, language), className="source"),
        )
        for o in sorted(population, key=lambda o: (o.year is None, o.year or 0, o.basis))
    ]
    return h(
        "div",
        heading,
        _population_chart(locality, indicator, population, language),
        h(
            "table",
            h("thead", h("tr", [h("th", text(k, language)) for k in
                                (N_("col_year"), N_("col_value"), N_("col_basis"), N_("col_source"))])),
            h("tbody", rows),
            className="data-table population-table",
            tabIndex="0",  # as the overview's table
        ),
    )


def _population_chart(locality: Locality, indicator: Indicator, population: Sequence[Observation],
                      language: str | None) -> list[Node]:
    """The counts over time as a server-drawn SVG image, one line per basis (never joined across
    bases), or nothing when no count has a year. The table below it holds the same figures."""
    series: dict[str, list[tuple[int, float]]] = {}
    for o in sorted(population, key=lambda o: (o.basis, o.year or 0)):
        if o.year is not None and o.value is not None:
            series.setdefault(basis_label(o.basis, language), []).append((o.year, o.value))
    if not series:
        return []
    alt = text("population_chart_alt", language, locality=locality.name)
    svg = line_chart_svg(series, title=alt, unit=unit_heading(indicator, language), language=language)
    return nodes_of(svg_chart(svg, alt, "folkmangd", "population-chart", language))


def _headline(headline: Headline, indicator: Indicator, language: str) -> Node:
    """The map's figure for the locality, then its counts on other bases (``views.headline``)."""
    words = headline_text(headline, indicator, language)
    return h(
        "span",
        h("span", words.main or text("missing", language), className="headline-figure"),
        _example_badge(EXAMPLE if words.example else REAL, language),
        [h("span", f" · {other}", className="headline-other") for other in words.others],
        className="headline",
        **{"data-indicator": indicator.id},
    )


def _area(summary: AreaSummary, language: str) -> Node:
    area = summary.area
    header = h(
        "h4",
        h("span", className="area-swatch", style={"background": area.colour}),
        area_title(area, language),
        className="area-heading",
    )
    if not summary.lines:
        return h("section", header, h("p", text("area_empty", language), className="muted"),
                 className="area", **{"data-area": area.id})
    return h("section", header, [_indicator_line(line, language) for line in summary.lines],
             className="area", **{"data-area": area.id})


def _indicator_line(line: IndicatorLine, language: str) -> Node:
    ind = line.indicator

    def cell(label_key: str, obs: Observation | None) -> Node:
        label = h("span", text(label_key, language), className="ref-label")
        if label_key == "ref_locality" and line.headline is not None:
            return h("div", label, _headline(line.headline, ind, language), className="ref")
        if obs is None:
            return h("div", label, h("span", text("missing", language)), className="ref")
        return h("div", label, h("span", f"{with_unit(obs.value, ind, language)} ({year(obs, language)})"),
                 _example_badge(provenance(obs), language), className="ref")

    sources = sorted({source_of(o, language) for o in (line.locality, line.municipality, line.sweden) if o is not None})
    return h(
        "div",
        h("div", indicator_name(ind, language), className="indicator-name"),
        h(
            "div",
            cell(N_("ref_locality"), line.locality), cell(N_("ref_municipality"), line.municipality),
            cell(N_("ref_sweden"), line.sweden),
            className="refs",
        ),
        h("p", text("source_line", language, source="; ".join(sources) or ind.source), className="source"),
        className="indicator-line",
    )
