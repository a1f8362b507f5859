"""The geodata catalogue: geometry-file problems and import reports read in Swedish and in English."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
import shapely
from shapely.geometry.base import BaseGeometry

from geodata import messages
from geodata.areas import locality_areas
from geodata.boundary import municipality_boundary
from geodata.crs import to_sweref
from geodata.io import read_locality_geometries
from geodata.synthetic import synthetic_localities
from indicators.core.errors import FEATURE, InputError, Problem
from indicators.core.model import Locality
from indicators.i18n.texts import Text, render

WriteLayer = Callable[..., Path]

VIMMERBY_NEW = shapely.Point(15.8550, 57.6690)
TUNA_NEW = shapely.Point(16.1000, 57.5800)


def problems_of(path: Path, localities: list[Locality]) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        read_locality_geometries(path, localities)
    return raised.value.problems


def test_unknown_crs_renders_in_english(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("utan_prj.shp", {"namn": ["Vimmerby"]}, [to_sweref(VIMMERBY_NEW)], crs=None)
    (problem,) = problems_of(path, ten)
    assert isinstance(problem.message, Text) and problem.row_label == FEATURE
    assert str(problem).startswith("utan_prj.shp: okänt koordinatsystem (CRS)")
    english = problem.render("en")
    assert english.startswith("utan_prj.shp: unknown coordinate reference system (CRS)")
    assert "the file does not state one" in english and "okänt" not in english


def test_feature_problem_names_the_feature_in_english(write_layer: WriteLayer, ten: list[Locality]) -> None:
    line = shapely.LineString([(15.80, 57.66), (15.90, 57.67)])
    path = write_layer("linje.geojson", {"namn": ["Vimmerby", "Tuna"]}, [VIMMERBY_NEW, line])
    (problem,) = problems_of(path, ten)
    assert str(problem).startswith("linje.geojson, objekt 2, fält ”geometry”: geometritypen LineString stöds inte")
    assert problem.render("en") == (
        "linje.geojson, feature 2, field “geometry”: geometry type LineString is not supported; "
        "a locality is given as a point (centre) or a polygon (area)"
    )
    report = InputError([problem]).report("en")
    assert report.startswith("1 problem found; nothing has been saved:\n  linje.geojson, feature 2, field “geometry”:")


def test_duplicates_join_features_per_language(write_layer: WriteLayer, ten: list[Locality]) -> None:
    points = [VIMMERBY_NEW, VIMMERBY_NEW, TUNA_NEW, VIMMERBY_NEW]
    path = write_layer("dubbel.gpkg", {"namn": ["Vimmerby", "vimmerby", "Tuna", "VIMMERBY"]}, points)
    (problem,) = problems_of(path, ten)
    assert problem.message == (
        "dubblett: objekt 1, objekt 2 och objekt 4 anger alla en punkt för ”Vimmerby”; behåll en"
    )
    assert problem.render("en") == (
        "dubbel.gpkg, feature 2, field “namn”: duplicate: feature 1, feature 2 and feature 4 "
        "all give a point for “Vimmerby”; keep one"
    )


def test_two_duplicate_areas_in_english() -> None:
    message = messages.duplicate([1, 3], is_point=False, locality_name="Tuna")
    assert message == "dubblett: objekt 1 och objekt 3 anger båda en polygon för ”Tuna”; behåll en"
    assert message.render("en") == "duplicate: feature 1 and feature 3 both give a polygon for “Tuna”; keep one"


def test_contradicting_fields_and_point_outside_in_english(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer(
        "motsagelse.geojson", {"id": ["vimmerby", "tuna"], "namn": ["Tuna", "Tuna"]},
        [VIMMERBY_NEW, shapely.Point(15.2, 57.6)],
    )
    contradiction, outside = problems_of(path, ten)
    assert contradiction.message == "fälten pekar på olika orter: ”vimmerby” i fält ”id” och ”Tuna” i fält ”namn”"
    assert contradiction.render("en") == (
        "motsagelse.geojson, feature 1: the fields point to different localities: "
        "“vimmerby” in field “id” and “Tuna” in field “namn”"
    )
    assert "(N 57.60000, E 15.20000) ligger utanför kommungränsen" in outside.message
    assert outside.render("en").endswith(
        "feature 2, field “geometry”: the point (N 57.60000, E 15.20000) lies outside the municipal boundary; "
        "is the coordinate system right?"
    )


def test_unmatched_features_and_position_basis_render_in_english(
    write_layer: WriteLayer, ten: list[Locality]
) -> None:
    path = write_layer(
        "orter.gpkg", {"namn": ["Vimmerby", "Mariannelund", None]},
        [VIMMERBY_NEW, shapely.Point(15.3, 57.6), shapely.Point(15.9, 57.7)],
    )
    result = read_locality_geometries(path, ten)
    assert [render(text, "en") for text in result.ignored] == [
        "feature 2 (namn “Mariannelund”)", "feature 3 (no name or id)",
    ]
    assert render(result.updated[0].position_basis, "en") == "imported from orter.gpkg"


def test_file_level_problems_list_names_in_english(write_layer: WriteLayer, ten: list[Locality]) -> None:
    path = write_layer("anon.gpkg", {"beskrivning": ["centrum"]}, [VIMMERBY_NEW])
    (problem,) = problems_of(path, ten)
    english = problem.render("en")
    assert english.startswith("anon.gpkg: the file has no field with the locality's name or id")
    assert "id, locality_id, ort_id, name, namn, ort, tatort" in english
    assert "(upper and lower case do not matter)" in english


def test_cli_report_lines_render_in_english() -> None:
    assert messages.saved("orter.gpkg", 1).render("en") == "orter.gpkg: 1 locality changed and saved."
    assert messages.saved("orter.gpkg", 2) == "orter.gpkg: 2 orter ändrade och sparade."
    assert messages.saved("orter.gpkg", 1) == "orter.gpkg: 1 ort ändrad och sparad."
    assert messages.ignored_heading(3).render("en") == "3 features matched no locality and were skipped:"
    moved = messages.moved("Tuna", (57.5, 16.0), (57.58, 16.1), was_approximate=True)
    assert moved == "Tuna: nytt läge 57.58000, 16.10000 (förut 57.50000, 16.00000) (var ungefärligt)"
    assert moved.render("en") == (
        "Tuna: new position 57.58000, 16.10000 (previously 57.50000, 16.00000) (was approximate)"
    )
    assert messages.area_set("Tuna", replaced=True).render("en") == "Tuna: area replaced"


def test_setting_and_data_errors_render_in_english(ten: list[Locality], boundary: BaseGeometry) -> None:
    with pytest.raises(ValueError) as unknown:
        municipality_boundary("0000")
    assert render(unknown.value.args[0], "en").startswith("Unknown municipality code “0000”: no municipality")

    broken = [dataclasses.replace(ten[0], area_geojson="{inte json"), *ten[1:]]
    with pytest.raises(ValueError) as invalid:
        locality_areas(broken, boundary)
    assert render(invalid.value.args[0], "en").startswith("The area for “Vimmerby” (vimmerby) is not valid GeoJSON: ")

    with pytest.raises(ValueError) as twice:
        locality_areas([ten[0], ten[0]], boundary)
    assert render(twice.value.args[0], "en") == "Locality ids must be unique for areas to be computed."

    with pytest.raises(ValueError) as negative:
        synthetic_localities(-1, boundary)
    assert str(negative.value) == "Antalet orter kan inte vara negativt."
    assert render(negative.value.args[0], "en") == "The number of localities cannot be negative."
