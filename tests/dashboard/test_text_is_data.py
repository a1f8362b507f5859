"""Text is data: template syntax typed by a person or carried by a file is shown as typed, never run.

folium/branca render HTML strings as Jinja templates, so a title like ``{{ 7*7 }}`` once became
``49`` on the map (and ``{{ lipsum.__globals__.os.popen(…) }}`` ran on the server) and ``{#`` made
every map fail. Each payload below, put in every text field an editor or an import can set, must
reach every page, slide and export unchanged. ``{{ "evalu" ~ "ated" }}`` would render as
"evaluated" if anything compiled it, so that word must appear nowhere.
"""

from __future__ import annotations

import html
import io
import json
from datetime import date

import openpyxl
import pytest

from dashboard.components.map_view import read_data_island
from dashboard.exports.report import locality_report_html, municipality_report_html
from dashboard.exports.standalone_map import standalone_map_html
from dashboard.views.presentation import render_slide
from dashboard.views.compare import export_comparison
from dashboard.views.map import map_document, panel_content
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    StrategicMeeting,
)
from indicators.ideas.records import Idea
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.observations.importing import import_file
from indicators.presentations.slides import (
    SLIDE_COMPARE,
    SLIDE_OVERVIEW,
    SLIDE_PROGRESS,
    locality_slide,
)

EVALUATED = "evaluated"
PAYLOADS = (
    '{{ "evalu" ~ "ated" }}',
    '{% if true %}evalu{{ "ated" }}{% endif %}',
    "Projekt {#2}",
    "}} {{ {% {#",
    "{{ lipsum.__globals__.os.popen('id').read() }}",
    "${x} #{x} <%= x %> {{",
)
TITLE, DESCRIPTION, SOURCE, INDICATOR_NAME = PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3]
LEAD, PARTNERS = PAYLOADS[4], PAYLOADS[5]
TEN = ("djursdala", "frodinge", "gullringen", "locknevi", "pelarne", "rumskulla", "storebro", "sodra-vi",
       "tuna", "vimmerby")
INDICATOR = "hostile_share"


@pytest.fixture
def hostile(dashboard_data, tmp_path):
    """The bundled data plus an imported indicator, figures, initiatives, activities and a meeting
    whose every text field holds template syntax."""
    data = dashboard_data
    catalogue = tmp_path / "katalog.csv"
    catalogue.write_text(
        "id,name_sv,name_en,unit,area_id,direction,level,source,kolada_kpi,per_1000,definition_sv\n"
        + ",".join([INDICATOR, _csv(INDICATOR_NAME), _csv(INDICATOR_NAME), "%", "motas", "higher", "locality",
                    _csv(SOURCE), "", "false", _csv(DESCRIPTION)]) + "\n",
        encoding="utf-8",
    )
    import_file(data.store, catalogue, user="test")
    figures = tmp_path / "figurer.csv"
    figures.write_text(
        "indicator_id,locality_id,year,value,source\n"
        + "".join(f"{INDICATOR},{lid},2024,{10 + i},{_csv(SOURCE)}\n" for i, lid in enumerate(TEN)),
        encoding="utf-8",
    )
    import_file(data.store, figures, user="test")
    data.gw.save_initiative(
        Initiative(locality_id="storebro", title=TITLE, status=InitiativeStatus.ONGOING, description=DESCRIPTION,
                   areas=("leva",), start=date(2024, 3, 1), lead=LEAD, partners=PARTNERS, progress=40,
                   lat=57.59, lon=15.84),
        username="test",
    )
    data.gw.save_activity(
        Activity(locality_id="storebro", date=date.today(), kind=ActivityKind.MEETING, title=TITLE,
                 participants=12, areas=("motas",), description=DESCRIPTION),
        username="test",
    )
    data.gw.save_meeting(StrategicMeeting(date=date(2024, 2, 9), title=TITLE, participants=230,
                                          themes=(SOURCE,), notes=DESCRIPTION), username="test")
    return data


def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _strings(value) -> list[str]:
    """Every string in a JSON-like value (the map's data island)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _component_text(component) -> str:
    """All text and srcDoc documents inside a Dash component tree, as one string.

    ``StaticTree`` data (the locality panel is built as it) counts too: its nodes' strings and the
    values of their attributes (``title``, ``alt``…), where hostile text could be as well.
    """
    parts: list[str] = []

    def walk(node) -> None:
        if node is None:
            return
        if isinstance(node, (str, int, float)):
            parts.append(str(node))
            return
        if isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
            return
        if isinstance(node, dict) and "t" in node:  # a StaticTree node
            parts.extend(str(value) for value in (node.get("a") or {}).values())
            walk(node.get("c"))
            return
        if getattr(node, "srcDoc", None):
            parts.extend((node.srcDoc, _map_texts(node.srcDoc)))
        for prop in ("children", "tree", "figure", "label", "title"):
            value = getattr(node, prop, None)
            if value is not None and not callable(value):
                walk(value if prop != "figure" else json.dumps(value.to_plotly_json() if hasattr(value, "to_plotly_json")
                                                              else value, default=str))

    walk(component)
    return "\n".join(parts)


def _map_texts(document: str) -> str:
    return "\n".join(_strings(read_data_island(document)))


@pytest.mark.parametrize("layer", [INDICATOR, "index", "omrade-motas", "population"])
def test_every_map_layer_shows_template_syntax_as_typed(hostile, layer):
    document = map_document(hostile, {"layer": layer, "year": "2024", "weights": ""},
                            initiative_filter={"areas": [], "statuses": [], "year": None})
    assert EVALUATED not in document
    texts = _map_texts(document)
    assert TITLE in texts  # the initiative's marker; its popup fetches the description (decision 73)
    if layer == INDICATOR:
        assert INDICATOR_NAME in texts and SOURCE in texts  # legend title and source, tooltips


def test_residents_ideas_on_the_map_show_template_syntax_as_typed(hostile):
    ideas = IdeaStore(hostile.store, salt=b"")
    ideas.record(Idea("storebro", LEAD, description=DESCRIPTION, areas=("trivas",), lat=57.588, lon=15.842),
                 username="test")  # a published idea: its own marker
    origin = ideas.record(Idea("storebro", PARTNERS, lat=57.59, lon=15.84), username="test")
    [initiative] = [i for i in hostile.gw.initiatives() if i.title == TITLE]
    ideas.step(origin.id, origin.version, Step.TO_INITIATIVE, username="test", initiative_id=initiative.id)
    document = map_document(hostile, {"layer": INDICATOR, "year": "2024", "weights": ""})
    assert EVALUATED not in document
    texts = _map_texts(document)
    assert LEAD in texts  # the idea's marker title and popup
    assert PARTNERS in texts  # the initiative's popup: "Kom från ett förslag" and the idea's title
    island_start = document.index('id="map-data">')
    outside = document[:island_start] + document[document.index("</script>", island_start):]
    assert LEAD not in outside and PARTNERS not in outside


def test_template_syntax_cannot_break_out_of_the_maps_data(hostile):
    document = map_document(hostile, {"layer": INDICATOR, "year": "2024", "weights": ""})
    island_start = document.index('id="map-data">')
    island = document[island_start:document.index("</script>", island_start)]
    assert "<" not in island.removeprefix('id="map-data">') and "{{" in island  # data, not markup
    # Outside the data island the document is folium's frame and our own script only.
    outside = document[:island_start] + document[document.index("</script>", island_start):]
    for payload in PAYLOADS:
        assert payload not in outside and html.escape(payload) not in outside


def test_the_standalone_map_export_keeps_template_syntax_as_data(hostile):
    document = standalone_map_html(hostile, {"layer": INDICATOR, "year": "2024"})
    assert EVALUATED not in document
    texts = _map_texts(document)
    assert INDICATOR_NAME in texts and TITLE in texts
    assert DESCRIPTION in texts  # the initiative's popup: an export file carries every description
    assert html.escape(INDICATOR_NAME) in document.split("</title>")[0]  # its <title>, escaped


@pytest.mark.parametrize("slide", [SLIDE_OVERVIEW, SLIDE_COMPARE, SLIDE_PROGRESS, locality_slide("storebro"),
                                   "sedan-motet", "forslag"])
def test_every_presentation_slide_shows_template_syntax_as_typed(hostile, slide):
    shown = _component_text(render_slide(hostile, slide))
    assert EVALUATED not in shown
    if slide in (SLIDE_OVERVIEW, locality_slide("storebro")):
        assert TITLE in shown  # in the map's data or on the slide itself


def test_the_panel_shows_an_imported_indicator_name_as_typed(hostile):
    shown = _component_text(panel_content(hostile, "storebro", {"layer": INDICATOR, "year": "senaste", "weights": ""}))
    assert INDICATOR_NAME in shown and EVALUATED not in shown


@pytest.mark.parametrize("report", ["locality", "municipality"])
def test_reports_show_template_syntax_escaped_and_unevaluated(hostile, report):
    document = (locality_report_html(hostile, "storebro") if report == "locality"
                else municipality_report_html(hostile))
    assert EVALUATED not in document
    assert html.escape(TITLE) in document


def test_comparison_exports_keep_template_syntax_as_text(hostile):
    search = f"?orter=storebro,tuna&ar=2024&omrade=motas&indikator={INDICATOR}"
    csv_file = export_comparison(hostile, search, "csv")
    csv_text = _download_bytes(csv_file).decode("utf-8-sig")
    assert INDICATOR_NAME in csv_text and EVALUATED not in csv_text
    book = openpyxl.load_workbook(io.BytesIO(_download_bytes(export_comparison(hostile, search, "xlsx"))))
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert any(INDICATOR_NAME in c for c in cells) and not any(EVALUATED in c for c in cells)


def test_the_sign_in_page_shows_a_typed_name_as_text(live_app):
    import urllib.parse
    import urllib.request
    from http.cookiejar import CookieJar

    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{live_app}/logga-in").read()
    token = next(c.value for c in jar if c.name == "_csrf_token")
    body = urllib.parse.urlencode({"username": PAYLOADS[0] + "<b>", "password": "x" * 12,
                                   "csrf_token": token}).encode()
    page = opener.open(f"{live_app}/logga-in", data=body).read().decode("utf-8")
    assert html.escape(PAYLOADS[0] + "<b>", quote=True) in page and EVALUATED not in page


def _download_bytes(download: dict) -> bytes:
    import base64

    content = download["content"]
    return base64.b64decode(content) if download.get("base64") else content.encode("utf-8")
