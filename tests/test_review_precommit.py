"""The `jtr-validate` pre-commit hook, run through the real `pre-commit try-repo`.

pre-commit installs jtr into its own virtualenv from a snapshot of this checkout (committed
in a temporary repository, so uncommitted work is what gets tested), which needs PyPI for
jtr's dependencies and takes about half a minute; both tests share that one environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(PRE_COMMIT).exists() or shutil.which("git") is None,
        reason="needs pre-commit and git",
    ),
]


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a user's `repo:` would point at: jtr's sources with .pre-commit-hooks.yaml."""
    src = tmp_path_factory.mktemp("jtr-src")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, src / name)
    (src / "data").mkdir()
    shutil.copy(ROOT / "data" / "schema.json", src / "data" / "schema.json")
    shutil.copytree(ROOT / "jtr", src / "jtr", ignore=shutil.ignore_patterns("__pycache__"))
    git(src, "init", "-q")
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "jtr")
    return src


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, hook_repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("JTR_ROADMAP", None)
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(hook_repo), "jtr-validate", "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def roadmap_repo(path: Path, text: str) -> Path:
    (path / "data").mkdir(parents=True)
    (path / "data" / "roadmap.yaml").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "schema.json", path / "data" / "schema.json")
    git(path, "init", "-q")
    git(path, "add", "-A")
    return path


def test_hook_passes_on_a_good_roadmap(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    repo = roadmap_repo(
        tmp_path / "good", (ROOT / "data" / "roadmap.yaml").read_text(encoding="utf-8")
    )
    done = try_repo(repo, hook_repo, pre_commit_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "jtr validate" in done.stdout and "Passed" in done.stdout


def test_hook_fails_with_positioned_messages(
    tmp_path: Path, hook_repo: Path, pre_commit_home: Path
) -> None:
    text = (ROOT / "data" / "roadmap.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    owner = next(n for n, line in enumerate(lines) if line == "          - chikatsu\n")
    lines[owner] = "          - chikatu\n"
    repo = roadmap_repo(tmp_path / "bad", "".join(lines))
    done = try_repo(repo, hook_repo, pre_commit_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    expected = (
        f"data/roadmap.yaml:{owner + 1}:13: error: unknown owner 'chikatu'; "
        "did you mean 'chikatsu'? [unknown-reference]"
    )
    assert expected in done.stdout


def test_hook_definition() -> None:
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "jtr-validate" and hook["entry"] == "jtr validate"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("data/roadmap.yaml", "roadmap.yml", "plans/roadmap-2025.yaml", "data/schema.json"):
        assert files.search(path), path
    for path in ("README.md", "data/other.yaml", "docs/roadmap.md"):
        assert not files.search(path), path
