"""The service on a real database: the permission matrix (role × action × own/other
locality, forged locality ids included), validation before writing, stale versions,
accounts and the first admin. Nothing here goes through HTTP: these are the rules
every caller meets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from indicators.accounts.auth import authenticate, hash_password, verify_password
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork import service
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Composition,
    Initiative,
    InitiativeStatus,
    Role,
    StrategicMeeting,
    User,
)
from indicators.groupwork.store import GroupworkStore, NotFoundError, StaleWriteError

OWN, OTHER = "storebro", "tuna"
PASSWORD = "tio tecken minst"
TODAY = date(2025, 6, 1)
BOXES = {  # stand-ins for the areas geodata computes
    "storebro": (57.55, 57.65, 15.80, 15.90),
    "tuna": (57.55, 57.62, 16.05, 16.15),
}
XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def area_contains(locality_id: str, lat: float, lon: float) -> bool:
    box = BOXES.get(locality_id)
    return box is not None and box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def point_in(locality_id: str) -> tuple[float, float]:
    south, north, west, east = BOXES[locality_id]
    return (south + north) / 2, (west + east) / 2


@pytest.fixture
def gw(store) -> GroupworkStore:
    return GroupworkStore(store)


@pytest.fixture
def known(store) -> set[str]:
    return {locality.id for locality in store.localities()}


@cache
def _password_hash() -> str:
    """One hash for every test account: scrypt is slow on purpose, and the matrix makes many."""
    return hash_password(PASSWORD)


def _account(gw: GroupworkStore, name: str, role: Role, locality: str | None, active: bool = True) -> User:
    return gw.save_user(User(name, role, _password_hash(), locality, active), username="test")


@pytest.fixture
def people(gw) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "editor": _account(gw, "anna", Role.EDITOR, OWN),
        "inactive editor": _account(gw, "bertil", Role.EDITOR, OWN, active=False),
        "admin": _account(gw, "staff", Role.ADMIN, None),
    }


def activity(locality: str, **changes) -> Activity:
    base = Activity(locality, date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag", participants=12,
                    areas=("leva",), description="Vi städade.")
    return replace(base, **changes)


def initiative(locality: str, **changes) -> Initiative:
    lat, lon = point_in(locality)
    base = Initiative(locality, "Belysning längs cykelvägen", InitiativeStatus.ONGOING, areas=("kontakt",),
                      start=date(2024, 3, 1), end=date(2025, 11, 30), progress=40, lat=lat, lon=lon)
    return replace(base, **changes)


def save_activity(gw, user, record, known):
    return service.save_activity(gw, user, record, known_localities=known, area_contains=area_contains,
                                 today=TODAY)


def save_initiative(gw, user, record, known):
    return service.save_initiative(gw, user, record, known_localities=known, area_contains=area_contains)


@pytest.fixture
def stored(gw) -> dict[str, dict[str, object]]:
    """One activity, one initiative and one meeting per locality, saved by staff."""
    records: dict[str, dict[str, object]] = {}
    for locality in (OWN, OTHER):
        records[locality] = {
            "activity": gw.save_activity(activity(locality), username="seed"),
            "initiative": gw.save_initiative(initiative(locality), username="seed"),
        }
    records["meeting"] = {"meeting": gw.save_meeting(
        StrategicMeeting(date(2017, 2, 9), "Strategiskt möte", participants=230), username="seed")}
    return records


# ---------------------------------------------------------------- the permission matrix

Action = Callable[..., object]


def _create_activity(gw, user, locality, stored, known, people):
    return save_activity(gw, user, activity(locality, title="Ny"), known)


def _update_activity(gw, user, locality, stored, known, people):
    return save_activity(gw, user, replace(stored[locality]["activity"], title="Ändrad"), known)


def _delete_activity(gw, user, locality, stored, known, people):
    record = stored[locality]["activity"]
    return service.delete_activity(gw, user, record.id, record.version)


def _create_initiative(gw, user, locality, stored, known, people):
    return save_initiative(gw, user, initiative(locality, title="Nytt"), known)


def _update_initiative(gw, user, locality, stored, known, people):
    return save_initiative(gw, user, replace(stored[locality]["initiative"], progress=80), known)


def _delete_initiative(gw, user, locality, stored, known, people):
    record = stored[locality]["initiative"]
    return service.delete_initiative(gw, user, record.id, record.version)


def _composition(gw, user, locality, stored, known, people):
    return service.save_composition(gw, user, Composition(locality, {("associations", "40_64"): 3}),
                                    known_localities=known)


def _create_meeting(gw, user, locality, stored, known, people):
    return service.save_meeting(gw, user, StrategicMeeting(date(2024, 2, 8), "Nätverksmöte", 120),
                                today=TODAY)


def _update_meeting(gw, user, locality, stored, known, people):
    return service.save_meeting(gw, user, replace(stored["meeting"]["meeting"], participants=231),
                                today=TODAY)


def _delete_meeting(gw, user, locality, stored, known, people):
    record = stored["meeting"]["meeting"]
    return service.delete_meeting(gw, user, record.id, record.version)


def _create_user(gw, user, locality, stored, known, people):
    return service.create_user(gw, user, "cecilia", PASSWORD, Role.EDITOR, locality, known_localities=known)


def _set_password(gw, user, locality, stored, known, people):
    return service.set_password(gw, user, people["editor"].id, "ett helt nytt lösenord")


def _deactivate(gw, user, locality, stored, known, people):
    return service.deactivate(gw, user, people["editor"].id)


GROUP_ACTIONS: dict[str, Action] = {
    "create activity": _create_activity,
    "update activity": _update_activity,
    "delete activity": _delete_activity,
    "create initiative": _create_initiative,
    "update initiative": _update_initiative,
    "delete initiative": _delete_initiative,
    "save composition": _composition,
}
ADMIN_ACTIONS: dict[str, Action] = {
    "create meeting": _create_meeting,
    "update meeting": _update_meeting,
    "delete meeting": _delete_meeting,
    "create user": _create_user,
    "set password": _set_password,
    "deactivate user": _deactivate,
}
ROLES = ("anonymous", "editor", "inactive editor", "admin")


def _allowed(role: str, action: str, locality: str) -> bool:
    if role == "admin":
        return True
    return role == "editor" and action in GROUP_ACTIONS and locality == OWN


CASES = [(role, action, locality) for role in ROLES for action in GROUP_ACTIONS for locality in (OWN, OTHER)]
CASES += [(role, action, OWN) for role in ROLES for action in ADMIN_ACTIONS]


def _snapshot(gw: GroupworkStore) -> tuple[object, ...]:
    return (
        gw.activities(),
        gw.initiatives(),
        gw.meetings(),
        gw.composition(OWN),
        gw.composition(OTHER),
        gw.users(),
        len(gw.audit(10_000)),
    )


@pytest.mark.parametrize(("role", "action", "locality"), CASES, ids=[" / ".join(case) for case in CASES])
def test_permission_matrix(gw, people, stored, known, role, action, locality):
    do = {**GROUP_ACTIONS, **ADMIN_ACTIONS}[action]
    user = people[role]
    before = _snapshot(gw)
    if _allowed(role, action, locality):
        do(gw, user, locality, stored, known, people)
        assert _snapshot(gw) != before
        entry = gw.audit(1)[0]
        assert entry.username == user.username  # the audit log names who did it
    else:
        with pytest.raises(PermissionDenied) as denied:
            do(gw, user, locality, stored, known, people)
        assert denied.value.message  # a Swedish sentence for the user
        assert _snapshot(gw) == before  # nothing written, not even an audit line


def test_the_matrix_covers_every_role_action_and_locality():
    assert len(CASES) == len(ROLES) * (len(GROUP_ACTIONS) * 2 + len(ADMIN_ACTIONS))


# ---------------------------------------------------------------- forged localities


def test_a_forged_locality_cannot_take_over_another_localitys_activity(gw, people, stored, known):
    """A Storebro editor sends Tuna's activity id with locality_id=storebro."""
    tunas = stored[OTHER]["activity"]
    forged = replace(tunas, locality_id=OWN, title="Kapad")
    with pytest.raises(PermissionDenied):
        save_activity(gw, people["editor"], forged, known)
    assert gw.activity(tunas.id) == tunas


def test_a_forged_locality_cannot_take_over_another_localitys_initiative(gw, people, stored, known):
    tunas = stored[OTHER]["initiative"]
    lat, lon = point_in(OWN)
    forged = replace(tunas, locality_id=OWN, lat=lat, lon=lon, status=InitiativeStatus.DONE)
    with pytest.raises(PermissionDenied):
        save_initiative(gw, people["editor"], forged, known)
    assert gw.initiative(tunas.id) == tunas


def test_an_editor_cannot_move_their_own_record_to_another_locality(gw, people, stored, known):
    own = stored[OWN]["activity"]
    with pytest.raises(PermissionDenied) as denied:
        save_activity(gw, people["editor"], replace(own, locality_id=OTHER), known)
    assert "din egen ort" in denied.value.message
    assert gw.activity(own.id) == own


def test_an_admin_may_move_a_record(gw, people, stored, known):
    own = stored[OWN]["activity"]
    moved = save_activity(gw, people["admin"], replace(own, locality_id=OTHER), known)
    assert moved.locality_id == OTHER


def test_deleting_another_localitys_record_by_id_is_refused(gw, people, stored):
    tunas = stored[OTHER]["initiative"]
    with pytest.raises(PermissionDenied):
        service.delete_initiative(gw, people["editor"], tunas.id, tunas.version)
    assert gw.initiative(tunas.id) == tunas


def test_a_composition_for_another_locality_is_refused(gw, people, known):
    with pytest.raises(PermissionDenied):
        service.save_composition(gw, people["editor"], Composition(OTHER, {("business", "20_39"): 1}),
                                 known_localities=known)
    assert gw.composition(OTHER).counts == {}


def test_the_service_trusts_the_user_it_is_given_so_callers_load_it_from_the_store(gw, people, stored, known):
    """The contract with callers: the User passed in is the stored account, loaded per request
    (the session holds only its id), never anything the browser sent. A User object that says
    Tuna is treated as Tuna's editor; this test documents that, it is not a loophole."""
    pretender = replace(people["editor"], locality_id=OTHER)
    tunas = stored[OTHER]["activity"]
    assert save_activity(gw, pretender, replace(tunas, title="x"), known).title == "x"


# ---------------------------------------------------------------- validation and versions


def test_validation_comes_after_permission_and_reports_everything(gw, people, known):
    bad = initiative(OWN, title="", status="finished", start=date(2024, 5, 1), end=date(2024, 4, 1),
                     lat=point_in(OTHER)[0], lon=point_in(OTHER)[1])
    with pytest.raises(InputError) as caught:
        save_initiative(gw, people["editor"], bad, known)
    assert [p.field for p in caught.value.problems] == ["title", "status", "end", "point"]
    assert gw.initiatives(locality_ids=[OWN]) == []
    with pytest.raises(PermissionDenied):  # the anonymous learn nothing from validation
        save_initiative(gw, None, bad, known)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": -5}, "participants"),
        ({"date": date(2025, 6, 2)}, "date"),
        ({"kind": "party"}, "kind"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 5001}, "description"),
        ({"locality_id": "narnia"}, "locality_id"),
    ],
)
def test_bad_activities_are_refused_with_nothing_saved(gw, people, known, changes, field):
    user = people["admin"]
    with pytest.raises(InputError) as caught:
        save_activity(gw, user, activity(OWN, **changes), known)
    assert [p.field for p in caught.value.problems] == [field]
    assert gw.activities() == []


def test_an_unknown_locality_is_a_permission_problem_for_an_editor(gw, people, known):
    with pytest.raises(PermissionDenied):
        save_activity(gw, people["editor"], activity("narnia"), known)


def test_a_second_tab_saving_an_old_version_is_refused(gw, people, stored, known):
    first_tab = stored[OWN]["initiative"]
    second_tab = first_tab
    newer = save_initiative(gw, people["editor"], replace(first_tab, progress=60), known)
    assert newer.version == first_tab.version + 1
    with pytest.raises(StaleWriteError):
        save_initiative(gw, people["editor"], replace(second_tab, progress=10), known)
    assert gw.initiative(first_tab.id).progress == 60
    with pytest.raises(StaleWriteError):
        service.delete_initiative(gw, people["editor"], second_tab.id, second_tab.version)
    assert gw.initiative(first_tab.id) is not None


def test_updating_or_deleting_a_record_that_is_gone(gw, people, stored, known):
    record = stored[OWN]["activity"]
    service.delete_activity(gw, people["editor"], record.id, record.version)
    with pytest.raises(NotFoundError):
        save_activity(gw, people["editor"], replace(record, title="ny"), known)
    with pytest.raises(NotFoundError):
        service.delete_activity(gw, people["editor"], record.id, record.version)


def test_saving_normalises_the_record(gw, people, known):
    saved = save_activity(gw, people["editor"],
                          activity(OWN, title="  Städdag  ", kind="Städdag", areas=("leva", "leva", "motas")),
                          known)
    assert (saved.title, saved.kind, saved.areas) == ("Städdag", ActivityKind.CLEANUP, ("leva", "motas"))


@pytest.mark.parametrize("payload", XSS)
def test_script_payloads_are_stored_verbatim(gw, people, known, payload):
    """Escaping belongs to the presentation layer; storage keeps exactly what was typed."""
    saved = save_initiative(gw, people["editor"],
                            initiative(OWN, title=payload, description=payload, lead=payload, partners=payload),
                            known)
    again = gw.initiative(saved.id)
    assert (again.title, again.description, again.lead, again.partners) == (payload,) * 4
    act = save_activity(gw, people["editor"], activity(OWN, title=payload, description=payload), known)
    assert gw.activity(act.id).description == payload


# ---------------------------------------------------------------- meetings


def test_meeting_validation(gw, people):
    with pytest.raises(InputError) as caught:
        service.save_meeting(gw, people["admin"], StrategicMeeting(date(2030, 1, 1), "", -1), today=TODAY)
    assert [p.field for p in caught.value.problems] == ["date", "title", "participants"]


# ---------------------------------------------------------------- accounts


def test_bootstrap_admin_once(gw):
    admin = service.bootstrap_admin(gw, "  Staff ", PASSWORD)
    assert (admin.username, admin.role, admin.locality_id, admin.active) == ("staff", Role.ADMIN, None, True)
    assert verify_password(PASSWORD, admin.password_hash)
    assert PASSWORD not in admin.password_hash
    with pytest.raises(PermissionDenied):
        service.bootstrap_admin(gw, "another", PASSWORD)
    assert [u.username for u in gw.users()] == ["staff"]


def test_bootstrap_admin_checks_the_password_and_name(gw):
    with pytest.raises(InputError) as caught:
        service.bootstrap_admin(gw, "a b", "kort")
    assert [p.field for p in caught.value.problems] == ["username", "password"]
    assert gw.users() == []


def test_bootstrap_admin_is_the_way_back_when_every_admin_is_deactivated(gw):
    _account(gw, "old", Role.ADMIN, None, active=False)
    assert service.bootstrap_admin(gw, "new", PASSWORD).role is Role.ADMIN


def test_created_users_sign_in(gw, people, known):
    user = service.create_user(gw, people["admin"], "Cecilia", PASSWORD, "editor", "tuna", known_localities=known)
    assert (user.username, user.role, user.locality_id) == ("cecilia", Role.EDITOR, "tuna")
    assert authenticate(gw.user_by_name, "cecilia", PASSWORD) == user
    assert authenticate(gw.user_by_name, "CECILIA", PASSWORD) == user
    assert authenticate(gw.user_by_name, "cecilia", "fel lösenord ändå") is None


def test_user_names_are_unique_in_any_case(gw, people, known):
    with pytest.raises(InputError) as caught:
        service.create_user(gw, people["admin"], "ANNA", PASSWORD, Role.EDITOR, OWN, known_localities=known)
    assert "upptaget" in caught.value.problems[0].message


def test_user_rules(gw, people, known):
    with pytest.raises(InputError) as caught:
        service.create_user(gw, people["admin"], "dan", "kort", Role.EDITOR, None, known_localities=known)
    assert [p.field for p in caught.value.problems] == ["locality_id", "password"]


def test_deactivated_users_cannot_sign_in_or_write(gw, people, stored, known):
    anna = people["editor"]
    service.deactivate(gw, people["admin"], anna.id)
    assert authenticate(gw.user_by_name, "anna", PASSWORD) is None
    reloaded = gw.user(anna.id)
    with pytest.raises(PermissionDenied):
        save_activity(gw, reloaded, activity(OWN), known)
    service.activate(gw, people["admin"], anna.id)
    assert authenticate(gw.user_by_name, "anna", PASSWORD) is not None


def test_the_last_active_admin_stays(gw, people, known):
    admin = people["admin"]
    with pytest.raises(PermissionDenied):
        service.deactivate(gw, admin, admin.id)
    with pytest.raises(PermissionDenied):
        service.set_role(gw, admin, admin.id, Role.EDITOR, OWN, known_localities=known)
    second = service.create_user(gw, admin, "staff2", PASSWORD, Role.ADMIN, None, known_localities=known)
    service.deactivate(gw, admin, admin.id)
    assert not gw.user(admin.id).active
    assert gw.user(second.id).active


def test_set_role_moves_an_editor(gw, people, known):
    moved = service.set_role(gw, people["admin"], people["editor"].id, Role.EDITOR, OTHER, known_localities=known)
    assert moved.locality_id == OTHER
    promoted = service.set_role(gw, people["admin"], moved.id, "admin", None, known_localities=known)
    assert (promoted.role, promoted.locality_id) == (Role.ADMIN, None)


def test_set_password_and_change_own_password(gw, people):
    anna = people["editor"]
    service.set_password(gw, people["admin"], anna.id, "ett nytt långt lösenord")
    assert authenticate(gw.user_by_name, "anna", "ett nytt långt lösenord") is not None
    with pytest.raises(InputError):
        service.set_password(gw, people["admin"], anna.id, "kort")
    anna = gw.user(anna.id)
    with pytest.raises(InputError) as caught:
        service.change_own_password(gw, anna, "fel nuvarande", "ännu ett långt lösenord")
    assert caught.value.problems[0].field == "current_password"
    service.change_own_password(gw, anna, "ett nytt långt lösenord", "ännu ett långt lösenord")
    assert authenticate(gw.user_by_name, "anna", "ännu ett långt lösenord") is not None
    with pytest.raises(PermissionDenied):
        service.change_own_password(gw, None, "x", "ännu ett långt lösenord")


def test_unknown_user_ids(gw, people):
    with pytest.raises(NotFoundError):
        service.deactivate(gw, people["admin"], 9999)
