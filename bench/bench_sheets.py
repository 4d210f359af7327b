"""The 照会・回答 cycle on the shipped roadmap: `jtr request --split district` (32 workbooks),
the replies filled in, and `jtr import` of all 32 in one command.

    python bench/bench_sheets.py               # 5 runs of each step
    python bench/bench_sheets.py --repeat 9

Each step runs as its own process on a fresh copy of data/roadmap.yaml: `request --split
district -o DIR/` writes one request per district; every district-scoped row of each is then
answered (status 完了, a date, a note, who) with openpyxl, touching only the input cells;
`import` reads the 32 replies and records them in one write. The first run checks that the
import recorded one record per answered row and that `jtr validate` passes afterwards. Wall
time is the median of --repeat runs (time.perf_counter around the process), CPU time the
median of user + system (os.wait4), peak memory the largest ru_maxrss. Results go to
bench/out/bench_sheets-<time>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHIPPED = ROOT / "data" / "roadmap.yaml"
AS_OF = "2026-12-07"
Run = tuple[float, float, float]  # wall s, CPU s, peak RSS MB


def jtr() -> list[str]:
    script = Path(sys.executable).parent / "jtr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]


def run(cmd: list[str]) -> tuple[Run, str]:
    """(wall s, CPU s, peak RSS MB) of one run and its output; exits if the command fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        log.seek(0)
        output = log.read().decode(errors="replace")
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{output[-2000:]}")
    return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), output


def fill(folder: Path) -> int:
    """Answer every row of every request in `folder`; the number of rows answered."""
    from openpyxl import load_workbook

    answered = 0
    for number, path in enumerate(sorted(folder.glob("*.xlsx"))):
        book = load_workbook(path)
        sheet = book.worksheets[0]
        for row in range(2, sheet.max_row + 1):
            if sheet[f"A{row}"].value is None:
                continue
            sheet[f"I{row}"] = "完了"
            sheet[f"J{row}"] = dt.datetime(2026, 12, 1 + number % 6)
            sheet[f"K{row}"] = f"回答 {path.stem}"
            sheet[f"L{row}"] = path.stem
            answered += 1
        book.save(path)
    return answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs: dict[str, list[Run]] = {"request --split district": [], "import 32 replies": []}
    details: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as work:
        for attempt in range(args.repeat):
            here = Path(work) / str(attempt)
            here.mkdir()
            roadmap = here / "roadmap.yaml"
            shutil.copy(SHIPPED, roadmap)
            shutil.copy(ROOT / "data" / "schema.json", here / "schema.json")
            out = here / "requests"
            base = [*jtr(), "-f", str(roadmap), "--lang", "ja"]
            measured, _ = run([*base, "request", "--split", "district", "--as-of", AS_OF,
                               "-o", f"{out}/"])  # fmt: skip
            runs["request --split district"].append(measured)
            books = sorted(out.glob("*.xlsx"))
            answered = fill(out)
            measured, output = run([*base, "import", *map(str, books)])
            runs["import 32 replies"].append(measured)
            if attempt == 0:
                recorded = sum(int(line.split(": ")[1].split()[0]) for line in output.splitlines())
                if recorded != answered:
                    raise SystemExit(f"recorded {recorded} of {answered} answers:\n{output}")
                run([*jtr(), "-f", str(roadmap), "validate"])
                details = {"workbooks": len(books), "rows answered": answered}
            print(f"run {attempt + 1}/{args.repeat} done", flush=True)
    table = {
        step: {
            "wall_s": statistics.median(r[0] for r in measured),
            "cpu_s": statistics.median(r[1] for r in measured),
            "peak_mb": max(r[2] for r in measured),
        }
        for step, measured in runs.items()
    }
    print(f"\n{details}")
    print(f"{'step':<28}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}")
    for step, row in table.items():
        print(f"{step:<28}{row['wall_s']:>8.2f}{row['cpu_s']:>8.2f}{row['peak_mb']:>9.0f}")
    (BENCH / "out").mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    result = {
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "loadavg_before": os.getloadavg(),
        "repeat": args.repeat,
        **details,
        "steps": table,
    }
    path = BENCH / "out" / f"bench_sheets-{stamp}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
