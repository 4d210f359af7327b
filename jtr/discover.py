"""Which roadmap a command works on: --file, else $JTR_ROADMAP, else the nearest data/roadmap.yaml."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "JTR_ROADMAP"
DEFAULT_RELATIVE = Path("data") / "roadmap.yaml"


class RoadmapNotFound(Exception):
    pass


def find_roadmap(
    explicit: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path:
    environ = os.environ if environ is None else environ
    if explicit is not None:
        return explicit
    from_env = environ.get(ENV_VAR)
    if from_env:
        return Path(from_env)
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / DEFAULT_RELATIVE
        if candidate.is_file():
            return candidate
    raise RoadmapNotFound(
        f"no roadmap found: no --file given, ${ENV_VAR} is not set, and there is no "
        f"{DEFAULT_RELATIVE} in {start} or any folder above it"
    )


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
