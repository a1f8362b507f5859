"""A locality's headline figure as words: the map's figure first, its other counts beside it.

``indicators.metrics.headline`` decides which figure a locality is headlined
with; this says it in the reader's language, the same way wherever it is shown
(the locality panel's population and indicator lines), e.g.
"302 invånare (tätort, 2020) · valdistrikt: 991 invånare (2022)".
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n.messages import basis_label, text
from dashboard.views.formatting import with_unit, year
from indicators.core.model import Indicator, Observation
from indicators.metrics.headline import Headline


@dataclass(frozen=True)
class HeadlineText:
    """The headline figure (``main``; empty when there is none) and one phrase per other basis."""

    main: str
    others: tuple[str, ...]
    example: bool

    def joined(self) -> str:
        """Everything on one line, the headline first: "302 invånare (tätort, 2020) · valdistrikt: 991 …"."""
        return " · ".join(part for part in (self.main, *self.others) if part)


def figure_text(observation: Observation, indicator: Indicator, language: str | None = None) -> str:
    """One figure with its basis (when it has one) and year: "302 invånare (tätort, 2020)"."""
    value = with_unit(observation.value, indicator, language)
    if not observation.basis:
        return text("headline_figure", language, value=value, year=year(observation, language))
    return text("headline_figure_basis", language, value=value, basis=basis_label(observation.basis, language),
                year=year(observation, language))


def headline_text(headline: Headline | None, indicator: Indicator, language: str | None = None) -> HeadlineText:
    """The headline in words; a figure off the map's comparable basis says so, as the map's tooltip does."""
    shown = headline.observation if headline else None
    others = tuple(
        text("headline_other", language, basis=basis_label(o.basis, language),
             value=with_unit(o.value, indicator, language), year=year(o, language))
        for o in (headline.others if headline else ())
    )
    if shown is None or shown.value is None:
        return HeadlineText("", others, False)
    if not headline.figure.comparable:
        main = text("tooltip_other_basis", language, value=with_unit(shown.value, indicator, language),
                    basis=basis_label(shown.basis, language), year=year(shown, language))
    else:
        main = figure_text(shown, indicator, language)
    return HeadlineText(main, others, shown.example)
