"""The geodata catalogue: what the geometry import and its CLI say to people.

Municipal staff read these, in the dashboard and in a terminal alike. Each
message is a key in the gettext domain ``geodata``
(``geodata/locales/<lang>/LC_MESSAGES/geodata.po``); ``t`` makes a ``Text`` that
is its Swedish wording and renders in English on request, ``tn`` one that
follows a count. The
few functions below only compute parameters (a count, a joined list, rounded
coordinates) and return a ``Text`` too. The CLI's argparse help stays Swedish
by decision and lives in ``geodata/cli.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from indicators.i18n.texts import N_, Catalogue, Listing, Text

CATALOGUE = Catalogue("geodata", Path(__file__).resolve().parent / "locales")
t = CATALOGUE.text
tn = CATALOGUE.plural

_PART_KEYS = {"shx": N_("part_shx"), "dbf": N_("part_dbf")}
"""What each missing part of a shapefile holds, by its suffix."""


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
    parts = [t(_PART_KEYS[suffix.lstrip(".")]) for suffix in suffixes]
    return t("shapefile_parts_missing", stem=stem, parts=and_listing(parts))


def contradicting(pairs: Iterable[tuple[str, str]]) -> Text:
    values = [t("value_in_field", text=text, field=column) for text, column in pairs]
    return t("contradicting", values=and_listing(values))


def duplicate(feature_numbers: Sequence[int], is_point: bool, locality_name: str) -> Text:
    features = and_listing([feature(number) for number in feature_numbers])
    shape = t("shape_point") if is_point else t("shape_polygon")
    key = N_("duplicate_two") if len(feature_numbers) == 2 else N_("duplicate_many")
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
    key = N_("moved_from_approximate") if was_approximate else N_("moved")
    return t(
        key,
        name=name,
        lat=_degrees(after[0]),
        lon=_degrees(after[1]),
        old_lat=_degrees(before[0]),
        old_lon=_degrees(before[1]),
    )


def area_set(name: str, replaced: bool) -> Text:
    return t(N_("area_replaced") if replaced else N_("area_read"), name=name)


def ignored_heading(count: int) -> Text:
    return tn("ignored", count)


def saved(file_name: str, changed: int) -> Text:
    return tn("saved", changed, file=file_name)
