"""`jtr history` over synthetic repositories of 100, 250 and 500 commits.

One repository is built commit by commit from the shipped roadmap: each commit appends a status
record to a task or shifts a task's fiscal years (in turn). At 100, 250 and 500 commits the
script times `jtr history --format json` (median of N) and counts the git processes it starts,
through a `git` shim on PATH that logs each call: reading any number of commits takes one
`git log` and one `git cat-file --batch`, so the time grows linearly with the commits (each
distinct version is parsed once) and the process count does not grow at all.

    python bench/bench_history.py [--repeat 5] [--sizes 100,250,500]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
JTR = [sys.executable, "-c", "import sys, jtr.cli; sys.argv[0] = 'jtr'; jtr.cli.main()"]
STATUSES = ("in_progress", "delayed", "in_progress", "done")


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def main() -> None:
    import datetime as dt

    import yaml

    from jtr.loader import load_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="100,250,500")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_history.json")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    data = load_text(ROADMAP.read_text(encoding="utf-8"))
    tasks = [t for c in data["courses"] for i in c["items"] for t in i["tasks"]]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        (repo / "data").mkdir(parents=True)
        shim = Path(tmp) / "shim"
        shim.mkdir()
        log = Path(tmp) / "git-calls.log"
        real_git = shutil.which("git")
        (shim / "git").write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real_git}" "$@"\n')
        (shim / "git").chmod(0o755)
        env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
               "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}  # fmt: skip
        git(repo, "init", "-q", env=env)
        path = repo / "data" / "roadmap.yaml"
        day = dt.date(2024, 4, 1)
        built = 0
        started = time.perf_counter()
        for size in sizes:
            while built < size:
                if built:
                    task = tasks[built % len(tasks)]
                    span = task["fiscal_years"]
                    if built % 5 == 4 and span["from"] < 2026:  # shift the end year
                        span["to"] = 2026 if span["to"] < 2026 else span["from"]
                    else:
                        history = task.setdefault("history", [])
                        status = STATUSES[len(history) % len(STATUSES)]
                        history.append({"status": status, "date": day.isoformat()})
                path.write_text(
                    yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
                )
                stamp = f"{day.isoformat()}T12:00:00+09:00"
                git(repo, "add", ".", env=env)
                git(repo, "commit", "-q", "-m", f"commit {built + 1}",
                    env={**env, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})  # fmt: skip
                built += 1
                day += dt.timedelta(days=2)
            cmd = [*JTR, "history", "--format", "json", "--as-of", "2026-11-26"]
            run_env = {**env, "PATH": f"{shim}{os.pathsep}{env['PATH']}"}
            log.write_text("")
            out = subprocess.run(
                cmd, cwd=repo, env=run_env, capture_output=True, text=True, check=True
            )
            # One line per call (str.splitlines would also split at git log's \x1e separators).
            calls = [
                next((a for a in line.split(" ") if not a.startswith("-")), line)
                for line in log.read_text().split("\n")
                if line
            ]
            commits = len(json.loads(out.stdout)["commits"])
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                subprocess.run(cmd, cwd=repo, stdout=subprocess.DEVNULL, check=True)
                times.append(time.perf_counter() - t0)
            median = statistics.median(times)
            results.append({"commits": commits, "median_seconds": median,
                            "per_commit_ms": median / commits * 1000, "git_processes": calls})  # fmt: skip
            print(f"{commits:4d} commits: {median:6.2f} s median of {args.repeat} "
                  f"({median / commits * 1000:5.1f} ms/commit); git processes: {len(calls)} ({', '.join(calls)})")  # fmt: skip
        print(f"(building the repository took {time.perf_counter() - started:.1f} s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(),
                                    "repeat": args.repeat, "sizes": results}, indent=2) + "\n")  # fmt: skip


if __name__ == "__main__":
    main()
