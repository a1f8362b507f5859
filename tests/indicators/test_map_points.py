"""The map's lean reads: the initiatives with a place as columns, with the same filters as the full
read; a description only for an initiative the map shows; the public idea an initiative came from."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.groupwork.map_points import initiative_description, initiative_points
from indicators.groupwork.records import Initiative, InitiativeStatus
from indicators.groupwork.store import GroupworkStore
from indicators.ideas.origins import initiative_origins
from indicators.ideas.records import Idea
from indicators.ideas.rules import Step
from indicators.ideas.store import IdeaStore

PLACE = {"lat": 57.587, "lon": 15.841}


@pytest.fixture
def gw(store) -> GroupworkStore:
    gw = GroupworkStore(store)
    for initiative in (
        Initiative("storebro", "Belysning", InitiativeStatus.ONGOING, areas=("kontakt", "leva"), progress=40,
                   start=date(2024, 3, 1), description="Lampor längs cykelvägen.", **PLACE),
        Initiative("tuna", "Badplats", InitiativeStatus.DONE, areas=("trivas",), start=date(2021, 5, 1),
                   end=date(2022, 8, 1), lat=57.58, lon=16.0),
        Initiative("tuna", "Utan plats", InitiativeStatus.PLANNED, areas=("trivas",)),
        Initiative("vimmerby", "Inget område", InitiativeStatus.IDEA, lat=57.66, lon=15.85),
    ):
        gw.save_initiative(initiative, username="test")
    return gw


@pytest.mark.parametrize("filters", [
    {}, {"statuses": ["ongoing", "done"]}, {"areas": ["trivas"]}, {"areas": ["leva", "trivas"]}, {"year": 2022},
    {"year": 2025}, {"statuses": ["idea"], "areas": ["leva"]},
])
def test_the_points_are_the_initiatives_with_a_place_that_the_full_read_finds(store, gw, filters):
    points = initiative_points(store, **filters)
    expected = sorted((i for i in gw.initiatives(**filters) if i.lat is not None), key=lambda i: i.id)
    assert list(points.id) == [i.id for i in expected]
    assert list(points.title) == [i.title for i in expected]
    assert list(points.status) == [i.status for i in expected]
    assert list(points.areas) == [tuple(i.areas) for i in expected]  # in their order: the first gives the colour
    assert list(points.progress) == [i.progress for i in expected]
    assert list(zip(points.lat_e5, points.lon_e5, strict=True)) == [(round(i.lat * 1e5), round(i.lon * 1e5))
                                                                   for i in expected]  # to about a metre
    assert len(points) == len(expected)


def test_no_initiative_with_a_place_gives_empty_columns(store):
    assert len(initiative_points(store)) == 0 and initiative_points(store).id == ()


def test_a_description_is_read_only_for_an_initiative_the_map_shows(store, gw):
    by_title = {i.title: i for i in gw.initiatives()}
    assert initiative_description(store, by_title["Belysning"].id) == "Lampor längs cykelvägen."
    assert initiative_description(store, by_title["Inget område"].id) == ""
    assert initiative_description(store, by_title["Utan plats"].id) is None  # not on the map
    assert initiative_description(store, 999_999) is None


def test_an_initiative_names_the_idea_it_came_from_only_while_that_idea_is_public(store, gw):
    ideas = IdeaStore(store, salt=b"")
    [initiative] = [i for i in gw.initiatives() if i.title == "Belysning"]
    idea = ideas.record(Idea("storebro", "Lampor vid ån", **PLACE), username="test")
    ideas.step(idea.id, idea.version, Step.TO_INITIATIVE, username="test", initiative_id=initiative.id)

    [(initiative_id, origin)] = initiative_origins(store).items()
    assert initiative_id == initiative.id
    assert (origin.idea_id, origin.locality_id, origin.title) == (idea.id, "storebro", "Lampor vid ån")

    became = ideas.idea(idea.id)
    ideas.step(became.id, became.version, Step.HIDE, username="test")
    assert initiative_origins(store) == {}
