"""Swedish texts for people, in one place, for the geometry import and its CLI.

Municipal staff read these, in the dashboard and in a terminal alike; keeping
them together keeps the wording consistent and ready for a catalogue later.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def listing(items: Iterable[object], last: str = ", ") -> str:
    """Items for a sentence: "a, b, c", or "a, b och c" with ``last=" och "``."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + last + words[-1]


FILE_MISSING = "filen finns inte"
NO_GEOMETRY = "filen innehåller ingen geometri"
NO_FEATURES = "filen innehåller inga objekt"
UNKNOWN_CRS = (
    "okänt koordinatsystem (CRS): filen anger inget; för en Shapefile behövs .prj-filen bredvid .shp"
)
EMPTY_GEOMETRY = "geometri saknas (tom eller null)"
UNREPAIRABLE = "polygonen är ogiltig och kunde inte lagas"
AREA_OUTSIDE = "området ligger helt utanför kommungränsen"


def unreadable(detail: str) -> str:
    return f"filen kunde inte läsas som GeoJSON, GeoPackage eller Shapefile (teknisk orsak: {detail})"


def several_layers(names: Sequence[str]) -> str:
    return f"filen har {len(names)} lager ({listing(names)}); spara orterna i en fil med ett enda lager"


def no_key_field(looked_for: Iterable[str]) -> str:
    return (
        f"filen saknar fält med ortens namn eller id; letade efter fälten {listing(looked_for)} "
        "(stora och små bokstäver spelar ingen roll)"
    )


def nothing_matched(known_names: Iterable[str]) -> str:
    return f"inget objekt i filen matchade någon ort; kända orter är {listing(known_names)}"


def ambiguous(text: str, locality_ids: Iterable[str]) -> str:
    return f"”{text}” kan avse flera orter ({listing(sorted(locality_ids))}); använd ortens id"


def contradicting(pairs: Iterable[tuple[str, str]]) -> str:
    described = listing((f"”{text}” i fält ”{column}”" for text, column in pairs), last=" och ")
    return f"fälten pekar på olika orter: {described}"


def unsupported_type(geometry_type: str) -> str:
    return (
        f"geometritypen {geometry_type} stöds inte; en ort anges med en punkt (centrum) "
        "eller en polygon (område)"
    )


def duplicate(feature_labels: Sequence[str], is_point: bool, locality_name: str) -> str:
    both = "båda" if len(feature_labels) == 2 else "alla"
    what = "punkt" if is_point else "polygon"
    labels = listing(feature_labels, last=" och ")
    return f"dubblett: {labels} anger {both} en {what} för ”{locality_name}”; behåll en"


def point_outside(lat: float, lon: float) -> str:
    return f"punkten (N {lat:.5f}, E {lon:.5f}) ligger utanför kommungränsen; stämmer koordinatsystemet?"


def position_basis(file_name: str) -> str:
    """What ``Locality.position_basis`` says after an import, shown beside the point on the map."""
    return f"inläst från {file_name}"


def unmatched(label: str, column: str | None, text: str | None) -> str:
    """How an ignored feature is listed: ``objekt 7 (namn ”Mariannelund”)``."""
    if column is None or text is None:
        return f"{label} (utan namn eller id)"
    return f"{label} ({column} ”{text}”)"


# ------------------------------------------------------------------------- CLI

CLI_DESCRIPTION = (
    "Allas Vimmerby: läs in orternas lägen (punkter) och områden (polygoner) från en geodatafil."
)

CLI_RULES = """\
Filformat: GeoJSON (.geojson, .json), GeoPackage (.gpkg, ett lager) eller
Shapefile (.shp med .shx, .dbf och .prj bredvid, eller alla packade i en .zip).

Koordinatsystem: filens eget (t.ex. SWEREF 99 TM, EPSG:3006) räknas om till
WGS 84. En GeoJSON utan angivet system är WGS 84; andra filer måste ange sitt
(en Shapefile behöver sin .prj-fil).

Vilken ort ett objekt gäller: fälten id, locality_id, ort_id, name, namn, ort
eller tatort (stora och små bokstäver i fältnamnet spelar ingen roll) ska
innehålla ortens id (t.ex. sodra-vi) eller namn (t.ex. Södra Vi). Värden jämförs
utan hänsyn till stora och små bokstäver och mellanslag, och om det inte räcker
även utan å, ä, ö och bindestreck: "Sodra Vi" och "sodra-vi" betyder Södra Vi.
Objekt som inte matchar någon ort hoppas över och listas.

Geometri: en punkt blir ortens nya centrum (och läget räknas inte längre som
ungefärligt); en polygon eller multipolygon blir ortens område (ogiltiga
polygoner lagas). En ort får ha en punkt och en polygon i samma fil, men inte
två av samma slag. Punkter måste ligga inom kommungränsen. Linjer stöds inte.

Filen sparas helt eller inte alls: hittas något fel skrivs alla fel ut och
ingenting sparas.
"""


def database_help(env_name: str, default_url: str) -> str:
    return f"databasens adress (SQLAlchemy-URL); annars {env_name} eller {default_url}"


def cannot_open_database(url: str, error: BaseException) -> str:
    return f"Kunde inte öppna databasen {url}: {error}"


def cannot_save(file_name: str, error: BaseException) -> str:
    return f"{file_name}: kunde inte sparas i databasen; inget har sparats: {error}"


def moved(name: str, before: tuple[float, float], after: tuple[float, float], was_approximate: bool) -> str:
    note = " (var ungefärligt)" if was_approximate else ""
    return (
        f"{name}: nytt läge {after[0]:.5f}, {after[1]:.5f} "
        f"(förut {before[0]:.5f}, {before[1]:.5f}){note}"
    )


def area_set(name: str, replaced: bool) -> str:
    return f"{name}: område {'ersatt' if replaced else 'inläst'}"


def unchanged(name: str) -> str:
    return f"{name}: oförändrad (samma läge och område som redan sparats)"


def ignored_heading(count: int) -> str:
    return f"{count} objekt matchade ingen ort och hoppades över:"


def saved(file_name: str, changed: int) -> str:
    word = "ort" if changed == 1 else "orter"
    return f"{file_name}: {changed} {word} ändrade och sparade."
