"""The six SLUS development areas with the short names the municipality uses.

The official names are the strategy's; the English names are our translation
for the English UI (the short names Leva, Arbeta … stay Swedish there too).
Colours are the Okabe–Ito palette, chosen because it stays distinguishable for
the common forms of colour blindness and on a washed-out projector.
"""

from __future__ import annotations

from indicators.core.model import DevelopmentArea

DEVELOPMENT_AREAS: tuple[DevelopmentArea, ...] = (
    DevelopmentArea(
        "leva", "Leva", "Attraktiva och hållbara livsmiljöer", "#0072B2",
        official_name_en="Attractive and sustainable living environments",
    ),
    DevelopmentArea(
        "arbeta", "Arbeta", "Kompetens- och arbetskraftsförsörjning", "#E69F00",
        official_name_en="Skills and labour supply",
    ),
    DevelopmentArea(
        "verka", "Verka", "Främja företagsamhet på lika villkor", "#009E73",
        official_name_en="Promoting enterprise on equal terms",
    ),
    DevelopmentArea(
        "trivas", "Trivas", "Aktiv och meningsfull fritid i ett samhällsbyggande och inkluderande perspektiv", "#CC79A7",
        official_name_en="Active and meaningful leisure in a community-building and inclusive perspective",
    ),
    DevelopmentArea(
        "kontakt", "Kontakt", "Väl fungerande infrastruktur", "#56B4E9",
        official_name_en="Well-functioning infrastructure",
    ),
    DevelopmentArea(
        "motas", "Mötas", "Tillit och socialt kapital", "#D55E00",
        official_name_en="Trust and social capital",
    ),
)

AREAS_BY_ID: dict[str, DevelopmentArea] = {a.id: a for a in DEVELOPMENT_AREAS}
