"""The one set of rules every observation passes, whichever format it came in.

CSV, Excel and Kolada readers only find the cells of a row; this module decides
whether they make an observation: known indicator and place (a locality only
for an indicator measured per locality), a year that is not
in the future, a number inside its unit's range, the unit the catalogue says,
a source, and no second row for the same key. Keeping this in one place is what
makes "wrong units" mean the same thing in a CSV file and a Kolada download.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from indicators.core import errors
from indicators.core.catalogue import Catalogue
from indicators.core.errors import Problem
from indicators.core.model import (
    MUNICIPALITY_ID,
    REFERENCE_PLACE_IDS,
    SWEDEN_ID,
    Level,
    Observation,
)
from indicators.core.units import UNITS_BY_SYMBOL, Unit, find_unit, same_unit
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing, Text
from indicators.observations import cells
from indicators.observations.cells import Cell, CellError
from indicators.observations.tables import did_you_mean

EARLIEST_YEAR = 1800
"""No statistics the dashboard compares go further back; older years are typos."""

FIELDS: tuple[str, ...] = (
    "indicator_id",
    "locality_id",
    "year",
    "value",
    "source",
    "basis",
    "source_date",
    "unit",
)
"""The logical fields of an observation row, named as the CSV and Excel columns are."""

_MAX_LISTED_IDS = 12
_Key = tuple[str, str, int | None, str]


class ObservationRows:
    """Checks the rows of one file in order, remembering keys to catch duplicates.

    Problems are appended to the caller's list so a reader can interleave its
    own (an unreadable CSV line, a wrongly shaped JSON entry) in file order.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        problems: list[Problem],
        file_name: str,
        *,
        sheet: str | None = None,
        row_label: str = errors.ROW,
        example: bool = False,
    ) -> None:
        self._catalogue = catalogue
        self._problems = problems
        self._file = file_name
        self._sheet = sheet
        self._row_label = row_label
        self._example = example
        self._places = {place: place for place in catalogue.place_ids}
        self._units = {ind.id: _unit_of(ind.unit) for ind in catalogue.indicators.values()}
        # Equal strings from different rows share one object: a million rows
        # would otherwise hold a million copies of the same source text.
        self._texts: dict[str, str] = {}
        self._seen: dict[_Key, tuple[int, str | None]] = {}
        self._default_fields = {name: name for name in FIELDS}

    def check(
        self,
        row: int,
        indicator_id: Cell,
        place_id: Cell,
        year: Cell,
        value: Cell,
        source: Cell,
        basis: Cell = None,
        source_date: Cell = None,
        unit: Cell = None,
        *,
        fields: Mapping[str, str] | None = None,
    ) -> Observation | None:
        """The row's observation, or None after recording why it cannot be one.

        ``fields`` names the logical fields as the file does (Kolada: a JSON
        path such as ``values[3].period``); by default the column names. Its
        optional ``entry`` names the whole row, for a duplicate.
        """
        names = fields if fields is not None else self._default_fields
        before = len(self._problems)

        indicator = self._catalogue.indicators.get(cells.text(indicator_id))
        if indicator is None:
            written = cells.text(indicator_id)
            self._add(
                row,
                names["indicator_id"],
                t("unknown_indicator", value=written, hint=valid_ids_hint(written, self._catalogue.indicators))
                if written
                else t("indicator_missing"),
            )
        place = self._places.get(cells.text(place_id))
        if place is None:
            written = cells.text(place_id)
            self._add(
                row,
                names["locality_id"],
                t("unknown_locality", value=written, hint=valid_ids_hint(written, self._places))
                if written
                else t("locality_missing"),
            )
        elif (
            indicator is not None
            and indicator.level is Level.MUNICIPALITY
            and place not in REFERENCE_PLACE_IDS
        ):
            self._add(
                row,
                names["locality_id"],
                t("municipality_only", indicator=indicator.id, municipality=MUNICIPALITY_ID, sweden=SWEDEN_ID),
            )
        the_year = self.year(row, names["year"], year)
        the_value = self._value(row, names["value"], value)
        if indicator is not None:
            unit_ok = self._unit_column(row, names["unit"], unit, indicator.unit)
            if unit_ok and the_value is not None:
                allowed = self._units[indicator.id]
                message = allowed.problem(the_value) if allowed is not None else None
                if message is not None:
                    self._add(row, names["value"], message)
        the_source = self._intern(cells.text(source))
        if not the_source:
            self._add(row, names["source"], t("source_missing"))
        the_basis = self._intern(cells.text(basis))
        the_date = cells.date_text(source_date)

        if len(self._problems) > before:
            return None
        assert indicator is not None and place is not None  # a problem was recorded otherwise
        key = (indicator.id, place, the_year, the_basis)
        entry = names.get("entry")
        first = self._seen.get(key)
        if first is not None:
            first_row, first_entry = first
            label = t(self._row_label)
            self._add(
                row,
                entry,
                t("duplicate_observation_entry", label=label, row=first_row, entry=first_entry)
                if first_entry
                else t("duplicate_observation", label=label, row=first_row),
            )
            return None
        self._seen[key] = (row, entry)
        return Observation(
            indicator_id=indicator.id,
            place_id=place,
            year=the_year,
            value=the_value,
            source=the_source,
            basis=the_basis,
            source_date=the_date,
            example=self._example,
        )

    def problem(self, row: int | None, field: str | None, message: Text) -> None:
        """Record a problem a reader found itself, located like the checker's own."""
        self._add(row, field, message)

    # ------------------------------------------------------------------ helpers

    def _add(self, row: int | None, field: str | None, message: Text) -> None:
        self._problems.append(
            Problem(self._file, message, row, field, self._sheet, self._row_label)
        )

    def _intern(self, value: str) -> str:
        return self._texts.setdefault(value, value)

    def year(self, row: int, field: str, cell: Cell) -> int | None:
        """The cell as a year no earlier than 1800 and not in the future; problems recorded."""
        try:
            year = cells.year(cell)
        except CellError as error:
            self._add(row, field, error.message)
            return None
        if year is None:
            return None  # an undated figure, e.g. "about 500" from a parish page
        if year < EARLIEST_YEAR:
            self._add(row, field, t("year_too_early", year=year, earliest=EARLIEST_YEAR))
        elif year > self._catalogue.current_year:
            self._add(row, field, t("year_in_future", year=year, latest=self._catalogue.current_year))
        return year

    def _value(self, row: int, field: str, cell: Cell) -> float | None:
        try:
            return cells.number(cell)
        except CellError as error:
            self._add(row, field, error.message)
            return None

    def _unit_column(self, row: int, field: str, cell: Cell, expected: str) -> bool:
        """A file may say which unit its figures are in; it must be the catalogue's."""
        written = cells.text(cell)
        if not written or same_unit(written, expected):
            return True
        self._add(row, field, t("wrong_unit", written=written, expected=expected))
        return False


def _unit_of(symbol: str) -> Unit | None:
    """The catalogue's unit; an indicator saved outside the import has no range to check."""
    return UNITS_BY_SYMBOL.get(symbol) or find_unit(symbol)


def valid_ids_hint(value: str, known: Collection[str]) -> Text:
    """A hint naming a few valid ids, the likeliest intended one first (the ``hint`` of a message)."""
    ordered: Sequence[str] = sorted(known)
    hint = did_you_mean(value.lower(), ordered)
    shown = ordered[:_MAX_LISTED_IDS]
    if len(ordered) > len(shown):
        return t("valid_ids_among", hint=hint, ids=Listing(shown))
    return t("valid_ids", hint=hint, ids=Listing(shown))
