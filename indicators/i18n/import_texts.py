"""What the data importers say, in Swedish and English.

Covers reading CSV, Excel and Kolada files, the checks every observation and
catalogue row passes (``observation_rows``, ``catalogue_rows``, ``units``), the
store's own batch checks and the labels the open-data export writes. Each
variant of a sentence has its own key (``unknown_indicator`` /
``unknown_locality``) so both languages keep their grammar. Ids, column names,
JSON paths, unit symbols and file names are data and are passed in as they are.

Optional fragments are parameters that are either a message or empty: ``hint``
is ``did_you_mean`` (or ``""``), so "okänd kolumn (menade du ”title”?)" and
"unknown column (did you mean “title”?)" are each one sentence in one language.
"""

from __future__ import annotations

from indicators.i18n.texts import Catalogue, Text

SV = {
    # --- shared pieces
    "did_you_mean": " (menade du ”{name}”?)",
    "quoted": "”{value}”",
    "or": "{first} eller {second}",
    "undated": "odaterat",
    "file_unreadable": "filen kunde inte läsas ({reason})",
    "bundled_file": "{name} (inbyggd data)",
    # --- tables (CSV and Excel headers)
    "empty_file": "filen är tom; första raden ska vara rubrikerna {columns}",
    "column_without_heading": "kolumn {number} saknar rubrik",
    "column_twice": "kolumnen finns två gånger",
    "unknown_column": "okänd kolumn{hint}; tillåtna kolumner är {columns}",
    "column_missing": "kolumnen saknas",
    # --- CSV
    "not_utf8": (
        "filen är inte i teckenkodningen UTF-8 (till exempel å, ä eller ö kan inte läsas); "
        "spara filen som UTF-8 (i Excel: ”CSV UTF-8 (kommaavgränsad)”)"
    ),
    "csv_row_unreadable": "raden kan inte läsas som CSV ({error})",
    "csv_row_width": "raden har {cells} fält men rubrikraden har {width}; kontrollera avgränsare och citattecken",
    "too_many_rows": (
        "filen har fler än {limit} datarader, gränsen för en fil; dela upp den i flera filer "
        "(gränsen ställs in med {setting})"
    ),
    "too_many_problems": (
        "fler än {limit} fel; läsningen avbröts här. Rätta felen ovan och läs in filen igen "
        "(gränsen ställs in med {setting})"
    ),
    "limit_setting_invalid": "”{value}” är inget positivt heltal; ange ett sådant eller ta bort inställningen (standard {default})",
    # --- Excel
    "not_a_workbook": (
        "filen kan inte läsas som en Excel-arbetsbok (.xlsx); spara den i Excel som ”Excel-arbetsbok” ({error})"
    ),
    "merged_header": (
        "rubrikraden har sammanfogade celler ({ref}); dela upp dem så att varje kolumn har en egen rubrik"
    ),
    "merged_cells": (
        "sammanfogade celler ({ref}): bara den första cellen har ett värde; dela upp dem och fyll i varje rad"
    ),
    "sheet_not_found": "bladet ”{sheet}” finns inte; arbetsboken har bladen {sheets}",
    "no_sheets": "arbetsboken har inga kalkylblad",
    "several_sheets": (
        "arbetsboken har {count} blad ({sheets}); ange vilket blad som ska läsas "
        "(på kommandoraden: --sheet NAMN) eller spara bladet som en egen fil"
    ),
    "cell_without_heading": "cellen {cells} har ett värde men kolumnen saknar rubrik",
    "cells_without_heading": "cellerna {cells} har värden men kolumnerna saknar rubrik",
    "workbook_damaged": (
        "arbetsboken är skadad och kan inte läsas ({error}); öppna den i Excel och spara den igen "
        "som ”Excel-arbetsbok”, eller spara bladet som CSV UTF-8"
    ),
    "workbook_too_large": (
        "arbetsboken blir {size} MB uppackad, mer än gränsen {limit} MB; dela upp den i flera filer "
        "eller spara bladet som CSV UTF-8 (gränsen ställs in med {setting})"
    ),
    "workbook_too_many_parts": (
        "arbetsboken består av {count} delar, fler än gränsen {limit}; spara bladet i en ny arbetsbok "
        "eller som CSV UTF-8 (gränsen ställs in med {setting})"
    ),
    "formula_without_value": (
        "cellen {cell} har en formel men inget sparat resultat, så värdet kan inte läsas; öppna filen "
        "i Excel och spara den (då sparas resultatet), eller skriv värdet i stället för formeln"
    ),
    "cell_unreadable": "cellen {cell} kan inte läsas (”{value}”); skriv in värdet på nytt i Excel",
    # --- cells
    "date_not_year": (
        "cellen innehåller ett datum ({date}), inte ett årtal; "
        "formatera cellen som tal och skriv till exempel 2020"
    ),
    "not_a_year": "”{value}” är inget årtal; skriv till exempel 2020",
    "not_a_year_or_empty": (
        "”{value}” är inget årtal; skriv till exempel 2020, eller lämna tomt för en odaterad uppgift"
    ),
    "not_a_number": "”{value}” är inget tal",
    "not_finite": "”{value}” är inget ändligt tal",
    "not_a_number_hint": (
        "”{value}” är inget tal; skriv till exempel 12.5 eller 12,5, eller lämna tomt om värdet saknas"
    ),
    "not_yes_or_no": "”{value}” är varken ja eller nej; skriv true eller false (ja/nej)",
    # --- choosing a format
    "old_excel": (
        "filen är i Excels gamla format (.xls); öppna den i Excel och spara "
        "som ”Excel-arbetsbok (.xlsx)” eller som CSV UTF-8"
    ),
    "unknown_format": "okänt format ”{format}”; välj {formats}",
    "sheet_only_in_excel": "ett blad kan bara väljas i en Excel-fil, inte i formatet {format}",
    # --- Kolada
    "kolada_invalid_json": (
        "filen är inte giltig JSON ({reason}, tecken {column}); spara svaret från Kolada oförändrat"
    ),
    "kolada_not_a_response": (
        "filen ska vara ett svar från Kolada: ett objekt med ”values” (eller en lista av sådana sidor)"
    ),
    "kolada_page_not_object": "ska vara ett objekt med ”values”",
    "kolada_values_missing": "saknas; filen ser inte ut som ett svar från Kolada",
    "kolada_values_not_list": "ska vara en lista; filen ser inte ut som ett svar från Kolada",
    "kolada_entry_not_object": "ska vara ett objekt med kpi, municipality, period och values",
    "kolada_unknown_kpi": (
        "KPI {kpi} finns inte i indikatorkatalogen; lägg till den (kolumnen kolada_kpi) eller ta bort den ur filen"
    ),
    "kolada_unknown_municipality": "kommun ”{code}” är varken Vimmerby (0884) eller riket (0000)",
    "kolada_period": "ska vara ett årtal, till exempel 2020",
    "kolada_values_per_gender": "ska vara en lista med ett värde per kön (T, K, M)",
    "kolada_value_not_object": "ska vara ett objekt med gender och value",
    "kolada_gender": "ska vara T, K eller M",
    "kolada_value_not_number": "ska vara ett tal eller null",
    "kolada_several_totals": "har {count} värden för T (totalt); bara ett går",
    "kolada_too_deep": (
        "filen är nästlad för djupt för att vara ett svar från Kolada ({reason}); spara svaret från Kolada oförändrat"
    ),
    "kolada_unreadable_number": (
        "filen innehåller ett tal som inte kan läsas ({reason}); spara svaret från Kolada oförändrat"
    ),
    "kolada_number_too_long": "talet har {digits} siffror, för många för ett värde eller ett årtal",
    "kolada_not_text": "saknas eller är inte en text",
    # --- observation rows
    "indicator_missing": "indikator saknas",
    "locality_missing": "ort saknas",
    "unknown_indicator": "okänd indikator ”{value}”{hint}",
    "unknown_locality": "okänd ort ”{value}”{hint}",
    "valid_ids": "{hint}; giltiga id är {ids}",
    "valid_ids_among": "{hint}; giltiga id är bland andra {ids}, …",
    "municipality_only": (
        "indikatorn ”{indicator}” mäts bara för hela kommunen; ange {municipality} eller {sweden}, inte en ort"
    ),
    "source_missing": "källa saknas; ange varifrån uppgiften kommer",
    "duplicate_observation": "dubblett: samma som {label} {row} (samma indikator, ort, år och grund)",
    "duplicate_observation_entry": (
        "dubblett: samma som {label} {row} (”{entry}”) (samma indikator, ort, år och grund)"
    ),
    "year_too_early": "årtalet {year} är före {earliest}",
    "year_in_future": "årtalet {year} ligger i framtiden (senast tillåtna är {latest})",
    "wrong_unit": (
        "fel enhet: ”{written}”, men indikatorn mäts i ”{expected}”; "
        "räkna om värdet eller välj en annan indikator"
    ),
    # --- catalogue rows
    "duplicate_id": "dubblett: samma id som rad {row}",
    "duplicate_kpi": "samma Kolada-KPI som rad {row}; en KPI kan bara höra till en indikator",
    "kpi_taken": "Kolada-KPI {kpi} hör redan till indikatorn ”{owner}”",
    "stored_values_outside_unit": (
        "{count} sparade värden passar inte enheten ”{unit}” (till exempel {place} {year}: {example}); "
        "importera rätt värden först eller behåll den gamla enheten"
    ),
    "id_missing": "id saknas",
    "bad_id": (
        "”{id}” går inte som id; använd små bokstäver a–z, siffror, - och _ "
        "(högst 64 tecken), till exempel bus_departures"
    ),
    "must_not_be_empty": "får inte vara tom",
    "name_too_long": "namnet är längre än {limit} tecken",
    "unknown_unit": "okänd enhet ”{unit}”; tillåtna enheter är {units}",
    "unit_missing": "enhet saknas; tillåtna enheter är {units}",
    "unknown_area_listed": "okänt utvecklingsområde ”{area}”{hint}; SLUS-områdena är {areas}",
    "bad_kpi": "”{kpi}” är inget Kolada-KPI-id; det ser ut som N01951 (eller lämna tomt)",
    "per_1000_not_countable": "per 1 000 invånare går bara för antal, inte för enheten ”{unit}”",
    "choice_not_allowed": "”{value}” är inte tillåtet{hint}; skriv {choices}",
    "choice_missing": "värde saknas{hint}; skriv {choices}",
    # --- units
    "value_not_finite": "värdet måste vara ett ändligt tal",
    "outside_unit": "{value} ligger utanför det tillåtna för enheten ”{unit}” ({range})",
    "not_whole_in_unit": (
        "{value} är inget heltal, men enheten ”{unit}” räknar hela tal "
        "(har ett tusentalstecken lästs som decimaltecken?)"
    ),
    "range_between": "{low}–{high}",
    "range_at_least": "minst {low}",
    "range_at_most": "högst {high}",
    "range_any": "vilket tal som helst",
    "range_whole": "{range}, hela tal",
    # --- the store's checks of a batch
    "records_localities": "orter",
    "records_indicators": "indikatorer",
    "records_groups": "grupper",
    "records_observations": "observationer",
    "duplicate_record": "dubblett: samma som post {row}",
    "unknown_area": "okänt utvecklingsområde ”{value}”",
    "schema_too_new": (
        "Databasen har schemaversion {version}, men det här programmet känner bara till version {known}. "
        "Uppdatera programmet."
    ),
    # --- comparison and open-data export
    "score_unit": "poäng 0–100",
    "index_label": "Attraktivitetsindex",
    "area_score_label": "Områdespoäng {area}",
    "column_kind": "index, area_score eller indicator",
    "column_year": "året som jämförs",
    "column_locality_id": "ortens id (slug)",
    "column_locality": "ortens namn",
    "column_area_id": (
        "SLUS-utvecklingsområdets id (leva, arbeta, verka, trivas, kontakt, motas); tomt för indexet"
    ),
    "column_area": "SLUS-utvecklingsområdets kortnamn",
    "column_indicator_id": "indikatorns id; 'index' eller 'omrade:<område>' för poäng",
    "column_indicator": "indikatorns namn (svenska)",
    "column_unit": "enhet för value",
    "column_value": "talet (för poäng: 0–100); tomt när det saknas, aldrig 0",
    "column_per_1000": "value per 1 000 invånare, för indikatorer som räknas per 1 000",
    "column_population_used": "befolkningen som talet per 1 000 delas med",
    "column_population_year": "året för den befolkningssiffran",
    "column_population_basis": "vad den befolkningen räknade (tätort, valdistrikt, församling)",
    "column_score": "poäng 0–100 bland alla orter det året (tomt för neutrala indikatorer)",
    "column_coverage_used": "för poäng: indikatorerna (eller områdena, för indexet) som poängen bygger på",
    "column_coverage_available": "för poäng: indikatorerna (eller områdena) som hade kunnat räknas",
    "column_rank": "placering bland de jämförda orterna, 1 = bäst i indikatorns riktning",
    "column_municipality_value": "kommunens tal i samma mått, där det går att jämföra",
    "column_difference_to_municipality": "orten minus kommunen, där det går att jämföra",
    "column_basis": "vad som räknades för value",
    "column_source": "källa för value",
    "column_example": "true när value är inbyggda exempeldata, inte riktiga siffror",
}

EN = {
    # --- shared pieces
    "did_you_mean": " (did you mean “{name}”?)",
    "quoted": "“{value}”",
    "or": "{first} or {second}",
    "undated": "undated",
    "file_unreadable": "the file could not be read ({reason})",
    "bundled_file": "{name} (built-in data)",
    # --- tables (CSV and Excel headers)
    "empty_file": "the file is empty; the first row should be the column headings {columns}",
    "column_without_heading": "column {number} has no heading",
    "column_twice": "the column appears twice",
    "unknown_column": "unknown column{hint}; the allowed columns are {columns}",
    "column_missing": "the column is missing",
    # --- CSV
    "not_utf8": (
        "the file is not in the UTF-8 character encoding (å, ä or ö, for example, cannot be read); "
        "save the file as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”)"
    ),
    "csv_row_unreadable": "the row cannot be read as CSV ({error})",
    "csv_row_width": (
        "the row has {cells} fields but the header row has {width}; check the delimiters and quotation marks"
    ),
    "too_many_rows": (
        "the file has more than {limit} data rows, the limit for one file; split it into several files "
        "(the limit is set with {setting})"
    ),
    "too_many_problems": (
        "more than {limit} problems; reading stopped here. Correct the problems above and import the file again "
        "(the limit is set with {setting})"
    ),
    "limit_setting_invalid": "“{value}” is not a positive whole number; give one or remove the setting (default {default})",
    # --- Excel
    "not_a_workbook": (
        "the file cannot be read as an Excel workbook (.xlsx); save it in Excel as “Excel Workbook” ({error})"
    ),
    "merged_header": (
        "the header row has merged cells ({ref}); unmerge them so that every column has a heading of its own"
    ),
    "merged_cells": (
        "merged cells ({ref}): only the first cell has a value; unmerge them and fill in every row"
    ),
    "sheet_not_found": "there is no sheet “{sheet}”; the workbook has the sheets {sheets}",
    "no_sheets": "the workbook has no worksheets",
    "several_sheets": (
        "the workbook has {count} sheets ({sheets}); say which sheet to read "
        "(on the command line: --sheet NAME) or save the sheet as a file of its own"
    ),
    "cell_without_heading": "cell {cells} has a value but its column has no heading",
    "cells_without_heading": "cells {cells} have values but their columns have no heading",
    "workbook_damaged": (
        "the workbook is damaged and cannot be read ({error}); open it in Excel and save it again "
        "as “Excel Workbook”, or save the sheet as CSV UTF-8"
    ),
    "workbook_too_large": (
        "the workbook unpacks to {size} MB, more than the limit of {limit} MB; split it into several files "
        "or save the sheet as CSV UTF-8 (the limit is set with {setting})"
    ),
    "workbook_too_many_parts": (
        "the workbook consists of {count} parts, more than the limit of {limit}; save the sheet in a new "
        "workbook or as CSV UTF-8 (the limit is set with {setting})"
    ),
    "formula_without_value": (
        "cell {cell} holds a formula but no saved result, so its value cannot be read; open the file "
        "in Excel and save it (which saves the result), or type the value instead of the formula"
    ),
    "cell_unreadable": "cell {cell} cannot be read (“{value}”); type the value again in Excel",
    # --- cells
    "date_not_year": (
        "the cell contains a date ({date}), not a year; format the cell as a number and type 2020, for example"
    ),
    "not_a_year": "“{value}” is not a year; write 2020, for example",
    "not_a_year_or_empty": (
        "“{value}” is not a year; write 2020, for example, or leave the cell empty for an undated figure"
    ),
    "not_a_number": "“{value}” is not a number",
    "not_finite": "“{value}” is not a finite number",
    "not_a_number_hint": (
        "“{value}” is not a number; write 12.5 or 12,5, for example, "
        "or leave the cell empty if the value is missing"
    ),
    "not_yes_or_no": "“{value}” is neither yes nor no; write true or false (yes/no)",
    # --- choosing a format
    "old_excel": (
        "the file is in Excel's old format (.xls); open it in Excel and save it "
        "as “Excel Workbook (.xlsx)” or as CSV UTF-8"
    ),
    "unknown_format": "unknown format “{format}”; choose {formats}",
    "sheet_only_in_excel": "a sheet can only be chosen in an Excel file, not in the {format} format",
    # --- Kolada
    "kolada_invalid_json": (
        "the file is not valid JSON ({reason}, character {column}); save the response from Kolada unchanged"
    ),
    "kolada_not_a_response": (
        "the file should be a response from Kolada: an object with “values” (or a list of such pages)"
    ),
    "kolada_page_not_object": "should be an object with “values”",
    "kolada_values_missing": "is missing; the file does not look like a response from Kolada",
    "kolada_values_not_list": "should be a list; the file does not look like a response from Kolada",
    "kolada_entry_not_object": "should be an object with kpi, municipality, period and values",
    "kolada_unknown_kpi": (
        "KPI {kpi} is not in the indicator catalogue; add it (the kolada_kpi column) or remove it from the file"
    ),
    "kolada_unknown_municipality": "municipality “{code}” is neither Vimmerby (0884) nor Sweden (0000)",
    "kolada_period": "should be a year, for example 2020",
    "kolada_values_per_gender": "should be a list with one value per gender (T, K, M)",
    "kolada_value_not_object": "should be an object with gender and value",
    "kolada_gender": "should be T, K or M",
    "kolada_value_not_number": "should be a number or null",
    "kolada_several_totals": "has {count} values for T (total); only one is allowed",
    "kolada_too_deep": (
        "the file is nested too deeply to be a response from Kolada ({reason}); save the response from Kolada unchanged"
    ),
    "kolada_unreadable_number": (
        "the file holds a number that cannot be read ({reason}); save the response from Kolada unchanged"
    ),
    "kolada_number_too_long": "the number has {digits} digits, too many for a value or a year",
    "kolada_not_text": "is missing or is not a text",
    # --- observation rows
    "indicator_missing": "the indicator is missing",
    "locality_missing": "the locality is missing",
    "unknown_indicator": "unknown indicator “{value}”{hint}",
    "unknown_locality": "unknown locality “{value}”{hint}",
    "valid_ids": "{hint}; the valid ids are {ids}",
    "valid_ids_among": "{hint}; valid ids include {ids}, …",
    "municipality_only": (
        "the indicator “{indicator}” is measured only for the whole municipality; "
        "give {municipality} or {sweden}, not a locality"
    ),
    "source_missing": "the source is missing; say where the figure comes from",
    "duplicate_observation": "duplicate: same as {label} {row} (same indicator, locality, year and basis)",
    "duplicate_observation_entry": (
        "duplicate: same as {label} {row} (“{entry}”) (same indicator, locality, year and basis)"
    ),
    "year_too_early": "the year {year} is before {earliest}",
    "year_in_future": "the year {year} is in the future (the latest allowed is {latest})",
    "wrong_unit": (
        "wrong unit: “{written}”, but the indicator is measured in “{expected}”; "
        "convert the value or choose another indicator"
    ),
    # --- catalogue rows
    "duplicate_id": "duplicate: same id as row {row}",
    "duplicate_kpi": "same Kolada KPI as row {row}; a KPI can belong to only one indicator",
    "kpi_taken": "Kolada KPI {kpi} already belongs to the indicator “{owner}”",
    "stored_values_outside_unit": (
        "{count} stored values do not fit the unit “{unit}” (for example {place} {year}: {example}); "
        "import the correct values first or keep the old unit"
    ),
    "id_missing": "the id is missing",
    "bad_id": (
        "“{id}” cannot be used as an id; use lower-case letters a–z, digits, - and _ "
        "(at most 64 characters), for example bus_departures"
    ),
    "must_not_be_empty": "must not be empty",
    "name_too_long": "the name is longer than {limit} characters",
    "unknown_unit": "unknown unit “{unit}”; the allowed units are {units}",
    "unit_missing": "the unit is missing; the allowed units are {units}",
    "unknown_area_listed": "unknown development area “{area}”{hint}; the SLUS areas are {areas}",
    "bad_kpi": "“{kpi}” is not a Kolada KPI id; it looks like N01951 (or leave the cell empty)",
    "per_1000_not_countable": "per 1,000 inhabitants works only for counts, not for the unit “{unit}”",
    "choice_not_allowed": "“{value}” is not allowed{hint}; write {choices}",
    "choice_missing": "the value is missing{hint}; write {choices}",
    # --- units
    "value_not_finite": "the value must be a finite number",
    "outside_unit": "{value} is outside what the unit “{unit}” allows ({range})",
    "not_whole_in_unit": (
        "{value} is not a whole number, but the unit “{unit}” counts whole numbers "
        "(has a thousands separator been read as a decimal mark?)"
    ),
    "range_between": "{low}–{high}",
    "range_at_least": "at least {low}",
    "range_at_most": "at most {high}",
    "range_any": "any number",
    "range_whole": "{range}, whole numbers",
    # --- the store's checks of a batch
    "records_localities": "localities",
    "records_indicators": "indicators",
    "records_groups": "groups",
    "records_observations": "observations",
    "duplicate_record": "duplicate: same as record {row}",
    "unknown_area": "unknown development area “{value}”",
    "schema_too_new": (
        "The database has schema version {version}, but this program only knows up to version {known}. "
        "Update the program."
    ),
    # --- comparison and open-data export
    "score_unit": "score 0–100",
    "index_label": "Attractiveness index",
    "area_score_label": "Area score {area}",
    "column_kind": "index, area_score or indicator",
    "column_year": "the year compared",
    "column_locality_id": "locality id (slug)",
    "column_locality": "locality name",
    "column_area_id": (
        "SLUS development area id (leva, arbeta, verka, trivas, kontakt, motas); empty for the index"
    ),
    "column_area": "SLUS development area short name",
    "column_indicator_id": "indicator id; 'index' or 'omrade:<area>' for scores",
    "column_indicator": "indicator name (English)",
    "column_unit": "unit of value",
    "column_value": "the figure (for scores: 0–100); empty when missing, never 0",
    "column_per_1000": "value per 1,000 inhabitants, for indicators counted per 1,000",
    "column_population_used": "population the per-1,000 figure is divided by",
    "column_population_year": "year of that population figure",
    "column_population_basis": "what that population counted (tätort, electoral district, parish)",
    "column_score": "0–100 score among all localities that year (empty for neutral indicators)",
    "column_coverage_used": "for scores: indicators (or areas, for the index) the score rests on",
    "column_coverage_available": "for scores: indicators (or areas) that could have counted",
    "column_rank": "rank among the compared localities, 1 = best in the indicator's direction",
    "column_municipality_value": "the municipality's figure in the same measure, where comparable",
    "column_difference_to_municipality": "locality minus municipality, where comparable",
    "column_basis": "what was counted for value",
    "column_source": "source of value",
    "column_example": "true when value is bundled example data, not real figures",
}

CATALOGUE = Catalogue("import", {"sv": SV, "en": EN})


def t(key: str, **params: object) -> Text:
    return CATALOGUE.text(key, **params)
