"""Residents' ideas on a real database: the form's rules, the honeypot, the limits per address and
locality, moderation only by the locality's editors and staff, one support per browser, merging,
turning an idea into an initiative (linked both ways), workshop input, and the contact purge."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from functools import cache

import pytest
from sqlalchemy import select

from indicators.accounts.auth import hash_password
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork.records import Role, User
from indicators.groupwork.store import GroupworkStore, StaleWriteError
from indicators.ideas import service
from indicators.ideas.limits import Throttled
from indicators.ideas.records import Idea, IdeaStatus, Sender, Submission
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.storage import app_settings as settings
from indicators.storage import schema

OWN, OTHER = "storebro", "tuna"
BOXES = {"storebro": (57.55, 57.65, 15.80, 15.90), "tuna": (57.55, 57.62, 16.05, 16.15)}
DEFAULTS = settings.AppSettings.defaults()


def area_contains(locality_id: str, lat: float, lon: float) -> bool:
    box = BOXES.get(locality_id)
    return box is not None and box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


@cache
def _hash() -> str:
    return hash_password("tio tecken minst")


@pytest.fixture
def gw(store) -> GroupworkStore:
    return GroupworkStore(store)


@pytest.fixture
def ideas(store, clock) -> IdeaStore:
    return IdeaStore(store, salt=b"test salt", clock=clock)


@pytest.fixture
def known(store) -> set[str]:
    return {locality.id for locality in store.localities()}


@pytest.fixture
def people(gw) -> dict[str, User]:
    def account(name: str, role: Role, locality: str | None) -> User:
        return gw.save_user(User(name, role, _hash(), locality), username="test")

    return {
        "editor": account("anna", Role.EDITOR, OWN),
        "other editor": account("olle", Role.EDITOR, OTHER),
        "admin": account("staff", Role.ADMIN, None),
    }


def _send(ideas, known, *, title="Bänk vid ån", locality=OWN, address="10.0.0.1", contact="", trap="", **more):
    idea = Idea(locality_id=locality, title=title, areas=more.pop("areas", ("trivas",)), **more)
    return service.submit(
        ideas, Sender(address), Submission(idea, contact, trap),
        known_localities=known, area_contains=area_contains, values=DEFAULTS,
    )  # fmt: skip


def _published(ideas, known, people, **kwargs) -> Idea:
    sent = _send(ideas, known, **kwargs)
    return service.moderate(ideas, people["editor"], sent.id, sent.version, Step.PUBLISH)


def test_a_sent_idea_waits_in_its_localitys_queue_and_is_not_public(ideas, known, people):
    sent = _send(ideas, known, contact="anna@example.se")
    assert sent.status is IdeaStatus.PENDING
    assert ideas.ideas() == []
    assert [idea.id for idea in service.queue(ideas, people["editor"], OWN)] == [sent.id]


def test_the_form_reports_every_bad_field_at_once(ideas, known):
    with pytest.raises(InputError) as caught:
        _send(ideas, known, title="  ", areas=("nope",), lat=10.0, lon=10.0, contact="hej")
    fields = {problem.field for problem in caught.value.problems}
    assert {"title", "areas", "point", "contact"} <= fields


def test_too_long_text_and_unknown_locality_are_refused(ideas, known):
    with pytest.raises(InputError) as caught:
        _send(ideas, known, title="x" * 151, locality="atlantis", description="y" * 3001)
    assert {p.field for p in caught.value.problems} >= {"title", "locality_id", "description"}


def test_the_honeypot_stores_nothing_and_counts_nothing(ideas, known, store):
    assert _send(ideas, known, trap="http://spam.example") is None
    with store.engine.connect() as conn:
        assert conn.execute(select(schema.ideas)).first() is None
        assert conn.execute(select(schema.idea_send_limits)).first() is None


def test_an_address_is_throttled_and_told_when_it_may_send_again(ideas, known, clock):
    for n in range(DEFAULTS.get(settings.IDEA_ADDRESS_LIMIT)):
        _send(ideas, known, title=f"Förslag {n}")
    with pytest.raises(Throttled) as caught:
        _send(ideas, known)
    assert caught.value.wait == timedelta(minutes=60)
    assert "60" in caught.value.message
    _send(ideas, known, address="10.0.0.2")  # another address is not held up
    clock.advance(minutes=60)
    _send(ideas, known)


def test_a_locality_is_throttled_across_addresses(ideas, known, store):
    store_settings = settings.AppSettings({settings.IDEA_LOCALITY_LIMIT.key: 2})
    for n in range(2):
        service.submit(
            ideas, Sender(f"10.0.1.{n}"), Submission(Idea(OWN, f"F {n}", areas=("leva",))),
            known_localities=known, area_contains=area_contains, values=store_settings,
        )  # fmt: skip
    with pytest.raises(Throttled):
        service.submit(
            ideas, Sender("10.0.1.9"), Submission(Idea(OWN, "F", areas=("leva",))),
            known_localities=known, area_contains=area_contains, values=store_settings,
        )  # fmt: skip


def test_addresses_are_stored_only_hashed(ideas, known, store):
    _send(ideas, known, address="192.0.2.44")
    with store.engine.connect() as conn:
        subjects = conn.execute(select(schema.idea_send_limits.c.subject)).scalars().all()
    assert all("192.0.2.44" not in subject for subject in subjects)


@pytest.mark.parametrize("step", [Step.PUBLISH, Step.REJECT, Step.HIDE])
def test_an_editor_moderates_only_their_own_localitys_ideas(ideas, known, people, step):
    sent = _send(ideas, known)
    with pytest.raises(PermissionDenied):
        service.moderate(ideas, people["other editor"], sent.id, sent.version, step, reason="Nej")
    with pytest.raises(PermissionDenied):
        service.moderate(ideas, None, sent.id, sent.version, step, reason="Nej")
    with pytest.raises(PermissionDenied):
        service.queue(ideas, people["other editor"], OWN)
    with pytest.raises(PermissionDenied):
        service.contact_for(ideas, people["other editor"], sent.id)


def test_publish_reject_hide_consider_decline_and_the_audit_log(ideas, known, people, gw):
    editor = people["editor"]
    first = _published(ideas, known, people)
    assert [idea.id for idea in ideas.ideas()] == [first.id]
    considered = service.moderate(ideas, editor, first.id, first.version, Step.CONSIDER)
    declined = service.moderate(ideas, editor, first.id, considered.version, Step.DECLINE)
    hidden = service.moderate(ideas, people["admin"], first.id, declined.version, Step.HIDE)
    assert hidden.status is IdeaStatus.HIDDEN and ideas.ideas() == []
    second = _send(ideas, known, title="Annat")
    with pytest.raises(InputError):
        service.moderate(ideas, editor, second.id, second.version, Step.REJECT, reason="  ")
    rejected = service.moderate(ideas, editor, second.id, second.version, Step.REJECT, reason="Finns redan")
    assert rejected.reject_reason == "Finns redan"
    actions = [entry.action for entry in gw.audit(locality_id=OWN) if entry.entity == "idea"]
    assert sorted(actions) == sorted(
        ["idea-publish", "idea-consider", "idea-decline", "idea-hide", "idea-reject"]
    )


def test_a_step_on_an_old_version_is_refused(ideas, known, people):
    sent = _send(ideas, known)
    service.moderate(ideas, people["editor"], sent.id, sent.version, Step.PUBLISH)
    with pytest.raises(StaleWriteError):
        service.moderate(ideas, people["admin"], sent.id, sent.version, Step.REJECT, reason="Nej")


def test_one_support_per_browser_and_idea(ideas, known, people):
    idea = _published(ideas, known, people)
    assert service.support(ideas, Sender("a", "browser-1"), idea.id, values=DEFAULTS) == (1, True)
    assert service.support(ideas, Sender("b", "browser-1"), idea.id, values=DEFAULTS) == (1, False)
    assert service.support(ideas, Sender("a", "browser-2"), idea.id, values=DEFAULTS) == (2, True)
    assert ideas.supported([idea.id], "browser-2") == {idea.id}
    assert ideas.counts_by_locality()[OWN].supports == 2


def test_a_pending_idea_cannot_be_supported_and_supports_are_throttled(ideas, known, people):
    pending = _send(ideas, known)
    with pytest.raises(Exception, match="finns inte"):
        service.support(ideas, Sender("a", "b"), pending.id, values=DEFAULTS)
    idea = _published(ideas, known, people, title="Ny")
    few = settings.AppSettings({settings.IDEA_SUPPORT_LIMIT.key: 1})
    service.support(ideas, Sender("a", "b1"), idea.id, values=few)
    with pytest.raises(Throttled):
        service.support(ideas, Sender("a", "b2"), idea.id, values=few)


def test_merging_moves_supports_once_per_browser(ideas, known, people):
    editor = people["editor"]
    keep = _published(ideas, known, people, title="Lekplats")
    dup = _published(ideas, known, people, title="Lekplats!", address="10.0.0.9")
    for browser in ("x", "y"):
        service.support(ideas, Sender("a", browser), dup.id, values=DEFAULTS)
    service.support(ideas, Sender("a", "x"), keep.id, values=DEFAULTS)
    dup = ideas.idea(dup.id)
    merged = service.moderate(ideas, editor, dup.id, dup.version, Step.MERGE, target_id=keep.id)
    assert merged.status is IdeaStatus.MERGED and merged.merged_into_id == keep.id
    assert ideas.idea(keep.id).supports == 2


def test_merging_into_another_localitys_idea_is_refused(ideas, known, people):
    own = _published(ideas, known, people)
    lat, lon = 57.58, 16.1
    other = _send(ideas, known, locality=OTHER, lat=lat, lon=lon)
    with pytest.raises(PermissionDenied):
        service.moderate(ideas, people["editor"], own.id, own.version, Step.MERGE, target_id=other.id)
    with pytest.raises(InputError):
        service.moderate(ideas, people["admin"], own.id, own.version, Step.MERGE, target_id=other.id)


def test_an_idea_becomes_an_initiative_linked_both_ways(ideas, known, people, gw):
    idea = _published(ideas, known, people, lat=57.6, lon=15.85)
    became, initiative = service.to_initiative(
        ideas, gw, people["editor"], idea.id, idea.version, known_localities=known, area_contains=area_contains
    )
    assert became.status is IdeaStatus.INITIATIVE and became.initiative_id == initiative.id
    assert initiative.title == idea.title and initiative.locality_id == OWN
    assert ideas.idea_for_initiative(initiative.id).id == idea.id
    with pytest.raises(PermissionDenied):
        other = _published(ideas, known, people, title="Till")
        service.to_initiative(
            ideas, gw, people["other editor"], other.id, other.version,
            known_localities=known, area_contains=area_contains,
        )  # fmt: skip


def test_contact_is_apart_and_only_for_the_localitys_editors_and_staff(ideas, known, people):
    sent = _send(ideas, known, contact="anna@example.se")
    assert service.contact_for(ideas, people["editor"], sent.id).contact == "anna@example.se"
    assert service.contact_for(ideas, people["admin"], sent.id).contact == "anna@example.se"
    public = service.moderate(ideas, people["editor"], sent.id, sent.version, Step.PUBLISH)
    assert "anna@example.se" not in repr(public)
    assert "anna@example.se" not in repr(ideas.ideas()) + repr(ideas.map_points())


def test_contacts_are_purged_after_the_retention_staff_set(ideas, known, people, clock):
    sent = _send(ideas, known, contact="070-123 45 67")
    clock.advance(days=200)
    assert service.purge_contacts(ideas, settings.AppSettings.defaults()) == 0
    six = settings.AppSettings({settings.IDEA_CONTACT_MONTHS.key: 6})
    assert service.purge_contacts(ideas, six) == 1
    assert service.contact_for(ideas, people["admin"], sent.id) is None
    assert ideas.idea(sent.id) is not None


def test_workshop_points_are_staff_only_published_and_may_be_for_the_whole_municipality(ideas, known, people):
    points = [Idea(None, "Bredband överallt", areas=("arbeta",)), Idea(OWN, "Mötesplats", areas=("motas",))]
    with pytest.raises(PermissionDenied):
        service.record_workshop_ideas(
            ideas, people["editor"], points, meeting_id=None, known_localities=known, area_contains=area_contains
        )
    saved = service.record_workshop_ideas(
        ideas, people["admin"], points, meeting_id=None, known_localities=known, area_contains=area_contains
    )
    assert all(idea.status is IdeaStatus.PUBLISHED and idea.source.value == "workshop" for idea in saved)
    with pytest.raises(InputError) as caught:
        service.record_workshop_ideas(
            ideas, people["admin"], [replace(points[0], title="")], meeting_id=None,
            known_localities=known, area_contains=area_contains,
        )  # fmt: skip
    assert caught.value.problems[0].row == 1


def test_template_syntax_is_stored_as_typed(ideas, known, people):
    title = "{{ config }} {% raw %} <script>alert(1)</script>"
    idea = _published(ideas, known, people, title=title)
    assert ideas.idea(idea.id).title == title


def test_purge_contacts_on_the_command_line(store, ideas, known, capsys):
    from indicators.cli import main

    _send(ideas, known, contact="anna@example.se")
    assert main(["purge-contacts", "--database-url", store.url]) == 0
    assert capsys.readouterr().out.startswith("0 ")
