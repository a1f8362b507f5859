"""The view a URL describes, so a link reproduces what its sender saw.

Query keys are Swedish (``?ort=storebro&indikator=population&ar=2020``) since
the links are shared between Swedish-speaking users. Unknown values fall back
to defaults instead of failing: an old link must still open.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from dashboard.views.public_names import (
    KEY_AREA,
    KEY_INDICATOR,
    KEY_LOCALITIES,
    KEY_LOCALITY,
    KEY_PERIOD,
    KEY_WEIGHTS,
    KEY_YEAR,
    LATEST,
)
from indicators.core.slus import DEVELOPMENT_AREAS

MAX_COMPARED = 10
EQUAL_WEIGHTS: dict[str, float] = {area.id: 1.0 for area in DEVELOPMENT_AREAS}


@dataclass(frozen=True)
class ViewState:
    """The map page: chosen locality, what colours the map, which year."""

    locality: str | None
    indicator: str
    year: str = LATEST  # "senaste" or a four-digit year
    weights: Mapping[str, float] = field(default_factory=lambda: dict(EQUAL_WEIGHTS))


@dataclass(frozen=True)
class CompareState:
    """The compare page: localities side by side for one year, area and indicator."""

    localities: tuple[str, ...]
    year: str
    area: str
    indicator: str
    weights: Mapping[str, float] = field(default_factory=lambda: dict(EQUAL_WEIGHTS))


def _params(search: str | None) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs((search or "").lstrip("?"), keep_blank_values=True).items()
            if values}


def _year(raw: str | None) -> str:
    return raw if raw is not None and raw.isdigit() and len(raw) == 4 else LATEST


COMPARE_CHARTS = ("radar", "index", "bars", "series")
"""The compare page's charts in page order; also what ``export chart --chart`` takes."""


def parse_weights(raw: str | None) -> dict[str, float]:
    """``leva:2,arbeta:1`` → weights; areas not named keep weight 1, nonsense gives equal weights.

    Only well-formed, non-negative weights with a positive sum are taken from a
    link: the weights form refuses the rest, and a link must not sneak them in.
    """
    weights = dict(EQUAL_WEIGHTS)
    if not raw:
        return weights
    for part in raw.split(","):
        area, _, value = part.partition(":")
        try:
            number = float(value)
        except ValueError:
            return dict(EQUAL_WEIGHTS)
        if area not in weights or not math.isfinite(number) or number < 0:
            return dict(EQUAL_WEIGHTS)
        weights[area] = number
    return weights if sum(weights.values()) > 0 else dict(EQUAL_WEIGHTS)


def format_weights(weights: Mapping[str, float]) -> str | None:
    """The shortest text for ``weights``; None when they are the default (equal)."""
    if all(weights.get(a, 1.0) == 1.0 for a in EQUAL_WEIGHTS):
        return None
    return ",".join(f"{a}:{_number(weights.get(a, 1.0))}" for a in EQUAL_WEIGHTS)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_query(
    search: str | None,
    *,
    localities: Collection[str],
    indicators: Collection[str],
    default_indicator: str,
) -> ViewState:
    """Read the map view from ``location.search``; anything unknown becomes the default."""
    params = _params(search)
    locality = params.get(KEY_LOCALITY)
    indicator = params.get(KEY_INDICATOR)
    return ViewState(
        locality=locality if locality in localities else None,
        indicator=indicator if indicator in indicators else default_indicator,
        year=_year(params.get(KEY_YEAR)),
        weights=parse_weights(params.get(KEY_WEIGHTS)),
    )


def to_query(state: ViewState, *, default_indicator: str) -> str:
    """The shortest query string that reproduces ``state``."""
    params = {}
    if state.locality:
        params[KEY_LOCALITY] = state.locality
    if state.indicator != default_indicator:
        params[KEY_INDICATOR] = state.indicator
    if state.year != LATEST:
        params[KEY_YEAR] = state.year
    weights = format_weights(state.weights)
    if weights:
        params[KEY_WEIGHTS] = weights
    return "?" + urlencode(params, safe=",:") if params else ""


def parse_compare_query(
    search: str | None,
    *,
    localities: Collection[str],
    areas: Collection[str],
    indicators: Collection[str],
    default: CompareState,
) -> CompareState:
    """Read the compare view; unknown localities are dropped, at most ten are kept."""
    params = _params(search)
    chosen: list[str] = []
    for locality in (params.get(KEY_LOCALITIES) or "").split(","):
        if locality in localities and locality not in chosen:
            chosen.append(locality)
    area = params.get(KEY_AREA)
    indicator = params.get(KEY_INDICATOR)
    return CompareState(
        localities=tuple(chosen[:MAX_COMPARED]) if KEY_LOCALITIES in params else default.localities,
        year=_year(params.get(KEY_YEAR)) if KEY_YEAR in params else default.year,
        area=area if area in areas else default.area,
        indicator=indicator if indicator in indicators else default.indicator,
        weights=parse_weights(params.get(KEY_WEIGHTS)),
    )


def compare_query(state: CompareState) -> str:
    """Every part of the compare view, so the link holds even if defaults change later."""
    params = {
        KEY_LOCALITIES: ",".join(state.localities),
        KEY_YEAR: state.year,
        KEY_AREA: state.area,
        KEY_INDICATOR: state.indicator,
    }
    weights = format_weights(state.weights)
    if weights:
        params[KEY_WEIGHTS] = weights
    return "?" + urlencode(params, safe=",:")


def year_or_none(year: str) -> int | None:
    """The picker's value as an int year, None for "latest"."""
    return int(year) if year != LATEST else None


@dataclass(frozen=True)
class GroupsState:
    """The groups page: whose work is shown (None: nobody chosen) and over which period."""

    locality: str | None
    period: str | None
    """A four-digit year, or None for the default period."""


def parse_groups_query(search: str | None, *, localities: Collection[str]) -> GroupsState:
    """Read the groups view; an unknown locality or a malformed period is left unchosen."""
    params = _params(search)
    locality = params.get(KEY_LOCALITY)
    period = params.get(KEY_PERIOD) or ""
    return GroupsState(locality=locality if locality in localities else None,
                       period=period if period.isdigit() and len(period) == 4 else None)


def groups_query(locality: str | None, period: str | None) -> str:
    """The shortest query string for the groups view; ``period`` None (the default) is left out."""
    params = {}
    if locality:
        params[KEY_LOCALITY] = locality
    if period:
        params[KEY_PERIOD] = period
    return "?" + urlencode(params) if params else ""


def locality_sync(triggered_by_url: bool, search: str | None, locality: str | None,
                  localities: Collection[str]) -> tuple[str | None, str | None]:
    """A page whose only URL state is ``?ort=``: the URL wins when it changed (a link, Back), else the list.

    Returns the query string and the locality to show, each None where it is already right (the
    callback sends ``no_update`` for those). An unknown ``ort`` in the URL leaves the list as it is.
    """
    from_url = parse_groups_query(search, localities=localities).locality
    if triggered_by_url:
        chosen = from_url or locality
    else:
        chosen = locality if locality in localities else from_url
    query = "?" + urlencode({KEY_LOCALITY: chosen}) if chosen else ""
    return (query if query != (search or "") else None), (chosen if chosen != locality else None)


def locality_link(path: str, locality_id: str) -> str:
    """A page's link that opens with ``locality_id`` chosen."""
    return f"{path}?{urlencode({KEY_LOCALITY: locality_id})}"
