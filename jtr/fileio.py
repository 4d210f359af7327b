"""Reading and writing files safely: the one place jtr opens a roadmap or schema for reading
and the one atomic writer (for `jtr export -o` and the editing commands).

Reading (`read_limited`): only a regular file is read (never a device, FIFO, socket or folder),
and only up to a size limit (64 MiB unless `--max-bytes` or `$JTR_MAX_BYTES` says otherwise),
checked before reading and again while reading, so `/dev/zero` or a growing file cannot
exhaust memory. A symbolic link loop or a dangling link is said to be one.

Writing (`check_output`, `atomic_write`): only to a regular file or a new path, never over a
device, FIFO, socket or folder (renaming over `/dev/null` as root would replace it), and never
over a file the caller names as protected (the roadmap being read, its schema), compared by
real path and by inode so that symbolic links and `../` spellings are caught.

Imports nothing heavy (tempfile only when writing): every command pays for this module.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from jtr.labels import message

MIB = 1 << 20
DEFAULT_MAX_BYTES = 64 * MIB
MAX_BYTES_ENV = "JTR_MAX_BYTES"
# Test hook: seconds to sleep between writing (and fsyncing) the temporary file and replacing
# the target with it, so that a test can kill the process in that window.
PAUSE_ENV = "JTR_TEST_PAUSE_BEFORE_REPLACE"

_override: int | None = None


class ReadError(Exception):
    """The file could not be read at all (missing, a directory, a device, too big, no permission)."""


class UnsafeTarget(Exception):
    """jtr will not write there: not a regular file, or a file it must not overwrite."""


class ChangedOnDisk(Exception):
    """The file no longer matches what was read; nothing was written."""


# ---------------------------------------------------------------------------------------------
# What a path is


def kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words of this run's language (`a
    directory`, `フォルダー`); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return message("err_kind_directory")
    if stat.S_ISCHR(mode):
        return message("err_kind_char_device")
    if stat.S_ISBLK(mode):
        return message("err_kind_block_device")
    if stat.S_ISFIFO(mode):
        return message("err_kind_fifo")
    if stat.S_ISSOCK(mode):
        return message("err_kind_socket")
    return message("err_kind_other")


def _is_loop(exc: OSError) -> bool:
    # Windows says ERROR_CANT_RESOLVE_FILENAME (1921) where POSIX says ELOOP.
    return exc.errno == errno.ELOOP or getattr(exc, "winerror", None) == 1921


def _stat_problem(path: Path, name: str, exc: OSError) -> str:
    """Why `os.stat(path)` failed, for a person: names a symbolic link loop or dangling link."""
    if _is_loop(exc):
        return message("err_link_loop", name=name)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return message("err_dangling_link", name=name, target=target)
        return message("err_no_such_file", name=name)
    return message("err_cannot_read", name=name, reason=exc.strerror or exc)


def broken_link(path: Path, name: str | None = None) -> str | None:
    """A message if `path` is a symbolic link loop or a dangling link, else None (a missing
    plain path, or anything that exists, is for the caller to handle)."""
    try:
        os.stat(path)
    except OSError as exc:
        loops = _is_loop(exc)
        dangles = exc.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path)
        if loops or dangles:
            return _stat_problem(path, name or str(path), exc)
    return None


# ---------------------------------------------------------------------------------------------
# Reading


def size_text(count: int) -> str:
    """`1,234 bytes`, `64 MiB`, `1.5 MiB (1,572,864 bytes)`, in this run's language."""
    if count < MIB:
        return message("cli_bytes", count=f"{count:,}")
    if count % MIB == 0:
        return f"{count // MIB} MiB"
    return f"{count / MIB:.1f} MiB ({message('cli_bytes', count=f'{count:,}')})"


@contextlib.contextmanager
def max_bytes_limit(limit: int | None) -> Iterator[None]:
    """Within the block, read files up to `limit` bytes (None: the default or $JTR_MAX_BYTES)."""
    global _override
    previous, _override = _override, limit
    try:
        yield
    finally:
        _override = previous


def max_bytes() -> int:
    """The largest file jtr reads: --max-bytes, else $JTR_MAX_BYTES, else 64 MiB."""
    if _override is not None:
        return _override
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not value.isdigit() or int(value) < 1:
        raise ReadError(
            message("err_max_bytes_setting", setting=f"${MAX_BYTES_ENV}={value[:40]!r}")
        )
    return int(value)


def too_big(name: str, size: int | None, limit: int) -> ReadError:
    """The refusal of a file (or a git blob) of `size` bytes over `limit`; None: one that grew
    past the limit while being read."""
    key, fields = "err_too_big_grew", {}
    if size is not None:
        key, fields = "err_too_big", {"size": size_text(size)}
    return ReadError(
        message(key, name=name, limit=size_text(limit), setting=f"${MAX_BYTES_ENV}", **fields)
    )


def _check_input(info: os.stat_result, name: str, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(message("err_is_directory", name=name))
    what = kind(info.st_mode)
    if what is not None:
        raise ReadError(message("err_not_regular_input", name=name, what=what))
    if info.st_size > limit:
        raise too_big(name, info.st_size, limit)


def check_input(path: Path, name: str, limit: int | None = None) -> None:
    """ReadError unless `path` is a regular file within the size limit (nothing is opened)."""
    limit = max_bytes() if limit is None else limit
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ReadError(_stat_problem(path, name, exc)) from None
    _check_input(info, name, limit)


def read_limited(path: Path, name: str, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its status, or ReadError saying plainly why not.

    Checks what the path is before opening it (opening a FIFO would wait for a writer), opens
    without blocking, checks the opened file again (it may have been swapped), and reads at
    most `limit` + 1 bytes, so a file that grows while being read is refused too.
    """
    limit = max_bytes() if limit is None else limit
    check_input(path, name, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    # O_BINARY: without it Windows reads in text mode (CRLF made LF, Ctrl-Z an end of file).
    flags |= (
        getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(_stat_problem(path, name, exc)) from None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        _check_input(info, name, limit)
        try:
            data = handle.read(min(info.st_size, limit) + 1)
            if len(data) > info.st_size:  # it grows (or reports no size, as /proc files do)
                data += handle.read(limit + 1 - len(data))
        except OSError as exc:
            raise ReadError(
                message("err_cannot_read", name=name, reason=exc.strerror or exc)
            ) from None
    if len(data) > limit:
        raise too_big(name, None, limit)
    return data, info


# ---------------------------------------------------------------------------------------------
# Writing


def check_output(path: Path, protected: Iterable[tuple[Path, str]] = ()) -> None:
    """Refuse (UnsafeTarget) to write `path` unless it is a regular file or a new path, and not
    one of the `protected` files (path, what it is), compared after following symbolic links."""
    name = str(path)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None  # a new file (or a link to one): fine if its folder exists
    except OSError as exc:
        if _is_loop(exc):
            raise UnsafeTarget(message("err_output_link_loop", name=name)) from None
        reason = exc.strerror or exc
        raise UnsafeTarget(message("cli_cannot_write", file=name, reason=reason)) from None
    if info is not None and kind(info.st_mode) is not None:
        raise _not_regular(path, info)
    real = os.path.realpath(path)
    for other, what in protected:
        try:
            same = os.path.realpath(other) == real or (
                info is not None and os.path.samestat(info, os.stat(other))
            )
        except OSError:
            same = False
        if same:
            raise UnsafeTarget(message("err_output_protected", name=name, what=what))


def _not_regular(path: Path, info: os.stat_result) -> UnsafeTarget:
    what = kind(info.st_mode)
    if os.path.islink(path):
        what = message("err_kind_link_to", target=os.path.realpath(path), what=what)
    return UnsafeTarget(message("err_output_not_regular", name=path, what=what))


def _umask_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class TargetInUse(PermissionError):
    """Another program keeps the file open (Windows: an editor, Excel, a virus scanner), so it
    cannot be replaced; it was left as it was."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, message("err_target_in_use"), str(path))


# Windows refuses to rename over a file another program holds open (a reader that did not
# allow deletion, which is how most programs open files, Python's own open() too); a reader
# like another jtr or a virus scanner lets go within moments. Seconds to wait before each new
# attempt; POSIX renames over open files, so a refusal there is final and not retried.
REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8) if os.name == "nt" else ()


def atomic_write(path: Path, data: bytes, before: os.stat_result | None = None) -> None:
    """Replace `path` with `data` so that readers see the old file or the new, never half.

    The data goes to a temporary file in the target's folder (same file system), is flushed
    and fsynced, gets the permissions (and, where allowed, the owner) of the file it replaces
    or the umask's default for a new file, and is renamed over the target. A symbolic link is
    followed, not replaced. Refuses (UnsafeTarget) a target that is not a regular file, and
    raises ChangedOnDisk if the file no longer matches `before`; a target another program keeps
    open is tried again a few times (REPLACE_RETRY_DELAYS), then TargetInUse. Either way, and
    on any other failure, the target is left as it was and the temporary file removed.
    """
    target = Path(os.path.realpath(path))
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and kind(existing.st_mode) is not None:
        raise _not_regular(path, existing)
    owner = before or existing
    mode = stat.S_IMODE(owner.st_mode) if owner is not None else _umask_mode()
    import tempfile  # only writers pay for it (it imports shutil, random, ...)

    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "fchmod"):  # Windows has it from Python 3.13
                os.fchmod(handle.fileno(), mode)
            if owner is not None and hasattr(os, "fchown"):
                # Keep the owner when allowed (as root); otherwise the writer owns it.
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), owner.st_uid, owner.st_gid)
        if not hasattr(os, "fchmod"):
            os.chmod(temporary, mode)
        pause = os.environ.get(PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        _replace(temporary, target, before)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _replace(temporary: str, target: Path, before: os.stat_result | None) -> None:
    """Rename `temporary` over `target` if it is still what was read (`before`), trying again
    while another program holds it open."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            now: os.stat_result | None = os.lstat(target)
        except FileNotFoundError:
            now = None
        if now is not None and not stat.S_ISREG(now.st_mode):  # swapped meanwhile
            raise _not_regular(target, now)
        if before is not None and (now is None or not _same_file(now, before)):
            raise ChangedOnDisk()
        try:
            os.replace(temporary, target)
            return
        except PermissionError:
            read_only = now is not None and not now.st_mode & stat.S_IWUSR
            if not REPLACE_RETRY_DELAYS or read_only:
                raise  # not a file held open: the caller says what it is
            if delay is None:
                raise TargetInUse(target) from None
            time.sleep(delay)


def _sync_directory(folder: Path) -> None:
    """Make a rename in `folder` durable, where the system can: POSIX fsyncs a folder opened
    read-only; Windows cannot open one (and makes renames durable itself)."""
    if os.name != "posix" or not hasattr(os, "O_DIRECTORY"):
        return
    try:
        directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # PermissionError, IsADirectoryError, ... : nothing more to do
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(directory)
    finally:
        os.close(directory)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_ino, b.st_size, b.st_mtime_ns)


# ---------------------------------------------------------------------------------------------
# Standard output and error

CONSOLE_ERRORS = "jtr-console"

# What to print for a character the console's encoding lacks (cp932, Windows' Japanese code
# page, has no ·, », ▓, ✓ …): one ASCII character in the same cell, so that columns stay
# aligned (the chart's fills as --ascii draws them, jtr.presenter.LOOKS); "?" for any other,
# "??" for a wide one.
_FALLBACKS = {
    "\u00b7": ".",  # ·
    "\u00bb": ">",  # »
    "\u00ab": "<",  # «
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u21b3": ">",  # ↳
    "\u2265": ">",  # ≥
    "\u2264": "<",  # ≤
    "\u2506": ":",  # ┆
    "\u250a": ":",  # ┊
    "\u2588": "#",  # █
    "\u2593": "=",  # ▓
    "\u2592": "-",  # ▒
    "\u2591": ".",  # ░
    "\u25b6": ">",  # ▶
    "\u25c0": "<",  # ◀
    "\u2713": "v",  # ✓
    "\u2714": "v",  # ✔
    "\u2717": "x",  # ✗
    "\u00a0": " ",  # no-break space
}


def _console_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    import unicodedata  # only when a character needs it

    def stand_in(char: str) -> str:  # a wide character (CJK, emoji) takes two cells
        wide = unicodedata.east_asian_width(char) in ("W", "F")
        return _FALLBACKS.get(char, "??" if wide else "?")

    return "".join(map(stand_in, exc.object[exc.start : exc.end])), exc.end


def survive_console_encoding(*streams: object) -> None:
    """Let standard output and error (or `streams`) print any text, whatever their encoding:
    a character the encoding lacks (cp932 on a Japanese Windows has no ▓, », emoji…) is
    written as a look-alike or "?" instead of stopping jtr with UnicodeEncodeError. Streams in
    a Unicode encoding, or already told what to do with such characters, are left alone."""
    try:
        codecs.lookup_error(CONSOLE_ERRORS)
    except LookupError:
        codecs.register_error(CONSOLE_ERRORS, _console_fallback)
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not isinstance(encoding, str):
            continue
        try:
            unicode = codecs.lookup(encoding).name.startswith(("utf-", "utf_"))
        except LookupError:
            continue
        if not unicode and getattr(stream, "errors", "strict") == "strict":
            reconfigure(errors=CONSOLE_ERRORS)
