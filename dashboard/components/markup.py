"""Static markup built directly as ``StaticTree`` nodes: ``h("p", "text", className="source")``.

Dash's component constructors validate and record every prop, and ``static_tree.freeze`` then
reads them all back: for the locality panel at 60 indicators that was 40 + 15 ms of a cold
panel's ~85 (issue #13, decision 80). Markup no callback touches can skip both and be written as
the data the browser draws (``assets/static_tree.js``). The node format and the attribute
allow-list are ``static_tree``'s; this module only builds with them.

Text stays data: a string child is a text node, whatever it looks like, never markup.
"""

from __future__ import annotations

from typing import Any

from dash.development.base_component import Component

from dashboard.components.static_tree import ATTRIBUTES, Node, node, nodes_of


def h(tag: str, *children: Any, **attributes: Any) -> Node:
    """One element: ``tag`` with its ``children`` and ``attributes`` (React/Dash names, as ``html.*``).

    Children may be nodes, strings, numbers (made text), lists or tuples of them (flattened),
    ``None`` or booleans (dropped, so ``cond and h(...)`` reads naturally) and static Dash
    components (converted by ``static_tree.nodes_of``). Attributes given ``None`` are left out.
    An attribute outside ``static_tree.ATTRIBUTES`` raises ``ValueError``: the browser would drop
    it silently, and a mistyped name should show where it is written.
    """
    kept: dict[str, Any] = {}
    for name, value in attributes.items():
        if name not in _allowed:
            if ATTRIBUTES.match(name) is None:
                raise ValueError(f"attribute {name!r} is not drawn by a StaticTree (static_tree.ATTRIBUTES)")
            _allowed.add(name)
        if value is not None:
            kept[name] = value
    content: list = []
    _add(content, children)
    return node(tag, kept, content)


_allowed: set[str] = set()
"""Names ``ATTRIBUTES`` has allowed already: a panel asks about the same few thousands of times."""


def _add(content: list, children: Any) -> None:
    """Append ``children`` to ``content`` as nodes and strings (see ``h``)."""
    for child in children:
        kind = type(child)
        if kind is str or kind is dict and "t" in child:  # the common cases first
            content.append(child)
        elif isinstance(child, str):  # a subclass (``Markup``…) is plain text all the same
            content.append(str(child))
        elif child is None or isinstance(child, bool):
            continue
        elif isinstance(child, dict):
            if "t" not in child:
                raise ValueError(f"not a node (no tag): {child!r:.200}")
            content.append(child)
        elif isinstance(child, (list, tuple)):
            _add(content, child)
        elif isinstance(child, (int, float)):
            content.append(str(child))
        elif isinstance(child, Component):
            content.extend(nodes_of(child))
        else:
            raise TypeError(f"cannot be markup: {type(child).__name__}")
