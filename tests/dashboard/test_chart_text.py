"""Text in charts is data: plotly draws a subset of HTML in every text, so names, units, sources,
bases and titles from people or files go into a figure escaped and are drawn exactly as typed.

An indicator imported as ``<b>x</b><br><a href="https://evil.example">y</a>`` would otherwise be
drawn bold, on two lines and as a live link. Each figure builder is run as a plain function with
such text in every field it can carry, and every string in the figure's JSON is read the way
plotly.js reads it (``drawn`` below mirrors ``svg_text_utils.convertToTspans``): no tag may come
from the text, and what is drawn must be what was typed. One browser test checks the real thing.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.components.chart_text import chart_message, chart_text
from dashboard.components.charts import history_figure
from dashboard.components.compare_figures import (
    index_figure,
    indicator_bars,
    area_figure,
    caption_of,
    series_figure,
)
from dashboard.components.groups_view import timeline_figure
from dashboard.i18n.messages import text
from dashboard.views.presentation import render_slide
from dashboard.views.url_state import EQUAL_WEIGHTS
from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.groupwork.records import Activity, ActivityKind, InitiativeStatus
from indicators.observations.importing import import_file
from indicators.presentations.slides import SLIDE_COMPARE, SLIDE_PROGRESS

PAYLOAD = '<b>x</b><br><a href="https://evil.example">y</a> & {{ 7*7 }} %{x}'
SHOWN = chart_text(PAYLOAD)
INDICATOR = "hostile_chart"
TEN = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
       "tuna", "vimmerby")
SELECTED = ["storebro", "tuna", "sodra-vi"]
OUR_TAGS = {"<br>", "<extra>", "</extra>", "<sup>", "</sup>"}
"""The only tags a figure may hold: our own, in our own hover templates and title lines."""
TEMPLATE_KEYS = ("hovertemplate", "texttemplate")

# plotly.js (src/lib/svg_text_utils.js): newlines become spaces, the text is split on tags, and only
# the pieces between tags have their character references decoded, once.
_NEWLINES = re.compile(r"\r\n?|\n")
_SPLIT_TAGS = re.compile(r"(<[^<>]*>)")
_REFERENCE = re.compile(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);")
_NAMED = {"mu": "μ", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u00a0", "times": "×", "plusmn": "±", "deg": "°"}


def _decode(match: re.Match) -> str:
    inner = match.group(1)
    if inner.startswith("#"):
        code = int(inner[2:], 16) if inner[1] == "x" else int(inner[1:])
        return chr(code) if 0 < code <= 0x10FFFF else match.group(0)
    return _NAMED.get(inner, match.group(0))


def drawn(value: str) -> tuple[str, list[str]]:
    """(the characters plotly draws, the tags it obeys) for a text in a figure."""
    pieces = _SPLIT_TAGS.split(_NEWLINES.sub(" ", value))
    tags = [p for p in pieces if _SPLIT_TAGS.fullmatch(p)]
    return "".join(_REFERENCE.sub(_decode, p) for p in pieces if not _SPLIT_TAGS.fullmatch(p)), tags


def _strings(value, path: str = "") -> list[tuple[str, str]]:
    """Every (path, string) in a figure's JSON."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, f"{path}.{k}")]
    if isinstance(value, (list, tuple)):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{path}[{i}]")]
    return []


def assert_text_is_data(figure) -> list[str]:
    """Fail if any text in the figure would be drawn as markup from the payload; return the paths
    whose text draws the payload exactly as typed."""
    carrying = []
    for path, value in _strings(figure.to_plotly_json()):
        shown, tags = drawn(value)
        assert set(tags) <= OUR_TAGS, f"{path} holds markup {tags}: {value!r}"
        assert PAYLOAD not in value, f"{path} holds the text unescaped: {value!r}"
        if path.rsplit(".", 1)[-1] in TEMPLATE_KEYS:
            assert "evil.example" not in value and "7*7" not in value, f"user text in a template at {path}"
        if PAYLOAD in shown:
            carrying.append(path)
    return carrying


# ------------------------------------------------------------------ the function itself

MARKUP_PIECES = st.sampled_from(["<", ">", "/", "&", ";", "#", "x", "27", "lt", "amp", "quot", "<b>", "<br>", "</a>",
                                 '<a href="https://evil.example">', "&#34;", "&#x27;", '"', "'", "\n", "\r\n", "%{x}"])
TYPED = st.lists(st.one_of(st.text(max_size=5), MARKUP_PIECES), max_size=12).map("".join)
"""Any text, with the pieces of markup and character references well represented."""


@given(TYPED)
def test_any_text_is_drawn_by_plotly_exactly_as_typed(typed):
    shown, tags = drawn(chart_text(typed))
    assert tags == []
    assert shown == _NEWLINES.sub(" ", typed)


def test_chart_text_uses_references_plotly_decodes():
    # plotly has no &quot;: html.escape would show it literally.
    assert chart_text('<b>"a" & \'b\'</b>') == "&lt;b&gt;&#34;a&#34; &amp; &#39;b&#39;&lt;/b&gt;"
    assert chart_text("&amp;") == "&amp;amp;"  # typed as an entity, drawn as typed
    assert chart_text(None) == ""


def test_chart_message_escapes_parameters_not_the_catalogue_template():
    assert chart_message("bars_title", "sv", indicator=PAYLOAD, year=2024) == f"{SHOWN} 2024"
    assert chart_message("source_line", "en", source="a<br>b") == "Source: a&lt;br&gt;b"


# ------------------------------------------------------------------ every figure builder

def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def import_hostile(store, folder) -> None:
    """An indicator whose name and source, and one figure's basis, are markup, with figures for
    2023 and 2024 in every locality."""
    catalogue = folder / "katalog.csv"
    catalogue.write_text(
        "id,name_sv,name_en,unit,area_id,direction,level,source,kolada_kpi,per_1000,definition_sv\n"
        + ",".join([INDICATOR, _csv(PAYLOAD), _csv(PAYLOAD), "%", "motas", "higher", "locality", _csv(PAYLOAD),
                    "", "false", "Prov"]) + "\n",
        encoding="utf-8",
    )
    import_file(store, catalogue, user="test")
    figures = folder / "figurer.csv"
    rows = "".join(f"{INDICATOR},{lid},{year},{10 + i + year % 10},{_csv(PAYLOAD)},\n"
                   for i, lid in enumerate(TEN) for year in (2023, 2024))
    figures.write_text(f"indicator_id,locality_id,year,value,source,basis\n{rows}"
                       f"{INDICATOR},storebro,2022,9,{_csv(PAYLOAD)},{_csv(PAYLOAD)}\n", encoding="utf-8")
    import_file(store, figures, user="test")


@pytest.fixture
def hostile(dashboard_data, tmp_path):
    """The bundled data plus ``import_hostile``'s files."""
    import_hostile(dashboard_data.store, tmp_path)
    return dashboard_data


def _names(data) -> dict[str, str]:
    return {lid: f"{PAYLOAD} {name}" for lid, name in data.names().items()}


def _hostile_indicator(unit: str = PAYLOAD) -> Indicator:
    return Indicator(id=INDICATOR, name_sv=PAYLOAD, name_en=PAYLOAD, unit=unit, area_id="motas",
                     direction=Direction.HIGHER_IS_BETTER, level=Level.LOCALITY, source=PAYLOAD,
                     definition_sv="")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_panel_history_chart_draws_unit_source_and_basis_as_typed(language):
    observations = [Observation(INDICATOR, "storebro", year, 100.0 + year % 10, PAYLOAD, basis)
                    for year in (2020, 2021) for basis in ("tätort", PAYLOAD)]
    figure = history_figure(_hostile_indicator(), observations, language)
    carrying = assert_text_is_data(figure)
    assert ".layout.yaxis.title.text" in carrying  # the unit
    assert PAYLOAD in [drawn(trace.name)[0] for trace in figure.data]  # a basis the file named
    assert all(drawn(s)[0] == PAYLOAD for trace in figure.data for _, s in trace.customdata)  # the source
    assert all(drawn(u)[0].endswith(PAYLOAD) for trace in figure.data for u, _ in trace.customdata)  # value + unit


def test_the_compare_area_bars_and_index_draw_locality_names_as_typed(hostile):
    table = hostile.score_table(2024, EQUAL_WEIGHTS)
    names = _names(hostile)
    areas = area_figure(table, SELECTED, names, "sv")
    carrying = assert_text_is_data(areas)
    # One small bar chart per SLUS area, its localities highest first; the names drawn as typed.
    assert len(areas.data) == 6
    for trace in areas.data:
        assert sorted(drawn(label)[0] for label in trace.y) == sorted(names[loc] for loc in SELECTED)
        scores = [x for x in trace.x if x is not None]
        assert scores == sorted(scores, reverse=True)
    assert ".data[0].y[0]" in carrying
    index = index_figure(table, SELECTED, names, PAYLOAD, "sv")
    carrying = assert_text_is_data(index)
    assert sorted(drawn(label)[0] for label in index.data[0].y) == sorted(names[loc] for loc in SELECTED)
    assert ".layout.title.subtitle.text" in carrying  # the weights note, in the caption


def test_the_area_bars_hover_says_its_coverage_in_the_readers_language(hostile):
    table = hostile.score_table(2024, EQUAL_WEIGHTS)
    areas = area_figure(table, SELECTED, hostile.names(), "en")
    coverage = areas.data[0].customdata
    assert all(" indicators" in c and "indikatorer" not in c for c in coverage)
    assert "indikatorer" not in areas.data[0].hovertemplate


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_compare_bars_draw_indicator_name_source_and_localities_as_typed(hostile, language):
    table = hostile.score_table(2024, EQUAL_WEIGHTS)
    names = _names(hostile)
    figure = indicator_bars(table.indicators[INDICATOR], SELECTED, names, None, language=language)
    carrying = assert_text_is_data(figure)
    assert drawn(figure.layout.title.text) == (f"{PAYLOAD} 2024", [])
    assert sorted(drawn(y)[0] for y in figure.data[0].y) == sorted(names[loc] for loc in SELECTED)
    assert drawn(caption_of(figure))[0] == text("source_line", language, source=PAYLOAD)
    assert ".data[0].name" in carrying


def test_the_compare_series_draws_names_and_bases_as_typed_with_no_user_text_in_its_template(hostile):
    names = _names(hostile)
    indicator = next(i for i in hostile.store.indicators() if i.id == INDICATOR)
    observations = hostile.store.observations(INDICATOR, SELECTED)
    figure = series_figure(indicator, observations, SELECTED, names, "sv")
    carrying = assert_text_is_data(figure)
    assert drawn(figure.layout.title.text)[0] == text("series_title", "sv", indicator=PAYLOAD)
    legend = [drawn(t.name)[0] for t in figure.data]
    assert f"{names['storebro']} ({PAYLOAD})" in legend and names["tuna"] in legend  # a basis the file named
    assert all(t.hovertemplate.endswith("<extra>%{fullData.name}</extra>") for t in figure.data)
    assert ".layout.yaxis.title.text" not in carrying  # "%" is a known unit: this one is ours


def test_the_groups_timeline_draws_activity_titles_and_the_locality_as_typed():
    activities = [Activity(locality_id="storebro", date=date(2024, 5, 1), kind=ActivityKind.MEETING, title=PAYLOAD,
                           participants=12, areas=("motas",), description=PAYLOAD)]
    figure = timeline_figure(activities, PAYLOAD, "sv")
    assert_text_is_data(figure)
    assert drawn(figure.data[0].customdata[0][0]) == (PAYLOAD, [])
    assert drawn(figure.layout.title.text)[0] == text("timeline_title", "sv", locality=PAYLOAD)


@pytest.mark.parametrize("slide", [SLIDE_COMPARE, SLIDE_PROGRESS])
def test_presentation_charts_draw_locality_names_as_typed(hostile, monkeypatch, slide):
    names = _names(hostile)
    monkeypatch.setattr(hostile, "names", lambda: names)
    # One initiative, so the progress chart is drawn rather than its "no data" line.
    monkeypatch.setattr(hostile.gw, "initiative_status_counts", lambda **_: {("tuna", InitiativeStatus.ONGOING): 1})
    figures = _figures(render_slide(hostile, slide, "sv"))
    assert figures
    for figure in figures:
        assert_text_is_data(figure)
        axis = figure.data[0].y if slide == SLIDE_COMPARE else figure.data[0].x
        assert sorted(drawn(label)[0] for label in axis) == sorted(names.values())


def _figures(component) -> list:
    found = []
    if isinstance(component, (list, tuple)):
        return [f for child in component for f in _figures(child)]
    figure = getattr(component, "figure", None)
    if figure is not None and hasattr(figure, "to_plotly_json"):
        found.append(figure)
    children = getattr(component, "children", None)
    if children is not None and not isinstance(children, str):
        found.extend(_figures(children))
    return found


# ------------------------------------------------------------------ in a real browser

@pytest.fixture
def hostile_database(database_url, tmp_path) -> None:
    """``import_hostile`` into the database the app will open (list it before ``live_app``)."""
    from indicators.storage.store import Store

    store = Store.open(database_url)
    try:
        import_hostile(store, tmp_path)
    finally:
        store.dispose()


@pytest.mark.browser
def test_an_imported_indicator_name_is_drawn_as_typed_in_the_compare_charts(hostile_database, live_app, page):
    browser_page = page.page
    browser_page.goto(f"{live_app}/jamfor?orter=storebro,tuna&ar=2024&omrade=motas&indikator={INDICATOR}")
    bars = browser_page.locator("#compare-bars")
    title = bars.locator(".gtitle")
    title.wait_for()
    browser_page.locator("#compare-series .gtitle").wait_for()
    for chart in ("#compare-bars", "#compare-series"):
        assert browser_page.locator(f"{chart} svg.main-svg").first.is_visible()
        assert browser_page.locator(f"{chart} svg a").count() == 0  # no live link
        assert browser_page.locator(f"{chart} svg tspan[style*='bold']").count() == 0  # no <b>
        assert browser_page.locator(f"{chart} .gtitle tspan.line").count() == 0  # no <br>: one line
    assert title.text_content() == f"{PAYLOAD} 2024"
    assert browser_page.locator("#compare-series .gtitle").text_content() == text("series_title", "sv",
                                                                                   indicator=PAYLOAD)
    caption = bars.locator(".gtitle-subtitle")
    assert caption.text_content() == text("source_line", "sv", source=PAYLOAD)
    assert "https://evil.example" not in " ".join(page.requests)
    assert page.errors == []

