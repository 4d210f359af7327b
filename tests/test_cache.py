"""The parse cache: reused only for identical bytes, harmless when broken, off on request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jtr import cache
from jtr.diagnostics import LoadError
from jtr.loader import load_file
from jtr.roadmap import RoadmapInvalid, open_roadmap

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"


def schema_of(path: Path) -> bytes:
    """The bytes of the schema `path` is checked against: part of its cache key."""
    from jtr.schemaline import choose_schema

    return choose_schema(path, path.read_text(encoding="utf-8")[:8192]).read_bytes()


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "roadmap.yaml"
    target.write_bytes(ROADMAP.read_bytes())
    return target


def test_hit_gives_the_same_data(tmp_path: Path, private_cache: Path) -> None:
    path = copy(tmp_path)
    first = open_roadmap(path).document
    assert list(private_cache.iterdir())
    assert cache.lookup(path, path.read_bytes(), depends=schema_of(path)) == first.data
    second = open_roadmap(path)
    assert second.document.data == first.data == load_file(path).data
    assert second.document.text == first.text  # positions still come from the real text
    assert second.model == open_roadmap(path).model


def test_only_roadmaps_that_passed_are_remembered(tmp_path: Path, private_cache: Path) -> None:
    path = copy(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"- chikatsu\n", b"- chikatu\n", 1))
    with pytest.raises(RoadmapInvalid):
        open_roadmap(path)
    assert cache.lookup(path, path.read_bytes(), depends=schema_of(path)) is None
    with pytest.raises(RoadmapInvalid):  # and it is refused again, not served from a cache
        open_roadmap(path)


def test_changed_bytes_miss(tmp_path: Path) -> None:
    path = copy(tmp_path)
    open_roadmap(path)
    path.write_bytes(path.read_bytes().replace(b'published: "2023-11"', b'published: "2023-10"', 1))
    assert cache.lookup(path, path.read_bytes(), depends=schema_of(path)) is None
    assert open_roadmap(path).document.data["meta"]["published"] == "2023-10"


def test_corrupt_entries_are_ignored(tmp_path: Path, private_cache: Path) -> None:
    path = copy(tmp_path)
    open_roadmap(path)
    for entry in private_cache.iterdir():
        entry.write_bytes(b"\x00garbage")
    assert cache.lookup(path, path.read_bytes(), depends=schema_of(path)) is None
    assert open_roadmap(path).document.data == load_file(path).data


def test_off_and_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    path = copy(tmp_path)
    monkeypatch.setenv("JTR_NO_CACHE", "1")
    open_roadmap(path)
    assert not list(private_cache.iterdir())
    monkeypatch.delenv("JTR_NO_CACHE")
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    monkeypatch.setenv("JTR_CACHE_DIR", str(blocked / "sub"))
    assert open_roadmap(path).document.data["schema_version"] == "1.0"


def test_a_cached_status_imports_no_yaml_parser_and_no_schema_validator(
    tmp_path: Path, private_cache: Path
) -> None:
    env = {**os.environ, "JTR_CACHE_DIR": str(private_cache)}
    args = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "jtr",
        "status",
        "-f",
        str(ROADMAP),
        "--as-of",
        "2026-11-26",
    ]
    first = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    again = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    assert first.stdout == again.stdout

    def imported(run: subprocess.CompletedProcess[str]) -> set[str]:
        return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}

    # The first run checks the file as `jtr validate` does (YAML, JSON Schema, rules); the
    # cached run skips all of it: no YAML parser, no jsonschema.
    assert {"yaml", "jsonschema"} <= imported(first)
    assert not {"yaml", "jsonschema", "ruamel.yaml"} & imported(again)


def test_a_schema_that_passed_is_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jsonschema import validators

    from jtr.schema import load_schema

    schema = tmp_path / "schema.json"
    schema.write_bytes((ROOT / "data" / "schema.json").read_bytes())
    first = load_schema(schema)
    calls: list[object] = []
    real = validators.validator_for

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(validators, "validator_for", counting)
    assert load_schema(schema).data == first.data
    assert calls == []  # served from the cache: same bytes, already checked
    schema.write_bytes(schema.read_bytes().replace(b'"type": "object"', b'"type": "objekt"', 1))
    with pytest.raises(LoadError, match="meta-schema"):
        load_schema(schema)
    assert calls  # changed bytes are checked again
