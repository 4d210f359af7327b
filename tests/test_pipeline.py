"""One pipeline: every command that reads a roadmap refuses what `jtr validate` refuses.

Each file of the bad-input corpus goes through every view, export and edit. Where `jtr
validate` finds errors, each command exits 1 and prints the same errors (file, line, column
and code), never a traceback and never a report built from data that validation refuses.
Where validate finds only warnings (or nothing), the commands run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import invoke
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad"
ERROR = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): error: .* \[(?P<code>[a-z0-9-]+)\]$", re.M
)

# Every command that reads a roadmap as the plan it works on. `diff` and `textconv` are left
# out on purpose: they compare revisions, broken ones too, and must not refuse them.
VIEWS = [
    ["status", "--as-of", "2025-03-31"],
    ["status", "--as-of", "2025-03-31", "--format", "json"],
    ["timeline", "--as-of", "2025-03-31", "--width", "100"],
    ["show", "item-a", "--as-of", "2025-03-31"],
    ["list", "--kind", "tasks"],
]
EXPORTS = ["json", "csv", "tsv", "markdown", "ics", "mermaid", "html", "svg", "xlsx"]
EDITS = [
    ["set", "task-a1", "--status", "done", "--date", "2025-01-10", "--dry-run"],
    ["decide", "item-a", "--date", "2025-01-10", "--dry-run"],
    ["realise", "item-a", "--date", "2025-01-10", "--dry-run"],
]


def _corpus() -> list[str]:
    return sorted(p.name for p in BAD.iterdir() if p.is_file())


def _errors(output: str) -> set[tuple[str, str, str]]:
    return {(m["line"], m["column"], m["code"]) for m in ERROR.finditer(output)}


def _commands(path: Path, out: Path, every: bool) -> list[list[str]]:
    # The fast run takes one view and one edit (every export shares the views' pipeline, and
    # the slow run takes them all).
    exports = EXPORTS if every else []
    commands = [[*view, "-f", str(path)] for view in (VIEWS if every else VIEWS[:1])]
    commands += [
        ["export", "--format", fmt, "-f", str(path), "-o", str(out / f"export.{fmt}")]
        for fmt in exports
    ]
    commands += [[*edit, "-f", str(path)] for edit in (EDITS if every else EDITS[:1])]
    return commands


def _check(runner: CliRunner, name: str, tmp_path: Path, every: bool) -> None:
    path = tmp_path / name
    path.write_bytes((BAD / name).read_bytes())
    before = path.read_bytes()
    checked = invoke(runner, "validate", str(path))
    refused = checked.exit_code == 1 and bool(_errors(checked.output))
    out = tmp_path / "out"
    out.mkdir()
    for args in _commands(path, out, every):
        result = invoke(runner, *args)
        shown = f"jtr {' '.join(args)} → {result.exit_code}\n{result.output[:2000]}"
        if refused:
            assert result.exit_code == 1, shown
            assert _errors(result.output) == _errors(checked.output), shown
            assert "jtr validate" in result.output, shown
        elif checked.exit_code == 2:
            assert result.exit_code == 2, shown
        else:  # valid, or warnings only: the command runs (an edit may not find its id)
            allowed = (0, 2) if args[0] in {"set", "decide", "realise", "show"} else (0,)
            assert result.exit_code in allowed, shown
    assert path.read_bytes() == before
    if refused:
        assert not list(out.iterdir()), "an export of a refused roadmap was written"


@pytest.mark.parametrize("name", _corpus())
def test_every_corpus_file_meets_one_pipeline(runner: CliRunner, name: str, tmp_path: Path) -> None:
    _check(runner, name, tmp_path, every=False)


@pytest.mark.slow
@pytest.mark.parametrize("name", _corpus())
def test_every_command_over_every_corpus_file(runner: CliRunner, name: str, tmp_path: Path) -> None:
    _check(runner, name, tmp_path, every=True)


def test_a_schema_level_error_reaches_the_views(runner: CliRunner, tmp_path: Path) -> None:
    """A misspelt key (`histroy:`) used to make `status` count a done task as overdue without
    a word, because the views skipped the schema."""
    text = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    marker = "          - id: task-a1\n"
    assert marker in text
    path = tmp_path / "roadmap.yaml"
    path.write_text(
        text.replace(
            marker,
            marker + "            histroy:\n              - {status: done, date: 2024-06-01}\n",
        ),
        encoding="utf-8",
    )
    result = invoke(runner, "status", "-f", str(path), "--as-of", "2025-03-31")
    assert result.exit_code == 1, result.output
    assert "histroy" in result.output
    assert "[schema]" in result.output
