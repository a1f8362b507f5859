"""Passwords (werkzeug scrypt round trip, wrong password, tampered hashes, hashes from the earlier
code), the password rule, ``can`` for every role and action, and sign-in that does the same work
for any name."""

from __future__ import annotations

import hashlib

import pytest

from indicators.accounts import auth
from indicators.accounts.auth import (
    PASSWORD_MIN_LENGTH,
    Action,
    authenticate,
    can,
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from indicators.groupwork.records import Role, User
from tests.legacy_hashes import legacy_hash

PASSWORD = "en lång fras om Brunnsparken"


@pytest.fixture(scope="module")
def stored_hash() -> str:
    return hash_password(PASSWORD)


def test_password_round_trip(stored_hash):
    assert verify_password(PASSWORD, stored_hash)


def test_wrong_password_is_refused(stored_hash):
    assert not verify_password("en lång fras om brunnsparken", stored_hash)
    assert not verify_password("", stored_hash)
    assert not verify_password(PASSWORD + " ", stored_hash)


def test_hash_is_werkzeugs_scrypt_with_its_parameters_and_a_fresh_salt(stored_hash):
    from werkzeug.security import check_password_hash

    method, salt, key = stored_hash.split("$")
    assert method == "scrypt:32768:8:1"
    assert len(salt) == 16 and len(key) == 128
    assert check_password_hash(stored_hash, PASSWORD)  # werkzeug itself reads it
    assert PASSWORD not in stored_hash
    again = hash_password(PASSWORD)
    assert again != stored_hash  # a new salt every time
    assert again.split("$")[1] != salt
    assert verify_password(PASSWORD, again)


def test_a_hash_from_the_earlier_code_still_verifies_and_asks_to_be_rewritten(stored_hash):
    old = legacy_hash(PASSWORD)
    assert verify_password(PASSWORD, old)
    assert not verify_password(PASSWORD + "!", old)
    assert needs_rehash(old)
    assert not needs_rehash(stored_hash)


def test_a_werkzeug_hash_with_other_parameters_verifies_and_asks_to_be_rewritten():
    from werkzeug.security import generate_password_hash

    weaker = generate_password_hash(PASSWORD, method="scrypt:16384:8:1")
    assert verify_password(PASSWORD, weaker)
    assert needs_rehash(weaker)


def test_non_ascii_passwords_work():
    stored = hash_password("Södra Vi: ljus längs cykelvägen")
    assert verify_password("Södra Vi: ljus längs cykelvägen", stored)
    assert not verify_password("Sodra Vi: ljus langs cykelvagen", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plaintext-password",
        "scrypt$32768$8$1$AAAA",
        "bcrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # not a power of 2
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # huge n
        "scrypt$32768$8$1$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt:32768:8:1",
        "scrypt:32768:8$salt$" + "0" * 128,
        "scrypt:32768:8:1$salt$" + "0" * 127,
        "scrypt:32768:8:1$salt$" + "0" * 127 + "g",
        "scrypt:32768:8:1$$" + "0" * 128,
        "scrypt:1000:8:1$salt$" + "0" * 128,  # not a power of 2
        "scrypt:-32768:8:1$salt$" + "0" * 128,
        "scrypt:32768:0:1$salt$" + "0" * 128,
        "scrypt:3²768:8:1$salt$" + "0" * 128,
        "pbkdf2:sha256:1000000000000$salt$" + "0" * 64,  # only scrypt, whose cost we bound
        "$".join(["scrypt:32768:8:1", "s" * 65, "0" * 128]),
    ],
)
def test_a_malformed_or_hostile_stored_hash_never_matches(stored):
    assert not verify_password("anything at all", stored)


HUGE = [
    "scrypt:1048576:8:1$salt$" + "0" * 128,  # 1 GiB
    "scrypt:1073741824:8:1$salt$" + "0" * 128,
    "scrypt:32768:8:1000000$salt$" + "0" * 128,  # hours of work
    "scrypt:1048576:32:16$salt$" + "0" * 128,
    "scrypt:131072:32:1$salt$" + "0" * 128,  # each field alone looks modest; together 512 MiB
    "scrypt$1048576$32$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # earlier format
]


@pytest.mark.parametrize("stored", HUGE)
def test_a_tampered_hash_with_huge_parameters_is_refused_before_any_hashing(stored, monkeypatch):
    """Nothing is derived at all, so nothing is allocated: the bounds are checked first."""
    calls: list[tuple] = []
    monkeypatch.setattr(hashlib, "scrypt", lambda *args, **kwargs: calls.append(args) or b"")
    assert not verify_password("anything at all", stored)
    assert calls == []


def test_the_bounds_still_admit_a_raised_cost():
    """Room to raise the cost once (4 times today's) without a code change."""
    from werkzeug.security import generate_password_hash

    stronger = generate_password_hash(PASSWORD, method="scrypt:65536:8:2")
    assert verify_password(PASSWORD, stronger)


def test_the_password_rule_asks_for_ten_characters():
    assert PASSWORD_MIN_LENGTH == 10
    short = password_problems("kort123")
    assert len(short) == 1
    assert short[0].field == "password"
    assert "minst 10 tecken" in short[0].message
    assert password_problems("a" * 9) != []
    assert password_problems("a" * 10) == []
    assert password_problems(" " * 12) != []
    assert password_problems("x" * (auth.PASSWORD_MAX_LENGTH + 1)) != []


# ---------------------------------------------------------------- can


def _user(role: Role, locality: str | None = None, *, active: bool = True) -> User:
    return User(f"{role.value}-{locality}", role, "x", locality, active, id=1)


ADMIN = _user(Role.ADMIN)
EDITOR = _user(Role.EDITOR, "storebro")
INACTIVE_EDITOR = _user(Role.EDITOR, "storebro", active=False)
INACTIVE_ADMIN = _user(Role.ADMIN, active=False)
ADMIN_ONLY = (
    Action.MANAGE_MEETINGS,
    Action.MANAGE_USERS,
    Action.VIEW_AUDIT,
    Action.IMPORT_INDICATORS,
)


@pytest.mark.parametrize("user", [None, ADMIN, EDITOR, INACTIVE_EDITOR, INACTIVE_ADMIN])
@pytest.mark.parametrize("locality", [None, "storebro", "tuna"])
def test_everyone_may_view(user, locality):
    assert can(user, Action.VIEW, locality)


@pytest.mark.parametrize(
    ("user", "locality", "expected"),
    [
        (None, "storebro", False),
        (None, "tuna", False),
        (EDITOR, "storebro", True),
        (EDITOR, "tuna", False),
        (EDITOR, None, False),
        (EDITOR, "", False),
        (EDITOR, "Storebro", False),  # ids are exact; no case games
        (INACTIVE_EDITOR, "storebro", False),
        (ADMIN, "storebro", True),
        (ADMIN, "tuna", True),
        (INACTIVE_ADMIN, "tuna", False),
    ],
)
def test_editing_group_records(user, locality, expected):
    assert can(user, Action.EDIT_GROUP_RECORDS, locality) is expected


@pytest.mark.parametrize("action", ADMIN_ONLY)
@pytest.mark.parametrize(
    ("user", "expected"),
    [(None, False), (EDITOR, False), (INACTIVE_EDITOR, False), (ADMIN, True), (INACTIVE_ADMIN, False)],
)
@pytest.mark.parametrize("locality", [None, "storebro"])
def test_admin_only_actions(action, user, expected, locality):
    assert can(user, action, locality) is expected


def test_an_editor_without_a_locality_edits_nothing():
    lost = _user(Role.EDITOR, None)
    assert not can(lost, Action.EDIT_GROUP_RECORDS, None)
    assert not can(lost, Action.EDIT_GROUP_RECORDS, "storebro")


# ---------------------------------------------------------------- authenticate


class _Users:
    """A lookup that records the names asked for."""

    def __init__(self, *users: User) -> None:
        self.by_name = {user.username: user for user in users}
        self.asked: list[str] = []

    def __call__(self, name: str) -> User | None:
        self.asked.append(name)
        return self.by_name.get(name)


@pytest.fixture(scope="module")
def anna(stored_hash) -> User:
    return User("anna", Role.EDITOR, stored_hash, "storebro", id=7)


def test_authenticate_returns_the_user_for_the_right_password(anna):
    assert authenticate(_Users(anna), "anna", PASSWORD) == anna


def test_authenticate_trims_and_case_folds_the_name(anna):
    users = _Users(anna)
    assert authenticate(users, "  Anna ", PASSWORD) == anna
    assert users.asked == ["anna"]


def test_authenticate_refuses_a_wrong_password_an_unknown_name_and_a_deactivated_account(anna):
    assert authenticate(_Users(anna), "anna", "fel lösenord!!") is None
    assert authenticate(_Users(anna), "bertil", PASSWORD) is None
    assert authenticate(_Users(User("anna", Role.EDITOR, anna.password_hash, "storebro", active=False)),
                        "anna", PASSWORD) is None


@pytest.fixture()
def scrypt_calls(monkeypatch) -> list[int]:
    """Every scrypt computation, whoever asks for it (werkzeug or the reader of old hashes)."""
    calls: list[int] = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(kwargs.get("n", 0))
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


@pytest.mark.parametrize("password", ["fel lösenord!!", PASSWORD, "x" * (auth.PASSWORD_MAX_LENGTH + 1)])
def test_authenticate_does_one_scrypt_of_the_same_cost_whether_or_not_the_user_exists(
    anna, scrypt_calls, password
):
    for name in ("anna", "bertil"):
        scrypt_calls.clear()
        authenticate(_Users(anna), name, password)
        assert scrypt_calls == [2**15], name


def test_authenticate_does_one_scrypt_for_a_hash_from_the_earlier_code(scrypt_calls):
    old_anna = User("anna", Role.EDITOR, legacy_hash(PASSWORD), "storebro", id=7)
    scrypt_calls.clear()
    assert authenticate(_Users(old_anna), "anna", PASSWORD) == old_anna
    assert scrypt_calls == [2**15]
    scrypt_calls.clear()
    assert authenticate(_Users(old_anna), "anna", "fel lösenord!!") is None
    assert scrypt_calls == [2**15]


def test_the_dummy_hash_has_the_real_cost():
    """Unknown names must cost what known names cost, so the dummy uses the same parameters."""
    assert auth._DUMMY_HASH.split("$")[0] == hash_password("x" * 10).split("$")[0]
    assert not needs_rehash(auth._DUMMY_HASH)
    assert not verify_password("", auth._DUMMY_HASH)
