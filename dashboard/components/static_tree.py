"""Static markup as data: a panel's headings, tables and texts sent as one Dash component.

Dash's renderer keeps every component of the page in its store and runs each one's wrapper on
every change: the locality panel's ~340 ``html.*`` components cost about 100 ms in the browser
on each selection, against the 30 ms a whole bare Dash click takes (issue #13 item 2). What no
callback listens to needs none of that. ``freeze`` turns such subtrees into ``StaticTree``
components whose ``tree`` prop is plain data — ``{"t": tag, "a": attributes, "c": children}``
nodes and strings — drawn by ``assets/static_tree.js`` with React's own elements in one pass.

Text stays data all the way (the guide's *Text is data*): strings become text nodes through
React, never markup. Only the attributes in ``ATTRIBUTES`` are kept, on the server and again in
the browser, and the browser cleans every URL with Dash's own ``clean_url``, as ``html.A`` does.
Components with an ``id`` (callbacks may read or write them) and components of other libraries
stay Dash components, with their static parts frozen around them; a ``dcc.Link`` becomes a link
that changes the page inside the app, as it would.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any, ClassVar

from dash import dcc, html
from dash.development.base_component import Component

NAMESPACE = "allas_static"
"""``window.allas_static`` in the browser: where ``assets/static_tree.js`` puts the component."""

ATTRIBUTES = re.compile(
    r"^(className|title|alt|src|href|download|role|style|colSpan|rowSpan|scope|lang|hidden|"
    r"tabIndex|target|rel|width|height|(data|aria)-[a-z][a-z0-9-]*)$"
)
"""The attributes a frozen element keeps (the same list is in ``assets/static_tree.js``)."""

Node = dict[str, Any]
"""One element of a ``StaticTree``'s ``tree``: ``{"t": tag, "a": attributes, "c": children}``."""

_HTML_NAMESPACE = html.Div._namespace
_LINK = "data-app-link"
"""Marks a link made from a ``dcc.Link``: the browser follows it inside the app, without a reload."""


class StaticTree(Component):
    """Markup no callback touches, as data (``freeze`` makes it from ``html.*`` components).

    Keyword arguments:
    - tree (list; optional): nodes ``{"t": tag, "a": attributes, "c": children}`` and strings.
    - id (string; optional): only where a script gives the tree new nodes in place, so React keeps
      the elements it can and changes their text (the locality panel, ``ids.PANEL_TREE``).
    """

    _children_props: ClassVar[list[str]] = []  # no prop holds Dash components: the renderer crawls none
    _base_nodes: ClassVar[list[str]] = ["children"]
    _namespace = NAMESPACE
    _type = "StaticTree"

    def __init__(self, tree: list | None = None, **kwargs: Any) -> None:
        self._prop_names = ["id", "tree"]
        self._valid_wildcard_attributes: list[str] = []
        self.available_properties = ["id", "tree"]
        self.available_wildcard_properties: list[str] = []
        super().__init__(tree=tree or [], **kwargs)


def freeze(component: Any) -> Any:
    """The same markup with every part no callback needs turned into ``StaticTree`` data.

    A component that is static throughout (no ``id`` anywhere in it, only ``html.*`` and
    ``dcc.Link``) becomes one ``StaticTree``; one that is not stays, its children frozen in runs.
    A ``StaticTree`` (a panel built as nodes, ``components.markup``) is returned as it is.
    """
    if isinstance(component, StaticTree):
        return component
    if _is_static(component):
        return StaticTree(tree=_nodes(component))
    if isinstance(component, (list, tuple)):
        return _frozen_children(component)
    if isinstance(component, Component):
        children = getattr(component, "children", None)
        if isinstance(children, (list, tuple, Component)):
            component = copy.copy(component)  # the caller's tree stays as it was
            component.children = _frozen_children(children if isinstance(children, (list, tuple)) else [children])
    return component


def _frozen_children(children: Iterable[Any]) -> list:
    """Consecutive static children become one ``StaticTree``; the others are frozen inside."""
    out: list = []
    run: list = []
    for child in children:
        if _is_static(child):
            run.extend(_nodes(child))
            continue
        if run:
            out.append(StaticTree(tree=run))
            run = []
        out.append(freeze(child))
    if run:
        out.append(StaticTree(tree=run))
    return out


def _is_static(component: Any) -> bool:
    if component is None or isinstance(component, (str, int, float)):
        return True
    if isinstance(component, (list, tuple)):
        return all(_is_static(c) for c in component)
    if isinstance(component, StaticTree):
        return True
    if isinstance(component, dcc.Link):
        return getattr(component, "id", None) is None and _is_static(getattr(component, "children", None))
    if not isinstance(component, Component) or component._namespace != _HTML_NAMESPACE:
        return False
    return getattr(component, "id", None) is None and _is_static(getattr(component, "children", None))


def node(tag: str, attributes: dict[str, Any] | None = None, children: list | None = None) -> Node:
    """One element of a ``StaticTree``: ``{"t": tag}``, with ``"a"`` and ``"c"`` only when not empty.

    ``attributes`` must already be allowed (``ATTRIBUTES``) and ``children`` be nodes and strings.
    """
    made: dict[str, Any] = {"t": tag}
    if attributes:
        made["a"] = attributes
    if children:
        made["c"] = children
    return made


def nodes_of(component: Any) -> list:
    """A static Dash component (or list of them, or text) as ``StaticTree`` nodes and strings.

    For markup built as nodes that holds a piece shared with Dash pages (``components.markup.h``).
    A component a callback may need (with an ``id``, or not ``html.*``/``dcc.Link``) raises
    ``ValueError``: as data it would silently lose its callbacks.
    """
    if not _is_static(component):
        raise ValueError(f"not static markup (an id, or not html.*/dcc.Link): {component!r:.200}")
    return _nodes(component)


def _nodes(component: Any) -> list:
    """``component`` (static, see ``_is_static``) as a list of tree nodes and strings."""
    if component is None:
        return []
    if isinstance(component, bool):
        return []
    if isinstance(component, (str, int, float)):
        return [str(component)]
    if isinstance(component, (list, tuple)):
        return [node for child in component for node in _nodes(child)]
    if isinstance(component, StaticTree):
        return list(component.tree)
    # A Dash component keeps each prop it was given as an attribute of its own (``vars``), beside
    # its bookkeeping (``_type``, ``available_properties``…), which ``ATTRIBUTES`` never matches.
    attributes = {name: value for name, value in vars(component).items()
                  if value is not None and ATTRIBUTES.match(name)}
    tag = "a" if isinstance(component, dcc.Link) else component._type.lower()
    if isinstance(component, dcc.Link):
        attributes[_LINK] = "1"
    return [node(tag, attributes, _nodes(getattr(component, "children", None)))]
