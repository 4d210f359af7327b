"""Hostile input, the remaining cases: huge quoted values in rule messages, non-finite numbers
in the review commands, hidden characters in every JSON output, a cached roadmap whose schema
changed, and git blobs over the size limit.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import git, new_repo, run
from test_security_terminal import SCHEMA, hostile_text
from typer.testing import CliRunner

from jtr import __version__, cache
from jtr.review import gitio
from jtr.review.reading import finite

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
# Raw characters no JSON output may carry: they are written as \u escapes.
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u200b")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def edited(old: str, new: str) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def strict_json(text: str) -> Any:
    """JSON as the standard has it: no NaN, Infinity or -Infinity."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in a JSON output")

    return json.loads(text, parse_constant=refuse)


# ---- rule messages quote a value cut short ----------------------------------------------------


def test_a_huge_unknown_owner_is_a_short_finding(runner: CliRunner, tmp_path: Path) -> None:
    huge = "X\u202e" + "x" * 4_000_000  # fails the id pattern and names no owner
    path = tmp_path / "huge-owner.yaml"
    path.write_text(
        edited("owners: [council, city]", f'owners: [council, "{huge}"]'), encoding="utf-8"
    )
    for output_format in ("text", "json"):
        code, out, err = run(runner, "validate", str(path), "--format", output_format)
        assert code == 1, out + err
        assert len((out + err).encode("utf-8")) < 10_000
        assert "\u202e" not in out + err
    code, out, _ = run(runner, "validate", str(path))
    lines = out.splitlines()
    unknown = next(line for line in lines if line.endswith("[unknown-reference]"))
    assert "unknown owner 'X<U+202E>xxx" in unknown and "…'" in unknown
    assert "did you mean" not in unknown
    assert any(line.endswith("[schema]") and "is not an id" in line for line in lines)


def test_no_did_you_mean_search_for_a_long_reference(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import difflib

    asked: list[str] = []
    real = difflib.get_close_matches

    def spy(word: str, *args: Any, **kwargs: Any) -> list[str]:
        asked.append(word)
        return real(word, *args, **kwargs)

    monkeypatch.setattr(difflib, "get_close_matches", spy)
    path = tmp_path / "near.yaml"
    long_ref = "council" + "-x" * 60  # 127 characters
    path.write_text(
        edited("owners: [council, city]", f"owners: [counci, {long_ref}]"), encoding="utf-8"
    )
    code, out, _ = run(runner, "validate", str(path))
    assert code == 1
    assert "unknown owner 'counci'; did you mean 'council'?" in out
    assert f"unknown owner '{long_ref[:40]}" in out
    assert asked == ["counci"]  # the long one was never searched


def test_rule_messages_show_hidden_characters_of_ids(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ids.yaml"
    path.write_text(edited("owners: [council, city]", 'owners: [council, "ci\\e[2Jty"]'))
    code, out, _ = run(runner, "validate", str(path), "--format", "json")
    assert code == 1
    messages = [d["message"] for d in strict_json(out)["files"][0]["diagnostics"]]
    assert "unknown owner 'ci\\x1b[2Jty'; did you mean 'city'?" in messages


# ---- non-finite numbers in the review commands ------------------------------------------------


def test_non_finite_numbers_become_their_yaml_spelling() -> None:
    data: dict[str, Any] = {
        "a": math.inf,
        "b": [1.5, -math.inf, {"c": math.nan, math.inf: "key", "d": [[math.nan]]}],
        "e": "text",
    }
    assert finite(data) == {
        "a": ".inf",
        "b": [1.5, "-.inf", {"c": ".nan", ".inf": "key", "d": [[".nan"]]}],
        "e": "text",
    }


NON_FINITE = [
    ("  fiscal_year_start_month: 4\n", "  fiscal_year_start_month: .inf\n"),
    ("  - id: roles\n    number: 1\n", "  - id: roles\n    number: .nan\n"),
    ('  published: "2023-11"\n', '  published: "2023-11"\n  .inf: -.inf\n'),
]


def non_finite_text() -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in NON_FINITE:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@needs_git
@pytest.mark.slow
def test_review_commands_on_non_finite_numbers(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "work"
    roadmap = new_repo(root, MINIMAL, date="2024-05-01T10:00:00+09:00")
    roadmap.write_text(non_finite_text(), encoding="utf-8")
    git(root, "commit", "-q", "-am", "two", date="2024-06-01T10:00:00+09:00")
    monkeypatch.chdir(root)

    code, out, _ = run(runner, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert code == 1
    news = {c["path"].split("/")[-1]: c.get("new") for c in strict_json(out)["changes"]}
    assert ".inf" in news.values() and ".nan" in news.values()
    code, out, _ = run(runner, "diff", "HEAD~1", "HEAD", "--lang", "en")
    assert code == 1 and "4 → .inf" in out and "Infinity" not in out
    # history used to end in OverflowError on fiscal_year_start_month: .inf
    code, out, err = run(runner, "history", "--lang", "en")
    assert code == 0, out + err
    assert "4 → .inf" in out
    code, out, _ = run(runner, "history", "--format", "json")
    assert code == 0
    assert strict_json(out)["commits"][0]["subject"] == "two"
    code, out, _ = run(runner, "textconv", str(roadmap))
    assert code == 0
    assert "meta.fiscal_year_start_month = .inf\n" in out
    assert "meta..inf = -.inf\n" in out
    assert "Infinity" not in out and "NaN" not in out


# ---- every JSON output, hidden characters escaped ---------------------------------------------


@needs_git
@pytest.mark.slow
def test_every_json_output_escapes_hidden_characters(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "work"
    author = "Mal\x1b]52;c;ZXZpbA==\x07lory \u202eevil\u200b"
    roadmap = new_repo(
        root, MINIMAL, author=author, email="mallory@example.org", date="2024-05-01T10:00:00+09:00"
    )
    roadmap.write_text(hostile_text(), encoding="utf-8")
    git(root, "commit", "-q", "-am", "two \x9b2J \u2066x", date="2024-06-01T10:00:00+09:00")
    monkeypatch.chdir(root)
    other = tmp_path / "minimal.yaml"
    shutil.copy(MINIMAL, other)

    outputs: list[tuple[str, ...]] = [
        ("status",),
        ("validate", str(roadmap), "--schema", str(SCHEMA)),
        ("diff", "HEAD~1", "HEAD"),
        ("diff", "--files", str(other), str(roadmap)),
        ("history",),
        ("history", "task-a1"),
        ("export", "-o", "-"),
    ]
    outputs += [("show", ident) for ident in ("item-a", "task-a1", "c2024", "wg-a", "council")]
    outputs += [("show", ident) for ident in ("topic-1", "take-off")]
    kinds = ("items", "tasks", "courses", "owners", "phases", "working-groups", "topics")
    outputs += [("list", "--kind", kind) for kind in kinds]
    for args in outputs:
        code, out, err = run(runner, *args, "--format", "json")
        assert code in (0, 1), (args, out, err)
        strict_json(out)
        found = [hex(ord(c)) for c in RAW if c in out + err]
        assert not found, (args, found)


# ---- the cache depends on the schema too ------------------------------------------------------


def test_a_cached_roadmap_is_checked_again_when_its_schema_changes(
    runner: CliRunner, workspace: Path, private_cache: Path
) -> None:
    code, _out, err = run(runner, "status")
    assert code == 0, err
    assert list(private_cache.glob("roadmap.yaml-*.roadmap.marshal"))  # now cached
    schema = workspace / "data" / "schema.json"
    changed = json.loads(schema.read_text(encoding="utf-8"))
    changed["required"].append("sponsor")  # the roadmap has none: it is now invalid
    schema.write_text(json.dumps(changed, ensure_ascii=False, indent=2), encoding="utf-8")
    code, out, err = run(runner, "status")
    assert code == 1, out
    assert "sponsor" in err
    assert "the roadmap is not valid" in err


def test_entries_of_an_older_format_are_ignored(tmp_path: Path, private_cache: Path) -> None:
    import marshal

    path = tmp_path / "roadmap.yaml"
    path.write_bytes(MINIMAL.read_bytes())
    cache.store(path, path.read_bytes(), {"a": 1}, depends=b"schema")
    assert cache.lookup(path, path.read_bytes(), depends=b"schema") == {"a": 1}
    assert cache.lookup(path, path.read_bytes(), depends=b"other schema") is None
    (entry,) = private_cache.iterdir()
    # What jtr wrote before entries depended on the schema: (format, bytes, data).
    entry.write_bytes(marshal.dumps(("jtr-cache-1/" + __version__, path.read_bytes(), {})))
    assert cache.lookup(path, path.read_bytes(), depends=b"schema") is None
    assert cache.lookup(path, path.read_bytes()) is None


# ---- git blobs are read under the size limit --------------------------------------------------


@needs_git
@pytest.mark.slow
def test_git_blobs_over_the_size_limit_are_never_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "work"
    roadmap = new_repo(root, MINIMAL)
    roadmap.write_text(MINIMAL.read_text(encoding="utf-8").replace("2023-11", "2023-12"))
    git(root, "commit", "-q", "-am", "two")
    size = roadmap.stat().st_size
    monkeypatch.chdir(root)
    calls: list[list[str]] = []
    real = gitio.run_git

    def spy(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
        calls.append(args)
        return real(args, cwd, stdin)

    monkeypatch.setattr(gitio, "run_git", spy)
    small = {"JTR_MAX_BYTES": "1000"}
    expected = f"HEAD:data/roadmap.yaml: is {size:,} bytes; jtr reads roadmaps and schemas up to 1,000 bytes"
    for args in (
        ("diff", "HEAD"),
        ("status", "--rev", "HEAD"),
        ("show", "item-a", "--rev", "HEAD"),
    ):
        code, out, err = run(runner, *args, env=small)
        assert code == 2, (args, out, err)
        assert expected in err, err
    assert not any(args[0] == "show" for args in calls)  # the blob was never read
    calls.clear()
    code, out, err = run(runner, "history", "--format", "json", env=small)
    assert code == 0, err
    commit = strict_json(out)["commits"][0]
    assert f"is {size:,} bytes; jtr reads roadmaps and schemas up to 1,000 bytes" in commit["error"]
    assert not any("--batch" in args for args in calls)
    code, out, err = run(runner, "history", "--lang", "en", "--width", "300", env=small)
    assert code == 0 and "a version could not be read" in out
    # Within the limit all is as before.
    code, out, err = run(runner, "diff", "HEAD", env={"JTR_MAX_BYTES": str(size)})
    assert code == 0, err
    code, _out, err = run(runner, "history", env={"JTR_MAX_BYTES": "x"})
    assert code == 2 and "JTR_MAX_BYTES='x'" in err
