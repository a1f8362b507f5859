"""The two fetches from first request to stored figures, all or nothing per fetch.

Each fetch gathers every figure first and stores only when every request it
needed was answered in shape: a request that fails after its retries, or an
answer that is malformed or partial, raises ``FetchError`` naming that request
and nothing from the fetch is stored. A KPI or table that has vanished is only
reported (``Outcome.vanished``). The figures are then imported like a staff
file (``store_figures``): the same row rules, one transaction, a line in the
import log, for the acting user.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError
from indicators.core.model import Level, Locality
from indicators.groupwork.records import User
from indicators.observations import service
from indicators.observations.fetch import kolada_api, scb_api
from indicators.observations.fetch.figures import Figure, figures_csv
from indicators.observations.fetch.http import FetchError, Gone, JsonClient
from indicators.observations.fetch.kolada_api import AreaContains, Malformed
from indicators.observations.importing import CSV, ImportReport
from indicators.observations.kolada import MUNICIPALITY_CODES, kolada_observations, source_text
from indicators.storage.store import Store

KOLADA_URL = "https://api.kolada.se/v3"
SCB_URL = "https://api.scb.se/OV0104/v1/doris/sv/ssd"
KOLADA_URL_ENV = "ALLAS_KOLADA_URL"
SCB_URL_ENV = "ALLAS_SCB_URL"
TATORT_TABLE = "MI/MI0810/MI0810A/LandarealTatortN"
"""Tätorter: population (folkmängd) and land area per tätort and year (docs/fetch.md)."""
SMAORT_TABLE = "MI/MI0811/MI0811A/SmaortLandarealN"
"""Småorter: population and land area per småort and year. Not verified against the live API
from here (no network); a different path is given with ``--smaort-table`` (docs/fetch.md)."""
TATORT_BASIS = "tätort"
SMAORT_BASIS = "småort"
SCB_INDICATORS = {scb_api.POPULATION: "population", scb_api.LAND_AREA: "land_area"}
"""Measure → the catalogue indicator it is stored as; a measure whose indicator the catalogue lacks is skipped."""
UNITS = "ou"
"""Reported as vanished when Kolada's list of organisational units itself is gone."""
MAX_PAGES = 1000
"""A paging chain longer than this is taken for a loop in the server's ``next_url``."""


@dataclass
class Outcome:
    """What one fetch found: figures to store, and what it reports beside them."""

    source: str
    figures: list[Figure] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)
    """KPIs or tables asked for that the API no longer has."""
    unplaced: list[kolada_api.Unplaced] = field(default_factory=list)
    placed: list[kolada_api.Placed] = field(default_factory=list)
    not_combined: list[kolada_api.NotCombined] = field(default_factory=list)
    missing_regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Table → localities it has no region for."""
    skipped_measures: list[str] = field(default_factory=list)
    """Measures found but without an indicator in the catalogue (e.g. ``land_area``)."""
    empty_cells: int = 0
    """SCB cells without a value (``..``): not stored, so they cannot overwrite a known figure."""


class BadAnswer(FetchError):
    """An answer that came back but is not in the documented shape, or fails the row rules."""


def _pages(client: JsonClient, url: str, params: dict[str, str] | None = None) -> tuple[list[Any], str]:
    """Every page of a Kolada answer, following ``next_url``; and the first request's name."""
    pages: list[Any] = []
    first = f"GET {url}"
    current: str | None = url
    seen: set[str] = set()
    while current is not None:
        if current in seen or len(pages) >= MAX_PAGES:
            raise BadAnswer(f"GET {current}", "malformed", "next_url loops")
        seen.add(current)
        page = client.get(current, params if not pages else None)
        _checked(f"GET {current}", lambda: kolada_api.values_of(page))
        pages.append(page)
        current = kolada_api.next_url(page)
    return pages, first


def _checked(request: str, parse: Callable[[], Any]) -> Any:
    try:
        return parse()
    except Malformed as error:
        raise BadAnswer(request, "malformed", f"{error.path}: {error.what}") from error


def fetch_kolada(
    client: JsonClient,
    base: str,
    catalogue: Catalogue,
    localities: Sequence[Locality],
    area_contains: AreaContains | None,
    today: date,
) -> Outcome:
    """The catalogue's KPIs for Vimmerby and Sweden, and locality figures from the units placed in localities."""
    outcome = Outcome(source="Kolada")
    wanted = kolada_api.catalogue_kpis(catalogue.indicators.values())
    kpis: dict[str, kolada_api.Kpi] = {}
    for ids in kolada_api.chunks(wanted):
        try:
            pages, request = _pages(client, kolada_api.kpi_url(base, ids))
        except Gone:
            continue  # every KPI of the chunk is reported as vanished below
        kpis.update(_checked(request, lambda pages=pages: kolada_api.parse_kpis(pages)))
    outcome.vanished = [kpi for kpi in wanted if kpi not in kpis]
    present = [kpi for kpi in wanted if kpi in kpis]

    for ids in kolada_api.chunks(present):
        url = kolada_api.data_url(base, ids, tuple(MUNICIPALITY_CODES))
        try:
            pages, request = _pages(client, url, {"per_page": str(kolada_api.PER_PAGE)})
        except Gone:
            outcome.vanished.extend(ids)
            continue
        try:
            observations = kolada_observations(pages, catalogue=catalogue, file_name=request)
        except InputError as error:
            raise BadAnswer(request, "refused", error.report()) from error
        for obs in observations:
            kpi = catalogue.indicators[obs.indicator_id].kolada_kpi or ""
            published = kpis[kpi].publication_date if kpi in kpis else None
            outcome.figures.append(
                Figure(obs.indicator_id, obs.place_id, obs.year or 0, obs.value, obs.source, obs.basis,
                       published or today.isoformat(), request)
            )

    try:
        pages, request = _pages(client, kolada_api.units_url(base),
                                {"municipality": kolada_api.MUNICIPALITY, "per_page": str(kolada_api.PER_PAGE)})
    except Gone:
        outcome.vanished.append(UNITS)
        return outcome
    units = _checked(request, lambda: kolada_api.parse_units(pages))
    outcome.placed, outcome.unplaced = kolada_api.place_units(units, localities, area_contains)

    unit_kpis = [kpi for kpi in present if kpis[kpi].has_ou_data
                 and catalogue.by_kpi[kpi].level is Level.LOCALITY]
    unit_ids = [p.unit.id for p in outcome.placed]
    values: list[kolada_api.UnitValue] = []
    requests_of: dict[str, str] = {}
    for kpi_ids in kolada_api.chunks(unit_kpis):
        for ou_ids in kolada_api.chunks(unit_ids):
            url = kolada_api.unit_data_url(base, kpi_ids, ou_ids)
            try:
                pages, request = _pages(client, url, {"per_page": str(kolada_api.PER_PAGE)})
            except Gone:
                continue  # no unit data for these KPIs any more; the KPIs themselves are there
            found = _checked(request, lambda pages=pages: kolada_api.parse_unit_values(pages))
            for value in found:
                requests_of[value.unit_id] = request
            values.extend(found)
    by_locality, outcome.not_combined = kolada_api.locality_values(values, outcome.placed, catalogue.by_kpi)
    for item in by_locality:
        published = kpis[item.kpi].publication_date
        outcome.figures.append(
            Figure(item.indicator_id, item.locality_id, item.year, item.value, source_text(item.kpi),
                   f"{item.unit.title} ({item.unit.id})", published or today.isoformat(),
                   requests_of.get(item.unit.id, ""))
        )
    return outcome


def fetch_scb(
    client: JsonClient,
    base: str,
    catalogue: Catalogue,
    localities: Sequence[Locality],
    today: date,
    tables: Sequence[tuple[str, str, bool]] | None = None,
) -> Outcome:
    """Population and land area of the localities per year, from the tätort and the småort table.

    ``tables`` is (table path, basis, match by name) per table; by default the
    tätort table by SCB code and the småort table by name for the localities
    that have no tätort code.
    """
    outcome = Outcome(source="SCB")
    chosen = tables if tables is not None else ((TATORT_TABLE, TATORT_BASIS, False), (SMAORT_TABLE, SMAORT_BASIS, True))
    for path, basis, by_name in chosen:
        url = f"{base.rstrip('/')}/{path.strip('/')}"
        try:
            metadata = client.get(url)
        except Gone:
            outcome.vanished.append(path)
            continue
        table = _checked(f"GET {url}", lambda metadata=metadata: scb_api.parse_table(metadata))
        match = scb_api.match_regions(table, localities, by_name)
        if match.missing:
            outcome.missing_regions[path] = match.missing
        measures = {m: code for m, code in table.contents.items()
                    if SCB_INDICATORS[m] in catalogue.indicators}
        outcome.skipped_measures.extend(sorted(set(table.contents) - set(measures)))
        if not match.regions or not measures:
            continue
        try:
            answer = client.post(url, scb_api.query(sorted(match.regions), sorted(measures.values())))
        except Gone:
            outcome.vanished.append(path)
            continue
        request = f"POST {url}"
        cells, updated = _checked(request, lambda answer=answer: scb_api.parse_cells(answer))
        measure_of = {code: m for m, code in measures.items()}
        source = f"SCB ({path})"
        for cell in cells:
            locality_id = match.regions.get(cell.region)
            measure = measure_of.get(cell.content)
            if locality_id is None or measure is None:
                raise BadAnswer(request, "malformed", f"{cell.region}/{cell.content} was not asked for")
            if cell.value is None:
                outcome.empty_cells += 1
                continue
            value = cell.value / 100 if measure == scb_api.LAND_AREA and table.hectares else cell.value
            outcome.figures.append(
                Figure(SCB_INDICATORS[measure], locality_id, cell.year, value, source, basis,
                       updated or table.updated or today.isoformat(), request)
            )
    return outcome


def store_figures(store: Store, actor: User | None, outcome: Outcome, name: str) -> ImportReport | None:
    """Import the figures as one file named ``name``, through the file import; None when there are none.

    Raises ``InputError`` (the row rules refused something: nothing stored) or ``PermissionDenied``.
    """
    if not outcome.figures:
        return None
    with tempfile.TemporaryDirectory(prefix="allas-fetch-") as folder:
        path = Path(folder) / "figures.csv"
        path.write_text(figures_csv(outcome.figures), encoding="utf-8")
        return service.import_indicator_file(store, actor, path, fmt=CSV, display_name=name)
