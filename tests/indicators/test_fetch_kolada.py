"""``python -m indicators fetch kolada`` against a local server that answers in Kolada API v3's documented shapes."""

from __future__ import annotations

import argparse
import io
import socket
from datetime import date

import pytest

from indicators.accounts.operator import operator_actor
from indicators.cli import main
from indicators.core.model import Direction, Indicator, Level
from indicators.observations.fetch.cli import run_fetch
from indicators.observations.fetch.http import JsonClient, backoff_delay, parse_retry_after
from indicators.observations.fetch.kolada_api import Unit, names_in, place_units
from indicators.storage.store import Store
from tests.indicators.fake_api import Answer, FakeApi, serve

TODAY = date(2025, 6, 2)
KPIS = "N00905,N00959,N00999,N01951,N01963,N01982,N02267,N03932,N07900,N07918"
"""The seeded catalogue's KPIs, sorted, as the fetch asks for them."""
SCHOOL_KPI = "N15436"


def kpi(kpi_id: str, *, has_ou_data: bool = False) -> dict:
    return {"id": kpi_id, "title": f"KPI {kpi_id}", "has_ou_data": has_ou_data,
            "publication_date": "2025-03-31", "is_divided_by_gender": False, "municipality_type": "K"}


def row(kpi_id: str, municipality: str, period: int, value: float | None) -> dict:
    return {"kpi": kpi_id, "municipality": municipality, "period": period,
            "values": [{"gender": "T", "value": value, "count": 1, "status": "", "isdeleted": False},
                       {"gender": "K", "value": value, "count": 1, "status": "", "isdeleted": False}]}


def page(values: list, next_url: str | None = None) -> dict:
    return {"values": values, "count": len(values), "next_url": next_url}


def kolada(api: FakeApi, *, present: str = KPIS, units: list | None = None) -> None:
    """The answers of a healthy Kolada: metadata, two pages of figures, and the unit list."""
    api.on(f"GET /v3/kpi/{KPIS}", page([kpi(k) for k in present.split(",")]))
    data = f"/v3/data/kpi/{present}/municipality/0884,0000"
    api.on(f"GET {data}", page([row("N00959", "0884", 2023, 44.5), row("N00959", "0000", 2023, 41.6)],
                               next_url=f"{api.url}{data}?page=2&per_page=5000"))
    api.on(f"GET {data}?page=2&per_page=5000", page([row("N02267", "0884", 2023, 83.1), row("N02267", "0884", 2022, None)]))
    api.on("GET /v3/ou", page(units or []))


def fetch(store: Store, api: FakeApi, sleeps: list[float], *, area_contains=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(source="kolada", base_url=f"{api.url}/v3", user=None,
                              tatort_table=None, smaort_table=None)
    code = run_fetch(store, args, operator_actor("tester"), out, err, area_contains=area_contains,
                     client_factory=lambda progress: JsonClient(sleep=sleeps.append, on_request=progress),
                     today=TODAY)
    return code, out.getvalue(), err.getvalue()


def value_of(store: Store, indicator_id: str, place: str, year: int):
    found = [o for o in store.observations(indicator_id) if o.place_id == place and o.year == year]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.fixture
def api():
    with serve(FakeApi()) as running:
        yield running


def test_the_catalogues_kpis_come_in_from_every_page_with_source_date_and_one_import_log_line(store, api):
    kolada(api)
    log_before = len(store.import_log())

    code, out, err = fetch(store, api, [])

    assert code == 0, err
    mean_age = value_of(store, "mean_age", "kommun", 2023)
    assert (mean_age.value, mean_age.source, mean_age.source_date) == (44.5, "Kolada (KPI N00959)", "2025-03-31")
    assert value_of(store, "mean_age", "riket", 2023).value == 41.6
    assert value_of(store, "employment_rate_20_64", "kommun", 2023).value == 83.1  # from page 2
    assert value_of(store, "employment_rate_20_64", "kommun", 2022).value is None  # null is missing, never 0
    log = store.import_log()
    assert len(log) == log_before + 1
    assert log[0].file == f"Kolada API {api.url}/v3 (2025-06-02)" and log[0].user == "tester"
    assert (log[0].rows, log[0].added) == (4, 4)
    assert "4 värden sparade som en import: 4 tillagda" in out
    assert [s.query for s in api.seen if s.path.startswith("/v3/ou")] == ["municipality=0884&per_page=5000"]


def test_fetching_again_changes_nothing(store, api):
    kolada(api)
    fetch(store, api, [])

    code, out, _ = fetch(store, api, [])

    assert code == 0 and "0 tillagda, 0 ändrade, 4 oförändrade" in out


def test_a_429_is_waited_out_as_retry_after_says_and_then_the_fetch_goes_on(store, api):
    kolada(api)
    api.routes[f"GET /v3/kpi/{KPIS}"].insert(0, Answer({"error": "slow down"}, status=429, headers={"Retry-After": "7"}))
    sleeps: list[float] = []

    code, out, err = fetch(store, api, sleeps)

    assert code == 0, err
    assert sleeps == [7.0]
    assert "1 nya försök" in out
    assert value_of(store, "mean_age", "kommun", 2023).value == 44.5


def test_a_500_that_outlasts_the_retries_stores_nothing_and_names_the_request(store, api):
    kolada(api)
    api.on(f"GET /v3/data/kpi/{KPIS}/municipality/0884,0000", Answer({"error": "down"}, status=500))
    log_before = len(store.import_log())
    sleeps: list[float] = []

    code, out, err = fetch(store, api, sleeps)

    assert code == 1 and out == ""
    assert sleeps == [1.0, 2.0, 4.0, 8.0]
    assert "inget har sparats" in err
    assert f"GET {api.url}/v3/data/kpi/{KPIS}/municipality/0884,0000?per_page=5000" in err
    assert "HTTP-status 500" in err
    assert len(store.import_log()) == log_before
    assert value_of(store, "mean_age", "kommun", 2023) is None


def test_a_malformed_second_page_stores_nothing_of_the_first_either(store, api):
    kolada(api)
    second = f"/v3/data/kpi/{KPIS}/municipality/0884,0000?page=2&per_page=5000"
    api.on(f"GET {second}", Answer(raw=b'{"values": [{"kpi": "N02267", "munic'))

    code, _, err = fetch(store, api, [])

    assert code == 1
    assert f"Anropet som misslyckades: GET {api.url}{second}" in err
    assert "dokumenterade formen" in err
    assert value_of(store, "mean_age", "kommun", 2023) is None


def test_an_answer_the_row_rules_refuse_stores_nothing_and_names_the_request(store, api):
    kolada(api)
    data = f"/v3/data/kpi/{KPIS}/municipality/0884,0000"
    api.on(f"GET {data}", page([row("N00959", "0884", 2023, 44.5), row("N02267", "0884", 2023, 180.0)]))

    code, _, err = fetch(store, api, [])

    assert code == 1
    assert f"GET {api.url}{data}?per_page=5000" in err and "inget har sparats" in err
    assert value_of(store, "mean_age", "kommun", 2023) is None


def test_a_vanished_kpi_is_reported_and_the_others_still_come_in(store, api):
    present = KPIS.replace(",N07918", "")
    kolada(api, present=present)

    code, out, err = fetch(store, api, [])

    assert code == 0, err
    assert "finns inte längre hos källan (resten hämtades): N07918" in out
    assert value_of(store, "mean_age", "kommun", 2023).value == 44.5


def test_units_are_placed_by_position_or_name_and_the_rest_listed_never_guessed(store, api):
    store.save_indicators([Indicator("school_results", "Skolresultat", "School results", "%", "arbeta",
                                     Direction.HIGHER_IS_BETTER, Level.LOCALITY, "Skolverket via Kolada",
                                     "Andel elever.", SCHOOL_KPI)])
    units = [
        {"id": "V15E088400101", "title": "Storebroskolan", "municipality": "0884"},
        {"id": "V15E088400102", "title": "Södra Vi skola", "municipality": "0884"},
        {"id": "V11E088400103", "title": "Förskolan Solrosen, Södra Vi", "municipality": "0884"},
        {"id": "V15E088400104", "title": "Båtsmansskolan", "municipality": "0884"},
        {"id": "V21E088400105", "title": "Hemtjänst Storebro-Vimmerby", "municipality": "0884"},
        {"id": "V23E088400106", "title": "Äldreboendet Solgården", "municipality": "0884", "lat": 57.58, "lon": 16.1},
    ]
    with_school = ",".join(sorted([*KPIS.split(","), SCHOOL_KPI]))
    api.on(f"GET /v3/kpi/{with_school}", page([kpi(k, has_ou_data=k == SCHOOL_KPI) for k in with_school.split(",")]))
    api.on(f"GET /v3/data/kpi/{with_school}/municipality/0884,0000", page([]))
    api.on("GET /v3/ou", page(units[:3], next_url=f"{api.url}/v3/ou?page=2"))
    api.on("GET /v3/ou?page=2", page(units[3:]))
    api.on(f"GET /v3/oudata/kpi/{SCHOOL_KPI}/ou/V15E088400101,V15E088400102,V11E088400103,V23E088400106", page([
        {"kpi": SCHOOL_KPI, "ou": "V15E088400101", "period": 2023,
         "values": [{"gender": "T", "value": 81.2, "count": 1, "status": "", "isdeleted": False}]},
        {"kpi": SCHOOL_KPI, "ou": "V15E088400102", "period": 2023,
         "values": [{"gender": "T", "value": 75.0, "count": 1, "status": "", "isdeleted": False}]},
        {"kpi": SCHOOL_KPI, "ou": "V11E088400103", "period": 2023,
         "values": [{"gender": "T", "value": 60.0, "count": 1, "status": "", "isdeleted": False}]},
    ]))

    code, out, err = fetch(store, api, [], area_contains=lambda loc, lat, lon: loc == "tuna" and (lat, lon) == (57.58, 16.1))

    assert code == 0, err
    assert "V15E088400101 Storebroskolan → storebro (efter namn)" in out
    assert "V23E088400106 Äldreboendet Solgården → tuna (efter läge)" in out
    assert "V15E088400104 Båtsmansskolan: ingen ort i namnet och inget läge" in out
    assert "V21E088400105 Hemtjänst Storebro-Vimmerby: flera orter: storebro, vimmerby" in out
    school = value_of(store, "school_results", "storebro", 2023)
    assert (school.value, school.basis, school.source) == (81.2, "Storebroskolan (V15E088400101)", f"Kolada (KPI {SCHOOL_KPI})")
    assert value_of(store, "school_results", "sodra-vi", 2023) is None  # two units there: not averaged
    assert "flera enheter (Förskolan Solrosen, Södra Vi, Södra Vi skola); inget ortsvärde räknat" in out


def test_without_a_network_the_command_says_so_in_words_and_stores_nothing(seeded_database_url, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    code = main(["fetch", "kolada", "--base-url", f"http://127.0.0.1:{port}/v3", "--database-url", seeded_database_url])

    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "\nIngen nätverksanslutning: kunde inte nå 127.0.0.1:" in err and "Inget har sparats." in err
    assert "Traceback" not in err


def test_the_command_line_reads_the_address_from_the_environment(seeded_database_url, api, monkeypatch, capsys):
    kolada(api, units=[{"id": "V15E088400101", "title": "Storebroskolan", "municipality": "0884"}])
    monkeypatch.setenv("ALLAS_KOLADA_URL", f"{api.url}/v3")

    code = main(["fetch", "kolada", "--database-url", seeded_database_url])

    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Storebroskolan → storebro" in out
    assert f"kolada: anrop 1: GET {api.url}/v3/kpi/" in err  # progress, one line a request when not a terminal


def test_fetch_help_names_the_sources_and_the_address_settings(capsys):
    with pytest.raises(SystemExit):
        main(["fetch", "--help"])
    text = capsys.readouterr().out
    assert "Kolada API v3" in text and "PxWeb" in text and "ALLAS_KOLADA_URL" in text and "ALLAS_SCB_URL" in text


def test_names_begin_a_word_and_compounds_count():
    from indicators.core.model import Locality

    places = [Locality("sodra-vi", "Södra Vi", 0, 0, "", False), Locality("tuna", "Tuna", 0, 0, "", False),
              Locality("vimmerby", "Vimmerby", 0, 0, "", False)]
    assert names_in("Tunaskolan", places) == ("tuna",)
    assert names_in("Fortunaskolan", places) == ()
    assert names_in("Södra Vi förskola", places) == ("sodra-vi",)
    placed, unplaced = place_units([Unit("a", "Vimmerby och Tuna hemtjänst")], places, None)
    assert placed == [] and unplaced[0].candidates == ("tuna", "vimmerby")


def test_backoff_doubles_and_retry_after_wins_within_the_cap():
    assert [backoff_delay(n, None) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert backoff_delay(1, "3") == 3.0
    assert backoff_delay(1, "9999") == 60.0
    from datetime import UTC, datetime

    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=datetime(2015, 10, 21, 7, 28, tzinfo=UTC)) == 30.0
    assert parse_retry_after("soon") is None
