"""The view a URL describes, so a link reproduces what its sender saw.

Query keys are Swedish (``?ort=storebro&indikator=population&ar=2020``) since
the links are shared between Swedish-speaking users. Unknown values fall back
to defaults instead of failing: an old link must still open.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

LATEST = "senaste"


@dataclass(frozen=True)
class ViewState:
    locality: str | None
    indicator: str
    year: str = LATEST  # "senaste" or a four-digit year, as the year picker holds it


def parse_query(
    search: str | None,
    *,
    localities: Collection[str],
    indicators: Collection[str],
    default_indicator: str,
) -> ViewState:
    """Read the view from ``location.search``; anything unknown becomes the default."""
    params = parse_qs((search or "").lstrip("?"))

    def first(key: str) -> str | None:
        values = params.get(key)
        return values[0] if values else None

    locality = first("ort")
    indicator = first("indikator")
    year = first("ar")
    return ViewState(
        locality=locality if locality in localities else None,
        indicator=indicator if indicator in indicators else default_indicator,
        year=year if year is not None and year.isdigit() and len(year) == 4 else LATEST,
    )


def to_query(state: ViewState, *, default_indicator: str) -> str:
    """The shortest query string that reproduces ``state``."""
    params = {}
    if state.locality:
        params["ort"] = state.locality
    if state.indicator != default_indicator:
        params["indikator"] = state.indicator
    if state.year != LATEST:
        params["ar"] = state.year
    return "?" + urlencode(params) if params else ""


def year_or_none(year: str) -> int | None:
    """The picker's value as an int year, None for "latest"."""
    return int(year) if year != LATEST else None
