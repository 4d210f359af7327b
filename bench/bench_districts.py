"""District benchmark: validate, status, districts and set on roadmaps with per-district records.

    python bench/bench_districts.py                 # 250 / 500 / 1,000 items, 3 runs each (~3 min)
    python bench/bench_districts.py --repeat 5 --sizes 250,1000

The roadmaps come from `gen_roadmap.py --districts SHARE` (default 0.1: every tenth task says
`districts: all`, with the shipped 32-district registry and 3 records per district). At the
largest size the same roadmap is also generated with 1 and 2 records per district, so that the
time per extra 1,000 records is seen with the items held fixed. Each command runs as its own
process, the commands of one file taking turns; wall time is the median of --repeat runs
(time.perf_counter around the run), CPU time the median of user + system and peak memory the
largest ru_maxrss of the child (os.wait4). jtr's parse cache lives in a private JTR_CACHE_DIR:
emptied before each `status (first)`, warm for `status (cached)` and the `districts` views.
`set` runs on a fresh copy each time, dated the day after the task's last record, and the
first run checks that it appended one record per district. Last, `jtr status` on the shipped
roadmap is timed against `python -c "import yaml"`, interleaved (target: at most 3x).
Results go to bench/out/bench_districts-<time>.json.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import resource
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
GENERATOR = BENCH / "gen_roadmap.py"
AS_OF = "2027-03-31"  # the last day of the generated roadmaps' records: every record counts
TARGET = 3.0
COMMANDS = ("validate", "status (first)", "status (cached)", "districts", "districts json", "set")
Run = tuple[float, float, float]  # wall s, CPU s, peak RSS MB


def jtr() -> list[str]:
    script = Path(sys.executable).parent / "jtr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]


def run(cmd: list[str], env: dict[str, str]) -> Run:
    """(wall s, CPU s, peak RSS MB) of one run; exits if the command fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            log.seek(0)
            tail = log.read()[-2000:].decode(errors="replace")
            raise SystemExit(f"exit {code}: {' '.join(cmd)}\n{tail}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ensure_roadmap(items: int, share: float, per_district: int, regen: bool) -> Path:
    path = BENCH / ".cache" / f"districts-{items}-{share:g}-{per_district}.yaml"
    if regen or not path.is_file() or path.stat().st_mtime < GENERATOR.stat().st_mtime:
        print(f"generating {path.relative_to(ROOT)} …", flush=True)
        subprocess.run([sys.executable, str(GENERATOR), "--items", str(items), "--districts",
                        str(share), "--district-records", str(per_district), "-o", str(path)],
                       check=True)  # fmt: skip
    return path


def census(path: Path) -> dict[str, Any]:
    """census_of(path), read in a child process: this process stays small, and a child's
    ru_maxrss (which starts from the size of the process it was forked from) stays its own."""
    out = subprocess.run([sys.executable, __file__, "--census", str(path)],
                         check=True, capture_output=True, text=True).stdout  # fmt: skip
    return dict(json.loads(out))


def census_of(path: Path) -> dict[str, Any]:
    """Counts of the file, and the task `set` records: the last district-scoped one."""
    data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
    tasks = [t for c in data["courses"] for i in c["items"] for t in i["tasks"]]
    scoped = [t for t in tasks if t.get("districts")]
    records = [r for t in tasks for r in t.get("history", [])]
    last = scoped[-1]
    per_task = {t["id"]: sum(1 for r in t.get("history", []) if "district" in r) for t in scoped}
    after = max(dt.date.fromisoformat(r["date"]) for r in last["history"]) + dt.timedelta(days=1)
    return {
        "items": sum(len(c["items"]) for c in data["courses"]),
        "tasks": len(tasks),
        "scoped_tasks": len(scoped),
        "districts": len(data["districts"]["list"]),
        "records": len(records),
        "district_records": sum(1 for r in records if "district" in r),
        "mb": path.stat().st_size / 1e6,
        "set_task": last["id"],
        "set_date": after.isoformat(),
        "set_task_district_records": per_task[last["id"]],
    }


def measure(label: str, path: Path, repeat: int) -> dict[str, Any]:
    info = census(path)
    base = [*jtr(), "--lang", "en", "-f"]
    view = ["--as-of", AS_OF, "--width", "100"]
    runs: dict[str, list[Run]] = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="bench-districts-") as tmp:
        cache, copy = Path(tmp) / "cache", Path(tmp) / "edit" / "roadmap.yaml"
        env = {**os.environ, "JTR_CACHE_DIR": str(cache)}
        env.pop("JTR_NO_CACHE", None)
        cmds = {
            "validate": [*base, str(path), "validate", "--schema", str(SCHEMA)],
            "status (first)": [*base, str(path), "status", *view],
            "status (cached)": [*base, str(path), "status", *view],
            "districts": [*base, str(path), "districts", *view],
            "districts json": [*base, str(path), "districts", *view, "--format", "json"],
            "set": [*base, str(copy), "set", info["set_task"], "-s", "done",
                    "-d", info["set_date"], "--district", "all"],
        }  # fmt: skip
        load = os.getloadavg()[0]
        for r in range(repeat):
            for name in COMMANDS:  # interleaved, so drift hits every command alike
                if name == "status (first)":
                    shutil.rmtree(cache, ignore_errors=True)
                if name == "set":
                    shutil.rmtree(copy.parent, ignore_errors=True)
                    copy.parent.mkdir(parents=True)
                    shutil.copyfile(path, copy)
                runs[name].append(run(cmds[name], env))
                print(f"  {label} #{r + 1} {name}: {runs[name][-1][0]:.2f} s", flush=True)
            if r == 0:
                after = census(copy)["set_task_district_records"]
                added = after - info["set_task_district_records"]
                if added != info["districts"]:
                    raise SystemExit(f"set appended {added} district records, not 32")
    result: dict[str, Any] = {"label": label, **info, "loadavg_before": load}
    for name in COMMANDS:
        walls, cpus, peaks = zip(*runs[name], strict=True)
        result[name] = {
            "times": walls,
            "cpu_times": cpus,
            "median_s": statistics.median(walls),
            "median_cpu_s": statistics.median(cpus),
            "peak_mb": max(peaks),
        }
    return result


def shipped_vs_import(repeat: int) -> list[dict[str, Any]]:
    """`jtr status` on the shipped roadmap (cached and first run) against `import yaml`."""
    with tempfile.TemporaryDirectory(prefix="bench-districts-") as tmp:
        cache = Path(tmp) / "cache"
        env = {**os.environ, "JTR_CACHE_DIR": str(cache)}
        env.pop("JTR_NO_CACHE", None)
        common = ["--file", str(SHIPPED), "--as-of", "2026-11-26", "--width", "100"]
        status = [*jtr(), "status", *common]
        cmds = {
            "baseline: python -c 'import yaml'": [sys.executable, "-c", "import yaml"],
            "jtr status (cached)": status,
            "jtr status (first)": status,
            "jtr districts (cached)": [*jtr(), "districts", *common],
        }
        for cmd in cmds.values():  # warm the page cache and jtr's parse cache
            run(cmd, env)
        samples: dict[str, list[Run]] = {name: [] for name in cmds}
        for _ in range(repeat):
            for name, cmd in cmds.items():
                if name.endswith("(first)"):
                    shutil.rmtree(cache, ignore_errors=True)
                samples[name].append(run(cmd, env))  # a first run leaves the cache warm
    baseline = statistics.median(w for w, _c, _m in samples["baseline: python -c 'import yaml'"])
    rows = []
    for name, runs in samples.items():
        median = statistics.median(w for w, _c, _m in runs)
        rows.append({"command": name, "median_s": median, "ratio": median / baseline,
                     "peak_mb": max(m for _w, _c, m in runs), "times": [w for w, _c, _m in runs]})  # fmt: skip
    return rows


def report(rows: list[dict[str, Any]], shipped: list[dict[str, Any]]) -> None:
    def med(row: dict[str, Any], name: str, key: str = "median_s") -> float:
        return float(row[name][key])

    print("\nfiles")
    print(f"{'file':>10} {'items':>6} {'tasks':>6} {'scoped':>6} {'records':>8} "
          f"{'district r.':>11} {'MB':>5}")  # fmt: skip
    for row in rows:
        print(f"{row['label']:>10} {row['items']:>6} {row['tasks']:>6} {row['scoped_tasks']:>6} "
              f"{row['records']:>8} {row['district_records']:>11} {row['mb']:>5.1f}")  # fmt: skip
    for key, what in (("median_s", "wall"), ("median_cpu_s", "CPU (user+sys)")):
        print(f"\n{what} seconds, median of {len(rows[0]['validate']['times'])} runs")
        print(f"{'file':>10} " + " ".join(f"{n:>15}" for n in COMMANDS))
        for row in rows:
            print(f"{row['label']:>10} " + " ".join(f"{med(row, n, key):>15.2f}" for n in COMMANDS))
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS MB (largest ru_maxrss of the runs; this process's own, {floor:.0f} MB, is")
    print("a floor: a child's count starts at the size of the process it is forked from)")
    print(f"{'file':>10} " + " ".join(f"{n:>15}" for n in COMMANDS))
    for row in rows:
        print(f"{row['label']:>10} " + " ".join(f"{row[n]['peak_mb']:>15.0f}" for n in COMMANDS))
    print("\ngrowth, wall seconds per 1,000 records: t/r (whole time / records), and Δ, the extra")
    print("time per 1,000 extra records from the row before; flat Δ means linear growth")
    together = [r for r in rows if "×" not in r["label"]]
    largest = max(together, key=lambda r: r["items"])
    fixed = [r for r in rows if "×" in r["label"]] + [largest]
    for title, group in (("items and records grow together", together),
                         ("items fixed, records per district grow", fixed)):  # fmt: skip
        group = sorted(group, key=lambda r: (r["items"], r["records"]))
        if len(group) < 2:
            continue
        print(f"  {title}")
        print(f"{'file':>10} {'records':>8} " + " ".join(f"{n[:13] + ' t/r':>17} {'Δ':>6}" for n in COMMANDS))  # fmt: skip
        prev = None
        for row in group:
            cells = []
            for n in COMMANDS:
                per = med(row, n) / row["records"] * 1000
                step = "" if prev is None else (
                    f"{(med(row, n) - med(prev, n)) / (row['records'] - prev['records']) * 1000:.3f}"
                )  # fmt: skip
                cells.append(f"{per:>17.3f} {step:>6}")
            print(f"{row['label']:>10} {row['records']:>8} " + " ".join(cells))
            prev = row
    print("\nthe shipped roadmap against python -c 'import yaml' (interleaved)")
    print(f"{'command':34} {'median ms':>10} {'x baseline':>11} {'peak MB':>8}  target")
    for row in shipped:
        verdict = ""
        if row["command"] == "jtr status (cached)":
            verdict = f"{'PASS' if row['ratio'] <= TARGET else 'FAIL'} (<= {TARGET:g}x)"
        print(f"{row['command']:34} {row['median_s'] * 1000:10.1f} {row['ratio']:11.2f} "
              f"{row['peak_mb']:8.0f}  {verdict}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000", help="comma-separated item counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command and file")
    parser.add_argument("--shipped-repeat", type=int, default=21, help="runs on the shipped file")
    parser.add_argument("--share", type=float, default=0.1, help="share of district-scoped tasks")
    parser.add_argument("--records", type=int, default=3, help="records per district and task")
    parser.add_argument("--no-fixed", action="store_true",
                        help="skip the 1- and 2-records-per-district runs at the largest size")  # fmt: skip
    parser.add_argument("--regen", action="store_true", help="regenerate the cached roadmaps")
    parser.add_argument("--census", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.census:
        print(json.dumps(census_of(args.census)))
        return
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    compileall.compile_dir(ROOT / "jtr", quiet=1)
    files = [(str(n), ensure_roadmap(n, args.share, args.records, args.regen)) for n in sizes]
    if not args.no_fixed:
        files += [(f"{sizes[-1]}×{k}r", ensure_roadmap(sizes[-1], args.share, k, args.regen))
                  for k in range(1, args.records)]  # fmt: skip
    rows = [measure(label, path, args.repeat) for label, path in files]
    shipped = shipped_vs_import(args.shipped_repeat)
    report(rows, shipped)
    out = BENCH / "out" / f"bench_districts-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    git = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                         capture_output=True, text=True).stdout.strip()  # fmt: skip
    meta = {"python": sys.version.split()[0], "platform": platform.platform(), "git": git,
            "cpus": os.cpu_count(), "repeat": args.repeat, "share": args.share,
            "records_per_district": args.records, "as_of": AS_OF}  # fmt: skip
    out.write_text(json.dumps({"meta": meta, "files": rows, "shipped": shipped}, indent=2) + "\n")
    print(f"\nresults: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
