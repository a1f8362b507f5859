"""What callbacks read: the store, plus geometry prepared once per set of localities.

Geometry work (Voronoi areas, simplification, reprojection) costs far more
than a database read, so web layers are cached on the localities themselves:
a corrected position (a new Locality value) yields new layers, anything else
reuses the cached ones.
"""

from __future__ import annotations

from functools import lru_cache

from geodata.boundary import municipality_boundary
from geodata.web_layers import WebLayers, build_web_layers
from indicators.model import Indicator, Level, Locality
from indicators.storage import Store


class DashboardData:
    def __init__(self, store: Store, municipality_code: str = "0884") -> None:
        self.store = store
        self.boundary = municipality_boundary(municipality_code)

        @lru_cache(maxsize=4)
        def layers_for(localities: tuple[Locality, ...]) -> WebLayers:
            return build_web_layers(list(localities), self.boundary)

        self._layers_for = layers_for

    def localities(self) -> list[Locality]:
        return self.store.localities()

    def layers(self, localities: list[Locality] | None = None) -> WebLayers:
        return self._layers_for(tuple(localities if localities is not None else self.localities()))

    def map_indicators(self) -> list[Indicator]:
        """Indicators measured per locality: the only ones a map can be coloured by."""
        return [i for i in self.store.indicators() if i.level == Level.LOCALITY]

    def default_indicator(self) -> str:
        choices = [i.id for i in self.map_indicators()]
        return "population" if "population" in choices else (choices[0] if choices else "")
