"""What presentation mode shows: which slides, where the URL says we are, each slide drawn from
current data, the staff editor's list and draft, saving, and the slide's export.

Pure of Dash's callback machinery: ``dashboard.pages.presentation`` lays the page out and
``dashboard.pages.presentation_callbacks`` only passes the callbacks' inputs here, so tests (and
anything else drawing a slide) call these functions directly. Slides are ids owned by the domain
(``indicators.presentations.slides``); the maps come from ``dashboard.views.map``, the same
function the map page draws with.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple
from urllib.parse import parse_qs, urlencode

import plotly.graph_objects as go
from dash import NoUpdate, dcc, html, no_update

from dashboard import ids
from dashboard.components.chart_text import chart_text
from dashboard.components.colour_scale import PALETTE
from dashboard.components.compare_figures import area_figure
from dashboard.components.groups_view import status_label
from dashboard.components.slide_chart import slide_chart, slide_chart_by_width
from dashboard.data import DashboardData
from dashboard.exports.report import locality_report_html, municipality_report_html
from dashboard.exports.standalone_map import standalone_map_html
from dashboard.i18n.messages import text
from dashboard.server.language import current_language
from dashboard.views.formatting import number
from dashboard.views.forms import outcome_message
from dashboard.views.map import map_document
from dashboard.views.meeting_slides import changes_slide, ideas_slide, slide_period
from dashboard.views.provenance import Kind, provenance_note, score_line, star_note, starred, with_note
from dashboard.views.public_names import KEY_SLIDE
from dashboard.views.url_state import EQUAL_WEIGHTS, LATEST
from indicators.accounts.gate import PermissionDenied
from indicators.core.errors import InputError
from indicators.core.slus import DEVELOPMENT_AREAS
from indicators.groupwork.records import InitiativeStatus
from indicators.groupwork.store import NotFoundError, StaleWriteError
from indicators.i18n.texts import N_, render
from indicators.metrics.per_capita import per_1000
from indicators.metrics.provenance import provenance, ranking_provenance
from indicators.presentations import service as presentation_service
from indicators.presentations.slides import (
    SLIDE_CHANGES,
    SLIDE_COMPARE,
    SLIDE_IDEAS,
    SLIDE_OVERVIEW,
    SLIDE_PROGRESS,
    Presentation,
    default_slides,
    locality_slide,
    moved,
    shown_slides,
    slide_locality,
)
from indicators.presentations.store import PresentationStore

DEFAULT_CHOICE = "standard"
"""The choice meaning "the default presentation" (every locality between overview and progress)."""
STATUS_COLOURS = {InitiativeStatus.IDEA: "#CC79A7", InitiativeStatus.PLANNED: "#56B4E9",
                  InitiativeStatus.ONGOING: "#E69F00", InitiativeStatus.DONE: "#009E73",
                  InitiativeStatus.PAUSED: "#999999"}
BIG_FONT = {"size": 22}
PHONE_FONT = {"size": 15}
PHONE_PLOT_HEIGHT = 300
"""A locality's area bars on a phone: the plot's height below its title (px)."""


def presentation_choices(data: DashboardData, language: str | None = None) -> list[dict[str, str]]:
    """The presentation dropdown's options: the default one, then every saved presentation."""
    return [{"label": text("pres_default", language), "value": DEFAULT_CHOICE}] + [
        {"label": p.name, "value": str(p.id)} for p in PresentationStore(data.store).presentations()]


def slide_options(data: DashboardData, language: str | None = None) -> list[dict[str, str]]:
    """The slides staff can add: the default presentation's, each under its label, then the optional ones."""
    return [{"label": slide_label(data, s, language), "value": s}
            for s in (*default_slides([loc.id for loc in data.localities()]), SLIDE_IDEAS)]


def slide_label(data: DashboardData, slide: str, language: str | None = None) -> str:
    """A slide's name for people: the locality's name for a locality slide, else the slide kind's."""
    locality = slide_locality(slide)
    if locality is not None:
        return text("slide_locality", language, name=data.names().get(locality, locality))
    return text({SLIDE_OVERVIEW: "slide_overview", SLIDE_COMPARE: "slide_compare",
                 SLIDE_PROGRESS: N_("slide_progress"), SLIDE_CHANGES: N_("changes_title"),
                 SLIDE_IDEAS: N_("slide_ideas")}.get(slide, "slide_overview"), language)


# ------------------------------------------------------------------ which slides

def slides_for(data: DashboardData, choice: str | None) -> tuple[tuple[str, ...], tuple[str, ...], Presentation | None]:
    """(slides to show, slides dropped because they refer to something gone, the stored presentation)."""
    locality_ids = [loc.id for loc in data.localities()]
    stored = None
    if choice and choice.isdigit():
        stored = PresentationStore(data.store).presentation(int(choice))
    slides = stored.slides if stored else default_slides(locality_ids)
    kept, dropped = shown_slides(slides, locality_ids)
    return (kept or (SLIDE_OVERVIEW,)), dropped, stored


def position(search: str | None, count: int) -> int:
    """The 0-based slide from ``?bild=N`` (1-based), clamped to the slides there are."""
    raw = (parse_qs((search or "").lstrip("?")).get(KEY_SLIDE) or ["1"])[0]
    index = int(raw) - 1 if raw.isdigit() else 0
    return max(0, min(count - 1, index))


def navigate(search: str | None, choice: str | None, trigger: str | None, count: int) -> str:
    """The query string after a previous/next click (or a presentation change, which starts over)."""
    index = position(search, count)
    if trigger == ids.PRES_NEXT:
        index = min(count - 1, index + 1)
    elif trigger == ids.PRES_PREV:
        index = max(0, index - 1)
    elif trigger == ids.PRES_CHOICE:
        index = 0
    params = {KEY_SLIDE: str(index + 1)}
    if choice and choice != DEFAULT_CHOICE:
        params["id"] = choice
    return "?" + urlencode(params)


class SlideView(NamedTuple):
    """What ``show_slide`` sets, in the order of the callback's outputs; ``no_update`` marks a
    choice that is already right."""

    stage: html.Div
    counter: str
    notice: html.P | None
    choice: str | NoUpdate


def show_slide(data: DashboardData, search: str | None, choice: str | None,
               language: str | None = None) -> SlideView:
    """The slide the URL points at (``?id=`` chooses the presentation, ``?bild=`` the slide).

    Slides naming something that is gone are skipped, with a notice saying which.
    """
    wanted = (parse_qs((search or "").lstrip("?")).get("id") or [choice or DEFAULT_CHOICE])[0]
    slides, dropped, _ = slides_for(data, wanted)
    index = position(search, len(slides))
    notice = html.P(text("pres_dropped", language, slides=", ".join(dropped)), className="notice notice-info") \
        if dropped else None
    # The slide's place travels with it: assets/presentation.js reads how many slides there are.
    stage = html.Div(render_slide(data, slides[index], language, search), className="slide-frame",
                     **{"data-index": str(index + 1), "data-total": str(len(slides))})
    return SlideView(stage,
                     text("pres_counter", language, n=index + 1, total=len(slides)), notice,
                     wanted if wanted != choice else no_update)


def load_draft(data: DashboardData, choice: str | None) -> tuple[list[str], str]:
    """The editor's draft (the chosen presentation's slides) and its name ("" for the default)."""
    slides, _, stored = slides_for(data, choice)
    return list(slides), stored.name if stored else ""


# ------------------------------------------------------------------ drawing a slide

def render_slide(data: DashboardData, slide: str, language: str | None = None, search: str | None = None) -> html.Div:
    """One slide drawn from current data; an unknown slide id shows the overview.

    ``search`` is the page's query string: the opening slide reads its period there (``?fran=&till=``).
    """
    locality = slide_locality(slide)
    if locality is not None:
        return _locality_slide(data, locality, language)
    if slide == SLIDE_CHANGES:
        return changes_slide(data, *slide_period(data, search), language)
    if slide == SLIDE_IDEAS:
        return ideas_slide(data, language)
    if slide == SLIDE_COMPARE:
        return _compare_slide(data, language)
    if slide == SLIDE_PROGRESS:
        return _progress_slide(data, language)
    return _overview_slide(data, language)


def _map(data: DashboardData, layer: str, focus: str | None = None) -> html.Iframe:
    return html.Iframe(srcDoc=map_document(data, {"layer": layer, "year": LATEST, "weights": ""}, focus=focus),
                       className="pres-map", title=text("map_title"))


def _overview_slide(data: DashboardData, language: str) -> html.Div:
    initiatives = data.gw.initiatives()
    done = sum(1 for i in initiatives if InitiativeStatus(i.status) is InitiativeStatus.DONE)
    today = date.today()
    activities = sum(count for count, _ in data.gw.activity_counts(today - timedelta(days=365), today).values())
    return html.Div([
        html.H2(text("slide_overview_title", language)),
        html.P(text("slide_key_figures", language, initiatives=len(initiatives), done=done, activities=activities),
               className="pres-lead"),
        _map(data, data.default_indicator()),
    ], className="slide", **{"data-slide": SLIDE_OVERVIEW})


def _locality_slide(data: DashboardData, locality_id: str, language: str) -> html.Div:
    name = data.names().get(locality_id, locality_id)
    years = data.score_years()
    side: list = []
    if years:
        table = data.score_table(max(years), EQUAL_WEIGHTS)
        areas = [table.areas[locality_id][a.id] for a in DEVELOPMENT_AREAS]
        scores = [area.score for area in areas]
        figure = go.Figure(go.Bar(
            x=[a.short_name for a in DEVELOPMENT_AREAS], y=scores, marker={"color": [a.colour for a in DEVELOPMENT_AREAS]},
            text=[starred(number(round(area.score), language), provenance(area)) if area.score is not None
                  else text("missing", language) for area in areas],
            hovertext=[with_note(a.short_name, provenance(area), Kind.AREA_SCORE, language)
                       for a, area in zip(DEVELOPMENT_AREAS, areas)],
            textposition="outside", cliponaxis=False))
        title = text("slide_area_scores", language, year=max(years))
        index = table.index[locality_id]
        if index.score is not None:
            index_line = score_line(number(round(index.score), language), provenance(index), Kind.INDEX, language)
            title += f"<br><sup>{chart_text(index_line)}</sup>"
            if provenance(index).rests_on_example:  # its own line: a slide's side column is narrow
                title += f"<br><sup>{star_note(language)}</sup>"
        # The top margin holds the title and its index line, so a bar's label never reaches them.
        figure.update_layout(title={"text": title, "font": {"size": 26}},
                             font=BIG_FONT, yaxis={"range": [0, 115], "automargin": True}, height=380,
                             plot_bgcolor="#fff", xaxis={"automargin": True},
                             margin={"l": 40, "r": 10, "t": 60 + 45 * title.count("<br>"), "b": 40})
        # On a phone the side column is under the map and narrow: the same bars in smaller type,
        # with the title as page text above them (it wraps there), and a height of their own.
        phone = go.Figure(figure)
        phone.update_layout(font=PHONE_FONT, height=PHONE_PLOT_HEIGHT + phone.layout.margin.t)
        side.append(slide_chart_by_width(figure, phone, f"omradespoang-{locality_id}", language))
    today = date.today()
    count, _ = data.gw.activity_counts(today - timedelta(days=365), today).get(locality_id, (0, None))
    rate = per_1000(count, data.populations(today.year).get(locality_id))
    side.append(html.P(text("slide_activity", language, count=count,
                            per_1000=number(round(rate, 1), language) if rate is not None else text("missing", language)),
                       className="pres-lead"))
    initiatives = data.gw.initiatives(locality_ids=[locality_id])
    side.append(html.H3(text("slide_initiatives", language)))
    side.append(html.Ul([html.Li([html.Strong(i.title), f" – {status_label(i.status, language)}"])
                         for i in initiatives[:8]]) if initiatives else html.P(text("no_initiatives", language)))
    return html.Div([
        html.H2(name),
        html.Div([_map(data, data.default_indicator(), focus=locality_id), html.Div(side, className="pres-side")],
                 className="pres-columns"),
    ], className="slide", **{"data-slide": locality_slide(locality_id)})


def _compare_slide(data: DashboardData, language: str) -> html.Div:
    years = data.score_years()
    if not years:
        return html.Div([html.H2(text("slide_compare", language)), html.P(text("compare_no_year", language))],
                        className="slide", **{"data-slide": SLIDE_COMPARE})
    year = max(years)
    table = data.score_table(year, EQUAL_WEIGHTS)
    names = data.names()
    localities = list(table.locality_ids)
    cells = [[table.areas[loc][a.id] for a in DEVELOPMENT_AREAS] for loc in localities]
    z = [[cell.score for cell in row] for row in cells]
    figure = go.Figure(go.Heatmap(
        z=z, x=[a.short_name for a in DEVELOPMENT_AREAS], y=[chart_text(names.get(loc, loc)) for loc in localities],
        colorscale=[[i / (len(PALETTE) - 1), c] for i, c in enumerate(PALETTE)], zmin=0, zmax=100,
        text=[[starred(number(round(cell.score), language), provenance(cell)) if cell.score is not None else "–"
               for cell in row] for row in cells],
        customdata=[[provenance_note(provenance(cell), Kind.AREA_SCORE, language) for cell in row] for row in cells],
        hovertemplate="%{y} · %{x}: %{z:.0f}<br>%{customdata}<extra></extra>",
        texttemplate="%{text}", textfont={"size": 22}, colorbar={"title": {"text": "0–100", "side": "right"}},
        hoverongaps=False))
    title = text("slide_compare_title", language, year=year)
    ranking = ranking_provenance(provenance(table.index[loc]) for loc in localities)
    if ranking.rests_on_example:
        title += f"<br><sup>{provenance_note(ranking, Kind.RANKING, language)}</sup><br><sup>{star_note(language)}</sup>"
    figure.update_layout(title={"text": title, "font": {"size": 26}},
                         font=BIG_FONT, height=640, margin={"l": 140, "r": 20, "t": 60 + 32 * title.count("<br>"), "b": 40},
                         yaxis={"autorange": "reversed", "automargin": True})
    # A phone has no room for sixty cells with their numbers: there the slide shows the same
    # scores as the compare page's sorted bars, one small chart per area (CSS picks by width).
    bars = area_figure(table, localities, names, language)
    return html.Div([slide_chart_by_width(figure, bars, "jamforelse", language)],
                    className="slide", **{"data-slide": SLIDE_COMPARE})


def _progress_slide(data: DashboardData, language: str) -> html.Div:
    counts = data.gw.initiative_status_counts()
    names = data.names()
    figure = go.Figure()
    for status in InitiativeStatus:
        figure.add_trace(go.Bar(
            x=[chart_text(name) for name in names.values()], y=[counts.get((loc, status), 0) for loc in names],
            name=status_label(status, language), marker={"color": STATUS_COLOURS[status]}))
    # Counts of initiatives: whole numbers on the axis (plotly would mark 0,2 0,4 … for a first one).
    tallest = max((sum(counts.get((loc, status), 0) for status in InitiativeStatus) for loc in names), default=0)
    figure.update_layout(barmode="stack", title={"text": text("slide_progress_title", language), "font": {"size": 26}},
                         font=BIG_FONT, height=600, plot_bgcolor="#fff", legend={"orientation": "h", "y": -0.2},
                         margin={"l": 50, "r": 20, "t": 70, "b": 120}, separators=", ",
                         yaxis={"tickformat": "d", "rangemode": "tozero", **({"dtick": 1} if tallest <= 10 else {})})
    return html.Div([slide_chart(figure, SLIDE_PROGRESS, language)],
                    className="slide", **{"data-slide": SLIDE_PROGRESS})


# ------------------------------------------------------------------ editing (staff)

def slide_items(data: DashboardData, slides: tuple[str, ...] | list[str], language: str | None = None) -> list[html.Li]:
    """The editor's list: each slide with move up/down and remove buttons (pattern-matching ids)."""
    last = len(slides) - 1
    return [
        html.Li([
            html.Span(slide_label(data, slide, language)),
            html.Button("↑", id={"type": ids.PRES_MOVE, "index": i, "delta": -1}, className="button small secondary",
                        title=text("move_up", language), disabled=i == 0),
            html.Button("↓", id={"type": ids.PRES_MOVE, "index": i, "delta": 1}, className="button small secondary",
                        title=text("move_down", language), disabled=i == last),
            html.Button("✕", id={"type": ids.PRES_MOVE, "index": i, "delta": 0}, className="button small secondary",
                        title=text("remove_slide", language)),
        ], **{"data-item": slide})
        for i, slide in enumerate(slides)
    ]


def edit_draft(draft: list[str], trigger: str | dict | None, add_choice: str | None) -> list[str]:
    """A move (delta ±1), a removal (delta 0) or an added slide."""
    if isinstance(trigger, dict):
        if trigger["delta"] == 0:
            return [s for i, s in enumerate(draft) if i != trigger["index"]]
        return list(moved(draft, trigger["index"], trigger["delta"]))
    if trigger == ids.PRES_ADD and add_choice:
        return [*draft, add_choice]
    return draft


def save_presentation(data: DashboardData, choice: str | None, name: str | None,
                      draft: list[str]) -> tuple[html.P | html.Div, Presentation | None]:
    """(message, saved presentation or None): saved as a new presentation, or over the chosen one
    if nobody else saved it meanwhile.

    The service checks the signed-in user; the page only hides the editor from others.
    """
    try:
        _, _, stored = slides_for(data, choice)
        record = Presentation((name or "").strip(), tuple(draft), stored.id if stored else None,
                              stored.version if stored else 0)
        saved = presentation_service.save_presentation(data.store, data.current_user(), record,
                                                       locality_ids=data.locality_ids())
    except PermissionDenied as error:  # the service's reason (not signed in, deactivated, admins only)
        return html.P(render(error.message, current_language()), className="notice notice-error"), None
    except (InputError, StaleWriteError, NotFoundError) as error:
        return outcome_message(error), None
    return html.P(text("pres_saved"), className="notice notice-ok"), saved


def export_file(data: DashboardData, search: str | None, choice: str | None, kind: str) -> dict:
    """The offline map, or the report of the slide on screen (a locality's, else the municipality's)."""
    if kind == "map":
        return dcc.send_string(standalone_map_html(data), "allas-vimmerby-karta.html")
    slides, _, _ = slides_for(data, choice)
    locality = slide_locality(slides[position(search, len(slides))])
    if locality is not None:
        return dcc.send_string(locality_report_html(data, locality), f"rapport-{locality}.html")
    return dcc.send_string(municipality_report_html(data), "rapport-vimmerby-kommun.html")
