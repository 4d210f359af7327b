"""Writes go only where the user meant, and reads only what is a roadmap-sized regular file.

Issue 9: `export -o` never replaces a device, FIFO, socket or folder, nor the roadmap or its
schema however spelt; the lock file is never followed through a symbolic link and waiting for
it is bounded (--wait); a roadmap path that loops or dangles is one message in every command,
and discovery never skips a broken data/roadmap.yaml for a parent's; input files must be
regular and at most 64 MiB (--max-bytes, $JTR_MAX_BYTES). Every case checks the exit code, the
message and that every file involved is as it was.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import run
from typer.testing import CliRunner

from jtr import edit, fileio
from jtr.cli import app
from jtr.discover import find_roadmap

# FIFOs, sockets, devices, flock and O_NOFOLLOW: the POSIX side of these refusals. The Windows
# side (msvcrt locks, reparse points, a replace refused while a file is open) is in
# tests/test_portable.py.
pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="tests POSIX files (FIFOs, sockets, devices) and flock"
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
MIB = 1 << 20


def snapshot(folder: Path) -> dict[str, tuple[str, bytes | None]]:
    """Every entry under `folder`: its kind and, for a regular file, its bytes."""
    found: dict[str, tuple[str, bytes | None]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[str(path)] = ("link:" + os.readlink(path), None)
        elif stat.S_ISREG(info.st_mode):
            found[str(path)] = ("file", path.read_bytes())
        else:
            found[str(path)] = (stat.filemode(info.st_mode)[0], None)
    return found


# ---------------------------------------------------------------------------------------------
# export -o: only a regular file or a new path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    cwd = os.getcwd()
    os.chdir(tmp_path)  # a short relative name: socket paths are limited to ~100 bytes
    try:
        server.bind("sock")
    finally:
        os.chdir(cwd)
    yield path
    server.close()


def test_export_refuses_a_fifo_and_leaves_it(runner: CliRunner, shipped: Path) -> None:
    fifo = shipped.parent.parent / "out.json"
    os.mkfifo(fifo)
    before = snapshot(shipped.parent.parent)
    code, out, err = run(runner, "export", "--format", "json", "-o", str(fifo))
    assert code == 2 and out == ""
    assert err == (
        f"jtr: error: {fifo}: is a FIFO, not a regular file; jtr writes only to a regular file "
        "or a new path ('-o -' for standard output), and left it as it was\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert snapshot(shipped.parent.parent) == before


def test_export_refuses_a_directory_and_leaves_it(runner: CliRunner, shipped: Path) -> None:
    folder = shipped.parent.parent / "reports"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep", encoding="utf-8")
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, "export", "--format", "csv", "-o", "reports")
    assert code == 2 and "jtr: error: reports: is a directory, not a regular file" in err
    assert snapshot(shipped.parent.parent) == before


def test_export_refuses_a_socket_and_leaves_it(
    runner: CliRunner, shipped: Path, unix_socket: Path
) -> None:
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, "export", "--format", "ics", "-o", str(unix_socket))
    assert code == 2 and f"jtr: error: {unix_socket}: is a socket, not a regular file" in err
    assert stat.S_ISSOCK(os.lstat(unix_socket).st_mode)
    assert snapshot(shipped.parent.parent) == before


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_export_refuses_a_character_device_even_as_root(runner: CliRunner, shipped: Path) -> None:
    """As root, renaming over /dev/null replaced it with a regular file."""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    device = os.stat("/dev/null")
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, "export", "--format", "json", "-o", "/dev/null")
    assert code == 2
    assert "jtr: error: /dev/null: is a character device, not a regular file" in err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == device.st_rdev
    assert after.st_ino == device.st_ino
    assert snapshot(shipped.parent.parent) == before


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_export_refuses_a_link_to_a_device(runner: CliRunner, shipped: Path) -> None:
    link = shipped.parent.parent / "report.json"
    link.symlink_to("/dev/null")
    device = os.stat("/dev/null")
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, "export", "--format", "json", "-o", "report.json")
    assert code == 2
    assert (
        "jtr: error: report.json: is a symbolic link to /dev/null, a character device, "
        "not a regular file" in err
    )
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == device.st_ino
    assert snapshot(shipped.parent.parent) == before


def test_export_dash_is_standard_output(runner: CliRunner, shipped: Path) -> None:
    before = snapshot(shipped.parent.parent)
    code, out, _ = run(runner, "export", "--format", "json", "-o", "-")
    assert code == 0 and out.startswith("{")
    assert snapshot(shipped.parent.parent) == before  # no file named "-"


def test_export_writes_a_new_path_and_replaces_a_regular_file(
    runner: CliRunner, shipped: Path
) -> None:
    code, _, err = run(runner, "export", "-o", "report.md")
    assert code == 0 and "jtr: wrote report.md" in err
    first = Path("report.md").read_bytes()
    assert first.startswith(b"# ")
    Path("report.md").write_bytes(b"old")
    assert run(runner, "export", "-o", "report.md")[0] == 0
    assert Path("report.md").read_bytes() == first


# ---------------------------------------------------------------------------------------------
# export -o: never the roadmap being read or its schema


@pytest.mark.parametrize(
    ("output", "what"),
    [
        ("data/roadmap.yaml", "the roadmap being exported (data/roadmap.yaml)"),
        ("./data/../data/roadmap.yaml", "the roadmap being exported (data/roadmap.yaml)"),
        ("link.yaml", "the roadmap being exported (data/roadmap.yaml)"),
        ("hard.json", "the roadmap being exported (data/roadmap.yaml)"),
        ("data/schema.json", "the roadmap's schema (data/schema.json)"),
        ("data/../data/./schema.json", "the roadmap's schema (data/schema.json)"),
    ],
)
def test_export_never_overwrites_the_roadmap_or_its_schema(
    runner: CliRunner, shipped: Path, output: str, what: str
) -> None:
    top = shipped.parent.parent
    (top / "link.yaml").symlink_to("data/roadmap.yaml")
    os.link(shipped, top / "hard.json")
    before = snapshot(top)
    code, out, err = run(runner, "export", "--format", "json", "-o", output)
    assert code == 2 and out == ""
    shown = str(Path(output))
    assert err == (f"jtr: error: -o {shown} is {what}; not overwriting it: choose another file\n")
    assert snapshot(top) == before


@pytest.mark.parametrize("how", ["-f", "env", "discovered"])
def test_export_over_the_roadmap_is_refused_however_it_was_found(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    args = ["export", "--format", "json", "-o", str(shipped)]
    if how == "-f":
        args += ["-f", "data/./roadmap.yaml"]
    elif how == "env":
        monkeypatch.setenv("JTR_ROADMAP", "data/../data/roadmap.yaml")
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, *args)
    assert code == 2 and "is the roadmap being exported" in err
    assert snapshot(shipped.parent.parent) == before


def test_export_over_the_packaged_schema_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roadmap without a $schema line is checked against jtr's own schema: -o cannot name
    it (a copy stands in for the packaged file, so a failure cannot harm the checkout)."""
    import jtr.schemaline

    packaged = tmp_path / "packaged" / "schema.json"
    packaged.parent.mkdir()
    shutil.copyfile(DATA / "schema.json", packaged)
    monkeypatch.setattr(jtr.schemaline, "packaged_schema_path", lambda: packaged)
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copyfile(MINIMAL, roadmap)
    assert b"$schema" not in roadmap.read_bytes()
    before = snapshot(tmp_path)
    code, _, err = run(
        runner, "export", "--format", "json", "-f", str(roadmap), "-o", str(packaged)
    )
    assert code == 2 and f"-o {packaged} is the roadmap's schema" in err
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------------------------------------
# The lock file: never followed, and waited for a bounded time

EDITS = [
    ("set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10"),
    ("decide", "welfare-workers", "-d", "2025-02-10"),
    ("realise", "welfare-workers", "-d", "2025-02-10"),
]


@pytest.mark.parametrize("target_exists", [False, True])
def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(
    runner: CliRunner, shipped: Path, tmp_path: Path, target_exists: bool
) -> None:
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    if target_exists:
        victim.write_bytes(b"precious")
        os.utime(victim, ns=(1_000_000_000, 1_000_000_000))
    lock = edit.lock_path(shipped)
    lock.symlink_to(victim)
    before = snapshot(tmp_path)
    code, _, err = run(runner, *EDITS[0])
    assert code == 2
    assert "the lock file is a symbolic link; jtr does not follow it" in err
    assert str(lock) in err
    assert snapshot(tmp_path) == before
    if target_exists:
        assert victim.stat().st_mtime_ns == 1_000_000_000
    else:
        assert not victim.exists()


def hold_lock(roadmap: Path) -> int:
    """Take the roadmap's lock through a descriptor of this process's own (flock belongs to
    the open file description, so jtr's own open in this process still has to wait)."""
    import fcntl

    fd = os.open(edit.lock_path(roadmap), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


@pytest.mark.parametrize("args", EDITS, ids=[a[0] for a in EDITS])
@pytest.mark.slow
def test_waiting_for_a_held_lock_gives_up_after_wait(
    runner: CliRunner, shipped: Path, args: tuple[str, ...]
) -> None:
    fd = hold_lock(shipped)
    before = snapshot(shipped.parent.parent)
    try:
        started = time.monotonic()
        code, out, err = run(runner, *args, "--wait", "0.5")
        elapsed = time.monotonic() - started
    finally:
        os.close(fd)
    assert code == 2 and out == ""
    assert err.count("jtr: waiting for another edit of data/roadmap.yaml to finish") == 1
    assert "(up to 0.5 s)" in err
    assert (
        "jtr: error: data/roadmap.yaml: another edit still holds its lock (.roadmap.yaml.lock) "
        "after 0.5 s; nothing was written (--wait SECONDS to wait longer)" in err
    )
    assert elapsed >= 0.5  # it did wait
    assert snapshot(shipped.parent.parent) == before


@pytest.mark.slow
def test_a_lock_released_in_time_lets_the_edit_through(runner: CliRunner, shipped: Path) -> None:
    fd = hold_lock(shipped)
    releaser = threading.Timer(0.3, os.close, (fd,))
    releaser.start()
    try:
        code, out, err = run(runner, *EDITS[0], "--wait", "30")
    finally:
        releaser.join()
    assert code == 0, err
    assert err.count("waiting for another edit") == 1
    assert "planned → done on 2025-02-10" in out
    assert b"date: 2025-02-10" in shipped.read_bytes()


def test_wait_zero_gives_up_at_once_and_the_default_is_sixty(
    runner: CliRunner, shipped: Path
) -> None:
    fd = hold_lock(shipped)
    before = snapshot(shipped.parent.parent)
    try:
        code, _, err = run(runner, *EDITS[0], "--wait", "0")
    finally:
        os.close(fd)
    assert code == 2 and "after 0 s; nothing was written" in err
    assert snapshot(shipped.parent.parent) == before
    import typer.main

    command = typer.main.get_command(app)
    for name in ("set", "decide", "realise"):
        (wait,) = [p for p in command.commands[name].params if p.name == "wait"]  # type: ignore[attr-defined]
        assert wait.default == 60 == edit.DEFAULT_WAIT
    code, _, err = run(runner, *EDITS[0], "--wait", "nan")
    assert code == 2 and "--wait" in err


def test_a_lock_file_that_is_not_a_regular_file_is_refused(
    runner: CliRunner, shipped: Path
) -> None:
    lock = edit.lock_path(shipped)
    lock.mkdir()
    before = snapshot(shipped.parent.parent)
    code, _, err = run(runner, *EDITS[0])
    assert code == 2 and str(lock) in err
    assert snapshot(shipped.parent.parent) == before


# ---------------------------------------------------------------------------------------------
# Roadmap paths that loop or dangle: one message in every command

COMMANDS = [
    ("validate", "-f"),
    ("validate",),
    ("status", "-f"),
    ("timeline", "-f"),
    ("show", "welfare-workers", "-f"),
    ("list", "-f"),
    ("set", "welfare-workers-decide", "-s", "done", "-f"),
    ("decide", "welfare-workers", "-f"),
    ("realise", "welfare-workers", "-f"),
    ("export", "--format", "json", "-f"),
    ("diff", "-f"),
    ("diff", "--files", "data/roadmap.yaml"),
    ("history", "-f"),
    ("textconv",),
]


def _broken(top: Path, kind: str) -> tuple[str, str]:
    """A roadmap path of the kind, and the message every command gives for it."""
    if kind == "loop":
        (top / "a.yaml").symlink_to("b.yaml")
        (top / "b.yaml").symlink_to("a.yaml")
        return (
            "a.yaml",
            "jtr: error: a.yaml: a symbolic link loop (too many levels of symbolic links)",
        )
    if kind == "loop-in-folder":
        (top / "x").symlink_to("y")
        (top / "y").symlink_to("x")
        return (
            "x/roadmap.yaml",
            "jtr: error: x/roadmap.yaml: a symbolic link loop (too many levels of symbolic links)",
        )
    (top / "r.yaml").symlink_to("gone.yaml")
    return (
        "r.yaml",
        "jtr: error: r.yaml: a dangling symbolic link (to gone.yaml, which does not exist)",
    )


@pytest.mark.parametrize("kind", ["loop", "loop-in-folder", "dangling"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_a_looping_or_dangling_roadmap_path_is_one_message(
    runner: CliRunner, shipped: Path, command: tuple[str, ...], kind: str
) -> None:
    top = shipped.parent.parent
    path, message = _broken(top, kind)
    before = snapshot(top)
    code, out, err = run(runner, *command, path)
    assert code == 2, err
    assert err.splitlines()[-1] == message, err
    assert "Error" not in err and out == ""
    assert snapshot(top) == before


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_a_broken_roadmap_named_by_the_environment_is_one_message(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    path, message = _broken(shipped.parent.parent, kind)
    monkeypatch.setenv("JTR_ROADMAP", path)
    code, _, err = run(runner, "status")
    assert code == 2 and err.splitlines()[-1] == message


@pytest.mark.parametrize("kind", ["dangling", "loop", "directory"])
@pytest.mark.parametrize("command", [("status",), EDITS[0], ("export", "--format", "json")])
def test_discovery_stops_at_a_broken_roadmap_and_never_edits_a_parents(
    runner: CliRunner, shipped: Path, monkeypatch: pytest.MonkeyPatch, kind: str,
    command: tuple[str, ...],
) -> None:  # fmt: skip
    top = shipped.parent.parent
    child = top / "office" / "data"
    child.mkdir(parents=True)
    broken = child / "roadmap.yaml"
    if kind == "dangling":
        broken.symlink_to("nowhere.yaml")
        message = "a dangling symbolic link (to nowhere.yaml, which does not exist)"
    elif kind == "loop":
        broken.symlink_to("roadmap.yaml")
        message = "a symbolic link loop"
    else:
        broken.mkdir()
        message = "is a directory, not a file"
    monkeypatch.chdir(top / "office")
    before = snapshot(top)
    code, out, err = run(runner, *command)
    assert code == 2 and out == ""
    assert f"jtr: error: data/roadmap.yaml: {message}" in err
    assert snapshot(top) == before  # the parent's roadmap is untouched, no lock file made


def test_discovery_returns_an_unreadable_roadmap_rather_than_a_parents(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "roadmap.yaml").write_text("parent", encoding="utf-8")
    child = tmp_path / "office" / "data" / "roadmap.yaml"
    child.parent.mkdir(parents=True)
    child.write_text("mine", encoding="utf-8")
    child.chmod(0)
    found = find_roadmap(environ={}, cwd=tmp_path / "office")
    assert found == child


# ---------------------------------------------------------------------------------------------
# Input size and kind: only a regular file, at most the limit, checked before reading


def test_validate_refuses_dev_zero_at_once(runner: CliRunner) -> None:
    code, out, err = run(runner, "validate", "/dev/zero")
    assert code == 2 and out == ""
    assert "jtr: error: /dev/zero: not a regular file (a character device)" in err


def test_every_reader_refuses_a_device(runner: CliRunner) -> None:
    for args in (("status", "-f", "/dev/zero"), ("textconv", "/dev/zero"),
                 ("diff", "--files", "/dev/zero", "/dev/null"), ("set", "x", "-s", "done", "-f", "/dev/zero")):  # fmt: skip
        code, _, err = run(runner, *args)
        assert code == 2 and "/dev/zero: not a regular file (a character device)" in err, args
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.slow
def test_validate_refuses_a_fifo_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "roadmap.yaml"
    os.mkfifo(fifo)
    for args in (("validate", str(fifo)), ("status", "-f", str(fifo)),
                 ("set", "x", "-s", "done", "-f", str(fifo)), ("textconv", str(fifo))):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "jtr", *args], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2, (args, done.stderr)
        assert f"jtr: error: {fifo}: not a regular file (a FIFO)" in done.stderr
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roadmap.yaml"]  # no lock file


def test_validate_refuses_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "validate", str(tmp_path))
    assert code == 2 and f"jtr: error: {tmp_path}: is a directory, not a file" in err


def test_a_file_over_64_mib_is_refused_before_it_is_read(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "roadmap.yaml"
    with open(big, "wb") as handle:  # sparse: costs no disk
        handle.truncate(70 * MIB)
    code, out, err = run(runner, "validate", str(big))
    assert code == 2 and out == ""
    assert err == (
        f"jtr: error: {big}: is 70 MiB; jtr reads roadmaps and schemas up to 64 MiB "
        "(--max-bytes N or $JTR_MAX_BYTES to change)\n"
    )
    with open(big, "wb") as handle:
        handle.truncate(64 * MIB + 1)
    code, _, err = run(runner, "validate", str(big))
    assert code == 2 and "is 64.0 MiB (67,108,865 bytes); jtr reads roadmaps" in err


def test_max_bytes_changes_the_limit(runner: CliRunner, tmp_path: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copyfile(MINIMAL, roadmap)
    size = roadmap.stat().st_size
    code, _, err = run(runner, "validate", str(roadmap), "--max-bytes", "100")
    assert code == 2
    assert f"is {size:,} bytes; jtr reads roadmaps and schemas up to 100 bytes" in err
    schema = (DATA / "schema.json").stat().st_size  # the schema is read under the same limit
    code, _, err = run(runner, "validate", str(roadmap), "--max-bytes", str(schema - 1))
    assert code == 2 and f"data/schema.json: is {schema:,} bytes" in err
    code, _, err = run(runner, "validate", str(roadmap), "--max-bytes", str(max(size, schema)))
    assert code == 0, err
    # the option lasts for its own command only
    assert fileio.max_bytes() == fileio.DEFAULT_MAX_BYTES


def test_max_bytes_of_the_environment_reaches_every_command(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copyfile(MINIMAL, roadmap)
    before = roadmap.read_bytes()
    monkeypatch.setenv(fileio.MAX_BYTES_ENV, "100")
    for args in (("status",), ("list",), ("export", "--format", "json"),
                 ("set", "x", "-s", "done"), ("validate",)):  # fmt: skip
        code, _, err = run(runner, *args, "-f", str(roadmap))
        assert code == 2 and "jtr reads roadmaps and schemas up to 100 bytes" in err, args
    assert roadmap.read_bytes() == before
    monkeypatch.setenv(fileio.MAX_BYTES_ENV, "lots")
    code, _, err = run(runner, "status", "-f", str(roadmap))
    assert code == 2 and "jtr: error: $JTR_MAX_BYTES='lots': write a whole number of bytes" in err


def test_a_file_that_grows_while_read_is_refused() -> None:
    """/proc files report size 0 and then give more: the read itself stops at limit + 1."""
    status = Path("/proc/self/status")
    if not status.is_file():
        pytest.skip("needs /proc")
    with pytest.raises(
        fileio.ReadError, match="is more than 100 bytes \\(it grew while being read\\)"
    ):
        fileio.read_limited(status, "status", limit=100)
    data, _info = fileio.read_limited(status, "status", limit=1 << 20)
    assert data.startswith(b"Name:")
