"""Every write path passes the gate: found by introspection, refused for those who may not, changing nothing.

The write paths are discovered, not listed by hand: every public function of
the domain's service modules whose first parameters name an acting ``user`` or
``actor``. ``HOW_TO_CALL`` says how to call each one; a new write function that
is not added there fails ``test_every_write_path_is_called_here``, so it cannot
be forgotten. Each is then called as a visitor (None), as a deactivated admin
and as the editor of another locality (Tuna's editor on Storebro's records),
and must raise ``PermissionDenied`` (or, for a group-work file, refuse its rows)
with every table of the database exactly as before. The admin's call of each
succeeds, so a refusal is the gate's doing and not a broken call.

A second check reads the pages and command lines (the edges) and fails if one
of them writes through a store directly instead of a service.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import select

from indicators.accounts.auth import hash_password
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.groupwork import files as groupwork_files
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
from indicators.groupwork.store import GroupworkStore
from indicators.presentations.slides import SLIDE_OVERVIEW, Presentation
from indicators.presentations.store import PresentationStore
from indicators.storage import schema
from indicators.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "tio tecken minst"
OWN, OTHER = "storebro", "tuna"
TODAY = date(2025, 6, 1)

SERVICE_MODULES = (
    "indicators.groupwork.service",
    "indicators.presentations.service",
    "indicators.observations.service",
    "indicators.audit.service",
    "geodata.service",
)
"""Modules whose whole job is to be the gate: every public function takes an actor or is in ``NO_ACTOR``."""
MIXED_MODULES = (
    "indicators.storage.app_settings",
    "indicators.groupwork.files",
)
"""Modules that also hold readers and helpers: their functions taking an actor are write paths."""
ACTOR_NAMES = ("actor", "user")

NO_ACTOR = {
    "indicators.groupwork.service.bootstrap_admin": "the first admin, refused while an active admin exists",
}
"""Public service functions that take no acting user, and why that is safe."""
NOT_GATED = {
    "indicators.groupwork.service.check_import_row": "answers whether a row may be imported; writes nothing",
    "indicators.groupwork.service.upgrade_password_hash": "at sign-in, proven by the password itself; "
    "rewrites the hash of the same password",
}
"""Functions that take a user but are no permission-gated write, and why."""


# ---------------------------------------------------------------- the world every call acts in


@cache
def _password_hash() -> str:
    """One hash for every account here: password hashing is slow on purpose."""
    return hash_password(PASSWORD)


@dataclass
class World:
    store: Store
    gw: GroupworkStore
    admin: User
    own_editor: User
    other_editor: User
    deactivated: User
    activity: Activity
    initiative: Initiative
    meeting: StrategicMeeting
    presentation: Presentation
    observations_csv: Path
    groupwork_csv: Path
    geojson: Path

    @property
    def localities(self) -> set[str]:
        return {locality.id for locality in self.store.localities()}


@pytest.fixture
def world(store, tmp_path) -> World:
    gw = GroupworkStore(store)

    def account(name: str, role: Role, locality: str | None, active: bool = True) -> User:
        return gw.save_user(User(name, role, _password_hash(), locality, active), username="seed")

    admin = account("staff", Role.ADMIN, None)
    storebro = store.locality(OWN)
    activity = gw.save_activity(
        Activity(OWN, date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag", participants=12, areas=("leva",)), username="seed")
    initiative = gw.save_initiative(
        Initiative(OWN, "Belysning", InitiativeStatus.ONGOING, areas=("kontakt",), progress=40), username="seed")
    observations = tmp_path / "befolkning.csv"
    observations.write_text("indicator_id,locality_id,year,value,source\npopulation,storebro,2021,1234,SCB\n",
                            encoding="utf-8")
    groupwork = tmp_path / "aktiviteter.csv"
    groupwork.write_bytes(groupwork_files.csv_bytes(groupwork_files.ACTIVITIES, [replace(activity, title="Ändrad")]))
    geojson = tmp_path / "orter.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"id": OWN},
        "geometry": {"type": "Point", "coordinates": [storebro.lon + 0.001, storebro.lat + 0.001]}}]}),
        encoding="utf-8")
    return World(
        store=store,
        gw=gw,
        admin=admin,
        own_editor=account("anna", Role.EDITOR, OWN),
        other_editor=account("tove", Role.EDITOR, OTHER),
        deactivated=account("gammal", Role.ADMIN, None, active=False),
        activity=activity,
        initiative=initiative,
        meeting=gw.save_meeting(StrategicMeeting(date(2024, 2, 8), "Nätverksmöte", 120), username="seed"),
        presentation=PresentationStore(store).save(Presentation("Årsmöte", (SLIDE_OVERVIEW,)), username="seed",
                                                   locality_ids=[OWN]),
        observations_csv=observations,
        groupwork_csv=groupwork,
        geojson=geojson,
    )


def database(store: Store) -> dict[str, list[str]]:
    """Every row of every table, so "changed nothing" means nothing at all."""
    with store.engine.connect() as conn:
        return {table.name: sorted(repr(tuple(row)) for row in conn.execute(select(table)))
                for table in schema.metadata.sorted_tables}


# ---------------------------------------------------------------- how to call each write path


@dataclass(frozen=True)
class WritePath:
    call: Callable[[World, User | None], object]
    locality: bool = True
    """Whether the editor of another locality is refused (not so for one's own password)."""
    editor_refused_with: type[Exception] = PermissionDenied


def _gw(name: str) -> Callable:
    return getattr(importlib.import_module("indicators.groupwork.service"), name)


def _service(module: str, name: str) -> Callable:
    return getattr(importlib.import_module(module), name)


HOW_TO_CALL: dict[str, WritePath] = {
    "indicators.groupwork.service.save_activity": WritePath(lambda w, a: _gw("save_activity")(
        w.gw, a, replace(w.activity, title="Ny titel"), known_localities=w.localities, today=TODAY)),
    "indicators.groupwork.service.delete_activity": WritePath(lambda w, a: _gw("delete_activity")(
        w.gw, a, w.activity.id, w.activity.version)),
    "indicators.groupwork.service.save_initiative": WritePath(lambda w, a: _gw("save_initiative")(
        w.gw, a, replace(w.initiative, progress=80), known_localities=w.localities, area_contains=lambda *_: True)),
    "indicators.groupwork.service.delete_initiative": WritePath(lambda w, a: _gw("delete_initiative")(
        w.gw, a, w.initiative.id, w.initiative.version)),
    "indicators.groupwork.service.save_composition": WritePath(lambda w, a: _gw("save_composition")(
        w.gw, a, Composition(OWN, {("associations", "40_64"): 3}), known_localities=w.localities)),
    "indicators.groupwork.service.save_meeting": WritePath(lambda w, a: _gw("save_meeting")(
        w.gw, a, replace(w.meeting, participants=121), today=TODAY)),
    "indicators.groupwork.service.delete_meeting": WritePath(lambda w, a: _gw("delete_meeting")(
        w.gw, a, w.meeting.id, w.meeting.version)),
    "indicators.groupwork.service.create_user": WritePath(lambda w, a: _gw("create_user")(
        w.gw, a, "cecilia", PASSWORD, Role.EDITOR, OWN, known_localities=w.localities)),
    "indicators.groupwork.service.set_password": WritePath(lambda w, a: _gw("set_password")(
        w.gw, a, w.own_editor.id, "ett helt nytt lösenord")),
    "indicators.groupwork.service.change_own_password": WritePath(lambda w, a: _gw("change_own_password")(
        w.gw, a, PASSWORD, "ett helt nytt lösenord"), locality=False),
    "indicators.groupwork.service.deactivate": WritePath(lambda w, a: _gw("deactivate")(
        w.gw, a, w.own_editor.id)),
    "indicators.groupwork.service.activate": WritePath(lambda w, a: _gw("activate")(
        w.gw, a, w.deactivated.id)),
    "indicators.groupwork.service.set_role": WritePath(lambda w, a: _gw("set_role")(
        w.gw, a, w.own_editor.id, Role.EDITOR, OTHER, known_localities=w.localities)),
    "indicators.groupwork.files.import_groupwork": WritePath(lambda w, a: groupwork_files.import_groupwork(
        w.gw, a, w.groupwork_csv, known_localities=w.localities, area_contains=lambda *_: True, today=TODAY),
        editor_refused_with=InputError),  # an editor's file is checked row by row: every refusal named
    "indicators.groupwork.files.import_groupwork_bytes": WritePath(
        lambda w, a: groupwork_files.import_groupwork_bytes(
            w.gw, a, w.groupwork_csv.read_bytes(), w.groupwork_csv.name, known_localities=w.localities,
            area_contains=lambda *_: True, today=TODAY),
        editor_refused_with=InputError),
    "indicators.presentations.service.save_presentation": WritePath(lambda w, a: _service(
        "indicators.presentations.service", "save_presentation")(
        w.store, a, replace(w.presentation, name="Nytt namn"), locality_ids=w.localities)),
    "indicators.presentations.service.delete_presentation": WritePath(lambda w, a: _service(
        "indicators.presentations.service", "delete_presentation")(
        w.store, a, w.presentation.id, w.presentation.version)),
    "indicators.observations.service.import_indicator_file": WritePath(lambda w, a: _service(
        "indicators.observations.service", "import_indicator_file")(
        w.store, a, w.observations_csv, current_year=2025)),
    "indicators.observations.service.clear_examples": WritePath(lambda w, a: _service(
        "indicators.observations.service", "clear_examples")(w.store, a)),
    "indicators.audit.service.read_audit": WritePath(lambda w, a: _service(
        "indicators.audit.service", "read_audit")(w.gw, a)),
    "indicators.storage.app_settings.change_settings": WritePath(lambda w, a: _service(
        "indicators.storage.app_settings", "change_settings")(w.store.engine, a, {"session_idle_minutes": 45})),
    "geodata.service.import_geometries": WritePath(lambda w, a: _service("geodata.service", "import_geometries")(
        w.store, a, w.geojson)),
}


def _public_functions(module: ModuleType) -> dict[str, inspect.Signature]:
    return {
        f"{module.__name__}.{name}": inspect.signature(function)
        for name, function in vars(module).items()
        if inspect.isfunction(function) and function.__module__ == module.__name__ and not name.startswith("_")
    }


def _takes_actor(signature: inspect.Signature) -> bool:
    return any(name in ACTOR_NAMES for name in list(signature.parameters)[:2])


def discovered_write_paths() -> set[str]:
    found: set[str] = set()
    for name in SERVICE_MODULES + MIXED_MODULES:
        found |= {qualified for qualified, signature in _public_functions(importlib.import_module(name)).items()
                  if _takes_actor(signature)}
    return found - NOT_GATED.keys()


def test_every_write_path_is_called_here():
    """A new write function fails here until it is added to HOW_TO_CALL (and so proven to refuse)."""
    assert discovered_write_paths() == set(HOW_TO_CALL)


@pytest.mark.parametrize("module_name", SERVICE_MODULES)
def test_every_public_service_function_takes_the_acting_user(module_name):
    """A service function without an actor could write for anyone: each one is named and excused."""
    functions = _public_functions(importlib.import_module(module_name))
    without = {name for name, signature in functions.items() if not _takes_actor(signature)}
    assert without <= NO_ACTOR.keys(), f"no acting user: {sorted(without - NO_ACTOR.keys())}"


def _refused_actors(world: World, path: WritePath) -> dict[str, tuple[User | None, type[Exception]]]:
    actors: dict[str, tuple[User | None, type[Exception]]] = {
        "visitor": (None, PermissionDenied),
        "deactivated admin": (world.deactivated, PermissionDenied),
    }
    if path.locality:
        actors["editor of another locality"] = (world.other_editor, path.editor_refused_with)
    return actors


@pytest.mark.parametrize("qualified", sorted(HOW_TO_CALL))
def test_a_write_path_refuses_visitors_deactivated_users_and_other_localities_editors(world, qualified):
    path = HOW_TO_CALL[qualified]
    for who, (actor, refusal) in _refused_actors(world, path).items():
        before = database(world.store)
        with pytest.raises(refusal) as raised:
            path.call(world, actor)
        if refusal is InputError:
            assert raised.value.problems and all("egen ort" in str(problem) for problem in raised.value.problems), \
                raised.value.report()
        assert database(world.store) == before, f"{qualified} as {who} changed the database"


@pytest.mark.parametrize("qualified", sorted(HOW_TO_CALL))
def test_an_admin_passes_every_gate(world, qualified):
    """The control: the same call as an active admin works, so the refusals above are the gate's."""
    HOW_TO_CALL[qualified].call(world, world.admin)


@pytest.mark.parametrize(
    "qualified", ["indicators.observations.service.import_indicator_file", "geodata.service.import_geometries"]
)
def test_an_import_is_refused_before_the_file_is_read(world, qualified, tmp_path):
    """A missing file would be an InputError if it were opened: the refusal comes first."""
    world.observations_csv = world.geojson = tmp_path / "saknas.csv"
    with pytest.raises(PermissionDenied):
        HOW_TO_CALL[qualified].call(world, None)


def test_an_import_logs_the_acting_user(world):
    HOW_TO_CALL["indicators.observations.service.import_indicator_file"].call(world, world.admin)
    assert world.store.import_log()[0].user == "staff"


# ---------------------------------------------------------------- the edges only call services

EDGES = sorted([*(ROOT / "dashboard").rglob("*.py"), ROOT / "indicators" / "cli.py", ROOT / "geodata" / "cli.py"])
STORE_WRITES = {
    "save_localities", "clear_examples", "import_observations", "import_indicators", "import_batches",
    "save_activity", "delete_activity", "save_initiative", "delete_initiative", "save_composition",
    "save_meeting", "delete_meeting", "save_user", "audit",
}
"""Store methods that write (or read the audit log) without asking who acts."""
STORE_NAMES = {"store", "gw"}
UNCHECKED_IMPORTS = {("indicators.observations.importing", "import_file"), ("geodata.io", "read_locality_geometries")}


def _receiver(node: ast.expr) -> str | None:
    """``store`` for ``store.x``/``data.store.x``, ``PresentationStore`` for ``PresentationStore(...).x``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _receiver(node.func)
    return None


def _direct_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = _receiver(node.func.value)
            if node.func.attr in STORE_WRITES and receiver in STORE_NAMES:
                found.append(f"line {node.lineno}: {receiver}.{node.func.attr}(…)")
            if node.func.attr in {"save", "delete"} and receiver == "PresentationStore":
                found.append(f"line {node.lineno}: PresentationStore(…).{node.func.attr}(…)")
        if isinstance(node, ast.ImportFrom):
            found.extend(f"line {node.lineno}: imports {alias.name} from {node.module}"
                         for alias in node.names if (node.module, alias.name) in UNCHECKED_IMPORTS)
    return found


@pytest.mark.parametrize("path", EDGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_and_command_lines_write_only_through_services(path):
    assert _direct_writes(path) == []


def test_the_edge_check_finds_a_direct_write(tmp_path):
    """The check above can fail: the code this issue removed from the presentation page is caught."""
    old = tmp_path / "old_page.py"
    old.write_text("from indicators.observations.importing import import_file\n"
                   "saved = PresentationStore(data.store).save(record, username=user.username)\n"
                   "lines = data.gw.audit(limit=200)\n", encoding="utf-8")
    assert len(_direct_writes(old)) == 3
