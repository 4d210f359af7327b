"""`jtr setup-git`: make `git diff` and `git log -p` of the roadmap show plan-level lines.

Two settings, both idempotent: the `.gitattributes` line `PATH diff=jtr` at the top of the
work tree (PATH the roadmap's path in the repository; a file to commit, so every clone gets
it) and the repository's own `git config diff.jtr.textconv COMMAND`, COMMAND naming the jtr
that runs now by its absolute path (a bare `jtr` fails wherever jtr's folder is not on PATH,
as after `pip install` into a venv that is not activated).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from jtr.labels import message
from jtr.review.gitio import GitError, locate, run_git

DRIVER = "jtr"
CONFIG_KEY = f"diff.{DRIVER}.textconv"


class GitSetup(NamedTuple):
    """What `jtr setup-git` finds and would change in one repository."""

    top: Path  # the work tree's top level
    attributes: Path  # its .gitattributes
    line: str  # the attribute line for the roadmap
    has_line: bool  # .gitattributes already says it
    command: str  # the textconv command jtr wants
    current: str | None  # what the repository's config says now

    @property
    def changes(self) -> bool:
        return not self.has_line or self.current != self.command


def jtr_command(argv0: str | None = None, executable: str | None = None) -> str:
    """The running jtr as a shell command git can run from any folder: the absolute path of
    the `jtr` script when jtr was started as one, else `PYTHON -m jtr`; each part quoted."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    script = Path(argv0)
    if script.stem == "jtr" and script.suffix.lower() in ("", ".exe") and script.is_file():
        return _quote([str(script.resolve())])
    return _quote([str(Path(executable).absolute()), "-m", "jtr"])


def _quote(parts: Sequence[str]) -> str:
    # git runs a textconv command through a POSIX shell (Git for Windows brings its own): a
    # Windows path's backslashes are safe inside single quotes, which shlex adds where needed.
    return " ".join(
        shlex.quote(part.replace("\\", "/") if os.sep == "\\" else part) for part in parts
    )


def attribute_pattern(rel: str) -> str:
    """A path as a .gitattributes pattern matching only itself."""
    escaped = "".join("\\" + c if c in "*?[]\\!#" else c for c in rel)
    if any(c.isspace() or c == '"' for c in escaped):
        return '"' + escaped.replace('"', '\\"') + '"'
    return escaped


def _has_line(text: str, pattern: str) -> bool:
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if pattern.startswith('"'):
            first, _, rest = line.partition('" ')
            first += '"'
        else:
            first, _, rest = line.partition(" ")
        if first == pattern and f"diff={DRIVER}" in rest.split():
            return True
    return False


def plan(roadmap: Path, command: str | None = None) -> GitSetup:
    """What the repository holding `roadmap` has and needs; GitError outside a repository."""
    repo = locate(roadmap)
    line = f"{attribute_pattern(repo.rel)} diff={DRIVER}"
    attributes = repo.top / ".gitattributes"
    try:
        text = attributes.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise GitError(message("err_cannot_read_attributes", file=attributes, reason=exc)) from None
    try:
        current: str | None = (
            run_git(["config", "--local", "--get", CONFIG_KEY], repo.top).decode("utf-8").strip()
        )
    except GitError:  # not set (git exits 1 with nothing to say)
        current = None
    return GitSetup(
        repo.top,
        attributes,
        line,
        _has_line(text, line.rsplit(" ", 1)[0]),
        command or f"{jtr_command()} textconv",
        current,
    )


def apply(setup: GitSetup) -> None:
    """Write what `setup` lacks: the attribute line (appended on a line of its own) and the
    config value; nothing that is already there."""
    if not setup.has_line:
        try:
            old = setup.attributes.read_bytes()
        except FileNotFoundError:
            old = b""
        newline = b"\r\n" if b"\r\n" in old else b"\n"
        sep = newline if old and not old.endswith(b"\n") else b""
        with setup.attributes.open("ab") as out:
            out.write(sep + setup.line.encode("utf-8") + newline)
    if setup.current != setup.command:
        run_git(["config", "--local", CONFIG_KEY, setup.command], setup.top)
