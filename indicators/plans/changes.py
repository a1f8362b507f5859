"""What changed between two dates, per locality: "since the last strategic meeting".

Pure: the records come in (``indicators.plans.change_data`` reads them), a
``ChangeReport`` goes out, so the page, the presentation's opening slide, the
printable report and the benchmark all say the same.

* **Figures that moved**: per indicator and locality, the real figure known at
  each date (the latest year *before* the date's year: a year's figures are
  published the year after) compared with the one known at the end. Example
  data never counts; a figure on another basis than before (a tätort figure
  after a parish figure) is named as not comparable instead of as a change.
* **Initiatives** started (start date in the period), finished (done, with
  its end date in the period) and changed status (from the audit log's lines).
* **Plan items** first saved as done in the period, and **activities** held in it.
* **Ideas** sent and adopted (became an initiative), where residents' ideas exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from indicators.core.model import Observation
from indicators.groupwork.records import (
    Activity,
    Initiative,
    InitiativeStatus,
    StrategicMeeting,
)
from indicators.plans.records import PlanItem

DEFAULT_SPAN = timedelta(days=365)
"""The period when fewer than two strategic meetings are recorded: the last year."""


@dataclass(frozen=True)
class FigureMove:
    """One indicator's real figure for a locality, at the start and at the end of the period."""

    indicator_id: str
    year_before: int
    value_before: float
    year_after: int
    value_after: float
    basis: str

    @property
    def change(self) -> float:
        return self.value_after - self.value_before


@dataclass(frozen=True)
class BasisChange:
    """A figure whose basis changed in the period: shown, never subtracted."""

    indicator_id: str
    basis_before: str
    basis_after: str


@dataclass(frozen=True)
class StatusChange:
    """An initiative's status saved anew on ``day`` (from the audit log)."""

    locality_id: str
    initiative_id: int
    title: str
    status: str
    day: date


@dataclass(frozen=True)
class IdeaCounts:
    """Residents' ideas sent in the period, and adopted (became an initiative) in it."""

    sent: int = 0
    adopted: int = 0


@dataclass(frozen=True)
class LocalityChanges:
    """Everything that changed in one locality in the period."""

    locality_id: str
    figures: tuple[FigureMove, ...] = ()
    basis_changes: tuple[BasisChange, ...] = ()
    started: tuple[Initiative, ...] = ()
    finished: tuple[Initiative, ...] = ()
    status_changes: tuple[StatusChange, ...] = ()
    items_done: tuple[PlanItem, ...] = ()
    activities: int = 0
    participants: int = 0
    ideas: IdeaCounts | None = None

    @property
    def empty(self) -> bool:
        """True when nothing at all happened or moved (the page then says so instead of showing zeros)."""
        ideas = self.ideas or IdeaCounts()
        return not (
            self.figures
            or self.basis_changes
            or self.started
            or self.finished
            or self.status_changes
            or self.items_done
            or self.activities
            or ideas.sent
            or ideas.adopted
        )


@dataclass(frozen=True)
class ChangeReport:
    """The period and what changed in each locality, in the order the localities were given."""

    start: date
    end: date
    localities: tuple[LocalityChanges, ...] = field(default_factory=tuple)
    ideas_counted: bool = False
    """Whether residents' ideas exist in this installation (else the ideas columns are left out)."""

    @property
    def empty(self) -> bool:
        return all(locality.empty for locality in self.localities)


def default_period(meetings: Iterable[StrategicMeeting], today: date) -> tuple[date, date]:
    """The two latest strategic meetings' dates; with one, that meeting to today; with none, the last year."""
    days = sorted({meeting.date for meeting in meetings if meeting.date <= today}, reverse=True)
    if len(days) >= 2:
        return days[1], days[0]
    if len(days) == 1:
        return days[0], today
    return today - DEFAULT_SPAN, today


def figure_known_at(observations: Sequence[Observation], day: date) -> Observation | None:
    """The real figure known at ``day``: the latest year before the date's year (None if none)."""
    known = [o for o in observations if o.year is not None and o.year < day.year]
    return max(known, key=lambda o: o.year) if known else None


def figure_moves(
    observations: Iterable[Observation], locality_ids: Iterable[str], start: date, end: date
) -> dict[str, tuple[list[FigureMove], list[BasisChange]]]:
    """Per locality, the figures that moved between ``start`` and ``end`` and those whose basis changed."""
    wanted = set(locality_ids)
    series: dict[tuple[str, str], list[Observation]] = {}
    for observation in observations:
        if observation.example or observation.value is None or observation.year is None:
            continue
        if observation.place_id in wanted:
            series.setdefault((observation.place_id, observation.indicator_id), []).append(observation)
    result: dict[str, tuple[list[FigureMove], list[BasisChange]]] = {place: ([], []) for place in wanted}
    for (place, indicator_id), found in sorted(series.items()):
        before, after = figure_known_at(found, start), figure_known_at(found, end)
        if before is None or after is None or after.year == before.year:
            continue
        if before.basis != after.basis:
            result[place][1].append(BasisChange(indicator_id, before.basis, after.basis))
            continue
        assert before.value is not None and after.value is not None
        if after.value != before.value:
            result[place][0].append(
                FigureMove(indicator_id, before.year, before.value, after.year, after.value, after.basis)
            )
    return result


def changes_between(
    start: date,
    end: date,
    *,
    locality_ids: Sequence[str],
    observations: Iterable[Observation] = (),
    initiatives: Iterable[Initiative] = (),
    status_changes: Iterable[StatusChange] = (),
    activities: Iterable[Activity] = (),
    activity_totals: Mapping[str, tuple[int, int]] | None = None,
    items_done: Iterable[tuple[str, PlanItem]] = (),
    ideas: Mapping[str, IdeaCounts] | None = None,
) -> ChangeReport:
    """What changed in each locality from ``start`` to ``end`` (both inclusive); see the module's docstring.

    ``activity_totals`` (locality → activities, participants in the period),
    when given, stands for the activities already counted — the database
    counts 50,000 activities faster than Python walks them; ``activities``
    given as well are added to it.
    ``ideas`` is None where residents' ideas do not exist; then none are counted.
    A period that runs backwards is the caller's error (``rules.period_problems``).
    """
    if end < start:
        raise ValueError(f"period runs backwards: {start} to {end}")

    def within(day: date | None) -> bool:
        return day is not None and start <= day <= end

    figures = figure_moves(observations, locality_ids, start, end)
    started: dict[str, list[Initiative]] = {}
    finished: dict[str, list[Initiative]] = {}
    for initiative in initiatives:
        if within(initiative.start):
            started.setdefault(initiative.locality_id, []).append(initiative)
        if initiative.status is InitiativeStatus.DONE and within(initiative.end):
            finished.setdefault(initiative.locality_id, []).append(initiative)
    statuses: dict[str, list[StatusChange]] = {}
    for change in status_changes:
        if within(change.day):
            statuses.setdefault(change.locality_id, []).append(change)
    counts: dict[str, list[int]] = {place: [held, people] for place, (held, people) in (activity_totals or {}).items()}
    for activity in activities:
        if within(activity.date):
            tally = counts.setdefault(activity.locality_id, [0, 0])
            tally[0] += 1
            tally[1] += activity.participants or 0
    done: dict[str, list[PlanItem]] = {}
    for locality_id, item in items_done:
        if within(item.done_on):
            done.setdefault(locality_id, []).append(item)
    localities = tuple(
        LocalityChanges(
            locality_id=place,
            figures=tuple(figures.get(place, ([], []))[0]),
            basis_changes=tuple(figures.get(place, ([], []))[1]),
            started=tuple(started.get(place, [])),
            finished=tuple(finished.get(place, [])),
            status_changes=tuple(sorted(statuses.get(place, []), key=lambda c: (c.day, c.initiative_id))),
            items_done=tuple(done.get(place, [])),
            activities=counts.get(place, [0, 0])[0],
            participants=counts.get(place, [0, 0])[1],
            ideas=None if ideas is None else ideas.get(place, IdeaCounts()),
        )
        for place in locality_ids
    )
    return ChangeReport(start, end, localities, ideas_counted=ideas is not None)
