"""Validation reporters: each turns results into the text a reader (person, CI, tool) wants."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import ClassVar

from jtr.diagnostics import Severity
from jtr.validate import ValidationResult


class Reporter:
    name: ClassVar[str]

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        raise NotImplementedError


class TextReporter(Reporter):
    name = "text"

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        return "".join(d.format() + "\n" for r in results for d in r.diagnostics)


class JsonReporter(Reporter):
    name = "json"

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        payload = {
            "version": 1,
            "valid": all(passes(r, strict) for r in results),
            "files": [
                {
                    "file": r.file,
                    "schema": r.schema_file,
                    "valid": passes(r, strict),
                    "errors": r.errors,
                    "warnings": r.warnings,
                    "diagnostics": [d.to_dict() for d in r.diagnostics],
                }
                for r in results
            ],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: annotations on the pull request's changed lines."""

    name = "github"

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        lines = []
        for result in results:
            for d in result.diagnostics:
                level = "error" if d.severity is Severity.ERROR else "warning"
                props = f"file={_escape_property(d.file)},line={d.line},col={d.column}"
                props += f",title={_escape_property('jtr ' + d.code)}"
                lines.append(f"::{level} {props}::{_escape_data(d.message)}\n")
        return "".join(lines)


REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter)
}


def passes(result: ValidationResult, strict: bool) -> bool:
    return result.errors == 0 and (not strict or result.warnings == 0)
