"""A report printed to PDF by headless Chromium, offline.

The report HTML is self-contained, so Chromium loads nothing but the local
file; background networking is off and a throw-away profile is used, so
nothing of the user's browser is read or changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dashboard.i18n.messages import text

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
TIMEOUT_S = 120


class PdfError(RuntimeError):
    """The PDF could not be made (no Chromium, or it failed)."""


def find_chromium() -> str | None:
    """``$CHROMIUM`` if set, else the first Chromium found."""
    wanted = os.environ.get("CHROMIUM")
    for candidate in ((wanted,) if wanted else CHROMIUM_CANDIDATES):
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    return None


def report_pdf(document: str, *, chromium: str | None = None) -> bytes:
    """Print a self-contained HTML document to PDF (A4, the report's own ``@page`` rules)."""
    executable = chromium or find_chromium()
    if executable is None:
        raise PdfError(text("pdf_no_chromium"))
    with tempfile.TemporaryDirectory(prefix="allas-pdf-") as folder:
        source = Path(folder) / "rapport.html"
        target = Path(folder) / "rapport.pdf"
        source.write_text(document, encoding="utf-8")
        command = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={Path(folder) / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={target}", source.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as error:
            raise PdfError(text("pdf_timeout", seconds=TIMEOUT_S)) from error
        if not target.is_file() or target.stat().st_size == 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise PdfError(text("pdf_failed", detail=" ".join(detail)))
        return target.read_bytes()

