"""Dash components set up the way every page wants them (Swedish texts inside widgets)."""

from __future__ import annotations

from dash import dcc

from dashboard.messages import DEFAULT_LANGUAGE, text

_DROPDOWN_LABELS = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
                    "no_options_found")


def dropdown(component_id: str, language: str | None = None, **props) -> dcc.Dropdown:
    """A dropdown whose built-in texts ("3 selected", "Search") are in the UI language."""
    labels = {key: text(f"dd_{key}", language) for key in _DROPDOWN_LABELS}
    return dcc.Dropdown(id=component_id, labels=labels, **props)
