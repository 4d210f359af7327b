"""The one finding type every stage reports: loading, schema and rules alike."""

from __future__ import annotations

import enum
from typing import NamedTuple

from jtr.escape import terminal
from jtr.labels import message

PathPart = str | int
YamlPath = tuple[PathPart, ...]


class Severity(enum.IntEnum):
    # Ordered so that max() gives the worst.
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        """`error` or `warning`, as the machine formats (JSON, SARIF, GitHub) carry it."""
        return self.name.lower()

    @property
    def word(self) -> str:
        """The severity in this run's language, as a finding line shows it."""
        return message(_WORDS[self])


# The same words as jtr's own `jtr: error:` and `jtr: warning:` lines.
_WORDS = {Severity.ERROR: "usage_error_word", Severity.WARNING: "usage_warning_word"}


class Diagnostic(NamedTuple):
    """A finding at a 1-based line and column of a file (1:1 when the file has no position).

    Sorted by file, line, column, code and message: severity and path do not take part.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    path: YamlPath = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self.sort_key < other.sort_key

    def format(self) -> str:
        """`file:line:column: severity: message [code]` on one line, safe for a terminal: a
        control, bidirectional or invisible character from the file (in a quoted value, a key,
        the file name) is shown visibly, so a key with a newline cannot forge another finding.
        The severity is in this run's language; the code stays as it is."""
        return terminal(
            f"{self.file}:{self.line}:{self.column}: {self.severity.word}: {self.message} "
            f"[{self.code}]"
        )

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "path": self.path_text,
        }


def format_path(path: YamlPath) -> str:
    """Render a YAML path as `courses[0].items[3].tasks[1]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class LoadError(Exception):
    """A file could not be turned into data; carries the diagnostics that say why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


class SchemaBroken(LoadError):
    """The schema cannot be used (not JSON, breaks its meta-schema, a remote or looping
    `$ref`): nothing can be validated against it. Carries positioned diagnostics."""
