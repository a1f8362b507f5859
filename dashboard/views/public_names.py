"""Every public name of the dashboard: page paths and URL query keys, defined once.

These names are Swedish because people share the links with Swedish-speaking
colleagues; once shared, a link must keep working, so the names are part of
the app's public interface. Everything in ``dashboard/`` imports them from
here; ``tests/dashboard/test_public_names.py`` fails on the literals anywhere
else, so they cannot drift apart again.

Slide ids (``oversikt``, ``jamforelse``, ``framsteg``, ``ort:<id>``) are not
here: they are stored in saved presentations, so the domain owns them
(``indicators.presentations.slides``) and the dashboard imports them from there.
"""

from __future__ import annotations

# Page paths.
MAP_PATH = "/"
COMPARE_PATH = "/jamfor"
GROUPS_PATH = "/grupper"
IMPORT_PATH = "/importera"
METHOD_PATH = "/metod"
STAFF_PATH = "/personal"
PRESENT_PATH = "/presentation"
READINESS_PATH = "/underlag"
"""Staff only: which figures are real, example, on another basis or missing."""
IDEAS_PATH = "/forslag"
"""Residents' ideas: the public form, published ideas, and the moderation queue."""
PLANS_PATH = "/planer"
"""Each locality's plan (LUP) per year (issue 15)."""
CHANGES_PATH = "/sedan-motet"
"""What changed since the last strategic meeting (issue 15)."""
HELP_PATH = "/hjalp"
"""What the pages do, how scores are computed and the import file formats (issue #12 item 5)."""
HELP_SECTIONS = ("sidor", "poang", "import-siffror", "import-katalog", "import-grupparbete", "import-forslag")
"""The help page's section anchors, in page order: ``/hjalp#import-grupparbete``."""
NOT_FOUND_PATH = "/404"
"""Where the not-found page is registered; Dash Pages shows it for every unknown path."""
MARKER_DESCRIPTION_PATH = "/kartdata/initiativ"
"""JSON: an initiative's description for its map popup, fetched when the popup opens (``/kartdata/initiativ/12``)."""

# Query keys.
KEY_LOCALITY = "ort"
KEY_LOCALITIES = "orter"
KEY_YEAR = "ar"
KEY_AREA = "omrade"
KEY_INDICATOR = "indikator"
KEY_WEIGHTS = "vikter"
KEY_PERIOD = "period"
KEY_SLIDE = "bild"
KEY_FROM = "fran"
"""The change view's first date on the presentation's opening slide (``?fran=2026-02-09``)."""
KEY_TO = "till"
"""The change view's last date on the presentation's opening slide."""

# Query values.
LATEST = "senaste"
"""The year value meaning "the latest year with data"."""
AREA_LAYER_PREFIX = "omrade-"
"""A map layer showing a development area's score: ``omrade-leva``."""
PRIORITY_LAYER_PREFIX = "prioritet-"
"""A map layer showing each locality's priority for a development area: ``prioritet-leva``."""
