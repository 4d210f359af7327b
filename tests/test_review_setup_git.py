"""`jtr setup-git`: the .gitattributes line and the textconv command, once, so that `git diff`
shows jtr's lines with the jtr that ran it, whether or not its folder is on PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, git, invoke, new_repo
from typer.testing import CliRunner

from jtr.review.setup import jtr_command

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

TITLE = "ja: WGでの検討・方針決定（業務・雇用のあり方）"


def setup_git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m jtr setup-git ARGS` in `repo`, as a person would run it (sys.argv[0] is then
    jtr's __main__.py, so the command written is `PYTHON -m jtr textconv`)."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "JTR_LANG": "en"}
    env.pop("JTR_ROADMAP", None)
    return subprocess.run(
        [sys.executable, "-m", "jtr", "setup-git", *args],
        cwd=repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_setup_git_twice_then_git_diff_shows_jtr_lines(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    roadmap = new_repo(repo, ROOT / "data" / "roadmap.yaml")

    dry = setup_git(repo, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would add to .gitattributes: data/roadmap.yaml diff=jtr" in dry.stdout
    assert "would run: git config diff.jtr.textconv" in dry.stdout
    assert "would run: git config merge.jtr.driver" in dry.stdout
    assert "would run: git config merge.jtr.name" in dry.stdout
    assert not (repo / ".gitattributes").exists()
    assert git(repo, "config", "--local", "--list").count("diff.jtr") == 0

    first = setup_git(repo)
    assert first.returncode == 0, first.stderr
    assert "added data/roadmap.yaml diff=jtr" in first.stdout
    second = setup_git(repo)
    assert second.returncode == 0, second.stderr
    assert "already has data/roadmap.yaml diff=jtr" in second.stdout
    assert second.stdout.count("already set:") == 3

    assert (repo / ".gitattributes").read_text(
        encoding="utf-8"
    ) == "data/roadmap.yaml diff=jtr merge=jtr\n"
    command = git(repo, "config", "--get", "diff.jtr.textconv").strip()
    assert command == f"{jtr_command()} textconv"
    driver = git(repo, "config", "--get", "merge.jtr.driver").strip()
    assert driver == f"{jtr_command()} merge-driver %O %A %B %P %L"
    assert git(repo, "config", "--get", "merge.jtr.name").strip() == "jtr merge-driver"
    assert git(repo, "check-attr", "merge", "diff", "--", "data/roadmap.yaml") == (
        "data/roadmap.yaml: merge: jtr\ndata/roadmap.yaml: diff: jtr\n"
    )
    assert Path(sys.executable).absolute().as_posix() in command.replace("\\", "/")

    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace(TITLE, TITLE.replace("方針決定", "方針の決定"), 1), "utf-8")
    # PATH without jtr's folder: git must find jtr by the path written
    shown = git(repo, "diff", PATH="/usr/bin:/bin")
    assert (
        "+courses/course-2024/items/welfare-workers/tasks/welfare-workers-decide: title.ja = "
        "WGでの検討・方針の決定（業務・雇用のあり方）"
    ) in shown


def test_an_existing_gitattributes_is_kept_and_the_line_added_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    new_repo(repo, ROOT / "data" / "roadmap.yaml")
    (repo / ".gitattributes").write_bytes(b"*.png binary")  # no newline at the end
    git(repo, "config", "diff.jtr.textconv", "jtr textconv")  # the README's old advice
    monkeypatch.chdir(repo / "data")
    monkeypatch.setenv("HOME", str(tmp_path))
    for _ in range(2):
        result = invoke(runner, "setup-git", "--lang", "ja")
        assert result.exit_code == 0, result.output
    assert (
        repo / ".gitattributes"
    ).read_bytes() == b"*.png binary\ndata/roadmap.yaml diff=jtr merge=jtr\n"
    assert git(repo, "config", "--get", "diff.jtr.textconv").strip() != "jtr textconv"
    assert "は設定済みです" in result.stdout and "設定済みです: git config" in result.stdout


def test_a_line_from_an_older_setup_gets_the_merge_attribute_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository set up before `merge=jtr` existed: its line is kept as written, one line
    adds the merge attribute, and the textconv command already set is not written again."""
    repo = tmp_path / "repo"
    new_repo(repo, ROOT / "data" / "roadmap.yaml")
    (repo / ".gitattributes").write_bytes(b"data/roadmap.yaml diff=jtr\r\n")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("HOME", str(tmp_path))
    textconv = f"{jtr_command()} textconv"
    git(repo, "config", "diff.jtr.textconv", textconv)
    first = invoke(runner, "setup-git")
    assert first.exit_code == 0, first.output
    assert "added data/roadmap.yaml merge=jtr" in first.stdout
    assert first.stdout.count("already set:") == 1 and first.stdout.count("ran:") == 2
    expected = b"data/roadmap.yaml diff=jtr\r\ndata/roadmap.yaml merge=jtr\r\n"
    assert (repo / ".gitattributes").read_bytes() == expected
    config = git(repo, "config", "--local", "--list")
    second = invoke(runner, "setup-git")
    assert second.exit_code == 0, second.output
    assert "already has data/roadmap.yaml diff=jtr merge=jtr" in second.stdout
    assert second.stdout.count("already set:") == 3
    assert (repo / ".gitattributes").read_bytes() == expected
    assert git(repo, "config", "--local", "--list") == config
    assert git(repo, "config", "--get", "diff.jtr.textconv").strip() == textconv


def test_outside_a_repository_it_says_so(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "roadmap.yaml", tmp_path / "data" / "roadmap.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "setup-git")
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("jtr: error: ") and "not inside a git repository" in result.stderr
    )


def test_the_command_is_the_running_jtr_by_its_absolute_path(tmp_path: Path) -> None:
    script = tmp_path / "venv bin" / "jtr"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert jtr_command(str(script), "/py") == f"'{script.resolve()}'"
    assert jtr_command("/x/pytest", "/opt/py 3/python") == "'/opt/py 3/python' -m jtr"
