"""Every word a person reads in the dashboard and its exports: gettext domain ``dashboard``.

The wording is in ``dashboard/locales/<lang>/LC_MESSAGES/dashboard.po`` (Swedish
first); ``text`` renders a message now in the request's language, ``message``
keeps it to render later (a form problem, say).
"""

from __future__ import annotations

from pathlib import Path

from dashboard.server.language import current_language
from indicators.core.units import unit_label
from indicators.groupwork.records import ActivityKind, InitiativeStatus
from indicators.i18n.texts import N_, Catalogue, Text

CATALOGUE = Catalogue("dashboard", Path(__file__).resolve().parents[1] / "locales")


def text(key: str, language: str | None = None, **params: object) -> str:
    """The message for ``key`` in ``language`` (default: the request's language).

    A key missing from a translation falls back to Swedish, and is logged once
    so the gap gets filled; an unknown key is shown as itself.
    """
    return CATALOGUE.render(key, language or current_language(), params)


def plural(key: str, count: int, language: str | None = None, **params: object) -> str:
    """The message for ``key`` in the plural form ``count`` asks for ("1 initiativ" / "3 initiativ")."""
    return CATALOGUE.render(key, language or current_language(), {"count": count, **params}, count)


def message(key: str, **params: object) -> Text:
    """A message to keep and render later in the reader's language (a form problem, say)."""
    return CATALOGUE.text(key, **params)


_KIND_KEYS = {ActivityKind.MEETING: N_("kind_meeting"), ActivityKind.EVENT: N_("kind_event"),
              ActivityKind.WORKSHOP: N_("kind_workshop"), ActivityKind.WALK: N_("kind_walk"),
              ActivityKind.CLEANUP: N_("kind_cleanup"), ActivityKind.OTHER: N_("kind_other")}
_STATUS_KEYS = {InitiativeStatus.IDEA: N_("status_idea"), InitiativeStatus.PLANNED: N_("status_planned"),
                InitiativeStatus.ONGOING: N_("status_ongoing"), InitiativeStatus.DONE: N_("status_done"),
                InitiativeStatus.PAUSED: N_("status_paused")}


def kind_label(kind: ActivityKind | str, language: str | None = None) -> str:
    """"Möte", "Byvandring": an activity's kind in words."""
    return text(_KIND_KEYS[ActivityKind(kind)], language)


def status_label(status: InitiativeStatus | str, language: str | None = None) -> str:
    """"Pågår", "Klart": an initiative's status in words."""
    return text(_STATUS_KEYS[InitiativeStatus(status)], language)


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


_LABELLED_IDS = (
    N_("basis_tätort"), N_("basis_parish"), N_("basis_electoral district"),
    N_("audit_action_create"), N_("audit_action_update"), N_("audit_action_delete"), N_("audit_action_import"),
    N_("audit_action_sign-in"), N_("audit_action_sign-in-failed"), N_("audit_action_sign-in-locked"),
    N_("audit_entity_activity"), N_("audit_entity_initiative"), N_("audit_entity_composition"),
    N_("audit_entity_meeting"), N_("audit_entity_user"), N_("audit_entity_presentation"),
    N_("audit_entity_settings"), N_("audit_entity_address"),
    N_("field_point"),
)
"""Ids with words of their own, looked up by ``label_of(prefix, id)``; an id not listed is shown as itself."""


def basis_label(basis: str, language: str | None = None) -> str:
    """A readable name for an observation's basis (what was counted)."""
    return label_of("basis", basis, language)
