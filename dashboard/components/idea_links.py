"""Links between the other pages and the ideas page: "Lämna ett förslag" for a locality, and the
idea an initiative came from.

The idea's title is a resident's text: it goes in as a component's child, which Dash
sets as text in the browser (never as HTML, never through a template), so ``{{ }}`` or
``<script>`` in it shows as typed.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n.messages import text
from dashboard.views.public_names import IDEAS_PATH
from dashboard.views.url_state import locality_link
from indicators.core.model import Locality
from indicators.ideas.records import Idea


def suggest_link(locality: Locality, language: str | None = None) -> html.P:
    """"Lämna ett förslag för Storebro": the ideas page with the locality chosen, its form ready."""
    return html.P(
        dcc.Link(text("idea_suggest_link", language, locality=locality.name),
                 href=locality_link(IDEAS_PATH, locality.id), className="button secondary"),
        className="idea-suggest",
    )


def idea_href(idea: Idea) -> str:
    """The ideas page with the idea's locality chosen, scrolled to the idea's card (``id="idea-N"``)."""
    base = locality_link(IDEAS_PATH, idea.locality_id) if idea.locality_id else IDEAS_PATH
    return f"{base}#idea-{idea.id}"


def origin_line(idea: Idea, language: str | None = None) -> html.Div:
    """"Kom från förslaget <title>" under an initiative, the title linked to the idea."""
    return html.Div(
        [text("initiative_from_idea", language), " ", dcc.Link(idea.title, href=idea_href(idea))],
        className="item-text source initiative-origin",
        **{"data-idea": idea.id},
    )
