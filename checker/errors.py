"""One exception root; every user-facing error carries a message key and its place.

The CLI turns any `CheckerError` into exit code 2 and a localized message that
names the file, sheet, row and column; nothing else in the package prints.
"""

from __future__ import annotations

from typing import Optional


class CheckerError(Exception):
    """Bad input or bad rules: the run stops before anything is written."""

    def __init__(self, key: str, *, file: Optional[str] = None, sheet: Optional[str] = None,
                 row: Optional[int] = None, column: Optional[str] = None, **details):
        self.key = key
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.details = details
        super().__init__(key)

    def __str__(self) -> str:
        from checker.i18n import describe_error

        return describe_error(self)


class CatalogError(CheckerError):
    """The catalog does not meet its contract."""


class RuleError(CheckerError):
    """A rule file or the legal-instrument catalog does not meet its contract."""


class ReconciliationError(CheckerError):
    """Counts in differ from verdicts out: the run must fail loudly, never drop a component."""
