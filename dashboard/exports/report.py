"""Print-ready reports, one per locality and one for the whole municipality, as one HTML file each.

The HTML carries its own CSS (with ``@media print`` and page breaks) and its
figures as inline SVG drawn from the numbers (``dashboard.exports.svg``), so
it opens and prints with no network and no server, and ``report_pdf`` can
print it to PDF with a headless Chromium. Every figure states its source and
year, and figures that are bundled example data say "Exempeldata". Text
people typed (initiative titles, descriptions, group notes) is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date

from dashboard.data import DashboardData
from dashboard.exports.svg import bar_chart_svg, line_chart_svg, map_svg
from dashboard.exports.texts import long_date, t
from dashboard.formatting import number, with_unit
from dashboard.language import current_language
from dashboard.messages import (
    area_title,
    basis_label,
    indicator_name,
    source_of,
    text,
    unit_heading,
)
from dashboard.url_state import parse_weights
from indicators.core.model import MUNICIPALITY_ID, SWEDEN_ID, Indicator, Observation
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
)
from indicators.metrics.latest import latest
from indicators.metrics.per_capita import POPULATION_INDICATOR_ID
from indicators.metrics.scores import ScoreTable
from indicators.metrics.summary import locality_summary

CSS = """
  :root { color: #111; background: #fff; }
  body { font: 11pt/1.45 system-ui, "Segoe UI", Arial, sans-serif; margin: 24px auto; max-width: 1000px; padding: 0 16px; }
  h1 { font-size: 22pt; margin: 0 0 4px; }
  h2 { font-size: 15pt; margin: 22px 0 8px; border-bottom: 2px solid #111; padding-bottom: 2px; }
  h3 { font-size: 12.5pt; margin: 16px 0 6px; }
  .meta { color: #333; margin: 0 0 8px; }
  .notice { border: 2px solid #b35900; background: #fff4e5; padding: 6px 10px; margin: 10px 0; }
  .empty { font-style: italic; }
  table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 10pt; }
  th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .source { font-size: 9pt; color: #333; margin: 2px 0 10px; }
  .badge { display: inline-block; border: 1px solid #b35900; color: #7a3d00; background: #fff4e5;
           border-radius: 3px; padding: 0 4px; font-size: 8.5pt; margin-left: 4px; white-space: nowrap; }
  .swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #333; margin-right: 6px; vertical-align: -1px; }
  svg { max-width: 100%; height: auto; display: block; margin: 6px 0; }
  section { margin-bottom: 12px; }
  .page { break-before: page; page-break-before: always; }
  @page { size: A4; margin: 16mm 14mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    table, svg, figure, .keep { break-inside: avoid; page-break-inside: avoid; }
    tr { break-inside: avoid; }
    .notice { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    th, .badge, .swatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


class _Report:
    """Collects sources and whether example data was shown while sections are written."""

    def __init__(self, data: DashboardData, year: int | None, today: date | None) -> None:
        self.data = data
        self.year = year
        self.today = today or date.today()
        self.sources: set[str] = set()
        self.example = False
        self.names = data.names()
        self.indicators = data.store.indicators()

    # -- cells -----------------------------------------------------------------
    def badge(self) -> str:
        self.example = True
        return f'<span class="badge" title="{_e(t("report_example_note"))}">{_e(text("example_badge"))}</span>'

    def figure(self, obs: Observation | None, indicator: Indicator, *, with_year: bool = True) -> str:
        """A value with unit and year, a badge for example data; its source is recorded."""
        if obs is None or obs.value is None:
            return _e(t("missing"))
        self.sources.add(source_of(obs))
        year_text = f" ({obs.year if obs.year is not None else text('undated')})" if with_year else ""
        return _e(with_unit(obs.value, indicator) + year_text) + (self.badge() if obs.example else "")

    def source_line(self, sources: Iterable[str]) -> str:
        listed = sorted({s for s in sources if s})
        self.sources.update(listed)
        return f'<p class="source">{_e(text("source_line", source="; ".join(listed) or t("unknown")))}</p>'

    # -- pieces -----------------------------------------------------------------
    def year_text(self) -> str:
        return str(self.year) if self.year is not None else t("report_year_latest")

    def header(self, title: str) -> str:
        return (f"<header><h1>{_e(title)}</h1>"
                f'<p class="meta">{_e(t("report_exported", date=long_date(self.today), year=self.year_text()))}</p>'
                "<!--NOTICES--></header>")

    def observations_in_year(self, observations: Sequence[Observation]) -> list[Observation]:
        if self.year is None:
            return list(observations)
        return [o for o in observations if o.year == self.year]

    def has_data(self) -> bool:
        """Whether the chosen year has any figure at all (the latest always has, if anything does)."""
        if self.year is None:
            return True
        return bool(self.data.store.observations(year=self.year)) or self.year in self.data.score_years()

    def score_table(self) -> ScoreTable | None:
        years = self.data.score_years()
        chosen = self.year if self.year is not None else (max(years) if years else None)
        if chosen is None or chosen not in years:
            return None
        return self.data.score_table(chosen, parse_weights(None))

    def map_section(self, highlight: str | None, initiatives: Sequence[Initiative]) -> str:
        layers = self.data.layers()
        markers = [(i.lat, i.lon, i.title) for i in initiatives if i.lat is not None and i.lon is not None]
        svg = map_svg(layers.boundary, layers.areas, layers.points, layers.bounds,
                      title=t("report_map_alt"), highlight=highlight, markers=markers)
        return (f'<section class="keep"><h2>{_e(t("report_map_heading"))}</h2>{svg}'
                f'<p class="source">{_e(text("footer_sources"))}</p></section>')

    def population_chart(self, name: str, observations: Sequence[Observation]) -> str:
        series: dict[str, list[tuple[int, float]]] = {}
        for o in observations:
            if o.year is not None and o.value is not None:
                series.setdefault(basis_label(o.basis), []).append((o.year, o.value))
        indicator = self.data.store.indicator(POPULATION_INDICATOR_ID)
        return line_chart_svg(series, title=t("report_population_chart", name=name),
                              unit=unit_heading(indicator) if indicator else "")

    def population_table(self, observations: Sequence[Observation]) -> str:
        indicator = self.data.store.indicator(POPULATION_INDICATOR_ID)
        rows = "".join(
            f"<tr><td>{o.year if o.year is not None else _e(text('undated'))}</td>"
            f'<td class="num">{self.figure(o, indicator, with_year=False)}</td>'
            f"<td>{_e(basis_label(o.basis))}</td><td>{_e(source_of(o))}</td></tr>"
            for o in sorted(observations, key=lambda o: (o.year is None, o.year or 0, o.basis))
            if o.value is not None
        )
        return self.table(("col_year", "col_value", "col_basis", "col_source"), rows)

    @staticmethod
    def table(headers: Sequence[str], rows: str) -> str:
        head = "".join(f"<th>{_e(t(h))}</th>" for h in headers)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def initiatives_table(self, initiatives: Sequence[Initiative], with_locality: bool) -> str:
        if not initiatives:
            return f'<p class="empty">{_e(t("report_initiatives_none"))}</p>'
        rows = []
        for i in initiatives:
            areas = ", ".join(AREAS_BY_ID[a].short_name for a in i.areas if a in AREAS_BY_ID)
            period = "–".join(str(d) for d in (i.start, i.end) if d) if (i.start or i.end) else ""
            title = f"<strong>{_e(i.title)}</strong>" + (f"<br>{_e(i.description)}" if i.description else "")
            rows.append(
                "<tr>" + (f"<td>{_e(self.names.get(i.locality_id, i.locality_id))}</td>" if with_locality else "")
                + f"<td>{title}</td><td>{_e(text('status_' + InitiativeStatus(i.status).value))}</td>"
                f"<td>{_e(areas)}</td><td>{_e(period)}</td>"
                f'<td class="num">{"" if i.progress is None else f"{i.progress} %"}</td></tr>'
            )
        headers = (("col_locality",) if with_locality else ()) + (
            "col_title", "col_status", "col_areas", "col_period", "col_progress")
        self.sources.add(t("report_source_groups"))
        return self.table(headers, "".join(rows)) + f'<p class="source">{_e(text("source_line", source=t("report_source_groups")))}</p>'

    def activity_period(self) -> tuple[date | None, date | None]:
        if self.year is None:
            return None, None
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def finish(self, title: str, body: Sequence[str]) -> str:
        notices = []
        if self.example:
            notices.append(f'<p class="notice"><strong>{_e(text("example_badge"))}:</strong> '
                           f'{_e(t("report_example_note"))}</p>')
        sources = "".join(f"<li>{_e(s)}</li>" for s in sorted(self.sources))
        tail = f'<section class="keep"><h2>{_e(t("report_sources_heading"))}</h2><ul>{sources}</ul></section>'
        document = "".join(body).replace("<!--NOTICES-->", "".join(notices), 1)
        return ("<!DOCTYPE html>\n"
                f'<html lang="{current_language()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
                f"<title>{_e(title)}</title><style>{CSS}</style></head>"
                f"<body>{document}{tail}</body></html>\n")


def locality_report_html(data: DashboardData, locality_id: str, year: int | None = None, *,
                         today: date | None = None) -> str:
    """Everything about one locality, ready to print: map, population, indicators, scores, group work."""
    locality = data.store.locality(locality_id)
    if locality is None:
        known = ", ".join(sorted(data.locality_ids()))
        raise ValueError(t("report_unknown_locality", id=locality_id, known=known))
    r = _Report(data, year, today)
    title = t("report_title_locality", name=locality.name)
    since, until = r.activity_period()
    initiatives = data.gw.initiatives(locality_ids=[locality.id], year=year)
    body = [r.header(title)]
    if not r.has_data():
        body.append(f'<p class="notice">{_e(t("report_no_data_year", year=year))}</p>')
    body.append(r.map_section(locality.id, initiatives))

    # Group and population
    group = data.store.group(locality.id)
    body.append(f'<section><h2>{_e(t("report_group_heading"))}</h2>')
    if group is None:
        body.append(f'<p class="empty">{_e(t("report_no_group"))}</p>')
    else:
        body.append(f"<p><strong>{_e(group.name)}</strong></p>" + (f"<p>{_e(group.note)}</p>" if group.note else ""))
    body.append("</section>")
    population = [o for o in data.store.observations(POPULATION_INDICATOR_ID, [locality.id]) if o.value is not None]
    body.append(f'<section class="keep"><h2>{_e(t("report_population_heading"))}</h2>')
    if population:
        body.append(r.population_chart(locality.name, population) + r.population_table(population))
    else:
        body.append(f'<p class="empty">{_e(text("population_empty"))}</p>')
    body.append("</section>")

    # Indicators per SLUS area, with the municipality and Sweden as references
    observations = r.observations_in_year(
        data.store.observations(place_ids=[locality.id, MUNICIPALITY_ID, SWEDEN_ID]))
    body.append(f'<section class="page"><h2>{_e(t("report_indicators_heading"))}</h2>')
    for summary in locality_summary(locality.id, r.indicators, observations):
        area = summary.area
        body.append(f'<h3><span class="swatch" style="background:{area.colour}"></span>'
                    f"{_e(area_title(area))}</h3>")
        if not summary.lines:
            body.append(f'<p class="empty">{_e(t("area_empty"))}</p>')
            continue
        rows = "".join(
            f"<tr><td>{_e(indicator_name(line.indicator))}</td>"
            f'<td class="num">{r.figure(line.locality, line.indicator)}</td>'
            f'<td class="num">{r.figure(line.municipality, line.indicator)}</td>'
            f'<td class="num">{r.figure(line.sweden, line.indicator)}</td></tr>'
            for line in summary.lines
        )
        body.append(r.table(("col_indicator", "col_locality", "col_municipality", "col_sweden"), rows))
        body.append(r.source_line(o.source for line in summary.lines
                                  for o in (line.locality, line.municipality, line.sweden) if o is not None))
    body.append("</section>")

    # Scores
    table = r.score_table()
    body.append(_scores_for_locality(r, table, locality.id))

    # Group work
    body.append(f'<section class="page"><h2>{_e(t("report_activity_heading"))}</h2>')
    activities = data.gw.activities(locality_ids=[locality.id], since=since, until=until)
    body.append(_activity_summary(r, activities))
    body.append(f'<h2>{_e(t("report_initiatives_heading"))}</h2>{r.initiatives_table(initiatives, False)}</section>')
    return r.finish(title, body)


def _scores_for_locality(r: _Report, table: ScoreTable | None, locality_id: str) -> str:
    year = r.year_text() if table is None else table.year
    head = f'<section class="keep"><h2>{_e(t("report_scores_heading", year=year))}</h2>'
    if table is None or locality_id not in table.index:
        return head + f'<p class="empty">{_e(t("report_no_scores", year=year))}</p></section>'
    areas = table.areas.get(locality_id, {})
    bars = [(a.short_name, areas[a.id].score if a.id in areas else None, a.colour) for a in DEVELOPMENT_AREAS]
    index = table.index[locality_id]
    bars.append((t("col_index"), index.score, "#555555"))
    example = any(s.example for s in areas.values()) or index.example
    chart = bar_chart_svg(bars, title=t("report_scores_heading", year=table.year), max_value=100,
                          missing_label=t("missing"))
    return (head + chart + (f"<p>{r.badge()}</p>" if example else "")
            + f'<p class="source">{_e(t("report_scores_note"))}</p>'
            + r.source_line(o.source for s in table.indicators.values() for f in s.figures.values()
                            if (o := f.observation) is not None and o.place_id == locality_id)
            + "</section>")


def _activity_summary(r: _Report, activities: Sequence[Activity]) -> str:
    period = f"<p>{_e(t('report_activity_period', year=r.year))}</p>" if r.year is not None else ""
    if not activities:
        return period + f'<p class="empty">{_e(t("report_activity_none"))}</p>'
    by_kind: dict[str, list[Activity]] = {}
    for a in activities:
        by_kind.setdefault(ActivityKind(a.kind).value, []).append(a)
    rows = "".join(
        f"<tr><td>{_e(text('kind_' + kind))}</td><td class=\"num\">{len(items)}</td>"
        f'<td class="num">{_e(_participants(items))}</td></tr>'
        for kind, items in sorted(by_kind.items())
    )
    listing = "".join(
        f"<tr><td>{a.date}</td><td>{_e(text('kind_' + ActivityKind(a.kind).value))}</td>"
        f"<td>{_e(a.title)}</td><td class=\"num\">{'' if a.participants is None else a.participants}</td></tr>"
        for a in sorted(activities, key=lambda a: a.date)
    )
    r.sources.add(t("report_source_groups"))
    return (period
            + r.table(("col_kind", "col_activities", "col_participants"), rows)
            + r.table(("col_date", "col_kind", "col_title", "col_participants"), listing)
            + f'<p class="source">{_e(text("source_line", source=t("report_source_groups")))}</p>')


def _participants(items: Sequence[Activity]) -> str:
    known = [a.participants for a in items if a.participants is not None]
    return number(sum(known)) if known else t("unknown")


def municipality_report_html(data: DashboardData, year: int | None = None, *, today: date | None = None) -> str:
    """All ten localities side by side: map, population, scores, indicators per area, group work."""
    r = _Report(data, year, today)
    title = t("report_title_municipality")
    localities = data.localities()
    since, until = r.activity_period()
    initiatives = data.gw.initiatives(year=year)
    body = [r.header(title)]
    if not r.has_data():
        body.append(f'<p class="notice">{_e(t("report_no_data_year", year=year))}</p>')
    body.append(r.map_section(None, initiatives))

    # Population per locality
    population_indicator = data.store.indicator(POPULATION_INDICATOR_ID)
    population = r.observations_in_year(data.store.observations(POPULATION_INDICATOR_ID))
    rows = []
    for place_id, name in [*((loc.id, loc.name) for loc in localities), (MUNICIPALITY_ID, t("col_municipality"))]:
        obs = latest([o for o in population if o.place_id == place_id])
        rows.append(f"<tr><td>{_e(name)}</td>"
                    + (f'<td class="num">{r.figure(obs, population_indicator, with_year=False)}</td>'
                       f"<td>{obs.year if obs.year is not None else _e(text('undated'))}</td>"
                       f"<td>{_e(basis_label(obs.basis))}</td><td>{_e(obs.source)}</td>"
                       if obs is not None and population_indicator is not None else
                       f'<td class="num">{_e(t("missing"))}</td><td></td><td></td><td></td>') + "</tr>")
    body.append(f'<section class="keep"><h2>{_e(t("report_population_heading"))}</h2>'
                + r.table(("col_locality", "col_value", "col_year", "col_basis", "col_source"), "".join(rows))
                + "</section>")

    # Scores of all localities
    table = r.score_table()
    year_label = r.year_text() if table is None else table.year
    body.append(f'<section class="page"><h2>{_e(t("report_scores_heading", year=year_label))}</h2>')
    if table is None:
        body.append(f'<p class="empty">{_e(t("report_no_scores", year=year_label))}</p>')
    else:
        ordered = sorted(localities, key=lambda loc: (table.index[loc.id].score is None,
                                                      -(table.index[loc.id].score or 0), loc.name))
        body.append(bar_chart_svg([(loc.name, table.index[loc.id].score, "#0072B2") for loc in ordered],
                                  title=t("report_scores_chart", year=table.year), max_value=100,
                                  missing_label=t("missing")))
        head = ("col_locality", *(f"area:{a.id}" for a in DEVELOPMENT_AREAS), "col_index")
        score_rows = []
        for loc in ordered:
            scores = [table.areas.get(loc.id, {}).get(area.id) for area in DEVELOPMENT_AREAS]
            cells = "".join(f'<td class="num">{_e(number(s.score if s else None))}</td>' for s in scores)
            index = table.index[loc.id]
            example = index.example or any(s is not None and s.example for s in scores)
            score_rows.append(f"<tr><td>{_e(loc.name)}{r.badge() if example else ''}</td>{cells}"
                              f'<td class="num"><strong>{_e(number(index.score))}</strong></td></tr>')
        header = "".join(f"<th>{_e(AREAS_BY_ID[h[5:]].short_name if h.startswith('area:') else t(h))}</th>"
                         for h in head)
        body.append(f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(score_rows)}</tbody></table>")
        body.append(f'<p class="source">{_e(t("report_scores_note"))}</p>')
        body.append(r.source_line(o.source for s in table.indicators.values() for f in s.figures.values()
                                  if (o := f.observation) is not None))
    body.append("</section>")

    # Indicators per area: localities as rows, the municipality and Sweden as reference rows
    observations = r.observations_in_year(data.store.observations())
    body.append(f'<section class="page"><h2>{_e(t("report_indicators_heading"))}</h2>')
    places = [*((loc.id, loc.name) for loc in localities), (MUNICIPALITY_ID, t("col_municipality")),
              (SWEDEN_ID, t("col_sweden"))]
    for area in DEVELOPMENT_AREAS:
        indicators = [i for i in r.indicators if i.area_id == area.id]
        body.append(f'<h3><span class="swatch" style="background:{area.colour}"></span>'
                    f"{_e(area_title(area))}</h3>")
        if not indicators:
            body.append(f'<p class="empty">{_e(t("area_empty"))}</p>')
            continue
        by_key: dict[tuple[str, str], list[Observation]] = {}
        for o in observations:
            by_key.setdefault((o.indicator_id, o.place_id), []).append(o)
        header = "<th>" + _e(t("col_locality")) + "</th>" + "".join(
            f"<th>{_e(indicator_name(i))} ({_e(unit_heading(i))})</th>" for i in indicators)
        shown: list[str] = []
        area_rows = []
        for place_id, name in places:
            figures = [latest(by_key.get((i.id, place_id), [])) for i in indicators]
            if place_id not in (MUNICIPALITY_ID, SWEDEN_ID) or any(figures):
                cells = "".join(f'<td class="num">{r.figure(f, i)}</td>' for f, i in zip(figures, indicators))
                area_rows.append(f"<tr><td>{_e(name)}</td>{cells}</tr>")
                shown.extend(f.source for f in figures if f is not None)
        body.append(f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(area_rows)}</tbody></table>")
        body.append(r.source_line(shown))
    body.append("</section>")

    # Group work
    counts = data.gw.activity_counts(since=since, until=until)
    statuses = data.gw.initiative_status_counts(year=year)
    status_order = list(InitiativeStatus)
    work_rows = []
    for loc in localities:
        count, participants = counts.get(loc.id, (0, None))
        per_status = [statuses.get((loc.id, s), 0) for s in status_order]
        work_rows.append(
            f"<tr><td>{_e(loc.name)}</td><td class=\"num\">{count}</td>"
            f'<td class="num">{_e(number(participants) if participants is not None else ("–" if not count else t("unknown")))}</td>'
            + "".join(f'<td class="num">{n}</td>' for n in per_status) + "</tr>")
    header = ("<th>" + _e(t("col_locality")) + "</th><th>" + _e(t("col_activities")) + "</th><th>"
              + _e(t("col_participants")) + "</th>"
              + "".join(f"<th>{_e(t('col_initiatives'))}: {_e(text('status_' + s.value).lower())}</th>"
                        for s in status_order))
    period = f"<p>{_e(t('report_activity_period', year=year))}</p>" if year is not None else ""
    r.sources.add(t("report_source_groups"))
    body.append(f'<section class="page"><h2>{_e(t("report_activity_heading"))}</h2>{period}'
                f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(work_rows)}</tbody></table>"
                f'<p class="source">{_e(text("source_line", source=t("report_source_groups")))}</p>'
                f'<h2>{_e(t("report_initiatives_heading"))}</h2>{r.initiatives_table(initiatives, True)}</section>')
    return r.finish(title, body)
