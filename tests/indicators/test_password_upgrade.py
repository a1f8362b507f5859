"""A hash from the earlier code is rewritten in werkzeug's format at a successful sign-in, and only then."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indicators.accounts.auth import (
    authenticate,
    hash_password,
    needs_rehash,
    verify_password,
)
from indicators.groupwork import service
from indicators.groupwork.records import Role, User
from indicators.groupwork.store import GroupworkStore
from tests.legacy_hashes import legacy_hash

PASSWORD = "en lång fras om Brunnsparken"


@pytest.fixture
def gw(store) -> GroupworkStore:
    return GroupworkStore(store)


@pytest.fixture
def old_anna(gw) -> User:
    return gw.save_user(User("anna", Role.ADMIN, legacy_hash(PASSWORD)), username="test")


def test_an_old_hash_is_rewritten_in_the_current_format_and_still_verifies(gw, old_anna):
    signed_in = authenticate(gw.user_by_name, "anna", PASSWORD)
    assert signed_in == old_anna

    upgraded = service.upgrade_password_hash(gw, signed_in, PASSWORD)

    stored = gw.user(old_anna.id)
    assert stored == upgraded
    assert stored.password_hash != old_anna.password_hash
    assert stored.password_hash.startswith("scrypt:32768:8:1$")
    assert not needs_rehash(stored.password_hash)
    assert authenticate(gw.user_by_name, "anna", PASSWORD) == stored
    assert authenticate(gw.user_by_name, "anna", "fel lösenord!!") is None


def test_the_rewrite_is_no_audit_event(gw, old_anna):
    before = gw.audit()
    service.upgrade_password_hash(gw, old_anna, PASSWORD)
    assert gw.user(old_anna.id).password_hash != old_anna.password_hash
    assert gw.audit() == before


def test_a_wrong_password_never_becomes_the_stored_hash(gw, old_anna):
    service.upgrade_password_hash(gw, old_anna, "ett helt annat lösenord")
    assert gw.user(old_anna.id).password_hash == old_anna.password_hash


def test_a_current_hash_is_left_alone(gw):
    anna = gw.save_user(User("anna", Role.ADMIN, hash_password(PASSWORD)), username="test")
    assert service.upgrade_password_hash(gw, anna, PASSWORD) == anna
    assert gw.user(anna.id).password_hash == anna.password_hash


def test_a_password_set_meanwhile_is_never_overwritten(gw, old_anna):
    """The rewrite only replaces the hash that was checked: an admin's new password wins."""
    gw.save_user(replace(old_anna, password_hash=hash_password("ett nyare lösenord")), username="admin")
    result = service.upgrade_password_hash(gw, old_anna, PASSWORD)
    stored = gw.user(old_anna.id)
    assert verify_password("ett nyare lösenord", stored.password_hash)
    assert not verify_password(PASSWORD, stored.password_hash)
    assert result == old_anna
