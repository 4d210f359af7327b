"""Editing with real processes: killed in the middle of a write, and many at once."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jtr.fileio import PAUSE_ENV
from jtr.loader import load_file
from jtr.validate import SchemaCache, validate_file

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "data" / "schema.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock"),
]


@pytest.fixture
def roadmap(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data" / "roadmap.yaml"


def jtr(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("JTR_ROADMAP", PAUSE_ENV)}
    return subprocess.Popen(
        [sys.executable, "-m", "jtr", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**environment, **(env or {})},
    )  # fmt: skip


def history(path: Path) -> dict[str, list[dict]]:
    data = load_file(path).data
    return {
        task["id"]: task.get("history", [])
        for course in data["courses"]
        for item in course["items"]
        for task in item["tasks"]
    }


def errors(path: Path) -> int:
    return validate_file(path, SchemaCache(SCHEMA)).errors


def test_sigkill_between_write_and_replace_leaves_the_old_file(roadmap: Path) -> None:
    before = roadmap.read_bytes()
    args = ("set", "welfare-workers-decide", "-s", "done", "-d", "2025-02-10", "-f", str(roadmap))
    process = jtr(*args, env={PAUSE_ENV: "60"})
    deadline = time.monotonic() + 60
    temporaries: list[Path] = []
    while not temporaries and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
        temporaries = list(roadmap.parent.glob(".roadmap.yaml.*.tmp"))
    assert temporaries, process.communicate()
    # The temporary file is complete (written and fsynced) before the pause: wait for it.
    while b"date: 2025-02-10" not in temporaries[0].read_bytes() and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert roadmap.read_bytes() == before  # the old file, whole
    assert errors(roadmap) == 0
    assert temporaries[0].exists()  # left behind by the killed process

    finished = jtr(*args)
    out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err
    assert "planned → done on 2025-02-10" in out
    assert history(roadmap)["welfare-workers-decide"] == [{"status": "done", "date": "2025-02-10"}]
    assert errors(roadmap) == 0
    assert not list(roadmap.parent.glob(".roadmap.yaml.*.tmp"))  # the stale one was removed


def test_twenty_concurrent_sets_all_land(roadmap: Path) -> None:
    tasks = list(history(roadmap))[:20]
    assert len(tasks) == 20
    processes = [
        jtr("set", task, "-s", "in_progress", "-d", f"2025-01-{n + 1:02d}", "-n", f"記録{n}",
            "-f", str(roadmap))
        for n, task in enumerate(tasks)
    ]  # fmt: skip
    waited = 0
    for process in processes:
        _out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        waited += "waiting for another edit" in err
    assert waited > 0  # they did run at the same time and queue for the lock
    recorded = history(roadmap)
    for n, task in enumerate(tasks):
        assert recorded[task] == [
            {"status": "in_progress", "date": f"2025-01-{n + 1:02d}", "note": f"記録{n}"}
        ], task
    assert errors(roadmap) == 0
    assert not list(roadmap.parent.glob(".roadmap.yaml.*.tmp"))
    assert (roadmap.parent / ".roadmap.yaml.lock").exists()
