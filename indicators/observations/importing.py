"""The one way a file gets into the database, for the command line and the web upload alike.

``import_file`` finds out what the file is (CSV, Excel or Kolada JSON; figures
or the indicator catalogue), reads and checks all of it against the database's
catalogue, and saves it together with a line in the import log in one
transaction. Any problem anywhere in the file means nothing is saved, and every
problem is reported at once as one InputError. Importing the same file again
changes no data (the log still records that it was tried).
"""

from __future__ import annotations

import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError, Problem
from indicators.core.model import Indicator, Observation
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing
from indicators.observations.catalogue_rows import (
    CatalogueFile,
    catalogue_from_table,
    changed_units,
    conflicts_with_stored,
)
from indicators.observations.csv_tables import decode, read_csv_table, read_file_bytes
from indicators.observations.excel_tables import open_excel_table
from indicators.observations.from_tables import observations_from_table
from indicators.observations.import_log import ImportOrigin, current_user, utc_now
from indicators.observations.kolada import parse_kolada_text
from indicators.observations.limits import ImportLimits, resolve_limits
from indicators.observations.tables import Progress, Table
from indicators.storage.store import SaveResult, Store

CSV = "csv"
XLSX = "xlsx"
KOLADA = "kolada"
FORMATS: tuple[str, ...] = (CSV, XLSX, KOLADA)

OBSERVATIONS = "observations"
CATALOGUE = "catalogue"
KINDS: tuple[str, ...] = (OBSERVATIONS, CATALOGUE)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the pre-2007 binary Excel format (.xls)
_UTF8_BOM = b"\xef\xbb\xbf"
_HEAD_BYTES = 4096


@dataclass(frozen=True)
class ImportReport:
    """What one imported file was and what saving it did."""

    file: str
    format: str
    kind: str
    rows: int
    result: SaveResult
    read_seconds: float = 0.0
    """Reading and checking the file."""
    write_seconds: float = 0.0
    """Saving it and its log line."""


def detect_format(path: Path | str, display_name: str | None = None) -> str:
    """``csv``, ``xlsx`` or ``kolada``, from the file's first bytes and then its name.

    The content wins over the extension, because files get renamed: an Excel
    workbook is a zip archive, a Kolada download starts with ``{`` or ``[``.
    """
    path = Path(path)
    name = display_name if display_name is not None else path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(name, t("file_unreadable", reason=reason))]) from error
    return format_of(head, name)


def format_of(head: bytes, name: str) -> str:
    """The pure part of ``detect_format``: the first bytes and the file name."""
    suffix = Path(name).suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return XLSX
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise InputError([Problem(name, t("old_excel"))])
    if suffix in (".xlsx", ".xlsm"):
        return XLSX
    text = head.removeprefix(_UTF8_BOM).lstrip()
    if suffix == ".json" or text[:1] in (b"{", b"["):
        return KOLADA
    return CSV


def kind_of(table: Table) -> str:
    """``catalogue`` when the header has the catalogue's ``id`` and ``name_sv``, else ``observations``.

    A header that is neither is read as observations, whose column check then
    names what is missing and suggests the nearest column names.
    """
    names = set(table.header_names())
    if "indicator_id" not in names and {"id", "name_sv"} <= names:
        return CATALOGUE
    return OBSERVATIONS


def import_file(
    store: Store,
    path: Path | str,
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    user: str | None = None,
    display_name: str | None = None,
    progress: Progress | None = None,
    current_year: int | None = None,
    limits: ImportLimits | None = None,
) -> ImportReport:
    """Import one file, all or nothing; raises InputError listing every problem.

    ``display_name`` names the file in messages and in the log (a web upload's
    temporary path means nothing to staff); ``user`` defaults to the operating
    system's user; ``progress`` is called now and then with (rows read, rows
    expected) while a large file is read; ``limits`` bound the file (rows, a
    workbook's unpacked size), by default as the environment sets them.
    """
    path = Path(path)
    name = display_name if display_name is not None else path.name
    bounds = resolve_limits(limits)
    started = time.perf_counter()
    data = read_file_bytes(path, name)
    chosen = fmt if fmt is not None else format_of(data[:_HEAD_BYTES], name)
    _check_options(chosen, sheet, name)
    catalogue = store.catalogue(current_year)
    records = _read(data, chosen, name, sheet, catalogue, progress, bounds)
    if isinstance(records, CatalogueFile):
        _check_against_store(store, records)
    read_seconds = time.perf_counter() - started

    origin = ImportOrigin(
        user=user or current_user(),
        file=name,
        format=chosen,
        sha256=hashlib.sha256(data).hexdigest(),
        at=utc_now(),
    )
    started = time.perf_counter()
    if isinstance(records, CatalogueFile):
        kind, count = CATALOGUE, len(records.indicators)
        result = store.import_indicators(records.indicators, origin)
    else:
        kind, count = OBSERVATIONS, len(records)
        result = store.import_observations(records, origin)
    return ImportReport(
        file=name,
        format=chosen,
        kind=kind,
        rows=count,
        result=result,
        read_seconds=read_seconds,
        write_seconds=time.perf_counter() - started,
    )


def _check_options(fmt: str, sheet: str | None, name: str) -> None:
    if fmt not in FORMATS:
        raise InputError([Problem(name, t("unknown_format", format=fmt, formats=Listing(FORMATS)))])
    if sheet is not None and fmt != XLSX:
        raise InputError([Problem(name, t("sheet_only_in_excel", format=fmt))])


def _read(
    data: bytes,
    fmt: str,
    name: str,
    sheet: str | None,
    catalogue: Catalogue,
    progress: Progress | None,
    bounds: ImportLimits,
) -> CatalogueFile | list[Observation]:
    """The file's indicators (a catalogue) or observations, checked; InputError otherwise."""
    if fmt == KOLADA:
        text = decode(data, name)
        return parse_kolada_text(
            text, catalogue=catalogue, file_name=name, progress=progress, limits=bounds
        )
    if fmt == CSV:
        return _from_table(read_csv_table(decode(data, name), name, limits=bounds), catalogue, progress)
    with open_excel_table(io.BytesIO(data), name, sheet, limits=bounds) as table:
        return _from_table(table, catalogue, progress)


def _from_table(
    table: Table, catalogue: Catalogue, progress: Progress | None
) -> CatalogueFile | list[Observation]:
    if kind_of(table) == CATALOGUE:
        return catalogue_from_table(table)
    return observations_from_table(table, catalogue, progress=progress)


def _check_against_store(store: Store, new: CatalogueFile) -> None:
    """Refuse a catalogue that contradicts what is stored (a KPI taken, values outside a new unit)."""
    stored: list[Indicator] = store.indicators()
    observations = {
        indicator_id: store.observations(indicator_id)
        for indicator_id in changed_units(new.indicators, stored)
    }
    problems = conflicts_with_stored(new, stored, observations)
    if problems:
        raise InputError(problems)
