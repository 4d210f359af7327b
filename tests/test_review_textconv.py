"""`jtr textconv`: canonical lines, stable under formatting, and always some output for git."""

from __future__ import annotations

from pathlib import Path

from helpers import invoke
from typer.testing import CliRunner

from jtr.review.textconv import canonical_lines, textconv_bytes

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def test_one_fact_per_line_with_entity_paths(runner: CliRunner) -> None:
    result = invoke(runner, "textconv", str(ROADMAP))
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    task = "courses/course-2024/items/welfare-workers/tasks/welfare-workers-decide"
    assert f"{task}: fiscal_years = FY2024" in lines
    assert f"{task}: title.ja = WGでの検討・方針決定（業務・雇用のあり方）" in lines
    assert (
        "courses/course-2024/items/welfare-workers: owners = jijikyo, shisho, tantoka, chikatsu"
        in lines
    )
    assert "meta.period = FY2023–FY2026" in lines
    assert "courses/course-2024/items/welfare-workers: help.kinds = []" in lines
    assert len(lines) == len(set(lines))  # every fact names where it is


def test_records_and_milestones_are_one_line_each() -> None:
    data = {
        "courses": [{"id": "c", "items": [{
            "id": "i", "decision": {"date": "2025-03-01", "note": "決定"},
            "tasks": [{"id": "t", "history": [
                {"status": "in_progress", "date": "2024-06-01"},
                {"status": "done", "date": "2025-02-10", "fiscal_year": 2024, "by": "地活課", "note": "済"},
            ]}],
        }]}],
    }  # fmt: skip
    assert canonical_lines(data) == [
        'courses/c/items/i: decision = 2025-03-01 "決定"',
        "courses/c/items/i/tasks/t: history[0] = in_progress 2024-06-01",
        'courses/c/items/i/tasks/t: history[1] = done 2025-02-10 FY2024 by "地活課" "済"',
    ]


def test_formatting_does_not_change_the_lines() -> None:
    block = b"meta:\n  id: x\n  period:\n    from: 2023\n    to: 2026\nowners:\n  - id: a\n    name: {ja: A}\n"
    flow = b"# a comment\nowners: [{name: {ja: 'A'}, id: a}]\nmeta: {period: {to: 2026, from: 2023}, id: \"x\"}\n"
    assert textconv_bytes(block, "a")[0] == textconv_bytes(flow, "b")[0]


def test_invalid_yaml_falls_back_to_the_raw_text(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes("meta: [\n  タイトル\n".encode())
    result = invoke(runner, "textconv", str(broken))
    assert result.exit_code == 0
    assert result.stdout_bytes == broken.read_bytes()
    assert "jtr textconv:" in result.stderr and "showing the file as it is" in result.stderr
    sjis = tmp_path / "sjis.yaml"
    sjis.write_bytes("a: 長野市\n".encode("cp932"))
    result = invoke(runner, "textconv", str(sjis))
    assert result.exit_code == 0 and result.stdout_bytes == sjis.read_bytes()
    result = invoke(runner, "textconv", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2 and "missing.yaml: no such file" in result.stderr


def test_a_small_roadmap_renders_completely() -> None:
    out, error = textconv_bytes(MINIMAL.read_bytes(), "minimal.yaml")
    assert error is None
    text = out.decode()
    assert "courses/c2024/items/item-a/tasks/task-a1: history[0] = in_progress 2024-05-01" in text
    assert "courses/c2024/items/item-a/tasks/task-a2: recurring = true" in text
    assert "courses/c2024/items/item-b: shaded = null" in text
