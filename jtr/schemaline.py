"""Which schema a roadmap is checked against: the one its `# yaml-language-server: $schema=`
line names, when jtr may follow it, else jtr's own.

Kept apart from jtr.schema (JSON, the meta-schema, references) because every run asks it,
the cached `jtr status` too, which must not pay for what checking a schema needs.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from jtr.fileio import ReadError
from jtr.labels import message

SCHEMA_FILENAME = "schema.json"
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # https:, file:, urn: (not C:\)


def packaged_schema_path() -> Path:
    """The schema shipped with jtr: `jtr/schema.json` in a wheel, `data/schema.json` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / SCHEMA_FILENAME, here.parent / "data" / SCHEMA_FILENAME):
        if candidate.is_file():
            return candidate
    raise ReadError(message("find_schema_not_installed"))


def choose_schema(roadmap: Path, text: str, display: str | None = None) -> Path:
    """The schema for a roadmap: the one its `# yaml-language-server: $schema=` line names,
    if that is a readable regular file inside the roadmap's folder or its git work tree;
    otherwise jtr's own.

    A line naming anything else (a URL, a path leading outside through `..`, an absolute path
    or a symlink, a missing or unreadable file) is never followed: jtr says so once, as a
    notice (see jtr.notices), naming the schema it uses instead. Nothing outside the trusted
    folders is even looked at.
    """
    match = _MODELINE.search(text[:4096])
    if not match:
        return packaged_schema_path()
    target = match.group(1)
    problem = _declared_problem(roadmap, target)
    if isinstance(problem, Path):
        return problem
    packaged = packaged_schema_path()
    line = text.count("\n", 0, match.start()) + 1
    from jtr import notices
    from jtr.escape import quote, terminal

    notices.say(
        message(
            "find_schemaline_ignored",
            file=terminal(display or str(roadmap)),
            line=line,
            target=quote(target),
            problem=problem,
            packaged=terminal(_shown(packaged)),
        )
    )
    return packaged


def declared_schema_path(roadmap: Path, text: str) -> Path | None:
    """The schema a roadmap's `$schema` line names, if jtr may use it (see choose_schema);
    None when there is no such line or jtr will not follow it. Says nothing."""
    match = _MODELINE.search(text[:4096])
    found = _declared_problem(roadmap, match.group(1)) if match else None
    return found if isinstance(found, Path) else None


def _declared_problem(roadmap: Path, target: str) -> Path | str:
    """The real path of the schema a `$schema` line names, or why it is not used (in this
    run's language: the words follow `which` in the notice)."""
    if _URI_SCHEME.match(target) or target.startswith("//"):
        return message("find_schemaline_not_local")
    try:
        folder = Path(os.path.realpath(roadmap.parent))
        real = Path(os.path.realpath(folder / target))  # every symlink followed, `..` applied
    except (OSError, ValueError) as exc:  # a NUL byte, a name too long
        return message("find_schemaline_unreadable", reason=exc)
    if not any(real.is_relative_to(root) for root in _trusted_roots(folder)):
        return message("find_schemaline_outside")
    try:
        info = real.stat()
    except FileNotFoundError:
        return message("find_schemaline_missing")
    except OSError as exc:
        return message("find_schemaline_unreadable", reason=exc.strerror or exc)
    if not stat.S_ISREG(info.st_mode):
        return message("find_schemaline_not_regular")
    if not os.access(real, os.R_OK):
        return message("find_schemaline_no_permission")
    return real


def _trusted_roots(folder: Path) -> list[Path]:
    """The roadmap's own folder (a real path) and the git work tree it lies in, if any: the
    nearest folder above it holding `.git` (git itself is not run)."""
    roots = [folder]
    for parent in (folder, *folder.parents):
        if os.path.lexists(parent / ".git"):
            roots.append(parent)
            break
    return roots


def _shown(path: Path) -> str:
    """A path as the user may type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
