"""Reading, locking and writing a roadmap for an edit.

The file is read and the edit planned under an exclusive lock on a separate lock file, then
written atomically (jtr.fileio.atomic_write); if something else saved it meanwhile, it is read
and planned again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from jtr.edit.errors import EditError
from jtr.edit.planning import Edit, Outcome, plan
from jtr.fileio import (
    ChangedOnDisk,
    ReadError,
    UnsafeTarget,
    atomic_write,
    check_input,
    read_limited,
)


def lock_path(path: Path) -> Path:
    """The lock file of a roadmap: `.NAME.lock` next to it (the file itself is replaced on
    every write, so a lock on it would be lost)."""
    return path.with_name(f".{path.name}.lock")


DEFAULT_WAIT = 60.0
_POLL = 0.05  # seconds between attempts to take a lock someone else holds


def _open_lock(lock: Path) -> int:
    """The lock file's descriptor, created if missing; never through a symbolic link (its
    target is neither created nor opened), and only if it is a regular file."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    if not nofollow and os.path.islink(lock):  # no O_NOFOLLOW here: check first
        raise EditError(_symlinked_lock(lock))
    flags = os.O_RDWR | os.O_CREAT | nofollow | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(lock, flags | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        if os.path.islink(lock):
            raise EditError(_symlinked_lock(lock)) from None
        raise EditError(
            f"{lock}: cannot create the lock file ({exc.strerror}); is the folder writable?"
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise EditError(f"{lock}: the lock file is not a regular file; remove it and try again")
    return fd


def _symlinked_lock(lock: Path) -> str:
    return (
        f"{lock}: the lock file is a symbolic link; jtr does not follow it (nothing was "
        "written): remove the link and try again"
    )


@contextlib.contextmanager
def locked(
    path: Path,
    on_wait: Callable[[], None] | None = None,
    wait: float = DEFAULT_WAIT,
    name: str | None = None,
) -> Iterator[None]:
    """Hold the exclusive lock of `path` within the block. If another process holds it, call
    `on_wait` once and try again until `wait` seconds have passed, then raise EditError."""
    import fcntl

    fd = _open_lock(lock_path(path))
    try:
        deadline = time.monotonic() + wait
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise EditError(
                        f"{name or path}: another edit still holds its lock ({lock_path(path).name}) "
                        f"after {wait:g} s; nothing was written (--wait SECONDS to wait longer)"
                    ) from None
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                time.sleep(min(_POLL, max(deadline - time.monotonic(), 0.0)))
        yield
    finally:
        os.close(fd)  # closing releases the lock; the lock file stays for the next edit


def _read(path: Path, name: str) -> tuple[bytes, os.stat_result]:
    try:
        return read_limited(path, name)
    except ReadError as exc:
        raise EditError(str(exc)) from None


def _check_writable(path: Path, info: os.stat_result, name: str) -> None:
    # Checked on the mode bits as well: root may write anything, but a file someone made
    # read-only is not meant to be edited.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise EditError(
            f"{name}: the file is read-only (mode {stat.filemode(info.st_mode)}); nothing was "
            "written"
        )


def _remove_stale_temporaries(path: Path) -> None:
    # Only the holder of the lock writes temporary files: any left now are from a killed run.
    import glob

    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()


def apply(
    path: Path,
    edit: Edit,
    *,
    display: str | None = None,
    dry_run: bool = False,
    on_wait: Callable[[], None] | None = None,
    wait: float = DEFAULT_WAIT,
) -> Outcome:
    """Plan the edit and, unless dry_run, write it. Raises EditError or EditInvalid.

    Waits up to `wait` seconds for another edit holding the lock (calling `on_wait` once)."""
    name = display or str(path)
    if dry_run:
        raw, _info = _read(path, name)
        return plan(raw, edit, path, name)
    try:  # a missing, broken or odd file is refused before a lock file is created
        check_input(path, name)
    except ReadError as exc:
        raise EditError(str(exc)) from None
    real = Path(os.path.realpath(path))  # write through a symlink, keep the link
    with locked(real, on_wait, wait, name):
        _remove_stale_temporaries(real)
        for _attempt in range(5):
            raw, info = _read(real, name)  # under the lock: the file as it is now
            _check_writable(real, info, name)
            outcome = plan(raw, edit, path, name)  # the schema line is read relative to `path`
            if not outcome.changed:
                return outcome
            try:
                atomic_write(real, outcome.new, info)
            except ChangedOnDisk:
                continue  # saved by something else meanwhile (an editor): read it again
            except UnsafeTarget as exc:
                raise EditError(f"{exc}; the file is unchanged") from None
            except OSError as exc:
                raise EditError(
                    f"{name}: cannot write: {exc.strerror or exc}; the file is unchanged"
                ) from None
            return outcome
    raise EditError(f"{name}: the file keeps changing on disk; nothing was written, try again")
