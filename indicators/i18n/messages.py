"""The domain's messages (gettext domain ``indicators``): importers, forms, permissions, audit lines.

``t("unknown_locality", value=...)`` makes a ``Text``; ``tn("problems_found", count)``
one whose wording follows the count. The wording is in
``indicators/locales/<lang>/LC_MESSAGES/indicators.po``. Nouns a message is
built around (``noun_*``, ``subject_*``) are entries of their own, passed as
parameters, so each language keeps its grammar.
"""

from __future__ import annotations

from pathlib import Path

from indicators.i18n.texts import Catalogue

CATALOGUE = Catalogue("indicators", Path(__file__).resolve().parents[1] / "locales")
t = CATALOGUE.text
tn = CATALOGUE.plural
