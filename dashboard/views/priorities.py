"""Each locality's priorities per SLUS area (issue 15): the map layer "Prioriterat område" and the
compare page's table of priorities side by side. Pure view models over the plans' priorities in force
(``indicators.plans.priorities``).

A priority is a category, not a number: the layer gets its own colours (one per step of the scale,
from the colour-blind-safe viridis ramp, "none set" in the map's no-data grey) and a legend with a
row per category. The group's "why" is people's text: it travels as data in the map's JSON island
and as Dash children, never as markup or template source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.components.colour_scale import NO_DATA_COLOUR
from dashboard.i18n.messages import indicator_name, text
from dashboard.server.language import current_language
from dashboard.views.public_names import PRIORITY_LAYER_PREFIX
from indicators.core.model import Direction, Indicator, Level
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.i18n.messages import t
from indicators.plans.priorities import PrioritiesInForce
from indicators.plans.records import Priority
from indicators.plans.rules import PRIORITY_KEYS

PRIORITY_COLOURS: dict[Priority | None, str] = {
    Priority.HIGH: "#414487",
    Priority.MEDIUM: "#22a884",
    Priority.LOW: "#7ad151",
    Priority.NOT_NOW: "#fde725",
    None: NO_DATA_COLOUR,
}
"""Darker is more prioritised; "not now" is a decision, so it has a colour of its own, not the grey."""

PRIORITY_ORDER: tuple[Priority | None, ...] = (Priority.HIGH, Priority.MEDIUM, Priority.LOW, Priority.NOT_NOW, None)


def is_priority_layer(layer: str | None) -> bool:
    return priority_area_of(layer) is not None


def priority_area_of(layer: str | None) -> str | None:
    """The SLUS area of a ``prioritet-<area>`` layer id, or None for any other layer."""
    if not layer or not layer.startswith(PRIORITY_LAYER_PREFIX):
        return None
    area = layer.removeprefix(PRIORITY_LAYER_PREFIX)
    return area if area in AREAS_BY_ID else None


def priority_layer_options(language: str | None = None) -> list[dict]:
    """One map layer per SLUS area: "Prioriterat område: Leva"."""
    return [
        {"label": text("layer_priority", language, area=area.short_name), "value": PRIORITY_LAYER_PREFIX + area.id}
        for area in DEVELOPMENT_AREAS
    ]


def priority_label(priority: Priority | None, language: str | None = None) -> str:
    """The priority in words ("Hög"), or "Ingen prioritet satt"."""
    if priority is None:
        return text("priority_none", language)
    words = t(PRIORITY_KEYS[priority]).render(language or current_language())
    return words[:1].upper() + words[1:]


def layer_year(year: str | None, today: date | None = None) -> int:
    """The year a priority layer shows: the chosen one, or for "latest" this year (the plans in force now)."""
    if year and year.isdigit():
        return int(year)
    return (today or date.today()).year


# ---------------------------------------------------------------- map layer


@dataclass(frozen=True)
class PriorityCell:
    """One locality's priority for one area: the category, the group's why and the plan's year."""

    locality_id: str
    priority: Priority | None
    why: str
    plan_year: int | None


@dataclass(frozen=True)
class PriorityLayer:
    """What the map draws for a ``prioritet-<area>`` layer and year."""

    layer: str
    area_id: str
    year: int
    indicator: Indicator
    """A stand-in indicator, so the map frame, titles and exports name the layer like any other."""
    cells: tuple[PriorityCell, ...]
    fills: dict[str, str]
    tooltips: dict[str, dict]
    legend: dict


def priority_indicator(area_id: str, language: str | None = None) -> Indicator:
    name = text("layer_priority", language, area=AREAS_BY_ID[area_id].short_name)
    return Indicator(
        id=PRIORITY_LAYER_PREFIX + area_id,
        name_sv=name,
        name_en=name,
        unit=text("priority_unit", language),
        area_id=area_id,
        direction=Direction.NEUTRAL,
        level=Level.LOCALITY,
        source=text("priority_legend_source", language),
        definition_sv="",
    )


def priority_layer(
    layer: str,
    year: int,
    in_force: Mapping[str, PrioritiesInForce],
    names: Mapping[str, str],
    language: str | None = None,
) -> PriorityLayer:
    """Fills, tooltips and a categorical legend for each locality's priority for the layer's area."""
    area = priority_area_of(layer)
    if area is None:
        raise ValueError(f"not a priority layer: {layer!r}")
    area_name = AREAS_BY_ID[area].short_name
    cells, fills, tooltips = [], {}, {}
    for locality_id, name in names.items():
        plan = in_force.get(locality_id)
        chosen = plan.of(area) if plan else None
        cell = PriorityCell(locality_id, chosen.priority if chosen else None, chosen.why if chosen else "",
                            plan.plan_year if plan else None)
        cells.append(cell)
        fills[locality_id] = PRIORITY_COLOURS[cell.priority]
        lines = [text("priority_tooltip_line", language, area=area_name, priority=priority_label(cell.priority, language))]
        if cell.why:
            lines.append(text("priority_tooltip_why", language, why=cell.why))
        if cell.plan_year is not None:
            lines.append(text("priority_from_plan", language, year=cell.plan_year))
        tooltips[locality_id] = {"title": name, "lines": lines}
    shown = {cell.priority for cell in cells}
    indicator = priority_indicator(area, language)
    legend = {
        "title": f"{indicator_name(indicator, language)}, {year}",
        "rows": [{"colour": PRIORITY_COLOURS[p], "label": priority_label(p, language)} for p in PRIORITY_ORDER if p in shown],
        "notes": [text("source_line", language, source=indicator.source)],
    }
    return PriorityLayer(layer, area, year, indicator, tuple(cells), fills, tooltips, legend)


# ---------------------------------------------------------------- compare page


@dataclass(frozen=True)
class PriorityRow:
    """One locality's row: its name, the plan year when older than the table's, a cell per area."""

    locality_id: str
    name: str
    plan_year: int | None
    older_plan: bool
    cells: tuple[PriorityCell, ...]


@dataclass(frozen=True)
class PriorityTable:
    """Localities × SLUS areas, each locality's priority in force in ``year``."""

    year: int
    area_ids: tuple[str, ...]
    rows: tuple[PriorityRow, ...]

    @property
    def empty(self) -> bool:
        """True when no locality has any plan up to the year (the page then says so)."""
        return all(row.plan_year is None for row in self.rows)


def priority_table(year: int, in_force: Mapping[str, PrioritiesInForce], names: Mapping[str, str]) -> PriorityTable:
    """The table for ``year``, localities in the order of ``names``, areas in the SLUS order."""
    area_ids = tuple(area.id for area in DEVELOPMENT_AREAS)
    rows = []
    for locality_id, name in names.items():
        plan = in_force.get(locality_id)
        cells = []
        for area in area_ids:
            chosen = plan.of(area) if plan else None
            cells.append(PriorityCell(locality_id, chosen.priority if chosen else None, chosen.why if chosen else "",
                                      plan.plan_year if plan else None))
        plan_year = plan.plan_year if plan else None
        rows.append(PriorityRow(locality_id, name, plan_year, plan_year is not None and plan_year < year, tuple(cells)))
    return PriorityTable(year, area_ids, tuple(rows))
