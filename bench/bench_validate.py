"""Validation benchmark: `jtr validate` against the bare limit and check-jsonschema.

    python bench/bench_validate.py            # 5,000 / 10,000 / 20,000 items + the shipped file
    python bench/bench_validate.py --quick    # 500 / 1,000 / 2,000 items, 2 repetitions

Each command runs as its own process; wall time is the median of --repeat runs
(time.perf_counter around the run), peak memory the largest max RSS of the child
(/usr/bin/time -f %M, else os.wait4). Results go to bench/out/bench_validate-<time>.json.
"""

from __future__ import annotations

import argparse
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
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SCHEMA = ROOT / "data" / "schema.json"
SHIPPED = ROOT / "data" / "roadmap.yaml"
BIN = Path(sys.executable).parent
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None
TOOLS = ("jtr", "bare", "check")
KEYS = ("median_s", "median_cpu_s")


def tool(name: str) -> str:
    found = BIN / name if (BIN / name).is_file() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found next to {sys.executable} or on PATH")
    return str(found)


def commands(path: Path) -> dict[str, list[str]]:
    return {
        "jtr": [tool("jtr"), "validate", str(path), "--schema", str(SCHEMA)],
        "bare": [sys.executable, str(BENCH / "bare_limit.py"), str(path), str(SCHEMA)],
        "check": [tool("check-jsonschema"), "--schemafile", str(SCHEMA), str(path)],
    }


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one run; exits if the command fails."""
    with tempfile.TemporaryFile() as log, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        full = [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd] if GNU_TIME else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=log, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            log.seek(0)
            tail = log.read()[-2000:].decode(errors="replace")
            raise SystemExit(f"exit {code}: {' '.join(cmd)}\n{tail}")
        kb = int(rss.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
    return wall, usage.ru_utime + usage.ru_stime, kb / 1024


def ensure_roadmap(items: int, regen: bool) -> Path:
    path = BENCH / ".cache" / f"roadmap-{items}.yaml"
    generator = BENCH / "gen_roadmap.py"
    if regen or not path.is_file() or path.stat().st_mtime < generator.stat().st_mtime:
        print(f"generating {path.relative_to(ROOT)} …", flush=True)
        subprocess.run([sys.executable, str(generator), "--items", str(items), "-o", str(path)],
                       check=True)  # fmt: skip
    return path


def measure(label: str, path: Path, items: int, repeat: int) -> dict[str, Any]:
    cmds = commands(path)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in TOOLS}
    load = os.getloadavg()[0]
    for r in range(repeat):
        for name in TOOLS:  # interleaved, so drift hits every tool alike
            runs[name].append(run(cmds[name]))
            print(f"  {label} #{r + 1} {name}: {runs[name][-1][0]:.2f} s", flush=True)
    result: dict[str, Any] = {"label": label, "items": items, "mb": path.stat().st_size / 1e6,
                              "loadavg_before": load}  # fmt: skip
    for name in TOOLS:
        walls, cpus, peaks = zip(*runs[name], strict=True)
        result[name] = {
            "times": walls,
            "cpu_times": cpus,
            "median_s": statistics.median(walls),
            "median_cpu_s": statistics.median(cpus),
            "peak_mb": max(peaks),
        }
    return result


def report(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def med(row: dict[str, Any], name: str, key: str = "median_s") -> float:
        return float(row[name][key])

    sized = [r for r in rows if r["label"] != "shipped"]
    for key, what in zip(KEYS, ("wall", "CPU"), strict=True):
        print(f"\n{what} seconds (median) and peak RSS (MB)" if key == "median_s" else
              f"\n{what} seconds (median; user+sys, not inflated by other load)")  # fmt: skip
        print(f"{'file':>8} {'items':>6} {'MB':>5} {'jtr s':>7} {'bare s':>7} {'check s':>7} "
              f"{'jtr/bare':>8} {'jtr/chk':>7}" + (" jtr MB bare MB chk MB" if key == "median_s" else ""))  # fmt: skip
        for row in rows:
            jtr, bare, check = (med(row, n, key) for n in TOOLS)
            peaks = " ".join(f"{row[n]['peak_mb']:>6.0f}" for n in TOOLS)
            print(f"{row['label']:>8} {row['items']:>6} {row['mb']:>5.1f} {jtr:>7.2f} {bare:>7.2f} "
                  f"{check:>7.2f} {jtr / bare:>8.2f} {jtr / check:>7.2f} "
                  + (peaks if key == "median_s" else ""))  # fmt: skip
        print(f"growth, {what} seconds per 1,000 items: t/n, and Δt/Δn from the previous size")
        print(f"{'items':>15} " + " ".join(f"{n + ' t/n':>10} {n + ' Δ':>8}" for n in TOOLS))
        prev: dict[str, Any] | None = None
        for row in sized:
            cells = []
            for n in TOOLS:
                step = "" if prev is None else (
                    f"{(med(row, n, key) - med(prev, n, key)) / (row['items'] - prev['items']) * 1000:.2f}"
                )  # fmt: skip
                cells.append(f"{med(row, n, key) / row['items'] * 1000:>10.2f} {step:>8}")
            print(f"{row['items']:>15} " + " ".join(cells))
            prev = row
    shipped = next((r for r in rows if r["label"] == "shipped"), None)
    at_20k = next((r for r in sized if r["items"] == 20000), None)

    def ratio(limit: float, other: str, key: str) -> bool | None:
        return (
            all(med(r, "jtr", key) <= limit * med(r, other, key) for r in sized) if sized else None
        )

    targets = [
        ("jtr <= 1.5x bare on every size", *(ratio(1.5, "bare", k) for k in KEYS)),
        ("jtr <= 0.25x check-jsonschema on every size", *(ratio(0.25, "check", k) for k in KEYS)),
        ("jtr peak RSS < 300 MB at 20,000 items",
         at_20k["jtr"]["peak_mb"] < 300 if at_20k else None, None),
        ("jtr faster than check-jsonschema on the shipped roadmap",
         *(med(shipped, "jtr", k) < med(shipped, "check", k) if shipped else None for k in KEYS)),
    ]  # fmt: skip
    print("\ntargets (on wall time; the same on CPU time in brackets)")
    for text, wall, cpu in targets:
        verdict = {None: "n/a ", True: "PASS", False: "FAIL"}
        print(f"{verdict[wall]}  {text}" + ("" if cpu is None else f"  [CPU: {verdict[cpu]}]"))
    return [{"target": text, "pass": wall, "pass_on_cpu": cpu} for text, wall, cpu in targets]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000", help="comma-separated item counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command and file")
    parser.add_argument("--quick", action="store_true", help="sizes 500,1000,2000 and 2 runs")
    parser.add_argument("--regen", action="store_true", help="regenerate the cached roadmaps")
    args = parser.parse_args()
    sizes = [500, 1000, 2000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    repeat = 2 if args.quick else args.repeat
    shipped_items = sum(
        len(c["items"]) for c in yaml.safe_load(SHIPPED.read_text("utf-8"))["courses"]
    )
    for cmd in commands(SHIPPED).values():  # warm-up: byte-compile, page cache
        run(cmd)
    rows = [measure("shipped", SHIPPED, shipped_items, repeat)]
    for items in sizes:
        rows.append(measure(str(items), ensure_roadmap(items, args.regen), items, repeat))
    targets = report(rows)
    out = BENCH / "out" / f"bench_validate-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    git = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()  # fmt: skip
    meta = {"python": sys.version.split()[0], "platform": platform.platform(), "git": git,
            "cpus": os.cpu_count(), "repeat": repeat, "peak_rss_from": GNU_TIME or "os.wait4"}  # fmt: skip
    out.write_text(json.dumps({"meta": meta, "files": rows, "targets": targets}, indent=2) + "\n")
    print(f"\nresults: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
