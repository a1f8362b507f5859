"""SCB's PxWeb API (version 1), the pure part: table metadata, the query, json-stat2 and PxWeb JSON answers.

Documented shapes (api.scb.se/OV0104/v1/doris/sv/ssd; docs/fetch.md): a GET of
a table's URL gives its metadata, ``{"title", "variables": [{"code", "text",
"values", "valueTexts", ...}]}``; a POST of ``{"query": [{"code", "selection":
{"filter": "item"|"all", "values": [...]}}], "response": {"format":
"json-stat2"}}`` gives the figures. json-stat2 is ``{"id": [dimension codes],
"size": [...], "dimension": {code: {"category": {"index": {value: position}}}},
"value": [... row-major ...], "updated"}``; PxWeb's own ``json`` format is
``{"columns": [{"code", "type"}], "data": [{"key": [...], "values": [...]}]}``
with ``".."`` for a value SCB does not give.

Localities meet SCB's regions by their tätort code (``Locality.scb_tatort_code``,
e.g. ``0884TC107``); a locality without one is looked for by name among the
municipality's regions of a table (småorter), and used only when exactly one
region has its name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from indicators.core.model import Locality
from indicators.observations.fetch.kolada_api import Malformed, iso_date

REGION = "Region"
CONTENTS = "ContentsCode"
TIME = "Tid"
POPULATION = "population"
LAND_AREA = "land_area"
CONTENT_PREFIXES: Mapping[str, tuple[str, ...]] = {
    POPULATION: ("folkmängd", "population"),
    LAND_AREA: ("landareal", "land area"),
}
"""What a table's ContentsCode texts begin with, per measure we read (Swedish and English tables)."""
MUNICIPALITY = "0884"


@dataclass(frozen=True)
class Table:
    """A table's metadata: its title, region codes with their texts, and the contents we read."""

    title: str
    regions: Mapping[str, str]
    contents: Mapping[str, str]
    """Measure (``population``, ``land_area``) → the table's ContentsCode."""
    hectares: bool
    """Land area given in hectares (converted to km²)."""
    updated: str | None = None


def parse_table(metadata: Any) -> Table:
    """The parts of a table's metadata the fetch needs; Malformed when it has no regions."""
    if not isinstance(metadata, dict) or not isinstance(metadata.get("variables"), list):
        raise Malformed("$.variables", "missing or not a list")
    regions: dict[str, str] = {}
    contents: dict[str, str] = {}
    hectares = False
    for index, variable in enumerate(metadata["variables"]):
        path = f"$.variables[{index}]"
        if not isinstance(variable, dict):
            raise Malformed(path, "not an object")
        codes, texts = variable.get("values"), variable.get("valueTexts")
        if not isinstance(codes, list) or not isinstance(texts, list) or len(codes) != len(texts):
            raise Malformed(path, "values and valueTexts must be lists of one length")
        if variable.get("code") == REGION:
            regions = {str(c): str(t) for c, t in zip(codes, texts, strict=True)}
        elif variable.get("code") == CONTENTS:
            for code, text in zip(codes, texts, strict=True):
                label = str(text).strip().casefold()
                for measure, prefixes in CONTENT_PREFIXES.items():
                    if measure not in contents and label.startswith(prefixes):
                        contents[measure] = str(code)
                        if measure == LAND_AREA:
                            hectares = "hektar" in label or "hectare" in label or re.search(r"\bha\b", label) is not None
    if not regions:
        raise Malformed("$.variables", "no Region variable")
    return Table(str(metadata.get("title") or ""), regions, contents, hectares, iso_date(metadata.get("updated")))


def region_name(text: str) -> str:
    """A region's own name from its text: ``0884TB105 Södra Vi`` or ``Södra Vi (Vimmerby kommun)`` → ``Södra Vi``."""
    name = re.sub(r"^\s*\d{4}[A-Z]{2}\d+\s*", "", text)
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class RegionMatch:
    """Which of a table's regions stands for which locality, and the localities left without one."""

    regions: Mapping[str, str]
    """Region code → locality id."""
    missing: tuple[str, ...]
    """Locality ids with no region in this table (by code, or by exactly one name)."""


def match_regions(table: Table, localities: Sequence[Locality], by_name: bool) -> RegionMatch:
    """Localities by their SCB tätort code; with ``by_name`` (småorter), only those without a code, by a
    unique name among the municipality's regions."""
    matched: dict[str, str] = {}
    missing: list[str] = []
    for locality in localities:
        code = (locality.scb_tatort_code or "").strip()
        if code and by_name:
            continue  # a tätort is read from the tätort table, not looked for among småorter
        if code:
            if code in table.regions:
                matched[code] = locality.id
            else:
                missing.append(locality.id)
            continue
        if not by_name:
            continue
        wanted = " ".join(locality.name.split()).casefold()
        hits = [c for c, text in table.regions.items() if c.startswith(MUNICIPALITY) and region_name(text) == wanted]
        if len(hits) == 1:
            matched[hits[0]] = locality.id
        else:
            missing.append(locality.id)
    return RegionMatch(matched, tuple(missing))


def query(regions: Sequence[str], contents: Sequence[str]) -> dict[str, Any]:
    """The POST body: these regions and contents, every year, answered as json-stat2."""
    return {
        "query": [
            {"code": REGION, "selection": {"filter": "item", "values": list(regions)}},
            {"code": CONTENTS, "selection": {"filter": "item", "values": list(contents)}},
            {"code": TIME, "selection": {"filter": "all", "values": ["*"]}},
        ],
        "response": {"format": "json-stat2"},
    }


@dataclass(frozen=True)
class Cell:
    """One figure of the answer: region, content code, year and value (None: SCB gives none)."""

    region: str
    content: str
    year: int
    value: float | None


def parse_cells(answer: Any) -> tuple[list[Cell], str | None]:
    """The cells of a json-stat2 or PxWeb JSON answer, and its ``updated`` date when it has one."""
    if isinstance(answer, dict) and "dimension" in answer:
        return _json_stat2(answer), iso_date(answer.get("updated"))
    if isinstance(answer, dict) and "columns" in answer:
        return _pxweb_json(answer), _pxweb_updated(answer)
    raise Malformed("$", "neither json-stat2 nor PxWeb JSON")


def _json_stat2(answer: dict[str, Any]) -> list[Cell]:
    ids, sizes, dimensions, values = answer.get("id"), answer.get("size"), answer.get("dimension"), answer.get("value")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise Malformed("$.id", "id and size must be lists of one length")
    if not isinstance(dimensions, dict):
        raise Malformed("$.dimension", "not an object")
    for needed in (REGION, CONTENTS, TIME):
        if needed not in ids:
            raise Malformed("$.id", f"no {needed} dimension")
    positions: list[list[str]] = []
    for code, size in zip(ids, sizes, strict=True):
        index = (dimensions.get(code) or {}).get("category", {}).get("index")
        if isinstance(index, list):
            ordered = [str(v) for v in index]
        elif isinstance(index, dict):
            ordered = [str(k) for k, _ in sorted(index.items(), key=lambda item: item[1])]
        else:
            raise Malformed(f"$.dimension.{code}.category.index", "missing")
        if not isinstance(size, int) or len(ordered) != size:
            raise Malformed("$.size", f"{code}: {size!r} does not fit {len(ordered)} categories")
        positions.append(ordered)
    total = 1
    for size in sizes:
        total *= size
    if isinstance(values, dict):  # the sparse form: {"position": value}
        values = [values.get(str(i)) for i in range(total)]
    if not isinstance(values, list) or len(values) != total:
        raise Malformed("$.value", f"expected {total} values, got {len(values) if isinstance(values, list) else values!r}")
    where = {code: i for i, code in enumerate(ids)}
    cells: list[Cell] = []
    for flat, raw in enumerate(values):
        picked = []
        rest = flat
        for ordered in reversed(positions):
            rest, at = divmod(rest, len(ordered))
            picked.append(ordered[at])
        picked.reverse()
        cells.append(_cell(picked[where[REGION]], picked[where[CONTENTS]], picked[where[TIME]], raw, f"$.value[{flat}]"))
    return cells


def _pxweb_json(answer: dict[str, Any]) -> list[Cell]:
    columns, data = answer.get("columns"), answer.get("data")
    if not isinstance(columns, list) or not isinstance(data, list):
        raise Malformed("$", "columns and data must be lists")
    keys = [c.get("code") for c in columns if isinstance(c, dict) and c.get("type") != "c"]
    measures = [c.get("code") for c in columns if isinstance(c, dict) and c.get("type") == "c"]
    if REGION not in keys or TIME not in keys or not measures:
        raise Malformed("$.columns", "needs Region, Tid and at least one content column")
    cells: list[Cell] = []
    for index, row in enumerate(data):
        path = f"$.data[{index}]"
        if not isinstance(row, dict) or not isinstance(row.get("key"), list) or not isinstance(row.get("values"), list):
            raise Malformed(path, "needs key and values lists")
        if len(row["key"]) != len(keys) or len(row["values"]) != len(measures):
            raise Malformed(path, "key or values of the wrong length")
        key = dict(zip(keys, row["key"], strict=True))
        for measure, raw in zip(measures, row["values"], strict=True):
            content = key.get(CONTENTS, measure) if CONTENTS in key else measure
            cells.append(_cell(str(key[REGION]), str(content), str(key[TIME]), raw, path))
    return cells


def _cell(region: str, content: str, year: str, raw: Any, path: str) -> Cell:
    if not year.strip().isdigit():
        raise Malformed(path, f"year {year!r}")
    return Cell(region, content, int(year), _value(raw, path))


def _value(raw: Any, path: str) -> float | None:
    """A number, or None for SCB's ``..``/``-``/null (not given); anything else is malformed."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise Malformed(path, "not a number")
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str):
        text = raw.strip().replace("\u00a0", "").replace(" ", "")
        if text in ("", "..", ".", "-", "…"):
            return None
        try:
            return float(text.replace(",", "."))
        except ValueError:
            pass
    raise Malformed(path, f"not a number: {str(raw)[:40]!r}")


def _pxweb_updated(answer: dict[str, Any]) -> str | None:
    metadata = answer.get("metadata")
    if isinstance(metadata, list) and metadata and isinstance(metadata[0], dict):
        return iso_date(metadata[0].get("updated"))
    return None
