import pytest

from indicators.core.errors import InputError
from indicators.groupwork.store import StaleWriteError
from indicators.presentations.slides import (
    Presentation,
    default_slides,
    moved,
    presentation_problems,
    shown_slides,
)
from indicators.presentations.store import PresentationStore

LOCALITIES = ["storebro", "tuna"]


def test_the_default_sequence_opens_with_the_change_view_then_overview_each_locality_comparison_and_progress():
    assert default_slides(LOCALITIES) == ("sedan-motet", "oversikt", "ort:storebro", "ort:tuna", "jamforelse", "framsteg")


def test_a_saved_presentation_keeps_its_slides_and_may_hold_the_new_ones():
    older = ("oversikt", "ort:tuna", "framsteg")  # saved before the opening slide existed
    assert shown_slides(older, LOCALITIES) == (older, ())
    assert presentation_problems(Presentation("Möte", ("forslag", "sedan-motet", *older)), LOCALITIES) == []


def test_a_slide_for_a_removed_locality_is_left_out_and_reported():
    kept, dropped = shown_slides(("oversikt", "ort:mariannelund", "ort:tuna"), LOCALITIES)
    assert kept == ("oversikt", "ort:tuna") and dropped == ("ort:mariannelund",)


def test_moving_a_slide_stays_within_the_list():
    slides = ("a", "b", "c")
    assert moved(slides, 2, -1) == ("a", "c", "b")
    assert moved(slides, 0, -1) == slides
    assert moved(slides, 5, 1) == slides


def test_a_presentation_needs_a_name_and_known_slides():
    problems = presentation_problems(Presentation("", ("ort:nowhere",)), LOCALITIES)
    assert {p.field for p in problems} == {"name", "slides"}


def test_saving_twice_from_the_same_version_is_refused(store):
    presentations = PresentationStore(store)
    localities = {loc.id for loc in store.localities()}
    saved = presentations.save(Presentation("Strategiskt möte 2027", default_slides(["tuna"])), username="anna",
                               locality_ids=localities)
    assert saved.version == 1 and saved.slides[2] == "ort:tuna"
    presentations.save(Presentation(saved.name, saved.slides[::-1], saved.id, saved.version), username="anna",
                       locality_ids=localities)
    with pytest.raises(StaleWriteError):
        presentations.save(Presentation(saved.name, saved.slides, saved.id, saved.version), username="bo",
                           locality_ids=localities)
    with pytest.raises(InputError):
        presentations.save(Presentation("Strategiskt möte 2027", ("oversikt",)), username="anna",
                           locality_ids=localities)
    assert [p.name for p in presentations.presentations()] == ["Strategiskt möte 2027"]
