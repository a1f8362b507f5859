"""The geodata catalogue: what the geometry import and its CLI say to people.

Municipal staff read these, in the dashboard and in a terminal alike. Each
message is a key with a Swedish and an English template; ``t`` makes a
``Text`` that is its Swedish wording and renders in English on request. The
few functions below only compute parameters (a count, a joined list, rounded
coordinates) and return a ``Text`` too. The CLI's argparse help stays Swedish
by decision and lives in ``geodata/cli.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indicators.i18n.texts import Catalogue, Listing, Text

SV = {
    # Joining items in a sentence: "a, b och c".
    "and_list": "{rest} och {last}",
    "feature": "objekt {number}",
    # Problems with a geometry file.
    "file_missing": "filen finns inte",
    "no_geometry": "filen innehåller ingen geometri",
    "no_features": "filen innehåller inga objekt",
    "unknown_crs": (
        "okänt koordinatsystem (CRS): filen anger inget; för en Shapefile behövs .prj-filen bredvid .shp"
    ),
    "empty_geometry": "geometri saknas (tom eller null)",
    "unrepairable": "polygonen är ogiltig och kunde inte lagas",
    "area_outside": "området ligger helt utanför kommungränsen",
    "unreadable": "filen kunde inte läsas som GeoJSON, GeoPackage eller Shapefile (teknisk orsak: {detail})",
    "several_layers": "filen har {count} lager ({names}); spara orterna i en fil med ett enda lager",
    "no_key_field": (
        "filen saknar fält med ortens namn eller id; letade efter fälten {fields} "
        "(stora och små bokstäver spelar ingen roll)"
    ),
    "nothing_matched": "inget objekt i filen matchade någon ort; kända orter är {names}",
    "ambiguous": "”{text}” kan avse flera orter ({ids}); använd ortens id",
    "value_in_field": "”{text}” i fält ”{field}”",
    "contradicting": "fälten pekar på olika orter: {values}",
    "unsupported_type": (
        "geometritypen {type} stöds inte; en ort anges med en punkt (centrum) eller en polygon (område)"
    ),
    "shape_point": "punkt",
    "shape_polygon": "polygon",
    "duplicate_two": "dubblett: {features} anger båda en {shape} för ”{locality}”; behåll en",
    "duplicate_many": "dubblett: {features} anger alla en {shape} för ”{locality}”; behåll en",
    "point_outside": "punkten (N {lat}, E {lon}) ligger utanför kommungränsen; stämmer koordinatsystemet?",
    # A file refused before or while GDAL reads it, or a feature whose geometry cannot be used.
    "not_geodata": (
        "filen kunde inte läsas: innehållet är varken GeoJSON, GeoPackage, Shapefile "
        "eller en zip-fil med en Shapefile (formatet avgörs av innehållet, inte av filnamnet)"
    ),
    "format_mismatch": "filen kunde inte läsas som {expected}: GDAL känner igen den som formatet {driver}",
    "no_layers": "filen innehåller inget lager",
    "too_large": (
        "filen är för stor: {size} MB okomprimerad, gränsen är {limit} MB "
        "(sätts med miljövariabeln {env})"
    ),
    "too_many_features": (
        "filen har fler än {limit} objekt, vilket är gränsen (sätts med miljövariabeln {env})"
    ),
    "bad_limit": "{env} måste vara ett positivt heltal, inte ”{value}”",
    "zip_broken": "zip-filen är trasig och kunde inte packas upp (teknisk orsak: {detail})",
    "zip_no_shapefile": (
        "zip-filen innehåller ingen Shapefile (.shp); packa orternas .shp, .shx, .dbf och .prj i zip-filen"
    ),
    "part_shx": ".shx (indexet)",
    "part_dbf": ".dbf (fälten med namn och id)",
    "shapefile_parts_missing": (
        "Shapefilen ”{stem}” saknar {parts}; .shp, .shx och .dbf (och helst .prj) "
        "måste ligga tillsammans, i samma mapp eller samma zip-fil"
    ),
    "ring_not_closed": (
        "en ring i polygonen är inte sluten: dess första och sista koordinat måste vara samma punkt"
    ),
    "geometry_unreadable": "geometrin kunde inte läsas (teknisk orsak: {detail})",
    "coordinate_not_finite": "en koordinat är {value}, inte ett tal; alla koordinater måste vara tal",
    "coordinate_out_of_range": (
        "koordinaterna hamnar utanför jordklotet (longitud −180 till 180, latitud −90 till 90 grader) "
        "i WGS 84; stämmer koordinatsystemet?"
    ),
    "crs_unusable": "filens koordinatsystem (CRS) kunde inte tolkas (teknisk orsak: {detail})",
    "reprojection_failed": "koordinaterna kunde inte räknas om till WGS 84 (teknisk orsak: {detail})",
    # What an import leaves behind.
    "position_basis": "inläst från {file}",
    "unmatched_named": "{feature} ({field} ”{text}”)",
    "unmatched_nameless": "{feature} (utan namn eller id)",
    # Municipality boundary, areas and made-up localities.
    "unknown_municipality": (
        "Okänd kommunkod ”{code}”: ingen kommun med den koden finns i SCB:s kommungränser "
        "(koden är fyra siffror, till exempel ”0884” för Vimmerby)."
    ),
    "locality_ids_not_unique": "Ort-id:n måste vara unika för att områden ska kunna beräknas.",
    "invalid_area": "Området för ”{name}” ({id}) är inte giltig GeoJSON: {error}",
    "negative_count": "Antalet orter kan inte vara negativt.",
    # The CLI's report.
    "cannot_open_database": "Kunde inte öppna databasen {url}: {error}",
    "cannot_save": "{file}: kunde inte sparas i databasen; inget har sparats: {error}",
    "moved": "{name}: nytt läge {lat}, {lon} (förut {old_lat}, {old_lon})",
    "moved_from_approximate": "{name}: nytt läge {lat}, {lon} (förut {old_lat}, {old_lon}) (var ungefärligt)",
    "area_read": "{name}: område inläst",
    "area_replaced": "{name}: område ersatt",
    "unchanged": "{name}: oförändrad (samma läge och område som redan sparats)",
    "ignored_one": "1 objekt matchade ingen ort och hoppades över:",
    "ignored_many": "{count} objekt matchade ingen ort och hoppades över:",
    "saved_one": "{file}: 1 ort ändrade och sparade.",
    "saved_many": "{file}: {count} orter ändrade och sparade.",
}

EN = {
    "and_list": "{rest} and {last}",
    "feature": "feature {number}",
    "file_missing": "the file does not exist",
    "no_geometry": "the file contains no geometry",
    "no_features": "the file contains no features",
    "unknown_crs": (
        "unknown coordinate reference system (CRS): the file does not state one; "
        "a Shapefile needs its .prj file next to the .shp"
    ),
    "empty_geometry": "geometry missing (empty or null)",
    "unrepairable": "the polygon is invalid and could not be repaired",
    "area_outside": "the area lies entirely outside the municipal boundary",
    "unreadable": "the file could not be read as GeoJSON, GeoPackage or Shapefile (technical reason: {detail})",
    "several_layers": "the file has {count} layers ({names}); save the localities in a file with a single layer",
    "no_key_field": (
        "the file has no field with the locality's name or id; looked for the fields {fields} "
        "(upper and lower case do not matter)"
    ),
    "nothing_matched": "no feature in the file matched a locality; known localities are {names}",
    "ambiguous": "“{text}” could mean several localities ({ids}); use the locality's id",
    "value_in_field": "“{text}” in field “{field}”",
    "contradicting": "the fields point to different localities: {values}",
    "unsupported_type": (
        "geometry type {type} is not supported; a locality is given as a point (centre) or a polygon (area)"
    ),
    "shape_point": "point",
    "shape_polygon": "polygon",
    "duplicate_two": "duplicate: {features} both give a {shape} for “{locality}”; keep one",
    "duplicate_many": "duplicate: {features} all give a {shape} for “{locality}”; keep one",
    "point_outside": (
        "the point (N {lat}, E {lon}) lies outside the municipal boundary; is the coordinate system right?"
    ),
    "not_geodata": (
        "the file could not be read: its content is neither GeoJSON, GeoPackage, Shapefile "
        "nor a zip file with a Shapefile (the format is told by the content, not by the file name)"
    ),
    "format_mismatch": "the file could not be read as {expected}: GDAL recognises it as the format {driver}",
    "no_layers": "the file contains no layer",
    "too_large": (
        "the file is too large: {size} MB uncompressed, the limit is {limit} MB "
        "(set with the environment variable {env})"
    ),
    "too_many_features": (
        "the file has more than {limit} features, which is the limit (set with the environment variable {env})"
    ),
    "bad_limit": "{env} must be a positive whole number, not “{value}”",
    "zip_broken": "the zip file is broken and could not be unpacked (technical reason: {detail})",
    "zip_no_shapefile": (
        "the zip file contains no Shapefile (.shp); pack the localities' .shp, .shx, .dbf and .prj in the zip file"
    ),
    "part_shx": ".shx (the index)",
    "part_dbf": ".dbf (the fields with names and ids)",
    "shapefile_parts_missing": (
        "the Shapefile “{stem}” lacks {parts}; .shp, .shx and .dbf (and preferably .prj) "
        "must be kept together, in the same folder or the same zip file"
    ),
    "ring_not_closed": (
        "a ring of the polygon is not closed: its first and last coordinate must be the same point"
    ),
    "geometry_unreadable": "the geometry could not be read (technical reason: {detail})",
    "coordinate_not_finite": "a coordinate is {value}, not a number; every coordinate must be a number",
    "coordinate_out_of_range": (
        "the coordinates fall outside the globe (longitude −180 to 180, latitude −90 to 90 degrees) "
        "in WGS 84; is the coordinate system right?"
    ),
    "crs_unusable": (
        "the file's coordinate reference system (CRS) could not be understood (technical reason: {detail})"
    ),
    "reprojection_failed": "the coordinates could not be converted to WGS 84 (technical reason: {detail})",
    "position_basis": "imported from {file}",
    "unmatched_named": "{feature} ({field} “{text}”)",
    "unmatched_nameless": "{feature} (no name or id)",
    "unknown_municipality": (
        "Unknown municipality code “{code}”: no municipality with that code is in Statistics Sweden's (SCB) "
        "municipal boundaries (the code is four digits, for example “0884” for Vimmerby)."
    ),
    "locality_ids_not_unique": "Locality ids must be unique for areas to be computed.",
    "invalid_area": "The area for “{name}” ({id}) is not valid GeoJSON: {error}",
    "negative_count": "The number of localities cannot be negative.",
    "cannot_open_database": "Could not open the database {url}: {error}",
    "cannot_save": "{file}: could not be saved in the database; nothing has been saved: {error}",
    "moved": "{name}: new position {lat}, {lon} (previously {old_lat}, {old_lon})",
    "moved_from_approximate": (
        "{name}: new position {lat}, {lon} (previously {old_lat}, {old_lon}) (was approximate)"
    ),
    "area_read": "{name}: area imported",
    "area_replaced": "{name}: area replaced",
    "unchanged": "{name}: unchanged (same position and area as already saved)",
    "ignored_one": "1 feature matched no locality and was skipped:",
    "ignored_many": "{count} features matched no locality and were skipped:",
    "saved_one": "{file}: 1 locality changed and saved.",
    "saved_many": "{file}: {count} localities changed and saved.",
}

CATALOGUE = Catalogue("geodata", {"sv": SV, "en": EN})


def t(key: str, **params: object) -> Text:
    return CATALOGUE.text(key, **params)


def _degrees(value: float) -> str:
    """A coordinate as the messages have always shown it: five decimals, a point in every language."""
    return f"{value:.5f}"


def and_listing(items: Sequence[object]) -> object:
    """Items for a sentence, each in the reader's language: "a, b och c" / "a, b and c"."""
    if len(items) <= 1:
        return items[0] if items else ""
    return t("and_list", rest=Listing(list(items[:-1])), last=items[-1])


def feature(number: int) -> Text:
    """The n-th feature of a file: "objekt 7" / "feature 7"."""
    return t("feature", number=number)


def several_layers(names: Sequence[str]) -> Text:
    return t("several_layers", count=len(names), names=Listing(list(names)))


def shapefile_parts_missing(stem: str, suffixes: Sequence[str]) -> Text:
    """``Shapefilen ”orter” saknar .shx (indexet) och .dbf (...)``: each missing part with what it holds."""
    parts = [t("part_" + suffix.lstrip(".")) for suffix in suffixes]
    return t("shapefile_parts_missing", stem=stem, parts=and_listing(parts))


def contradicting(pairs: Iterable[tuple[str, str]]) -> Text:
    values = [t("value_in_field", text=text, field=column) for text, column in pairs]
    return t("contradicting", values=and_listing(values))


def duplicate(feature_numbers: Sequence[int], is_point: bool, locality_name: str) -> Text:
    features = and_listing([feature(number) for number in feature_numbers])
    shape = t("shape_point") if is_point else t("shape_polygon")
    key = "duplicate_two" if len(feature_numbers) == 2 else "duplicate_many"
    return t(key, features=features, shape=shape, locality=locality_name)


def point_outside(lat: float, lon: float) -> Text:
    return t("point_outside", lat=_degrees(lat), lon=_degrees(lon))


def unmatched(number: int, column: str | None, text: str | None) -> Text:
    """How an ignored feature is listed: ``objekt 7 (namn ”Mariannelund”)``."""
    if column is None or text is None:
        return t("unmatched_nameless", feature=feature(number))
    return t("unmatched_named", feature=feature(number), field=column, text=text)


# ------------------------------------------------------------------------- CLI


def moved(name: str, before: tuple[float, float], after: tuple[float, float], was_approximate: bool) -> Text:
    key = "moved_from_approximate" if was_approximate else "moved"
    return t(
        key,
        name=name,
        lat=_degrees(after[0]),
        lon=_degrees(after[1]),
        old_lat=_degrees(before[0]),
        old_lon=_degrees(before[1]),
    )


def area_set(name: str, replaced: bool) -> Text:
    return t("area_replaced" if replaced else "area_read", name=name)


def ignored_heading(count: int) -> Text:
    return t("ignored_one") if count == 1 else t("ignored_many", count=count)


def saved(file_name: str, changed: int) -> Text:
    return t("saved_one", file=file_name) if changed == 1 else t("saved_many", file=file_name, count=changed)
