"""Passwords and permissions: who may do what, as plain functions.

Passwords are hashed with werkzeug's scrypt (``werkzeug.security``, a plain
hashing module that comes with Flask; the domain's one werkzeug import,
decision 46): memory-hard, so a stolen database is expensive to attack, and the hash
format is one many Flask projects read. The stored string carries its own
parameters and salt (``scrypt:n:r:p$salt$hex``), so the cost can be raised
later without breaking existing passwords. Hashes written by the earlier
hand-made code (``scrypt$n$r$p$salt$key``, base64) still verify, and
``needs_rehash`` tells the sign-in path to rewrite them in the current format.

Whatever the format, the parameters of a stored hash are checked against
fixed bounds *before* any hashing, so a tampered row cannot make one sign-in
attempt allocate gigabytes or run for minutes.

``can`` is the single statement of the permission rules. The dashboard asks it
to decide what to show, and ``groupwork_service`` asks it again before every
write, so hiding a button is never what protects the data.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from werkzeug.security import check_password_hash, generate_password_hash

from indicators.core.errors import FORM, Problem
from indicators.groupwork.records import Role, User
from indicators.i18n.messages import t

PASSWORD_MIN_LENGTH = 10
"""Length beats composition rules: a long phrase is both easier to remember and harder to guess."""
PASSWORD_MAX_LENGTH = 1024
"""Far beyond any real passphrase; bounds the work a single sign-in request can cause."""

# n=2**15, r=8 takes about 32 MiB and a few tens of milliseconds: slow for an
# attacker trying millions of guesses, unnoticeable for a person signing in.
# Spelled out rather than left to werkzeug's default, so a werkzeug upgrade
# changes nothing silently and the dummy hash below keeps the real cost.
_N = 2**15
_R = 8
_P = 1
_METHOD = f"scrypt:{_N}:{_R}:{_P}"
_SALT_CHARS = 16
# Parameters read from the database are bounded before any hashing. scrypt
# needs about 128 * n * r bytes and time in proportion to n * r * p, so the
# product is what is bounded: at most 4 times today's cost (about 128 MiB),
# room to raise the cost once without a code change, never gigabytes.
_MAX_COST = 4 * _N * _R * _P
_MAX_R = 32
_MAX_P = 16
_MAX_SALT_CHARS = 64
_HEX_KEY = re.compile(r"[0-9a-f]{128}")
"""werkzeug's scrypt key: 64 bytes as lower-case hex."""

_LEGACY_SCHEME = "scrypt"

# Verified when the user does not exist, so an unknown name costs the same
# scrypt work as a known one and response times do not reveal which names exist.
_DUMMY_HASH = f"{_METHOD}${'0' * _SALT_CHARS}${'0' * 128}"

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
    MODERATE_IDEAS = "moderate_ideas"
    """Publish, reject, merge, hide residents' ideas of a locality, read their contact, make them initiatives."""
    RECORD_WORKSHOP_IDEAS = "record_workshop_ideas"
    """Record (and import) the input of a strategic meeting or workshop as ideas (staff)."""


_OWN_LOCALITY_ACTIONS = frozenset({Action.EDIT_GROUP_RECORDS, Action.MODERATE_IDEAS})
"""What an editor may do, for their own locality only."""


def hash_password(password: str) -> str:
    """werkzeug's ``scrypt:n:r:p$salt$hex`` with a fresh random salt.

    The same password hashes differently every time, so equal passwords in the
    database do not show as equal hashes.
    """
    return generate_password_hash(password, method=_METHOD, salt_length=_SALT_CHARS)


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; a malformed or out-of-bounds stored hash never matches.

    Both formats are read: werkzeug's (current) and the earlier
    ``scrypt$n$r$p$salt$key``. Exactly one scrypt computation happens for any
    well-formed hash, whatever the password, and the comparison is
    constant-time, so how long it takes says nothing about the guess.
    """
    check = _checker(stored)
    if check is None:
        return False
    if len(password) > PASSWORD_MAX_LENGTH:
        # Still do the work, so an over-long guess is not answered faster.
        check("")
        return False
    return check(password)


def needs_rehash(stored: str) -> bool:
    """Whether a hash that verified should be rewritten: an old format, or other parameters than today's.

    The sign-in path asks after a successful sign-in (the only moment the
    password is known) and stores ``hash_password(password)`` instead.
    """
    return not stored.startswith(f"{_METHOD}$")


def password_problems(password: str, field: str = PASSWORD_FIELD) -> list[Problem]:
    """Why a new password cannot be used (messages), or an empty list."""
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
    if user.role is Role.EDITOR and action in _OWN_LOCALITY_ACTIONS:
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


@dataclass(frozen=True)
class _Legacy:
    """A hash from the earlier hand-made code, parameters already bounded."""

    n: int
    r: int
    p: int
    salt: bytes
    key: bytes

    def __call__(self, password: str) -> bool:
        derived = _derive_legacy(password, self.salt, self.n, self.r, self.p, len(self.key))
        return hmac.compare_digest(derived, self.key)


@dataclass(frozen=True)
class _Werkzeug:
    """A werkzeug scrypt hash, parameters already bounded."""

    stored: str

    def __call__(self, password: str) -> bool:
        return check_password_hash(self.stored, password)


def _checker(stored: str) -> Callable[[str], bool] | None:
    """The check for a stored hash in either format, or None for anything unexpected or out of bounds."""
    if not isinstance(stored, str):
        return None
    if stored.startswith("scrypt:"):
        return _parse_werkzeug(stored)
    if stored.startswith(f"{_LEGACY_SCHEME}$"):
        return _parse_legacy(stored)
    return None  # plain text, pbkdf2 (whose iteration count we would have to bound too), anything else


def _parse_werkzeug(stored: str) -> _Werkzeug | None:
    parts = stored.split("$")
    if len(parts) != 3:
        return None
    method, salt, key = parts
    fields = method.split(":")
    if len(fields) != 4 or not all(field.isdigit() and field.isascii() for field in fields[1:]):
        return None
    n, r, p = (int(field) for field in fields[1:])
    if not _bounded(n, r, p):
        return None
    if not 0 < len(salt) <= _MAX_SALT_CHARS or not salt.isascii() or not _HEX_KEY.fullmatch(key):
        return None
    return _Werkzeug(stored)


def _parse_legacy(stored: str) -> _Legacy | None:
    """(n, r, p, salt, key) of an ``scrypt$n$r$p$salt$key`` hash, or None for anything unexpected."""
    parts = stored.split("$")
    if len(parts) != 6:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not _bounded(n, r, p):
        return None
    if not salt or not 16 <= len(key) <= 64:
        return None
    return _Legacy(n, r, p, salt, key)


def _bounded(n: int, r: int, p: int) -> bool:
    """scrypt parameters a hash we wrote could have: n a power of two, and the cost within ``_MAX_COST``."""
    return (
        1 < n
        and n & (n - 1) == 0
        and 0 < r <= _MAX_R
        and 0 < p <= _MAX_P
        and n * r * p <= _MAX_COST
    )


def _derive_legacy(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=length,
        maxmem=256 * r * n + (1 << 20),
    )
