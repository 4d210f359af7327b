"""`jtr diff` between two revisions of the shipped roadmap, against `git diff` of the same.

A temporary repository gets two commits: the shipped roadmap, then the same with progress
recorded (five tasks done, a year shifted, an owner added, a task renamed). Both commands
run N times, interleaved in the same run, with `jtr --version` as the floor that
Python and Typer's start-up set; the medians are printed (and written as JSON).

    python bench/bench_diff.py [--repeat 21] [--out bench/out/bench_diff.json]
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
# `jtr` as the console script runs it, from the interpreter running this script.
JTR = [sys.executable, "-c", "import sys, jtr.cli; sys.argv[0] = 'jtr'; jtr.cli.main()"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@example.org", *args],
                   cwd=repo, check=True, capture_output=True)  # fmt: skip


def progressed(text: str) -> str:
    import re

    for task in ("welfare-workers-decide", "district-dock-survey-design", "district-dock-run-2024",
                 "labour-management-desk", "council-publicity-decide"):  # fmt: skip
        text = re.sub(
            rf"(- id: {task}\n(?:            .*\n)*?            fiscal_years:.*\n              from: \d+\n              to: \d+\n)",
            r'\1            history:\n              - status: done\n                date: "2025-02-10"\n',
            text, count=1,
        )  # fmt: skip
    text = text.replace("- id: welfare-workers-start", "- id: welfare-workers-begin", 1)
    return text.replace('published: "2023-11"', 'published: "2023-12"', 1)


def timed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_diff.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        (repo / "data").mkdir()
        shutil.copy(ROADMAP, repo / "data" / "roadmap.yaml")
        git(repo, "init", "-q")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "published")
        path = repo / "data" / "roadmap.yaml"
        path.write_text(progressed(path.read_text(encoding="utf-8")), encoding="utf-8")
        git(repo, "commit", "-q", "-am", "progress")
        env_jtr = [*JTR, "diff", "HEAD~1", "HEAD", "--format", "json"]
        check = subprocess.run(env_jtr, cwd=repo, capture_output=True, text=True, check=False)
        changes = json.loads(check.stdout)["count"]
        cmds = {
            "jtr diff HEAD~1 HEAD": [*JTR, "diff", "HEAD~1", "HEAD"],
            "jtr diff HEAD~1 HEAD --format json": env_jtr,
            "jtr --version (start-up floor)": [*JTR, "--version"],
            "git diff HEAD~1 HEAD": [
                "git",
                "diff",
                "--no-ext-diff",
                "--no-textconv",
                "HEAD~1",
                "HEAD",
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for cmd in cmds.values():  # warm-up (bytecode, page cache)
            timed(cmd, repo)
        for _ in range(args.repeat):
            for name, cmd in cmds.items():
                times[name].append(timed(cmd, repo))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["git diff HEAD~1 HEAD"]
    print(
        f"shipped roadmap, {changes} semantic changes between the revisions; median of {args.repeat} runs"
    )
    for name, value in medians.items():
        print(f"  {name:38s} {value * 1000:7.1f} ms  ({value / base:5.1f}x git diff)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "python": sys.version.split()[0], "cpus": os.cpu_count(), "repeat": args.repeat,
        "changes": changes, "median_seconds": medians,
    }, indent=2) + "\n", encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
