"""What the ideas page shows and how its form is read: pure functions, no Dash callbacks.

The status line of an idea that became an initiative follows the initiative
("Blev initiativ · pågår · 40 %"), so residents see what came of it. Counts per
locality are shown raw and per 1,000 inhabitants (the same population rule as
every other per-1,000 figure, ``indicators.metrics.per_capita``). Contacts never
pass through here: the view model has no field for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dash import html

from dashboard.components.ideas_view import counts_table, idea_card, queue_section
from dashboard.i18n.messages import message, text
from dashboard.views.forms import form_message
from dashboard.views.idea_rows import (  # noqa: F401 (public here)
    STATUS_KEYS,
    CountRow,
    count_rows,
    per_1000_text,
    status_line,
)
from indicators.accounts.auth import Action, can
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import FORM, InputError, Problem
from indicators.core.numbers import parse_number
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.ideas import service
from indicators.ideas.limits import Throttled
from indicators.ideas.records import Idea, Submission
from indicators.ideas.rules import Step
from indicators.storage.app_settings import read_settings


@dataclass(frozen=True)
class FormInput:
    """What the form sent, parsed: the idea, contact and honeypot, plus problems found while parsing."""

    idea: Idea
    contact: str
    trap: str
    problems: tuple[Problem, ...] = ()





def read_form(
    locality: Any, title: Any, description: Any, areas: Any, lat: Any, lon: Any, contact: Any, trap: Any
) -> FormInput:
    """The form's values as an ``Idea``; typed coordinates may use a decimal comma (57,59)."""
    problems: list[Problem] = []
    point: list[float | None] = []
    for raw, field in ((lat, "lat"), (lon, "lon")):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            point.append(None)
            continue
        parsed = parse_number(str(raw))
        if parsed is None:
            problems.append(Problem(FORM, message("idea_coordinate_not_number"), field=field))
        point.append(parsed)
    idea = Idea(
        locality_id=locality if isinstance(locality, str) else None,
        title=title if isinstance(title, str) else "",
        description=description if isinstance(description, str) else "",
        areas=tuple(areas) if isinstance(areas, list | tuple) else (),
        lat=point[0] if not problems else None,
        lon=point[1] if not problems else None,
    )
    return FormInput(idea, contact if isinstance(contact, str) else "", trap if isinstance(trap, str) else "",
                     tuple(problems))


def by_field(problems: list[Problem] | tuple[Problem, ...], language: str | None = None) -> dict[str, str]:
    """field → the message(s) shown beside it; lat, lon and point share the place field."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.field or "form"
        field = "point" if field in ("lat", "lon") else field
        shown = form_message(problem, language)
        found.setdefault(field, []).append(shown)
    return {field: " ".join(messages) for field, messages in found.items()}











# ---------------------------------------------------------------- what the callbacks call


@dataclass(frozen=True)
class Sent:
    """The form's answer: a message, a message per field, and whether to clear the form."""

    message: str
    errors: dict[str, str]
    clear: bool


def render_ideas(data: Any, ideas: Any, locality: str | None, browser: str,
                 language: str | None = None) -> tuple[list, list, Any]:
    """The published ideas of ``locality`` (all when None), the queue for who may moderate it, the counts."""
    user = data.current_user()
    published = ideas.ideas(locality_ids=None if locality is None else [locality])
    initiative_ids = [idea.initiative_id for idea in published if idea.initiative_id is not None]
    initiatives = {ini.id: ini for ini in data.gw.initiatives(locality_ids=[locality])} if locality and initiative_ids \
        else {ini.id: ini for ini in data.gw.initiatives()} if initiative_ids else {}
    supported = ideas.supported([idea.id for idea in published], browser)
    cards = [idea_card(idea, initiatives.get(idea.initiative_id), supported=idea.id in supported,
                       moderator=can(user, Action.MODERATE_IDEAS, idea.locality_id), language=language)
             for idea in published]
    listing: list = cards or [html_text(text("ideas_none_yet", language))]
    queue: list = []
    if locality is not None and can(user, Action.MODERATE_IDEAS, locality):
        waiting = service.queue(ideas, user, locality)
        contacts = {idea.id: service.contact_for(ideas, user, idea.id) for idea in waiting}
        queue = queue_section(waiting, contacts, [*waiting, *published], language)
    populations = data.populations(_this_year())
    counts = counts_table(count_rows(data.names(), ideas.counts_by_locality(), populations), language)
    return listing, queue, counts


def send_idea(data: Any, ideas: Any, sender: Any, form: FormInput, language: str | None = None) -> Sent:
    """Hand the form to the service; say what happened, in words, per field where it applies."""

    if form.problems:
        return Sent(text("idea_form_problems", language), by_field(form.problems, language), False)
    try:
        service.submit(ideas, sender, Submission(form.idea, form.contact, form.trap),
                       known_localities=data.locality_ids(), area_contains=data.area_contains,
                       values=read_settings(data.store.engine))
    except InputError as error:
        return Sent(text("idea_form_problems", language), by_field(error.problems, language), False)
    except Throttled as throttled:
        return Sent(throttled.message.render(language), {}, False)
    return Sent(text("idea_sent", language), {}, True)


def support_idea(data: Any, ideas: Any, sender: Any, idea_id: int, language: str | None = None) -> str:
    """'Jag stöder' from this browser: an empty answer when counted, else what stopped it."""

    try:
        service.support(ideas, sender, idea_id, values=read_settings(data.store.engine))
    except Throttled as throttled:
        return throttled.message.render(language)
    except NotFoundError as gone:
        return gone.message.render(language)
    except InputError as error:
        return error.problems[0].message.render(language)
    return ""


def moderate_idea(data: Any, ideas: Any, button: Mapping[str, Any], reason: str | None, target: Any,
                  language: str | None = None) -> str:
    """One moderation button: the step it names, by the signed-in user, for the idea as stored."""

    user = data.current_user()
    try:
        step = Step(button.get("step"))
        idea_id, version = int(button["id"]), int(button["version"])
        if step is Step.TO_INITIATIVE:
            service.to_initiative(ideas, data.gw, user, idea_id, version, known_localities=data.locality_ids(),
                                  area_contains=data.area_contains)
        else:
            service.moderate(ideas, user, idea_id, version, step, reason=reason or "",
                             target_id=int(target) if isinstance(target, int | str) and str(target).isdigit() else None)
    except (PermissionDenied, NotFoundError, StaleWriteError) as refused:
        return _rendered(refused.message, language)
    except InputError as error:
        return " ".join(_rendered(problem.message, language) for problem in error.problems)
    except (KeyError, TypeError, ValueError):
        return text("idea_action_unknown", language)
    return text("idea_action_done", language)


def _rendered(value: Any, language: str | None) -> str:
    return value.render(language) if hasattr(value, "render") else str(value)


def html_text(value: str) -> html.P:
    return html.P(value)


def _this_year() -> int:
    return date.today().year
