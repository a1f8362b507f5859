"""The plans page: every locality's plan (LUP) per year, its differences from last year, alignment,
"others working on the same", and the form for one's own locality's plan.

What it shows is ``dashboard.views.plans.plan_page``; every write goes through
``indicators.plans.service`` in ``plans_callbacks``. Everyone reads every plan;
the form shows only for those the service would let save (it asks again).
"""

from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.data import DashboardData
from dashboard.i18n.messages import text
from dashboard.views.formatting import day
from dashboard.views.plans import (
    AREA_IDS,
    PlanPage,
    area_name,
    priority_text,
    status_text,
)
from indicators.i18n.texts import N_
from indicators.plans.records import ItemStatus, Priority

PLAN_LOCALITY = "plan-locality"
PLAN_YEAR = "plan-year"
PLAN_VIEW = "plan-view"
PLAN_EDIT = "plan-edit"
PLAN_VERSION = "plan-version"
PLAN_REFRESH = "plan-refresh"
PLAN_MESSAGE = "plan-message"
PLAN_START = "plan-start"
PLAN_SAVE = "plan-save"
PLAN_VISION = "plan-vision"
PLAN_PRIORITY = "plan-priority"
PLAN_WHY = "plan-why"
PLAN_ITEM_WHAT = "plan-item-what"
PLAN_ITEM_WHO = "plan-item-who"
PLAN_ITEM_DUE = "plan-item-due"
PLAN_ITEM_STATUS = "plan-item-status"
PLAN_ITEM_LINKS = "plan-item-links"
PLAN_DOWNLOAD = "plan-download"
PLAN_EXPORT = "plan-export"
PLAN_UPLOAD = "plan-upload"
PLAN_URL = "plan-url"
NEW_ITEM = "new"
"""The pattern id of the empty row where an item is added."""


def plans_page(data: DashboardData, language: str | None = None) -> html.Div:
    user = data.current_user()
    names = data.names()
    locality = user.locality_id if user is not None and user.locality_id in names else next(iter(sorted(names)), None)
    this_year = date.today().year
    return html.Div(
        [
            dcc.Location(id=PLAN_URL, refresh=False),
            html.H2(text("plans_title", language)),
            html.P(text("plans_intro", language)),
            html.Div(
                [
                    html.Label([text("plans_locality", language),
                                dcc.Dropdown(id=PLAN_LOCALITY, value=locality, clearable=False,
                                             options=[{"label": n, "value": i} for i, n in sorted(names.items(), key=lambda x: x[1])])]),
                    html.Label([text("plans_year", language),
                                dcc.Dropdown(id=PLAN_YEAR, value=this_year, clearable=False,
                                             options=[{"label": str(y), "value": y} for y in range(this_year + 1, 2016, -1)])]),
                    html.Button(text("plans_export", language), id=PLAN_EXPORT, className="button secondary"),
                ],
                className="button-row plans-controls",
            ),
            dcc.Download(id=PLAN_DOWNLOAD),
            dcc.Store(id=PLAN_VERSION),
            dcc.Store(id=PLAN_REFRESH, data=0),
            html.Div(id=PLAN_MESSAGE, role="status"),
            html.Div(id=PLAN_VIEW, className="plan-view"),
            html.Div(id=PLAN_EDIT, className="plan-edit"),
        ],
        className="plans-page",
    )


def plan_view(page: PlanPage, names: dict[str, str], language: str | None = None) -> list:
    """The plan as read by anyone: vision, priorities, items, last year's differences, alignment."""
    name = names.get(page.locality_id, page.locality_id)
    if page.plan is None:
        return [html.H3(text("plans_heading", language, locality=name, year=page.year)),
                html.P(text("plans_none", language), className="notice notice-info plan-none"), *_alignment(page, language)]
    plan = page.plan
    priorities = html.Table(
        [html.Thead(html.Tr([html.Th(text(k, language), scope="col") for k in (N_("plans_area"), N_("plans_priority"), N_("plans_why"))])),
         html.Tbody([html.Tr([html.Th(area_name(p.area_id), scope="row"), html.Td(priority_text(p.priority, language),
                                                                                  className=f"priority-{p.priority.value}"),
                              html.Td(p.why)]) for p in plan.priorities])],
        className="data-table plan-priorities",
    )
    rows = []
    for position, item in enumerate(plan.items, start=1):
        links = ", ".join(page.initiative_titles.get(i, str(i)) for i in item.initiative_ids)
        others = ", ".join(f"{o.title} ({names.get(o.locality_id, o.locality_id)})" for o in page.others.get(position, ()))
        rows.append(html.Tr([html.Td(item.what, className="plan-item-what"), html.Td(item.who),
                             html.Td(day(item.due, language) if item.due else "–"), html.Td(status_text(item.status, language)),
                             html.Td(", ".join(area_name(a) for a in item.areas)), html.Td(links, className="plan-item-links"),
                             html.Td(others, className="plan-item-others")]))
    items = html.Table(
        [html.Thead(html.Tr([html.Th(text(k, language), scope="col") for k in (
            N_("plans_what"), N_("plans_who"), N_("plans_due"), N_("plans_status"), N_("plans_areas"), N_("plans_initiatives"), N_("plans_others"))])),
         html.Tbody(rows)],
        className="data-table plan-items",
    )
    return [
        html.H3(text("plans_heading", language, locality=name, year=page.year)),
        html.H4(text("plans_vision", language)),
        html.P(plan.vision or "–", className="plan-vision"),
        html.H4(text("plans_priorities", language)), priorities,
        html.H4(text("plans_action_plan", language)),
        items if plan.items else html.P(text("plans_no_items", language), className="empty"),
        *_difference(page, language),
        *_alignment(page, language),
    ]


def _difference(page: PlanPage, language: str | None) -> list:
    diff = page.difference
    if diff is None:
        return []
    heading = html.H4(text("plans_difference", language, before=diff.year_before, after=diff.year_after))
    if diff.empty:
        return [heading, html.P(text("plans_no_difference", language), className="empty")]
    lines = []
    if diff.vision_changed:
        lines.append(text("plans_vision_changed", language))
    for change in diff.priorities:
        lines.append(text("plans_priority_changed", language, area=area_name(change.area_id),
                          before=priority_text(change.before, language), after=priority_text(change.after, language)))
    lines += [text("plans_item_added", language, what=i.what) for i in diff.added]
    lines += [text("plans_item_removed", language, what=i.what) for i in diff.removed]
    lines += [text("plans_item_changed", language, what=c.after.what) for c in diff.changed]
    return [heading, html.Ul([html.Li(line) for line in lines], className="plan-difference")]


def _alignment(page: PlanPage, language: str | None) -> list:
    a = page.alignment
    rows = [html.Tr([html.Th(area_name(x.area_id), scope="row"), html.Td(priority_text(x.priority, language)),
                     html.Td(str(x.initiatives), className="num"), html.Td(str(x.activities), className="num")])
            for x in a.areas]
    parts = [html.H4(text("plans_alignment", language, year=page.year)),
             html.Table([html.Thead(html.Tr([html.Th(text(k, language), scope="col") for k in (
                 N_("plans_area"), N_("plans_priority"), N_("plans_initiative_count"), N_("plans_activity_count"))])), html.Tbody(rows)],
                 className="data-table plan-alignment")]
    if a.items_without_initiative:
        parts += [html.P(text("plans_items_without", language)),
                  html.Ul([html.Li(i.what) for i in a.items_without_initiative], className="plan-items-without")]
    if a.busy_without_priority:
        parts.append(html.P(text("plans_busy_without", language,
                                 areas=", ".join(area_name(x) for x in a.busy_without_priority)), className="plan-busy"))
    return parts


def plan_form(page: PlanPage, language: str | None = None) -> list:
    """The editor's form: start the year from last year's plan, or edit vision, priorities and items."""
    if page.plan is None:
        return [html.H3(text("plans_edit", language)),
                html.Button(text("plans_start", language, year=page.year), id=PLAN_START, className="button")]
    plan = page.plan
    priority_options = [{"label": priority_text(p, language), "value": p.value} for p in Priority]
    status_options = [{"label": status_text(s, language), "value": s.value} for s in ItemStatus]
    own = [{"label": i.title, "value": i.id} for i in page.own_initiatives]
    priorities = []
    for area in AREA_IDS:
        current = plan.priority_of(area)
        priorities.append(html.Div([
            html.Span(area_name(area), className="plan-area-name"),
            dcc.Dropdown(id={"type": PLAN_PRIORITY, "area": area}, options=priority_options,
                         value=current.priority.value if current else None, placeholder="–"),
            dcc.Input(id={"type": PLAN_WHY, "area": area}, value=current.why if current else "", maxLength=300,
                      placeholder=text("plans_why", language)),
        ], className="plan-priority-row"))
    items = [_item_row(str(position), item.what, item.who, item.due, item.status.value, list(item.initiative_ids),
                       status_options, own, language)
             for position, item in enumerate(plan.items, start=1)]
    items.append(_item_row(NEW_ITEM, "", "", None, ItemStatus.NOT_STARTED.value, [], status_options, own, language))
    return [
        html.H3(text("plans_edit", language)),
        html.Label([text("plans_vision", language), dcc.Textarea(id=PLAN_VISION, value=plan.vision, maxLength=5000)]),
        html.H4(text("plans_priorities", language)), *priorities,
        html.H4(text("plans_action_plan", language)), *items,
        html.Div([html.Button(text("plans_save", language), id=PLAN_SAVE, className="button"),
                  dcc.Upload(html.Button(text("plans_import", language), className="button secondary"), id=PLAN_UPLOAD)],
                 className="button-row"),
    ]


def _item_row(key: str, what: str, who: str, due: date | None, status: str, links: list[int],
              status_options: list, own: list, language: str | None) -> html.Div:
    return html.Div([
        dcc.Input(id={"type": PLAN_ITEM_WHAT, "item": key}, value=what, maxLength=300,
                  placeholder=text("plans_new_item", language) if key == NEW_ITEM else text("plans_what", language)),
        dcc.Input(id={"type": PLAN_ITEM_WHO, "item": key}, value=who, maxLength=200, placeholder=text("plans_who", language)),
        dcc.Input(id={"type": PLAN_ITEM_DUE, "item": key}, value=due.isoformat() if due else "", type="text",
                  placeholder=text("plans_date_format", language)),
        dcc.Dropdown(id={"type": PLAN_ITEM_STATUS, "item": key}, options=status_options, value=status, clearable=False),
        dcc.Dropdown(id={"type": PLAN_ITEM_LINKS, "item": key}, options=own, value=links, multi=True,
                     placeholder=text("plans_initiatives", language)),
    ], className="plan-item-row", **{"data-item": key})

