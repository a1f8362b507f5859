"""The only way a plan is written: the plans page, the Excel import and the CLI all call this.

The same order as group work (``indicators.groupwork.service``):

1. **Permission** through ``gate.require`` (``EDIT_GROUP_RECORDS``) for the
   locality the plan names and, for a change, for the locality of the plan
   as *stored*: an editor writes their own locality's plan, staff every plan,
   and a forged plan id of another locality is refused.
2. **Validation** through ``indicators.plans.rules``: every problem at once,
   as one ``InputError``; nothing is saved.
3. **The store call**, which replaces the plan and writes its audit line in
   one transaction, refusing a save based on an old version.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date

from indicators.accounts.auth import Action
from indicators.accounts.gate import PermissionDenied, require
from indicators.core.errors import InputError
from indicators.groupwork.records import User
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.plans.records import ItemStatus, Plan
from indicators.plans.rules import normalised_plan, plan_problems
from indicators.plans.store import PlansStore
from indicators.plans.years import item_key, next_year_plan

__all__ = ["NotFoundError", "StaleWriteError", "initiative_localities", "save_plan", "start_year"]


def initiative_localities(gw: GroupworkStore, locality_id: str | None = None) -> dict[int, str]:
    """Initiative id → its locality: what the link rule checks against.

    All initiatives, not only the locality's own, so an item linking another
    locality's initiative is refused with that reason rather than "unknown".
    """
    del locality_id
    return {i.id: i.locality_id for i in gw.initiatives() if i.id is not None}


def save_plan(
    plans: PlansStore,
    user: User | None,
    plan: Plan,
    *,
    known_localities: Collection[str],
    initiative_localities: Mapping[int, str],
    today: date | None = None,
) -> Plan:
    """Create (``id`` None) or replace a plan; returns it as stored with its new version.

    An item saved as done for the first time gets today as ``done_on`` (an
    item that was done already keeps its day), so "plan items done since the
    last strategic meeting" can be counted; an item no longer done loses it.
    """
    today = today or date.today()
    plan = normalised_plan(plan)
    require(user, Action.EDIT_GROUP_RECORDS, plan.locality_id)
    stored: Plan | None = None
    if plan.id is not None:
        stored = plans.plan_by_id(plan.id)
        if stored is None:
            raise NotFoundError(t("plan_gone"), entity="plan", record_id=plan.id)
        require(user, Action.EDIT_GROUP_RECORDS, stored.locality_id)
        if stored.locality_id != plan.locality_id or stored.year != plan.year:
            # A plan is its locality's and its year's: it is never moved, only written anew.
            raise PermissionDenied(t("plan_cannot_move"))
        if stored.version != plan.version:
            raise StaleWriteError(t("record_changed_reload"))
    problems = plan_problems(
        plan,
        known_localities=known_localities,
        initiative_localities=initiative_localities,
        latest_year=today.year + 1,
    )
    if problems:
        raise InputError(problems)
    plan = _with_done_days(plan, stored, today)
    return plans.save_plan(plan, username=user.username if user else "")


def start_year(
    plans: PlansStore,
    user: User | None,
    locality_id: str,
    year: int,
    *,
    known_localities: Collection[str],
    initiative_localities: Mapping[int, str],
    today: date | None = None,
) -> Plan:
    """Create ``year``'s plan as a copy of the locality's latest earlier plan (or empty); the existing one if any.

    Links to initiatives that have been deleted since are dropped from the copy
    rather than refusing it: the copy is a starting point to edit.
    """
    require(user, Action.EDIT_GROUP_RECORDS, locality_id)
    existing = plans.plan(locality_id, year)
    if existing is not None:
        return existing
    draft = next_year_plan(plans.latest_before(locality_id, year), locality_id, year)
    items = tuple(
        replace(item, initiative_ids=tuple(i for i in item.initiative_ids if initiative_localities.get(i) == locality_id))
        for item in draft.items
    )
    return save_plan(
        plans,
        user,
        replace(draft, items=items),
        known_localities=known_localities,
        initiative_localities=initiative_localities,
        today=today,
    )


def _with_done_days(plan: Plan, stored: Plan | None, today: date) -> Plan:
    earlier: dict[str, date] = {}
    if stored is not None:
        for item in stored.items:
            if item.status is ItemStatus.DONE and item.done_on is not None:
                earlier.setdefault(item_key(item), item.done_on)
    items = []
    for item in plan.items:
        if item.status is ItemStatus.DONE:
            done_on = item.done_on or earlier.get(item_key(item)) or today
        else:
            done_on = None
        items.append(replace(item, done_on=done_on))
    return replace(plan, items=tuple(items))
