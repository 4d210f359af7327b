"""`jtr setup-git`: make `git diff` and `git log -p` of the roadmap show plan-level lines, and
`git merge` merge it by id.

The settings, each idempotent: the `.gitattributes` line `PATH diff=jtr merge=jtr` at the top
of the work tree (PATH the roadmap's path in the repository; a file to commit, so every clone
gets it; a file that has `PATH diff=jtr` already gets a line `PATH merge=jtr`) and the
repository's own `git config diff.jtr.textconv COMMAND textconv`, `merge.jtr.driver COMMAND
merge-driver %O %A %B %P %L` and `merge.jtr.name`, COMMAND naming the jtr that runs now by
its absolute path (a bare `jtr` fails wherever jtr's folder is not on PATH, as after `pip
install` into a venv that is not activated).
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
MERGE_KEY = f"merge.{DRIVER}.driver"
MERGE_NAME_KEY = f"merge.{DRIVER}.name"
MERGE_NAME = "jtr merge-driver"
ATTRIBUTES = (f"diff={DRIVER}", f"merge={DRIVER}")


class Setting(NamedTuple):
    """One `git config` value jtr wants, and what the repository's config says now."""

    key: str
    wanted: str
    current: str | None


class GitSetup(NamedTuple):
    """What `jtr setup-git` finds and would change in one repository."""

    top: Path  # the work tree's top level
    attributes: Path  # its .gitattributes
    line: str  # the attribute line for the roadmap (with the attributes it lacks)
    has_line: bool  # .gitattributes already says them all
    command: str  # the textconv command jtr wants
    current: str | None  # what the repository's config says now
    settings: tuple[Setting, ...] = ()  # every config value, the textconv command first

    @property
    def changes(self) -> bool:
        return not self.has_line or any(s.current != s.wanted for s in self.settings)


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


def _attributes_of(text: str, pattern: str) -> set[str]:
    """The attributes the lines for exactly `pattern` set."""
    found: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if pattern.startswith('"'):
            first, _, rest = line.partition('" ')
            first += '"'
        else:
            first, _, rest = line.partition(" ")
        if first == pattern:
            found.update(rest.split())
    return found


def _config(key: str, top: Path) -> str | None:
    try:
        return run_git(["config", "--local", "--get", key], top).decode("utf-8").strip()
    except GitError:  # not set (git exits 1 with nothing to say)
        return None


def plan(roadmap: Path, command: str | None = None) -> GitSetup:
    """What the repository holding `roadmap` has and needs; GitError outside a repository."""
    repo = locate(roadmap)
    pattern = attribute_pattern(repo.rel)
    attributes = repo.top / ".gitattributes"
    try:
        text = attributes.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise GitError(message("err_cannot_read_attributes", file=attributes, reason=exc)) from None
    present = _attributes_of(text, pattern)
    missing = [a for a in ATTRIBUTES if a not in present]
    line = " ".join([pattern, *(missing or ATTRIBUTES)])
    jtr = command or jtr_command()
    settings = tuple(
        Setting(key, wanted, _config(key, repo.top))
        for key, wanted in (
            (CONFIG_KEY, f"{jtr} textconv"),
            (MERGE_KEY, f"{jtr} merge-driver %O %A %B %P %L"),
            (MERGE_NAME_KEY, MERGE_NAME),
        )
    )
    textconv = settings[0]
    return GitSetup(
        repo.top, attributes, line, not missing, textconv.wanted, textconv.current, settings
    )


def apply(setup: GitSetup) -> None:
    """Write what `setup` lacks: the attribute line (appended on a line of its own) and the
    config values; nothing that is already there."""
    if not setup.has_line:
        try:
            old = setup.attributes.read_bytes()
        except FileNotFoundError:
            old = b""
        newline = b"\r\n" if b"\r\n" in old else b"\n"
        sep = newline if old and not old.endswith(b"\n") else b""
        with setup.attributes.open("ab") as out:
            out.write(sep + setup.line.encode("utf-8") + newline)
    for setting in setup.settings:
        if setting.current != setting.wanted:
            run_git(["config", "--local", setting.key, setting.wanted], setup.top)
