"""The indicator catalogue from a table (CSV or Excel): one indicator per row.

Columns: ``id, name_sv, name_en, unit, area_id, direction, level, source,
definition_sv`` (required) and ``kolada_kpi, per_1000`` (optional). Every value
is checked against a closed vocabulary (units, the six SLUS areas, directions,
levels) because a typo in the catalogue would quietly change how every figure
of that indicator is scored. The bundled catalogue is read through this module
too, so it meets the same rules as a staff file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from indicators.core.errors import InputError, Problem
from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.core.slus import AREAS_BY_ID
from indicators.core.units import find_unit, known_units
from indicators.i18n.messages import t
from indicators.i18n.texts import Listing, Text
from indicators.observations import cells
from indicators.observations.cells import Cell, CellError
from indicators.observations.tables import Table, did_you_mean, map_header

REQUIRED_COLUMNS: tuple[str, ...] = (
    "id",
    "name_sv",
    "name_en",
    "unit",
    "area_id",
    "direction",
    "level",
    "source",
    "definition_sv",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("kolada_kpi", "per_1000")
ALL_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_KPI = re.compile(r"[NU]\d{5}")
_MAX_NAME = 200
_DIRECTIONS = tuple(d.value for d in Direction)
_LEVELS = tuple(level.value for level in Level)


@dataclass(frozen=True)
class CatalogueFile:
    """The indicators of a file in file order, with where each came from (for messages)."""

    indicators: list[Indicator]
    file_name: str = ""
    sheet: str | None = None
    rows: Mapping[str, int] = field(default_factory=dict)

    def problem(self, indicator_id: str, column: str, message: Text) -> Problem:
        """A problem located at the row the indicator came from."""
        return Problem(self.file_name, message, self.rows.get(indicator_id), column, self.sheet)


def catalogue_from_table(table: Table) -> CatalogueFile:
    """Every row's indicator, or InputError listing every problem in the table."""
    columns = map_header(table, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if columns is None:
        raise InputError(table.problems)
    positions = [columns.get(name, -1) for name in ALL_COLUMNS]
    indicators: list[Indicator] = []
    rows: dict[str, int] = {}
    kpis: dict[str, int] = {}
    for row, line in table.rows:
        values = dict(
            zip(
                ALL_COLUMNS,
                (line[i] if 0 <= i < len(line) else None for i in positions),
                strict=True,
            )
        )
        indicator = _indicator(table, row, values)
        if indicator is None:
            continue
        if indicator.id in rows:
            table.problems.append(
                table.problem(t("duplicate_id", row=rows[indicator.id]), row, "id")
            )
            continue
        if indicator.kolada_kpi and indicator.kolada_kpi in kpis:
            table.problems.append(
                table.problem(
                    t("duplicate_kpi", row=kpis[indicator.kolada_kpi]),
                    row,
                    "kolada_kpi",
                )
            )
            continue
        rows[indicator.id] = row
        if indicator.kolada_kpi:
            kpis[indicator.kolada_kpi] = row
        indicators.append(indicator)
    if table.problems:
        raise InputError(table.problems)
    return CatalogueFile(indicators, table.file_name, table.sheet, rows)


def conflicts_with_stored(
    new: CatalogueFile,
    stored: Iterable[Indicator],
    observations: Mapping[str, Sequence[Observation]],
) -> list[Problem]:
    """What the database already holds that the new catalogue would contradict.

    A Kolada KPI already tied to another indicator would make Kolada rows
    ambiguous; a new unit must still fit every stored value of the indicator
    (``observations`` holds them for the indicators whose unit changes).
    """
    problems: list[Problem] = []
    incoming = {ind.id for ind in new.indicators}
    kpi_owner = {
        ind.kolada_kpi: ind.id for ind in stored if ind.kolada_kpi and ind.id not in incoming
    }
    for indicator in new.indicators:
        owner = kpi_owner.get(indicator.kolada_kpi or "")
        if owner is not None:
            problems.append(
                new.problem(
                    indicator.id,
                    "kolada_kpi",
                    t("kpi_taken", kpi=indicator.kolada_kpi, owner=owner),
                )
            )
        unit = find_unit(indicator.unit)
        outside = [
            obs
            for obs in observations.get(indicator.id, ())
            if obs.value is not None and unit is not None and unit.problem(obs.value)
        ]
        if outside and unit is not None:
            first = outside[0]
            example = unit.problem(first.value)  # type: ignore[arg-type]
            problems.append(
                new.problem(
                    indicator.id,
                    "unit",
                    t(
                        "stored_values_outside_unit",
                        count=len(outside),
                        unit=indicator.unit,
                        place=first.place_id,
                        year=first.year or t("undated"),
                        example=example,
                    ),
                )
            )
    return problems


def changed_units(new: Iterable[Indicator], stored: Iterable[Indicator]) -> list[str]:
    """Ids of indicators whose unit the new catalogue changes."""
    before = {ind.id: ind.unit for ind in stored}
    return [ind.id for ind in new if ind.id in before and before[ind.id] != ind.unit]


def _indicator(table: Table, row: int, values: dict[str, Cell]) -> Indicator | None:
    before = len(table.problems)

    def problem(column: str, message: Text) -> None:
        table.problems.append(table.problem(message, row, column))

    identifier = cells.text(values["id"])
    if not identifier:
        problem("id", t("id_missing"))
    elif not _ID.fullmatch(identifier):
        problem("id", t("bad_id", id=identifier))
    texts = {}
    for column in ("name_sv", "name_en", "source", "definition_sv"):
        texts[column] = cells.text(values[column])
        if not texts[column]:
            problem(column, t("must_not_be_empty"))
        elif column.startswith("name") and len(texts[column]) > _MAX_NAME:
            problem(column, t("name_too_long", limit=_MAX_NAME))
    written_unit = cells.text(values["unit"])
    unit = find_unit(written_unit)
    if unit is None:
        problem(
            "unit",
            t("unknown_unit", unit=written_unit, units=known_units())
            if written_unit
            else t("unit_missing", units=known_units()),
        )
    area_id = cells.text(values["area_id"]).lower()
    if area_id not in AREAS_BY_ID:
        problem(
            "area_id",
            t(
                "unknown_area_listed",
                area=cells.text(values["area_id"]),
                hint=did_you_mean(area_id, tuple(AREAS_BY_ID)),
                areas=Listing(tuple(AREAS_BY_ID)),
            ),
        )
    direction = _choice(values["direction"], _DIRECTIONS, "direction", problem)
    level = _choice(values["level"], _LEVELS, "level", problem)
    kpi = cells.text(values["kolada_kpi"]).upper() or None
    if kpi is not None and not _KPI.fullmatch(kpi):
        problem("kolada_kpi", t("bad_kpi", kpi=kpi))
    try:
        per_1000 = cells.boolean(values["per_1000"], empty=False)
    except CellError as error:
        problem("per_1000", error.message)
        per_1000 = False
    if per_1000 and unit is not None and not unit.countable:
        problem("per_1000", t("per_1000_not_countable", unit=unit.symbol))
    if len(table.problems) > before:
        return None
    assert unit is not None and direction is not None and level is not None
    return Indicator(
        id=identifier,
        name_sv=texts["name_sv"],
        name_en=texts["name_en"],
        unit=unit.symbol,
        area_id=area_id,
        direction=Direction(direction),
        level=Level(level),
        source=texts["source"],
        definition_sv=texts["definition_sv"],
        kolada_kpi=kpi,
        per_1000=per_1000,
    )


def _choice(
    cell: Cell, allowed: tuple[str, ...], column: str, problem: Callable[[str, Text], None]
) -> str | None:
    value = cells.text(cell).lower()
    if value in allowed:
        return value
    written = cells.text(cell)
    hint, choices = did_you_mean(value, allowed), _alternatives(allowed)
    problem(
        column,
        t("choice_not_allowed", value=written, hint=hint, choices=choices)
        if written
        else t("choice_missing", hint=hint, choices=choices),
    )
    return None


def _alternatives(allowed: Sequence[str]) -> Text | str:
    """``higher eller lower eller neutral`` (``… or …`` in English), as one message."""
    joined: Text | str = allowed[0]
    for choice in allowed[1:]:
        joined = t("or", first=joined, second=choice)
    return joined
