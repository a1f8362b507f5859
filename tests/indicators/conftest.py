"""Fixtures that write small CSV files and open throwaway databases in tmp_path.

Helpers are fixtures rather than importable functions: several test folders
have a conftest.py, and ``from conftest import …`` would pick whichever came first.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indicators.core.catalogue import Catalogue
from indicators.core.errors import InputError, Problem
from indicators.core.model import Direction, Indicator, Level, Observation
from indicators.observations.csv_observations import read_observations_csv
from indicators.storage.store import Store
from tests.conftest import IN_CI, POSTGRES_URL_ENV, empty_postgres_url  # noqa: F401 (re-exported for tests)

LOCALITY_IDS = frozenset(
    {
        "djursdala",
        "frodinge",
        "gullringen",
        "locknevi",
        "pelarne",
        "rumskulla",
        "storebro",
        "sodra-vi",
        "tuna",
        "vimmerby",
    }
)
PLACE_IDS = LOCALITY_IDS | {"kommun", "riket"}
THIS_YEAR = 2025
INDICATORS = (
    Indicator("population", "Folkmängd", "Population", "invånare", "leva", Direction.NEUTRAL,
              Level.LOCALITY, "SCB", "Antal invånare.", "N01951"),
    Indicator("mean_age", "Medelålder", "Mean age", "år", "leva", Direction.NEUTRAL,
              Level.MUNICIPALITY, "SCB via Kolada", "Medelålder.", "N00959"),
    Indicator("employment", "Förvärvsfrekvens", "Employment rate", "%", "arbeta",
              Direction.HIGHER_IS_BETTER, Level.MUNICIPALITY, "SCB via Kolada", "Andel.", "N02267"),
)  # fmt: skip
CATALOGUE = Catalogue.of(INDICATORS, LOCALITY_IDS, THIS_YEAR)
HEADER = "indicator_id,locality_id,year,value,source"

WriteCsv = Callable[..., Path]
ReadCsv = Callable[..., list[Observation]]
RefusedCsv = Callable[..., list[Problem]]


@pytest.fixture
def header() -> str:
    """The five required columns, comma-separated."""
    return HEADER


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write lines (each ending in a newline, as Excel does) or raw bytes to a file.

    The text is written byte for byte, so a line number in a test is the line
    number in the file.
    """

    def write(
        *rows: str,
        name: str = "obs.csv",
        bom: bool = False,
        encoding: str = "utf-8",
        raw: bytes | None = None,
    ) -> Path:
        data = raw if raw is not None else "".join(row + "\n" for row in rows).encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


def _read(path: Path, **overrides: object) -> list[Observation]:
    options: dict[str, object] = {"catalogue": CATALOGUE}
    options.update(overrides)
    return read_observations_csv(path, **options)  # type: ignore[arg-type]


@pytest.fixture
def catalogue() -> Catalogue:
    """The ten localities plus kommun/riket, three indicators, and 2025 as this year."""
    return CATALOGUE


@pytest.fixture
def read_csv() -> ReadCsv:
    """Read with the test catalogue (see ``catalogue``)."""
    return _read


@pytest.fixture
def refused() -> RefusedCsv:
    """The problems a file is refused with; fails the test if the file is accepted."""

    def problems(path: Path, **overrides: object) -> list[Problem]:
        with pytest.raises(InputError) as caught:
            _read(path, **overrides)
        return caught.value.problems

    return problems


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A path where no database exists yet, for tests of how one is created, migrated and seeded."""
    return f"sqlite:///{tmp_path}/t.sqlite"


@pytest.fixture
def store(seeded_database_url: str) -> Iterator[Store]:
    """A freshly seeded database of this test's own (a copy of the session's template), closed after the test."""
    opened = Store.open(seeded_database_url)
    yield opened
    opened.dispose()


SQLITE_PREFIX = "sqlite:///"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend: a new SQLite file, or PostgreSQL's schema dropped and made anew.

    PostgreSQL comes from ``TEST_POSTGRES_URL`` (``scripts/test.sh`` starts a
    server and sets it). Without it the PostgreSQL run is skipped locally and
    fails under ``CI=true``, where its absence means the set-up is broken.
    """
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/backend.sqlite"
    return empty_postgres_url()


@pytest.fixture
def backend_store(backend_url: str, seeded_template: Path) -> Iterator[Store]:
    """A freshly seeded database on each backend (see ``backend_url``), closed after the test.

    On SQLite the session's seeded template is copied to ``backend_url`` first,
    so ``Store.open`` finds it migrated and seeded; PostgreSQL is migrated and
    seeded afresh.
    """
    if backend_url.startswith(SQLITE_PREFIX):
        shutil.copyfile(seeded_template, backend_url.removeprefix(SQLITE_PREFIX))
    opened = Store.open(backend_url)
    yield opened
    opened.dispose()


WriteXlsx = Callable[..., Path]


@pytest.fixture
def write_xlsx(tmp_path: Path) -> WriteXlsx:
    """Write a workbook: ``sheets`` maps sheet name to rows (lists of cell values).

    ``merge`` names ranges (``"A1:B1"``) to merge on the first sheet. Files are
    written by openpyxl, as a small staff workbook would be by Excel.
    """
    from openpyxl import Workbook

    def write(
        sheets: dict[str, list[list[object]]],
        *,
        name: str = "obs.xlsx",
        merge: tuple[str, ...] = (),
    ) -> Path:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        for ref in merge:
            workbook.worksheets[0].merge_cells(ref)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write
