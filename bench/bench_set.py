"""Wall time of `jtr set` on a copy of the shipped roadmap, against `python -c "import yaml"`.

Each real run records a status on a different task (dates increasing), so every run makes a
real edit; `--dry-run` runs plan the same edit and print the diff. The commands take turns,
so machine noise hits all alike. A second table splits one edit into its stages, in process.

    python bench/bench_set.py [--repeat 15]

Writes bench/out/bench_set-<date>-<time>.json.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _jtr() -> list[str]:
    script = Path(sys.executable).parent / "jtr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]


def _time(cmd: list[str]) -> float:
    started = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {run.returncode}:\n{run.stderr}")
    return elapsed


def _stages(roadmap: Path, task: str) -> dict[str, float]:
    """One edit's stages, timed in this process (ruamel.yaml imported first, on its own)."""
    times: dict[str, float] = {}

    def timed(name: str, work: Any) -> Any:
        started = time.perf_counter()
        result = work()
        times[name] = time.perf_counter() - started
        return result

    timed("import ruamel.yaml", lambda: __import__("ruamel.yaml"))
    from jtr import edit
    from jtr.loader import Document, load_text
    from jtr.validate import SchemaCache, validate_document

    raw = roadmap.read_bytes()
    text = raw.decode("utf-8")
    data = timed("jtr load (PyYAML events)", lambda: load_text(text))
    where = next(
        (ci, ii)
        for ci, c in enumerate(data["courses"])
        for ii, i in enumerate(c["items"])
        if any(t["id"] == task for t in i["tasks"])
    )
    lines = edit.split_lines(text)
    first, end, dash = timed("find the item's lines", lambda: edit.hunks.item_block(lines, where))
    shift = dash - edit.rtyaml.read_indentation(text)[2]
    part = "_:\n" + "".join(f"{line.text[shift:]}\n" for line in lines[first:end])

    def round_trip(source: str) -> None:
        yaml = edit.make_yaml(source)
        yaml.dump(yaml.load(source), io.StringIO())

    timed(f"ruamel load + dump: the item ({end - first} lines)", lambda: round_trip(part))
    timed(f"ruamel load + dump: whole file ({len(lines)} lines)", lambda: round_trip(text))
    schema = timed(
        "schema load + meta-schema check", lambda: SchemaCache().for_document(roadmap, text)
    )
    timed(
        "validate (schema + rules), once",
        lambda: validate_document(Document("x", text, data), schema),
    )
    change = edit.SetStatus(task, "done", dt.date(2025, 1, 1))
    timed("whole plan (everything but start-up)", lambda: edit.plan(raw, change, roadmap))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    options = parser.parse_args()
    compileall.compile_dir(ROOT / "jtr", quiet=1)
    sys.path.insert(0, str(ROOT))
    from jtr.loader import load_file

    data = load_file(DATA / "roadmap.yaml").data
    tasks = [t["id"] for c in data["courses"] for i in c["items"] for t in i["tasks"]]
    if options.repeat > len(tasks):
        raise SystemExit(f"--repeat is at most {len(tasks)}: one task per run")
    work = Path(tempfile.mkdtemp(prefix="jtr-bench-set-"))
    try:
        shutil.copytree(DATA, work / "data")
        roadmap = work / "data" / "roadmap.yaml"
        first = dt.date(2025, 1, 1)

        def set_command(n: int, dry_run: bool) -> list[str]:
            day = (first + dt.timedelta(days=n)).isoformat()
            extra = ["--dry-run"] if dry_run else []
            return [
                *_jtr(),
                "set",
                tasks[n],
                "-s",
                "in_progress",
                "-d",
                day,
                "-f",
                str(roadmap),
                *extra,
            ]

        names = ("baseline: python -c 'import yaml'", "jtr set --dry-run", "jtr set")
        _time([sys.executable, "-c", "import yaml"])  # warm the file cache
        _time(set_command(len(tasks) - 1, dry_run=True))
        samples: dict[str, list[float]] = {name: [] for name in names}
        for n in range(options.repeat):
            samples[names[0]].append(_time([sys.executable, "-c", "import yaml"]))
            samples[names[1]].append(_time(set_command(n, dry_run=True)))
            samples[names[2]].append(_time(set_command(n, dry_run=False)))
        check = subprocess.run(
            [*_jtr(), "validate", str(roadmap)], capture_output=True, check=False
        )
        if check.returncode != 0:
            raise SystemExit("the edited roadmap does not validate")
        stages = _stages(DATA / "roadmap.yaml", tasks[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    baseline = statistics.median(samples[names[0]])
    rows = []
    print(f"`jtr set` on the shipped roadmap ({len(tasks)} tasks), {options.repeat} runs each")
    print(f"{'command':36} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x baseline':>11}")
    for name, times in samples.items():
        median = statistics.median(times)
        rows.append({"command": name, "median_s": median, "times": times})
        print(
            f"{name:36} {median * 1000:10.1f} {min(times) * 1000:8.1f} {max(times) * 1000:8.1f} "
            f"{median / baseline:11.2f}"
        )
    print("\none edit, by stage (in process)")
    for name, seconds in stages.items():
        print(f"{name:46} {seconds * 1000:8.1f} ms")
    out = options.out or ROOT / "bench" / "out" / f"bench_set-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"repeat": options.repeat, "python": sys.version, "rows": rows, "stages_s": stages},
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
