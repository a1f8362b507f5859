"""Observations from a table in the long format, whether it came from CSV or Excel.

One figure per row, columns ``indicator_id, locality_id, year, value, source``
(required) and ``basis, source_date, unit`` (optional). The columns are found
here; what the cells must contain is decided by ``observation_rows``, the same
rules a Kolada file meets.
"""

from __future__ import annotations

from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError
from indicators.core.model import Observation
from indicators.observations.rows import ObservationRows
from indicators.observations.tables import PROGRESS_EVERY, Progress, Table, map_header

REQUIRED_COLUMNS: tuple[str, ...] = ("indicator_id", "locality_id", "year", "value", "source")
OPTIONAL_COLUMNS: tuple[str, ...] = ("basis", "source_date", "unit")
ALL_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


def observations_from_table(
    table: Table,
    catalogue: Catalogue,
    *,
    example: bool = False,
    progress: Progress | None = None,
) -> list[Observation]:
    """Every row's observation, or InputError listing every problem in the table.

    ``example`` marks every observation as bundled example data.
    """
    columns = map_header(table, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if columns is None:
        raise InputError(table.problems)
    checker = ObservationRows(
        catalogue, table.problems, table.file_name, sheet=table.sheet, example=example
    )
    positions = [columns.get(name, -1) for name in ALL_COLUMNS]
    full_width = max(positions) + 1
    observations: list[Observation] = []
    total = table.total_rows
    done = 0
    for row, cells in table.rows:
        if len(cells) >= full_width and -1 not in positions:
            values = [cells[i] for i in positions]
        else:
            values = [cells[i] if 0 <= i < len(cells) else None for i in positions]
        observation = checker.check(row, *values)
        if observation is not None:
            observations.append(observation)
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress is not None:
        progress(done, done)
    if table.problems:
        raise InputError(table.problems)
    return observations
