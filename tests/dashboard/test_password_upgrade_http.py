"""Signing in through the real HTTP layer rewrites a hash from the earlier code in werkzeug's format;
the account's other sessions live on (the password did not change)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard.app import create_app
from dashboard.server.settings import Settings
from indicators.accounts.auth import needs_rehash, verify_password
from tests.dashboard.dash_http import DashClient
from tests.dashboard.test_sessions_http import (
    PASSWORDS,
    seed_accounts,
    signed_in,
    writes,
)
from tests.legacy_hashes import legacy_hash


@pytest.fixture
def world_with_an_old_hash(store, database_url):
    gw = seed_accounts(store)
    editor = gw.user_by_name("storebro")
    old = gw.save_user(replace(editor, password_hash=legacy_hash(PASSWORDS["storebro"])), username="test")
    app = create_app(Settings(database_url=database_url, secret_key="test-secret"), store=store)
    return app, gw, old


def test_signing_in_with_an_old_hash_rewrites_it_in_werkzeugs_format(world_with_an_old_hash):
    app, gw, old = world_with_an_old_hash
    earlier_session = signed_in(app, "storebro")
    assert not needs_rehash(gw.user(old.id).password_hash)  # the first sign-in already rewrote it
    stored = gw.user(old.id).password_hash
    assert stored != old.password_hash
    assert stored.startswith("scrypt:32768:8:1$")
    assert verify_password(PASSWORDS["storebro"], stored)
    signed_in(app, "storebro")  # the new hash signs in too
    assert gw.user(old.id).password_hash == stored  # and is not rewritten again
    assert writes(earlier_session, gw, "Efter omskrivningen")  # no session ended by the rewrite


def test_a_failed_sign_in_leaves_an_old_hash_alone(world_with_an_old_hash):
    app, gw, old = world_with_an_old_hash
    response = DashClient(app).sign_in("storebro", "fel lösenord!!")
    assert response.status_code == 200
    assert gw.user(old.id).password_hash == old.password_hash
