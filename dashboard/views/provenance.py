"""The words that say a figure rests on example data: one place, every view.

``indicators.metrics.provenance`` decides how much of a figure is example
data; this module says it: "Exempeldata" beside a figure, "Poäng 40 · 2 av 3
indikatorer bygger på exempeldata" for an area score, "Index 60 · 5 av 6
områden bygger på exempeldata" for the index, and a star with its key where a
chart has no room for words (a heatmap cell, a bar label). Maps, panels, the
compare page, slides, reports and exports all call these, so the mark reads
the same everywhere and a test can look for it.
"""

from __future__ import annotations

from enum import Enum

from dashboard.i18n.messages import plural, text
from indicators.i18n.texts import N_
from indicators.metrics.provenance import Provenance

STAR = "*"
"""The short mark on a cell or bar that rests wholly or partly on example data; ``star_note`` explains it."""


class Kind(Enum):
    """What a shown number is, which decides what its parts are called."""

    FIGURE = "figure"
    AREA_SCORE = "area_score"
    INDEX = "index"
    RANKING = "ranking"


_PARTS_KEYS = {
    Kind.AREA_SCORE: N_("provenance_indicators"),
    Kind.INDEX: N_("provenance_areas"),
    Kind.RANKING: N_("provenance_localities"),
}


def provenance_note(prov: Provenance, kind: Kind, language: str | None = None) -> str:
    """What a figure rests on, in words; "" when it rests on real figures only (or shows nothing).

    A single figure says "Exempeldata"; a score, the index or a ranking says how many
    of its parts are example data.
    """
    if not prov.rests_on_example:
        return ""
    if kind is Kind.FIGURE:
        return text("example_badge", language)
    return plural(_PARTS_KEYS[kind], prov.parts, language, example=prov.example_parts)


def score_line(score: str, prov: Provenance, kind: Kind, language: str | None = None) -> str:
    """"Poäng 40 · 2 av 3 indikatorer bygger på exempeldata" (or "Index 60 · …"); the score alone when real."""
    note = provenance_note(prov, kind, language)
    if not note:
        return score
    key = N_("provenance_index_line") if kind is Kind.INDEX else N_("provenance_score_line")
    return text(key, language, score=score, note=note)


def with_note(shown: str, prov: Provenance, kind: Kind, language: str | None = None) -> str:
    """``shown`` followed by " · <note>" when it rests on example data (a tooltip, a table cell, a title)."""
    note = provenance_note(prov, kind, language)
    return f"{shown} · {note}" if note else shown


def starred(shown: str, prov: Provenance) -> str:
    """``shown`` with the star when it rests on example data (a heatmap cell, a bar label)."""
    return f"{shown}{STAR}" if prov.rests_on_example else shown


def star_note(language: str | None = None) -> str:
    """The key to the star: "* bygger helt eller delvis på exempeldata"."""
    return text("provenance_star_note", language)
