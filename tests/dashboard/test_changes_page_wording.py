"""The change page's date fields say nothing in English (Dash's date picker defaults to "Select Date")."""

from __future__ import annotations

from dash import dcc

from dashboard.pages.changes import changes_page


def _pickers(component) -> list[dcc.DatePickerSingle]:
    if isinstance(component, dcc.DatePickerSingle):
        return [component]
    children = getattr(component, "children", None)
    children = children if isinstance(children, list | tuple) else [children] if children is not None else []
    return [picker for child in children for picker in _pickers(child)]


def test_the_date_fields_have_a_swedish_placeholder_and_weeks_start_on_monday(dashboard_data):
    pickers = _pickers(changes_page(dashboard_data, "sv"))
    assert len(pickers) == 2
    for picker in pickers:
        assert picker.placeholder == "ÅÅÅÅ-MM-DD"
        assert picker.first_day_of_week == 1
        assert picker.month_format == "YYYY-MM"
