"""Validation benchmark: `jtr validate` against the limit, the bare script and check-jsonschema.

    python bench/bench_validate.py            # 2,000 / 5,000 / 20,000 items + the shipped file
    python bench/bench_validate.py --quick    # 500 / 1,000 / 2,000 items, 2 repetitions
    python bench/bench_validate.py --all-tools-up-to 5000   # above it: jtr and limit only

Each command runs as its own process; wall time is the median of --repeat runs
(time.perf_counter around the run), peak memory the largest max RSS of the child
(/usr/bin/time -f %M, else os.wait4). Results go to bench/out/bench_validate-<time>.json.
"""

from __future__ import annotations

import argparse
import itertools
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
TOOLS = ("jtr", "limit", "bare", "check")
KEYS = ("median_s", "median_cpu_s")


def tool(name: str) -> str:
    found = BIN / name if (BIN / name).is_file() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found next to {sys.executable} or on PATH")
    return str(found)


def commands(path: Path) -> dict[str, list[str]]:
    return {
        "jtr": [tool("jtr"), "validate", str(path), "--schema", str(SCHEMA)],
        "limit": [sys.executable, str(BENCH / "limit.py"), str(path), str(SCHEMA)],
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


def measure(
    label: str, path: Path, items: int, repeat: int, tools: tuple[str, ...] = TOOLS
) -> dict[str, Any]:
    cmds = commands(path)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in tools}
    load = os.getloadavg()[0]
    for r in range(repeat):
        for name in tools:  # interleaved, so drift hits every tool alike
            runs[name].append(run(cmds[name]))
            print(f"  {label} #{r + 1} {name}: {runs[name][-1][0]:.2f} s", flush=True)
    result: dict[str, Any] = {"label": label, "items": items, "mb": path.stat().st_size / 1e6,
                              "loadavg_before": load}  # fmt: skip
    for name in tools:
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
    def med(row: dict[str, Any], name: str, key: str = "median_s") -> float | None:
        return float(row[name][key]) if name in row else None

    def cell(value: float | None, width: int = 7, form: str = ".2f") -> str:
        return f"{value:>{width}{form}}" if value is not None else f"{'-':>{width}}"

    def over(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    sized = [r for r in rows if r["label"] != "shipped"]
    for key, what in zip(KEYS, ("wall", "CPU"), strict=True):
        print(f"\n{what} seconds (median) and peak RSS (MB)" if key == "median_s" else
              f"\n{what} seconds (median; user+sys, not inflated by other load)")  # fmt: skip
        print(f"{'file':>8} {'items':>6} {'MB':>5} " + " ".join(f"{n + ' s':>7}" for n in TOOLS)
              + f" {'jtr/lim':>7} {'jtr/bare':>8} {'jtr/chk':>7}"
              + ("".join(f" {n + ' MB':>8}" for n in TOOLS) if key == "median_s" else ""))  # fmt: skip
        for row in rows:
            times = [med(row, n, key) for n in TOOLS]
            jtr, limit, bare, check = times
            peaks = "".join(
                f" {row[n]['peak_mb']:>8.0f}" if n in row else f" {'-':>8}" for n in TOOLS
            )
            print(f"{row['label']:>8} {row['items']:>6} {row['mb']:>5.1f} "
                  + " ".join(cell(t) for t in times)
                  + f" {cell(over(jtr, limit))} {cell(over(jtr, bare), 8)} {cell(over(jtr, check))}"
                  + (peaks if key == "median_s" else ""))  # fmt: skip
        print(f"growth, {what} seconds per 1,000 items: t/n, and Δt/Δn from the previous size")
        print(f"{'items':>15} " + " ".join(f"{n + ' t/n':>10} {n + ' Δ':>8}" for n in TOOLS))
        prev: dict[str, Any] | None = None
        for row in sized:
            cells = []
            for n in TOOLS:
                now = med(row, n, key)
                if now is None:
                    cells.append(f"{'-':>10} {'':>8}")
                    continue
                before = None if prev is None else med(prev, n, key)
                step = "" if prev is None or before is None else (
                    f"{(now - before) / (row['items'] - prev['items']) * 1000:.2f}"
                )  # fmt: skip
                cells.append(f"{now / row['items'] * 1000:>10.2f} {step:>8}")
            print(f"{row['items']:>15} " + " ".join(cells))
            prev = row
    shipped = next((r for r in rows if r["label"] == "shipped"), None)
    at_20k = next((r for r in sized if r["items"] == 20000), None)

    def ratio(limit: float, other: str, key: str) -> bool | None:
        pairs = [(med(r, "jtr", key), med(r, other, key)) for r in sized]
        pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
        return all(a <= limit * b for a, b in pairs) if pairs else None

    def linear(key: str) -> bool | None:
        """Δt/Δn of jtr from size to size stays within 25 % of the first step's."""
        steps = [
            ((med(b, "jtr", key) or 0) - (med(a, "jtr", key) or 0)) / (b["items"] - a["items"])
            for a, b in itertools.pairwise(sized)
        ]
        return all(s <= 1.25 * steps[0] for s in steps[1:]) if len(steps) >= 2 else None

    def faster_on_shipped(key: str) -> bool | None:
        if shipped is None or "check" not in shipped:
            return None
        return (med(shipped, "jtr", key) or 0) < (med(shipped, "check", key) or 0)

    targets = [
        ("jtr <= 2x limit (yaml-rs or CSafeLoader + jsonschema-rs) on every size",
         *(ratio(2.0, "limit", k) for k in KEYS)),
        ("jtr <= 0.1x bare (CSafeLoader + jsonschema) on every size",
         *(ratio(0.1, "bare", k) for k in KEYS)),
        ("jtr <= 0.25x check-jsonschema on every size", *(ratio(0.25, "check", k) for k in KEYS)),
        ("jtr grows linearly (each Δt/Δn within 1.25x of the first)", *(linear(k) for k in KEYS)),
        ("jtr peak RSS < 300 MB at 20,000 items",
         at_20k["jtr"]["peak_mb"] < 300 if at_20k else None, None),
        ("jtr faster than check-jsonschema on the shipped roadmap",
         *(faster_on_shipped(k) for k in KEYS)),
    ]  # fmt: skip
    print("\ntargets (on wall time; the same on CPU time in brackets)")
    for text, wall, cpu in targets:
        verdict = {None: "n/a ", True: "PASS", False: "FAIL"}
        print(f"{verdict[wall]}  {text}" + ("" if cpu is None else f"  [CPU: {verdict[cpu]}]"))
    return [{"target": text, "pass": wall, "pass_on_cpu": cpu} for text, wall, cpu in targets]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,5000,20000", help="comma-separated item counts")
    parser.add_argument("--all-tools-up-to", type=int, default=None, metavar="ITEMS",
                        help="above this size run only jtr and limit (bare and check take "
                        "minutes at 20,000 items)")  # fmt: skip
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
        everything = args.all_tools_up_to is None or items <= args.all_tools_up_to
        tools = TOOLS if everything else ("jtr", "limit")
        path = ensure_roadmap(items, args.regen)
        rows.append(measure(str(items), path, items, repeat, tools))
    targets = report(rows)
    out = BENCH / "out" / f"bench_validate-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    git = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()  # fmt: skip
    which = subprocess.run(commands(SHIPPED)["limit"] + ["--which"], capture_output=True,
                           text=True).stderr.strip()  # fmt: skip
    engine = subprocess.run([tool("jtr"), "--version"], capture_output=True, text=True)
    print(f"limit: {which}; jtr: {' / '.join(engine.stdout.split(chr(10))[:2])}")
    meta = {"limit": which, "jtr_version": engine.stdout.strip(),
            "python": sys.version.split()[0], "platform": platform.platform(), "git": git,
            "cpus": os.cpu_count(), "repeat": repeat, "peak_rss_from": GNU_TIME or "os.wait4"}  # fmt: skip
    out.write_text(json.dumps({"meta": meta, "files": rows, "targets": targets}, indent=2) + "\n")
    print(f"\nresults: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
