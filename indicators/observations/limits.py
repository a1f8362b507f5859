"""How much one imported file may hold, so a small upload cannot take the server down.

A 144 KB workbook can expand to tens of megabytes of XML and hundreds of
thousands of rows; reading it took minutes and gigabytes. Every importer
(indicator figures, the catalogue, Kolada, group work) therefore checks these
limits before and while it reads, and refuses a file that passes one with a
message that states the limit and the environment variable that sets it.

The defaults leave room for the largest real files (the import benchmark reads
1,000,000 rows). Operators change them with environment variables, read when a
file is imported, so a test or a restarted server picks up a new value:

``ALLAS_MAX_IMPORT_ROWS``           data rows in one file or sheet (Kolada: entries), default 1,000,000
``ALLAS_MAX_XLSX_UNCOMPRESSED_MB``  total unpacked size of a workbook, in MB, default 50
``ALLAS_MAX_XLSX_PARTS``            files inside a workbook's zip archive, default 1,000
``ALLAS_MAX_IMPORT_PROBLEMS``       problems listed before reading stops, default 1,000

The last one bounds a file that is wrong on every row: its report would list
hundreds of thousands of lines that nobody reads, and holding them costs memory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from indicators.core.errors import InputError, Problem
from indicators.i18n.messages import t
from indicators.i18n.texts import Number

ROWS_ENV = "ALLAS_MAX_IMPORT_ROWS"
XLSX_MB_ENV = "ALLAS_MAX_XLSX_UNCOMPRESSED_MB"
XLSX_PARTS_ENV = "ALLAS_MAX_XLSX_PARTS"
PROBLEMS_ENV = "ALLAS_MAX_IMPORT_PROBLEMS"

MB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """The bounds one imported file must stay within (see the module docstring)."""

    max_rows: int = 1_000_000
    """Data rows (non-empty rows below the header) in a CSV file or a sheet; entries in a Kolada file."""
    max_xlsx_uncompressed_mb: int = 50
    """Sum of the unpacked sizes of every part of an .xlsx archive, in MB."""
    max_xlsx_parts: int = 1_000
    """Members of an .xlsx archive; a workbook written by Excel has a few dozen."""
    max_problems: int = 1_000
    """Problems collected from one file before reading stops (see ``ProblemList``)."""

    @property
    def max_xlsx_uncompressed_bytes(self) -> int:
        return self.max_xlsx_uncompressed_mb * MB


DEFAULT_LIMITS = ImportLimits()


def limits_from_env(environ: Mapping[str, str] | None = None) -> ImportLimits:
    """The defaults, overridden by the environment variables that are set.

    A value that is not a positive whole number is a configuration mistake; it
    is refused in words (an InputError naming the variable), not ignored, so an
    operator who meant to raise a limit does not silently get the default.
    """
    env = os.environ if environ is None else environ
    return ImportLimits(
        max_rows=_positive(env, ROWS_ENV, DEFAULT_LIMITS.max_rows),
        max_xlsx_uncompressed_mb=_positive(env, XLSX_MB_ENV, DEFAULT_LIMITS.max_xlsx_uncompressed_mb),
        max_xlsx_parts=_positive(env, XLSX_PARTS_ENV, DEFAULT_LIMITS.max_xlsx_parts),
        max_problems=_positive(env, PROBLEMS_ENV, DEFAULT_LIMITS.max_problems),
    )


def resolve_limits(chosen: ImportLimits | None) -> ImportLimits:
    """``chosen`` when a caller gave limits, else what the environment says now."""
    return chosen if chosen is not None else limits_from_env()


def too_many_rows(file_name: str, row: int, bounds: ImportLimits, sheet: str | None = None) -> Problem:
    """The problem of a file with more data rows than the limit, located at the first row over it."""
    return Problem(
        file_name,
        t("too_many_rows", limit=Number(bounds.max_rows), setting=ROWS_ENV),
        row=row,
        sheet=sheet,
    )


class ProblemList(list[Problem]):
    """A file's problems, which ends the reading with an InputError once there are too many.

    Readers hand this list to whoever checks the rows (``Table.problems``,
    ``ObservationRows``), so every ``append`` counts, wherever it happens; the
    InputError lists the first ``limit`` problems and says that reading stopped.
    """

    def __init__(self, file_name: str, limit: int) -> None:
        super().__init__()
        self.file_name = file_name
        self.limit = limit

    def append(self, problem: Problem) -> None:
        if len(self) >= self.limit:
            stop = Problem(
                self.file_name,
                t("too_many_problems", limit=Number(self.limit), setting=PROBLEMS_ENV),
                row=problem.row,
                sheet=problem.sheet,
                row_label=problem.row_label,
            )
            raise InputError([*self, stop])
        super().append(problem)


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    digits = raw.replace("_", "").replace(" ", "")
    if digits.isascii() and digits.isdigit() and len(digits) <= 15 and int(digits) > 0:
        return int(digits)
    raise InputError([Problem(name, t("limit_setting_invalid", value=raw[:40], default=Number(default)))])
