"""Which roadmap a command works on: --file, else $JTR_ROADMAP, else the nearest data/roadmap.yaml."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from jtr.labels import message

ENV_VAR = "JTR_ROADMAP"
DEFAULT_RELATIVE = Path("data") / "roadmap.yaml"


class RoadmapNotFound(Exception):
    """No roadmap to work on, or the one named is a symbolic link loop or a dangling link."""


def find_roadmap(
    explicit: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path:
    """The roadmap's path: `explicit`, else $JTR_ROADMAP, else the nearest data/roadmap.yaml;
    RoadmapNotFound for none, a link loop, a dangling link or a directory.

    The search stops at the first data/roadmap.yaml that exists in any form (a dangling link,
    a folder, an unreadable file): a broken roadmap is reported, never skipped for a parent
    folder's. A path that is a symbolic link loop or a dangling link is refused here, once for
    every command (a plain missing path is left to the command: `diff` may read it from git).
    """
    from jtr.fileio import broken_link

    environ = os.environ if environ is None else environ
    if explicit is not None:
        found = explicit
    elif from_env := environ.get(ENV_VAR):
        found = Path(from_env)
    else:
        start = (cwd or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            candidate = folder / DEFAULT_RELATIVE
            if os.path.lexists(candidate):
                found = candidate
                break
        else:
            raise RoadmapNotFound(
                message(
                    "err_no_roadmap", setting=f"${ENV_VAR}", default=DEFAULT_RELATIVE, start=start
                )
            )
    problem = broken_link(found, display_path(found)) or not_a_directory(found)
    if problem is not None:
        raise RoadmapNotFound(problem)
    return found


def not_a_directory(path: Path) -> str | None:
    """`PATH: is a directory, not a file` for a folder given as the roadmap (by --file,
    $JTR_ROADMAP or a data/roadmap.yaml folder), else None: no command reads a folder as a
    roadmap, and `history` and `diff` would otherwise ask git for a whole tree."""
    if os.path.isdir(path):
        return message("err_is_directory", name=display_path(path))
    return None


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it.

    The file's own symbolic link is not followed (a link is shown as the link), and a link
    loop anywhere in the path is no error here."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        pass
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
