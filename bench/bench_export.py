"""Benchmark of `jtr export`: every format on the shipped roadmap, as a user runs it.

For each format, the median wall time of `jtr export --format F -o FILE` (a fresh process each
time: start-up, loading the roadmap, the export and the atomic write), interleaved across
formats so machine noise hits all alike, next to `jtr status` for reference; then the size of
each file, the HTML report's and the SVG timeline's in particular.

    python bench/bench_export.py [--repeat 11] [--lang ja] [--out results.json]

The console script next to the interpreter is run (else `python -m jtr`). Bytecode is compiled
first, as an installed package has.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
sys.path.insert(0, str(ROOT))

from jtr.export import EXPORTERS  # noqa: E402 - after the path is set


def _jtr() -> tuple[list[str], str]:
    """The command that runs jtr, and how it was found."""
    script = Path(sys.executable).parent / "jtr"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "jtr"]
    return command, " ".join(Path(c).name for c in command)


def _time(cmd: list[str]) -> float:
    started = time.perf_counter()
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{run.stderr.decode(errors='replace')}")
    return elapsed


def _in_process(as_of: str, lang: str, repeat: int) -> dict[str, float]:
    """Median time of each exporter's pure function on the shipped roadmap's state."""
    import datetime as dt

    from jtr.roadmap import open_roadmap
    from jtr.status import roadmap_state

    state = roadmap_state(open_roadmap(ROADMAP).model, dt.date.fromisoformat(as_of))
    medians = {}
    for name, exporter in EXPORTERS.items():
        exporter.export(state, lang)  # imports its modules
        times = []
        for _ in range(max(repeat, 5)):
            started = time.perf_counter()
            exporter.export(state, lang)
            times.append(time.perf_counter() - started)
        medians[name] = statistics.median(times)
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    parser.add_argument("--as-of", default="2026-11-26")
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    options = parser.parse_args()
    compileall.compile_dir(ROOT / "jtr", quiet=1)
    jtr, how = _jtr()
    common = ["--file", str(ROADMAP), "--as-of", options.as_of, "--lang", options.lang]
    with tempfile.TemporaryDirectory() as folder:
        outputs = {name: Path(folder) / f"roadmap{e.extension}" for name, e in EXPORTERS.items()}
        commands = {"jtr status (reference)": [*jtr, "status", *common]}
        for name, path in outputs.items():
            commands[name] = [*jtr, "export", "--format", name, "-o", str(path), *common]
        for cmd in commands.values():  # warm the file cache and the bytecode
            _time(cmd)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(options.repeat):
            for name, cmd in commands.items():
                samples[name].append(_time(cmd))
        sizes = {name: path.stat().st_size for name, path in outputs.items()}

    print(
        f"jtr export on {ROADMAP.relative_to(ROOT)}, as of {options.as_of}, --lang {options.lang}"
    )
    print(
        f"command: {how}; {options.repeat} runs each, interleaved; Python {sys.version.split()[0]}"
    )
    print(f"{'format':24} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'bytes':>9}")
    rows = []
    for name, times in samples.items():
        size = sizes.get(name)
        print(
            f"{name:24} {statistics.median(times) * 1000:10.1f} {min(times) * 1000:8.1f} "
            f"{max(times) * 1000:8.1f} {'' if size is None else size:>9}"
        )
        rows.append(
            {"format": name, "median_s": statistics.median(times), "times": times, "bytes": size}
        )
    print(f"HTML report: {sizes['html']:,} bytes; SVG timeline: {sizes['svg']:,} bytes")
    inside = _in_process(options.as_of, options.lang, options.repeat)
    print("the export function alone, in one process (modules already imported):")
    for name, seconds in inside.items():
        print(f"  {name:22} {seconds * 1000:8.2f} ms")
        next(r for r in rows if r["format"] == name)["in_process_median_s"] = seconds
    if options.out:
        options.out.parent.mkdir(parents=True, exist_ok=True)
        options.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
