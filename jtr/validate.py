"""Validation pipeline: load → schema version → JSON Schema → semantic rules → diagnostics."""

from __future__ import annotations

import contextlib
import difflib
import functools
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.escape import clip, quote
from jtr.labels import current_lang, message
from jtr.loader import Document, load_file
from jtr.schema import Schema, load_schema, type_words
from jtr.schemaline import choose_schema
from jtr.versioning import check_schema_version

CODES: dict[str, str] = {"schema": "The roadmap matches the JSON Schema"}


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
    jtr may use it, else jtr's own (see jtr.schemaline.choose_schema, which says when it does not
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
# JSON Schema as jtr applies it: JSON's numbers and ECMA-262's patterns


@functools.cache
def jtr_validator_class(cls: Any) -> Any:
    """`cls` (a jsonschema validator class) with two keywords made to mean what a schema says.

    - `integer` is a whole number written as one: `2024.0` is not (JSON Schema would count it,
      and every consumer that wants an int would then get a float); `number` is finite: YAML's
      `.inf`, `.nan` and `1e999` (which overflows to infinity) are no numbers in JSON at all.
    - `pattern` is an ECMA-262 regular expression, as JSON Schema defines it (see
      `ecma_regex`): `$` is the end of the text, not "before a final newline" as in Python, so
      `^[a-z0-9-]*$` refuses `"an-id\n"` here just as check-jsonschema or jsonschema-rs do.
    """
    from jsonschema import ValidationError
    from jsonschema.validators import extend

    def is_integer(checker: Any, instance: Any) -> bool:
        return isinstance(instance, int) and not isinstance(instance, bool)

    def is_number(checker: Any, instance: Any) -> bool:
        if isinstance(instance, bool):
            return False
        return isinstance(instance, int) or (
            isinstance(instance, float) and math.isfinite(instance)
        )

    def pattern(validator: Any, expression: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not isinstance(instance, str) or not isinstance(expression, str):
            return
        try:
            compiled = ecma_regex(expression)
        except re.error as exc:
            yield ValidationError(
                message("find_pattern_unreadable", pattern=quote(expression), detail=exc.msg)
            )
            return
        if compiled.search(instance) is None:
            said = message(
                "find_pattern_mismatch", value=quote(instance), pattern=quote(expression)
            )
            yield ValidationError(said)

    checker = cls.TYPE_CHECKER.redefine_many({"integer": is_integer, "number": is_number})
    keywords = {"pattern": pattern} if "pattern" in cls.VALIDATORS else {}
    return extend(cls, validators=keywords, type_checker=checker)  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=512)
def ecma_regex(expression: str) -> re.Pattern[str]:
    """A JSON Schema (ECMA-262) regular expression as Python's `re` must be told it.

    Outside a character class an unescaped `$` becomes `\\Z` (ECMA's `$` without the
    multiline flag is the end of the input; Python's also matches before a final newline) and
    `\\d`/`\\D` become `[0-9]`/`[^0-9]` (ECMA's digits are ASCII; Python's include `２`);
    inside a class `\\d` becomes `0-9`. Everything else is passed on as written.
    """
    out: list[str] = []
    in_class = False
    index = 0
    end = len(expression)
    while index < end:
        char = expression[index]
        if char == "\\" and index + 1 < end:
            following = expression[index + 1]
            if following == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif following == "D" and not in_class:
                out.append("[^0-9]")
            else:
                out.append(char + following)
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            index += 1
            # As Python reads it: a `^` and then a `]` right after `[` are part of the class.
            if index < end and expression[index] == "^":
                out.append("^")
                index += 1
            if index < end and expression[index] == "]":
                out.append("\\]")
                index += 1
            continue
        elif char == "$":
            out.append("\\Z")
            index += 1
            continue
        out.append(char)
        index += 1
    return re.compile("".join(out))


# ---------------------------------------------------------------------------------------------
# JSON Schema errors, reworded for people

# The words for a JSON type, as the person who wrote the YAML knows it (the catalog's entries).
_TYPE_NAMES = {
    "string": "find_type_string",
    "integer": "find_type_integer",
    "number": "find_type_number",
    "boolean": "find_type_boolean",
    "array": "find_type_array",
    "object": "find_type_mapping",
    "null": "find_type_null",
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
# What the schema's own patterns mean, in words (the catalog's entries: `{got} is not …`).
_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]*$": "find_not_an_id",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "find_not_a_date",
    "^[0-9]{4}-(0[1-9]|1[0-2])$": "find_not_a_month",
    "^[0-9]+\\.[0-9]+$": "find_not_a_version",
}
_RELATIONS = {
    "minimum": "find_below_minimum",
    "maximum": "find_above_maximum",
    "exclusiveMinimum": "find_not_above",
    "exclusiveMaximum": "find_not_below",
}


def describe(value: Any) -> str:
    """How a value looks to the person who wrote the YAML, short and safe to print: text is
    cut to about 80 cells with every control or hidden character (a newline too) visible."""
    if value is None:
        return message("find_value_null")
    if isinstance(value, bool):
        return message("find_value_boolean", value="true" if value else "false")
    if isinstance(value, int):
        return message("find_value_number", value=clip(str(value), 40))
    if isinstance(value, float):
        return message("find_value_number", value=_float(value))
    if isinstance(value, str):
        return message("find_value_text", value=quote(value))
    if isinstance(value, list):
        return message("find_value_list", count=len(value))
    if isinstance(value, dict):
        return message("find_value_mapping")
    return type(value).__name__


def _float(value: float) -> str:
    """A float as YAML writes it: `.inf`, `-.inf`, `.nan`, else Python's shortest form."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


def _title(schema: dict[str, Any]) -> str | None:
    """The schema's name for what it describes, in this run's language: its titles read
    `日本語 / English`; one without ` / ` is the same in both."""
    title = schema.get("title")
    if not isinstance(title, str):
        return None
    japanese, divided, english = title.partition(" / ")
    if not divided:
        return title.strip() or None
    return (japanese if current_lang() == "ja" else english).strip() or None


def _suggest(word: str, options: Iterable[str]) -> str:
    if len(word) > 100:  # no typo is that long, and difflib's cost grows with it
        return ""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return message("find_did_you_mean", close=f"'{clip(match[0], 80)}'") if match else ""


def _listed(values: Iterable[Any], cells: int = 200) -> str:
    """Values from a schema or the file, comma-separated, shortened and safe to print."""
    return clip(", ".join(str(v) for v in values), cells)


def schema_diagnostics(doc: Document, schema: Schema) -> Iterator[Diagnostic]:
    """The JSON Schema findings on a document, worded for people.

    jsonschema-rs (`Schema.fast`), where installed and able to decide, says in a few
    milliseconds that the data is valid; it never words a finding. Where it says no, or may
    not decide (numbers that JSON Schema and jtr read differently, see
    `Document.plain_numbers`), the precise validator finds each error and where it is.
    """
    if fast_path_enabled() and doc.plain_numbers:
        fast = schema.fast
        if fast is not None and fast(doc.data):
            return
    for error in schema.validator.iter_errors(doc.data):
        yield from _reword(doc, error)


_FAST_PATH = [True]


def fast_path_enabled() -> bool:
    """Whether `schema_diagnostics` may let jsonschema-rs decide that data is valid (the
    tests turn it off to compare both paths with `precise_only`)."""
    return _FAST_PATH[0]


@contextlib.contextmanager
def precise_only() -> Iterator[None]:
    """Within this block every document goes through the precise validator alone."""
    before = _FAST_PATH[0]
    _FAST_PATH[0] = False
    try:
        yield
    finally:
        _FAST_PATH[0] = before


def _reword(doc: Document, error: Any) -> Iterator[Diagnostic]:
    path = tuple(error.absolute_path)
    validator = error.validator
    value = error.instance
    sub = error.schema if isinstance(error.schema, dict) else {}
    what = _title(sub)
    code = "schema"
    if validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = type_words(names, _TYPE_NAMES)
        if isinstance(value, float) and not math.isfinite(value):
            sign = "-" if value < 0 else ""
            key = "find_expected_too_large" if math.isinf(value) else "find_expected_not_finite"
            said = message(key, wanted=wanted, value=_float(value), sign=sign)
        elif isinstance(value, float) and "integer" in names and value.is_integer():
            said = message(
                "find_expected_whole", wanted=wanted, value=repr(value), whole=int(value)
            )
        else:
            said = message("find_expected", wanted=wanted, got=describe(value))
        if "boolean" in names and isinstance(value, str) and value in _YAML11_BOOLS:
            said += message("find_hint_yaml11_boolean")
        elif "string" in names and isinstance(value, (int, float)) and not isinstance(value, bool):
            said += message("find_hint_quote_text")
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "required":
        missing = [k for k in error.validator_value if isinstance(value, dict) and k not in value]
        for key in missing:
            name = clip(str(key), 80)
            if what:
                said = message("find_missing_key_in", key=name, what=clip(what, 80))
            else:
                said = message("find_missing_key", key=name)
            yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        for key in extras:
            hint = _suggest(str(key), allowed) or (
                message("find_allowed_keys", allowed=_listed(allowed)) if allowed else ""
            )
            name = clip(str(key), 80)
            if what:
                said = message("find_unknown_key_in", key=name, what=clip(what, 80), hint=hint)
            else:
                said = message("find_unknown_key", key=name, hint=hint)
            yield doc.diagnostic((*path, key), code, _at(path, said), at_key=True)
    elif validator == "enum":
        options = [str(o) for o in error.validator_value]
        hint = _suggest(str(value), options)
        said = message("find_not_one_of", got=describe(value), options=_listed(options), hint=hint)
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "pattern":
        pattern = str(error.validator_value)
        meaning = _PATTERN_HINTS.get(pattern)
        if meaning:
            said = message(meaning, got=describe(value))
        else:
            said = message("find_not_matching", got=describe(value), pattern=quote(pattern))
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator in _RELATIONS:
        limit = clip(str(error.validator_value), 40)
        said = message(_RELATIONS[validator], got=describe(value), limit=limit)
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "minItems":
        key = "find_too_few_entry" if error.validator_value == 1 else "find_too_few_entries"
        said = message(key, limit=error.validator_value, count=len(value))
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "maxItems":
        said = message("find_too_many_entries", limit=error.validator_value, count=len(value))
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "maxLength":
        said = message("find_too_long", got=describe(value), limit=error.validator_value)
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "minLength":
        yield doc.diagnostic(path, code, _at(path, message("find_empty_text")))
    elif validator == "uniqueItems":
        seen: set[str] = set()
        dupes = []
        for entry in value:
            marker = repr(entry)
            if marker in seen:
                dupes.append(entry)
            seen.add(marker)
        listed = _listed(dupes)
        if listed:
            said = message("find_listed_twice", listed=listed)
        else:
            said = message("find_lists_entry_twice")
        yield doc.diagnostic(path, code, _at(path, said))
    elif validator == "const":
        expected_text = clip(repr(error.validator_value), 80)
        said = message("find_not_const", expected=expected_text, got=describe(value))
        yield doc.diagnostic(path, code, _at(path, said))
    else:  # jsonschema's own wording quotes the value in full: shortened
        said = message("find_schema_other", detail=clip(error.message, 200))
        yield doc.diagnostic(path, code, _at(path, said))


def _at(path: tuple[Any, ...], said: str) -> str:
    """Prefix the field a message is about (`status`, `owners[2]`); line:col say where it is."""
    from jtr.diagnostics import format_path

    tail = len(path)
    while tail > 0 and isinstance(path[tail - 1], int):
        tail -= 1
    start = max(tail - 1, 0)
    field = clip(format_path(path[start:]), 80) if path else ""
    return f"{field}: {said}" if field else said
