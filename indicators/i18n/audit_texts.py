"""The audit log's wording in Swedish and English (see ``indicators.audit.log``).

Each entity and action has its own key so that both languages keep their
grammar ("Nytt initiativ" / "Ny aktivitet"). Changed fields are named by the
``field_*`` keys when a line is shown, so a line written in Swedish reads in
English too. Titles, user names and file names are the user's own text and are
never translated.
"""

from __future__ import annotations

from indicators.i18n.texts import Catalogue, Text

SV = {
    "created_activity": "Ny aktivitet ”{title}” ({date})",
    "created_initiative": "Nytt initiativ ”{title}” ({status})",
    "created_composition": "Ny sammansättning för {locality} ({total} medlemmar)",
    "created_meeting": "Nytt strategiskt möte ”{title}” ({date})",
    "created_user": "Ny användare ”{username}” ({details})",
    "changed_activity": "Ändrade aktivitet ”{title}” ({date}): {fields}",
    "changed_initiative": "Ändrade initiativ ”{title}” ({status}): {fields}",
    "changed_composition": "Ändrade sammansättning för {locality} ({total} medlemmar): {fields}",
    "changed_meeting": "Ändrade strategiskt möte ”{title}” ({date}): {fields}",
    "changed_user": "Ändrade användare ”{username}” ({details}): {fields}",
    "deleted_activity": "Tog bort aktivitet ”{title}” ({date})",
    "deleted_initiative": "Tog bort initiativ ”{title}” ({status})",
    "deleted_composition": "Tog bort sammansättning för {locality} ({total} medlemmar)",
    "deleted_meeting": "Tog bort strategiskt möte ”{title}” ({date})",
    "deleted_user": "Tog bort användare ”{username}” ({details})",
    "imported_activity": "Import av aktiviteter från ”{file}”: {added} nya, {changed} ändrade, {unchanged} oförändrade",
    "imported_initiative": "Import av initiativ från ”{file}”: {added} nya, {changed} ändrade, {unchanged} oförändrade",
    "imported_other": "Import av {entity} från ”{file}”: {added} nya, {changed} ändrade, {unchanged} oförändrade",
    "no_fields": "inga fält ändrade",
    "signed_in": "inloggning",
    "presentation_saved": "Presentation ”{name}” ({count} bilder)",
    "presentation_deleted": "Presentation borttagen",
    "sign_in_failed": "misslyckad inloggning",
    "sign_in_failures": "Misslyckade inloggningar: {count} (senast från {address})",
    "sign_in_failures_locked": "Misslyckade inloggningar: {count} (senast från {address}); namnet spärrat i {minutes} minuter",
    "sign_in_address_locked": "Adressen {address} spärrad i {minutes} minuter efter {count} misslyckade inloggningar",
    "changed_settings": "Ändrade inställningar: {changes}",
    "deactivated": "avstängd",
    "field_locality_id": "ort",
    "field_date": "datum",
    "field_kind": "typ",
    "field_title": "titel",
    "field_participants": "deltagare",
    "field_areas": "utvecklingsområden",
    "field_description": "beskrivning",
    "field_status": "status",
    "field_start": "start",
    "field_end": "slut",
    "field_lead": "ansvarig",
    "field_partners": "samarbetspartner",
    "field_progress": "framsteg",
    "field_place": "plats",
    "field_themes": "teman",
    "field_notes": "anteckningar",
    "field_username": "användarnamn",
    "field_role": "roll",
    "field_password": "lösenord",
    "field_active": "aktiv",
    "field_counts": "antal",
}

EN = {
    "created_activity": "New activity “{title}” ({date})",
    "created_initiative": "New initiative “{title}” ({status})",
    "created_composition": "New group composition for {locality} (members: {total})",
    "created_meeting": "New strategic meeting “{title}” ({date})",
    "created_user": "New user “{username}” ({details})",
    "changed_activity": "Changed activity “{title}” ({date}): {fields}",
    "changed_initiative": "Changed initiative “{title}” ({status}): {fields}",
    "changed_composition": "Changed group composition for {locality} (members: {total}): {fields}",
    "changed_meeting": "Changed strategic meeting “{title}” ({date}): {fields}",
    "changed_user": "Changed user “{username}” ({details}): {fields}",
    "deleted_activity": "Deleted activity “{title}” ({date})",
    "deleted_initiative": "Deleted initiative “{title}” ({status})",
    "deleted_composition": "Deleted group composition for {locality} (members: {total})",
    "deleted_meeting": "Deleted strategic meeting “{title}” ({date})",
    "deleted_user": "Deleted user “{username}” ({details})",
    "imported_activity": "Import of activities from “{file}”: {added} new, {changed} changed, {unchanged} unchanged",
    "imported_initiative": "Import of initiatives from “{file}”: {added} new, {changed} changed, "
    "{unchanged} unchanged",
    "imported_other": "Import of {entity} from “{file}”: {added} new, {changed} changed, {unchanged} unchanged",
    "no_fields": "no fields changed",
    "signed_in": "signed in",
    "presentation_saved": "Presentation “{name}” (slides: {count})",
    "presentation_deleted": "Presentation deleted",
    "sign_in_failed": "failed sign-in",
    "sign_in_failures": "Failed sign-ins: {count} (last from {address})",
    "sign_in_failures_locked": "Failed sign-ins: {count} (last from {address}); name locked for {minutes} minutes",
    "sign_in_address_locked": "Address {address} locked for {minutes} minutes after {count} failed sign-ins",
    "changed_settings": "Changed settings: {changes}",
    "deactivated": "deactivated",
    "field_locality_id": "locality",
    "field_date": "date",
    "field_kind": "type",
    "field_title": "title",
    "field_participants": "participants",
    "field_areas": "development areas",
    "field_description": "description",
    "field_status": "status",
    "field_start": "start",
    "field_end": "end",
    "field_lead": "lead",
    "field_partners": "partners",
    "field_progress": "progress",
    "field_place": "location",
    "field_themes": "themes",
    "field_notes": "notes",
    "field_username": "user name",
    "field_role": "role",
    "field_password": "password",
    "field_active": "active",
    "field_counts": "counts",
}

CATALOGUE = Catalogue("audit", {"sv": SV, "en": EN})


def t(key: str, **params: object) -> Text:
    return CATALOGUE.text(key, **params)
