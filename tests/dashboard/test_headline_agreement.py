"""The map's tooltip and the locality panel headline the same figure, for every locality.

Issue #11 item 3: Frödinge read 302 on the map and 991 in its panel. For the
population and for every indicator that has figures on several counting bases,
each of the ten localities' panel must headline what its map tooltip says,
and name the other counts beside it with their basis.
"""

from __future__ import annotations

import re

import pytest

from dashboard.components.map_view import read_data_island
from dashboard.i18n.messages import indicator_name, text
from dashboard.views.map import map_document, panel_content
from indicators.core.model import Observation
from tests.dashboard.helpers import attribute, nodes

TEN = ["djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi", "tuna",
       "vimmerby"]
YEAR = re.compile(r"(\d{4}|odaterad)\)")


def words(node) -> str:
    """A node's text as the browser shows it: its strings run together, without added spaces."""
    return "".join(child if isinstance(child, str) else words(child) for child in node.get("c", []))


def panel_headlines(data, locality: str, indicator: str) -> list[str]:
    """The headline figure(s) the panel shows for the indicator (population: in its section and its area)."""
    panel = panel_content(data, locality, {"layer": indicator, "year": "senaste"})
    found = [n for n in nodes(panel) if attribute(n, "className") == "headline"
             and attribute(n, "data-indicator") == indicator]
    return [words(next(p for p in nodes(h) if attribute(p, "className") == "headline-figure")) for h in found]


def tooltip_figure(data, locality: str, indicator: str) -> str:
    tooltips = read_data_island(map_document(data, {"layer": indicator, "year": "senaste", "weights": ""}))["tooltips"]
    line = tooltips[locality]["lines"][0]
    prefix = f"{indicator_name(data.store.indicator(indicator))}: "
    assert line.startswith(prefix)
    return line[len(prefix):]


def value_and_year(figure: str) -> tuple[str, str]:
    """The value with its unit (before the first bracket) and the year (before a closing bracket)."""
    return figure.split(" (", 1)[0], YEAR.search(figure).group(1)


def several_bases(store) -> list[str]:
    """Indicators with locality figures on more than one counting basis."""
    bases: dict[str, set[str]] = {}
    for o in store.observations(place_ids=TEN):
        if o.value is not None:
            bases.setdefault(o.indicator_id, set()).add(o.basis)
    return sorted(i for i, found in bases.items() if len(found) > 1)


def assert_agree(data, indicator: str) -> None:
    for locality in TEN:
        on_map = tooltip_figure(data, locality, indicator)
        in_panel = panel_headlines(data, locality, indicator)
        assert in_panel, (indicator, locality)
        for headline in in_panel:
            if on_map == text("tooltip_no_data"):
                assert headline == text("missing"), (indicator, locality, headline)
            else:
                assert value_and_year(headline) == value_and_year(on_map), (indicator, locality, on_map, headline)


def test_population_has_several_bases_in_the_bundled_data(store):
    assert "population" in several_bases(store)


@pytest.mark.parametrize("extra", [False, True], ids=["bundled", "with-a-second-basis-for-associations"])
def test_map_tooltip_and_panel_headline_agree_for_all_ten_localities(dashboard_data, store, extra):
    if extra:  # a parish count for associations beside the bundled figures: a second indicator with two bases
        store.save_observations([Observation("associations", "frodinge", 2025, 41.0, "Pastoratets register",
                                             "parish"),
                                 Observation("associations", "locknevi", 2025, 12.0, "Pastoratets register",
                                             "parish")])
    indicators = several_bases(store)
    assert ("associations" in indicators) is extra
    for indicator in {"population", *indicators}:
        assert_agree(dashboard_data, indicator)


def test_frodinge_headlines_its_tatort_and_names_the_electoral_district_beside_it(dashboard_data):
    panel = panel_content(dashboard_data, "frodinge", None)
    population = next(n for n in nodes(panel) if attribute(n, "className") == "headline"
                      and attribute(n, "data-indicator") == "population")
    shown = words(population)
    assert shown.startswith("302 invånare (tätort (SCB), 2020)")
    assert "valdistrikt: 991 invånare (2022)" in shown
    assert shown.index("302") < shown.index("991")


def test_the_locality_report_shows_the_same_headline_figure(dashboard_data):
    from dashboard.exports.report import locality_report_html

    html = locality_report_html(dashboard_data, "frodinge")
    row = re.search(r"<tr><td>Folkmängd</td>(?:(?!</tr>).)*</tr>", html, re.DOTALL).group(0)
    assert "302 invånare (2020)" in row and "991" not in row
