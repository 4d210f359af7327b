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
