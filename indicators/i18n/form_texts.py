"""Messages about group work, accounts, permissions, presentations and weights.

What the forms, the group-work importer and the permission rules say to
editors and staff, in Swedish (the default) and English. Code asks for a
message with ``t("key", name=value)``; the result is a ``Text`` that is its
Swedish wording and renders in English on ``render("en")``.

Nouns that a message is built around (``noun_*``, ``subject_*``) are entries
of their own and passed as parameters, so each language keeps its grammar:
``noun_*`` starts lower case (inside a sentence), ``subject_*`` starts a
sentence.
"""

from __future__ import annotations

from indicators.i18n.texts import Catalogue, Text

SV = {
    # nouns passed into other messages
    "noun_text": "texten",
    "noun_theme": "ett tema",
    "noun_participants": "antal deltagare",
    "noun_progress": "framsteg i procent",
    "noun_count": "antal",
    "noun_id": "id",
    "noun_version": "version",
    "noun_latitude": "latitud",
    "noun_longitude": "longitud",
    "noun_activity_kind": "slag av aktivitet",
    "noun_status": "status",
    "noun_role": "roll",
    "noun_no_locality": "ingen ort",
    "noun_activity": "aktiviteten",
    "noun_initiative": "initiativet",
    "noun_meeting": "det strategiska mötet",
    "subject_activity": "Aktiviteten",
    "subject_initiative": "Initiativet",
    "subject_meeting": "Det strategiska mötet",
    "subject_user": "Användaren",
    "subject_presentation": "Presentationen",
    "quoted": "”{value}”",
    # form rules (groupwork_rules)
    "end_before_start": "slutdatum {end} ligger före startdatum {start}",
    "composition_not_counts": "sammansättningen ska vara antal per kategori",
    "composition_unknown_category": (
        "okänd kategori {category}; kategorierna är {representations} och åldersgrupperna {age_bands}"
    ),
    "count_missing": "antal saknas; skriv 0 om det inte finns någon",
    "themes_not_list": "teman ska vara en lista",
    "too_many_themes": "högst {maximum} teman (här finns {count})",
    "editor_needs_locality": "en redaktör måste höra till en ort",
    "admin_has_no_locality": (
        "personal hör inte till någon ort (får ändra alla orters uppgifter); lämna orten tom"
    ),
    "username_missing": "användarnamn saknas",
    "username_length": "användarnamnet ska ha {minimum}–{maximum} tecken",
    "username_characters": (
        "användarnamnet får bara innehålla bokstäver, siffror och tecknen . _ - @ (inga mellanslag)"
    ),
    "locality_missing": "ort saknas",
    "locality_unknown_choose": "okänd ort ”{locality}”; giltiga orter är {valid}",
    "text_not_text": "{noun} ska vara text",
    "required": "måste fyllas i",
    "text_too_long": (
        "{noun} är för lång: {length} tecken, högst {limit} är tillåtet; "
        "korta den (inget kortas automatiskt)"
    ),
    "text_single_line": "{noun} ska vara en enda rad (utan radbrytningar)",
    "text_invalid_character": "{noun} innehåller ett ogiltigt tecken",
    "text_control_character": (
        "{noun} innehåller ett otillåtet styrtecken (U+{code}); "
        "skriv in texten igen eller klistra in den som ren text"
    ),
    "count_not_whole": "{noun} ska vara ett heltal, till exempel 12",
    "count_negative": "{noun} kan inte vara negativt ({value})",
    "count_too_large": "{noun} är orimligt stort ({value}); högst {maximum} är tillåtet",
    "date_missing": "datum saknas",
    "not_a_date": "ska vara ett datum, till exempel 2024-05-18",
    "date_too_early": "datumet {date} ligger före {earliest}; kontrollera årtalet",
    "date_in_future": "datumet {date} ligger i framtiden (i dag är {today}); registrera det som har hänt",
    "areas_not_list": "utvecklingsområden ska vara en lista av {valid}",
    "areas_required": "välj minst ett utvecklingsområde ({valid}); kartan färgar initiativ efter område",
    "areas_unknown": "okänt utvecklingsområde {areas}; giltiga är {valid}",
    "point_incomplete": "en punkt behöver både latitud och longitud; fyll i båda eller ingen",
    "coordinate_not_number": "{name} ska vara ett tal, till exempel 57.67",
    "coordinate_out_of_range": "{name} {value} ligger utanför ±{bound}",
    "point_outside_area": (
        "punkten ({lat}, {lon}) ligger utanför ortens område; "
        "välj en plats inom området som gruppen talar för"
    ),
    "choice_missing": "{noun} saknas; välj {choices}",
    "choice_unknown": "okänd {noun} ”{value}”; välj {choices}",
    # passwords (auth)
    "password_too_short": (
        "lösenordet måste ha minst {minimum} tecken; "
        "en fras av några ord är lätt att minnas och svår att gissa"
    ),
    "password_too_long": "lösenordet får ha högst {maximum} tecken",
    "password_only_spaces": "lösenordet får inte bara bestå av mellanslag",
    # permissions and accounts (groupwork_service)
    "permission_denied": "Du har inte behörighet att göra detta.",
    "not_signed_in": "Du måste vara inloggad för att ändra uppgifter.",
    "account_inactive": "Ditt konto är avstängt; kontakta Utvecklingsavdelningen.",
    "admin_only": "Bara personal (Utvecklingsavdelningen) kan göra detta.",
    "admin_exists": (
        "Det finns redan ett personalkonto; nya konton skapas av personal "
        "(python -m indicators add-user)."
    ),
    "current_password_wrong": "nuvarande lösenord stämmer inte",
    "last_admin_deactivate": (
        "Det här är det enda aktiva personalkontot; skapa ett till innan kontot stängs av."
    ),
    "last_admin_role": "Det här är det enda aktiva personalkontot; det kan inte bli redaktör.",
    "record_gone": "Posten {id} finns inte (längre); den kan ha tagits bort.",
    "record_changed_reload": (
        "Posten har ändrats av någon annan sedan du öppnade den; ladda om och gör ändringen igen."
    ),
    "delete_gone": "{subject} finns inte (längre); den kan redan ha tagits bort.",
    "delete_changed": (
        "{subject} har ändrats av någon annan sedan du öppnade den; ladda om och försök igen."
    ),
    "editor_cannot_move": "En redaktör kan inte flytta en post till en annan ort; be personalen.",
    "own_locality_only": "Du får bara ändra uppgifter för din egen ort; ”{locality}” är inte din.",
    "user_gone": "Användaren {id} finns inte.",
    "username_taken": "användarnamnet ”{name}” är upptaget",
    # the store (groupwork_store, groupwork_sql, groupwork_bulk)
    "stale_default": (
        "Posten har ändrats av någon annan sedan du öppnade den. Ladda om och gör ändringen igen."
    ),
    "stale_versions": (
        "Posten har ändrats av någon annan sedan du öppnade den "
        "(version {current} finns, du utgick från version {based_on}). Ladda om och gör ändringen igen."
    ),
    "stale_versions_delete": (
        "Posten har ändrats av någon annan sedan du öppnade den "
        "(version {current} finns, du utgick från version {based_on}). "
        "Ladda om och se efter innan du tar bort den."
    ),
    "not_found_default": "Posten finns inte längre; någon kan ha tagit bort den.",
    "not_found_id": "{subject} (id {id}) finns inte längre; någon kan ha tagit bort den. Ladda om sidan.",
    "unknown_locality": "okänd ort ”{locality}”",
    "unknown_role": "okänd roll ”{role}”",
    "unknown_group": "okänd grupp ”{group}”",
    "count_not_natural": "antalet måste vara ett heltal ≥ 0, inte ”{count}”",
    "unknown_area": "okänt utvecklingsområde ”{area}”",
    "unknown_activity_kind": "okänd typ av aktivitet ”{kind}”",
    "unknown_status": "okänd status ”{status}”",
    "batch_duplicate_id": "dubblett: samma id som post {record}",
    "batch_record_gone": "{noun} med id {id} finns inte (längre); den kan ha tagits bort",
    "batch_version_changed": (
        "posten har ändrats sedan filen gjordes (version {current} finns, "
        "filen utgår från version {based_on}); exportera igen och gör om ändringen"
    ),
    # group-work files (groupwork_io)
    "export_suffix": "filnamnet ska sluta på .csv eller .xlsx",
    "import_format": "aktiviteter och initiativ importeras från CSV eller Excel (.xlsx), inte JSON",
    "import_nothing": "filen innehåller inga aktiviteter eller initiativ",
    "id_repeated": "id {id} finns redan på rad {row}; en post per rad",
    "id_unknown": "det finns ingen post med id {id}; lämna id tomt för att lägga till en ny",
    "row_duplicate": "raden är en dubblett av rad {row}",
    "file_version_changed": (
        "posten har ändrats sedan filen exporterades (version {file_version} i filen, "
        "{stored_version} sparad); exportera igen och gör ändringen i den nya filen"
    ),
    "file_empty": "filen är tom; första raden ska vara rubrikerna",
    "header_unrecognised": (
        "rubrikraden liknar varken aktiviteter (kolumnerna {activity_columns}) "
        "eller initiativ (kolumnerna {initiative_columns})"
    ),
    "cell_not_whole": "{noun} ska vara ett heltal, inte ”{value}”",
    "cell_not_date": "”{value}” är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2024-05-18",
    "id_not_positive": "id ska vara ett positivt heltal, inte {value}",
    "version_negative": "version kan inte vara negativ ({value})",
    # presentations
    "presentation_name_missing": "ge presentationen ett namn",
    "presentation_name_too_long": "namnet får vara högst {maximum} tecken på en rad",
    "presentation_no_slides": "en presentation behöver minst en bild",
    "presentation_too_many_slides": "högst {maximum} bilder",
    "presentation_unknown_slides": "okända bilder: {slides}",
    "presentation_name_taken": "namnet ”{name}” används redan",
    # area weights (scores.validate_weights)
    "weights_unknown_area": "Okänt utvecklingsområde ”{area}”; kända är {known}.",
    "weight_not_number": "Vikten för {area} är inte ett tal: ”{value}”.",
    "weight_negative": "Vikten för {area} får inte vara negativ (−{value}).",
    "weights_zero": "Vikterna summerar till noll: minst ett område måste ha en vikt större än noll.",
    # sign-in limits and settings (sign_in_limits, app_settings)
    "sign_in_wait_minutes": "För många misslyckade inloggningar. Försök igen om {minutes} minuter.",
    "sign_in_wait_minute": "För många misslyckade inloggningar. Försök igen om 1 minut.",
    "sign_in_wait_seconds": "För många misslyckade inloggningar. Försök igen om {seconds} sekunder.",
    "sign_in_wait_second": "För många misslyckade inloggningar. Försök igen om 1 sekund.",
    "setting_out_of_range": "{label} måste vara ett heltal från {minimum} till {maximum}.",
    "setting_unknown": "Okänd inställning ”{name}”.",
    "setting_lock_before_delay": "{lock} får inte vara mindre än {delay}.",
    "setting_session_idle_minutes": "Utloggning efter så här lång inaktivitet (minuter)",
    "setting_session_absolute_hours": "Längsta tid en inloggning gäller (timmar)",
    "setting_sign_in_window_minutes": "Misslyckade inloggningar räknas under (minuter)",
    "setting_sign_in_delay_after": "Väntetid från så här många misslyckade inloggningar per namn",
    "setting_sign_in_lock_after": "Spärr vid så här många misslyckade inloggningar per namn",
    "setting_sign_in_address_delay_after": "Väntetid från så här många misslyckade inloggningar per adress",
    "setting_sign_in_address_lock_after": "Spärr vid så här många misslyckade inloggningar per adress",
    "setting_sign_in_lock_minutes": "Spärrtid (minuter)",
    "setting_sign_in_delay_seconds": "Första väntetiden (sekunder, fördubblas sedan)",
}

EN = {
    "noun_text": "the text",
    "noun_theme": "a theme",
    "noun_participants": "the number of participants",
    "noun_progress": "progress in per cent",
    "noun_count": "the count",
    "noun_id": "id",
    "noun_version": "version",
    "noun_latitude": "latitude",
    "noun_longitude": "longitude",
    "noun_activity_kind": "kind of activity",
    "noun_status": "status",
    "noun_role": "role",
    "noun_no_locality": "no locality",
    "noun_activity": "the activity",
    "noun_initiative": "the initiative",
    "noun_meeting": "the strategic meeting",
    "subject_activity": "The activity",
    "subject_initiative": "The initiative",
    "subject_meeting": "The strategic meeting",
    "subject_user": "The user",
    "subject_presentation": "The presentation",
    "quoted": "“{value}”",
    "end_before_start": "the end date {end} is before the start date {start}",
    "composition_not_counts": "the composition must be counts per category",
    "composition_unknown_category": (
        "unknown category {category}; the categories are {representations} and the age groups {age_bands}"
    ),
    "count_missing": "the count is missing; write 0 if there are none",
    "themes_not_list": "the themes must be a list",
    "too_many_themes": "at most {maximum} themes (there are {count} here)",
    "editor_needs_locality": "an editor must belong to a locality",
    "admin_has_no_locality": (
        "staff belong to no locality (and may change every locality's records); "
        "leave the locality empty"
    ),
    "username_missing": "the user name is missing",
    "username_length": "the user name must have {minimum}–{maximum} characters",
    "username_characters": (
        "the user name may only contain letters, digits and the characters . _ - @ (no spaces)"
    ),
    "locality_missing": "the locality is missing",
    "locality_unknown_choose": "unknown locality “{locality}”; valid localities are {valid}",
    "text_not_text": "{noun} must be text",
    "required": "must be filled in",
    "text_too_long": (
        "{noun} is too long: {length} characters, at most {limit} are allowed; "
        "shorten it (nothing is cut automatically)"
    ),
    "text_single_line": "{noun} must be a single line (without line breaks)",
    "text_invalid_character": "{noun} contains an invalid character",
    "text_control_character": (
        "{noun} contains a control character that is not allowed (U+{code}); "
        "type the text again or paste it as plain text"
    ),
    "count_not_whole": "{noun} must be a whole number, for example 12",
    "count_negative": "{noun} cannot be negative ({value})",
    "count_too_large": "{noun} is implausibly large ({value}); at most {maximum} is allowed",
    "date_missing": "the date is missing",
    "not_a_date": "must be a date, for example 2024-05-18",
    "date_too_early": "the date {date} is before {earliest}; check the year",
    "date_in_future": "the date {date} is in the future (today is {today}); record what has happened",
    "areas_not_list": "development areas must be a list of {valid}",
    "areas_required": "choose at least one development area ({valid}); the map colours initiatives by area",
    "areas_unknown": "unknown development area {areas}; valid ones are {valid}",
    "point_incomplete": "a point needs both latitude and longitude; fill in both or neither",
    "coordinate_not_number": "{name} must be a number, for example 57.67",
    "coordinate_out_of_range": "{name} {value} is outside ±{bound}",
    "point_outside_area": (
        "the point ({lat}, {lon}) lies outside the locality's area; "
        "choose a place within the area the group speaks for"
    ),
    "choice_missing": "{noun} is missing; choose {choices}",
    "choice_unknown": "unknown {noun} “{value}”; choose {choices}",
    "password_too_short": (
        "the password must have at least {minimum} characters; "
        "a phrase of a few words is easy to remember and hard to guess"
    ),
    "password_too_long": "the password may have at most {maximum} characters",
    "password_only_spaces": "the password must not consist of spaces only",
    "permission_denied": "You do not have permission to do this.",
    "not_signed_in": "You must be signed in to change records.",
    "account_inactive": "Your account has been deactivated; contact the development department.",
    "admin_only": "Only staff (the development department) can do this.",
    "admin_exists": (
        "There is already a staff account; new accounts are created by staff "
        "(python -m indicators add-user)."
    ),
    "current_password_wrong": "the current password is not correct",
    "last_admin_deactivate": (
        "This is the only active staff account; create another one before deactivating this account."
    ),
    "last_admin_role": "This is the only active staff account; it cannot become an editor.",
    "record_gone": "Record {id} does not exist (any more); it may have been deleted.",
    "record_changed_reload": (
        "Someone else has changed the record since you opened it; reload and make the change again."
    ),
    "delete_gone": "{subject} does not exist (any more); it may already have been deleted.",
    "delete_changed": "{subject} has been changed by someone else since you opened it; reload and try again.",
    "editor_cannot_move": "An editor cannot move a record to another locality; ask the staff.",
    "own_locality_only": "You may only change records of your own locality; “{locality}” is not yours.",
    "user_gone": "User {id} does not exist.",
    "username_taken": "the user name “{name}” is taken",
    "stale_default": (
        "Someone else has changed the record since you opened it. Reload and make the change again."
    ),
    "stale_versions": (
        "Someone else has changed the record since you opened it "
        "(version {current} is stored, you started from version {based_on}). "
        "Reload and make the change again."
    ),
    "stale_versions_delete": (
        "Someone else has changed the record since you opened it "
        "(version {current} is stored, you started from version {based_on}). "
        "Reload and check before you delete it."
    ),
    "not_found_default": "The record no longer exists; someone may have deleted it.",
    "not_found_id": "{subject} (id {id}) no longer exists; someone may have deleted it. Reload the page.",
    "unknown_locality": "unknown locality “{locality}”",
    "unknown_role": "unknown role “{role}”",
    "unknown_group": "unknown group “{group}”",
    "count_not_natural": "the count must be a whole number ≥ 0, not “{count}”",
    "unknown_area": "unknown development area “{area}”",
    "unknown_activity_kind": "unknown kind of activity “{kind}”",
    "unknown_status": "unknown status “{status}”",
    "batch_duplicate_id": "duplicate: the same id as record {record}",
    "batch_record_gone": "{noun} with id {id} does not exist (any more); it may have been deleted",
    "batch_version_changed": (
        "the record has changed since the file was made (version {current} is stored, "
        "the file is based on version {based_on}); export again and redo the change"
    ),
    "export_suffix": "the file name must end in .csv or .xlsx",
    "import_format": "activities and initiatives are imported from CSV or Excel (.xlsx), not JSON",
    "import_nothing": "the file contains no activities or initiatives",
    "id_repeated": "id {id} is already on row {row}; one record per row",
    "id_unknown": "there is no record with id {id}; leave id empty to add a new one",
    "row_duplicate": "the row is a duplicate of row {row}",
    "file_version_changed": (
        "the record has changed since the file was exported (version {file_version} in the file, "
        "{stored_version} saved); export again and make the change in the new file"
    ),
    "file_empty": "the file is empty; the first row must be the column headings",
    "header_unrecognised": (
        "the header row looks like neither activities (columns {activity_columns}) "
        "nor initiatives (columns {initiative_columns})"
    ),
    "cell_not_whole": "{noun} must be a whole number, not “{value}”",
    "cell_not_date": "“{value}” is not a date; write YYYY-MM-DD, for example 2024-05-18",
    "id_not_positive": "id must be a positive whole number, not {value}",
    "version_negative": "version cannot be negative ({value})",
    "presentation_name_missing": "give the presentation a name",
    "presentation_name_too_long": "the name may be at most {maximum} characters on one line",
    "presentation_no_slides": "a presentation needs at least one slide",
    "presentation_too_many_slides": "at most {maximum} slides",
    "presentation_unknown_slides": "unknown slides: {slides}",
    "presentation_name_taken": "the name “{name}” is already in use",
    "weights_unknown_area": "Unknown development area “{area}”; known ones are {known}.",
    "weight_not_number": "The weight for {area} is not a number: “{value}”.",
    "weight_negative": "The weight for {area} must not be negative (−{value}).",
    "weights_zero": "The weights add up to zero: at least one area must have a weight greater than zero.",
    "sign_in_wait_minutes": "Too many failed sign-ins. Try again in {minutes} minutes.",
    "sign_in_wait_minute": "Too many failed sign-ins. Try again in 1 minute.",
    "sign_in_wait_seconds": "Too many failed sign-ins. Try again in {seconds} seconds.",
    "sign_in_wait_second": "Too many failed sign-ins. Try again in 1 second.",
    "setting_out_of_range": "{label} must be a whole number from {minimum} to {maximum}.",
    "setting_unknown": "Unknown setting “{name}”.",
    "setting_lock_before_delay": "{lock} must not be less than {delay}.",
    "setting_session_idle_minutes": "Sign out after this long without use (minutes)",
    "setting_session_absolute_hours": "Longest time a sign-in lasts (hours)",
    "setting_sign_in_window_minutes": "Failed sign-ins are counted over (minutes)",
    "setting_sign_in_delay_after": "Wait from this many failed sign-ins per name",
    "setting_sign_in_lock_after": "Lock at this many failed sign-ins per name",
    "setting_sign_in_address_delay_after": "Wait from this many failed sign-ins per address",
    "setting_sign_in_address_lock_after": "Lock at this many failed sign-ins per address",
    "setting_sign_in_lock_minutes": "Lock time (minutes)",
    "setting_sign_in_delay_seconds": "First wait (seconds, then doubling)",
}

CATALOGUE = Catalogue("form_texts", {"sv": SV, "en": EN})


def t(key: str, **params: object) -> Text:
    return CATALOGUE.text(key, **params)
