"""Classed colour scale for the choropleth.

Quantile classes, because locality values are very skewed (Vimmerby has more
inhabitants than the other nine together): equal intervals would paint nine of
ten localities the same colour. The palette is viridis, readable with the
common colour-vision deficiencies and in greyscale; "no data" is a neutral grey
that is not part of the ramp, so a missing value is never read as a low one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

PALETTE = ("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487")
NO_DATA_COLOUR = "#d9d9d9"
OTHER_BASIS_COLOUR = "#a3a3a3"
"""Figures counted on another basis: darker than "no data", still off the ramp."""


@dataclass(frozen=True)
class ColourClass:
    lower: float
    upper: float
    colour: str


@dataclass(frozen=True)
class ColourScale:
    classes: tuple[ColourClass, ...]

    def colour(self, value: float | None) -> str:
        """The fill for a value; grey for a missing one."""
        if value is None or not self.classes:
            return NO_DATA_COLOUR
        uppers = [c.upper for c in self.classes]
        index = min(bisect.bisect_left(uppers, value), len(self.classes) - 1)
        return self.classes[index].colour


def quantile_scale(values: Sequence[float | None], max_classes: int = len(PALETTE)) -> ColourScale:
    """Up to ``max_classes`` classes with about as many values in each."""
    present = sorted(v for v in values if v is not None)
    if not present:
        return ColourScale(())
    distinct = sorted(set(present))
    count = min(max_classes, len(distinct), len(PALETTE))
    if count == 1:
        return ColourScale((ColourClass(distinct[0], distinct[0], PALETTE[-1]),))
    # Break points at evenly spaced ranks, made unique so no class is empty.
    uppers: list[float] = []
    for i in range(1, count + 1):
        rank = round(i * len(present) / count) - 1
        candidate = present[max(rank, 0)]
        if not uppers or candidate > uppers[-1]:
            uppers.append(candidate)
    colours = _spread(len(uppers))
    classes = []
    lower = present[0]
    for upper, colour in zip(uppers, colours):
        classes.append(ColourClass(lower, upper, colour))
        lower = upper
    return ColourScale(tuple(classes))


def _spread(count: int) -> list[str]:
    """Pick ``count`` palette colours spread from lightest to darkest."""
    if count == 1:
        return [PALETTE[-1]]
    last = len(PALETTE) - 1
    return [PALETTE[round(i * last / (count - 1))] for i in range(count)]
