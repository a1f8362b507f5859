"""Strings of the exports, Swedish and English (the request's language; the CLI writes Swedish)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from dashboard.server.language import current_language
from indicators.i18n.texts import Catalogue

SV: dict[str, str] = {
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


EN: dict[str, str] = {
    "map_doc_title": "Allas Vimmerby – map: {layer}, {year}",
    "map_caption": "Allas Vimmerby – Vimmerby municipality. Exported {date}.",
    "report_title_municipality": "Allas Vimmerby – status report for Vimmerby municipality",
    "report_title_locality": "Allas Vimmerby – status report for {name}",
    "report_exported": "Exported {date}. Figures for {year}.",
    "report_year_latest": "the latest figure",
    "report_no_data_year": "There are no figures for {year}, so the report shows no indicator values or scores for that year.",
    "report_unknown_locality": "Unknown locality: {id}. Known localities: {known}.",
    "report_map_heading": "Map",
    "report_map_alt": "Map of Vimmerby municipality with the areas and positions of the ten localities",
    "report_population_heading": "Population",
    "report_population_chart": "Population of {name} per year",
    "report_indicators_heading": "Indicators per development area",
    "report_scores_heading": "Scores per development area and attractiveness index, {year}",
    "report_scores_chart": "Attractiveness index per locality, {year}",
    "report_scores_note": "Scores 0–100 computed over all ten localities with equal weights, from the indicators that have values for the year.",
    "report_no_scores": "There are no scores for {year}.",
    "report_activity_heading": "The groups' activities",
    "report_activity_period": "Activities in {year}",
    "report_activity_none": "No activities are recorded for the period.",
    "report_initiatives_heading": "Initiatives",
    "report_initiatives_none": "No initiatives are recorded.",
    "report_group_heading": "Local development group",
    "report_no_group": "No local development group recorded.",
    "report_sources_heading": "Sources",
    "report_example_note": "Example data – not real figures. Replaced when the municipality loads its own.",
    "report_source_groups": "Recorded by the local development groups of Allas Vimmerby",
    "report_locality_table_heading": "The localities",
    "col_indicator": "Indicator",
    "col_locality": "Locality",
    "col_municipality": "Municipality",
    "col_sweden": "Sweden",
    "col_year": "Year",
    "col_value": "Value",
    "col_basis": "Counting basis",
    "col_source": "Source",
    "col_activities": "Activities",
    "col_kind": "Kind",
    "col_date": "Date",
    "col_participants": "Participants",
    "col_initiatives": "Initiatives",
    "col_title": "Title",
    "col_status": "Status",
    "col_areas": "Areas",
    "col_period": "Period",
    "col_progress": "Done",
    "col_index": "Index",
    "col_population": "Population",
    "missing": "missing",
    "unknown": "no data",
    "area_empty": "No indicators in this area yet.",
}
CATALOGUE = Catalogue("exports", {"sv": SV, "en": EN})
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def t(key: str, **values: object) -> str:
    """An export string in the request's language (Swedish when a key lacks a translation)."""
    return CATALOGUE.render(key, current_language(), values)


def long_date(day: date) -> str:
    """``23 november 2026`` / ``23 November 2026``."""
    return format_date(day, format="long", locale=_LOCALES.get(current_language(), "sv_SE"))
