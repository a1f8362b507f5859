"""Measure the offline exports on the bundled data: what staff wait for before a meeting.

Run with ``.venv/bin/python benchmarks/exports.py``. It builds a database from
the bundled data in a temporary folder and times, in this process:

- standalone map: ``standalone_map_html`` (every asset inlined) and its size;
- reports: ``locality_report_html`` for one locality and
  ``municipality_report_html`` for all ten, and their sizes;
- PDF: ``report_pdf`` of the municipality report (headless Chromium);
- chart image: ``chart_image`` of the compare page's radar as SVG and PNG
  (kaleido in headless Chromium; each call starts a browser).

The browser-drawn parts need Debian's chromium; without it they are reported
as skipped. The first call and the median of ``--repeats`` calls are reported; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.data import DashboardData  # noqa: E402
from dashboard.exports.chart_image import chart_image  # noqa: E402
from dashboard.exports.pdf import find_chromium, report_pdf  # noqa: E402
from dashboard.exports.report import locality_report_html, municipality_report_html  # noqa: E402
from dashboard.exports.standalone_map import standalone_map_html  # noqa: E402
from dashboard.views.compare import compare_view  # noqa: E402
from indicators.storage.store import Store  # noqa: E402

LINK = "?orter=storebro,tuna,sodra-vi&ar=2024&omrade=trivas"


def timed(action: Callable[[], bytes | str], repeats: int) -> tuple[float, float, int]:
    """(first call's seconds, median seconds, size in bytes of the last result).

    The first call pays for what the dashboard caches (areas, layers, scores).
    """
    times, result = [], b""
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    size = len(result.encode("utf-8") if isinstance(result, str) else result)
    return times[0], statistics.median(times), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/exports.sqlite")
        data = DashboardData(store)
        view = compare_view(data, LINK, "sv")
        assert not isinstance(view, str), view
        cases: list[tuple[str, Callable[[], bytes | str], bool]] = [
            ("standalone map (HTML)", lambda: standalone_map_html(data, {"layer": "population"}), False),
            ("report, one locality (HTML)", lambda: locality_report_html(data, "storebro"), False),
            ("report, municipality (HTML)", lambda: municipality_report_html(data), False),
            ("report, municipality (PDF)", lambda: report_pdf(municipality_report_html(data)), True),
            ("chart image, radar (SVG)", lambda: chart_image(view.charts["radar"], "svg"), True),
            ("chart image, radar (PNG)", lambda: chart_image(view.charts["radar"], "png"), True),
        ]
        has_chromium = find_chromium() is not None
        print("| export | first s | median s | size KiB |")
        print("|---|---|---|---|")
        for name, action, needs_browser in cases:
            if needs_browser and not has_chromium:
                print(f"| {name} | skipped: no Chromium | | |")
                continue
            first, median, size = timed(action, args.repeats)
            print(f"| {name} | {first:.2f} | {median:.2f} | {size / 1024:,.0f} |")
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
