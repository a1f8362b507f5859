"""Plotly figures, as pure functions of domain records.

Every text from people or files goes in through ``chart_text`` (plotly draws HTML).
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from dashboard.components.chart_text import chart_text
from dashboard.i18n.messages import basis_label, source_of, text, unit_heading
from dashboard.views.formatting import with_unit
from indicators.core.model import Indicator, Observation

# Okabe–Ito colours and distinct marker symbols: bases stay apart in greyscale too.
_SERIES_STYLE = (("#0072B2", "circle"), ("#D55E00", "square"), ("#009E73", "diamond"), ("#CC79A7", "triangle-up"))


def history_figure(
    indicator: Indicator, observations: Sequence[Observation], language: str | None = None
) -> go.Figure:
    """One line per basis, so figures counted differently are never joined by a line."""
    dated = [o for o in observations if o.year is not None and o.value is not None]
    bases = sorted({o.basis for o in dated})
    figure = go.Figure()
    for i, basis in enumerate(bases):
        series = sorted((o for o in dated if o.basis == basis), key=lambda o: o.year)
        colour, symbol = _SERIES_STYLE[i % len(_SERIES_STYLE)]
        figure.add_trace(
            go.Scatter(
                x=[o.year for o in series],
                y=[o.value for o in series],
                mode="lines+markers",
                name=chart_text(basis_label(basis, language)),
                line={"color": colour, "width": 3},
                marker={"size": 11, "symbol": symbol, "color": colour},
                customdata=[[chart_text(with_unit(o.value, indicator, language)), chart_text(source_of(o, language))]
                            for o in series],
                hovertemplate="%{x}: %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    figure.update_layout(
        height=300,
        margin={"l": 60, "r": 10, "t": 10, "b": 40},
        font={"size": 15},
        separators=", ",
        legend={"orientation": "h", "y": -0.25},
        plot_bgcolor="#fff",
        xaxis={"title": text("year_axis", language), "dtick": 5, "gridcolor": "#e5e5e5"},
        yaxis={"title": chart_text(unit_heading(indicator, language)), "rangemode": "tozero", "gridcolor": "#e5e5e5"},
    )
    return figure
