"""Group work as components: overview table, lists, composition, timeline.

User text (titles, descriptions, partners) is only ever passed to Dash
components as children strings, which React renders as text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids
from dashboard.components.chart_text import chart_message, chart_text
from dashboard.components.date_axis import date_axis
from dashboard.components.idea_links import origin_line
from dashboard.i18n.messages import basis_label, kind_label, status_label, text  # noqa: F401 (kind_label, status_label: used by pages)
from dashboard.views.formatting import day, number
from dashboard.views.public_names import GROUPS_PATH
from dashboard.views.url_state import locality_link
from indicators.core.model import Observation
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.records import (
    AGE_BANDS,
    REPRESENTATIONS,
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
)
from indicators.i18n.texts import N_
from indicators.ideas.records import Idea
from indicators.metrics.per_capita import per_1000

KIND_SYMBOLS = {ActivityKind.MEETING: "circle", ActivityKind.EVENT: "star", ActivityKind.WORKSHOP: "square",
                ActivityKind.WALK: "triangle-up", ActivityKind.CLEANUP: "diamond", ActivityKind.OTHER: "x"}


def area_names(areas: Sequence[str]) -> str:
    return ", ".join(AREAS_BY_ID[a].short_name for a in areas if a in AREAS_BY_ID)


def overview_table(
    names: Mapping[str, str],
    activity_counts: Mapping[str, tuple[int, int]],
    status_counts: Mapping[tuple[str, str], int],
    populations: Mapping[str, Observation | None],
    period_label: str,
    language: str | None = None,
) -> html.Div:
    """Counts and per 1,000 inhabitants side by side: small villages must not look idle next to the town."""
    statuses = list(InitiativeStatus)
    header = html.Tr([html.Th(text("col_locality", language)), html.Th(text("col_activities", language)),
                      html.Th(text("col_activities_per_1000", language)), html.Th(text("col_participants", language)),
                      *[html.Th(status_label(s, language)) for s in statuses],
                      html.Th(text("col_population_basis", language))])
    rows = []
    for locality_id, name in names.items():
        count, participants = activity_counts.get(locality_id, (0, 0))
        population = populations.get(locality_id)
        rate = per_1000(count, population)
        basis = (f"{number(population.value, language)} ({population.year or text('undated', language)}, "
                 f"{basis_label(population.basis, language)})" if population and population.value is not None
                 else text("missing", language))
        rows.append(html.Tr([
            html.Th(dcc.Link(name, href=locality_link(GROUPS_PATH, locality_id)), scope="row"),
            html.Td(str(count), className="num"),
            html.Td(number(round(rate, 1), language) if rate is not None else text("missing", language),
                    className="num"),
            html.Td("–" if participants is None else str(participants), className="num"),
            *[html.Td(str(status_counts.get((locality_id, s.value), 0)), className="num") for s in statuses],
            html.Td(basis, className="source"),
        ]))
    return html.Div([
        html.H3(text("overview_groups_heading", language, period=period_label)),
        html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table"), className="table-scroll"),
    ])


def activity_list(activities: Sequence[Activity], editable: bool, language: str | None = None) -> html.Div:
    if not activities:
        return html.P(text("no_activities", language), className="muted")
    header = [text(k, language) for k in (N_("col_date"), N_("col_kind"), N_("col_title"), "col_participants", N_("col_areas"))]
    rows = []
    for a in activities:
        cells = [html.Td(day(a.date, language)), html.Td(kind_label(a.kind, language)),
                 html.Td([html.Div(a.title, className="item-title"), html.Div(a.description, className="item-text")]),
                 html.Td("" if a.participants is None else str(a.participants), className="num"),
                 html.Td(area_names(a.areas))]
        if editable:
            cells.append(html.Td(_row_buttons(ids.EDIT_ACTIVITY, ids.DELETE_ACTIVITY, a.id, a.version, language)))
        rows.append(html.Tr(cells, **{"data-activity": a.id}))
    if editable:
        header.append(text("col_actions", language))
    return html.Div(html.Table([html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
                               className="data-table"), className="table-scroll")


def initiative_list(initiatives: Sequence[Initiative], editable: bool, language: str | None = None,
                    origins: Mapping[int, Idea] | None = None) -> html.Div:
    """The initiatives as a table; ``origins`` (initiative id → idea) adds the idea each came from."""
    if not initiatives:
        return html.P(text("no_initiatives", language), className="muted")
    header = [text(k, language) for k in (N_("col_title"), N_("col_status"), N_("col_areas"), N_("col_period"), N_("col_progress"))]
    rows = []
    for i in initiatives:
        period = " – ".join(day(d, language) for d in (i.start, i.end) if d is not None)
        details = [html.Div(i.title, className="item-title"), html.Div(i.description, className="item-text")]
        if i.lead or i.partners:
            details.append(html.Div(f"{i.lead}{' · ' if i.lead and i.partners else ''}{i.partners}",
                                    className="item-text source"))
        if origins and i.id in origins:
            details.append(origin_line(origins[i.id], language))
        cells = [html.Td(details), html.Td(status_label(i.status, language)), html.Td(area_names(i.areas)),
                 html.Td(period), html.Td("" if i.progress is None else f"{i.progress} %", className="num")]
        if editable:
            cells.append(html.Td(_row_buttons(ids.EDIT_INITIATIVE, ids.DELETE_INITIATIVE, i.id, i.version, language)))
        rows.append(html.Tr(cells, **{"data-initiative": i.id}))
    if editable:
        header.append(text("col_actions", language))
    return html.Div(html.Table([html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
                               className="data-table"), className="table-scroll")


def _row_buttons(edit_type: str, delete_type: str, record_id: int | None, version: int, language: str) -> html.Div:
    return html.Div([
        html.Button(text("button_edit", language), id={"type": edit_type, "id": record_id}, className="button small"),
        html.Button(text("button_delete", language), id={"type": delete_type, "id": record_id, "version": version},
                    className="button small secondary"),
    ], className="button-row")


_AGE_KEYS = {"under_20": N_("age_under_20"), "20_39": N_("age_20_39"), "40_64": N_("age_40_64"),
             "65_plus": N_("age_65_plus")}
_REP_KEYS = {"associations": N_("rep_associations"), "business": N_("rep_business"),
             "rural_council": N_("rep_rural_council"), "politicians": N_("rep_politicians"),
             "residents": N_("rep_residents")}
"""The words for a group's age bands and member categories (``AGE_BANDS``, ``REPRESENTATIONS``)."""


def composition_table(composition: Composition, editable: bool, language: str | None = None) -> html.Div:
    header = html.Tr([html.Th(""), *[html.Th(text(_AGE_KEYS[a], language)) for a in AGE_BANDS],
                      html.Th(text("col_total", language))])
    rows = []
    for rep in REPRESENTATIONS:
        cells = [html.Th(text(_REP_KEYS[rep], language), scope="row")]
        for age in AGE_BANDS:
            value = composition.counts.get((rep, age), 0)
            if editable:
                label = ", ".join((text(_REP_KEYS[rep], language), text(_AGE_KEYS[age], language)))
                cells.append(html.Td(html.Label([
                    html.Span(label, className="sr-only"),
                    # Text, not a browser number field: "1 234" is read on the server (views/forms.py).
                    dcc.Input(id={"type": ids.COMP_COUNT, "rep": rep, "age": age}, type="text",
                              inputMode="numeric", value=str(value), className="count-input"),
                ])))
            else:
                cells.append(html.Td(str(value), className="num"))
        cells.append(html.Td(str(sum(composition.counts.get((rep, a), 0) for a in AGE_BANDS)), className="num"))
        rows.append(html.Tr(cells))
    rows.append(html.Tr([html.Th(text("col_total", language), scope="row"),
                         *[html.Td(str(sum(composition.counts.get((r, a), 0) for r in REPRESENTATIONS)),
                                   className="num") for a in AGE_BANDS],
                         html.Td(str(composition.total), className="num")]))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table composition"),
                    className="table-scroll")


def timeline_figure(activities: Sequence[Activity], locality_name: str, language: str | None = None) -> go.Figure:
    """Each activity a point in time; size by participants, symbol by kind."""
    figure = go.Figure()
    for kind in ActivityKind:
        items = [a for a in activities if ActivityKind(a.kind) is kind]
        if not items:
            continue
        figure.add_trace(go.Scatter(
            x=[a.date.isoformat() for a in items], y=[kind_label(kind, language)] * len(items), mode="markers",
            name=kind_label(kind, language),
            marker={"size": [10 + min(a.participants or 0, 200) ** 0.5 * 2 for a in items],
                    "symbol": KIND_SYMBOLS[kind], "color": "#0072B2", "line": {"width": 1, "color": "#000"}},
            # Plotly draws hover text with a subset of HTML: user text goes in escaped, as data.
            customdata=[[chart_text(a.title), a.participants if a.participants is not None else "–"] for a in items],
            hovertemplate="%{x}: %{customdata[0]} (%{customdata[1]})<extra></extra>",
        ))
    title = chart_message(N_("timeline_title"), language, locality=locality_name)
    figure.update_layout(title={"text": title, "font": {"size": 18}},
                         height=300, font={"size": 15}, showlegend=False, plot_bgcolor="#fff",
                         margin={"l": 110, "r": 20, "t": 50, "b": 40},
                         xaxis={"gridcolor": "#e5e5e5", "automargin": True,
                                **date_axis([a.date for a in activities], language)},
                         yaxis={"automargin": True})
    return figure
