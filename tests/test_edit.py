"""`jtr set`, `jtr decide`, `jtr realise`: byte-exact round trips, exact diffs, validation
before writing, atomic writes and refusals that leave the file alone.

Kill-during-write and concurrent-process tests are in test_edit_concurrency.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import io
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr import edit, fileio
from jtr.cli.edit import complete_items, complete_tasks
from jtr.loader import load_file
from jtr.validate import SchemaCache, validate_file

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
SCHEMA = ROOT / "data" / "schema.json"
FIXTURES = ROOT / "tests" / "fixtures"
ROUNDTRIP = sorted(FIXTURES.glob("roundtrip-*.yaml"))
BOM = b"\xef\xbb\xbf"


# ---------------------------------------------------------------------------------------------
# Helpers


@pytest.fixture(params=["item-lines", pytest.param("whole-file", marks=pytest.mark.slow)])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Edits go through ruamel.yaml on the item's own lines; "whole-file" tests the fallback
    that loads and dumps the whole file."""
    if request.param == "whole-file":
        monkeypatch.setattr(edit.hunks, "item_block", lambda lines, where: None)
    return str(request.param)


def fixture_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    """A fixture copied as roadmap.yaml into the current directory (the packaged schema)."""
    target = tmp_path / "roadmap.yaml"
    shutil.copyfile(FIXTURES / name, target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JTR_ROADMAP", str(target))
    return target


def changes(old: bytes, new: bytes) -> list[str]:
    """The lines a reviewer sees in the diff: '+line' / '-line', no context."""
    a = old.decode("utf-8-sig").splitlines()
    b = new.decode("utf-8-sig").splitlines()
    return [
        line
        for line in difflib.unified_diff(a, b, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def valid(path: Path) -> bool:
    result = validate_file(path, SchemaCache(SCHEMA))
    return result.errors == 0


def line_number(path: Path, needle: str) -> int:
    """1-based number of the first line that is `needle` (leading spaces aside), else holds it."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for number, line in enumerate(lines, 1):
        if line.strip() == needle:
            return number
    for number, line in enumerate(lines, 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def expected_diff(path: Path, name: str, after_line: int, added: list[str]) -> str:
    """The unified diff of inserting `added` after line `after_line` of `path` (3 lines of
    context, as `git diff` and `jtr --dry-run` print it)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    before = lines[max(after_line - 3, 0) : after_line]
    after = lines[after_line : after_line + 3]
    start = after_line - len(before) + 1
    header = f"@@ -{start},{len(before) + len(after)} +{start},{len(before) + len(after) + len(added)} @@"
    body = [f" {x}" for x in before] + [f"+{x}" for x in added] + [f" {x}" for x in after]
    return "".join(f"{x}\n" for x in [f"--- a/{name}", f"+++ b/{name}", header, *body])


# ---------------------------------------------------------------------------------------------
# Round trip: ruamel.yaml as configured gives every file back byte for byte


@pytest.mark.parametrize("path", [ROADMAP, *ROUNDTRIP], ids=lambda p: p.name)
def test_noop_round_trip_is_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    assert edit.roundtrip(raw, path.name) == raw


@pytest.mark.parametrize("path", ROUNDTRIP, ids=lambda p: p.name)
def test_round_trip_fixtures_are_valid_roadmaps(path: Path) -> None:
    result = validate_file(path, SchemaCache(SCHEMA))
    assert result.errors == 0 and result.warnings == 0, result.diagnostics


def test_round_trip_fixtures_hold_what_they_claim() -> None:
    crlf = (FIXTURES / "roundtrip-crlf.yaml").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 100
    assert (FIXTURES / "roundtrip-bom.yaml").read_bytes().startswith(BOM)
    quotes = (FIXTURES / "roundtrip-quotes.yaml").read_text(encoding="utf-8")
    assert max(len(line) for line in quotes.splitlines()) > 4096
    assert any(80 < len(line) < 200 for line in quotes.splitlines())
    for construct in (": ~\n", ": null\n", ": >-\n", ": |\n", ": |-\n", "'It''s", '\\"double\\"'):
        assert construct in quotes, construct
    flow = (FIXTURES / "roundtrip-flow.yaml").read_text(encoding="utf-8")
    for construct in (
        "[{ja:",
        "{status: in_progress, date: 2024-05-01}",
        "{kinds: []}",
        "shaded:\n",
    ):
        assert construct in flow, construct
    comments = (FIXTURES / "roundtrip-comments.yaml").read_text(encoding="utf-8")
    assert comments.startswith("#") and comments.rstrip().splitlines()[-1].startswith("#")


def test_ruamel_defaults_would_change_the_shipped_file() -> None:
    """Why jtr configures ruamel.yaml: out of the box it rewrites the shipped roadmap."""
    from ruamel.yaml import YAML

    text = ROADMAP.read_text(encoding="utf-8")
    out = io.StringIO()
    yaml = YAML()
    yaml.dump(yaml.load(text), out)
    assert out.getvalue() != text


@pytest.mark.parametrize(
    ("text", "indent"),
    [
        ("a:\n  b: 1\nc:\n  - 1\n", (2, 4, 2)),
        ("a:\n    b: 1\nc:\n- 1\n", (4, 2, 0)),
        ("a:\n  b:\n    - x\n", (2, 4, 2)),
        ("a: 1\n", (2, 4, 2)),
    ],
)
def test_indentation_is_read_from_the_file(text: str, indent: tuple[int, int, int]) -> None:
    assert edit.rtyaml.read_indentation(text) == indent
    assert edit.roundtrip(text.encode()) == text.encode()


def test_round_trip_keeps_a_missing_final_newline_and_document_markers() -> None:
    raw = (FIXTURES / "minimal.yaml").read_bytes().rstrip(b"\n")
    assert edit.roundtrip(raw) == raw
    marked = b"---\n" + (FIXTURES / "minimal.yaml").read_bytes() + b"...\n"
    assert edit.roundtrip(marked) == marked


# ---------------------------------------------------------------------------------------------
# Exact diffs


RECORD = [
    "            history:",
    "              - status: done",
    "                date: 2025-02-10",
    "                note: 方針決定済み",
]


def test_set_dry_run_prints_the_diff_and_changes_nothing(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_bytes()
    after = line_number(shipped, "- id: welfare-workers-prepare") - 1
    code, out, err = run(
        runner, "set", "welfare-workers-decide", "--status", "done", "--date", "2025-02-10",
        "--note", "方針決定済み", "--dry-run",
    )  # fmt: skip
    assert code == 0, err
    assert out == expected_diff(shipped, "data/roadmap.yaml", after, RECORD)
    assert shipped.read_bytes() == before


def test_set_adds_exactly_the_record_lines(runner: CliRunner, shipped: Path, mode: str) -> None:
    before = shipped.read_bytes()
    after = line_number(shipped, "- id: welfare-workers-prepare") - 1
    code, out, err = run(
        runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10",
        "-n", "方針決定済み",
    )  # fmt: skip
    assert code == 0, err
    assert out == "data/roadmap.yaml: welfare-workers-decide: planned → done on 2025-02-10\n"
    new = shipped.read_bytes()
    assert changes(before, new) == [f"+{line}" for line in RECORD]
    lines = new.decode().splitlines()
    assert lines[after : after + len(RECORD)] == RECORD
    assert valid(shipped)
    task = load_file(shipped).data["courses"][0]["items"][0]["tasks"][0]
    assert task["history"] == [{"status": "done", "date": "2025-02-10", "note": "方針決定済み"}]


def test_second_record_is_appended_after_the_history(
    runner: CliRunner, shipped: Path, mode: str
) -> None:
    args = ("set", "welfare-workers-decide", "-s", "in_progress", "-d", "2024-06-01")
    assert run(runner, *args)[0] == 0
    before = shipped.read_bytes()
    after = line_number(shipped, "- id: welfare-workers-prepare") - 1
    code, out, err = run(
        runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10", "--by", "地活課"
    )
    assert code == 0, err
    assert "in_progress → done on 2025-02-10" in out
    added = [
        "              - status: done",
        "                date: 2025-02-10",
        "                by: 地活課",
    ]
    assert changes(before, shipped.read_bytes()) == [f"+{line}" for line in added]
    assert shipped.read_text(encoding="utf-8").splitlines()[after : after + 3] == added
    assert valid(shipped)


def test_decide_realise_and_clear(runner: CliRunner, shipped: Path, mode: str) -> None:
    original = shipped.read_bytes()
    after = line_number(shipped, "- id: district-dock") - 1
    decision = [
        "        decision:",
        "          date: 2025-02-10",
        "          note: 推進委員会で決定",
    ]
    code, out, err = run(
        runner,
        "decide",
        "welfare-workers",
        "-d",
        "2025-02-10",
        "-n",
        "推進委員会で決定",
        "--dry-run",
    )
    assert code == 0, err
    assert out == expected_diff(shipped, "data/roadmap.yaml", after, decision)
    assert shipped.read_bytes() == original

    code, out, _ = run(
        runner, "decide", "welfare-workers", "-d", "2025-02-10", "-n", "推進委員会で決定"
    )
    assert code == 0
    assert out == "data/roadmap.yaml: welfare-workers: policy decided (方針決定) on 2025-02-10\n"
    decided = shipped.read_bytes()
    assert changes(original, decided) == [f"+{line}" for line in decision]

    realisation = ["        realisation:", "          date: 2026-04-01"]
    code, out, _ = run(runner, "realise", "welfare-workers", "--date", "2026-04-01")
    assert code == 0 and "realised (実現) on 2026-04-01" in out
    realised = shipped.read_bytes()
    assert changes(decided, realised) == [f"+{line}" for line in realisation]
    lines = realised.decode().splitlines()
    assert lines[after : after + 5] == decision + realisation
    assert valid(shipped)

    code, out, _ = run(runner, "decide", "welfare-workers", "--clear", "--dry-run")
    assert code == 0 and [x for x in out.splitlines() if x[:1] in "+-"] == [
        "--- a/data/roadmap.yaml", "+++ b/data/roadmap.yaml", *(f"-{x}" for x in decision)
    ]  # fmt: skip
    assert run(runner, "decide", "welfare-workers", "--clear")[1] == (
        "data/roadmap.yaml: welfare-workers: decision of 2025-02-10 cleared\n"
    )
    assert run(runner, "realize", "welfare-workers", "--clear")[0] == 0  # the hidden spelling
    assert shipped.read_bytes() == original  # undone to the byte


def test_clear_with_nothing_recorded_changes_nothing(runner: CliRunner, shipped: Path) -> None:
    before = shipped.read_bytes()
    code, out, err = run(runner, "realise", "welfare-workers", "--clear")
    assert code == 0 and out == ""
    assert "no realisation is recorded; nothing changed" in err
    assert shipped.read_bytes() == before


def test_decide_force_replaces_in_place(runner: CliRunner, shipped: Path, mode: str) -> None:
    assert run(runner, "decide", "labour-management", "-d", "2025-01-10", "-n", "旧")[0] == 0
    before = shipped.read_bytes()
    code, _, err = run(runner, "decide", "labour-management", "-d", "2025-01-20")
    assert code == 2 and "already recorded (2025-01-10)" in err
    assert shipped.read_bytes() == before
    code, out, _ = run(runner, "decide", "labour-management", "-d", "2025-01-20", "--force")
    assert code == 0 and "(replacing 2025-01-10)" in out
    assert changes(before, shipped.read_bytes()) == [
        "-          date: 2025-01-10", "-          note: 旧", "+          date: 2025-01-20",
    ]  # fmt: skip


def test_history_goes_before_a_task_note(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    span = "            fiscal_years: {from: 2025, to: 2025}\n"
    note = "            note: {ja: 備考, en: Note}\n"
    path.write_text(path.read_text(encoding="utf-8").replace(span, span + note), encoding="utf-8")
    before = path.read_bytes()
    code, _, err = run(runner, "set", "task-b1", "-s", "planned", "-d", "2025-04-01")
    assert code == 0, err
    record = '            history:\n              - status: planned\n                date: "2025-04-01"\n'
    assert span + record + note in path.read_text(encoding="utf-8")
    assert len(changes(before, path.read_bytes())) == 3


def test_comments_stay_with_what_they_describe(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    path = fixture_copy(tmp_path, monkeypatch, "roundtrip-comments.yaml")
    name = "roadmap.yaml"
    after = line_number(path, "# an unquoted date")
    added = ["              - status: done", "                date: 2025-02-10"]
    code, out, _ = run(runner, "set", "task-a1", "-s", "done", "-d", "2025-02-10", "--dry-run")
    assert code == 0 and out == expected_diff(path, name, after, added)
    # a new key goes above the comments that introduce the next item / the goals
    after = line_number(path, "recurring: true")
    added = [
        "            history:",
        "              - status: in_progress",
        "                date: 2025-02-10",
    ]
    code, out, _ = run(
        runner, "set", "task-a2", "-s", "in_progress", "-d", "2025-02-10", "--dry-run"
    )
    assert code == 0 and out == expected_diff(path, name, after, added)
    after = line_number(path, "# before the goals") - 1
    added = ["        decision:", "          date: 2025-02-10"]
    code, out, _ = run(runner, "decide", "item-b", "-d", "2025-02-10", "--dry-run")
    assert code == 0 and out == expected_diff(path, name, after, added)
    before = path.read_bytes()
    assert run(runner, "decide", "item-b", "-d", "2025-02-10")[0] == 0
    assert run(runner, "decide", "item-b", "--clear")[0] == 0
    assert path.read_bytes() == before


def test_blank_lines_between_items_stay_between_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    text = path.read_text(encoding="utf-8").replace(
        "      - id: item-b\n", "\n      - id: item-b\n"
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert run(runner, "decide", "item-a", "-d", "2025-02-10")[0] == 0
    assert (
        '            recurring: true\n        decision:\n          date: "2025-02-10"\n\n      - id: item-b\n'
        in path.read_text(encoding="utf-8")
    )
    assert run(runner, "decide", "item-a", "--clear")[0] == 0
    assert path.read_bytes() == before


def test_flow_history_gets_a_flow_record(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    path = fixture_copy(tmp_path, monkeypatch, "roundtrip-flow.yaml")
    before = path.read_bytes()
    assert run(runner, "set", "task-a1", "-s", "done", "-d", "2025-02-10", "-n", "済")[0] == 0
    assert changes(before, path.read_bytes()) == [
        "+              - {status: done, date: 2025-02-10, note: 済}"
    ]


def test_quoted_dates_stay_quoted(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that quotes its dates gets quoted dates; the quotes fixture's last record of
    task-a1 is unquoted, so the next one is too."""
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    before = path.read_bytes()
    assert run(runner, "set", "task-a1", "-s", "done", "-d", "2025-02-10")[0] == 0
    assert changes(before, path.read_bytes()) == [
        "+              - status: done",
        '+                date: "2025-02-10"',
    ]
    path = fixture_copy(tmp_path, monkeypatch, "roundtrip-quotes.yaml")
    before = path.read_bytes()
    assert run(runner, "set", "task-a1", "-s", "done", "-d", "2025-02-10")[0] == 0
    assert changes(before, path.read_bytes()) == [
        "+              - status: done",
        "+                date: 2025-02-10",
    ]


@pytest.mark.parametrize("name", ["roundtrip-crlf.yaml", "roundtrip-bom.yaml"])
def test_line_endings_and_bom_survive_an_edit(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, mode: str
) -> None:
    path = fixture_copy(tmp_path, monkeypatch, name)
    before = path.read_bytes()
    assert run(runner, "decide", "item-a", "-d", "2025-02-10", "-n", "決定")[0] == 0
    new = path.read_bytes()
    assert changes(before, new) == [
        "+        decision:",
        '+          date: "2025-02-10"',
        "+          note: 決定",
    ]
    assert new.startswith(BOM) == before.startswith(BOM)
    if b"\r\n" in before:
        assert new.count(b"\r\n") == new.count(b"\n")
    else:
        assert b"\r" not in new
    assert valid(path)


def test_missing_final_newline_stays_missing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Here task-b1 is the last thing in the file: its record becomes the new last lines."""
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    study = text[text.index("further_study:") :]
    goals = text[text.index("    goals:") : text.index("further_study:")]
    text = text.replace(study, "").replace(goals, "")
    text = text.replace("courses:\n", study + "courses:\n").replace(
        "    items:\n", goals + "    items:\n"
    )
    path.write_bytes(text.rstrip("\n").encode())
    before = path.read_bytes()
    assert before.endswith(b"fiscal_years: {from: 2025, to: 2025}") and valid(path)
    code, _, err = run(runner, "set", "task-b1", "-s", "done", "-d", "2025-05-01")
    assert code == 0, err
    added = (
        b'\n            history:\n              - status: done\n                date: "2025-05-01"'
    )
    assert path.read_bytes() == before + added
    code, _, err = run(runner, "set", "task-a2", "-s", "done", "-d", "2025-05-01")
    assert code == 0, err
    assert path.read_bytes().endswith(added) and valid(path)


def test_lines_ruamel_would_reformat_are_kept(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Spaces inside flow brackets, a flow mapping over two lines, extra spaces after a comma:
    ruamel.yaml cannot write these back as they were, yet an edit next to them keeps them."""
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("        items: [item-a, item-b]\n", "        items: [ item-a, item-b ]\n"),
        (
            "            fiscal_years: {from: 2025, to: 2025}\n",
            "            fiscal_years: { from: 2025, to: 2025 }\n",
        ),
        (
            "    title: {ja: 推進委員会, en: Steering committee}\n",
            "    title: {ja: 推進委員会,\n            en: Steering committee}\n",
        ),
        (
            "        shaded: null\n",
            "        shaded: null\n        decision: {date: '2024-06-01',   note: x}\n",
        ),
    ):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert edit.roundtrip(before) != before  # ruamel alone would reformat them
    assert run(runner, "set", "task-b1", "-s", "done", "-d", "2025-05-01")[0] == 0
    after_set = path.read_bytes()
    assert changes(before, after_set) == [
        "+            history:", "+              - status: done", '+                date: "2025-05-01"',
    ]  # fmt: skip
    assert run(runner, "decide", "item-b", "-d", "2025-05-01", "--force", "-n", "新")[0] == 0
    assert changes(after_set, path.read_bytes()) == [
        "-        decision: {date: '2024-06-01',   note: x}",
        "+        decision: {date: '2025-05-01', note: 新}",
    ]
    assert valid(path)


def test_lines_ruamel_cannot_read_are_refused_only_where_edited(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tab before a comment is valid YAML that jtr reads but ruamel.yaml 0.19 does not.
    Only the edited item's lines go through ruamel.yaml, so a tab elsewhere does not matter;
    one in the item itself refuses the edit."""
    path = fixture_copy(tmp_path, monkeypatch, "minimal.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  id: mini\n", "  id: mini\t# tab\n"), encoding="utf-8")
    assert valid(path)  # jtr reads it
    assert run(runner, "set", "task-b1", "-s", "done", "-d", "2025-05-01")[0] == 0
    text = path.read_text(encoding="utf-8").replace(
        "        number: 2\n", "        number: 2\t# tab\n"
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert valid(path)
    code, _, err = run(runner, "set", "task-b1", "-s", "done", "-d", "2025-05-02")
    assert code == 2 and "ruamel.yaml cannot read it" in err
    assert path.read_bytes() == before


@pytest.mark.slow  # ruamel over every whole fixture, for every task and item
@pytest.mark.parametrize("path", [*ROUNDTRIP, FIXTURES / "minimal.yaml"], ids=lambda p: p.name)
def test_item_lines_and_whole_file_make_the_same_edit(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every task and item of each fixture: recording through the item's own lines gives the
    same bytes as through the whole file, and only adds lines."""
    text = path.read_bytes().decode("utf-8-sig")
    data = load_file(path).data
    day = dt.date(2025, 2, 10)
    edits: list[edit.Edit] = []
    for course in data["courses"]:
        for item in course["items"]:
            edits.append(edit.SetMilestone(item["id"], "decision", day, note="決定"))
            edits += [edit.SetStatus(t["id"], "done", day, note="済") for t in item["tasks"]]

    def new_lines(change: edit.Edit) -> list[edit.Line]:
        lines = edit.split_lines(text)
        if isinstance(change, edit.SetStatus):
            return edit.planning.plan_status(lines, text, data, change, path.name)[0]
        return edit.planning.plan_milestone(lines, text, data, change, path.name)[0]  # type: ignore[return-value]

    for change in edits:
        fast = new_lines(change)
        with monkeypatch.context() as whole:
            whole.setattr(edit.hunks, "item_block", lambda lines, where: None)
            assert new_lines(change) == fast, change
        joined = "".join(line.text + line.end for line in fast).encode()
        assert all(line.startswith("+") for line in changes(text.encode(), joined)), change


# ---------------------------------------------------------------------------------------------
# Validated before written


def test_an_edit_that_would_be_invalid_writes_nothing(runner: CliRunner, shipped: Path) -> None:
    """--fiscal-year belongs on records of recurring tasks only; jtr set does not pre-check it,
    so the rule `record-year` finds it in the edited document and the edit is refused."""
    before = shipped.read_bytes()
    code, out, err = run(
        runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10",
        "--fiscal-year", "R6",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert "error: fiscal_year on a record is only for recurring tasks [record-year]" in err
    assert (
        "the edit would make data/roadmap.yaml invalid (line numbers are those of the edited text); nothing was written"
        in err
    )
    assert shipped.read_bytes() == before
    recurring = next(
        t["id"]
        for c in load_file(shipped).data["courses"]
        for i in c["items"]
        for t in i["tasks"]
        if t.get("recurring")
    )
    code, _, err = run(
        runner, "set", recurring, "-s", "done", "-d", "2025-02-10", "--fiscal-year", "2030"
    )
    assert code == 1 and "[record-year]" in err  # FY2030 is outside the task's years
    assert shipped.read_bytes() == before
    code, _, err = run(
        runner, "set", recurring, "-s", "done", "-d", "2025-02-10", "--fiscal-year", "R6"
    )
    assert code == 0, err
    assert changes(before, shipped.read_bytes())[-1] == "+                fiscal_year: 2024"


def test_an_already_invalid_roadmap_is_not_edited(runner: CliRunner, shipped: Path) -> None:
    text = shipped.read_text(encoding="utf-8").replace("- chikatsu\n", "- chikatu\n", 1)
    shipped.write_text(text, encoding="utf-8")
    before = shipped.read_bytes()
    code, _, err = run(runner, "set", "welfare-workers-start", "-s", "done", "-d", "2025-02-10")
    assert code == 1 and "unknown owner 'chikatu'" in err
    assert (
        "is not valid as it stands (`jtr validate` lists every finding); fix it first; nothing was written"
        in err
    )
    line = line_number(shipped, "- chikatu")
    assert f"data/roadmap.yaml:{line}:" in err  # positions in the file as it is on disk
    assert shipped.read_bytes() == before
    shipped.write_text("courses: [", encoding="utf-8")
    code, _, err = run(runner, "set", "welfare-workers-start", "-s", "done")
    assert code == 1 and "[yaml-syntax]" in err and "is not valid as it stands" in err


def test_warnings_about_the_new_record_are_shown(runner: CliRunner, shipped: Path) -> None:
    assert run(runner, "decide", "welfare-workers", "-d", "2025-03-01")[0] == 0
    code, _, err = run(runner, "realise", "welfare-workers", "-d", "2025-01-01")
    assert code == 0
    assert "warning: item 'welfare-workers' is realised on 2025-01-01, before its decision" in err
    code, _, err = run(runner, "set", "welfare-workers-start", "-s", "done", "-d", "2025-02-10")
    assert code == 0 and err == ""  # a warning the file already had is not repeated


# ---------------------------------------------------------------------------------------------
# Refusals: non-zero exit, file byte-identical


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("set", "welfare-workers-decide", "-s", "finished"), 2, "'finished' is not one of"),
        (("set", "welfare-workers-decid", "-s", "done"), 2, "did you mean 'welfare-workers-decide'"),
        (("set", "welfare-workers", "-s", "done"), 2, "is a review item, not a task"),
        (("decide", "welfare-workers-decide"), 2, "did you mean its item 'welfare-workers'"),
        (("decide", "welfare-worker", "-d", "2025-01-01"), 2, "did you mean 'welfare-workers'"),
        (("realise", "zzz", "-d", "2025-01-01"), 2, "`jtr list --kind items` prints the ids"),
        (("--lang", "en", "set", "welfare-workers-decide", "-s", "done", "-d", "2024-02-30"), 2, "2024-02-30 does not exist"),
        (("decide", "welfare-workers", "--clear", "-d", "2025-01-01"), 2, "without --date"),
        (("set", "welfare-workers-decide", "-s", "done", "-f", "nope.yaml"), 2, "nope.yaml: no such file"),
        (("set", "welfare-workers-decide", "-s", "done", "--fiscal-year", "x"), 2, "not a fiscal year"),
    ],
)  # fmt: skip
def test_refusals_leave_the_file_alone(
    runner: CliRunner, shipped: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = shipped.read_bytes()
    got, _out, err = run(runner, *args)
    assert got == code, err
    assert message in err
    assert shipped.read_bytes() == before
    assert not list(shipped.parent.glob(".*.tmp"))


def test_invalid_status_lists_the_valid_ones(runner: CliRunner, shipped: Path) -> None:
    from jtr.cli import edit as cli_edit
    from jtr.model import STATUSES

    assert cli_edit.STATUSES == STATUSES
    err = run(runner, "set", "welfare-workers-decide", "-s", "finished")[2]
    for status in STATUSES:
        assert status in err


def test_date_before_the_last_record_needs_force(runner: CliRunner, shipped: Path) -> None:
    assert (
        run(runner, "set", "welfare-workers-decide", "-s", "in_progress", "-d", "2024-06-01")[0]
        == 0
    )
    assert run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")[0] == 0
    before = shipped.read_bytes()
    code, _, err = run(runner, "set", "welfare-workers-decide", "-s", "delayed", "-d", "2024-10-01")
    assert code == 2 and "2024-10-01 is before its last record (2025-02-10)" in err
    assert shipped.read_bytes() == before
    code, out, err = run(
        runner, "set", "welfare-workers-decide", "-s", "delayed", "-d", "2024-10-01", "--force"
    )
    assert code == 0, err
    assert "recorded in date order, before the record of 2025-02-10" in out
    assert changes(before, shipped.read_bytes()) == [
        "+              - status: delayed",
        "+                date: 2024-10-01",
    ]
    history = load_file(shipped).data["courses"][0]["items"][0]["tasks"][0]["history"]
    assert [r["date"] for r in history] == ["2024-06-01", "2024-10-01", "2025-02-10"]
    assert valid(shipped)


def test_read_only_file_is_refused(runner: CliRunner, shipped: Path) -> None:
    """Refused on the mode bits, so also when run as root (who could write it anyway)."""
    before = shipped.read_bytes()
    shipped.chmod(0o444)
    code, _, err = run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")
    assert code == 2 and "the file is read-only" in err
    assert shipped.read_bytes() == before
    assert stat.S_IMODE(shipped.stat().st_mode) == 0o444
    # --dry-run writes nothing, so it works on a read-only file
    assert run(runner, "set", "welfare-workers-decide", "-s", "done", "--dry-run")[0] == 0


def test_read_only_folder_is_refused(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a folder's permissions do not stop a write, so the temporary file's creation is
    made to fail as it would in a read-only folder."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # jtr.fileio imports it when writing
    before = shipped.read_bytes()
    code, _, err = run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")
    assert code == 2 and "cannot write: Permission denied; the file is unchanged" in err
    assert shipped.read_bytes() == before


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failure_while_writing_leaves_the_old_file(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A full disk (fsync fails) or a failing rename: the old file stays, no temporary left."""

    def fail(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, fail)  # as jtr.fileio.atomic_write calls them
    before = shipped.read_bytes()
    code, _, err = run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")
    assert code == 2 and "No space left on device" in err
    assert shipped.read_bytes() == before
    assert not list(shipped.parent.glob(".roadmap.yaml.*.tmp"))


# ---------------------------------------------------------------------------------------------
# Atomic write details


def test_permissions_and_symlinks_are_kept(
    runner: CliRunner, shipped: Path, tmp_path: Path
) -> None:
    shipped.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(shipped)
    code, _, err = run(
        runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10", "-f", str(link)
    )
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == shipped.resolve()
    assert "date: 2025-02-10" in shipped.read_text(encoding="utf-8")
    assert stat.S_IMODE(shipped.stat().st_mode) == 0o640
    assert (shipped.parent / ".roadmap.yaml.lock").exists()  # next to the target, not the link
    assert not (tmp_path / ".link.yaml.lock").exists()


def test_a_change_on_disk_while_planning_is_read_again(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves the file after jtr read it: jtr notices before replacing it, reads the
    file again and applies its edit to the new content, losing neither change."""
    real_plan = edit.plan
    calls = []

    def plan_then_editor_saves(raw: bytes, *args: object, **kwargs: object) -> edit.Outcome:
        outcome = real_plan(raw, *args, **kwargs)  # type: ignore[arg-type]
        if not calls:
            text = shipped.read_text(encoding="utf-8")
            shipped.write_text(
                text.replace(
                    "# No progress has been recorded",
                    "# Saved by an editor: no progress has been recorded",
                ),
                encoding="utf-8",
            )
        calls.append(raw)
        return outcome

    monkeypatch.setattr(edit.disk, "plan", plan_then_editor_saves)
    code, _, err = run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")
    assert code == 0, err
    assert len(calls) == 2 and calls[0] != calls[1]
    text = shipped.read_text(encoding="utf-8")
    assert "# Saved by an editor" in text and "date: 2025-02-10" in text


def test_stale_temporary_files_are_removed(runner: CliRunner, shipped: Path) -> None:
    stale = shipped.parent / ".roadmap.yaml.abc123.tmp"
    stale.write_text("half a roadmap", encoding="utf-8")
    assert run(runner, "set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")[0] == 0
    assert not stale.exists()


def test_pause_hook_sleeps_between_write_and_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    seen = []
    monkeypatch.setenv(fileio.PAUSE_ENV, "0.01")
    monkeypatch.setattr(fileio.time, "sleep", lambda s: seen.append((s, target.read_bytes())))
    fileio.atomic_write(target, b"new", target.stat())
    assert seen == [(0.01, b"old")] and target.read_bytes() == b"new"


# ---------------------------------------------------------------------------------------------
# Completion, help, import cost


def test_completion_offers_tasks_to_set_and_items_to_decide(shipped: Path) -> None:
    ctx = SimpleNamespace(params={"file": shipped})
    tasks = dict(complete_tasks(ctx, "welfare-workers"))  # type: ignore[arg-type]
    assert set(tasks) == {
        "welfare-workers-decide",
        "welfare-workers-prepare",
        "welfare-workers-start",
    }
    items = dict(complete_items(ctx, "welfare-w"))  # type: ignore[arg-type]
    assert set(items) == {"welfare-workers"}
    assert complete_tasks(SimpleNamespace(params={"file": shipped.parent / "x"}), "") == []  # type: ignore[arg-type]


def test_bash_completes_task_ids_for_set(shipped: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jtr"], capture_output=True, text=True, check=False,
        env={**os.environ, "_JTR_COMPLETE": "complete_bash", "COMP_CWORD": "2",
             "COMP_WORDS": f"jtr set welfare-w --file {shipped}", "JTR_ROADMAP": str(shipped)},
    )  # fmt: skip
    assert result.stdout.split() == [
        "welfare-workers-decide", "welfare-workers-prepare", "welfare-workers-start",
    ]  # fmt: skip


def test_realize_is_a_hidden_alias(runner: CliRunner, shipped: Path) -> None:
    listing = run(runner, "--help")[1]
    assert "realise" in listing and "realize" not in listing
    for command in ("set", "decide", "realise"):
        code, out, _ = run(runner, command, "--help")
        assert code == 0 and "Exit codes" in out and "--dry-run" in out


def test_dates_default_to_today(runner: CliRunner, shipped: Path) -> None:
    code, out, _ = run(runner, "decide", "welfare-workers")
    assert code == 0 and out.endswith(f"on {dt.date.today().isoformat()}\n")


def _imports(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jtr", *args],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={**os.environ, "JTR_ROADMAP": str(ROADMAP)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr


def test_views_do_not_import_ruamel() -> None:
    assert "ruamel" not in _imports("status", "-f", str(ROADMAP))
    # the check can see ruamel: an editing command does import it
    assert "ruamel.yaml" in _imports("set", "welfare-workers-decide", "-s", "done", "--dry-run")
