"""Why an edit was refused: before planning it (EditError, exit 2) or by validation (EditInvalid)."""

from __future__ import annotations

from jtr.diagnostics import Diagnostic


class EditError(Exception):
    """The edit was refused before anything was written (exit 2): usage, unknown id, I/O."""


class EditInvalid(Exception):
    """The edited roadmap would not be valid (exit 1); nothing was written."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics
