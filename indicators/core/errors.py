"""The one error type for bad input, shared by every loader, the CLI and the UI.

A loader collects every problem it finds before raising, so a user fixes a file
in one round instead of one error per attempt. Each problem names the file, the
row (or feature), the field and what was expected. Messages are ``Text`` from a
catalogue: Swedish by default (the CLI, logs), any UI language on ``render``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indicators.i18n.messages import t, tn
from indicators.i18n.texts import DEFAULT_LANGUAGE, N_, render

ROW = N_("row")
"""``row_label`` of a line in a text file or a row in a sheet (the header is row 1)."""
RECORD = N_("record")
"""``row_label`` of the n-th record handed to a store in one call."""
FEATURE = N_("feature")
"""``row_label`` of the n-th feature in a geometry file."""

FORM = t("form")
"""The ``file`` of a problem in something a person typed into a form."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the format allows.

    ``row`` is the 1-based line number in a text file (the header is line 1), the
    1-based feature number in a geometry file, or the record's position in a
    batch; ``row_label`` (``ROW``, ``FEATURE``, ``RECORD``) says which.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    row_label: str = ROW

    def location(self, language: str = DEFAULT_LANGUAGE) -> str:
        """"data.csv, blad ”Data”, rad 4, fält ”value”" — without the message."""
        parts = [render(self.file, language)]
        if self.sheet:
            parts.append(t("sheet", sheet=self.sheet).render(language))
        if self.row is not None:
            parts.append(f"{t(self.row_label).render(language)} {self.row}")
        if self.field:
            parts.append(t("field", field=self.field).render(language))
        return ", ".join(parts)

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        return f"{self.location(language)}: {render(self.message, language)}"

    def __str__(self) -> str:
        return self.render()


@dataclass
class InputError(Exception):
    """Raised when an input cannot be used; nothing has been stored."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.report())

    def report(self, language: str = DEFAULT_LANGUAGE) -> str:
        """All problems, one per line, as the CLI prints them and the UI shows them."""
        count = len(self.problems)
        head = tn("problems_found", count).render(language)
        return head + "\n" + "\n".join(f"  {p.render(language)}" for p in self.problems)

