"""A long list shown a page at a time: "Visar 51–100 av 1 834" with previous and next buttons.

A busy group records thousands of activities a year; drawing all of them made
the groups page take seconds and the browser check tens of thousands of
components. The buttons carry the offset they lead to in their pattern id
(``{"type": ids.GW_PAGE, "list": …, "offset": …}``), so one callback per list
reads which page was asked for without any state of its own.
"""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.i18n.messages import text
from dashboard.views.formatting import number

PAGE_SIZE = 50
"""Rows per page: a screenful or two, and light for the browser."""


def clamp_offset(offset: object, total: int, page_size: int = PAGE_SIZE) -> int:
    """A valid first row for ``total`` rows: a multiple of the page size, 0 for anything odd."""
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0 or offset >= max(total, 1):
        return 0
    return offset - offset % page_size


def pager(list_name: str, offset: int, shown: int, total: int, language: str | None = None, *,
          label_key: str, page_size: int = PAGE_SIZE) -> html.Nav | None:
    """The range shown and the buttons to the pages around it; None when one page holds everything."""
    if total <= page_size:
        return None
    first, last = offset + 1, offset + shown
    previous, following = max(0, offset - page_size), offset + page_size
    return html.Nav(
        [
            html.Span(text("gw_page_range", language, first=number(first, language), last=number(last, language),
                           total=number(total, language)), className="pager-range", role="status"),
            html.Button(text("gw_page_previous", language), className="button small secondary",
                        id={"type": ids.GW_PAGE, "list": list_name, "offset": previous}, disabled=offset == 0),
            html.Button(text("gw_page_next", language), className="button small secondary",
                        id={"type": ids.GW_PAGE, "list": list_name, "offset": following},
                        disabled=following >= total),
        ],
        className="pager button-row",
        **{"aria-label": text(label_key, language), "data-list": list_name},
    )
