"""Swedish strings of the exports (kept here until they move into the message catalogues)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

MESSAGES: dict[str, str] = {
    "map_doc_title": "Allas Vimmerby – karta: {layer}, {year}",
    "map_caption": "Allas Vimmerby – Vimmerby kommun. Exporterad {date}.",
    "report_title_municipality": "Allas Vimmerby – lägesbild för Vimmerby kommun",
    "report_title_locality": "Allas Vimmerby – lägesbild för {name}",
    "report_exported": "Exporterad {date}. Uppgifter för {year}.",
    "report_year_latest": "senaste uppgift",
    "report_no_data_year": "Det finns inga uppgifter för år {year}. Rapporten visar därför inga indikatorvärden eller poäng för det året.",
    "report_unknown_locality": "Okänd ort: {id}. Kända orter: {known}.",
    "report_map_heading": "Karta",
    "report_map_alt": "Karta över Vimmerby kommun med de tio orternas områden och lägen",
    "report_population_heading": "Folkmängd",
    "report_population_chart": "Folkmängd i {name} per år",
    "report_indicators_heading": "Indikatorer per utvecklingsområde",
    "report_scores_heading": "Poäng per utvecklingsområde och attraktivitetsindex, {year}",
    "report_scores_chart": "Attraktivitetsindex per ort, {year}",
    "report_scores_note": "Poäng 0–100 beräknade över alla tio orter med lika vikter. Underlaget är de indikatorer som har värden för året.",
    "report_no_scores": "Det finns inga poäng för år {year}.",
    "report_activity_heading": "Gruppernas aktiviteter",
    "report_activity_period": "Aktiviteter under {year}",
    "report_activity_none": "Inga aktiviteter är registrerade för perioden.",
    "report_initiatives_heading": "Initiativ",
    "report_initiatives_none": "Inga initiativ är registrerade.",
    "report_group_heading": "Lokal utvecklingsgrupp",
    "report_no_group": "Ingen lokal utvecklingsgrupp registrerad.",
    "report_sources_heading": "Källor",
    "report_example_note": "Exempeldata – inte verkliga uppgifter. Ersätts när kommunen läser in egna siffror.",
    "report_source_groups": "Egen registrering av de lokala utvecklingsgrupperna i Allas Vimmerby",
    "report_locality_table_heading": "Orterna",
    "col_indicator": "Indikator",
    "col_locality": "Ort",
    "col_municipality": "Kommunen",
    "col_sweden": "Riket",
    "col_year": "År",
    "col_value": "Värde",
    "col_basis": "Räknegrund",
    "col_source": "Källa",
    "col_activities": "Aktiviteter",
    "col_kind": "Typ",
    "col_date": "Datum",
    "col_participants": "Deltagare",
    "col_initiatives": "Initiativ",
    "col_title": "Titel",
    "col_status": "Status",
    "col_areas": "Områden",
    "col_period": "Period",
    "col_progress": "Klart",
    "col_index": "Index",
    "col_population": "Folkmängd",
    "missing": "saknas",
    "unknown": "uppgift saknas",
    "area_empty": "Inga indikatorer ännu i det här området.",
}


def t(key: str, **values: object) -> str:
    """A Swedish export string with its placeholders filled."""
    message = MESSAGES[key]
    return message.format(**values) if values else message


def long_date(day: date) -> str:
    """``23 november 2026``."""
    return format_date(day, format="long", locale="sv_SE")
