"""Small helpers for reading Dash component trees in tests."""

from __future__ import annotations


def texts(component) -> str:
    """All text in a component tree, for asserting what a person would read."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    if isinstance(component, dict):  # a component as Dash sends it (``panel_cache``'s plain JSON)
        return texts((component.get("props") or {}).get("children"))
    return texts(getattr(component, "children", None))
