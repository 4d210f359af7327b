"""jtr on Windows and macOS as well as Linux, tested on whatever runs the suite.

The lock is taken through one small interface: flock where there is fcntl, msvcrt's region
lock on Windows; here the Windows path runs with fcntl made unavailable and a stand-in msvcrt
that behaves as Windows' does (a held region fails at once with EACCES). Windows also has no
O_NOFOLLOW (the lock file is checked before and after it is opened), no fchmod before Python
3.13 and no folder fsync, and refuses to rename over a file another program holds open: the
writer tries again a few times, then says so, and nothing is lost. A console in cp932 (Windows'
Japanese code page) prints every view, characters it lacks shown as look-alikes.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr import edit, fileio
from jtr.edit import disk

ROOT = Path(__file__).resolve().parent.parent
SET = ("set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10")

POSIX_ONLY = ("fcntl", "pwd", "grp", "termios", "resource", "tty", "pty", "syslog")


# msvcrt as Windows has it, as far as jtr uses it: `locking(fd, mode, nbytes)` locks `nbytes`
# from the current position, LK_NBLCK failing at once with EACCES while another descriptor
# holds them. Built on flock, which belongs to the descriptor as well. Source text, so that
# a child process can define it before anything else is imported.
FAKE_MSVCRT = """
def fake_msvcrt(calls=None):
    import errno, fcntl, os, types

    module = types.ModuleType("msvcrt")
    module.LK_NBLCK, module.LK_UNLCK = 2, 0

    def locking(fd, mode, nbytes):
        if calls is not None:
            calls.append(("lock" if mode == 2 else "unlock", os.lseek(fd, 0, os.SEEK_CUR), nbytes))
        if mode == 0:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None

    module.locking = locking
    return module
"""
_defined: dict[str, Any] = {}
exec(FAKE_MSVCRT, _defined)
fake_msvcrt: Callable[..., ModuleType] = _defined["fake_msvcrt"]

# Run jtr in a child process as on Windows: no POSIX-only module, msvcrt for the lock.
AS_ON_WINDOWS = (
    "import subprocess, sys  # subprocess would take any msvcrt for Windows'\n"
    + FAKE_MSVCRT
    + "sys.modules['msvcrt'] = fake_msvcrt()  # holds the real fcntl, imported first\n"
    + f"for name in {POSIX_ONLY!r}:\n"
    + "    sys.modules[name] = None\n"
)


@pytest.fixture
def windows_lock(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """No fcntl, a (stand-in) msvcrt: the msvcrt calls jtr makes."""
    calls: list[tuple[str, int, int]] = []
    msvcrt = fake_msvcrt(calls)  # takes the real fcntl before it goes
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    return calls


def snapshot(folder: Path) -> dict[str, bytes | str]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() and not p.is_symlink() else "-"
        for p in sorted(folder.rglob("*"))
    }


# ---------------------------------------------------------------------------------------------
# No POSIX-only module on any path


def test_no_posix_only_module_is_imported_at_module_level() -> None:
    """Only inside a function, where fcntl is one choice of two (jtr.edit.disk._locker)."""
    import ast

    for path in sorted((ROOT / "jtr").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            else:
                continue
            for name in set(names) & set(POSIX_ONLY):
                pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")


@pytest.mark.slow
def test_every_command_runs_without_posix_only_modules(tmp_path: Path) -> None:
    """With fcntl, pwd, grp, termios … unimportable, as on Windows, each command runs (the edit
    through msvcrt) and the edit lands."""
    roadmap = tmp_path / "data" / "roadmap.yaml"
    (tmp_path / "data").mkdir()
    for name in ("roadmap.yaml", "schema.json"):
        (tmp_path / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    script = AS_ON_WINDOWS + textwrap.dedent(
        f"""
        from jtr.cli import app
        for args in (["validate"], ["status"], ["timeline"], ["list"], ["show", "welfare-workers"],
                     [*{list(SET)!r}], ["export", "--format", "json", "-o", "out.json"]):
            try:
                app(args + ["-f", {str(roadmap)!r}], prog_name="jtr")
            except SystemExit as done:
                if done.code not in (0, None):
                    sys.exit(f"jtr {{' '.join(args)}}: exit {{done.code}}")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "date: 2025-02-10" in roadmap.read_text(encoding="utf-8")
    assert (tmp_path / "out.json").stat().st_size > 0


# ---------------------------------------------------------------------------------------------
# The lock on Windows: msvcrt


def test_an_edit_locks_through_msvcrt_without_fcntl(
    runner: CliRunner, shipped: Path, windows_lock: list[tuple[str, int, int]]
) -> None:
    code, out, err = run(runner, *SET)
    assert code == 0, err
    assert "planned → done on 2025-02-10" in out
    assert b"date: 2025-02-10" in shipped.read_bytes()
    # the first byte, locked once and unlocked once, from the start of the file
    assert windows_lock == [("lock", 0, 1), ("unlock", 0, 1)]
    assert edit.lock_path(shipped).exists()  # the lock file stays for the next edit


@pytest.mark.slow
def test_a_lock_held_elsewhere_is_waited_for_then_given_up_through_msvcrt(
    runner: CliRunner, shipped: Path, windows_lock: list[tuple[str, int, int]]
) -> None:
    msvcrt = sys.modules["msvcrt"]
    fd = os.open(edit.lock_path(shipped), os.O_RDWR | os.O_CREAT, 0o644)
    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    before = snapshot(shipped.parent.parent)
    try:
        started = time.monotonic()
        code, out, err = run(runner, *SET, "--wait", "0.4")
        elapsed = time.monotonic() - started
    finally:
        os.close(fd)
    assert code == 2 and out == ""
    assert err.count("jtr: waiting for another edit of") == 1
    assert "another edit still holds its lock (.roadmap.yaml.lock) after 0.4 s" in err
    assert elapsed >= 0.4
    assert snapshot(shipped.parent.parent) == before


@pytest.mark.slow
def test_a_lock_released_in_time_lets_the_edit_through_msvcrt(
    runner: CliRunner, shipped: Path, windows_lock: list[tuple[str, int, int]]
) -> None:
    msvcrt = sys.modules["msvcrt"]
    fd = os.open(edit.lock_path(shipped), os.O_RDWR | os.O_CREAT, 0o644)
    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    releaser = threading.Timer(0.3, os.close, (fd,))
    releaser.start()
    try:
        code, _out, err = run(runner, *SET, "--wait", "30")
    finally:
        releaser.join()
    assert code == 0, err
    assert err.count("waiting for another edit") == 1
    assert b"date: 2025-02-10" in shipped.read_bytes()


def test_another_msvcrt_error_is_a_message_not_a_wait(
    runner: CliRunner, shipped: Path, windows_lock: list[tuple[str, int, int]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def refuse(fd: int, mode: int, nbytes: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(sys.modules["msvcrt"], "locking", refuse)
    before = shipped.read_bytes()
    code, _out, err = run(runner, *SET, "--wait", "30")
    assert code == 2
    assert "cannot lock (Bad file descriptor); nothing was written" in err
    assert "waiting" not in err
    assert shipped.read_bytes() == before


def test_no_way_to_lock_is_a_message(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setitem(sys.modules, "msvcrt", None)
    before = snapshot(shipped.parent.parent)
    code, _out, err = run(runner, *SET)
    assert code == 2
    assert "no file locking jtr can use (neither fcntl nor msvcrt); nothing was written" in err
    assert snapshot(shipped.parent.parent) == before  # not even a lock file


CONCURRENT = AS_ON_WINDOWS + "from jtr.cli import app\napp(sys.argv[1:], prog_name='jtr')\n"


@pytest.mark.slow
def test_concurrent_edits_queue_on_the_msvcrt_lock(tmp_path: Path) -> None:
    from jtr.loader import load_file

    (tmp_path / "data").mkdir()
    for name in ("roadmap.yaml", "schema.json"):
        (tmp_path / "data" / name).write_bytes((ROOT / "data" / name).read_bytes())
    roadmap = tmp_path / "data" / "roadmap.yaml"
    tasks = [
        task["id"]
        for course in load_file(roadmap).data["courses"]
        for item in course["items"]
        for task in item["tasks"]
    ][:8]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT, "set", task, "-s", "in_progress",
             "-d", f"2025-01-{n + 1:02d}", "-f", str(roadmap)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        for n, task in enumerate(tasks)
    ]  # fmt: skip
    waited = 0
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        waited += "waiting for another edit" in err
    assert waited > 0  # they did run at the same time and queue for the lock
    text = roadmap.read_text(encoding="utf-8")
    for n in range(len(tasks)):
        assert f"date: 2025-01-{n + 1:02d}" in text
    assert not list(roadmap.parent.glob(".roadmap.yaml.*.tmp"))


# ---------------------------------------------------------------------------------------------
# The lock file never followed where there is no O_NOFOLLOW


@pytest.fixture
def no_nofollow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)


@pytest.mark.parametrize("target_exists", [False, True])
def test_without_o_nofollow_a_symlinked_lock_is_refused(
    runner: CliRunner, shipped: Path, tmp_path: Path, no_nofollow: None, target_exists: bool
) -> None:
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    if target_exists:
        victim.write_bytes(b"precious")
    lock = edit.lock_path(shipped)
    lock.symlink_to(victim)
    before = snapshot(tmp_path)
    code, _out, err = run(runner, *SET)
    assert code == 2
    assert f"{lock}: the lock file is a symbolic link; jtr does not follow it" in err
    assert snapshot(tmp_path) == before
    assert victim.exists() == target_exists


def test_without_o_nofollow_a_lock_made_a_link_while_opening_is_refused(
    runner: CliRunner, shipped: Path, tmp_path: Path, no_nofollow: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    lock = edit.lock_path(shipped)
    lock.symlink_to(victim)
    checks = iter([False])  # the check before opening misses it (the link came just after)
    real = disk._is_link
    monkeypatch.setattr(disk, "_is_link", lambda path: next(checks, None) or real(path))
    before = shipped.read_bytes()
    code, _out, err = run(runner, *SET)
    assert code == 2
    assert "the lock file is a symbolic link; jtr does not follow it" in err
    assert shipped.read_bytes() == before
    assert victim.read_bytes() == b"precious"


def test_a_reparse_point_counts_as_a_link(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Windows: a junction or other reparse point is not followed either."""
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    assert not disk._is_link(plain)
    assert not disk._is_link(tmp_path / "missing")

    class Reparse:
        st_mode = stat.S_IFREG | 0o644
        st_file_attributes = stat.FILE_ATTRIBUTE_REPARSE_POINT

    monkeypatch.setattr(os, "lstat", lambda path: Reparse())
    assert disk._is_link(plain)


# ---------------------------------------------------------------------------------------------
# Replacing a file another program holds open (Windows)


@pytest.fixture
def windows_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry as on Windows, without the waits."""
    monkeypatch.setattr(fileio, "REPLACE_RETRY_DELAYS", (0.0,) * 5)


def refusing_replace(
    monkeypatch: pytest.MonkeyPatch, times: int, before_refusing: Callable[[], None] = lambda: None
) -> list[str]:
    """os.replace refused (as Windows does over a file held open) `times` times, then real."""
    real = os.replace
    calls: list[str] = []

    def replace(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) <= times:
            before_refusing()
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_a_target_held_open_for_a_moment_is_written_on_a_retry(
    runner: CliRunner, shipped: Path, windows_replace: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = refusing_replace(monkeypatch, times=3)
    code, out, err = run(runner, *SET)
    assert code == 0, err
    assert "planned → done on 2025-02-10" in out
    assert len(calls) == 4
    assert b"date: 2025-02-10" in shipped.read_bytes()
    assert not list(shipped.parent.glob(".roadmap.yaml.*.tmp"))


def test_a_target_kept_open_is_a_clear_message_and_nothing_is_lost(
    runner: CliRunner, shipped: Path, windows_replace: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = refusing_replace(monkeypatch, times=1000)
    before = snapshot(shipped.parent)
    code, out, err = run(runner, *SET)
    assert code == 2 and out == ""
    assert len(calls) == 6  # the first attempt and five more
    assert err.startswith(f"jtr: error: {Path('data', 'roadmap.yaml')}: cannot write: ")
    assert "another program has the file open" in err
    assert "close it and run the command again; the file is unchanged" in err
    after = snapshot(shipped.parent)
    assert after.pop(".roadmap.yaml.lock") == b""
    assert after == before  # unchanged, and no temporary file left


def test_export_to_a_file_kept_open_is_a_clear_message(
    runner: CliRunner, shipped: Path, windows_replace: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = shipped.parent.parent / "roadmap.xlsx"
    target.write_bytes(b"open in Excel")
    refusing_replace(monkeypatch, times=1000)
    code, _out, err = run(runner, "export", "--format", "xlsx", "-o", str(target))
    assert code == 2
    assert f"cannot write {target}: another program has the file open" in err
    assert target.read_bytes() == b"open in Excel"
    assert not list(target.parent.glob(".roadmap.xlsx.*.tmp"))


def test_a_file_saved_by_the_program_that_held_it_is_read_again(
    runner: CliRunner, shipped: Path, windows_replace: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program holding the file saved it before letting go: its change and the edit both
    land (the edit is planned again on what it saved), never one over the other."""

    def save_elsewhere() -> None:
        text = shipped.read_text(encoding="utf-8")
        shipped.write_text(text + "# saved by the other program\n", encoding="utf-8")

    refusing_replace(monkeypatch, times=1, before_refusing=save_elsewhere)
    code, _out, err = run(runner, *SET)
    assert code == 0, err
    text = shipped.read_text(encoding="utf-8")
    assert "# saved by the other program" in text
    assert "date: 2025-02-10" in text


def test_posix_does_not_retry_a_refused_rename(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a rename over an open file works, a refusal is final: said at once, as before."""
    monkeypatch.setattr(fileio, "REPLACE_RETRY_DELAYS", ())
    calls = refusing_replace(monkeypatch, times=1000)
    code, _out, err = run(runner, *SET)
    assert code == 2 and len(calls) == 1
    assert "cannot write: Access is denied; the file is unchanged" in err


def test_a_read_only_target_is_not_retried(
    tmp_path: Path, windows_replace: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o444)
    calls = refusing_replace(monkeypatch, times=1000)
    with pytest.raises(PermissionError) as raised:
        fileio.atomic_write(target, b"new")
    assert not isinstance(raised.value, fileio.TargetInUse)
    assert len(calls) == 1
    assert target.read_bytes() == b"old"


def test_windows_retries_by_default() -> None:
    expected = 5 if os.name == "nt" else 0
    assert len(fileio.REPLACE_RETRY_DELAYS) == expected
    assert sum(fileio.REPLACE_RETRY_DELAYS) < 3  # a moment, not a hang


# ---------------------------------------------------------------------------------------------
# Writing without fchmod or a folder fsync (Windows)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """What jtr.fileio opens with os.open."""
    real = os.open
    calls: list[tuple[str, int]] = []

    def spy(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        calls.append((os.fspath(path), flags))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return calls


def test_the_folder_is_fsynced_where_it_can_be(
    tmp_path: Path, opened: list[tuple[str, int]]
) -> None:
    fileio.atomic_write(tmp_path / "a.txt", b"a")
    assert [flags & os.O_DIRECTORY for path, flags in opened if path == str(tmp_path)] == [
        os.O_DIRECTORY
    ]


def test_no_folder_fsync_without_o_directory(
    tmp_path: Path, opened: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "O_DIRECTORY")
    fileio.atomic_write(tmp_path / "a.txt", b"a")
    assert (tmp_path / "a.txt").read_bytes() == b"a"
    assert [path for path, _flags in opened if path == str(tmp_path)] == []


@pytest.mark.parametrize("error", [PermissionError, IsADirectoryError])
def test_a_folder_that_cannot_be_opened_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[OSError]
) -> None:
    real = os.open

    def refuse_folders(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(path):
            raise error(errno.EACCES, "no")
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_folders)
    fileio.atomic_write(tmp_path / "a.txt", b"a")
    assert (tmp_path / "a.txt").read_bytes() == b"a"


def test_the_mode_is_kept_without_fchmod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    monkeypatch.delattr(os, "fchmod")
    fileio.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_files_are_read_in_binary_mode(tmp_path: Path, opened: list[tuple[str, int]]) -> None:
    """Windows would read a descriptor opened without O_BINARY as text (CRLF made LF)."""
    path = tmp_path / "r.yaml"
    path.write_bytes(b"a: 1\r\n")
    data, _info = fileio.read_limited(path, "r.yaml")
    assert data == b"a: 1\r\n"
    (flags,) = [flags for p, flags in opened if p == str(path)]
    assert flags & getattr(os, "O_BINARY", 0) == getattr(os, "O_BINARY", 0)


def test_a_windows_link_loop_is_named_as_one(tmp_path: Path) -> None:
    problem = OSError(errno.EINVAL, "The name of the file cannot be resolved by the system")
    problem.winerror = 1921  # type: ignore[attr-defined]
    assert fileio._is_loop(problem)
    assert fileio._is_loop(OSError(errno.ELOOP, "loop"))
    assert not fileio._is_loop(OSError(errno.EINVAL, "other"))


# ---------------------------------------------------------------------------------------------
# A console in cp932


def cp932_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="cp932", newline="\n")


def test_characters_cp932_lacks_print_as_look_alikes() -> None:
    stream = cp932_stream()
    with pytest.raises(UnicodeEncodeError):
        stream.write("▓")
        stream.flush()
    stream = cp932_stream()
    fileio.survive_console_encoding(stream)
    stream.write("見直し項目 ▓▒░ » · – — ✓ ✗ ◀▶ ┊ ↳ … Ⅰ Ⅱ ● ○ 😀 €\n")
    stream.flush()
    written = stream.buffer.getvalue().decode("cp932")  # type: ignore[attr-defined]
    assert written == "見直し項目 =-. > . - - v x <> : > … Ⅰ Ⅱ ● ○ ?? ?\n"


def test_a_unicode_or_already_lenient_stream_is_left_alone() -> None:
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    lenient = io.TextIOWrapper(io.BytesIO(), encoding="cp932", errors="backslashreplace")
    fileio.survive_console_encoding(utf8, lenient, None, io.StringIO())
    assert utf8.errors == "strict"
    assert lenient.errors == "backslashreplace"


@pytest.mark.parametrize(
    "args",
    [("status",), ("timeline",), ("timeline", "--width", "100"), ("show", "welfare-workers"),
     ("list",), ("validate",), ("status", "--lang", "en")],
    ids=lambda a: " ".join(a),
)  # fmt: skip
def test_views_print_on_a_cp932_console(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Run as Windows runs jtr with its output redirected: sys.stdout in cp932, strict."""
    from jtr.cli import app

    out, err = cp932_stream(), cp932_stream()
    monkeypatch.setattr(sys, "stdout", out)  # here, not in a fixture: pytest's capture
    monkeypatch.setattr(sys, "stderr", err)  # takes them back between setup and the test
    fileio.survive_console_encoding()
    with pytest.raises(SystemExit) as done:
        app([*args], prog_name="jtr")
    out.flush()
    err.flush()
    stdout = out.buffer.getvalue().decode("cp932")  # type: ignore[attr-defined]
    stderr = err.buffer.getvalue().decode("cp932")  # type: ignore[attr-defined]
    assert done.value.code in (0, None), stderr
    assert (stdout + stderr).strip() and "Traceback" not in stderr


@pytest.mark.slow
def test_status_in_a_cp932_pipe_through_the_installed_entry_point(shipped: Path) -> None:
    """`jtr status > file` on a Japanese Windows: Python writes the pipe in cp932."""
    environment = {**os.environ, "PYTHONIOENCODING": "cp932", "NO_COLOR": "1"}
    environment.update(LC_ALL="ja_JP.UTF-8", JTR_LANG="ja")  # a Japanese Windows
    for entry in (["-m", "jtr"], ["-c", "import sys; from jtr.cli import main; sys.exit(main())"]):
        for view in ("status", "timeline"):
            result = subprocess.run(
                [sys.executable, *entry, view], capture_output=True, env=environment, timeout=60
            )
            stderr = result.stderr.decode("cp932", "replace")
            assert result.returncode == 0, (entry, view, stderr)
            stdout = result.stdout.decode("cp932")  # strictly: cp932 throughout
            assert "UnicodeEncodeError" not in stderr
            assert "年度" in stdout
