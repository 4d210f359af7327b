"""The test harness itself: the shared fixtures and helpers do what conftest.py says."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from conftest import USER_SETTINGS
from helpers import DATA, checked, run
from typer.testing import CliRunner, Result

from jtr.cli import app


def test_invoke_goes_through_the_command_built_once(
    built_command: Callable[..., Any], runner: CliRunner
) -> None:
    assert isinstance(built_command, functools._lru_cache_wrapper)
    before = built_command.cache_info()
    runner.invoke(app, ["--help"])
    runner.invoke(app, ["--help"])
    after = built_command.cache_info()
    assert after.hits + after.misses == before.hits + before.misses + 2, "invoke bypassed it"
    assert after.misses <= max(before.misses, 1), "the command was built more than once"


def test_no_test_sees_the_users_settings() -> None:
    assert [name for name in USER_SETTINGS if name in os.environ] == []


def test_workspace_and_shipped_are_a_private_copy(workspace: Path, shipped: Path) -> None:
    assert Path.cwd() == workspace
    assert shipped == workspace / "data" / "roadmap.yaml"
    assert shipped.read_bytes() == (DATA / "roadmap.yaml").read_bytes()
    assert sorted(p.name for p in (workspace / "data").iterdir()) == sorted(
        p.name for p in DATA.iterdir()
    )


def test_run_answers_exit_code_and_streams(runner: CliRunner, shipped: Path) -> None:
    code, out, err = run(runner, "validate")
    assert code == 0 and "valid" in out + err
    code, out, err = run(runner, "show", "no-such-thing")
    assert code != 0 and err


def test_checked_fails_on_a_crash_or_a_printed_traceback() -> None:
    crash = cast(Result, SimpleNamespace(exception=RuntimeError("boom"), output=""))
    with pytest.raises(pytest.fail.Exception, match=r"jtr status crashed:(.|\n)*boom"):
        checked(crash, ["status"])
    printed = cast(Result, SimpleNamespace(exception=None, output="Traceback (most recent"))
    with pytest.raises(AssertionError):
        checked(printed, ["status"])
    exited = cast(Result, SimpleNamespace(exception=SystemExit(1), output="error: …"))
    assert checked(exited, ["status"]) is exited
