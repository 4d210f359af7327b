"""A cache of parsed files: roadmaps that passed the views' checks, so that the views need
neither a YAML parser nor the checks again, and schemas that passed their meta-schema.

An entry holds the file's exact bytes next to the data parsed from them, and the exact bytes
of what the result also depends on (for a roadmap, the schema it was checked against); it is
used only when all of them are identical, so it can never be stale. Entries are named after the file's
path and replaced atomically. Anything wrong with the cache (missing, unreadable, corrupt, a
read-only disk) just means a normal parse. `JTR_NO_CACHE=1` turns it off; `JTR_CACHE_DIR`
moves it (default `$XDG_CACHE_HOME/jtr`, else `~/.cache/jtr`).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

from jtr import __version__

# Part of every entry: a new jtr (whose loader may read YAML differently) ignores old entries.
# 2: entries depend on the schema's bytes, and the loader refuses more than version 1 did.
_FORMAT = f"jtr-cache-2/{__version__}"


def cache_dir() -> Path | None:
    if os.environ.get("JTR_NO_CACHE"):
        return None
    if configured := os.environ.get("JTR_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jtr"


def _entry(path: Path | None, raw: bytes, kind: str) -> Path | None:
    """A roadmap's entry is named after its path: one per file, replaced as the file changes.
    With no path the entry is named after the content, so every copy of a schema shares one."""
    folder = cache_dir()
    if folder is None:
        return None
    if path is None:
        return folder / f"{kind}-{len(raw)}-{zlib.crc32(raw):08x}.marshal"
    real = os.path.realpath(path)
    tag = zlib.crc32(real.encode("utf-8", "surrogateescape"))
    return folder / f"{Path(real).name}-{tag:08x}.{kind}.marshal"


def lookup(
    path: Path | None, raw: bytes, kind: str = "roadmap", depends: bytes = b""
) -> dict[str, Any] | None:
    """The data parsed earlier from exactly these bytes, stored with exactly these `depends`
    bytes (a roadmap: its schema's), or None."""
    entry = _entry(path, raw, kind)
    if entry is None:
        return None
    try:
        form, cached_raw, cached_depends, data = marshal.loads(entry.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if form != _FORMAT or cached_raw != raw or cached_depends != depends:
        return None
    return data if isinstance(data, dict) else None


def store(
    path: Path | None,
    raw: bytes,
    data: dict[str, Any],
    kind: str = "roadmap",
    depends: bytes = b"",
) -> None:
    """Remember the data parsed from these bytes (with what else it depends on, see lookup);
    silently does nothing if it cannot."""
    entry = _entry(path, raw, kind)
    if entry is None:
        return
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_FORMAT, raw, depends, data)))
        os.replace(tmp, entry)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
