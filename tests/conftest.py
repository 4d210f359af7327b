"""Shared test set-up."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own parse cache, never the user's ~/.cache/jtr."""
    folder = tmp_path_factory.mktemp("jtr-cache")
    monkeypatch.setenv("JTR_CACHE_DIR", str(folder))
    monkeypatch.delenv("JTR_NO_CACHE", raising=False)
    return folder
