"""``python -m indicators fetch scb`` against a local server that answers in SCB PxWeb's documented shapes."""

from __future__ import annotations

import argparse
import io
from datetime import date

import pytest

from indicators.accounts.operator import operator_actor
from indicators.observations.fetch import scb_api
from indicators.observations.fetch.cli import run_fetch
from indicators.observations.fetch.http import JsonClient
from indicators.observations.fetch.kolada_api import Malformed
from indicators.observations.fetch.run import SMAORT_TABLE, TATORT_TABLE
from indicators.storage.store import Store
from tests.indicators.fake_api import Answer, FakeApi, serve

TODAY = date(2025, 6, 2)
TATORT = f"/ssd/{TATORT_TABLE}"
SMAORT = f"/ssd/{SMAORT_TABLE}"
TATORT_CODES = {"0884TC107": "Vimmerby", "0884TB105": "Södra Vi", "0884TB104": "Storebro",
                "0884TB102": "Gullringen", "0884TB101": "Frödinge", "0884TB106": "Tuna"}


def metadata(regions: dict[str, str]) -> dict:
    return {"title": "Folkmängd och landareal", "variables": [
        {"code": "Region", "text": "region", "values": list(regions), "valueTexts": list(regions.values())},
        {"code": "ContentsCode", "text": "tabellinnehåll", "values": ["000003F7", "000003F9", "000003F8"],
         "valueTexts": ["Folkmängd", "Landareal, hektar", "Invånare per kvadratkilometer"]},
        {"code": "Tid", "text": "år", "values": ["2020", "2023"], "valueTexts": ["2020", "2023"], "time": True},
    ]}


def json_stat2(regions: list[str], values: list) -> dict:
    """Region × ContentsCode (population only) × Tid (2020, 2023), row-major as json-stat2 orders it."""
    return {"version": "2.0", "class": "dataset", "updated": "2024-10-15T08:00:00Z",
            "id": ["Region", "ContentsCode", "Tid"], "size": [len(regions), 1, 2],
            "dimension": {"Region": {"category": {"index": {r: i for i, r in enumerate(regions)}}},
                          "ContentsCode": {"category": {"index": {"000003F7": 0}}},
                          "Tid": {"category": {"index": {"2020": 0, "2023": 1}}}},
            "value": values}


SORTED = sorted(TATORT_CODES)
"""The fetch asks for regions in sorted order: Frödinge, Gullringen, Storebro, Södra Vi, Tuna, Vimmerby."""
GOOD = json_stat2(SORTED, [302, 311, 530, 519, 1025, 1008, 1162, 1117, 241, 250, 8231, 8300])


def scb(api: FakeApi, *, tatort=GOOD) -> None:
    api.on(f"GET {TATORT}", metadata(TATORT_CODES))
    api.on(f"POST {TATORT}", tatort)
    api.on(f"GET {SMAORT}", metadata({"0884SB101": "Djursdala", "0884SB102": "Locknevi", "0884SB103": "Rumskulla",
                                      "0884SB104": "Pelarne", "0884SB105": "Pelarne"}))
    api.on(f"POST {SMAORT}", json_stat2(["0884SB101", "0884SB102", "0884SB103"], [180, 190, "..", 95, 101, 104]))


def fetch(store: Store, api: FakeApi, sleeps: list[float]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(source="scb", base_url=f"{api.url}/ssd", user=None,
                              tatort_table=TATORT_TABLE, smaort_table=SMAORT_TABLE)
    code = run_fetch(store, args, operator_actor("tester"), out, err,
                     client_factory=lambda progress: JsonClient(sleep=sleeps.append, on_request=progress),
                     today=TODAY)
    return code, out.getvalue(), err.getvalue()


def population(store: Store, place: str, year: int, basis: str):
    found = [o for o in store.observations("population") if (o.place_id, o.year, o.basis) == (place, year, basis)]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.fixture
def api():
    with serve(FakeApi()) as running:
        yield running


def test_tatort_populations_come_in_by_scb_code_with_basis_source_and_date(store, api):
    scb(api)
    log_before = len(store.import_log())

    code, out, err = fetch(store, api, [])

    assert code == 0, err
    frodinge = population(store, "frodinge", 2023, "tätort")
    assert (frodinge.value, frodinge.source, frodinge.source_date) == (311, f"SCB ({TATORT_TABLE})", "2024-10-15")
    assert population(store, "vimmerby", 2020, "tätort").value == 8231  # the same key as the bundled figure: replaced
    query = next(s.body for s in api.seen if s.method == "POST" and s.path == TATORT)
    assert query["query"][0] == {"code": "Region", "selection": {"filter": "item", "values": SORTED}}
    assert query["query"][1]["selection"]["values"] == ["000003F7"]  # land area has no indicator in the catalogue
    assert query["response"] == {"format": "json-stat2"}
    assert len(store.import_log()) == log_before + 1
    assert "hoppade över (ingen indikator i katalogen): land_area" in out


def test_smaorter_are_found_by_a_unique_name_and_an_ambiguous_one_is_listed(store, api):
    scb(api)

    code, out, err = fetch(store, api, [])

    assert code == 0, err
    assert population(store, "djursdala", 2023, "småort").value == 190
    assert population(store, "rumskulla", 2020, "småort").value == 101
    assert population(store, "locknevi", 2020, "småort") is None  # ".." is not stored
    assert f"{SMAORT_TABLE}: ingen region för pelarne" in out  # two regions named Pelarne: not guessed
    assert "1 celler utan värde hos källan sparades inte" in out


def test_a_vanished_table_is_reported_and_the_other_still_comes_in(store, api):
    scb(api)
    del api.routes[f"GET {SMAORT}"]

    code, out, err = fetch(store, api, [])

    assert code == 0, err
    assert f"finns inte längre hos källan (resten hämtades): {SMAORT_TABLE}" in out
    assert population(store, "tuna", 2023, "tätort").value == 250


def test_a_partial_json_stat2_answer_stores_nothing_from_the_fetch(store, api):
    scb(api, tatort=json_stat2(SORTED, [302, 311, 530]))

    code, out, err = fetch(store, api, [])

    assert code == 1 and out == ""
    assert f"Anropet som misslyckades: POST {api.url}{TATORT}" in err
    assert "expected 12 values" in err
    assert population(store, "djursdala", 2023, "småort") is None
    assert population(store, "frodinge", 2023, "tätort") is None


def test_a_429_then_success_and_a_500_to_the_end(store, api):
    scb(api)
    api.routes[f"POST {TATORT}"].insert(0, Answer({}, status=429, headers={"Retry-After": "2"}))
    sleeps: list[float] = []
    assert fetch(store, api, sleeps)[0] == 0
    assert sleeps == [2.0]

    api.on(f"POST {SMAORT}", Answer({}, status=503))
    sleeps.clear()
    code, _, err = fetch(store, api, sleeps)
    assert code == 1 and sleeps == [1.0, 2.0, 4.0, 8.0]
    assert f"POST {api.url}{SMAORT}" in err and "HTTP-status 503" in err


def test_pxweb_json_answers_read_like_json_stat2():
    answer = {"columns": [{"code": "Region", "type": "d"}, {"code": "Tid", "type": "t"},
                          {"code": "000003F7", "type": "c"}, {"code": "000003F9", "type": "c"}],
              "data": [{"key": ["0884TB106", "2023"], "values": ["250", ".."]}],
              "metadata": [{"updated": "2024-10-15T08:00:00"}]}

    cells, updated = scb_api.parse_cells(answer)

    assert [(c.region, c.content, c.year, c.value) for c in cells] == [
        ("0884TB106", "000003F7", 2023, 250.0), ("0884TB106", "000003F9", 2023, None)]
    assert updated == "2024-10-15"
    with pytest.raises(Malformed):
        scb_api.parse_cells({"columns": answer["columns"], "data": [{"key": ["0884TB106"], "values": ["1", "2"]}]})


def test_land_area_in_hectares_is_read_and_region_texts_lose_their_codes():
    table = scb_api.parse_table(metadata(TATORT_CODES))
    assert table.contents == {"population": "000003F7", "land_area": "000003F9"} and table.hectares
    assert scb_api.region_name("0884TB105 Södra Vi (Vimmerby kommun)") == "södra vi"
