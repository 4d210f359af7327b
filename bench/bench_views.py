"""Start-up benchmark of the views: `jtr status` and `jtr timeline` on the shipped roadmap.

Each command's median wall time is compared, in the same run and interleaved, with the
baseline `python -c "import yaml"`; the target is at most 3x the baseline. The script also
checks with `python -X importtime` that these views import neither jsonschema nor ruamel.yaml.

    python bench/bench_views.py [--repeat 21]

Bytecode is compiled first (`compileall`), as any installed package has it.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
TARGET = 3.0


def _jtr() -> list[str]:
    script = Path(sys.executable).parent / "jtr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]


def _time(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def _imports(args: list[str]) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jtr", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_views.json")
    options = parser.parse_args()
    compileall.compile_dir(ROOT / "jtr", quiet=1)
    common = ["--file", str(ROADMAP), "--as-of", "2026-11-26", "--width", "100"]
    commands = {
        "baseline: python -c 'import yaml'": [sys.executable, "-c", "import yaml"],
        "jtr status": [*_jtr(), "status", *common],
        "jtr timeline": [*_jtr(), "timeline", *common],
        "jtr status --format json": [*_jtr(), "status", *common, "--format", "json"],
    }
    for cmd in commands.values():  # warm the file cache
        _time(cmd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.repeat):  # interleaved, so machine noise hits all alike
        for name, cmd in commands.items():
            samples[name].append(_time(cmd))
    baseline = statistics.median(next(iter(samples.values())))
    rows = []
    print(f"{'command':34} {'median ms':>10} {'x baseline':>11}  target")
    for name, times in samples.items():
        median = statistics.median(times)
        ratio = median / baseline
        verdict = "" if name.startswith("baseline") else ("PASS" if ratio <= TARGET else "FAIL")
        rows.append({"command": name, "median_s": median, "ratio": ratio, "times": times})
        print(f"{name:34} {median * 1000:10.1f} {ratio:11.2f}  {verdict}")
    heavy = {"jsonschema", "ruamel.yaml", "ruamel"}
    for args in (["status", *common], ["timeline", *common]):
        found = heavy & _imports(args)
        print(
            f"imports of `jtr {args[0]}`: {'none of ' + ', '.join(sorted(heavy)) if not found else 'FAIL ' + str(found)}"
        )
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(
        json.dumps({"repeat": options.repeat, "rows": rows}, indent=2), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
