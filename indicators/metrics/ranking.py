"""Ranks for the Kolada-style comparison table, where colour means rank.

Kolada colours its comparison tables by position, not by a judgement of good
or bad; the table here does the same, so rank 1 is the best value in the
indicator's own direction and equal values share a rank.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from indicators.core.model import Direction

_REL_TOL = 1e-9
"""Values this close are the same value: 3/600 per 1,000 and 5/1,000 per 1,000
must tie even when floating point makes one of them 5.000000000000001."""


def rank(values: Mapping[str, float | None], direction: Direction | str) -> dict[str, int | None]:
    """Rank per key: 1 is best, ties share a rank and the next rank skips (1, 1, 3).

    Best is the highest value for higher-is-better and neutral indicators (a
    neutral indicator is still ordered, largest first, as Kolada does) and the
    lowest for lower-is-better. A missing value has no rank (None), never last
    place: we do not know where it stands. Keys come back in the input's order.
    """
    lower_first = Direction(direction) is Direction.LOWER_IS_BETTER
    present = [(key, value) for key, value in values.items() if value is not None]
    present.sort(key=lambda item: item[1], reverse=not lower_first)

    ranks: dict[str, int] = {}
    group_value: float | None = None
    group_rank = 0
    for position, (key, value) in enumerate(present, start=1):
        if group_value is None or not math.isclose(value, group_value, rel_tol=_REL_TOL, abs_tol=1e-12):
            group_value, group_rank = value, position
        ranks[key] = group_rank
    return {key: ranks.get(key) for key in values}
