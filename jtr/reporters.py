"""Validation reporters: each turns results into the text a reader (person, CI, tool) wants."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import ClassVar

from jtr import loader, roadmap, schema, validate, versioning
from jtr.diagnostics import Severity
from jtr.escape import json_text, terminal
from jtr.labels import message
from jtr.validate import ValidationResult


class Reporter:
    name: ClassVar[str]

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        raise NotImplementedError


class TextReporter(Reporter):
    name = "text"

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        """The findings, then `FILE: valid (schema SCHEMA)` for each file with none."""
        lines = [d.format() + "\n" for r in results for d in r.diagnostics]
        lines += [terminal(valid_line(r)) + "\n" for r in results if _clean(r)]
        return "".join(lines)


def _clean(result: ValidationResult) -> bool:
    return not result.diagnostics and bool(result.schema_file)


def valid_line(result: ValidationResult) -> str:
    """What a file with no findings gets: in the text output, and as a CI log's notice (in
    this run's language)."""
    return message("find_valid", file=result.file, schema=result.schema_file)


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
        return json_text(json.dumps(payload, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's data: made safe for the log viewer's terminal first (no raw ESC,
    CR, LF or bidirectional override from the file), then percent-encoded as GitHub wants."""
    text = terminal(text)
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
            if _clean(result):  # so a CI log shows the check ran
                title = _escape_property("jtr validate")
                lines.append(f"::notice title={title}::{_escape_data(valid_line(result))}\n")
        return "".join(lines)


# Codes the loader and the schema stage report (the semantic rules are in jtr.rules.REGISTRY),
# each from the module that reports it.
LOADER_CODES: dict[str, str] = {
    **loader.CODES,
    **versioning.CODES,
    **validate.CODES,
    **schema.CODES,
    **roadmap.CODES,
}


class SarifReporter(Reporter):
    """SARIF 2.1.0 for code-scanning dashboards (GitHub's upload-sarif and others): one run,
    every rule jtr knows in tool.driver.rules, each finding a result at its line and column.
    Columns count Unicode characters, as jtr's do.
    """

    name = "sarif"
    SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

    def render(self, results: Sequence[ValidationResult], strict: bool) -> str:
        from jtr import __version__
        from jtr.rules import REGISTRY

        rules: list[dict[str, object]] = []
        index: dict[str, int] = {}

        def add_rule(code: str, summary: str, level: str) -> None:
            index[code] = len(rules)
            rules.append(
                {
                    "id": code,
                    "name": "".join(part.capitalize() for part in code.split("-")),
                    "shortDescription": {"text": summary},
                    "defaultConfiguration": {"level": level},
                }
            )

        for code, summary in LOADER_CODES.items():
            add_rule(code, summary, "error")
        for code, rule in sorted(REGISTRY.items()):
            add_rule(code, rule.summary, "error" if rule.severity is Severity.ERROR else "warning")
        out = []
        for result in results:
            for d in result.diagnostics:
                if d.code not in index:
                    add_rule(d.code, d.code, "error")
                out.append(
                    {
                        "ruleId": d.code,
                        "ruleIndex": index[d.code],
                        "level": "error" if d.severity is Severity.ERROR else "warning",
                        "message": {"text": d.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": _artifact(d.file),
                                    "region": {
                                        "startLine": max(d.line, 1),
                                        "startColumn": max(d.column, 1),
                                    },
                                }
                            }
                        ],
                        **({"properties": {"path": d.path_text}} if d.path else {}),
                    }
                )
        log = {
            "$schema": self.SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "jtr",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": out,
                }
            ],
        }
        return json_text(json.dumps(log, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"


def _artifact(file: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (%SRCROOT%); an absolute one is a file URI."""
    from pathlib import PurePath
    from urllib.parse import quote

    path = PurePath(file)
    if path.is_absolute():
        return {"uri": path.as_uri()} if hasattr(path, "as_uri") else {"uri": quote(file)}
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter, SarifReporter)
}


def passes(result: ValidationResult, strict: bool) -> bool:
    return result.errors == 0 and (not strict or result.warnings == 0)
