"""The only way ideas are written: the public form, moderation, supports, workshop input, the purge.

Residents have no account: a send or a support names a ``Sender`` (client
address, browser token), which only the rate limits and the one-support-per-
browser rule use, hashed. Everything an editor or staff does takes the acting
user and passes ``gate.require`` first — for the locality of the idea *as
stored*, so a Storebro editor who sends a Tuna idea's id is refused whatever
the request says. Permission comes before validation, as in group work.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from indicators.accounts.auth import Action
from indicators.accounts.gate import PermissionDenied, require
from indicators.core.errors import FORM, InputError, Problem
from indicators.groupwork import service as groupwork
from indicators.groupwork.records import Initiative, InitiativeStatus, User
from indicators.groupwork.rules import AreaContains
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError
from indicators.i18n.messages import t
from indicators.ideas.limits import Policy, Throttled
from indicators.ideas.records import Contact, Idea, IdeaSource, IdeaStatus, Sender, Submission
from indicators.ideas.rules import (
    Step,
    contact_problems,
    idea_problems,
    normalised_idea,
    step_problems,
    trapped,
)
from indicators.ideas.store import IdeaStore, contacts_cutoff
from indicators.storage import app_settings as settings

logger = logging.getLogger(__name__)

__all__ = [
    "NotFoundError",
    "PermissionDenied",
    "StaleWriteError",
    "Throttled",
    "contact_for",
    "moderate",
    "purge_contacts",
    "queue",
    "record_workshop_ideas",
    "submit",
    "support",
    "to_initiative",
]


def submit(
    ideas: IdeaStore,
    sender: Sender,
    submission: Submission,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
    values: settings.AppSettings,
) -> Idea | None:
    """A resident's idea into its locality's moderation queue; None when the honeypot caught a bot.

    A bot is answered as if it had succeeded (so it learns nothing) and
    nothing is stored. Every problem with the form comes back at once
    (``InputError``); a sender over a limit gets ``Throttled`` with the wait.
    """
    if trapped(submission.trap):
        logger.info("idea form honeypot filled; nothing stored")
        return None
    idea = replace(
        normalised_idea(submission.idea),
        status=IdeaStatus.PENDING,
        source=IdeaSource.RESIDENT,
        meeting_id=None,
    )
    problems = idea_problems(idea, known_localities=known_localities, area_contains=area_contains)
    problems += contact_problems(submission.contact)
    _raise_if(problems)
    return ideas.submit(idea, submission.contact or "", address=sender.address, policy=Policy.from_settings(values))


def support(ideas: IdeaStore, sender: Sender, idea_id: int, *, values: settings.AppSettings) -> tuple[int, bool]:
    """'Jag stöder': (supports now, whether this browser's support was new). Public ideas only."""
    if not sender.browser:
        raise InputError([Problem(FORM, t("idea_support_needs_cookie"), field="support")])
    return ideas.support(idea_id, sender.browser, address=sender.address, policy=Policy.from_settings(values))


def queue(ideas: IdeaStore, user: User | None, locality_id: str | None) -> list[Idea]:
    """The ideas waiting in a locality's queue (``locality_id`` None: every queue, staff only)."""
    require(user, Action.MODERATE_IDEAS, locality_id)
    return ideas.queue(None if locality_id is None else [locality_id])


def moderate(
    ideas: IdeaStore,
    user: User | None,
    idea_id: int,
    version: int,
    step: Step,
    *,
    reason: str = "",
    target_id: int | None = None,
) -> Idea:
    """Publish, reject (with a reason), hide, merge into ``target_id``, mark as considered or declined.

    Turning an idea into an initiative is ``to_initiative``, which also creates it.
    """
    if step is Step.TO_INITIATIVE:
        raise ValueError("use to_initiative, which creates the initiative too")
    stored = _stored(ideas, user, idea_id)
    target = ideas.idea(target_id) if target_id is not None else None
    if step is Step.MERGE and target is not None:
        require(user, Action.MODERATE_IDEAS, target.locality_id)
    _check_version(stored, version)
    reason = reason.strip() if isinstance(reason, str) else reason
    _raise_if(step_problems(stored, step, reason=reason, target=target))
    return ideas.step(idea_id, version, step, username=_name(user), reason=reason, target_id=target_id)


def to_initiative(
    ideas: IdeaStore,
    gw: GroupworkStore,
    user: User | None,
    idea_id: int,
    version: int,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
) -> tuple[Idea, Initiative]:
    """One action: a new initiative of the idea's group (status "idea"), linked both ways.

    The initiative is created through group work's service (its permission,
    rules and audit line), then the idea is marked and linked with the
    version checked again; if someone changed the idea in between, the new
    initiative is deleted again and ``StaleWriteError`` says so.
    """
    stored = _stored(ideas, user, idea_id)
    _check_version(stored, version)
    _raise_if(step_problems(stored, Step.TO_INITIATIVE))
    assert stored.locality_id is not None
    draft = Initiative(
        locality_id=stored.locality_id,
        title=stored.title,
        status=InitiativeStatus.IDEA,
        description=stored.description,
        areas=stored.areas,
        lat=stored.lat,
        lon=stored.lon,
    )
    initiative = groupwork.save_initiative(
        gw, user, draft, known_localities=known_localities, area_contains=area_contains
    )
    assert initiative.id is not None
    try:
        idea = ideas.step(
            idea_id, version, Step.TO_INITIATIVE, username=_name(user), initiative_id=initiative.id
        )
    except (StaleWriteError, NotFoundError):
        groupwork.delete_initiative(gw, user, initiative.id, initiative.version)
        raise
    return idea, initiative


def contact_for(ideas: IdeaStore, user: User | None, idea_id: int) -> Contact | None:
    """The contact a resident left, for that locality's editors and staff only."""
    _stored(ideas, user, idea_id)
    return ideas.contact(idea_id)


def record_workshop_ideas(
    ideas: IdeaStore,
    user: User | None,
    records: Sequence[Idea],
    *,
    meeting_id: int | None,
    known_localities: Collection[str],
    area_contains: AreaContains,
    file_name: str | None = None,
) -> list[Idea]:
    """Staff record a meeting's or workshop's points as published ideas naming the meeting; all or nothing.

    A point may be for one locality or for the whole municipality (no
    locality). ``meeting_id`` None keeps each record's own ``meeting_id`` (a
    file may name a meeting per row). Problems are reported per record
    (``row`` is its position, from 1).
    """
    require(user, Action.RECORD_WORKSHOP_IDEAS)
    prepared: list[Idea] = []
    problems: list[Problem] = []
    for index, record in enumerate(records, start=1):
        meeting = record.meeting_id if meeting_id is None else meeting_id
        idea = replace(normalised_idea(record), source=IdeaSource.WORKSHOP, meeting_id=meeting)
        found = idea_problems(
            idea, known_localities=known_localities, area_contains=area_contains, whole_municipality=True
        )
        problems += [replace(problem, row=problem.row or index) for problem in found]
        prepared.append(idea)
    _raise_if(problems)
    if file_name is not None:
        return ideas.record_many(prepared, username=_name(user), file_name=file_name)
    return [ideas.record(idea, username=_name(user)) for idea in prepared]


def purge_contacts(ideas: IdeaStore, values: settings.AppSettings, *, now: datetime | None = None) -> int:
    """Delete contacts older than the retention staff set (default 12 months); returns how many.

    Called when the app starts and by ``python -m indicators purge-contacts``
    (run it daily from cron); needs no user, as it only ever removes data.
    """
    moment = now or ideas.now()
    cutoff = contacts_cutoff(moment, values.get(settings.IDEA_CONTACT_MONTHS))
    return ideas.purge(contacts_before=cutoff, policy=Policy.from_settings(values))


# ---------------------------------------------------------------- helpers


def _stored(ideas: IdeaStore, user: User | None, idea_id: int) -> Idea:
    """The stored idea, once ``user`` may moderate its locality; the refusal comes before "not found"."""
    groupwork.require_signed_in(user)
    stored = ideas.idea(idea_id)
    if stored is None:
        require(user, Action.RECORD_WORKSHOP_IDEAS)  # only staff learn that an id does not exist
        raise NotFoundError(t("idea_gone"))
    require(user, Action.MODERATE_IDEAS, stored.locality_id)
    return stored


def _check_version(stored: Idea, version: int) -> None:
    if stored.version != version:
        raise StaleWriteError.of(stored.version, version)


def _name(user: User | None) -> str:
    assert user is not None
    return user.username


def _raise_if(problems: Sequence[Problem]) -> None:
    if problems:
        raise InputError(list(problems))
