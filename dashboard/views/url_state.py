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

from indicators.core.slus import DEVELOPMENT_AREAS

LATEST = "senaste"
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
    locality = params.get("ort")
    indicator = params.get("indikator")
    return ViewState(
        locality=locality if locality in localities else None,
        indicator=indicator if indicator in indicators else default_indicator,
        year=_year(params.get("ar")),
        weights=parse_weights(params.get("vikter")),
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
    weights = format_weights(state.weights)
    if weights:
        params["vikter"] = weights
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
    for locality in (params.get("orter") or "").split(","):
        if locality in localities and locality not in chosen:
            chosen.append(locality)
    area = params.get("omrade")
    indicator = params.get("indikator")
    return CompareState(
        localities=tuple(chosen[:MAX_COMPARED]) if "orter" in params else default.localities,
        year=_year(params.get("ar")) if "ar" in params else default.year,
        area=area if area in areas else default.area,
        indicator=indicator if indicator in indicators else default.indicator,
        weights=parse_weights(params.get("vikter")),
    )


def compare_query(state: CompareState) -> str:
    """Every part of the compare view, so the link holds even if defaults change later."""
    params = {
        "orter": ",".join(state.localities),
        "ar": state.year,
        "omrade": state.area,
        "indikator": state.indicator,
    }
    weights = format_weights(state.weights)
    if weights:
        params["vikter"] = weights
    return "?" + urlencode(params, safe=",:")


def year_or_none(year: str) -> int | None:
    """The picker's value as an int year, None for "latest"."""
    return int(year) if year != LATEST else None
