"""The only way group-work data is written: callbacks, HTTP routes, the CLI and imports all call this.

Every function does the same three things in the same order:

1. **Permission**, through ``auth.can``, for the locality the request names —
   and, for a change or a deletion, also for the locality of the record as it
   is *stored*. The second check is what makes a forged request harmless: a
   Storebro editor who sends Tuna's record id with ``locality_id=storebro``
   is refused because the stored record belongs to Tuna, and cannot move it.
2. **Validation**, through ``groupwork_rules``; every problem at once, as one
   ``InputError``.
3. **The store call**, which writes the change and its audit entry in one
   transaction and refuses a save based on an old version
   (``StaleWriteError`` passes through to the caller unchanged).

Permission comes before validation so that someone who may not write learns
nothing from the validation messages.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from indicators.accounts.auth import (
    Action,
    hash_password,
    needs_rehash,
    normalise_username,
    password_problems,
    verify_password,
)
from indicators.accounts.gate import PermissionDenied, require, require_signed_in
from indicators.core.errors import InputError, Problem
from indicators.groupwork.records import (
    Activity,
    Composition,
    Initiative,
    Role,
    StrategicMeeting,
    User,
)
from indicators.groupwork.rules import (
    FORM,
    AreaContains,
    activity_problems,
    composition_problems,
    initiative_problems,
    meeting_problems,
    normalised_activity,
    normalised_initiative,
    normalised_meeting,
    parse_role,
    user_problems,
)
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError
from indicators.i18n.messages import t

__all__ = [
    "NotFoundError",
    "PermissionDenied",
    "StaleWriteError",
    "activate",
    "bootstrap_admin",
    "check_import_row",
    "change_own_password",
    "create_user",
    "deactivate",
    "delete_activity",
    "delete_initiative",
    "delete_meeting",
    "require_signed_in",
    "save_activity",
    "save_composition",
    "save_initiative",
    "save_meeting",
    "set_password",
    "set_role",
    "upgrade_password_hash",
]



_R = TypeVar("_R", Activity, Initiative)


# ---------------------------------------------------------------- activities


def save_activity(
    gw: GroupworkStore,
    user: User | None,
    record: Activity,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains | None = None,
    today: date | None = None,
) -> Activity:
    """Create (``id`` None) or update an activity; returns it as stored, with its new version.

    ``area_contains`` is accepted so every save has the same call shape; an
    activity has no point to check.
    """
    del area_contains
    record = normalised_activity(record)
    _check_group_write(user, record.locality_id, gw.activity if record.id is not None else None, record)
    problems = activity_problems(
        record, known_localities=known_localities, today=today or date.today()
    )
    _raise_if(problems)
    return gw.save_activity(record, username=_name(user))


def delete_activity(gw: GroupworkStore, user: User | None, activity_id: int, version: int) -> None:
    """Delete an activity of a locality the user may edit, if nobody changed it since ``version``."""
    stored = _stored_for_delete(user, gw.activity, activity_id, version, t("subject_activity"))
    require(user, Action.EDIT_GROUP_RECORDS, stored.locality_id)
    gw.delete_activity(activity_id, version, username=_name(user))


# ---------------------------------------------------------------- initiatives


def save_initiative(
    gw: GroupworkStore,
    user: User | None,
    record: Initiative,
    *,
    known_localities: Collection[str],
    area_contains: AreaContains,
) -> Initiative:
    """Create or update an initiative; a point must lie inside its locality's area."""
    record = normalised_initiative(record)
    _check_group_write(user, record.locality_id, gw.initiative if record.id is not None else None, record)
    problems = initiative_problems(
        record, known_localities=known_localities, area_contains=area_contains
    )
    _raise_if(problems)
    return gw.save_initiative(record, username=_name(user))


def delete_initiative(gw: GroupworkStore, user: User | None, initiative_id: int, version: int) -> None:
    """Delete an initiative of a locality the user may edit, if unchanged since ``version``."""
    stored = _stored_for_delete(user, gw.initiative, initiative_id, version, t("subject_initiative"))
    require(user, Action.EDIT_GROUP_RECORDS, stored.locality_id)
    gw.delete_initiative(initiative_id, version, username=_name(user))


# ---------------------------------------------------------------- composition


def save_composition(
    gw: GroupworkStore,
    user: User | None,
    record: Composition,
    *,
    known_localities: Collection[str],
) -> Composition:
    """Save a group's member counts; the locality is the record's key, so it cannot be moved."""
    require(user, Action.EDIT_GROUP_RECORDS, record.locality_id)
    problems = composition_problems(record, known_localities=known_localities)
    _raise_if(problems)
    return gw.save_composition(record, username=_name(user))


# ---------------------------------------------------------------- strategic meetings


def save_meeting(
    gw: GroupworkStore,
    user: User | None,
    record: StrategicMeeting,
    *,
    today: date | None = None,
) -> StrategicMeeting:
    """Create or update a strategic meeting (admins only)."""
    require(user, Action.MANAGE_MEETINGS)
    record = normalised_meeting(record)
    _raise_if(meeting_problems(record, today=today or date.today()))
    return gw.save_meeting(record, username=_name(user))


def delete_meeting(gw: GroupworkStore, user: User | None, meeting_id: int, version: int) -> None:
    """Delete a strategic meeting (admins only), if unchanged since ``version``."""
    require(user, Action.MANAGE_MEETINGS)
    gw.delete_meeting(meeting_id, version, username=_name(user))


# ---------------------------------------------------------------- users


def create_user(
    gw: GroupworkStore,
    actor: User | None,
    username: str,
    password: str,
    role: Role | str,
    locality_id: str | None,
    *,
    known_localities: Collection[str],
) -> User:
    """A new account (admins only): an editor for one locality, or another admin.

    The name is stored trimmed and in lower case, and must not be taken in any
    spelling; the password must follow the password rule and is stored only as
    its scrypt hash.
    """
    require(actor, Action.MANAGE_USERS)
    return _new_user(gw, _name(actor), username, password, role, locality_id, known_localities)


def bootstrap_admin(gw: GroupworkStore, username: str, password: str) -> User:
    """The first admin, for ``python -m indicators create-admin``; refused while an active admin exists.

    The command needs access to the database, which is already full power, so
    it asks for no other proof. Once an admin exists, further accounts are made
    by an admin. If every admin has been deactivated, this is the way back in.
    """
    if any(user.role is Role.ADMIN and user.active for user in gw.users()):
        raise PermissionDenied(t("admin_exists"))
    return _new_user(gw, "(installation)", username, password, Role.ADMIN, None, ())


def set_password(gw: GroupworkStore, actor: User | None, user_id: int, password: str) -> User:
    """An admin sets someone's password (a forgotten one, a new colleague); all their sessions end."""
    require(actor, Action.MANAGE_USERS)
    target = _existing_user(gw, user_id)
    _raise_if(password_problems(password))
    return gw.save_user(replace(target, password_hash=hash_password(password)), username=_name(actor))


def change_own_password(
    gw: GroupworkStore,
    actor: User | None,
    current_password: str,
    new_password: str,
    *,
    keep_session: str | None = None,
) -> User:
    """A signed-in user changes their own password, proving the current one first.

    Asking for the current password means a session left open on a shared
    computer is not enough to lock the owner out. Every other session of the
    account ends; ``keep_session`` (the token of the session making the
    change) stays signed in.
    """
    if actor is not None and actor.id is None:
        actor = None  # not a stored account: nobody is signed in
    require_signed_in(actor)
    assert actor is not None and actor.id is not None
    stored = _existing_user(gw, actor.id)
    if not verify_password(current_password, stored.password_hash):
        raise InputError([Problem(FORM, t("current_password_wrong"), field="current_password")])
    _raise_if(password_problems(new_password))
    return gw.save_user(
        replace(stored, password_hash=hash_password(new_password)),
        username=stored.username,
        keep_session=keep_session,
    )


def upgrade_password_hash(gw: GroupworkStore, user: User, password: str) -> User:
    """After a successful sign-in: store the password's hash in today's format if it is older.

    Only at sign-in is the password known, so that is when a hash from the
    earlier code (or with weaker parameters) is rewritten. The password is
    checked against the stored hash once more, so nothing can use this to set
    a password; the rewrite ends no session and is no audit event (the
    password did not change). Returns the user as now stored.
    """
    if user.id is None or not needs_rehash(user.password_hash):
        return user
    if not verify_password(password, user.password_hash):
        return user
    new_hash = hash_password(password)
    if not gw.replace_password_hash(user.id, user.password_hash, new_hash):
        return user  # the password changed meanwhile; the new one is already current
    return replace(user, password_hash=new_hash)


def deactivate(gw: GroupworkStore, actor: User | None, user_id: int) -> User:
    """Stop an account from signing in or writing (admins only), ending all its sessions; the last active admin stays.

    Accounts are deactivated rather than deleted so the audit log keeps
    meaning: it names people who may no longer have an account.
    """
    require(actor, Action.MANAGE_USERS)
    target = _existing_user(gw, user_id)
    if target.role is Role.ADMIN and target.active:
        others = [
            u for u in gw.users() if u.role is Role.ADMIN and u.active and u.id != target.id
        ]
        if not others:
            raise PermissionDenied(t("last_admin_deactivate"))
    return gw.save_user(replace(target, active=False), username=_name(actor))


def activate(gw: GroupworkStore, actor: User | None, user_id: int) -> User:
    """Let a deactivated account sign in again (admins only)."""
    require(actor, Action.MANAGE_USERS)
    target = _existing_user(gw, user_id)
    return gw.save_user(replace(target, active=True), username=_name(actor))


def set_role(
    gw: GroupworkStore,
    actor: User | None,
    user_id: int,
    role: Role | str,
    locality_id: str | None,
    *,
    known_localities: Collection[str],
) -> User:
    """Make an account an editor of another locality, or an admin (admins only).

    An admin cannot take away the last active admin's role, so the system is
    never left without someone who can manage it.
    """
    require(actor, Action.MANAGE_USERS)
    target = _existing_user(gw, user_id)
    _raise_if(user_problems(target.username, role, locality_id, known_localities=known_localities))
    the_role = parse_role(role)
    assert the_role is not None  # user_problems refuses an unknown role
    if target.role is Role.ADMIN and the_role is not Role.ADMIN and target.active:
        others = [
            u for u in gw.users() if u.role is Role.ADMIN and u.active and u.id != target.id
        ]
        if not others:
            raise PermissionDenied(t("last_admin_role"))
    updated = replace(
        target, role=the_role, locality_id=locality_id if the_role is Role.EDITOR else None
    )
    return gw.save_user(updated, username=_name(actor))


# ---------------------------------------------------------------- imports


def check_import_row(
    user: User | None,
    record: Activity | Initiative,
    stored: Activity | Initiative | None,
) -> str | None:
    """Why ``user`` may not import this row (a ``Text``), or None when they may.

    The same two-sided rule as a save: the locality in the row and, for a row
    that updates a stored record, the stored record's locality.
    """
    try:
        require(user, Action.EDIT_GROUP_RECORDS, record.locality_id)
        if stored is not None:
            require(user, Action.EDIT_GROUP_RECORDS, stored.locality_id)
            _refuse_move(user, stored.locality_id, record.locality_id)
    except PermissionDenied as denied:
        return denied.message
    return None


# ---------------------------------------------------------------- helpers


def _check_group_write(
    user: User | None,
    locality_id: str,
    fetch: Callable[[int], _R | None] | None,
    record: _R,
) -> None:
    """Permission for the named locality and, for an update, for the stored one too.

    The stored version is compared here as well as in the store: with equal
    versions now and at the write, nothing changed in between (versions only
    grow), so the locality checked here is the one the store overwrites.
    """
    require(user, Action.EDIT_GROUP_RECORDS, locality_id)
    if fetch is None:
        return
    assert record.id is not None
    stored = fetch(record.id)
    if stored is None:
        raise NotFoundError(t("record_gone", id=record.id))
    require(user, Action.EDIT_GROUP_RECORDS, stored.locality_id)
    _refuse_move(user, stored.locality_id, locality_id)
    if stored.version != record.version:
        raise StaleWriteError(t("record_changed_reload"))


def _stored_for_delete(
    user: User | None,
    fetch: Callable[[int], Any],
    record_id: int,
    version: int,
    subject: str,
) -> Any:
    """The stored record to be deleted; who may not edit anything is refused before it is looked up.

    ``subject`` names the record at the start of a sentence (a ``subject_*``).
    """
    require_signed_in(user)
    stored = fetch(record_id)
    if stored is None:
        raise NotFoundError(t("delete_gone", subject=subject))
    if stored.version != version:
        # Checked here as well as in the store, for the reason given in _check_group_write.
        raise StaleWriteError(t("delete_changed", subject=subject))
    return stored


def _refuse_move(user: User | None, stored_locality: str, new_locality: str) -> None:
    if stored_locality != new_locality and not (
        user is not None and user.active and user.role is Role.ADMIN
    ):
        raise PermissionDenied(t("editor_cannot_move"))


def _name(user: User | None) -> str:
    assert user is not None  # every caller has passed _require
    return user.username


def _existing_user(gw: GroupworkStore, user_id: int) -> User:
    user = gw.user(user_id)
    if user is None:
        raise NotFoundError(t("user_gone", id=user_id))
    return user


def _new_user(
    gw: GroupworkStore,
    actor_name: str,
    username: str,
    password: str,
    role: Role | str,
    locality_id: str | None,
    known_localities: Collection[str],
) -> User:
    problems = user_problems(username, role, locality_id, known_localities=known_localities)
    problems += password_problems(password)
    name = normalise_username(username) if isinstance(username, str) else ""
    if not problems and gw.user_by_name(name) is not None:
        problems.append(Problem(FORM, t("username_taken", name=name), field="username"))
    _raise_if(problems)
    the_role = parse_role(role)
    assert the_role is not None
    user = User(
        username=name,
        role=the_role,
        password_hash=hash_password(password),
        locality_id=locality_id if the_role is Role.EDITOR else None,
    )
    return gw.save_user(user, username=actor_name)


def _raise_if(problems: Sequence[Problem]) -> None:
    if problems:
        raise InputError(list(problems))
