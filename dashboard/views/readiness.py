"""What the "Underlag" page and its Excel file show: per indicator and place, is the figure real yet?

Pure functions of the data and the acting user; the page lays the rows out and
the download callback sends the workbook. Only staff (admins: those who import
figures) may see or download it: ``readiness_view`` asks the gate itself, so a
request that skips the page is refused just the same.

The statuses come from ``indicators.metrics.readiness``, which reads every
figure, example figures included whatever the example-data setting: this page
is where staff see what the example figures still stand in for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook

from dashboard.data import DashboardData
from dashboard.i18n.messages import (
    basis_label,
    indicator_name,
    source_of,
    text,
    unit_of,
)
from dashboard.views.formatting import number, year
from indicators.accounts.auth import Action
from indicators.accounts.gate import require
from indicators.core.model import MUNICIPALITY_ID
from indicators.core.spreadsheet_safety import excel_cell
from indicators.groupwork.records import User
from indicators.i18n.texts import N_
from indicators.metrics.readiness import (
    READINESS_ORDER,
    Readiness,
    ReadinessCell,
    readiness,
    totals,
)

READINESS_FILE = "underlag.xlsx"
"""The downloaded file's name."""
STATUS_KEYS: dict[Readiness, str] = {
    Readiness.REAL: N_("readiness_status_real"),
    Readiness.EXAMPLE: N_("readiness_status_example"),
    Readiness.OTHER_BASIS: N_("readiness_status_other_basis"),
    Readiness.MISSING: N_("readiness_status_missing"),
}
SUMMARY_COLUMNS = (N_("col_indicator"), *STATUS_KEYS.values())
DETAIL_COLUMNS = (N_("col_indicator"), N_("col_place"), N_("col_status"), N_("col_value"), N_("col_unit"),
                  N_("col_basis"), N_("col_year"), N_("col_source"), N_("col_source_date"))


@dataclass(frozen=True)
class SummaryRow:
    """One indicator: how many places have each status (in ``READINESS_ORDER``)."""

    indicator_id: str
    indicator: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class DetailRow:
    """One indicator for one place, as words (``value`` stays a number for the spreadsheet)."""

    indicator_id: str
    indicator: str
    place_id: str
    place: str
    status: Readiness
    status_text: str
    value: float | None
    value_text: str
    unit: str
    basis: str
    year: str
    source: str
    source_date: str


@dataclass(frozen=True)
class ReadinessView:
    summary: tuple[SummaryRow, ...]
    details: tuple[DetailRow, ...]
    totals: dict[Readiness, int]

    def totals_text(self, language: str | None = None) -> str:
        return text("readiness_totals", language, **{status.value: count for status, count in self.totals.items()})


def status_text(status: Readiness, language: str | None = None) -> str:
    return text(STATUS_KEYS[status], language)


def readiness_view(data: DashboardData, user: User | None, language: str | None = None) -> ReadinessView:
    """The readiness of every indicator, for staff only (``PermissionDenied`` for anyone else)."""
    require(user, Action.IMPORT_INDICATORS)
    localities = data.localities()
    names = {loc.id: loc.name for loc in localities}
    names[MUNICIPALITY_ID] = text("col_municipality", language)
    indicators = {ind.id: ind for ind in data.indicators()}
    # Every figure, examples included: data.observations would hide them when they are switched off.
    table = readiness(list(indicators.values()), data.store.observations(), [loc.id for loc in localities])
    summary, details = [], []
    for row in table:
        name = indicator_name(row.indicator, language)
        summary.append(SummaryRow(row.indicator.id, name, tuple(row.counts().values())))
        details.extend(_detail(cell, name, indicators[cell.indicator_id], names, language) for cell in row.cells)
    return ReadinessView(tuple(summary), tuple(details), totals(table))


def _detail(cell: ReadinessCell, name: str, indicator, names: dict[str, str], language: str | None) -> DetailRow:
    o = cell.observation
    return DetailRow(
        indicator_id=cell.indicator_id,
        indicator=name,
        place_id=cell.place_id,
        place=names.get(cell.place_id, cell.place_id),
        status=cell.status,
        status_text=status_text(cell.status, language),
        value=o.value if o else None,
        value_text=number(o.value, language) if o else "",
        unit=unit_of(indicator, language),
        basis=basis_label(o.basis, language) if o and o.basis else "",
        year=year(o, language) if o else "",
        source=source_of(o, language) if o else "",
        source_date=(o.source_date or "") if o else "",
    )


def readiness_workbook(view: ReadinessView, language: str | None = None) -> bytes:
    """The list as an Excel file: every indicator and place on one sheet, the counts on a second.

    Every text cell is a text cell (``excel_cell``), never a formula, whatever
    an imported source or indicator name starts with; values stay numbers.
    """
    book = Workbook(write_only=True)
    details = book.create_sheet(text("readiness_sheet_details", language))
    details.append([text(key, language) for key in DETAIL_COLUMNS])
    for row in view.details:
        details.append([excel_cell(details, cell) for cell in (
            row.indicator, row.place, row.status_text, row.value, row.unit, row.basis, row.year, row.source,
            row.source_date)])
    summary = book.create_sheet(text("readiness_sheet_summary", language))
    summary.append([text(key, language) for key in SUMMARY_COLUMNS])
    for row in view.summary:
        summary.append([excel_cell(summary, row.indicator), *row.counts])
    summary.append([excel_cell(summary, text("col_total", language)), *(view.totals[s] for s in READINESS_ORDER)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

