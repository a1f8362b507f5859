"""Kolada JSON files: the municipality's and Sweden's values, as staff download them.

Accepted: one API response of version 3 (``{"values": [...], "count",
"next_url"}``) or version 2 (``is_deleted``, ``next_page``), or a JSON array of
such responses (the pages of one download). Each entry of ``values`` is
``{"kpi", "municipality", "period", "values": [{"gender", "value", "count",
"status", "isdeleted"}]}``.

Rules, so a Kolada figure means the same as a staff one: the KPI must be in the
catalogue (``kolada_kpi``); municipality 0884 is the place ``kommun`` and 0000
is ``riket``; only the total (gender ``T``) is read; a null value is missing,
never 0; deleted entries are skipped; the period is the year. Everything else
goes through the same row rules as CSV and Excel (future year, unit range,
duplicates). Problems name the entry (1-based, as a record: "post 3") and the JSON path.

Whatever the file holds is refused in words, never with a traceback: JSON
nested deeper than Python's parser goes, integers too long to be a number
(over 308 digits, beyond float range; Python itself refuses over 4,300),
``NaN``/``Infinity``/``1e400`` (not finite), and any value of the wrong type
anywhere. More entries than the row limit (``indicators.observations.limits``) are refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from indicators.core import errors
from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError, Problem
from indicators.core.model import MUNICIPALITY_ID, SWEDEN_ID, Observation
from indicators.i18n.messages import t
from indicators.i18n.texts import Text
from indicators.observations.limits import (
    ImportLimits,
    ProblemList,
    resolve_limits,
    too_many_rows,
)
from indicators.observations.rows import ObservationRows
from indicators.observations.tables import Progress

MUNICIPALITY_CODES: Mapping[str, str] = {"0884": MUNICIPALITY_ID, "0000": SWEDEN_ID}
"""Kolada's municipality ids the dashboard knows: Vimmerby and Sweden as a whole."""
TOTAL = "T"
"""Kolada's gender code for everyone; K and M (women, men) are not compared here."""
ROW_LABEL = errors.RECORD
MAX_INTEGER_DIGITS = 308
"""Longer integers are beyond float range (about 1.8e308) and cannot be a value or a year."""


@dataclass(frozen=True)
class HugeInteger:
    """Stands in for an integer in the JSON too long to be a value; refused where it is met."""

    digits: int


def _integer(raw: str) -> int | HugeInteger:
    """``parse_int`` for json: the length is checked before Python converts (and refuses) it."""
    digits = len(raw.lstrip("-"))
    return HugeInteger(digits) if digits > MAX_INTEGER_DIGITS else int(raw)


def source_text(kpi: str) -> str:
    """``Kolada (KPI N01951)``: the source every imported Kolada figure carries."""
    return f"Kolada (KPI {kpi})"


def parse_kolada_text(
    text: str,
    *,
    catalogue: Catalogue,
    file_name: str,
    progress: Progress | None = None,
    limits: ImportLimits | None = None,
) -> list[Observation]:
    """The pure core: JSON text in, observations out."""
    try:
        document = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem(
                    file_name,
                    t("kolada_invalid_json", reason=error.msg, column=error.colno),
                    row=error.lineno,
                )
            ]
        ) from error
    except RecursionError as error:
        raise InputError([Problem(file_name, t("kolada_too_deep", reason=str(error)))]) from error
    except ValueError as error:  # a number Python's parser refuses beyond JSONDecodeError
        raise InputError(
            [Problem(file_name, t("kolada_unreadable_number", reason=str(error)[:160]))]
        ) from error
    return kolada_observations(
        document, catalogue=catalogue, file_name=file_name, progress=progress, limits=limits
    )


def kolada_observations(
    document: Any,
    *,
    catalogue: Catalogue,
    file_name: str,
    progress: Progress | None = None,
    limits: ImportLimits | None = None,
) -> list[Observation]:
    """Observations from parsed Kolada JSON (one response or a list of pages).

    Raises InputError listing every problem, or at once when the entries pass
    the row limit.
    """
    bounds = resolve_limits(limits)
    problems: list[Problem] = ProblemList(file_name, bounds.max_problems)
    checker = ObservationRows(catalogue, problems, file_name, row_label=ROW_LABEL)
    reader = _Reader(catalogue, checker, bounds, problems, file_name)
    if isinstance(document, dict):
        pages = [("", document)]
    elif isinstance(document, list) and document:
        pages = [(f"[{index}].", page) for index, page in enumerate(document)]
    else:
        checker.problem(None, "$", t("kolada_not_a_response"))
        pages = []
    for prefix, page in pages:
        reader.page(prefix, page)
    if progress is not None:
        progress(reader.entries, reader.entries)
    if problems:
        raise InputError(problems)
    return reader.observations


class _Reader:
    """Walks the pages, checking shape here and meaning in ``ObservationRows``."""

    def __init__(
        self,
        catalogue: Catalogue,
        checker: ObservationRows,
        bounds: ImportLimits,
        problems: list[Problem],
        file_name: str,
    ) -> None:
        self._by_kpi = catalogue.by_kpi
        self._file_name = file_name
        self._checker = checker
        self._bounds = bounds
        self._problems = problems
        self.observations: list[Observation] = []
        self.entries = 0

    def page(self, prefix: str, page: Any) -> None:
        if not isinstance(page, dict):
            self._shape(None, prefix.rstrip(".") or "$", t("kolada_page_not_object"))
            return
        values = page.get("values")
        if not isinstance(values, list):
            message = t("kolada_values_missing") if values is None else t("kolada_values_not_list")
            self._shape(None, f"{prefix}values", message)
            return
        for index, entry in enumerate(values):
            self.entries += 1
            if self.entries > self._bounds.max_rows:
                problem = too_many_rows(self._file_name, index + 1, self._bounds)
                located = replace(problem, row_label=ROW_LABEL, field=f"{prefix}values[{index}]")
                raise InputError([*self._problems, located])
            self._entry(index + 1, f"{prefix}values[{index}]", entry)

    def _entry(self, row: int, path: str, entry: Any) -> None:
        if not isinstance(entry, dict):
            self._shape(row, path, t("kolada_entry_not_object"))
            return
        if _deleted(entry):
            return
        kpi = self._text(row, path, entry, "kpi")
        indicator = self._by_kpi.get(kpi) if kpi is not None else None
        if kpi is not None and indicator is None:
            self._shape(row, f"{path}.kpi", t("kolada_unknown_kpi", kpi=kpi))
        code = self._text(row, path, entry, "municipality")
        place = MUNICIPALITY_CODES.get(code) if code is not None else None
        if code is not None and place is None:
            self._shape(row, f"{path}.municipality", t("kolada_unknown_municipality", code=code))
        period = entry.get("period")
        if not _is_period(period):
            self._shape(row, f"{path}.period", t("kolada_period"))
            period = None
        elif indicator is None or place is None:
            # The row cannot become an observation, but its year is still worth checking.
            self._checker.year(row, f"{path}.period", period)
        total = self._total(row, path, entry.get("values"))
        if indicator is None or place is None or period is None or total is None:
            return
        value_path, value = total
        if value_path is None:
            return  # no total for this entry (only women and men): nothing to read
        observation = self._checker.check(
            row,
            indicator.id,
            place,
            period,
            value,
            source_text(indicator.kolada_kpi or ""),
            fields={
                "indicator_id": f"{path}.kpi",
                "locality_id": f"{path}.municipality",
                "year": f"{path}.period",
                "value": value_path,
                "source": f"{path}.kpi",
                "basis": path,
                "source_date": path,
                "unit": path,
                "entry": path,
            },
        )
        if observation is not None:
            self.observations.append(observation)

    def _total(
        self, row: int, path: str, values: Any
    ) -> tuple[str | None, float | None] | None:
        """(path, value) of the one total; (None, None) when there is none; None after a problem."""
        if not isinstance(values, list):
            self._shape(row, f"{path}.values", t("kolada_values_per_gender"))
            return None
        found: list[tuple[str, float | None]] = []
        broken = False
        for index, item in enumerate(values):
            item_path = f"{path}.values[{index}]"
            if not isinstance(item, dict):
                self._shape(row, item_path, t("kolada_value_not_object"))
                broken = True
                continue
            gender = item.get("gender")
            if not isinstance(gender, str):
                self._shape(row, f"{item_path}.gender", t("kolada_gender"))
                broken = True
                continue
            if gender != TOTAL or _deleted(item):
                continue
            value = item.get("value")
            if isinstance(value, HugeInteger):
                self._shape(row, f"{item_path}.value", t("kolada_number_too_long", digits=value.digits))
                broken = True
                continue
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
                self._shape(row, f"{item_path}.value", t("kolada_value_not_number"))
                broken = True
                continue
            if isinstance(value, int) and abs(value) >= 10**MAX_INTEGER_DIGITS:
                # only from a document parsed elsewhere: parse_kolada_text stops these earlier
                digits = int(value.bit_length() * 0.30103) + 1  # str() fails over 4,300 digits
                self._shape(row, f"{item_path}.value", t("kolada_number_too_long", digits=digits))
                broken = True
                continue
            found.append((f"{item_path}.value", None if value is None else float(value)))
        if len(found) > 1:
            self._shape(row, f"{path}.values", t("kolada_several_totals", count=len(found)))
            return None
        if broken:
            return None
        return found[0] if found else (None, None)

    def _text(self, row: int, path: str, entry: dict[str, Any], key: str) -> str | None:
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self._shape(row, f"{path}.{key}", t("kolada_not_text"))
        return None

    def _shape(self, row: int | None, path: str, message: Text) -> None:
        self._checker.problem(row, path, message)


def _is_period(period: Any) -> bool:
    """A year as Kolada writes it: a whole number, or its digits as text."""
    if isinstance(period, bool):
        return False
    if isinstance(period, int):
        return True
    return isinstance(period, str) and period.strip().isascii() and period.strip().isdigit()


def _deleted(item: dict[str, Any]) -> bool:
    """Version 3 says ``isdeleted``, version 2 ``is_deleted``."""
    return item.get("isdeleted") is True or item.get("is_deleted") is True
