"""The plans page's callbacks: show a plan, start a year from last year's, save the form, Excel out and in.

Each reads its inputs and calls ``indicators.plans.service`` (permission,
validation, versioned save); the words come from ``dashboard.views.plans``.
"""

from __future__ import annotations

import base64
from datetime import date

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.data import DashboardData
from dashboard.pages.plans import (
    NEW_ITEM,
    PLAN_DOWNLOAD,
    PLAN_EDIT,
    PLAN_EXPORT,
    PLAN_ITEM_DUE,
    PLAN_ITEM_LINKS,
    PLAN_ITEM_STATUS,
    PLAN_ITEM_WHAT,
    PLAN_ITEM_WHO,
    PLAN_LOCALITY,
    PLAN_URL,
    PLAN_MESSAGE,
    PLAN_PRIORITY,
    PLAN_REFRESH,
    PLAN_SAVE,
    PLAN_START,
    PLAN_UPLOAD,
    PLAN_VERSION,
    PLAN_VIEW,
    PLAN_VISION,
    PLAN_WHY,
    plan_form,
    plan_view,
)  # fmt: skip
from dashboard.pages.plans import (
    PLAN_YEAR as PLAN_YEAR_INPUT,
)
from dashboard.views.forms import outcome_message
from dashboard.views.url_state import locality_sync
from dashboard.views.plans import may_edit, plan_page, plans_store, problem_lines
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.texts import N_
from indicators.plans import service
from indicators.plans.files import import_plan_workbook, plan_workbook
from indicators.plans.records import AreaPriority, Plan, PlanItem


def _message(error: Exception | None, ok_key: str = N_("saved")) -> html.Div:
    if isinstance(error, InputError):
        return html.Ul([html.Li(line) for line in problem_lines(error)], className="notice notice-error plan-problems")
    return outcome_message(error, ok_key=ok_key)


def register_plans_callbacks(app: Dash, data: DashboardData) -> None:
    @app.callback(Output(PLAN_URL, "search"), Output(PLAN_LOCALITY, "value"),
                  Input(PLAN_URL, "search"), Input(PLAN_LOCALITY, "value"))
    def _url(search, locality):
        # /planer?ort=storebro opens Storebro's plan, and the address follows the list (a link to share).
        query, chosen = locality_sync(ctx.triggered_id in (None, PLAN_URL), search, locality, data.names())
        return (no_update if query is None else query), (no_update if chosen is None else chosen)

    @app.callback(Output(PLAN_VIEW, "children"), Output(PLAN_EDIT, "children"), Output(PLAN_VERSION, "data"),
                  Input(PLAN_LOCALITY, "value"), Input(PLAN_YEAR_INPUT, "value"), Input(PLAN_REFRESH, "data"))
    def _render(locality, year, _refresh):
        if not locality or not year:
            raise PreventUpdate
        page = plan_page(data, locality, int(year))
        form = plan_form(page) if may_edit(data.current_user(), locality) else []
        version = {"id": page.plan.id, "version": page.plan.version} if page.plan else None
        return plan_view(page, data.names()), form, version

    @app.callback(Output(PLAN_MESSAGE, "children"), Output(PLAN_REFRESH, "data", allow_duplicate=True),
                  Input(PLAN_START, "n_clicks"), State(PLAN_LOCALITY, "value"), State(PLAN_YEAR_INPUT, "value"),
                  State(PLAN_REFRESH, "data"), prevent_initial_call=True)
    def _start(clicks, locality, year, refresh):
        if not clicks:
            raise PreventUpdate
        try:
            service.start_year(plans_store(data), data.current_user(), locality, int(year),
                               known_localities=data.locality_ids(),
                               initiative_localities=service.initiative_localities(data.gw))
        except (PermissionDenied, InputError, StaleWriteError, NotFoundError) as error:
            return _message(error), no_update
        return _message(None), (refresh or 0) + 1

    @app.callback(
        Output(PLAN_MESSAGE, "children", allow_duplicate=True), Output(PLAN_REFRESH, "data", allow_duplicate=True),
        Input(PLAN_SAVE, "n_clicks"),
        State(PLAN_LOCALITY, "value"), State(PLAN_YEAR_INPUT, "value"), State(PLAN_VERSION, "data"),
        State(PLAN_VISION, "value"),
        State({"type": PLAN_PRIORITY, "area": ALL}, "value"), State({"type": PLAN_PRIORITY, "area": ALL}, "id"),
        State({"type": PLAN_WHY, "area": ALL}, "value"),
        State({"type": PLAN_ITEM_WHAT, "item": ALL}, "value"), State({"type": PLAN_ITEM_WHAT, "item": ALL}, "id"),
        State({"type": PLAN_ITEM_WHO, "item": ALL}, "value"), State({"type": PLAN_ITEM_DUE, "item": ALL}, "value"),
        State({"type": PLAN_ITEM_STATUS, "item": ALL}, "value"), State({"type": PLAN_ITEM_LINKS, "item": ALL}, "value"),
        State(PLAN_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _save(clicks, locality, year, version, vision, priorities, priority_ids, whys, whats, item_ids, whos, dues,
              statuses, links, refresh):
        if not clicks or not version:
            raise PreventUpdate
        stored = plans_store(data).plan_by_id(version["id"])
        done_days = {item.what: item.done_on for item in stored.items} if stored else {}
        plan = Plan(
            locality_id=locality,
            year=int(year),
            vision=vision or "",
            priorities=tuple(AreaPriority(pid["area"], value, why or "")
                             for value, pid, why in zip(priorities, priority_ids, whys) if value),
            items=tuple(
                PlanItem(what=(what or ""), who=who or "", due=_date(due), status=status, initiative_ids=tuple(link or ()),
                         done_on=done_days.get(what))
                for what, iid, who, due, status, link in zip(whats, item_ids, whos, dues, statuses, links)
                if not (iid["item"] == NEW_ITEM and not (what or "").strip())
            ),
            id=version["id"],
            version=version["version"],
        )
        try:
            service.save_plan(plans_store(data), data.current_user(), plan, known_localities=data.locality_ids(),
                              initiative_localities=service.initiative_localities(data.gw))
        except (PermissionDenied, InputError, StaleWriteError, NotFoundError) as error:
            return _message(error), no_update
        return _message(None), (refresh or 0) + 1

    @app.callback(Output(PLAN_DOWNLOAD, "data"), Input(PLAN_EXPORT, "n_clicks"), State(PLAN_LOCALITY, "value"),
                  State(PLAN_YEAR_INPUT, "value"), prevent_initial_call=True)
    def _export(clicks, locality, year):
        plan = plans_store(data).plan(locality, int(year)) if clicks and locality and year else None
        if plan is None:
            raise PreventUpdate
        return dcc.send_bytes(plan_workbook(plan), f"plan-{locality}-{year}.xlsx")

    @app.callback(Output(PLAN_MESSAGE, "children", allow_duplicate=True),
                  Output(PLAN_REFRESH, "data", allow_duplicate=True),
                  Input(PLAN_UPLOAD, "contents"), State(PLAN_UPLOAD, "filename"), State(PLAN_REFRESH, "data"),
                  prevent_initial_call=True)
    def _upload(contents, filename, refresh):
        if not contents:
            raise PreventUpdate
        try:
            raw = base64.b64decode(contents.split(",", 1)[1])
            import_plan_workbook(plans_store(data), data.current_user(), raw, filename or "plan.xlsx",
                                 known_localities=data.locality_ids(),
                                 initiative_localities=service.initiative_localities(data.gw))
        except (PermissionDenied, InputError, StaleWriteError, NotFoundError) as error:
            return _message(error), no_update
        except (IndexError, ValueError):
            raise PreventUpdate from None
        return _message(None), (refresh or 0) + 1


def _date(value: str | None) -> date | str | None:
    """A typed date; what is not one is passed on as typed, for the rules to refuse beside its field."""
    if not value or not str(value).strip():
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)





