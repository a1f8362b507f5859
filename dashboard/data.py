"""What callbacks read: the store, plus work cached on the data it was computed from.

Geometry (Voronoi areas, simplification, reprojection) is cached on the
localities themselves: a corrected position (a new Locality value) yields new
layers. Score tables are cached on the store's data version, which every
write bumps, so an import is visible on the next request and nothing stale
is ever served.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.server.auth import current_user
from dashboard.views.map_layers import layer_options
from geodata.areas import locality_areas
from geodata.boundary import municipality_boundary
from geodata.web_layers import WebLayers, build_web_layers
from indicators.core.model import REFERENCE_PLACE_IDS, Indicator, Level, Locality, Observation
from indicators.groupwork.records import User
from indicators.groupwork.store import GroupworkStore
from indicators.metrics.headline import Headline, headlines
from indicators.metrics.latest import main_basis
from indicators.metrics.per_capita import POPULATION_INDICATOR_ID, populations_for
from indicators.metrics.scores import ScoreTable, compute_scores, is_scored
from indicators.storage.app_settings import example_data_on
from indicators.storage.store import Store


class DashboardData:
    def __init__(self, store: Store, municipality_code: str = "0884") -> None:
        self.store = store
        self.gw = GroupworkStore(store)
        self.boundary = municipality_boundary(municipality_code)

        @lru_cache(maxsize=4)
        def areas_for(localities: tuple[Locality, ...]) -> dict[str, BaseGeometry]:
            areas = locality_areas(list(localities), self.boundary)
            for area in areas.values():
                shapely.prepare(area)
            return areas

        self._areas_for = areas_for

        @lru_cache(maxsize=4)
        def layers_for(localities: tuple[Locality, ...]) -> WebLayers:
            return build_web_layers(list(localities), self.boundary)

        @lru_cache(maxsize=2)
        def population_at(version: int) -> tuple[Observation, ...]:
            return tuple(self.store.observations(POPULATION_INDICATOR_ID))

        @lru_cache(maxsize=32)
        def scores_at(version: int, year: int, weights: tuple[tuple[str, float], ...], examples: bool) -> ScoreTable:
            # Only what a year's scores read: that year, plus the population history
            # for per-1,000 denominators (which may come from another year).
            observations = [*self.store.observations(year=year),
                            *(o for o in population_at(version) if o.year != year)]
            if not examples:
                observations = [o for o in observations if not o.example]
            localities = [loc.id for loc in self.localities()]
            return compute_scores(self.store.indicators(), observations, localities, year, dict(weights))

        @lru_cache(maxsize=4)
        def score_years_at(version: int, examples: bool) -> tuple[int, ...]:
            scored = [ind.id for ind in self.store.indicators() if is_scored(ind)]
            return tuple(self.store.observation_years(scored, examples=examples))

        @lru_cache(maxsize=128)
        def headlines_at(version: int, indicator_id: str, examples: bool) -> dict[str, Headline]:
            return headlines(self.layer_observations(indicator_id), [loc.id for loc in self.localities()])

        # Every page and callback asks for the localities (a query and a Swedish sort: 0.1 s at
        # 2,000) and a map layer for its indicator's figures (1–2 s at 2,000 localities × 20 years):
        # both change only with a write, which bumps the data version.
        @lru_cache(maxsize=2)
        def localities_at(version: int) -> tuple[Locality, ...]:
            return tuple(self.store.localities())

        @lru_cache(maxsize=16)
        def layer_observations_at(version: int, indicator_id: str, examples: bool) -> tuple[Observation, ...]:
            found = self.store.observations(indicator_id, [loc.id for loc in localities_at(version)])
            return tuple(o for o in found if examples or not o.example)

        @lru_cache(maxsize=2)
        def basis_coverage_at(version: int, examples: bool) -> dict[str, dict[str, int]]:
            return self.store.basis_coverage(examples=examples)

        # Every locality's panel sets its figures beside the municipality's and Sweden's: the same
        # rows for each of them, read once per data version.
        @lru_cache(maxsize=2)
        def reference_observations_at(version: int) -> tuple[Observation, ...]:
            return tuple(self.store.observations(place_ids=REFERENCE_PLACE_IDS))

        # The catalogue (a query and a Swedish sort) was read twice by every selection: for the
        # layer list and for the default layer.
        @lru_cache(maxsize=2)
        def indicators_at(version: int) -> tuple[Indicator, ...]:
            return tuple(self.store.indicators())

        self._indicators_at = indicators_at
        self._reference_observations_at = reference_observations_at
        self._basis_coverage_at = basis_coverage_at
        self._localities_at = localities_at
        self._layer_observations_at = layer_observations_at

        self._layers_for = layers_for
        self._headlines_at = headlines_at
        self._population_at = population_at
        self._scores_at = scores_at
        self._score_years_at = score_years_at

    def localities(self) -> list[Locality]:
        """All localities in Swedish alphabetical order (read once per data version)."""
        return list(self._localities_at(self.store.data_version()))

    def locality_ids(self) -> set[str]:
        return {loc.id for loc in self.localities()}

    def current_user(self) -> User | None:
        """The signed-in user of the request being served (None for visitors and outside requests)."""
        return current_user(self.gw.user)

    def area_contains(self, locality_id: str, lat: float, lon: float) -> bool:
        """Whether a point lies in the locality's area as the map draws it (staff-supplied or computed)."""
        area = self._areas_for(tuple(self.localities())).get(locality_id)
        return area is not None and area.covers(shapely.Point(lon, lat))

    def example_data(self) -> bool:
        """Whether the bundled example figures count (the staff setting ``example_data``; on by default)."""
        return example_data_on(self.store.engine)

    def observations(
        self, indicator_id: str | None = None, place_ids: Iterable[str] | None = None, year: int | None = None
    ) -> list[Observation]:
        """The store's observations as views may show them: without the example figures when they are off."""
        return self._as_shown(self.store.observations(indicator_id, place_ids, year))

    def panel_observations(self, locality_id: str) -> list[Observation]:
        """The locality's observations and the municipality's and Sweden's, in the store's order
        (``observations``'s, by place first), as a locality's panel shows them.

        The reference places' rows are read once per data version; only the locality's own are read
        for each panel (a third of the rows, at 2,000 localities × 60 indicators).
        """
        references = self._reference_observations_at(self.store.data_version())
        by_place: dict[str, list[Observation]] = {place: [] for place in sorted({locality_id, *REFERENCE_PLACE_IDS})}
        for o in references:
            by_place[o.place_id].append(o)
        if locality_id not in REFERENCE_PLACE_IDS:
            by_place[locality_id] = self.store.observations(place_ids=[locality_id])
        return self._as_shown([o for place in by_place.values() for o in place])

    def _as_shown(self, found: list[Observation]) -> list[Observation]:
        """``found`` without the example figures when the staff setting leaves them out."""
        return found if self.example_data() else [o for o in found if not o.example]

    def populations(self, year: int) -> dict[str, Observation | None]:
        """Each locality's population for per-1,000 figures (same rule as the scores)."""
        history = self._population_at(self.store.data_version())
        if not self.example_data():
            history = tuple(o for o in history if not o.example)
        return populations_for(history, sorted(self.locality_ids()), year)

    def initiative_years(self) -> list[int]:
        """Years any initiative is active in (by start and end), newest first."""
        years: set[int] = set()
        this_year = date.today().year
        for initiative in self.gw.initiatives():
            first = (initiative.start or initiative.end or date.today()).year
            last = (initiative.end or date(this_year, 12, 31)).year
            years.update(range(first, max(first, last) + 1))
        return sorted(years, reverse=True)

    def activity_years(self) -> list[int]:
        """Years with any recorded activity, newest first (for the period picker)."""
        return sorted({a.date.year for a in self.gw.activities()}, reverse=True)

    def names(self) -> dict[str, str]:
        return {loc.id: loc.name for loc in self.localities()}

    def layers(self, localities: list[Locality] | None = None) -> WebLayers:
        return self._layers_for(tuple(localities if localities is not None else self.localities()))

    def indicators(self) -> list[Indicator]:
        """The indicator catalogue in the store's order (read once per data version)."""
        return list(self._indicators_at(self.store.data_version()))

    def map_indicators(self) -> list[Indicator]:
        """Indicators measured per locality: the only ones a map can be coloured by."""
        return [i for i in self.indicators() if i.level == Level.LOCALITY]

    def layer_options(self) -> list[dict]:
        return layer_options(self.indicators())

    def layer_observations(self, indicator_id: str) -> list[Observation]:
        """The figures a map layer of the indicator is drawn from: every locality's, no reference place."""
        return list(self._layer_observations_at(self.store.data_version(), indicator_id, self.example_data()))

    def headlines(self, indicator_id: str) -> dict[str, Headline]:
        """Each locality's latest headline figure for the indicator: what the map shows for it
        (``indicators.metrics.headline``), with its figures on other bases beside it."""
        return self._headlines_at(self.store.data_version(), indicator_id, self.example_data())

    def locality_headlines(self, locality_id: str, indicator_ids: Iterable[str],
                           observations: Iterable[Observation]) -> dict[str, Headline]:
        """One locality's headline per indicator, exactly as the map shows it, from its own figures.

        ``observations`` are the locality's (as ``observations`` gives them: without example figures
        when those are off). Which basis is comparable depends on every locality; the database counts
        that (``Store.basis_coverage``) instead of this reading every locality's history, which took
        a minute for a first panel at 2,000 localities.
        """
        coverage = self._basis_coverage_at(self.store.data_version(), self.example_data())
        own: dict[str, list[Observation]] = {}
        for observation in observations:
            if observation.place_id == locality_id:
                own.setdefault(observation.indicator_id, []).append(observation)
        return {indicator_id: headlines(own.get(indicator_id, ()), [locality_id], basis_known=True,
                                        basis=main_basis(coverage.get(indicator_id, {})))[locality_id]
                for indicator_id in indicator_ids}

    def default_indicator(self) -> str:
        choices = [i.id for i in self.map_indicators()]
        return "population" if "population" in choices else (choices[0] if choices else "")

    def score_table(self, year: int, weights: Mapping[str, float]) -> ScoreTable:
        """Scores of all localities for a year: a locality's score never depends on which others are shown."""
        return self._scores_at(self.store.data_version(), year, tuple(sorted(weights.items())), self.example_data())

    def score_years(self) -> list[int]:
        """Years with a value of at least one scored indicator, newest first."""
        return list(self._score_years_at(self.store.data_version(), self.example_data()))
