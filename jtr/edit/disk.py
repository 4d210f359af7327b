"""Reading, locking and writing a roadmap for an edit.

The file is read and the edit planned under an exclusive lock on a separate lock file, then
written atomically (jtr.fileio.atomic_write); if something else saved it meanwhile, it is read
and planned again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Protocol

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
from jtr.labels import message


def lock_path(path: Path) -> Path:
    """The lock file of a roadmap: `.NAME.lock` next to it (the file itself is replaced on
    every write, so a lock on it would be lost)."""
    return path.with_name(f".{path.name}.lock")


DEFAULT_WAIT = 60.0
_POLL = 0.05  # seconds between attempts to take a lock someone else holds


def _is_link(path: Path) -> bool:
    """Whether `path` is a symbolic link, or on Windows any reparse point (a junction too)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    attributes: int = getattr(info, "st_file_attributes", 0)
    return stat.S_ISLNK(info.st_mode) or bool(attributes & stat.FILE_ATTRIBUTE_REPARSE_POINT)


def _open_lock(lock: Path) -> int:
    """The lock file's descriptor, created if missing; never through a symbolic link (its
    target is neither created nor opened), and only if it is a regular file.

    Where the system has no O_NOFOLLOW (Windows), the path is checked before it is opened and
    the file opened is checked to be the one the path names, not a link's target."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    if not nofollow and _is_link(lock):  # no O_NOFOLLOW here: check first
        raise EditError(_symlinked_lock(lock))
    flags = os.O_RDWR | os.O_CREAT | nofollow | getattr(os, "O_NONBLOCK", 0)
    flags |= (
        getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(lock, flags, 0o644)
    except OSError as exc:
        if _is_link(lock):
            raise EditError(_symlinked_lock(lock)) from None
        raise EditError(message("err_lock_cannot_create", lock=lock, reason=exc.strerror)) from None
    info = os.fstat(fd)
    if not nofollow and not _names(lock, info):  # made a link between the check and the open
        os.close(fd)
        raise EditError(_symlinked_lock(lock))
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise EditError(message("err_lock_not_regular", lock=lock))
    return fd


def _names(lock: Path, opened: os.stat_result) -> bool:
    """Whether the path `lock`, not followed, is the file `opened`."""
    try:
        return not _is_link(lock) and os.path.samestat(os.lstat(lock), opened)
    except OSError:
        return False


def _symlinked_lock(lock: Path) -> str:
    return message("err_lock_is_link", lock=lock)


# The one place that knows how a system locks a file: flock where there is fcntl (Linux,
# macOS, the BSDs), a one-byte region lock with msvcrt on Windows. Both belong to the open
# descriptor (two opens in one process exclude each other too) and end when it is closed.


class _Locker(Protocol):
    def try_lock(self, fd: int) -> bool:
        """Take the exclusive lock without waiting: False if someone else holds it."""
        ...

    def unlock(self, fd: int) -> None: ...


class _Flock:
    def __init__(self, fcntl: ModuleType) -> None:
        self.fcntl = fcntl

    def try_lock(self, fd: int) -> bool:
        try:
            self.fcntl.flock(fd, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class _Msvcrt:
    # msvcrt.locking locks bytes from the current position: always the first byte (a region
    # past the end of the file may be locked). A held region fails at once with EACCES.
    _BUSY = frozenset({errno.EACCES, errno.EDEADLK})

    def __init__(self, msvcrt: ModuleType) -> None:
        self.msvcrt = msvcrt

    def try_lock(self, fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in self._BUSY:
                return False
            raise
        return True

    def unlock(self, fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)


def _locker() -> _Locker:
    """The system's way of locking a file, imported only now (only edits lock)."""
    import importlib

    for name, kind in (("fcntl", _Flock), ("msvcrt", _Msvcrt)):
        try:
            return kind(importlib.import_module(name))
        except ImportError:
            continue
    raise EditError(message("err_no_file_locking"))


@contextlib.contextmanager
def locked(
    path: Path,
    on_wait: Callable[[], None] | None = None,
    wait: float = DEFAULT_WAIT,
    name: str | None = None,
) -> Iterator[None]:
    """Hold the exclusive lock of `path` within the block. If another process holds it, call
    `on_wait` once and try again until `wait` seconds have passed, then raise EditError."""
    locker = _locker()
    fd = _open_lock(lock_path(path))
    held = False
    try:
        deadline = time.monotonic() + wait
        waited = False
        while True:
            try:
                held = locker.try_lock(fd)
            except OSError as exc:
                reason = exc.strerror or exc
                raise EditError(
                    message("err_cannot_lock", lock=lock_path(path), reason=reason)
                ) from None
            if held:
                break
            if time.monotonic() >= deadline:
                raise EditError(
                    message(
                        "err_lock_held",
                        name=name or path,
                        lock=lock_path(path).name,
                        seconds=f"{wait:g}",
                    )
                )
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(min(_POLL, max(deadline - time.monotonic(), 0.0)))
        yield
    finally:
        if held:
            with contextlib.suppress(OSError):
                locker.unlock(fd)
        os.close(fd)  # the lock file stays for the next edit


def _read(path: Path, name: str) -> tuple[bytes, os.stat_result]:
    try:
        return read_limited(path, name)
    except ReadError as exc:
        raise EditError(str(exc)) from None


def _check_writable(path: Path, info: os.stat_result, name: str) -> None:
    # Checked on the mode bits as well: root may write anything, but a file someone made
    # read-only is not meant to be edited.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise EditError(message("err_read_only", name=name, mode=stat.filemode(info.st_mode)))


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
                raise EditError(message("err_file_unchanged", problem=exc)) from None
            except OSError as exc:
                reason = exc.strerror or exc
                raise EditError(
                    message("err_cannot_write_unchanged", name=name, reason=reason)
                ) from None
            return outcome
    raise EditError(message("err_keeps_changing", name=name))
