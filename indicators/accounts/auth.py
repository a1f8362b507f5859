"""Passwords and permissions: who may do what, as plain functions.

Passwords are hashed with scrypt from the standard library (memory-hard, so a
stolen database is expensive to attack, and no new dependency to audit). The
stored string carries its own parameters and salt, so the cost can be raised
later without breaking existing passwords.

``can`` is the single statement of the permission rules. The dashboard asks it
to decide what to show, and ``groupwork_service`` asks it again before every
write, so hiding a button is never what protects the data.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable
from enum import Enum

from indicators.core.errors import FORM, Problem
from indicators.groupwork.records import Role, User
from indicators.i18n.form_texts import t

PASSWORD_MIN_LENGTH = 10
"""Length beats composition rules: a long phrase is both easier to remember and harder to guess."""
PASSWORD_MAX_LENGTH = 1024
"""Far beyond any real passphrase; bounds the work a single sign-in request can cause."""

_SCHEME = "scrypt"
_SALT_BYTES = 16
_KEY_BYTES = 32
# n=2**15, r=8 takes about 32 MiB and a few tens of milliseconds: slow for an
# attacker trying millions of guesses, unnoticeable for a person signing in.
_N = 2**15
_R = 8
_P = 1
# Parameters read from the database are bounded, so a tampered hash cannot make
# one sign-in attempt eat the server's memory.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16

# Verified when the user does not exist, so an unknown name costs the same
# scrypt work as a known one and response times do not reveal which names exist.
_DUMMY_HASH = "$".join(
    (
        _SCHEME,
        str(_N),
        str(_R),
        str(_P),
        base64.b64encode(bytes(_SALT_BYTES)).decode("ascii"),
        base64.b64encode(bytes(_KEY_BYTES)).decode("ascii"),
    )
)

PASSWORD_FIELD = "password"


class Action(str, Enum):
    """What a person may try to do; ``can`` decides whether they may."""

    VIEW = "view"
    """Read anything public: the map, lists, exports. Everyone, signed in or not."""
    EDIT_GROUP_RECORDS = "edit_group_records"
    """Create, change or delete a locality's activities, initiatives and composition."""
    MANAGE_MEETINGS = "manage_meetings"
    """Record the network's strategic meetings."""
    MANAGE_USERS = "manage_users"
    """Create users, set passwords, deactivate."""
    VIEW_AUDIT = "view_audit"
    """Read the audit log."""
    IMPORT_INDICATORS = "import_indicators"
    """Import indicator files (figures, the catalogue, Kolada) and clear the example figures."""
    IMPORT_GEODATA = "import_geodata"
    """Import where localities lie and their areas (points and polygons from a geodata file)."""
    MANAGE_SETTINGS = "manage_settings"
    """Change the app's settings (session lifetimes, sign-in limits)."""


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$key`` (base64) with a fresh random salt.

    The same password hashes differently every time, so equal passwords in the
    database do not show as equal hashes.
    """
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(password, salt, _N, _R, _P)
    return "$".join(
        (
            _SCHEME,
            str(_N),
            str(_R),
            str(_P),
            base64.b64encode(salt).decode("ascii"),
            base64.b64encode(key).decode("ascii"),
        )
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; a malformed stored hash never matches.

    The comparison is constant-time, so how long it takes says nothing about
    how many bytes of a guess were right.
    """
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    if len(password) > PASSWORD_MAX_LENGTH:
        # Still do the work, so an over-long guess is not answered faster.
        _derive("", salt, n, r, p)
        return False
    key = _derive(password, salt, n, r, p, len(expected))
    return hmac.compare_digest(key, expected)


def password_problems(password: str, field: str = PASSWORD_FIELD) -> list[Problem]:
    """Why a new password cannot be used (``form_texts`` messages), or an empty list."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return [
            Problem(FORM, t("password_too_short", minimum=PASSWORD_MIN_LENGTH), field=field)
        ]
    if len(password) > PASSWORD_MAX_LENGTH:
        return [
            Problem(FORM, t("password_too_long", maximum=PASSWORD_MAX_LENGTH), field=field)
        ]
    if not password.strip():
        return [Problem(FORM, t("password_only_spaces"), field=field)]
    return []


def can(user: User | None, action: Action, locality_id: str | None = None) -> bool:
    """Whether ``user`` (None: not signed in) may do ``action``, for ``locality_id`` where it matters.

    Viewing is open to all. A deactivated account can do nothing beyond that,
    even with a session that is still alive. An admin may do everything; an
    editor may only edit group records of their own locality, so a request
    naming another locality, or none, is refused.
    """
    if action is Action.VIEW:
        return True
    if user is None or not user.active:
        return False
    if user.role is Role.ADMIN:
        return True
    if user.role is Role.EDITOR and action is Action.EDIT_GROUP_RECORDS:
        return (
            locality_id is not None
            and user.locality_id is not None
            and locality_id == user.locality_id
        )
    return False


def authenticate(
    users_lookup: Callable[[str], User | None], username: str, password: str
) -> User | None:
    """The active user with this name and password, or None.

    Exactly one scrypt verification happens whatever the outcome (unknown
    name, deactivated account, wrong password), so the time an answer takes
    does not tell an attacker which usernames exist. Names are matched after
    trimming and case-folding, the way ``groupwork_service`` stores them.
    """
    user = users_lookup(normalise_username(username))
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    matches = verify_password(password, user.password_hash)
    if not matches or not user.active:
        return None
    return user


def normalise_username(username: str) -> str:
    """Trimmed and lower-case, so ``Anna`` and ``anna `` are the same account."""
    return username.strip().casefold()


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int = _KEY_BYTES) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=256 * r * n + (1 << 20),
    )


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """(n, r, p, salt, key) from a stored hash, or None for anything unexpected."""
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != _SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return None
    if not salt or not 16 <= len(key) <= 64:
        return None
    return n, r, p, salt, key
