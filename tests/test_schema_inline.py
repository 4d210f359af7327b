"""The schema jtr validates with has its local $refs inlined, and means the same."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from jtr.diagnostics import LoadError
from jtr.loader import ReadError, load_file
from jtr.schema import inline_local_refs

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "data" / "schema.json").read_text(encoding="utf-8"))


def _refs(node: object) -> int:
    if isinstance(node, dict):
        return ("$ref" in node) + sum(_refs(v) for k, v in node.items() if k != "$defs")
    if isinstance(node, list):
        return sum(_refs(v) for v in node)
    return 0


def test_shipped_schema_inlines_completely() -> None:
    assert _refs(SCHEMA) > 0
    assert _refs(inline_local_refs(SCHEMA)) == 0


def test_same_errors_on_every_bad_and_good_file() -> None:
    original = Draft202012Validator(SCHEMA)
    inlined = Draft202012Validator(inline_local_refs(SCHEMA))
    checked = 0
    for path in sorted((ROOT / "tests").glob("*/*.yaml")):
        try:
            data = load_file(path).data
        except (LoadError, ReadError):  # refused files never reach the schema
            continue

        def found(validator: Draft202012Validator, data: object = data) -> list[tuple[str, str]]:
            return sorted((e.json_path, e.message) for e in validator.iter_errors(data))

        assert found(original) == found(inlined), path.name
        checked += 1
    assert checked > 40


def test_recursive_or_conflicting_refs_are_left_alone() -> None:
    recursive = {
        "$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}}},
        "$ref": "#/$defs/node",
    }
    assert inline_local_refs(recursive) is recursive
    conflicting = {
        "$defs": {"n": {"type": "integer"}},
        "properties": {"a": {"$ref": "#/$defs/n", "type": "string"}},
    }
    assert inline_local_refs(conflicting) is conflicting
    remote = {"properties": {"a": {"$ref": "https://example.invalid/x.json"}}, "$defs": {}}
    assert inline_local_refs(remote) is remote
    annotated = {
        "$defs": {"n": {"type": "integer", "title": "n"}},
        "properties": {"a": {"$ref": "#/$defs/n", "title": "A"}},
    }
    assert inline_local_refs(annotated)["properties"]["a"] == {"type": "integer", "title": "A"}
