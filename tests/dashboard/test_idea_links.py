"""The map panel and the groups page link to the ideas page for the chosen locality, and an initiative
that came from an idea shows that idea — its title as typed, linked to its card on the ideas page."""

from __future__ import annotations

from dash import dcc

from dashboard.components.idea_links import idea_href
from dashboard.views.groups import render_groups
from dashboard.views.map import panel_content
from indicators.groupwork import service as gw_service
from indicators.groupwork.records import Initiative
from indicators.ideas import service
from indicators.ideas.records import Idea, Sender, Submission
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore
from indicators.storage.app_settings import AppSettings
from tests.dashboard.helpers import attribute, components, nodes, texts

TITLE = "Bänk vid ån {{ 7*7 }} <b>fet</b>"


def links(component) -> dict[str, str]:
    """href → link text for every link inside the app in a tree: a ``dcc.Link``, or the node one
    becomes in ``StaticTree`` data (``{"t": "a", "a": {"href": …, "data-app-link": "1"}}``, as the
    locality panel is built)."""
    found = {c.href: texts(c.children) for c in components(component) if isinstance(c, dcc.Link)}
    found.update({attribute(n, "href"): texts(n) for n in nodes(component)
                  if n["t"] == "a" and attribute(n, "data-app-link") == "1"})
    return found


def _idea_made_initiative(dashboard_data) -> tuple[Idea, int]:
    """A resident's Storebro idea, published and made an initiative by staff."""
    ideas = IdeaStore(dashboard_data.store, salt=b"test")
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    sent = service.submit(
        ideas, Sender("10.0.0.1"), Submission(Idea("storebro", TITLE, areas=("trivas",))),
        known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True, values=AppSettings.defaults(),
    )  # fmt: skip
    published = service.moderate(ideas, admin, sent.id, sent.version, Step.PUBLISH)
    idea, initiative = service.to_initiative(
        ideas, dashboard_data.gw, admin, published.id, published.version,
        known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True,
    )  # fmt: skip
    return idea, initiative.id


def test_the_map_panel_offers_to_leave_an_idea_for_its_locality(dashboard_data):
    panel = panel_content(dashboard_data, "storebro", None, "sv")
    assert links(panel)["/forslag?ort=storebro"] == "Lämna ett förslag för Storebro"
    english = panel_content(dashboard_data, "tuna", None, "en")
    assert links(english)["/forslag?ort=tuna"] == "Suggest an idea for Tuna"


def test_the_overview_panel_without_a_locality_has_no_such_link(dashboard_data):
    assert not [href for href in links(panel_content(dashboard_data, None, None, "sv")) if "/forslag" in href]


def test_the_groups_page_offers_to_leave_an_idea_for_the_chosen_locality(dashboard_data):
    view = render_groups(dashboard_data, "sodra-vi", "12m", "sv")
    assert links(view.detail)["/forslag?ort=sodra-vi"] == "Lämna ett förslag för Södra Vi"


def test_an_initiative_shows_the_idea_it_came_from_as_typed_and_linked(dashboard_data):
    idea, _initiative_id = _idea_made_initiative(dashboard_data)
    view = render_groups(dashboard_data, "storebro", "12m", "sv")
    href = f"/forslag?ort=storebro#idea-{idea.id}"
    assert idea_href(idea) == href
    assert links(view.detail)[href] == TITLE  # the resident's text as a plain string: React shows it as text
    assert "Kom från förslaget" in texts(view.detail)
    rows = [node for node in nodes(view.detail) if attribute(node, "className") == "item-text source initiative-origin"]
    assert len(rows) == 1 and attribute(rows[0], "data-idea") == idea.id


def test_initiatives_without_an_idea_show_no_origin(dashboard_data):
    admin = gw_service.bootstrap_admin(dashboard_data.gw, "admin", "admin-lösenord-1")
    gw_service.save_initiative(dashboard_data.gw, admin, Initiative("tuna", "Badplats", "planned", areas=("trivas",)),
                               known_localities=dashboard_data.locality_ids(), area_contains=lambda *_: True)
    view = render_groups(dashboard_data, "tuna", "12m", "sv")
    assert "Badplats" in texts(view.detail)
    assert "Kom från förslaget" not in texts(view.detail)
