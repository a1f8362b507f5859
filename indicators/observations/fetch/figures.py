"""What a fetch found, before it is stored: figures with their source, date, basis and request.

A fetch ends as one long-format CSV (the columns of an observations file)
handed to the same import entry point as a staff file, so the row rules, the
all-or-nothing save and the import log are the file import's own. Each row
remembers the request it came from, so a refused row can be traced to the
answer that carried it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from indicators.observations.from_tables import ALL_COLUMNS


@dataclass(frozen=True)
class Figure:
    """One fetched value for a place and year, with everything the import log and the map show."""

    indicator_id: str
    place_id: str
    year: int
    value: float | None
    source: str
    basis: str
    source_date: str
    request: str
    """The request (method and URL) whose answer carried the value."""


def figures_csv(figures: Sequence[Figure]) -> str:
    """The figures as an observations CSV (header first); row 2 is ``figures[0]``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ALL_COLUMNS)
    for figure in figures:
        writer.writerow(
            [
                figure.indicator_id,
                figure.place_id,
                figure.year,
                "" if figure.value is None else repr(float(figure.value)),
                figure.source,
                figure.basis,
                figure.source_date,
                "",
            ]
        )
    return out.getvalue()


def request_of_row(figures: Sequence[Figure], row: int | None) -> str | None:
    """The request behind CSV row ``row`` (2 is the first figure), for naming a refused row's origin."""
    if row is None or not 2 <= row < len(figures) + 2:
        return None
    return figures[row - 2].request
