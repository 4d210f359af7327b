"""`--rev` on status, timeline and show: the roadmap as committed, read with git itself."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jtr.cli import app

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=jtr", "-c", "user.email=jtr@example.invalid", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "plan as published")
    roadmap = tmp_path / "data" / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    marker = "          - id: labour-management-desk\n"
    assert marker in text
    roadmap.write_text(
        text.replace(
            marker,
            marker + "            history:\n              - {status: done, date: 2024-10-01}\n",
        ),
        encoding="utf-8",
    )
    git(tmp_path, "commit", "-q", "-am", "desk opened")
    return tmp_path


def done(runner: CliRunner, *args: str) -> int:
    result = runner.invoke(app, ["status", "--as-of", "2026-11-26", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return sum(c["tasks"]["by_state"]["done"] for c in json.loads(result.stdout)["courses"])


def test_status_at_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    runner = CliRunner()
    assert done(runner) == 1
    assert done(runner, "--rev", "HEAD") == 1
    assert done(runner, "--rev", "HEAD~1") == 0


def test_timeline_and_show_at_a_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "data")  # discovery from inside the repository
    monkeypatch.delenv("JTR_ROADMAP", raising=False)
    runner = CliRunner()
    now = runner.invoke(app, ["show", "labour-management-desk", "--format", "json"])
    before = runner.invoke(
        app, ["show", "labour-management-desk", "--format", "json", "--rev", "HEAD~1"]
    )
    assert json.loads(now.stdout)["state"] == "done"
    assert json.loads(before.stdout)["history"] == []
    timeline = runner.invoke(
        app,
        [
            "timeline",
            "--rev",
            "HEAD~1",
            "--as-of",
            "2026-11-26",
            "--lang",
            "en",
            "--ascii",
            "--width",
            "200",
        ],
    )
    assert (
        timeline.exit_code == 0 and "Open a labour-management consultation desk" in timeline.stdout
    )


def test_bad_revision_and_outside_git(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    runner = CliRunner()
    result = runner.invoke(app, ["status", "--rev", "no-such-rev"])
    assert result.exit_code == 2 and "unknown revision 'no-such-rev'" in result.stderr
    elsewhere = tmp_path_factory.mktemp("plain")
    shutil.copytree(ROOT / "data", elsewhere / "data")
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["status", "--rev", "HEAD"])
    assert result.exit_code == 2 and "Traceback" not in result.output
