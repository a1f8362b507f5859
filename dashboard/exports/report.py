"""Print-ready reports, one per locality and one for the whole municipality, as one HTML file each.

The HTML carries its own CSS (with ``@media print`` and page breaks) and its
figures as inline SVG drawn from the numbers (``dashboard.exports.svg``), so
it opens and prints with no network and no server, and ``report_pdf`` can
print it to PDF with a headless Chromium. Every figure states its source and
year, and figures that are bundled example data say "Exempeldata". Text
people typed (initiative titles, descriptions, group notes) is escaped.

The documents are the Jinja2 templates ``report_locality.html`` and
``report_municipality.html`` (sharing ``report_base.html`` and
``report_parts.html``, rendered by ``dashboard.server.templating``). This module only
gathers what they show: plain strings, numbers and :class:`Cell`/:class:`Table`
records, all escaped by the template. The one exception is the inline SVG,
wrapped in ``Markup`` by :func:`_svg` alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from dashboard.data import DashboardData
from dashboard.exports.svg import bar_chart_svg, line_chart_svg, map_svg
from dashboard.exports.texts import long_date
from dashboard.i18n.messages import (
    area_title,
    basis_label,
    indicator_name,
    kind_label,
    source_of,
    status_label,
    text,
    unit_heading,
)
from dashboard.server.language import current_language
from dashboard.server.templating import render
from dashboard.views.formatting import number, with_unit
from dashboard.views.provenance import Kind, provenance_note, score_line, star_note, starred
from dashboard.views.url_state import parse_weights
from indicators.core.model import (
    MUNICIPALITY_ID,
    SWEDEN_ID,
    DevelopmentArea,
    Indicator,
    Locality,
    Observation,
)
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)
from indicators.i18n.texts import N_
from indicators.metrics.headline import Headline, headline_for
from indicators.metrics.latest import latest
from indicators.metrics.per_capita import POPULATION_INDICATOR_ID
from indicators.metrics.provenance import provenance, ranking_provenance
from indicators.metrics.scores import ScoreTable
from indicators.metrics.summary import locality_summary


@dataclass(frozen=True)
class Cell:
    """One table cell: text (escaped by the template), optionally bold, a second line, the example badge."""

    text: str = ""
    num: bool = False
    strong: bool = False
    detail: str = ""
    badge: bool = False


@dataclass(frozen=True)
class Table:
    """A table's column headings and rows of cells."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)


def _svg(fragment: str) -> Markup:
    """The one place a figure from ``dashboard.exports.svg`` becomes markup for a template.

    Safe because svg.py builds it from numbers and our own colours and escapes every
    label it writes (locality names, titles, initiative titles in the map's markers).
    """
    return Markup(fragment)


class _Report:
    """Collects sources and whether example data was shown while sections are gathered."""

    def __init__(self, data: DashboardData, year: int | None, today: date | None) -> None:
        self.data = data
        self.year = year
        self.today = today or date.today()
        self.sources: set[str] = set()
        self.example = False
        self.names = data.names()
        self.indicators = data.indicators()

    # -- cells -----------------------------------------------------------------
    def badge(self) -> bool:
        """Show the example badge here (and the example notice at the top)."""
        self.example = True
        return True

    def figure(self, obs: Observation | None, indicator: Indicator | None, *, with_year: bool = True) -> Cell:
        """A value with unit and year, a badge for example data; its source is recorded."""
        if obs is None or obs.value is None or indicator is None:
            return Cell(text("missing"), num=True)
        self.sources.add(source_of(obs))
        year_text = f" ({obs.year if obs.year is not None else text('undated')})" if with_year else ""
        return Cell(with_unit(obs.value, indicator) + year_text, num=True, badge=obs.example and self.badge())

    def source_line(self, sources: Iterable[str]) -> str:
        listed = sorted({s for s in sources if s})
        self.sources.update(listed)
        return text("source_line", source="; ".join(listed) or text("unknown"))

    def groups_source_line(self) -> str:
        self.sources.add(text("report_source_groups"))
        return text("source_line", source=text("report_source_groups"))

    # -- pieces -----------------------------------------------------------------
    def year_text(self) -> str:
        return str(self.year) if self.year is not None else text("report_year_latest")

    def observations_in_year(self, observations: Sequence[Observation]) -> list[Observation]:
        if self.year is None:
            return list(observations)
        return [o for o in observations if o.year == self.year]

    def has_data(self) -> bool:
        """Whether the chosen year has any figure at all (the latest always has, if anything does)."""
        if self.year is None:
            return True
        return bool(self.data.observations(year=self.year)) or self.year in self.data.score_years()

    def score_table(self) -> ScoreTable | None:
        years = self.data.score_years()
        chosen = self.year if self.year is not None else (max(years) if years else None)
        if chosen is None or chosen not in years:
            return None
        return self.data.score_table(chosen, parse_weights(None))

    def map_section(self, highlight: str | None, initiatives: Sequence[Initiative]) -> dict[str, Any]:
        layers = self.data.layers()
        markers = [(i.lat, i.lon, i.title) for i in initiatives if i.lat is not None and i.lon is not None]
        svg = map_svg(layers.boundary, layers.areas, layers.points, layers.bounds,
                      title=text("report_map_alt"), highlight=highlight, markers=markers)
        return {"heading": text("report_map_heading"), "svg": _svg(svg), "source": text("footer_sources")}

    def population_chart(self, name: str, observations: Sequence[Observation]) -> Markup:
        series: dict[str, list[tuple[int, float]]] = {}
        for o in observations:
            if o.year is not None and o.value is not None:
                series.setdefault(basis_label(o.basis), []).append((o.year, o.value))
        indicator = self.data.store.indicator(POPULATION_INDICATOR_ID)
        return _svg(line_chart_svg(series, title=text("report_population_chart", name=name),
                                   unit=unit_heading(indicator) if indicator else ""))

    def population_table(self, observations: Sequence[Observation]) -> Table:
        indicator = self.data.store.indicator(POPULATION_INDICATOR_ID)
        rows = [
            [Cell(str(o.year) if o.year is not None else text("undated")),
             self.figure(o, indicator, with_year=False), Cell(basis_label(o.basis)), Cell(source_of(o))]
            for o in sorted(observations, key=lambda o: (o.year is None, o.year or 0, o.basis))
            if o.value is not None
        ]
        return _table((N_("col_year"), N_("col_value"), N_("col_basis"), N_("col_source")), rows)

    def initiatives_block(self, initiatives: Sequence[Initiative], with_locality: bool) -> dict[str, Any]:
        block: dict[str, Any] = {"heading": text("report_initiatives_heading"), "table": None, "source": "",
                                 "empty": text("report_initiatives_none")}
        if not initiatives:
            return block
        rows = []
        for i in initiatives:
            areas = ", ".join(AREAS_BY_ID[a].short_name for a in i.areas if a in AREAS_BY_ID)
            period = "–".join(str(d) for d in (i.start, i.end) if d) if (i.start or i.end) else ""
            rows.append(
                ([Cell(self.names.get(i.locality_id, i.locality_id))] if with_locality else [])
                + [Cell(i.title, strong=True, detail=i.description or ""),
                   Cell(status_label(i.status)), Cell(areas), Cell(period),
                   Cell("" if i.progress is None else f"{i.progress} %", num=True)])
        headers = (("col_locality",) if with_locality else ()) + (
            N_("report_col_title"), N_("col_status"), N_("col_areas"), N_("col_period"), N_("report_col_progress"))
        block.update(table=_table(headers, rows), source=self.groups_source_line())
        return block

    def activity_period(self) -> tuple[date | None, date | None]:
        if self.year is None:
            return None, None
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def area_block(self, area: DevelopmentArea, table: Table | None, source: str = "") -> dict[str, Any]:
        return {"colour": area.colour, "title": area_title(area), "table": table, "source": source,
                "empty": text("area_empty")}

    def render(self, template: str, title: str, highlight: str | None, markers: Sequence[Initiative],
               **sections: Any) -> str:
        """The document: the sections gathered, then what they showed (sources, example notice)."""
        return render(
            template, lang=current_language(), title=title,
            exported=text("report_exported", date=long_date(self.today), year=self.year_text()),
            no_data="" if self.has_data() else text("report_no_data_year", year=self.year),
            map=self.map_section(highlight, markers),
            badge={"label": text("example_badge"), "note": text("report_example_note")},
            sources_heading=text("report_sources_heading"), **sections,
            # Last: the sections above have recorded their sources and any example data by now.
            example=self.example, sources=sorted(self.sources),
        )


def _table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Table:
    """A table whose headings are catalogue keys."""
    return Table([text(h) for h in headers], rows)


def locality_report_html(data: DashboardData, locality_id: str, year: int | None = None, *,
                         today: date | None = None) -> str:
    """Everything about one locality, ready to print: map, population, indicators, scores, group work."""
    locality = data.store.locality(locality_id)
    if locality is None:
        known = ", ".join(sorted(data.locality_ids()))
        raise ValueError(text("report_unknown_locality", id=locality_id, known=known))
    r = _Report(data, year, today)
    since, until = r.activity_period()
    initiatives = data.gw.initiatives(locality_ids=[locality.id], year=year)

    group = data.store.group(locality.id)
    population = [o for o in data.observations(POPULATION_INDICATOR_ID, [locality.id]) if o.value is not None]

    # Indicators per SLUS area, with the municipality and Sweden as references
    observations = r.observations_in_year(
        data.observations(place_ids=[locality.id, MUNICIPALITY_ID, SWEDEN_ID]))
    areas = []
    headlines = _headlines(data, locality.id, r.indicators, year)  # the map's figure, as in the panel
    for summary in locality_summary(locality.id, r.indicators, observations, headlines):
        if not summary.lines:
            areas.append(r.area_block(summary.area, None))
            continue
        rows = [[Cell(indicator_name(line.indicator)), r.figure(line.locality, line.indicator),
                 r.figure(line.municipality, line.indicator), r.figure(line.sweden, line.indicator)]
                for line in summary.lines]
        table = _table(("col_indicator", "col_locality", "col_municipality", "col_sweden"), rows)
        areas.append(r.area_block(summary.area, table, r.source_line(
            o.source for line in summary.lines for o in (line.locality, line.municipality, line.sweden)
            if o is not None)))

    return r.render(
        "report_locality.html", text("report_title_locality", name=locality.name), locality.id, initiatives,
        group={"heading": text("report_group_heading"), "name": group.name if group else "",
               "note": (group.note or "") if group else "", "empty": text("report_no_group")},
        population={"heading": text("report_population_heading"),
                    "chart": r.population_chart(locality.name, population) if population else None,
                    "table": r.population_table(population) if population else None,
                    "empty": text("population_empty")},
        indicators={"heading": text("report_indicators_heading"), "areas": areas},
        scores=_scores_for_locality(r, r.score_table(), locality.id),
        activity=_activity_summary(r, data.gw.activities(locality_ids=[locality.id], since=since, until=until)),
        initiatives=r.initiatives_block(initiatives, False),
    )


def _headlines(data: DashboardData, locality_id: str, indicators: Sequence[Indicator],
               year: int | None) -> dict[str, Headline]:
    """The locality's figure per indicator as the map shows it for ``year`` (latest when None)."""
    if year is None:
        found = {ind.id: data.headlines(ind.id).get(locality_id) for ind in indicators}
    else:
        places = [loc.id for loc in data.localities()]
        found = {ind.id: headline_for(data.layer_observations(ind.id), places, locality_id, year)
                 for ind in indicators}
    return {indicator_id: headline for indicator_id, headline in found.items() if headline is not None}


def _scores_for_locality(r: _Report, table: ScoreTable | None, locality_id: str) -> dict[str, Any]:
    year = r.year_text() if table is None else table.year
    scores: dict[str, Any] = {"heading": text("report_scores_heading", year=year), "chart": None, "example": False,
                              "note": text("report_scores_note"), "source": "",
                              "empty": text("report_no_scores", year=year)}
    if table is None or locality_id not in table.index:
        return scores
    areas = table.areas.get(locality_id, {})
    # Each bar that rests on example data is starred; the title says how much of the index does.
    bars = [(starred(a.short_name, provenance(areas.get(a.id))), areas[a.id].score if a.id in areas else None,
             a.colour) for a in DEVELOPMENT_AREAS]
    index = table.index[locality_id]
    index_provenance = provenance(index)
    bars.append((starred(text("col_index"), index_provenance), index.score, "#555555"))
    example = any(s.example for s in areas.values()) or index.example
    title = text("report_scores_heading", year=table.year)
    if index.score is not None and index_provenance.rests_on_example:
        title += " · " + score_line(number(round(index.score)), index_provenance, Kind.INDEX) + f" ({star_note()})"
    scores.update(
        chart=_svg(bar_chart_svg(bars, title=title, max_value=100, missing_label=text("missing"))),
        example=example and r.badge(),
        source=r.source_line(o.source for s in table.indicators.values() for f in s.figures.values()
                             if (o := f.observation) is not None and o.place_id == locality_id))
    return scores


def _activity_summary(r: _Report, activities: Sequence[Activity]) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "heading": text("report_activity_heading"),
        "period": text("report_activity_period", year=r.year) if r.year is not None else "",
        "tables": [], "source": "", "empty": text("report_activity_none")}
    if not activities:
        return summary
    by_kind: dict[str, list[Activity]] = {}
    for a in activities:
        by_kind.setdefault(ActivityKind(a.kind).value, []).append(a)
    rows = [[Cell(kind_label(kind)), Cell(str(len(items)), num=True), Cell(_participants(items), num=True)]
            for kind, items in sorted(by_kind.items())]
    listing = [[Cell(str(a.date)), Cell(kind_label(a.kind)), Cell(a.title),
                Cell("" if a.participants is None else str(a.participants), num=True)]
               for a in sorted(activities, key=lambda a: a.date)]
    summary.update(tables=[_table((N_("report_col_kind"), "col_activities", "col_participants"), rows),
                           _table((N_("col_date"), N_("report_col_kind"), N_("report_col_title"), "col_participants"), listing)],
                   source=r.groups_source_line())
    return summary


def _participants(items: Sequence[Activity]) -> str:
    known = [a.participants for a in items if a.participants is not None]
    return number(sum(known)) if known else text("unknown")


def municipality_report_html(data: DashboardData, year: int | None = None, *, today: date | None = None) -> str:
    """All ten localities side by side: map, population, scores, indicators per area, group work."""
    r = _Report(data, year, today)
    localities = data.localities()
    since, until = r.activity_period()
    initiatives = data.gw.initiatives(year=year)

    # Population per locality
    population_indicator = data.store.indicator(POPULATION_INDICATOR_ID)
    population = r.observations_in_year(data.observations(POPULATION_INDICATOR_ID))
    rows = []
    for place_id, name in [*((loc.id, loc.name) for loc in localities), (MUNICIPALITY_ID, text("col_municipality"))]:
        obs = latest([o for o in population if o.place_id == place_id])
        if obs is not None and population_indicator is not None:
            rows.append([Cell(name), r.figure(obs, population_indicator, with_year=False),
                         Cell(str(obs.year) if obs.year is not None else text("undated")),
                         Cell(basis_label(obs.basis)), Cell(obs.source)])
        else:
            rows.append([Cell(name), Cell(text("missing"), num=True), Cell(), Cell(), Cell()])
    population_table = _table(("col_locality", N_("col_value"), N_("col_year"), N_("col_basis"), N_("col_source")), rows)

    return r.render(
        "report_municipality.html", text("report_title_municipality"), None, initiatives,
        population={"heading": text("report_population_heading"), "table": population_table},
        scores=_scores_for_municipality(r, r.score_table(), localities),
        indicators={"heading": text("report_indicators_heading"),
                    "areas": _indicators_for_municipality(r, localities)},
        activity=_work_for_municipality(r, localities, since, until),
        initiatives=r.initiatives_block(initiatives, True),
    )


def _scores_for_municipality(r: _Report, table: ScoreTable | None, localities: Sequence[Locality]) -> dict[str, Any]:
    """Scores of all localities: a bar chart of the index and a table of area scores."""
    year_label = r.year_text() if table is None else table.year
    scores: dict[str, Any] = {"heading": text("report_scores_heading", year=year_label), "chart": None,
                              "table": None, "note": text("report_scores_note"), "source": "",
                              "empty": text("report_no_scores", year=year_label)}
    if table is None:
        return scores
    ordered = sorted(localities, key=lambda loc: (table.index[loc.id].score is None,
                                                  -(table.index[loc.id].score or 0), loc.name))
    ranking = ranking_provenance(provenance(table.index[loc.id]) for loc in ordered)
    chart_title = text("report_scores_chart", year=table.year)
    if ranking.rests_on_example:
        chart_title += f" · {provenance_note(ranking, Kind.RANKING)} ({star_note()})"
    chart = _svg(bar_chart_svg([(starred(loc.name, provenance(table.index[loc.id])), table.index[loc.id].score,
                                 "#0072B2") for loc in ordered],
                               title=chart_title, max_value=100, missing_label=text("missing")))
    rows = []
    for loc in ordered:
        area_scores = [table.areas.get(loc.id, {}).get(area.id) for area in DEVELOPMENT_AREAS]
        index = table.index[loc.id]
        example = index.example or any(s is not None and s.example for s in area_scores)
        rows.append([Cell(loc.name, badge=example and r.badge()),
                     *(Cell(starred(number(s.score if s else None), provenance(s)), num=True,
                            detail=provenance_note(provenance(s), Kind.AREA_SCORE)) for s in area_scores),
                     Cell(starred(number(index.score), provenance(index)), num=True, strong=True,
                          detail=provenance_note(provenance(index), Kind.INDEX))])
    headers = [text("col_locality"), *(a.short_name for a in DEVELOPMENT_AREAS), text("col_index")]
    scores.update(chart=chart, table=Table(headers, rows),
                  source=r.source_line(o.source for s in table.indicators.values() for f in s.figures.values()
                                       if (o := f.observation) is not None))
    return scores


def _indicators_for_municipality(r: _Report, localities: Sequence[Locality]) -> list[dict[str, Any]]:
    """Indicators per area: localities as rows, the municipality and Sweden as reference rows."""
    observations = r.observations_in_year(r.data.observations())
    places = [*((loc.id, loc.name) for loc in localities), (MUNICIPALITY_ID, text("col_municipality")),
              (SWEDEN_ID, text("col_sweden"))]
    by_key: dict[tuple[str, str], list[Observation]] = {}
    for o in observations:
        by_key.setdefault((o.indicator_id, o.place_id), []).append(o)
    areas = []
    for area in DEVELOPMENT_AREAS:
        indicators = [i for i in r.indicators if i.area_id == area.id]
        if not indicators:
            areas.append(r.area_block(area, None))
            continue
        headers = [text("col_locality"), *(f"{indicator_name(i)} ({unit_heading(i)})" for i in indicators)]
        shown: list[str] = []
        rows = []
        for place_id, name in places:
            figures = [latest(by_key.get((i.id, place_id), [])) for i in indicators]
            if place_id not in (MUNICIPALITY_ID, SWEDEN_ID) or any(figures):
                rows.append([Cell(name), *(r.figure(f, i) for f, i in zip(figures, indicators))])
                shown.extend(f.source for f in figures if f is not None)
        areas.append(r.area_block(area, Table(headers, rows), r.source_line(shown)))
    return areas


def _work_for_municipality(r: _Report, localities: Sequence[Locality], since: date | None,
                           until: date | None) -> dict[str, Any]:
    """Activities and initiatives per status, one row per locality."""
    counts = r.data.gw.activity_counts(since=since, until=until)
    statuses = r.data.gw.initiative_status_counts(year=r.year)
    status_order = list(InitiativeStatus)
    rows = []
    for loc in localities:
        count, participants = counts.get(loc.id, (0, None))
        shown = number(participants) if participants is not None else ("–" if not count else text("unknown"))
        rows.append([Cell(loc.name), Cell(str(count), num=True), Cell(shown, num=True),
                     *(Cell(str(statuses.get((loc.id, s), 0)), num=True) for s in status_order)])
    initiatives = text("col_initiatives")
    headers = [text("col_locality"), text("col_activities"), text("col_participants"),
               *(f"{initiatives}: {status_label(s).lower()}" for s in status_order)]
    return {"heading": text("report_activity_heading"),
            "period": text("report_activity_period", year=r.year) if r.year is not None else "",
            "table": Table(headers, rows), "source": r.groups_source_line()}
