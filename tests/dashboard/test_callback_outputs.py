"""The named results of the multi-output callbacks line up with the outputs they are wired to.

Tests read ``result.search`` instead of ``result[0]``; that is only honest if
each field sits where Dash expects that output. Dash matches a returned tuple
to the outputs by position, so a field moved in a NamedTuple (or an Output
moved in the registration) would silently set the wrong component: these
tests name, for every field, the component property it must reach.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from dashboard import ids
from dashboard.views.compare import CompareContent, CompareSync
from dashboard.views.groups import (
    ACTIVITY_FORM,
    INITIATIVE_FORM,
    GroupsSync,
    GroupsView,
    RecordFormUpdate,
)
from dashboard.views.map import SliderUpdate, ViewSync
from dashboard.views.presentation import SlideView

WEIGHTS = '{"area":["ALL"],"type":"' + ids.WEIGHT + '"}'

EXPECTED: list[tuple[type[NamedTuple], dict[str, str]]] = [
    (ViewSync, {
        "search": f"{ids.MAP_URL}.search",
        "locality": f"{ids.LOCALITY}.value",
        "layer": f"{ids.INDICATOR}.value",
        "year": f"{ids.YEAR}.value",
        "latest": f"{ids.YEAR_LATEST}.value",
        "map_state": f"{ids.MAP_STATE}.data",
        "panel": f"{ids.PANEL}.children",
        "panel_key": f"{ids.PANEL_KEY}.data",
        "shown_search": f"{ids.SHOWN_SEARCH}.data",
    }),
    (SliderUpdate, {
        "marks": f"{ids.YEAR}.marks",
        "min": f"{ids.YEAR}.min",
        "max": f"{ids.YEAR}.max",
        "value": f"{ids.YEAR}.value",
        "disabled": f"{ids.YEAR}.disabled",
    }),
    (CompareSync, {
        "search": f"{ids.COMPARE_URL}.search",
        "localities": f"{ids.CMP_LOCALITIES}.value",
        "year": f"{ids.CMP_YEAR}.value",
        "area": f"{ids.CMP_AREA}.value",
        "indicator": f"{ids.CMP_INDICATOR}.value",
        "indicator_options": f"{ids.CMP_INDICATOR}.options",
        "weights": f"{WEIGHTS}.value",
        "weights_message": f"{ids.WEIGHTS_MESSAGE}.children",
    }),
    (CompareContent, {
        "message": f"{ids.CMP_MESSAGE}.children",
        "example": f"{ids.CMP_EXAMPLE}.children",
        "radar": f"{ids.CMP_RADAR}.figure",
        "index": f"{ids.CMP_INDEX}.figure",
        "bars": f"{ids.CMP_BARS}.figure",
        "series": f"{ids.CMP_SERIES}.figure",
        "table": f"{ids.CMP_TABLE}.children",
    }),
    (SlideView, {
        "stage": f"{ids.PRES_STAGE}.children",
        "counter": f"{ids.PRES_COUNTER}.children",
        "notice": f"{ids.PRES_NOTICE}.children",
        "choice": f"{ids.PRES_CHOICE}.value",
    }),
    (GroupsSync, {
        "search": f"{ids.GROUPS_URL}.search",
        "locality": f"{ids.GW_LOCALITY}.value",
        "period": f"{ids.GW_PERIOD}.value",
    }),
    (GroupsView, {
        "overview": f"{ids.GW_OVERVIEW}.children",
        "detail": f"{ids.GW_DETAIL}.children",
        "forms_style": f"{ids.GW_FORMS}.style",
        "composition_form": f"{ids.COMP_FORM_BODY}.children",
        "composition_version": f"{ids.COMP_VERSION}.data",
    }),
]


@pytest.fixture(scope="module")
def registered_outputs(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """Every callback's outputs as ``id.property``, in registration order, for one app."""
    from dashboard.app import create_app
    from dashboard.server.settings import Settings

    path = tmp_path_factory.mktemp("callback-outputs") / "dashboard.sqlite"
    shutil.copyfile(seeded_template, path)
    app = create_app(Settings(database_url=f"sqlite:///{path}", secret_key="test-secret"))
    return [_outputs(key) for key in app.callback_map]


def _outputs(key: str) -> list[str]:
    """``..a.x...b.y@hash..`` (Dash's key for a multi-output callback) → ``["a.x", "b.y"]``."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    return [part.split("@")[0] for part in parts]


def _callback_setting(registered: list[list[str]], targets: set[str]) -> list[str]:
    """The one callback whose outputs are exactly ``targets`` (in whatever order it registered them)."""
    found = [outputs for outputs in registered if set(outputs) == targets]
    assert len(found) == 1, f"expected one callback setting {sorted(targets)}, found {len(found)}"
    return found[0]


@pytest.mark.parametrize(("result", "targets"), EXPECTED, ids=[result.__name__ for result, _ in EXPECTED])
def test_each_named_field_reaches_the_output_it_is_named_for(registered_outputs, result, targets):
    assert set(targets) == set(result._fields), "the test names a target for every field"
    wired = _callback_setting(registered_outputs, set(targets.values()))
    assert wired == [targets[field] for field in result._fields]


@pytest.mark.parametrize("form", [ACTIVITY_FORM, INITIATIVE_FORM], ids=["activity", "initiative"])
def test_a_record_forms_update_flattens_to_its_fields_then_editing_title_message_refresh(registered_outputs, form):
    expected = [
        *(f"{component}.value" for _, component in form.fields),
        f"{form.editing_store}.data",
        f"{form.title_id}.children",
        f"{form.message_id}.children",
        f"{ids.GW_REFRESH}.data",
    ]
    assert _callback_setting(registered_outputs, set(expected)) == expected
    update = RecordFormUpdate(tuple(range(len(form.fields))), editing="E", title="T", message="M", refresh="R")
    assert update.outputs() == (*range(len(form.fields)), "E", "T", "M", "R")
