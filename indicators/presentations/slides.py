"""Presentations for strategic meetings: a name and an ordered list of slides.

A slide is an id, not a snapshot: "ort:storebro" always shows Storebro's
current figures. Ids are checked against what exists when a presentation is
shown, so a presentation that names a locality removed since is still shown,
without that slide and with a note saying so.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from indicators.core import errors
from indicators.core.errors import Problem
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing

SLIDE_OVERVIEW = "oversikt"
SLIDE_COMPARE = "jamforelse"
SLIDE_PROGRESS = "framsteg"
SLIDE_CHANGES = "sedan-motet"
"""The opening slide: what changed since the last strategic meeting (issue 15)."""
SLIDE_IDEAS = "forslag"
"""What residents propose (issue 14): optional, staff add it in the editor."""
FIXED_SLIDES = (SLIDE_CHANGES, SLIDE_OVERVIEW, SLIDE_COMPARE, SLIDE_PROGRESS, SLIDE_IDEAS)
"""Every slide id that is not a locality's."""
LOCALITY_PREFIX = "ort:"
NAME_MAX = 120
MAX_SLIDES = 60
FORM = errors.FORM


@dataclass(frozen=True)
class Presentation:
    name: str
    slides: tuple[str, ...]
    id: int | None = None
    version: int = 0


def locality_slide(locality_id: str) -> str:
    return LOCALITY_PREFIX + locality_id


def slide_locality(slide: str) -> str | None:
    """The locality a slide shows, or None for the other kinds."""
    return slide.removeprefix(LOCALITY_PREFIX) if slide.startswith(LOCALITY_PREFIX) else None


def default_slides(locality_ids: Sequence[str]) -> tuple[str, ...]:
    """The sequence the issues describe: since the last meeting, overview, each locality, the comparison, progress.

    Saved presentations keep their own list; only the default one opens with the change view.
    """
    return (SLIDE_CHANGES, SLIDE_OVERVIEW, *(locality_slide(loc) for loc in locality_ids), SLIDE_COMPARE, SLIDE_PROGRESS)


def is_known(slide: str, locality_ids: Collection[str]) -> bool:
    locality = slide_locality(slide)
    return slide in FIXED_SLIDES or (locality is not None and locality in locality_ids)


def shown_slides(slides: Sequence[str], locality_ids: Collection[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(slides that can be shown, slides dropped because what they refer to is gone)."""
    kept = tuple(s for s in slides if is_known(s, locality_ids))
    return kept, tuple(s for s in slides if s not in kept)


def moved(slides: Sequence[str], index: int, delta: int) -> tuple[str, ...]:
    """The slides with the one at ``index`` moved ``delta`` places (clamped at the ends)."""
    items = list(slides)
    if not 0 <= index < len(items):
        return tuple(items)
    target = max(0, min(len(items) - 1, index + delta))
    items.insert(target, items.pop(index))
    return tuple(items)


def presentation_problems(presentation: Presentation, locality_ids: Collection[str]) -> list[Problem]:
    """What makes a presentation impossible to save (messages), by field."""
    problems = []
    name = presentation.name.strip()
    if not name:
        problems.append(Problem(FORM, t("presentation_name_missing"), field="name"))
    elif len(name) > NAME_MAX or "\n" in name:
        problems.append(Problem(FORM, t("presentation_name_too_long", maximum=NAME_MAX), field="name"))
    if not presentation.slides:
        problems.append(Problem(FORM, t("presentation_no_slides"), field="slides"))
    if len(presentation.slides) > MAX_SLIDES:
        problems.append(Problem(FORM, t("presentation_too_many_slides", maximum=MAX_SLIDES), field="slides"))
    unknown = [s for s in presentation.slides if not is_known(s, locality_ids)]
    if unknown:
        problems.append(Problem(FORM, t("presentation_unknown_slides", slides=Listing(unknown)), field="slides"))
    return problems
