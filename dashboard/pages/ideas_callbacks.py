"""The ideas page's callbacks: the URL's locality, the place picker, sending, supporting, moderating.

The request is where the resident's client address (after the trusted proxies,
``dashboard.server.auth``) and the browser token cookie come from; both go to
the domain only inside a ``Sender``. The cookie is set on the first support,
not on a visit: a resident who only reads gets no cookie at all.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

import flask
from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard.components.point_picker import picker_html
from dashboard.data import DashboardData
from dashboard.ids_ideas import (
    FIELDS, IDEA_ACTION_MESSAGE, IDEA_AREAS, IDEA_CONTACT, IDEA_COUNTS, IDEA_DESCRIPTION, IDEA_FORM_MESSAGE,
    IDEA_IMPORT_MEETING, IDEA_IMPORT_RESULT, IDEA_IMPORT_UPLOAD, IDEA_LAT,
    IDEA_LIST, IDEA_LOCALITY, IDEA_LON, IDEA_MODERATE, IDEA_PICKER, IDEA_QUEUE, IDEA_REASON, IDEA_REFRESH, IDEA_SEND,
    IDEA_SUPPORT, IDEA_TARGET, IDEA_TITLE, IDEA_TRAP, IDEA_URL, error_id,
)
from dashboard.server.language import current_language
from dashboard.views.idea_import import import_workshop_upload
from dashboard.views.ideas import moderate_idea, read_form, render_ideas, send_idea, support_idea
from dashboard.views.url_state import parse_groups_query
from indicators.ideas.purge import purge_idea_contacts
from indicators.ideas.records import Sender
from indicators.ideas.store import IdeaStore

logger = logging.getLogger(__name__)

BROWSER_COOKIE = "allas_browser"
_COOKIE_YEARS = 2


def register_ideas_callbacks(app: Dash, data: DashboardData) -> None:
    secret = str(app.server.config.get("SECRET_KEY") or "")
    ideas = IdeaStore(data.store, salt=hashlib.sha256(b"allas-ideas\0" + secret.encode()).digest())
    app.server.extensions["allas_ideas"] = ideas
    deleted = purge_idea_contacts(data.store)  # at every start; daily by cron: python -m indicators purge-contacts
    if deleted:
        logger.info("deleted %d idea contacts past their retention time", deleted)

    @app.callback(Output(IDEA_LOCALITY, "value"), Input(IDEA_URL, "search"))
    def _locality_from_url(search):
        return parse_groups_query(search, localities=data.locality_ids()).locality

    @app.callback(Output(IDEA_PICKER, "srcDoc"), Input(IDEA_LOCALITY, "value"))
    def _picker(locality):
        return picker_html(data.layers(), locality, lat_input=IDEA_LAT, lon_input=IDEA_LON)

    @app.callback(
        Output(IDEA_LIST, "children"), Output(IDEA_QUEUE, "children"), Output(IDEA_COUNTS, "children"),
        Input(IDEA_LOCALITY, "value"), Input(IDEA_REFRESH, "data"),
    )
    def _render(locality, _refresh):
        return render_ideas(data, ideas, locality, _browser(), current_language())

    @app.callback(
        Output(IDEA_FORM_MESSAGE, "children"), *[Output(error_id(field), "children") for field in FIELDS],
        Output(IDEA_TITLE, "value"), Output(IDEA_DESCRIPTION, "value"), Output(IDEA_AREAS, "value"),
        Output(IDEA_LAT, "value"), Output(IDEA_LON, "value"), Output(IDEA_CONTACT, "value"),
        Output(IDEA_REFRESH, "data", allow_duplicate=True),
        Input(IDEA_SEND, "n_clicks"),
        State(IDEA_LOCALITY, "value"), State(IDEA_TITLE, "value"), State(IDEA_DESCRIPTION, "value"),
        State(IDEA_AREAS, "value"), State(IDEA_LAT, "value"), State(IDEA_LON, "value"), State(IDEA_CONTACT, "value"),
        State(IDEA_TRAP, "value"), State(IDEA_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _send(_clicks, locality, title, description, areas, lat, lon, contact, trap, refresh):
        form = read_form(locality, title, description, areas, lat, lon, contact, trap)
        sent = send_idea(data, ideas, Sender(_address()), form, current_language())
        errors = [sent.errors.get(field, "") for field in FIELDS]
        kept = ["", "", [], "", "", "", (refresh or 0) + 1] if sent.clear else [no_update] * 7
        return [sent.message, *errors, *kept]

    @app.callback(
        Output(IDEA_ACTION_MESSAGE, "children"), Output(IDEA_REFRESH, "data", allow_duplicate=True),
        Input({"type": IDEA_SUPPORT, "id": ALL}, "n_clicks"), State(IDEA_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _support(clicks, refresh):
        button = ctx.triggered_id
        if not isinstance(button, dict) or not any(clicks or []):
            return no_update, no_update
        browser = _browser()
        if not browser:
            browser = secrets.token_urlsafe(24)
            ctx.response.set_cookie(BROWSER_COOKIE, browser, max_age=_COOKIE_YEARS * 365 * 86400, httponly=True,
                                    samesite="Lax", secure=flask.request.is_secure)
        said = support_idea(data, ideas, Sender(_address(), browser), button.get("id"), current_language())
        return said, (refresh or 0) + 1

    @app.callback(
        Output(IDEA_ACTION_MESSAGE, "children", allow_duplicate=True),
        Output(IDEA_REFRESH, "data", allow_duplicate=True),
        Input({"type": IDEA_MODERATE, "id": ALL, "version": ALL, "step": ALL}, "n_clicks"),
        State({"type": IDEA_REASON, "id": ALL}, "value"), State({"type": IDEA_TARGET, "id": ALL}, "value"),
        State(IDEA_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _moderate(clicks, _reasons, _targets, refresh):
        button = ctx.triggered_id
        if not isinstance(button, dict) or not any(clicks or []):
            return no_update, no_update
        reason = _state_for(1, button.get("id"))
        target = _state_for(2, button.get("id"))
        return moderate_idea(data, ideas, button, reason, target, current_language()), (refresh or 0) + 1

    @app.callback(
        Output(IDEA_IMPORT_RESULT, "children"), Output(IDEA_REFRESH, "data", allow_duplicate=True),
        Input(IDEA_IMPORT_UPLOAD, "contents"), State(IDEA_IMPORT_UPLOAD, "filename"),
        State(IDEA_IMPORT_MEETING, "value"), State(IDEA_REFRESH, "data"),
        prevent_initial_call=True,
    )
    def _import(contents, filename, meeting, refresh):
        said, stored = import_workshop_upload(data, ideas, contents, filename, meeting, current_language())
        return said, (refresh or 0) + 1 if stored else no_update


def _state_for(index: int, idea_id: object) -> object:
    """The value of the ALL-state at ``index`` (1: reasons, 2: merge targets) that belongs to ``idea_id``."""
    for item in ctx.states_list[index - 1] if len(ctx.states_list) >= index else []:
        if isinstance(item, dict) and item.get("id", {}).get("id") == idea_id:
            return item.get("value")
    return None


def _address() -> str:
    return flask.request.remote_addr or ""


def _browser() -> str:
    token = flask.request.cookies.get(BROWSER_COOKIE, "") if flask.has_request_context() else ""
    return token if 16 <= len(token) <= 64 else ""
