"""The six SLUS development areas with the short names the municipality uses.

Colours are the Okabe–Ito palette, chosen because it stays distinguishable for
the common forms of colour blindness and on a washed-out projector.
"""

from __future__ import annotations

from indicators.model import DevelopmentArea

DEVELOPMENT_AREAS: tuple[DevelopmentArea, ...] = (
    DevelopmentArea("leva", "Leva", "Attraktiva och hållbara livsmiljöer", "#0072B2"),
    DevelopmentArea("arbeta", "Arbeta", "Kompetens- och arbetskraftsförsörjning", "#E69F00"),
    DevelopmentArea("verka", "Verka", "Främja företagsamhet på lika villkor", "#009E73"),
    DevelopmentArea(
        "trivas",
        "Trivas",
        "Aktiv och meningsfull fritid i ett samhällsbyggande och inkluderande perspektiv",
        "#CC79A7",
    ),
    DevelopmentArea("kontakt", "Kontakt", "Väl fungerande infrastruktur", "#56B4E9"),
    DevelopmentArea("motas", "Mötas", "Tillit och socialt kapital", "#D55E00"),
)

AREAS_BY_ID: dict[str, DevelopmentArea] = {a.id: a for a in DEVELOPMENT_AREAS}
