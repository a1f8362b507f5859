"""What the plans page and the change view show (issue 15): pure view models over the domain.

The page modules lay these out; the printable report renders the same change
view through a Jinja2 template. People's text (visions, items, reasons,
initiative titles) is carried as plain strings and escaped where it is shown
(Dash components and the template's autoescape), never used as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.data import DashboardData
from dashboard.i18n.messages import plural, text
from dashboard.server.language import current_language
from dashboard.views.formatting import day, number
from indicators.accounts.auth import Action, can
from indicators.core.errors import InputError, Problem
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.groupwork.records import Initiative, User
from indicators.i18n.texts import render
from indicators.plans import alignment_data
from indicators.plans.alignment import Alignment, aligned
from indicators.plans.alignment_data import InitiativeChoice
from indicators.plans.change_data import read_changes
from indicators.plans.changes import ChangeReport, default_period
from indicators.plans.records import Plan
from indicators.plans.rules import ITEM_STATUS_KEYS, PLAN_ITEM, PRIORITY_KEYS
from indicators.plans.store import PlansStore
from indicators.plans.years import PlanDifference, plan_difference

AREA_IDS = tuple(area.id for area in DEVELOPMENT_AREAS)


def plans_store(data: DashboardData) -> PlansStore:
    """The plans on the dashboard's database (cheap: it shares the store's engine)."""
    return PlansStore(data.store)


def may_edit(user: User | None, locality_id: str | None) -> bool:
    """Whether the form is shown; the service asks the same question again on every save."""
    return locality_id is not None and can(user, Action.EDIT_GROUP_RECORDS, locality_id)


def priority_text(priority: object, language: str | None = None) -> str:
    return text_of(PRIORITY_KEYS, priority, language)


def status_text(status: object, language: str | None = None) -> str:
    return text_of(ITEM_STATUS_KEYS, status, language)


def text_of(keys: dict, member: object, language: str | None) -> str:
    key = keys.get(member)
    return render_domain(key, language) if key else "–"


def render_domain(key: str, language: str | None) -> str:
    from indicators.i18n.messages import t

    return t(key).render(language or current_language())


def area_name(area_id: str) -> str:
    area = AREAS_BY_ID.get(area_id)
    return area.short_name if area else area_id


# ---------------------------------------------------------------- plans page


@dataclass(frozen=True)
class PlanPage:
    """One locality's plan for one year, with last year's differences, alignment and peers."""

    locality_id: str
    year: int
    years: tuple[int, ...]
    plan: Plan | None
    difference: PlanDifference | None
    alignment: Alignment
    initiative_titles: dict[int, str]
    """Titles of the initiatives the plan's items link."""
    own_initiatives: tuple[InitiativeChoice, ...]
    """The locality's initiatives an item may link (id and title, for the form)."""
    others: dict[int, tuple[Initiative, ...]] = field(default_factory=dict)
    """Per item position (from 1): initiatives in other localities in the item's areas."""


def plan_page(data: DashboardData, locality_id: str, year: int) -> PlanPage:
    """Everything the plans page shows for a locality and year (every plan is public).

    Reads only this locality's counts, the linked initiatives' titles and
    "others working on the same" per distinct set of areas
    (``indicators.plans.alignment_data``), not every initiative.
    """
    store = plans_store(data)
    plan = store.plan(locality_id, year)
    previous = store.latest_before(locality_id, year)
    counts = (
        alignment_data.initiative_area_counts(data.store, locality_id, year),
        alignment_data.activity_area_counts(data.store, locality_id, year),
    )
    others: dict[int, tuple[Initiative, ...]] = {}
    linked: set[int] = set()
    if plan is not None:
        with_areas = [(position, item) for position, item in enumerate(plan.items, start=1) if item.areas]
        peers = alignment_data.others_working_on(data.store, locality_id, (item.areas for _, item in with_areas), limit=5)
        others = {position: tuple(peers.get(frozenset(item.areas), ())) for position, item in with_areas}
        linked = {i for item in plan.items for i in item.initiative_ids}
    return PlanPage(
        locality_id=locality_id,
        year=year,
        years=tuple(store.years(locality_id)),
        plan=plan,
        difference=plan_difference(previous, plan, AREA_IDS) if plan is not None and previous is not None else None,
        alignment=aligned(locality_id, year, plan, *counts, AREA_IDS),
        initiative_titles=alignment_data.initiative_titles(data.store, linked),
        own_initiatives=tuple(alignment_data.initiative_choices(data.store, locality_id)),
        others=others,
    )


def problem_lines(error: InputError, language: str | None = None) -> list[str]:
    """Each problem as one line: "punkt 2, initiativ: …" so an item's problem is found beside its item."""
    language = language or current_language()
    return [_problem_line(problem, language) for problem in error.problems]


def _problem_line(problem: Problem, language: str) -> str:
    parts = []
    if problem.row is not None and problem.row_label == PLAN_ITEM:
        parts.append(f"{render_domain(PLAN_ITEM, language)} {problem.row}")
    if problem.field:
        parts.append(problem.field)
    prefix = ", ".join(parts)
    message = render(problem.message, language)
    return f"{prefix}: {message}" if prefix else message


# ---------------------------------------------------------------- change view


@dataclass(frozen=True)
class ChangeRow:
    """One locality's changes as the page and the report print them."""

    locality_id: str
    name: str
    empty: bool
    figures: tuple[str, ...]
    basis_changes: tuple[str, ...]
    started: tuple[str, ...]
    finished: tuple[str, ...]
    status_changes: tuple[str, ...]
    items_done: tuple[str, ...]
    activities: str
    ideas: str | None


@dataclass(frozen=True)
class ChangeView:
    """The change view: a heading, the period, and a row per locality (or one "nothing happened")."""

    title: str
    period: str
    start: date
    end: date
    empty: bool
    rows: tuple[ChangeRow, ...]
    ideas_counted: bool


def period_defaults(data: DashboardData, today: date | None = None) -> tuple[date, date]:
    """The two latest strategic meetings (see ``indicators.plans.changes.default_period``)."""
    return default_period(data.gw.meetings(), today or date.today())


def change_report(data: DashboardData, start: date, end: date) -> ChangeReport:
    return read_changes(data.store, data.gw, plans_store(data), start, end)


def change_view(data: DashboardData, start: date, end: date, language: str | None = None) -> ChangeView:
    """The change report worded in ``language``, localities in the store's order."""
    language = language or current_language()
    report = change_report(data, start, end)
    names = data.names()
    indicators = data.indicators()
    indicator_names = {i.id: (i.name_en if language == "en" else i.name_sv) for i in indicators}
    units = {i.id: i.unit for i in indicators}
    rows = []
    for changes in report.localities:
        rows.append(
            ChangeRow(
                locality_id=changes.locality_id,
                name=names.get(changes.locality_id, changes.locality_id),
                empty=changes.empty,
                figures=tuple(
                    text(
                        "changes_figure", language, indicator=indicator_names.get(m.indicator_id, m.indicator_id),
                        before=number(m.value_before, language), year_before=m.year_before,
                        after=number(m.value_after, language), year_after=m.year_after,
                        unit=units.get(m.indicator_id, ""),
                    )
                    for m in changes.figures
                ),
                basis_changes=tuple(
                    text("changes_basis", language, indicator=indicator_names.get(b.indicator_id, b.indicator_id),
                         before=b.basis_before or "–", after=b.basis_after or "–")
                    for b in changes.basis_changes
                ),
                started=tuple(i.title for i in changes.started),
                finished=tuple(i.title for i in changes.finished),
                status_changes=tuple(
                    text("changes_status", language, title=c.title, day=day(c.day, language)) for c in changes.status_changes
                ),
                items_done=tuple(item.what for item in changes.items_done),
                activities=plural("changes_activities", changes.activities, language, participants=changes.participants),
                ideas=None
                if changes.ideas is None
                else text("changes_ideas", language, sent=changes.ideas.sent, adopted=changes.ideas.adopted),
            )
        )
    return ChangeView(
        title=text("changes_title", language),
        period=text("changes_period", language, start=day(start, language), end=day(end, language)),
        start=start,
        end=end,
        empty=report.empty,
        rows=tuple(rows),
        ideas_counted=report.ideas_counted,
    )
