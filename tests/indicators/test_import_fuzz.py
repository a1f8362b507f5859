"""Fuzzing every importer: any file is either accepted or refused with InputError, and a refused
file changes no row in the database.

Each importer gets files built two ways: a valid file with its bytes mutated (flips,
deletions, insertions of tricky tokens, truncation; for workbooks also one part of a
still-valid zip mutated), and files generated from tricky content (extreme numbers,
formulas, template syntax such as ``{{7*7}}`` and ``{#``, wrong JSON types). The files go
through the same functions the command line and the upload page call (``import_file``,
``import_groupwork_bytes``) against a fresh SQLite store, and the whole database is
compared before and after every refusal.

The budget is fixed (``derandomize=True``, no example database) so a run is the same
every time and stays well under 30 s on two cores. ``OUTCOMES`` counts what happened; run
with ``-s`` to see the counts printed at the end.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from indicators.accounts.auth import hash_password
from indicators.core.errors import InputError
from indicators.groupwork.files import csv_bytes, import_groupwork_bytes, workbook_bytes
from indicators.groupwork.records import (
    Activity,
    ActivityKind,
    Initiative,
    InitiativeStatus,
    Role,
    User,
)
from indicators.groupwork.store import GroupworkStore
from indicators.observations.importing import import_file
from indicators.storage import schema

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 6, 1)
OUTCOMES: Counter[tuple[str, str]] = Counter()
"""(importer, "accepted" | "refused") → number of fuzz cases."""


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@pytest.fixture(scope="module", autouse=True)
def _print_outcomes():
    yield
    if OUTCOMES:
        lines = [f"  {name}: {OUTCOMES[name, 'accepted']} accepted, {OUTCOMES[name, 'refused']} refused"
                 for name in sorted({name for name, _ in OUTCOMES})]
        total = sum(OUTCOMES.values())
        refused = sum(count for (_, kind), count in OUTCOMES.items() if kind == "refused")
        print(f"\nimport fuzz: {total} files, {total - refused} accepted, {refused} refused", *lines, sep="\n")


# ------------------------------------------------------------------ the database


def snapshot(store) -> dict[str, list[str]]:
    """Every row of every table, as text, in a stable order."""
    with store.engine.connect() as conn:
        return {
            table.name: sorted(repr(tuple(row)) for row in conn.execute(select(table)))
            for table in schema.metadata.sorted_tables
        }


class Judge:
    """Runs imports against one store, knowing what the store held before each.

    Only an accepted file may change the store, so the snapshot is taken again
    only after an acceptance (one snapshot per case instead of two).
    """

    def __init__(self, store) -> None:
        self.store = store
        self.before: dict[str, list[str]] | None = None  # taken at the first import, after every fixture

    def __call__(self, importer: str, run) -> str:
        """Run one import; anything but acceptance or an InputError fails the test (and is shrunk)."""
        if self.before is None:
            self.before = snapshot(self.store)
        try:
            run()
        except InputError as error:
            assert error.problems, "an InputError must say what is wrong"
            for problem in error.problems:  # every problem can be shown, in both languages
                assert problem.render("sv") and problem.render("en")
            assert snapshot(self.store) == self.before, "a refused file changed the database"
            outcome = "refused"
        else:
            self.before = snapshot(self.store)
            outcome = "accepted"
        OUTCOMES[importer, outcome] += 1
        event(outcome)
        return outcome


@pytest.fixture
def judged(store) -> Judge:
    return Judge(store)


# ------------------------------------------------------------------ valid files to start from

TEMPLATES = ("{{7*7}}", "{% if 1 %}x{% endif %}", "{#", "#}", "{{", "}}", "${7*7}", "<script>x</script>")
TOKENS: tuple[bytes, ...] = (
    b'"', b";", b",", b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"=2021", b"=1/0", b"+1",
    b"1e400", b"-1e400", b"NaN", b"Infinity", b"9" * 5000, b"1" * 400, b"-0", b"0x1F", b"[" * 3000,
    b"{" * 3000, b"null", b"true", b"2\t8", b"\xc3", b"\xe2\x80\x8b",
    *(text.encode() for text in TEMPLATES),
)


def observation_rows() -> list[list[object]]:
    return [
        ["indicator_id", "locality_id", "year", "value", "source", "basis"],
        ["population", "tuna", 2019, 820, "SCB", "tätort"],
        ["population", "storebro", 2020, 1100, "SCB", "tätort"],
        ["services", "tuna", 2021, 3, "Kommunen", ""],
        ["mean_age", "kommun", 2020, 44.2, "SCB", ""],
    ]


def catalogue_rows() -> list[list[str]]:
    text = (ROOT / "indicators" / "data" / "indicators.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def to_csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


ACTIVITIES = [
    Activity("storebro", date(2025, 5, 18), ActivityKind.CLEANUP, "Städdag {{7*7}}", 14, ("leva",), "Fika {#"),
    Activity("tuna", date(2024, 9, 1), ActivityKind.WALK, "Byvandring", None, (), ""),
]
INITIATIVES = [
    Initiative("storebro", "Mötesplats i gamla skolan", InitiativeStatus.IDEA, areas=("motas",)),
    Initiative("tuna", "Belysning", InitiativeStatus.DONE, "", ("kontakt",), date(2019, 3, 1), date(2020, 1, 1),
               progress=100, lat=57.6, lon=16.1),
]

BASES: dict[str, bytes] = {
    "observations.csv": to_csv(observation_rows()),
    "observations.xlsx": to_xlsx(observation_rows()),
    "kolada.json": (ROOT / "examples" / "kolada-vimmerby.json").read_bytes(),
    "catalogue.csv": to_csv(catalogue_rows()),
    "catalogue.xlsx": to_xlsx(catalogue_rows()),
    "groupwork.csv": csv_bytes("activities", ACTIVITIES),
    "groupwork.xlsx": workbook_bytes(ACTIVITIES, INITIATIVES),
}


# ------------------------------------------------------------------ mutations


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """``base`` with a few bytes flipped, spans deleted, tokens inserted, or cut off.

    Positions come from a Random that Hypothesis drives: its own integers favour
    the start of the file (the header), and the rows deserve as much attention.
    """
    rnd = draw(st.randoms(use_true_random=False))
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = rnd.randrange(len(data))
        kind = draw(st.sampled_from(("flip", "delete", "insert", "token", "truncate")))
        if kind == "flip":
            data[at] = rnd.randrange(256)
        elif kind == "delete":
            del data[at : at + rnd.randint(1, 64)]
        elif kind == "insert":
            data[at:at] = rnd.randbytes(rnd.randint(1, 16))
        elif kind == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        else:
            del data[at:]
    return bytes(data)


@st.composite
def workbook_mutated(draw, base: bytes) -> bytes:
    """A still-valid zip with one part mutated or dropped, or the zip's own bytes mutated."""
    if draw(st.booleans()):
        return draw(mutated(base))
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    chosen = draw(st.integers(0, len(parts) - 1))
    drop = draw(st.integers(0, 9)) == 0
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for index, (name, data) in enumerate(parts):
            if index == chosen:
                if drop:
                    continue
                data = draw(mutated(data)) if data else data
            target.writestr(name, data)
    return out.getvalue()


# ------------------------------------------------------------------ generated content

extreme_numbers = st.sampled_from(
    [0, -0.0, 1e308, -1e308, 2**63, -(2**63) - 1, 10**400, 5e-324, 2020.5, 1800, 1799, 9999, 99999999]
) | st.floats(allow_nan=True, allow_infinity=True) | st.integers()
safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=30
)
tricky_text = safe_text | st.sampled_from(
    [*TEMPLATES, "=2021", "=1/0", "=HYPERLINK(\"x\")", "@SUM(A1)", "", " ", "tuna", "population", "kommun",
     "2020", "44,2", "1 234,5", "1,234.5", "1e400", "9" * 400, "true", "ja", "N01951", "leva", "higher"]
)


def xlsx_cell(value: object) -> object:
    """The value as openpyxl can write it: numbers beyond float range as text.

    (Such numbers as number cells are in test_excel.py, written into the XML directly.)
    """
    if isinstance(value, int | float) and not isinstance(value, bool) and not abs(value) < 1e308:
        return str(value)
    return value


@st.composite
def generated_table(draw, header: list[str]) -> list[list[object]]:
    """A header (maybe damaged) and rows of tricky cells, some of them formulas."""
    columns = list(header)
    if draw(st.booleans()):
        columns[draw(st.integers(0, len(columns) - 1))] = draw(tricky_text)
    cell = tricky_text | extreme_numbers | st.none() | st.booleans() | st.dates()
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(columns) + 1), max_size=6))
    return [columns, *rows]


def generated_csv(header: list[str]) -> st.SearchStrategy[bytes]:
    delimiter = st.sampled_from([",", ";"])
    return st.tuples(generated_table(header), delimiter).map(
        lambda drawn: _csv(drawn[0], drawn[1])
    )


def _csv(rows: list[list[object]], delimiter: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def generated_xlsx(header: list[str]) -> st.SearchStrategy[bytes]:
    return generated_table(header).map(lambda rows: to_xlsx([[xlsx_cell(c) for c in row] for row in rows]))


RAW_NUMBERS = ("1e400", "-1e400", "NaN", "Infinity", "9" * 5000, "1" * 400, "-" + "2" * 4299, "2" * 4301, "1E-400")
json_values = st.recursive(
    st.none() | st.booleans() | extreme_numbers | tricky_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(tricky_text, children, max_size=4),
    max_leaves=12,
)


@st.composite
def kolada_documents(draw) -> bytes:
    """Responses with some fields replaced by any JSON value, or any JSON at all."""
    if draw(st.integers(0, 4)) == 0:
        document = draw(json_values)
    else:
        entries = []
        for _ in range(draw(st.integers(0, 4))):
            value = {"gender": "T", "value": 15000, "count": 1, "status": "", "isdeleted": False}
            entry = {"kpi": "N01951", "municipality": "0884", "period": 2020, "values": [value]}
            for field in draw(st.lists(st.sampled_from(["kpi", "municipality", "period", "values"]), max_size=2)):
                entry[field] = draw(json_values)
            for field in draw(st.lists(st.sampled_from(["gender", "value", "isdeleted"]), max_size=2)):
                value[field] = draw(json_values)
            entries.append(entry)
        document = {"values": entries, "count": len(entries), "next_url": None}
        if draw(st.integers(0, 3)) == 0:
            document = [document, draw(json_values)]
    text = json.dumps(document, allow_nan=True)
    if draw(st.integers(0, 2)) == 0:  # numbers json.dumps cannot write, where a value or a year goes
        token = draw(st.sampled_from(RAW_NUMBERS))
        text = text.replace(draw(st.sampled_from(['"value": 15000', '"period": 2020'])).split(": ")[1], token, 1)
    if draw(st.integers(0, 9)) == 0:
        depth = draw(st.sampled_from([10, 900, 1100, 5000]))
        text = "[" * depth + text + "]" * depth
    return text.encode("utf-8", "surrogatepass")


# ------------------------------------------------------------------ importers


def import_indicator_file(store, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "upload"
    path.write_bytes(data)
    import_file(store, path, display_name=name, user="fuzz", current_year=2025)


@pytest.fixture
def groupwork(store):
    gw = GroupworkStore(store)
    user = gw.save_user(User("staff", Role.ADMIN, hash_password("tio tecken minst")), username="test")
    known = {locality.id for locality in store.localities()}

    def run(name: str, data: bytes) -> None:
        import_groupwork_bytes(
            gw, user, data, name, known_localities=known, area_contains=lambda *_: True, today=TODAY
        )

    return run


@pytest.mark.parametrize("name", ["observations.csv", "catalogue.csv", "kolada.json"])
@fuzz(80)
@given(data=st.data())
def test_a_mutated_text_file_is_accepted_or_refused_in_words_and_a_refusal_stores_nothing(store, judged, tmp_path, name, data):
    file = data.draw(mutated(BASES[name]))
    judged(name, lambda: import_indicator_file(store, tmp_path, name, file))


@pytest.mark.parametrize("name", ["observations.xlsx", "catalogue.xlsx"])
@fuzz(60)
@given(data=st.data())
def test_a_mutated_workbook_is_accepted_or_refused_in_words_and_a_refusal_stores_nothing(store, judged, tmp_path, name, data):
    file = data.draw(workbook_mutated(BASES[name]))
    judged(name, lambda: import_indicator_file(store, tmp_path, name, file))


@pytest.mark.parametrize(
    ("name", "kind"),
    [("observations.csv", "csv"), ("observations.xlsx", "xlsx"), ("catalogue.csv", "csv"), ("catalogue.xlsx", "xlsx")],
)
@fuzz(30)
@given(data=st.data())
def test_a_table_of_tricky_cells_is_accepted_or_refused_in_words_and_a_refusal_stores_nothing(
    store, judged, tmp_path, name, kind, data
):
    header = [str(cell) for cell in (observation_rows() if name.startswith("obs") else catalogue_rows())[0]]
    file = data.draw(generated_csv(header) if kind == "csv" else generated_xlsx(header))
    judged(f"{name} (generated)", lambda: import_indicator_file(store, tmp_path, name, file))


@fuzz(80)
@given(file=kolada_documents())
def test_any_json_shape_or_number_in_a_kolada_file_is_accepted_or_refused_in_words(store, judged, tmp_path, file):
    judged("kolada.json (generated)", lambda: import_indicator_file(store, tmp_path, "kolada.json", file))


@pytest.mark.parametrize("name", ["groupwork.csv", "groupwork.xlsx"])
@fuzz(40)
@given(data=st.data())
def test_a_mutated_groupwork_file_is_accepted_or_refused_in_words_and_a_refusal_stores_nothing(
    judged, groupwork, name, data
):
    base = BASES[name]
    file = data.draw(mutated(base) if name.endswith(".csv") else workbook_mutated(base))
    judged(name, lambda: groupwork(name, file))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@fuzz(30)
@given(data=st.data())
def test_a_groupwork_table_of_tricky_cells_is_accepted_or_refused_in_words(judged, groupwork, kind, data):
    header = data.draw(st.sampled_from([
        ["id", "version", "locality_id", "date", "kind", "title", "participants", "areas", "description"],
        ["id", "version", "locality_id", "title", "status", "areas", "start", "end", "progress", "lat", "lon"],
    ]))
    file = data.draw(generated_csv(header) if kind == "csv" else generated_xlsx(header))
    judged(f"groupwork.{kind} (generated)", lambda: groupwork(f"plan.{kind}", file))


def test_the_fuzz_bases_are_accepted_so_mutations_start_from_a_good_file(store, tmp_path, groupwork):
    for name, data in BASES.items():
        if name.startswith("groupwork"):
            groupwork(name, data)
        else:
            import_indicator_file(store, tmp_path, name, data)
