"""Validation pipeline: load → schema version → JSON Schema → semantic rules → diagnostics."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.loader import Document, load_file
from jtr.schema import Schema, choose_schema, load_schema
from jtr.versioning import check_schema_version


@dataclass(frozen=True)
class ValidationResult:
    file: str
    schema_file: str | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)


class SchemaCache:
    """Loads each schema once per run; a broken schema raises SchemaBroken (a LoadError: the
    run cannot go on).

    The schema is `override` (`--schema`), else the one the roadmap's `$schema` line names if
    jtr may use it, else jtr's own (see jtr.schema.choose_schema, which says when it does not
    follow the line).
    """

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        self._loaded: dict[str, Schema] = {}

    def for_document(self, path: Path, text: str, display: str | None = None) -> Schema:
        chosen = self.override or choose_schema(path, text, display or _display(path))
        key = os.path.realpath(chosen)
        if key not in self._loaded:
            self._loaded[key] = load_schema(chosen, _display(chosen))
        return self._loaded[key]


def _display(path: Path) -> str:
    """A path as the user may type it: relative to the current folder when inside it."""
    try:
        return str(Path(os.path.realpath(path)).relative_to(os.path.realpath(Path.cwd())))
    except ValueError:
        return str(path)


def validate_file(path: Path, schemas: SchemaCache, display: str | None = None) -> ValidationResult:
    """Validate one roadmap file. ReadError (file unreadable) and a broken schema propagate."""
    name = display or str(path)
    try:
        doc = load_file(path, name)
    except LoadError as exc:
        return ValidationResult(name, None, tuple(sorted(exc.diagnostics)))
    schema = schemas.for_document(path, doc.head, name)
    return ValidationResult(name, schema.file, tuple(validate_document(doc, schema)))


def validate_document(doc: Document, schema: Schema) -> list[Diagnostic]:
    version = check_schema_version(doc)
    if version is not None:
        return [version]
    found = list(schema_diagnostics(doc, schema))
    from jtr.rules import run_rules

    found.extend(run_rules(doc))
    return sorted(set(found))


# ---------------------------------------------------------------------------------------------
# JSON Schema errors, reworded for people

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping (key: value)",
    "null": "null",
}
_YAML11_BOOLS = {
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "No",
    "On",
    "Off",
    "YES",
    "NO",
    "ON",
    "OFF",
}
_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]*$": "an id: lowercase ASCII letters, digits and hyphens, not starting with a hyphen",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
    "^[0-9]{4}-(0[1-9]|1[0-2])$": "a month written YYYY-MM",
    "^[0-9]+\\.[0-9]+$": 'a version written MAJOR.MINOR, e.g. "1.0"',
}


def describe(value: Any) -> str:
    """How a value looks to the person who wrote the YAML."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        shown = shown.replace("\n", "\\n")  # a block scalar's newline must be visible
        return f'the text "{shown}"'
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _english_title(schema: dict[str, Any]) -> str | None:
    title = schema.get("title")
    if not isinstance(title, str):
        return None
    return title.split(" / ", 1)[-1].strip() or None


def _suggest(word: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def schema_diagnostics(doc: Document, schema: Schema) -> Iterator[Diagnostic]:
    for error in schema.validator.iter_errors(doc.data):
        yield from _reword(doc, error)


def _reword(doc: Document, error: Any) -> Iterator[Diagnostic]:
    path = tuple(error.absolute_path)
    validator = error.validator
    value = error.instance
    sub = error.schema if isinstance(error.schema, dict) else {}
    what = _english_title(sub)
    code = "schema"
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        message = f"expected {wanted}, got {describe(value)}"
        if "boolean" in names and isinstance(value, str) and value in _YAML11_BOOLS:
            message += " (write true or false; jtr reads YAML 1.2, where yes/no/on/off are text)"
        elif "string" in names and isinstance(value, (int, float)) and not isinstance(value, bool):
            message += " (put it in quotes if it is meant as text)"
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "required":
        missing = [k for k in error.validator_value if isinstance(value, dict) and k not in value]
        for key in missing:
            owner = f" in {what}" if what else ""
            yield doc.diagnostic(path, code, _at(path, f"missing required key '{key}'{owner}"))
    elif validator == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        for key in extras:
            hint = _suggest(str(key), allowed) or (
                f" (allowed: {', '.join(allowed)})" if allowed else ""
            )
            owner = f" in {what}" if what else ""
            yield doc.diagnostic(
                (*path, key), code, _at(path, f"unknown key '{key}'{owner}{hint}"), at_key=True
            )
    elif validator == "enum":
        options = [str(o) for o in error.validator_value]
        hint = _suggest(str(value), options)
        message = f"{describe(value)} is not one of: {', '.join(options)}{hint}"
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "pattern":
        hint = _PATTERN_HINTS.get(error.validator_value, f"text matching {error.validator_value}")
        yield doc.diagnostic(path, code, _at(path, f"{describe(value)} is not {hint}"))
    elif validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {
            "minimum": "at least", "maximum": "at most",
            "exclusiveMinimum": "more than", "exclusiveMaximum": "less than",
        }[validator]  # fmt: skip
        message = (
            f"{describe(value)} is out of range: it must be {relation} {error.validator_value}"
        )
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "minItems":
        message = f"needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}, has {len(value)}"
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "maxItems":
        message = f"allows at most {error.validator_value} entries, has {len(value)}"
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "maxLength":
        message = f"{describe(value)} is longer than {error.validator_value} characters"
        yield doc.diagnostic(path, code, _at(path, message))
    elif validator == "minLength":
        yield doc.diagnostic(path, code, _at(path, "must not be empty"))
    elif validator == "uniqueItems":
        seen: set[str] = set()
        dupes = []
        for entry in value:
            marker = repr(entry)
            if marker in seen:
                dupes.append(entry)
            seen.add(marker)
        listed = ", ".join(str(d) for d in dupes) or "an entry"
        yield doc.diagnostic(path, code, _at(path, f"lists {listed} more than once"))
    elif validator == "const":
        message = f"must be {error.validator_value!r}, got {describe(value)}"
        yield doc.diagnostic(path, code, _at(path, message))
    else:
        yield doc.diagnostic(path, code, _at(path, error.message))


def _at(path: tuple[Any, ...], message: str) -> str:
    """Prefix the field a message is about (`status`, `owners[2]`); line:col say where it is."""
    from jtr.diagnostics import format_path

    tail = len(path)
    while tail > 0 and isinstance(path[tail - 1], int):
        tail -= 1
    start = max(tail - 1, 0)
    field = format_path(path[start:]) if path else ""
    return f"{field}: {message}" if field else message
