"""Shared test set-up: a private parse cache and a clean environment for every test, the
`runner`, `workspace` and `shipped` fixtures, and the `slow` tests that `--slow` runs.

Running jtr in-process (`invoke`, `run`) is in tests/helpers.py.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA
from typer.testing import CliRunner

from jtr import fileio
from jtr.labels import set_lang

# Settings of the user's shell that would change what jtr does or prints; no test sees them.
USER_SETTINGS = (
    "JTR_ROADMAP",
    "JTR_LANG",
    "NO_COLOR",
    "FORCE_COLOR",
    fileio.MAX_BYTES_ENV,
    fileio.PAUSE_ENV,
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the slow tests (real pre-commit, headless browser, mermaid's parser, "
        "concurrent writers); the README's test command and CI do",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds each; runs only with --slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow (the README's test command does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jtr-cache")


@pytest.fixture(autouse=True)
def _test_cache(_session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's ~/.cache/jtr. One folder for the session: entries are keyed by exact
    bytes, so sharing is safe, and a schema is checked against its meta-schema once."""
    monkeypatch.setenv("JTR_CACHE_DIR", str(_session_cache))
    monkeypatch.delenv("JTR_NO_CACHE", raising=False)
    return _session_cache


@pytest.fixture
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An empty cache folder of the test's own, for tests that look inside it."""
    folder = tmp_path_factory.mktemp("jtr-private-cache")
    monkeypatch.setenv("JTR_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting of the user's reaches a test, and the locale is the same on every machine:
    English (jtr speaks Japanese when no locale says otherwise; tests that want Japanese ask
    with --lang ja or JTR_LANG)."""
    for name in USER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_lang(None)  # a run in-process chose a language: the next test starts from its locale


@pytest.fixture
def runner() -> CliRunner:
    """Runs jtr in-process; see helpers.invoke and helpers.run."""
    return CliRunner()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data/ folder (the roadmap naming ./schema.json) in tmp_path, which
    is the current directory."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def shipped(workspace: Path) -> Path:
    """The roadmap of `workspace`: a copy of data/roadmap.yaml, free to edit."""
    return workspace / "data" / "roadmap.yaml"


@pytest.fixture(scope="session", autouse=True)
def built_command() -> Iterator[Callable[..., Any]]:
    """Typer's CliRunner turns the app into a click command on every invoke (about 30 ms for
    jtr's 13 commands); the commands do not change during a run, so build them once.

    Typer has no public hook for this: CliRunner.invoke calls typer.testing._get_command. If a
    Typer release renames or stops using it, this fixture fails (here, or in
    tests/test_harness.py, which checks that invoke goes through the cached builder)."""
    import typer.main
    import typer.testing

    if getattr(typer.testing, "_get_command", None) is not typer.main.get_command:
        pytest.fail(
            "typer.testing no longer builds the command with typer.main.get_command under the "
            "name _get_command; update built_command in tests/conftest.py for this Typer",
            pytrace=False,
        )
    built = functools.cache(typer.main.get_command)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", built, raising=True)
        yield built
