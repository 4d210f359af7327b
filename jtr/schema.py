"""Finding, loading and checking the roadmap's JSON Schema (imports jsonschema lazily)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jtr.diagnostics import Diagnostic, LoadError, Severity
from jtr.loader import PositionIndex, ReadError, decode, read_bytes

SCHEMA_FILENAME = "schema.json"
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)


def packaged_schema_path() -> Path:
    """The schema shipped with jtr: `jtr/schema.json` in a wheel, `data/schema.json` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / SCHEMA_FILENAME, here.parent / "data" / SCHEMA_FILENAME):
        if candidate.is_file():
            return candidate
    raise ReadError("jtr's own schema.json is missing from its installation; reinstall jtr")


def declared_schema_path(roadmap: Path, text: str) -> Path | None:
    """A local schema named by the roadmap's `# yaml-language-server: $schema=...` line."""
    match = _MODELINE.search(text[:4096])
    if not match:
        return None
    target = match.group(1)
    if "://" in target:
        return None
    candidate = (roadmap.parent / target).resolve()
    return candidate if candidate.is_file() else None


@dataclass
class Schema:
    """A schema document that has passed its meta-schema."""

    file: str
    data: dict[str, Any]

    @cached_property
    def validator(self) -> Any:
        from jsonschema.validators import validator_for

        cls = validator_for(self.data)
        return cls(inline_local_refs(self.data))


_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default", "deprecated"})


class _CannotInline(Exception):
    pass


def inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each `{"$ref": "#/$defs/x", ...}` replaced by a copy of `x`.

    Validation then never goes through the reference resolver, which costs about half of
    jsonschema's time on a large roadmap. Only done when it means the same thing: every `$ref`
    points into `$defs`, none is recursive, and the keywords beside a `$ref` are annotations or
    absent from its target. Otherwise the schema is returned as it is.
    """
    defs = schema.get("$defs")
    if not isinstance(defs, dict):
        return schema

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(v, seen) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if ref is None:
            return {k: inline(v, seen) if k != "$defs" else v for k, v in node.items()}
        if not isinstance(ref, str) or not ref.startswith("#/$defs/") or ref in seen:
            raise _CannotInline(ref)
        name = ref[len("#/$defs/") :]
        if name not in defs or "/" in name or "~" in name:
            raise _CannotInline(ref)
        merged = dict(inline(defs[name], (*seen, ref)))
        for key, value in node.items():
            if key == "$ref":
                continue
            if key in merged and key not in _ANNOTATIONS:
                raise _CannotInline(key)
            merged[key] = inline(value, seen)
        return merged

    try:
        return inline(schema, ())
    except (_CannotInline, RecursionError):
        return schema


def load_schema(path: Path, display: str | None = None) -> Schema:
    """Read a schema and check it against its meta-schema; LoadError with positions if broken."""
    name = display or str(path)
    raw = read_bytes(path, name)
    from jtr import cache

    known_good = cache.lookup(None, raw, kind="schema")
    if known_good is not None:  # these exact bytes passed the meta-schema before, anywhere
        return Schema(name, known_good)
    text = decode(raw, name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Diagnostic(name, exc.lineno, exc.colno, Severity.ERROR, "schema-json",
                        f"the schema is not valid JSON: {exc.msg}")]
        ) from exc  # fmt: skip
    if not isinstance(data, dict):
        raise LoadError(
            [
                Diagnostic(
                    name, 1, 1, Severity.ERROR, "schema-invalid", "a schema must be a JSON object"
                )
            ]
        )
    from jsonschema.validators import validator_for

    meta_cls = validator_for(data)
    meta = meta_cls(meta_cls.META_SCHEMA)
    errors = sorted(meta.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        positions = PositionIndex(text)
        found = []
        for error in errors:
            path = tuple(error.absolute_path)
            line, column = positions.locate(path)
            where = "/".join(map(str, path)) or "(top level)"
            found.append(
                Diagnostic(name, line, column, Severity.ERROR, "schema-invalid",
                           f"the schema breaks its meta-schema at {where}: {error.message}", path)
            )  # fmt: skip
        raise LoadError(sorted(found))
    cache.store(None, raw, data, kind="schema")
    return Schema(name, data)
