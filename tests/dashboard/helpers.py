"""Small helpers for reading Dash component trees and ``StaticTree`` nodes in tests."""

from __future__ import annotations

from collections.abc import Iterator


def texts(component) -> str:
    """All text in a component tree, for asserting what a person would read."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    if isinstance(component, dict):
        if "t" in component:  # a node of a StaticTree (``dashboard.components.static_tree``)
            return texts(component.get("c"))
        props = component.get("props") or {}  # a component as Dash sends it (``panel_cache``'s plain JSON)
        return texts(props["tree"] if "tree" in props else props.get("children"))
    tree = getattr(component, "tree", None)  # a StaticTree's nodes
    return texts(tree if tree is not None else getattr(component, "children", None))


def components(tree) -> Iterator:
    """Every component in a Dash tree (lists and tuples walked through), the tree's own first.

    A component as Dash sends it (a dict: ``panel_cache``'s plain JSON) is yielded as that dict and
    walked through too; ``StaticTree`` nodes are not components (read them with ``nodes``).
    """
    if isinstance(tree, (list, tuple)):
        for child in tree:
            yield from components(child)
        return
    if tree is None or isinstance(tree, (str, int, float)):
        return
    if isinstance(tree, dict):
        if "t" in tree or "props" not in tree:
            return
        yield tree
        yield from components(tree["props"].get("children"))
        return
    yield tree
    yield from components(getattr(tree, "children", None))


def prop(component, name: str):
    """A prop of a Dash component or of one as Dash sends it (a dict), or None."""
    if isinstance(component, dict):
        return (component.get("props") or {}).get(name)
    return getattr(component, name, None)


def kind(component) -> str:
    """A component's type name (``"Button"``), for a Dash component or one as Dash sends it."""
    return component.get("type", "") if isinstance(component, dict) else type(component).__name__


def find(tree, component_id: str):
    """The component with ``component_id`` in a Dash tree, or None."""
    return next((c for c in components(tree) if prop(c, "id") == component_id), None)


def nodes(tree) -> Iterator[dict]:
    """Every element node of ``StaticTree`` data in a tree, parents before their children.

    ``tree`` may be a ``StaticTree``, nodes (``{"t", "a", "c"}``) and lists of them, a component
    as Dash sends it (``panel_cache``'s plain JSON) or Dash components holding any of these:
    the locality panel is built as nodes (``components.markup``), other panels are frozen.
    """
    if tree is None or isinstance(tree, (str, int, float)):
        return
    if isinstance(tree, (list, tuple)):
        for child in tree:
            yield from nodes(child)
        return
    if isinstance(tree, dict):
        if "t" in tree:
            yield tree
            yield from nodes(tree.get("c"))
            return
        props = tree.get("props") or {}
        yield from nodes(props["tree"] if "tree" in props else props.get("children"))
        return
    own = getattr(tree, "tree", None)
    yield from nodes(own if own is not None else getattr(tree, "children", None))


def attribute(node: dict, name: str):
    """The attribute ``name`` (React's name: ``className``, ``data-indicator``…) of a node, or None."""
    return (node.get("a") or {}).get(name)
