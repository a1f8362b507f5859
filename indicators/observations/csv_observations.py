"""The long-format observations CSV: one figure per row, as staff keep them in Excel.

Columns: ``indicator_id, locality_id, year, value, source`` (required) and
``basis, source_date, unit`` (optional). The reader is forgiving about what
Swedish Excel does to a file (a BOM, ``;`` as delimiter, decimal comma) and
strict about everything that would silently change a figure's meaning (unknown
ids, a typo in a column name, a value outside its unit's range, two rows for
the same key). It checks every row and reports all problems at once, so a file
is fixed in one round.
"""

from __future__ import annotations

from pathlib import Path

from indicators.core.catalogue import Catalogue
from indicators.core.model import Observation
from indicators.observations.csv_tables import decode, read_csv_table, read_file_bytes
from indicators.observations.from_tables import (
    ALL_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    observations_from_table,
)
from indicators.observations.limits import ImportLimits
from indicators.observations.tables import Progress

__all__ = [
    "ALL_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "parse_observations_text",
    "read_observations_csv",
]


def read_observations_csv(
    path: Path | str,
    *,
    catalogue: Catalogue,
    display_name: str | None = None,
    example: bool = False,
    progress: Progress | None = None,
) -> list[Observation]:
    """Read a whole observations file or nothing: raises InputError listing every problem.

    ``display_name`` is how the file is named in messages, since a web upload's
    temporary path means nothing to the user. ``example`` marks every row as
    bundled example data (used only when seeding).
    """
    path = Path(path)
    name = display_name if display_name is not None else path.name
    text = decode(read_file_bytes(path, name), name)
    return parse_observations_text(
        text, catalogue=catalogue, file_name=name, example=example, progress=progress
    )


def parse_observations_text(
    text: str,
    *,
    catalogue: Catalogue,
    file_name: str,
    example: bool = False,
    progress: Progress | None = None,
    limits: ImportLimits | None = None,
) -> list[Observation]:
    """Pure core of the loader, separate so text already in memory needs no file."""
    return observations_from_table(
        read_csv_table(text, file_name, limits=limits), catalogue, example=example, progress=progress
    )
