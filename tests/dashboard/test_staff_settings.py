"""The staff page's settings: example data is an on/off choice saved through the gated service."""

from __future__ import annotations

from dash import dcc

from dashboard.pages.staff import SETTING_INPUT, save_settings_from_form, settings_section
from indicators.accounts.operator import operator_actor
from indicators.storage.app_settings import example_data_on


def _inputs(component) -> dict[str, object]:
    found = {}
    if isinstance(getattr(component, "id", None), dict) and component.id.get("type") == SETTING_INPUT:
        found[component.id["key"]] = component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            found.update(_inputs(child))
    return found


def test_example_data_is_an_on_off_choice_showing_the_stored_value(dashboard_data):
    choice = _inputs(settings_section(dashboard_data, "sv"))["example_data"]
    assert isinstance(choice, dcc.Dropdown) and choice.value == "on"
    assert [option["value"] for option in choice.options] == ["on", "off"]


def test_staff_switch_example_data_off_from_the_form(dashboard_data, monkeypatch):
    monkeypatch.setattr(dashboard_data, "current_user", operator_actor)
    save_settings_from_form(dashboard_data, [{"type": SETTING_INPUT, "key": "example_data"}], ["off"])
    assert example_data_on(dashboard_data.store.engine) is False
    assert _inputs(settings_section(dashboard_data, "sv"))["example_data"].value == "off"


def test_a_visitor_cannot_switch_it(dashboard_data, monkeypatch):
    monkeypatch.setattr(dashboard_data, "current_user", lambda: None)
    save_settings_from_form(dashboard_data, [{"type": SETTING_INPUT, "key": "example_data"}], ["off"])
    assert example_data_on(dashboard_data.store.engine) is True
