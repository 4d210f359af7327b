"""Running jtr in-process from a test: one definition, used by every test file.

`runner` (a fixture in conftest.py) is the CliRunner; `invoke` runs `jtr ARGS` through it and
fails the test on a crash (any exception but SystemExit) or a printed traceback, so no test
can mistake a crash for an exit code; `run` is the same, answering (exit code, stdout, stderr).
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from jtr.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def checked(result: Result, args: tuple[str, ...] | list[str]) -> Result:
    """`result` if jtr ran to an exit code without crashing; the test fails otherwise."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        detail = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"jtr {' '.join(args)} crashed:\n{detail}")
    assert "Traceback" not in result.output, result.output
    return result


def invoke(runner: CliRunner, *args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """`jtr ARGS`, checked: it must end in an exit code, not a crash."""
    return checked(runner.invoke(app, list(args), env=env), args)


def run(
    runner: CliRunner, *args: str, env: Mapping[str, str | None] | None = None
) -> tuple[int, str, str]:
    """`jtr ARGS`, checked as by invoke: (exit code, stdout, stderr)."""
    result = invoke(runner, *args, env=env)
    return result.exit_code, result.stdout, result.stderr


def git(repo: Path, *args: str, date: str | None = None, **env: str) -> str:
    """`git ARGS` in `repo`, isolated from the user's and the system's git configuration;
    `date` sets the author and committer dates."""
    import os
    import subprocess

    environ = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), **env}
    if date:
        environ["GIT_AUTHOR_DATE"] = environ["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(
        ["git", *args], cwd=repo, env=environ, capture_output=True, text=True, check=True
    )
    return done.stdout


def new_repo(
    root: Path,
    first: Path,
    *,
    author: str = "A",
    email: str = "a@example.org",
    subject: str = "one",
    date: str | None = None,
) -> Path:
    """A git work tree at `root` whose first commit holds `first` as data/roadmap.yaml; the
    roadmap's path in it."""
    import shutil

    (root / "data").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", email)
    git(root, "config", "user.name", author)
    roadmap = root / "data" / "roadmap.yaml"
    shutil.copy(first, roadmap)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", subject, date=date)
    return roadmap
