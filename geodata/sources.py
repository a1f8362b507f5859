"""Getting a staff member's geometry file ready for GDAL, or refusing it before GDAL sees it.

GDAL opens whatever it recognises by content, whatever the file is called: a
file named ``orter.geojson`` that holds a GDAL virtual dataset (XML) would make
it read other files on the server. So the format is decided here, from the
file's first bytes, and only three are accepted: GeoJSON, GeoPackage and
Shapefile (alone, beside its parts, or zipped). The reader then checks that GDAL
used the driver decided here and no other.

A zipped Shapefile is unpacked by this module, not by GDAL's ``/vsizip/``: the
members are checked (exactly one ``.shp``, with its ``.shx`` and ``.dbf``),
their declared sizes are added up against the limit before anything is
unpacked, and the bytes actually unpacked are counted as they are written, so
a zip bomb stops at the limit. Members are written under fixed names in a
directory of the caller's, never under the names the archive gives them.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from geodata import messages
from geodata.limits import BYTES_PER_MB, MAX_UNCOMPRESSED_MB_ENV, GeoLimits
from geodata.messages import t
from indicators.core.errors import FEATURE, InputError, Problem
from indicators.i18n.texts import Number, Text

GEOJSON = "GeoJSON"
GEOPACKAGE = "GPKG"
SHAPEFILE = "ESRI Shapefile"
"""GDAL's driver names, as ``pyogrio.read_info`` reports them."""

_SNIFF_BYTES = 64
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SHP_MAGIC = b"\x00\x00\x27\x0a"  # file code 9994, big-endian, at the start of every .shp and .shx
_ZIP_MAGIC = b"PK"
_BOM = b"\xef\xbb\xbf"
_REQUIRED_PARTS = (".shx", ".dbf")
"""Without these a Shapefile has no index or no attributes (no names, no ids)."""
_OPTIONAL_PARTS = (".prj", ".cpg")
"""Unpacked when present: the coordinate system and the text encoding."""
_CHUNK = 1 << 16
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, OSError, ValueError)
"""What ``zipfile`` raises on a broken, truncated, encrypted or oddly compressed archive."""


@dataclass(frozen=True)
class Source:
    """A file GDAL may open: its path on disk and the one driver allowed to read it."""

    path: Path
    driver: str


def prepare(path: Path, name: str, limits: GeoLimits, workdir: Path) -> Source:
    """The file as GDAL should read it; an unknown format, a missing part or too many bytes is refused.

    ``name`` is what messages call the file; ``workdir`` is an empty directory
    that lives as long as the returned path is read (a zip is unpacked into it).
    """
    if not path.is_file():
        raise InputError([_problem(name, t("file_missing"))])
    head = _head(path, name)
    if head.startswith(_ZIP_MAGIC):
        _refuse_if_too_large(path.stat().st_size, limits, name)
        return Source(_unpack_shapefile(path, name, limits, workdir), SHAPEFILE)
    if head.startswith(_SQLITE_MAGIC):
        driver = GEOPACKAGE
    elif head.startswith(_SHP_MAGIC):
        _check_shapefile_parts(path, name)
        driver = SHAPEFILE
    elif head.removeprefix(_BOM).lstrip().startswith(b"{"):
        driver = GEOJSON
    else:
        raise InputError([_problem(name, t("not_geodata"))])
    _refuse_if_too_large(sum(part.stat().st_size for part in _parts_on_disk(path, driver)), limits, name)
    return Source(path, driver)


def _head(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_SNIFF_BYTES)
    except OSError as error:
        raise InputError([_problem(name, t("unreadable", detail=type(error).__name__))]) from error


def _parts_on_disk(path: Path, driver: str) -> list[Path]:
    if driver != SHAPEFILE:
        return [path]
    siblings = (_sibling(path, suffix) for suffix in (*_REQUIRED_PARTS, *_OPTIONAL_PARTS))
    return [path, *(sibling for sibling in siblings if sibling is not None)]


def _sibling(path: Path, suffix: str) -> Path | None:
    """``orter.shx`` or ``orter.SHX`` beside ``orter.shp``: the two spellings GDAL looks for."""
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.is_file():
            return candidate
    return None


def _check_shapefile_parts(path: Path, name: str) -> None:
    missing = [suffix for suffix in _REQUIRED_PARTS if _sibling(path, suffix) is None]
    if missing:
        raise InputError([_problem(name, _missing_parts(PurePosixPath(name).stem, missing))])


def _missing_parts(stem: str, suffixes: Iterable[str]) -> Text:
    return messages.shapefile_parts_missing(stem, list(suffixes))


def _refuse_if_too_large(size: int, limits: GeoLimits, name: str) -> None:
    if size > limits.max_bytes:
        raise InputError([_problem(name, _too_large(size, limits))])


def _too_large(size: int, limits: GeoLimits) -> Text:
    return t(
        "too_large",
        size=Number(round(size / BYTES_PER_MB, 1)),
        limit=limits.max_uncompressed_mb,
        env=MAX_UNCOMPRESSED_MB_ENV,
    )


def _unpack_shapefile(path: Path, name: str, limits: GeoLimits, workdir: Path) -> Path:
    """The single Shapefile in a zip, unpacked into ``workdir`` as ``layer.shp`` and its parts."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if not info.is_dir() and not _is_noise(info.filename)]
            shapes = [info for info in members if info.filename.lower().endswith(".shp")]
            if not shapes:
                raise InputError([_problem(name, t("zip_no_shapefile"))])
            if len(shapes) > 1:
                stems = [PurePosixPath(info.filename).stem for info in shapes]
                raise InputError([_problem(name, messages.several_layers(stems))])
            (shape,) = shapes
            parts = _parts_in_zip(shape, members)
            missing = [suffix for suffix in _REQUIRED_PARTS if suffix not in parts]
            if missing:
                stem = PurePosixPath(shape.filename).stem
                raise InputError([_problem(name, _missing_parts(stem, missing))])
            declared = sum(info.file_size for info in parts.values())
            if declared > limits.max_bytes:
                raise InputError([_problem(name, _too_large(declared, limits))])
            written = 0
            for suffix, info in parts.items():
                written = _unpack(archive, info, workdir / f"layer{suffix}", written, limits, name)
    except _ZIP_ERRORS as error:
        detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise InputError([_problem(name, t("zip_broken", detail=detail))]) from error
    return workdir / "layer.shp"


def _is_noise(member: str) -> bool:
    """macOS resource forks (``__MACOSX/``, ``._orter.shp``) ride along in zips made on a Mac."""
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return "__MACOSX" in parts or (bool(parts) and parts[-1].startswith("._"))


def _parts_in_zip(shape: zipfile.ZipInfo, members: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """The ``.shp`` and the parts beside it (same folder, same name, any case), by lower-case suffix."""
    base = shape.filename[: -len(".shp")].lower()
    parts = {".shp": shape}
    for info in members:
        for suffix in (*_REQUIRED_PARTS, *_OPTIONAL_PARTS):
            if info.filename.lower() == base + suffix:
                parts.setdefault(suffix, info)
    return parts


def _unpack(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, written: int, limits: GeoLimits, name: str
) -> int:
    """Copy one member in chunks, counting bytes; past the limit the copy stops and the file is refused."""
    with archive.open(info) as source, target.open("wb") as sink:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limits.max_bytes:
                raise InputError([_problem(name, _too_large(written, limits))])
            sink.write(chunk)
    return written


def _problem(file: str, message: str) -> Problem:
    return Problem(file=file, message=message, row_label=FEATURE)
