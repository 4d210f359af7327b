"""Hostile sizes: how long the views take on a roadmap with a 4 MB title, and `validate` on a
roadmap with one 50 MB value. Issue figures: `show` of a 4 MB title must not take seconds; a
50 MB value must not produce a 50 MB message.

    python bench/bench_hostile.py [--repeat 3]

Each command runs as its own process with the parse cache off; the table gives the median
wall time and the size of what it printed. Writes bench/out/bench_hostile-<date>-<time>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
SCHEMA = ROOT / "data" / "schema.json"


def _jtr() -> list[str]:
    script = Path(sys.executable).parent / "jtr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]


def _files(folder: Path) -> tuple[Path, Path]:
    text = MINIMAL.read_text(encoding="utf-8")
    big = "word " * (4 * 1024 * 1024 // 5)
    title = folder / "title-4mb.yaml"
    title.write_text(
        text.replace("en: Item A}", f'en: "{big}"}}').replace("en: Task A1}", f'en: "{big}"}}'),
        encoding="utf-8",
    )
    value = folder / "value-50mb.yaml"
    marker = "              - status: in_progress\n"
    assert marker in text
    value.write_text(
        text.replace(marker, f'              - status: "{"x" * 50_000_000}"\n'), encoding="utf-8"
    )
    return title, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "JTR_NO_CACHE": "1", "COLUMNS": "80"}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        title, value = _files(Path(tmp))
        commands = {
            "show item (4 MB title)": ["show", "item-a", "-f", str(title)],
            "show task (4 MB title)": ["show", "task-a1", "-f", str(title)],
            "status (4 MB title)": ["status", "-f", str(title)],
            "timeline (4 MB title)": ["timeline", "-f", str(title)],
            "list (4 MB title)": ["list", "-f", str(title)],
            "validate (50 MB value)": ["validate", str(value), "--schema", str(SCHEMA)],
        }
        for name, command in commands.items():
            times, size = [], 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                run = subprocess.run(
                    [*_jtr(), *command, "--lang", "en"] if name != "validate (50 MB value)"
                    else [*_jtr(), *command],
                    capture_output=True, env=env, check=False,
                )  # fmt: skip
                times.append(time.perf_counter() - started)
                size = len(run.stdout) + len(run.stderr)
            rows.append({"command": name, "wall_s": statistics.median(times), "output_bytes": size})
            print(f"{name:28} {statistics.median(times):7.2f} s  {size:>10,} bytes printed")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"bench_hostile-{stamp}.json").write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
