"""Settings staff change in the app, stored in the database (``app_settings``).

Why the database and not a file or the environment: every worker process and
server reads the same value, and a change by staff on the *Personal* page
takes effect on the next request everywhere, without a restart.

Each setting is declared once here (``SETTINGS``) with its type, default and
bounds. Reading is forgiving: a key that was never saved has its default, and
a stored value that no longer validates (a bound tightened by a later version)
is logged and replaced by the default, so a bad row can never stop sign-in.
Writing is strict and goes only through ``change_settings``, which takes the
acting user, refuses anyone but staff, validates every value at once and
writes the new values and one audit line in one transaction.

Settings are whole numbers within bounds (``IntSetting``) or switches
(``SwitchSetting``, stored as ``on``/``off``).

To add a setting: declare it in ``SETTINGS`` and give it a label
(``setting_<key>``) in the ``indicators`` message catalogue; the staff page lists it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update

from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.audit import log as audit
from indicators.core.errors import FORM, InputError, Problem
from indicators.groupwork.records import User
from indicators.groupwork.rows import naive_utc
from indicators.i18n.messages import t
from indicators.i18n.texts import N_, Text
from indicators.observations.import_log import utc_now
from indicators.storage import schema
from indicators.storage.read_memo import remembered
from indicators.storage.store import write_transaction

logger = logging.getLogger(__name__)

SETTINGS_ENTITY = "settings"
"""The audit log's entity for a settings change."""


@dataclass(frozen=True)
class IntSetting:
    """A whole-number setting with inclusive bounds; the bounds are part of the error message."""

    key: str
    default: int
    minimum: int
    maximum: int
    label_key: str
    """The catalogue message that names it on the staff page (``setting_<key>``)."""

    @property
    def label(self) -> Text:
        """What people call it."""
        return t(self.label_key)

    def parse(self, raw: object) -> int | None:
        """The value as an int within bounds, or None. Accepts ints and digit strings (from a form)."""
        if isinstance(raw, bool):
            return None
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str):
            text = raw.strip()
            if not text.lstrip("-").isdigit() or len(text) > 12:
                return None
            raw = int(text)
        if not isinstance(raw, int) or not self.minimum <= raw <= self.maximum:
            return None
        return raw

    def problem(self, raw: object) -> Problem | None:
        """Why ``raw`` cannot be this setting's value, naming the bounds; None when it can."""
        if self.parse(raw) is not None:
            return None
        return Problem(
            FORM,
            t("setting_out_of_range", label=self.label, minimum=self.minimum, maximum=self.maximum),
            field=self.key,
        )


SESSION_IDLE_MINUTES = IntSetting("session_idle_minutes", 120, 5, 24 * 60, N_("setting_session_idle_minutes"))
"""A session unused this long is ended (2 hours)."""
SESSION_ABSOLUTE_HOURS = IntSetting("session_absolute_hours", 12, 1, 7 * 24, N_("setting_session_absolute_hours"))
"""A session is ended this long after sign-in, however busy (12 hours; at most a week)."""
SIGN_IN_WINDOW_MINUTES = IntSetting("sign_in_window_minutes", 15, 1, 24 * 60, N_("setting_sign_in_window_minutes"))
"""Failed sign-ins are counted until this long passes without one (then the count starts again)."""
SIGN_IN_DELAY_AFTER = IntSetting("sign_in_delay_after", 5, 1, 1000, N_("setting_sign_in_delay_after"))
"""Per account name: from this many failures on, each further attempt must wait."""
SIGN_IN_LOCK_AFTER = IntSetting("sign_in_lock_after", 10, 1, 1000, N_("setting_sign_in_lock_after"))
"""Per account name: this many failures lock the name (known or not) for the lock time."""
SIGN_IN_ADDRESS_DELAY_AFTER = IntSetting("sign_in_address_delay_after", 20, 1, 10_000, N_("setting_sign_in_address_delay_after"))
"""Per client address: higher than per account, as a whole office may share one address."""
SIGN_IN_ADDRESS_LOCK_AFTER = IntSetting("sign_in_address_lock_after", 50, 1, 10_000, N_("setting_sign_in_address_lock_after"))
SIGN_IN_LOCK_MINUTES = IntSetting("sign_in_lock_minutes", 15, 1, 24 * 60, N_("setting_sign_in_lock_minutes"))
SIGN_IN_DELAY_SECONDS = IntSetting("sign_in_delay_seconds", 2, 1, 600, N_("setting_sign_in_delay_seconds"))
"""The first wait; it doubles with every further failure, up to a minute (``sign_in_limits.MAX_DELAY``)."""
IDEA_CONTACT_MONTHS = IntSetting("idea_contact_months", 12, 1, 120, N_("setting_idea_contact_months"))
"""A resident's contact address given with an idea is deleted this many months after it was sent."""
IDEA_WINDOW_MINUTES = IntSetting("idea_window_minutes", 60, 1, 7 * 24 * 60, N_("setting_idea_window_minutes"))
"""Ideas and supports are counted over this window for the limits below."""
IDEA_ADDRESS_LIMIT = IntSetting("idea_address_limit", 5, 1, 10_000, N_("setting_idea_address_limit"))
"""Ideas one client address may send per window (a school class on one address asks staff to raise it)."""
IDEA_LOCALITY_LIMIT = IntSetting("idea_locality_limit", 100, 1, 100_000, N_("setting_idea_locality_limit"))
"""Ideas one locality may receive per window from the public form: a flood cannot bury the moderation queue."""
IDEA_SUPPORT_LIMIT = IntSetting("idea_support_limit", 200, 1, 100_000, N_("setting_idea_support_limit"))
"""Supports one client address may give per window."""

@dataclass(frozen=True)
class SwitchSetting:
    """An on/off setting, stored as ``on`` or ``off`` (what the command line and the form say)."""

    key: str
    default: bool
    label_key: str

    @property
    def label(self) -> Text:
        """What people call it."""
        return t(self.label_key)

    def parse(self, raw: object) -> bool | None:
        """True or False from a bool, 1/0 or on/off/true/false (any case); None for anything else."""
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str):
            return _SWITCH_WORDS.get(raw.strip().casefold())
        return None

    def problem(self, raw: object) -> Problem | None:
        """Why ``raw`` cannot be this setting's value; None when it can."""
        if self.parse(raw) is not None:
            return None
        return Problem(FORM, t("setting_not_on_off", label=self.label), field=self.key)

    @staticmethod
    def stored(value: bool) -> str:
        return "on" if value else "off"


_SWITCH_WORDS = {"on": True, "off": False, "true": True, "false": False, "1": True, "0": False}

EXAMPLE_DATA = SwitchSetting("example_data", True, N_("setting_example_data"))
"""Whether the bundled example figures count in scores, the index and every view (docs/decisions.md:
on by default, marked everywhere; staff switch it off once their own figures are in)."""

Setting = IntSetting | SwitchSetting

SETTINGS: dict[str, Setting] = {
    setting.key: setting
    for setting in (
        SESSION_IDLE_MINUTES,
        SESSION_ABSOLUTE_HOURS,
        SIGN_IN_WINDOW_MINUTES,
        SIGN_IN_DELAY_AFTER,
        SIGN_IN_LOCK_AFTER,
        SIGN_IN_ADDRESS_DELAY_AFTER,
        SIGN_IN_ADDRESS_LOCK_AFTER,
        SIGN_IN_LOCK_MINUTES,
        SIGN_IN_DELAY_SECONDS,
        IDEA_CONTACT_MONTHS,
        IDEA_WINDOW_MINUTES,
        IDEA_ADDRESS_LIMIT,
        IDEA_LOCALITY_LIMIT,
        IDEA_SUPPORT_LIMIT,
        EXAMPLE_DATA,
    )
}
"""Every setting, in the order the staff page shows them."""

_PAIRS = ((SIGN_IN_DELAY_AFTER, SIGN_IN_LOCK_AFTER), (SIGN_IN_ADDRESS_DELAY_AFTER, SIGN_IN_ADDRESS_LOCK_AFTER))
"""(delay from, lock at): a lock that came before the delays would make the delays pointless."""


@dataclass(frozen=True)
class AppSettings:
    """The settings in force: stored values over defaults. Read with ``get``."""

    values: Mapping[str, int | bool]

    def get(self, setting: Setting) -> Any:
        return self.values.get(setting.key, setting.default)

    @classmethod
    def defaults(cls) -> AppSettings:
        return cls({})


def _read_settings_from(engine: Engine) -> AppSettings:
    with engine.connect() as conn:
        return read_settings(conn)


def read_settings(source: Engine | Connection) -> AppSettings:
    """The settings in force; a stored value that no longer validates falls back to its default (logged).

    From an engine, once per request (``read_memo``); from a connection (inside a transaction), always.
    """
    if isinstance(source, Engine):
        return remembered(("settings", id(source)), lambda: _read_settings_from(source))
    table = schema.app_settings
    values: dict[str, int | bool] = {}
    for key, raw in source.execute(select(table.c.key, table.c.value)).all():
        setting = SETTINGS.get(key)
        if setting is None:
            continue  # written by a newer version of the app: not ours to judge
        parsed = setting.parse(raw)
        if parsed is None:
            logger.warning("stored setting %s=%r is not valid; using the default %s", key, raw, setting.default)
            continue
        values[key] = parsed
    return AppSettings(values)


def settings_problems(values: Mapping[str, object], current: AppSettings | None = None) -> list[Problem]:
    """Every reason ``values`` (key → raw value) cannot be saved over ``current``; empty when they can."""
    problems: list[Problem] = []
    for key, raw in values.items():
        setting = SETTINGS.get(key)
        if setting is None:
            problems.append(Problem(FORM, t("setting_unknown", name=key), field=key))
        elif (problem := setting.problem(raw)) is not None:
            problems.append(problem)
    if problems:
        return problems
    merged = _merged(current or AppSettings.defaults(), values)
    for delay, lock in _PAIRS:
        if merged.get(lock) < merged.get(delay):
            problems.append(
                Problem(FORM, t("setting_lock_before_delay", lock=lock.label, delay=delay.label), field=lock.key)
            )
    return problems


def change_settings(
    engine: Engine,
    actor: User | None,
    values: Mapping[str, object],
    *,
    clock: Callable[[], datetime] = utc_now,
) -> AppSettings:
    """Save new values (staff only): all or nothing, with one audit line naming what changed.

    Raises ``PermissionDenied`` for anyone but an active admin (before looking
    at the values) and ``InputError`` with every problem at once; in both
    cases nothing is written. Values equal to those in force are not written
    and a change of nothing writes no audit line.
    """
    require(actor, Action.MANAGE_SETTINGS)
    assert actor is not None
    table = schema.app_settings
    with write_transaction(engine) as conn:
        current = read_settings(conn)
        problems = settings_problems(values, current)
        if problems:
            raise InputError(problems)
        now = naive_utc(clock())
        stored = set(conn.execute(select(table.c.key)).scalars())
        changes: list[str] = []
        for key, raw in values.items():
            setting = SETTINGS[key]
            value = setting.parse(raw)
            assert value is not None
            if value == current.get(setting):
                continue
            stored_value = setting.stored(value) if isinstance(setting, SwitchSetting) else str(value)
            row = {"value": stored_value, "updated_at": now, "updated_by": actor.username}
            if key in stored:
                conn.execute(update(table).where(table.c.key == key).values(**row))
            else:
                conn.execute(insert(table).values(key=key, **row))
            changes.append(f"{key}={stored_value}")
        if changes:
            audit.write(
                conn, at=now, username=actor.username, action=audit.UPDATE, entity=SETTINGS_ENTITY,
                entity_id="", locality_id=None, summary=t("changed_settings", changes=", ".join(changes)),
            )  # fmt: skip
        return read_settings(conn)


def _merged(current: AppSettings, values: Mapping[str, object]) -> AppSettings:
    merged = dict(current.values)
    for key, raw in values.items():
        parsed = SETTINGS[key].parse(raw)
        if parsed is not None:
            merged[key] = parsed
    return AppSettings(merged)


def example_data_on(source: Engine | Connection) -> bool:
    """Whether the bundled example figures count (the ``example_data`` setting in force)."""
    return bool(read_settings(source).get(EXAMPLE_DATA))


def all_settings() -> Iterable[Setting]:
    """The settings in the order staff see them."""
    return SETTINGS.values()
