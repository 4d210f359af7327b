"""Shared test set-up: a private parse cache, and the `slow` tests that `--slow` runs."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest


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


@pytest.fixture(scope="session", autouse=True)
def _command_built_once() -> Iterator[None]:
    """Typer's CliRunner turns the app into a click command on every invoke (about 30 ms for
    jtr's 13 commands); the commands do not change during a run, so build them once."""
    import typer.main
    import typer.testing

    built = functools.cache(typer.main.get_command)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", built, raising=False)
        yield
