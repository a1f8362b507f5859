"""What can colour the map: an indicator, an area score or the attractiveness index.

Scores are shown through the same machinery as indicator values: each score
becomes an observation of a stand-in indicator (unit "poäng 0–100"), so the
map, legend and tooltips need no second code path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.i18n.messages import indicator_name, text
from dashboard.views.priorities import priority_layer_options
from dashboard.views.provenance import Kind, provenance_note, with_note
from dashboard.views.public_names import AREA_LAYER_PREFIX
from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.core.slus import AREAS_BY_ID, DEVELOPMENT_AREAS
from indicators.metrics.latest import MapValue, map_values
from indicators.metrics.provenance import provenance, ranking_provenance
from indicators.metrics.scores import ScoreTable

INDEX_LAYER = "index"


@dataclass(frozen=True)
class LayerData:
    """Everything the map needs for one layer and year."""

    indicator: Indicator
    values: list[MapValue]
    notes: Mapping[str, str] = field(default_factory=dict)
    """Extra tooltip text per locality (what a score rests on)."""
    legend_notes: tuple[str, ...] = ()


def is_score_layer(layer: str) -> bool:
    return layer == INDEX_LAYER or layer.startswith(AREA_LAYER_PREFIX)


def area_of(layer: str) -> str | None:
    area = layer.removeprefix(AREA_LAYER_PREFIX) if layer.startswith(AREA_LAYER_PREFIX) else None
    return area if area in AREAS_BY_ID else None


def layer_options(indicators: Sequence[Indicator], language: str | None = None) -> list[dict]:
    """Locality indicators first, then the index, the six area scores and the six areas' priorities."""
    options = [{"label": indicator_name(ind, language), "value": ind.id} for ind in indicators if ind.level is Level.LOCALITY]
    options.append({"label": text("layer_index", language), "value": INDEX_LAYER})
    options.extend(
        {"label": text("layer_area", language, area=area.short_name), "value": AREA_LAYER_PREFIX + area.id}
        for area in DEVELOPMENT_AREAS
    )
    options.extend(priority_layer_options(language))
    return options


def score_indicator(layer: str, language: str | None = None) -> Indicator:
    """The stand-in indicator a score layer is drawn as."""
    area = area_of(layer)
    name = text("layer_index", language) if area is None else text(
        "layer_area", language, area=AREAS_BY_ID[area].short_name)
    return Indicator(
        id=layer,
        name_sv=name,
        name_en=name,
        unit=text("score_unit", language),
        area_id=area or DEVELOPMENT_AREAS[0].id,
        direction=Direction.HIGHER_IS_BETTER,
        level=Level.LOCALITY,
        source=text("score_source", language),
        definition_sv="",
    )


def score_layer_data(layer: str, table: ScoreTable, weights_note: str,
                     language: str | None = None) -> LayerData:
    """Map values for an area score or the index from a computed score table.

    Each tooltip says what the score rests on and, where any of it is example data, how much
    ("5 av 6 områden bygger på exempeldata"); the legend says how many localities that is.
    """
    indicator = score_indicator(layer, language)
    area = area_of(layer)
    values, notes, found = [], {}, []
    for locality_id in table.locality_ids:
        if area is None:
            item = table.index[locality_id]
            coverage = text("index_coverage", language, used=item.areas_used, available=item.areas_available)
            kind = Kind.INDEX
        else:
            item = table.areas[locality_id][area]
            coverage = text("score_coverage", language, used=item.used, available=item.available)
            kind = Kind.AREA_SCORE
        prov = provenance(item)
        found.append(prov)
        notes[locality_id] = with_note(coverage, prov, kind, language)
        observation = Observation(layer, locality_id, table.year, _rounded(item.score), indicator.source,
                                  example=prov.rests_on_example)
        values.append(MapValue(locality_id, observation, comparable=True))
    legend = [weights_note] if area is None else []
    ranking = ranking_provenance(found)
    if ranking.rests_on_example:
        legend.append(provenance_note(ranking, Kind.RANKING, language))
    return LayerData(indicator, values, notes, tuple(legend))


def indicator_layer_data(indicator: Indicator, observations: Sequence[Observation], locality_ids: Sequence[str],
                         year: int | None, language: str | None = None) -> LayerData:
    """Map values for an indicator; the legend says how many localities show example figures."""
    values = map_values(observations, locality_ids, year)
    ranking = ranking_provenance(provenance(v.observation) for v in values if v.comparable)
    legend = (provenance_note(ranking, Kind.RANKING, language),) if ranking.rests_on_example else ()
    return LayerData(indicator, values, {}, legend)


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score)
