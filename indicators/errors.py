"""The one error type for bad input, shared by every loader, the CLI and the UI.

A loader collects every problem it finds before raising, so a user fixes a file
in one round instead of one error per attempt. Each problem names the file, the
row (or feature), the field and what was expected; the text is Swedish because
the people reading it are municipal staff.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the format allows.

    ``row`` is the 1-based line number in a text file (the header is line 1), or
    the 1-based feature number in a geometry file; ``row_label`` says which.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    row_label: str = "rad"

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"blad ”{self.sheet}”")
        if self.row is not None:
            parts.append(f"{self.row_label} {self.row}")
        if self.field:
            parts.append(f"fält ”{self.field}”")
        return ", ".join(parts) + f": {self.message}"


@dataclass
class InputError(Exception):
    """Raised when an input cannot be used; nothing has been stored."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, as the CLI prints them and the UI shows them."""
        count = len(self.problems)
        head = "1 fel hittades" if count == 1 else f"{count} fel hittades"
        return head + "; inget har sparats:\n" + "\n".join(f"  {p}" for p in self.problems)
