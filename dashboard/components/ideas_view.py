"""The ideas page's pieces as Dash components: an idea card, the moderation queue, the counts table.

Every text a resident typed goes into a component's children as a plain string, which React
shows as text: ``{{ }}``, ``{% %}`` or ``<script>`` in a title appears exactly as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from dashboard.components.groups_view import area_names
from dashboard.components.widgets import dropdown
from dashboard.i18n.messages import plural, text
from dashboard.ids_ideas import IDEA_MODERATE, IDEA_REASON, IDEA_SUPPORT, IDEA_TARGET
from dashboard.views.formatting import number, rate
from dashboard.views.idea_rows import CountRow, status_line
from dashboard.views.public_names import GROUPS_PATH
from dashboard.views.url_state import locality_link
from indicators.groupwork.records import Initiative
from indicators.i18n.texts import N_
from indicators.ideas.records import Contact, Idea, IdeaStatus
from indicators.ideas.rules import Step


def idea_card(idea: Idea, initiative: Initiative | None, *, supported: bool, moderator: bool,
              language: str | None = None) -> html.Article:
    """A published idea: title, text, areas, status line, supports and the support button."""
    assert idea.id is not None
    parts: list = [
        html.H4(idea.title, className="idea-title"),
        html.P(status_line(idea, initiative, language), className="idea-status"),
    ]
    if idea.description:
        parts.append(html.P(idea.description, className="idea-description"))
    if idea.areas:
        parts.append(html.P(area_names(idea.areas), className="idea-areas"))
    if initiative is not None:
        parts.append(html.A(text("idea_see_initiative", language), href=locality_link(GROUPS_PATH, initiative.locality_id)))
    parts.append(html.Div([
        html.Span(plural("idea_supports", idea.supports, language), className="idea-support-count"),
        html.Button(text("idea_supported", language) if supported else text("idea_support", language),
                    id={"type": IDEA_SUPPORT, "id": idea.id}, disabled=supported, className="button secondary"),
    ], className="idea-support"))
    if moderator:
        parts.append(_public_actions(idea, language))
    return html.Article(parts, className="idea-card", id=f"idea-{idea.id}")


def _button(idea: Idea, step: Step, key: str, language: str | None, *, danger: bool = False) -> html.Button:
    return html.Button(text(key, language), id={"type": IDEA_MODERATE, "id": idea.id, "version": idea.version,
                                                "step": step.value},
                       className="button danger" if danger else "button secondary")


def _public_actions(idea: Idea, language: str | None) -> html.Div:
    buttons = []
    if idea.status is not IdeaStatus.INITIATIVE:
        buttons.append(_button(idea, Step.TO_INITIATIVE, N_("idea_to_initiative"), language))
    if idea.status is IdeaStatus.PUBLISHED or idea.status is IdeaStatus.DECLINED:
        buttons.append(_button(idea, Step.CONSIDER, N_("idea_consider"), language))
    if idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.CONSIDERING):
        buttons.append(_button(idea, Step.DECLINE, N_("idea_decline"), language))
    buttons.append(_button(idea, Step.HIDE, N_("idea_hide"), language, danger=True))
    return html.Div(buttons, className="idea-actions")


def queue_section(queue: Sequence[Idea], contacts: dict[int, Contact | None], others: Sequence[Idea],
                  language: str | None = None) -> list:
    """The moderation queue, oldest first; each idea with its contact (if any) and every step."""
    heading = html.H3(text("ideas_queue_heading", language))
    if not queue:
        return [heading, html.P(text("ideas_queue_empty", language))]
    return [heading, html.P(text("ideas_queue_help", language), className="hint"),
            *[_queue_item(idea, contacts.get(idea.id or 0), others, language) for idea in queue]]


def _queue_item(idea: Idea, contact: Contact | None, others: Sequence[Idea], language: str | None) -> html.Article:
    assert idea.id is not None
    targets = [{"label": other.title, "value": other.id} for other in others
               if other.id != idea.id and other.locality_id == idea.locality_id]
    details = [html.H4(idea.title, className="idea-title")]
    if idea.description:
        details.append(html.P(idea.description, className="idea-description"))
    details.append(html.P(area_names(idea.areas), className="idea-areas"))
    if idea.lat is not None and idea.lon is not None:
        details.append(html.P(text("idea_place_at", language, lat=number(idea.lat, language),
                                   lon=number(idea.lon, language)), className="hint"))
    if contact is not None:
        details.append(html.P(text("idea_contact_shown", language, contact=contact.contact), className="idea-contact"))
    reason_id = {"type": IDEA_REASON, "id": idea.id}
    target_id = {"type": IDEA_TARGET, "id": idea.id}
    details += [
        html.Div([
            _button(idea, Step.PUBLISH, N_("idea_publish"), language),
            _button(idea, Step.TO_INITIATIVE, N_("idea_to_initiative"), language),
        ], className="idea-actions"),
        html.Label(text("idea_reject_reason", language), htmlFor=str(reason_id)),
        dcc.Textarea(id=reason_id, rows=2, className="idea-reason"),
        _button(idea, Step.REJECT, N_("idea_reject"), language, danger=True),
        html.Div([
            dropdown(target_id, language, options=targets, placeholder=text("idea_merge_target", language)),  # type: ignore[arg-type]
            _button(idea, Step.MERGE, N_("idea_merge"), language),
        ], className="idea-merge"),
    ]
    return html.Article(details, className="idea-card pending", id=f"idea-queue-{idea.id}")


def counts_table(rows: Sequence[CountRow], language: str | None = None) -> html.Table:
    """Ideas and supports per locality, raw and per 1,000 inhabitants."""
    header = html.Tr([html.Th(text(key, language), scope="col") for key in
                      (N_("ideas_col_locality"), N_("ideas_col_ideas"), N_("ideas_col_supports"),
                       N_("ideas_col_ideas_1000"), N_("ideas_col_supports_1000"))])
    body = [html.Tr([html.Th(row.name, scope="row"), html.Td(str(row.ideas)), html.Td(str(row.supports)),
                     html.Td(rate(row.ideas_per_1000, language)), html.Td(rate(row.supports_per_1000, language))])
            for row in rows]
    return html.Table([html.Thead(header), html.Tbody(body)], className="data-table idea-counts")
