"""Group work as components: overview table, lists, composition, timeline.

User text (titles, descriptions, partners) is only ever passed as children strings, to Dash
components or to ``StaticTree`` nodes (``markup.h``: the lists), which React renders as text, never
as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
from babel.numbers import get_group_symbol
from dash import dcc, html

from dashboard import ids
from dashboard.components.chart_text import chart_message, chart_text
from dashboard.components.date_axis import date_axis
from dashboard.components.idea_links import origin_line
from dashboard.components.markup import h
from dashboard.components.static_tree import Node, StaticTree
from dashboard.i18n.messages import basis_label, kind_label, status_label, text
from dashboard.server.language import current_language
from dashboard.views.formatting import day, number, rate
from dashboard.views.public_names import GROUPS_PATH
from dashboard.views.url_state import locality_link
from indicators.core.model import Observation
from indicators.core.slus import AREAS_BY_ID
from indicators.groupwork.records import (
    AGE_BANDS,
    REPRESENTATIONS,
    Activity,
    ActivityDay,
    ActivityKind,
    ActivityPoint,
    Composition,
    Initiative,
    InitiativeStatus,
)
from indicators.i18n.locales import babel_locale
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
        per_thousand = per_1000(count, population)
        basis = (f"{number(population.value, language)} ({population.year or text('undated', language)}, "
                 f"{basis_label(population.basis, language)})" if population and population.value is not None
                 else text("missing", language))
        rows.append(html.Tr([
            html.Th(dcc.Link(name, href=locality_link(GROUPS_PATH, locality_id)), scope="row"),
            html.Td(str(count), className="num"),
            html.Td(rate(per_thousand, language),
                    className="num"),
            html.Td("–" if participants is None else str(participants), className="num"),
            *[html.Td(str(status_counts.get((locality_id, s.value), 0)), className="num") for s in statuses],
            html.Td(basis, className="source"),
        ]))
    return html.Div([
        html.H3(text("overview_groups_heading", language, period=period_label)),
        html.Div(html.Table([html.Thead(header), html.Tbody(rows)], className="data-table"), className="table-scroll"),
    ])


def activity_list(activities: Sequence[Activity], editable: bool, language: str | None = None) -> Any:
    if not activities:
        return html.P(text("no_activities", language), className="muted")
    header = [text(k, language) for k in (N_("col_date"), N_("col_kind"), N_("col_title"), "col_participants", N_("col_areas"))]
    rows = [_row({"data-activity": a.id}, [
        h("td", day(a.date, language)), h("td", kind_label(a.kind, language)),
        h("td", h("div", a.title, className="item-title"), h("div", a.description, className="item-text")),
        h("td", "" if a.participants is None else str(a.participants), className="num"),
        h("td", area_names(a.areas)),
    ], _row_buttons(ids.EDIT_ACTIVITY, ids.DELETE_ACTIVITY, a.id, a.version, language) if editable else None)
        for a in activities]
    return _records_table(header, rows, editable, language)


def initiative_list(initiatives: Sequence[Initiative], editable: bool, language: str | None = None,
                    origins: Mapping[int, Idea] | None = None) -> Any:
    """The initiatives as a table; ``origins`` (initiative id → idea) adds the idea each came from."""
    if not initiatives:
        return html.P(text("no_initiatives", language), className="muted")
    header = [text(k, language) for k in (N_("col_title"), N_("col_status"), N_("col_areas"), N_("col_period"), N_("col_progress"))]
    rows = []
    for i in initiatives:
        period = " – ".join(day(d, language) for d in (i.start, i.end) if d is not None)
        details = [h("div", i.title, className="item-title"), h("div", i.description, className="item-text")]
        if i.lead or i.partners:
            details.append(h("div", f"{i.lead}{' · ' if i.lead and i.partners else ''}{i.partners}",
                             className="item-text source"))
        if origins and i.id in origins:
            details.append(origin_line(origins[i.id], language))
        cells = [h("td", details), h("td", status_label(i.status, language)), h("td", area_names(i.areas)),
                 h("td", period), h("td", "" if i.progress is None else f"{i.progress} %", className="num")]
        rows.append(_row({"data-initiative": i.id}, cells,
                         _row_buttons(ids.EDIT_INITIATIVE, ids.DELETE_INITIATIVE, i.id, i.version, language)
                         if editable else None))
    return _records_table(header, rows, editable, language)


def _row(attributes: dict[str, Any], cells: list[Node], buttons: html.Div | None) -> Any:
    """A list's row: its cells as ``StaticTree`` nodes (nothing to listen to, nothing for Dash to
    wrap: a list of 50 was ~500 Dash components); with an editor's buttons, a Dash row holding
    the cells as one ``StaticTree`` and the buttons' cell, whose clicks callbacks hear."""
    if buttons is None:
        return h("tr", cells, **attributes)
    return html.Tr([StaticTree(tree=cells), html.Td(buttons)], **attributes)


def _records_table(header: list[str], rows: list, editable: bool, language: str | None) -> Any:
    """A list's table: all nodes (one ``StaticTree``) for a visitor, Dash components around the
    rows for an editor."""
    if editable:
        header = [*header, text("col_actions", language)]
    head = h("thead", h("tr", [h("th", name) for name in header]))
    if not editable:
        return StaticTree(tree=[h("div", h("table", head, h("tbody", rows), className="data-table"),
                                  className="table-scroll")])
    return html.Div(html.Table([StaticTree(tree=[head]), html.Tbody(rows)], className="data-table"),
                    className="table-scroll")


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


def timeline_figure(activities: Sequence[Activity | ActivityPoint], locality_name: str,
                    language: str | None = None) -> go.Figure:
    """``timeline_spec`` as a plotly figure (what tests and exports read)."""
    return go.Figure(timeline_spec(activities, locality_name, language), _validate=False)


def timeline_spec(activities: Sequence[Activity | ActivityPoint], locality_name: str,
                  language: str | None = None) -> dict:
    """Each activity a point in time; size by participants, symbol by kind: a figure as plain data.

    Reads only date, kind, title and participants, so the groups page hands it
    ``ActivityPoint`` rows for the whole period rather than whole records. A
    year of a busy group is thousands of points: a ``go.Figure`` validates and
    copies every value (0.6 s for 1,800 points), so the page hands ``dcc.Graph``
    this dict of keys plotly knows as it is.
    """
    traces = []
    for kind in ActivityKind:
        items = [a for a in activities if ActivityKind(a.kind) is kind]
        if not items:
            continue
        traces.append({
            "type": "scatter", "mode": "markers", "name": kind_label(kind, language),
            "x": [a.date.isoformat() for a in items], "y": [kind_label(kind, language)] * len(items),
            "marker": {"size": [10 + min(a.participants or 0, 200) ** 0.5 * 2 for a in items],
                       "symbol": KIND_SYMBOLS[kind], "color": "#0072B2", "line": {"width": 1, "color": "#000"}},
            # Plotly draws hover text with a subset of HTML: user text goes in escaped, as data.
            "customdata": [[chart_text(a.title), a.participants if a.participants is not None else "–"]
                           for a in items],
            "hovertemplate": "%{x}: %{customdata[0]} (%{customdata[1]})<extra></extra>",
        })
    title = chart_message(N_("timeline_title"), language, locality=locality_name)
    layout = {"title": {"text": title, "font": {"size": 18}},
              "height": 300, "font": {"size": 15}, "showlegend": False, "plot_bgcolor": "#fff",
              "margin": {"l": 110, "r": 20, "t": 50, "b": 40},
              "xaxis": {"gridcolor": "#e5e5e5", "automargin": True,
                        **date_axis([a.date for a in activities], language)},
              "yaxis": {"automargin": True}}
    return {"data": traces, "layout": layout}


def weekly_timeline_spec(days: Sequence[ActivityDay], locality_name: str, language: str | None = None) -> dict:
    """A busy period's activities per week and kind: a point per week (on its Monday), sized by how many.

    Thousands of single points on one line hide each other; a week's point says
    how many activities and participants there were, and the list below the
    chart has each one.
    """
    weeks: dict[tuple[date, ActivityKind], list[int | None]] = {}
    for item in days:
        total = weeks.setdefault((item.date - timedelta(days=item.date.weekday()), ActivityKind(item.kind)), [0, None])
        total[0] += item.activities
        if item.participants is not None:
            total[1] = (total[1] or 0) + item.participants
    whole = _whole_numbers(language)
    # The words once, the numbers per point: plotly fills them in (a message per point cost ~1 ms each).
    hover = chart_message(N_("timeline_week_point"), language, week="%{customdata[0]}",
                          activities="%{customdata[1]}", participants="%{customdata[2]}") + "<extra></extra>"
    traces = []
    for kind in ActivityKind:
        items = sorted((monday, counts) for (monday, of_kind), counts in weeks.items() if of_kind is kind)
        if not items:
            continue
        label = kind_label(kind, language)
        traces.append({
            "type": "scatter", "mode": "markers", "name": label,
            "x": [monday.isoformat() for monday, _ in items], "y": [label] * len(items),
            "marker": {"size": [8 + min(count, 100) ** 0.5 * 3 for _, (count, _) in items],
                       "symbol": KIND_SYMBOLS[kind], "color": "#0072B2", "line": {"width": 1, "color": "#000"}},
            "customdata": [["{1} {0}".format(*monday.isocalendar()), whole(count),
                            "–" if people is None else whole(people)] for monday, (count, people) in items],
            "hovertemplate": hover,
        })
    title = chart_message(N_("timeline_weekly_title"), language, locality=locality_name)
    return {"data": traces,
            "layout": {"title": {"text": title, "font": {"size": 18}},
                       "height": 300, "font": {"size": 15}, "showlegend": False, "plot_bgcolor": "#fff",
                       "margin": {"l": 110, "r": 20, "t": 50, "b": 40},
                       "xaxis": {"gridcolor": "#e5e5e5", "automargin": True,
                                 **date_axis([d.date for d in days], language)},
                       "yaxis": {"automargin": True}}}


def _whole_numbers(language: str | None) -> Callable[[int], str]:
    """Whole numbers grouped as the reader's language does (``1 234``), without Babel's cost per call."""
    group = get_group_symbol(babel_locale(language or current_language()))
    return lambda value: f"{value:,}".replace(",", group)
