"""The Mermaid export read by mermaid itself: its own parser and gantt database, in Node.

mermaid (pinned below) is installed from the npm registry with `npm install --ignore-scripts`
into a cache folder (no browser is downloaded), with jsdom for the DOM that mermaid's
sanitiser expects. `mermaid.parse` checks the syntax; the gantt database then computes every
task's start and end as mermaid would draw them, which must be the task's fiscal years.

Skipped, with the reason, when node or npm is missing or the registry cannot be reached.
The cache folder is $JTR_NODE_CACHE, else ~/.cache/jtr-tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from jtr.export import EXPORTERS
from jtr.export.mermaid import TAGS, escape
from jtr.loader import load_text
from jtr.model import build
from jtr.roadmap import open_roadmap
from jtr.status import roadmap_state

ROOT = Path(__file__).resolve().parent.parent
ROADMAP = ROOT / "data" / "roadmap.yaml"
PROGRESS = ROOT / "tests" / "fixtures" / "progress.yaml"
AS_OF = dt.date(2026, 11, 26)
PACKAGES = ("mermaid@11.17.2", "jsdom@29.1.1")

SCRIPT = r"""
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
const results = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    const parsed = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const tasks = diagram.db.getTasks().map((t) => ({
      id: t.id, task: t.task.trim(), section: t.section,
      start: t.startTime.toISOString().slice(0, 10), end: t.endTime.toISOString().slice(0, 10),
      done: !!t.done, active: !!t.active, crit: !!t.crit, milestone: !!t.milestone,
    }));
    results[file] = { type: parsed.diagramType, tasks, title: diagram.db.getDiagramTitle() };
  } catch (error) {
    results[file] = { error: String(error.message || error) };
  }
}
console.log(JSON.stringify(results));
"""

pytestmark = pytest.mark.slow  # installs mermaid with npm, then runs Node


@cache
def mermaid_dir() -> Path | str:
    """The folder with mermaid installed, or why it cannot be."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return "node and npm are not installed"
    base = Path(os.environ.get("JTR_NODE_CACHE") or Path.home() / ".cache" / "jtr-tests")
    folder = base / "-".join(p.replace("@", "") for p in PACKAGES)
    if (folder / "node_modules" / "mermaid" / "package.json").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text('{"name": "jtr-mermaid-check", "private": true}\n')
    try:
        run = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save",
             "--prefix", str(folder), *PACKAGES],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "npm install of mermaid timed out"
    if run.returncode != 0:
        return f"npm install of mermaid failed: {run.stderr.strip()[-300:]}"
    return folder


def parse(tmp_path: Path, documents: dict[str, str]) -> dict[str, dict]:
    folder = mermaid_dir()
    if isinstance(folder, str):
        pytest.skip(folder)
    script = folder / "check-gantt.mjs"
    script.write_text(SCRIPT, encoding="utf-8")
    files = []
    for name, text in documents.items():
        path = tmp_path / f"{name}.mmd"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(
        ["node", str(script), *files],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "TZ": "UTC"}, cwd=folder,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    return {Path(k).stem: v for k, v in results.items()}


def test_mermaid_accepts_the_gantt_and_draws_the_fiscal_years(tmp_path: Path) -> None:
    documents = {}
    states = {}
    for label, path in (("progress", PROGRESS), ("shipped", ROADMAP)):
        state = roadmap_state(open_roadmap(path).model, AS_OF)
        states[label] = state
        for lang in ("ja", "en"):
            text = EXPORTERS["mermaid"].export(state, lang)
            assert isinstance(text, str)
            documents[f"{label}-{lang}"] = text
            markdown = EXPORTERS["markdown"].export(state, lang)
            assert isinstance(markdown, str)
            block = markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
            documents[f"{label}-{lang}-markdown"] = block
    # A title with every character Mermaid treats specially.
    nasty = '=<b>x</b> & "q" a:b#c;d%%e|f,g'
    text = PROGRESS.read_text(encoding="utf-8").replace(
        "en: Write a labour-management guide", f"en: {json.dumps(nasty)}", 1
    )
    state = roadmap_state(build(load_text(text, "nasty.yaml")), AS_OF)
    states["nasty"] = state
    documents["nasty-en"] = str(EXPORTERS["mermaid"].export(state, "en"))
    results = parse(tmp_path, documents)
    drawn = next(t for t in results["nasty-en"]["tasks"] if t["id"] == "labour-management-guide")
    assert drawn["task"].startswith(f"3 {escape(nasty)} — ")
    for name, result in results.items():
        assert "error" not in result, f"{name}: {result.get('error')}"
        assert result["type"] == "gantt"
        state = states[name.split("-")[0]]
        tasks = {t["id"]: t for t in result["tasks"]}
        for course in state.courses:
            for item in course.items:
                for ts in item.tasks:
                    drawn = tasks[ts.task.id]
                    # inclusiveEndDates: the bar ends after March 31 of its last year.
                    assert drawn["start"] == f"{ts.task.years.start}-04-01", name
                    assert drawn["end"] == f"{ts.task.years.end + 1}-04-01", name
                    tags = {k for k in ("done", "active", "crit") if drawn[k]}
                    assert tags == set(TAGS[ts.state]), (name, ts.task.id)
        assert tasks["as-of"]["milestone"] and tasks["as-of"]["start"] == "2026-11-26"
        assert {t["section"] for t in result["tasks"]} >= {
            f"{c.course.numeral} {c.course.title.get('ja' if '-ja' in name else 'en')}"
            for c in state.courses
        }


def test_mermaid_checks_syntax_and_escaping_matters(tmp_path: Path) -> None:
    """The parser rejects a task without data; a raw colon in a title is not an error but
    cuts the title and corrupts the id, which is why the exporter writes it full-width."""
    nasty = "a: b#c;d%%e"
    results = parse(
        tmp_path,
        {
            "no-data": "gantt\n    dateFormat YYYY-MM-DD\n    section A\n    x y\n",
            "raw": f"gantt\n    dateFormat YYYY-MM-DD\n    section A\n    {nasty} :t1, 2024-04-01, 2025-03-31\n",
            "escaped": f"gantt\n    dateFormat YYYY-MM-DD\n    section A\n    {escape(nasty)} :t1, 2024-04-01, 2025-03-31\n",
        },
    )
    assert "Parse error" in results["no-data"]["error"]
    raw = results["raw"]["tasks"][0]
    assert (raw["task"], raw["id"]) != (nasty, "t1")
    escaped = results["escaped"]["tasks"][0]
    assert (escaped["task"], escaped["id"]) == (escape(nasty), "t1")
    assert escaped["task"] == "a： b＃c；d％％e"
