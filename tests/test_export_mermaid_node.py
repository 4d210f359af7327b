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
    const db = diagram.db;
    results[file] = {
      type: parsed.diagramType, tasks, title: db.getDiagramTitle(), sections: db.getSections(),
      links: [...db.getLinks().keys()], clickable: db.getTasks().filter(
        (t) => (t.classes || []).includes("clickable")).map((t) => t.id),
      excludes: db.getExcludes(), includes: db.getIncludes(), dateFormat: db.getDateFormat(),
      axisFormat: db.getAxisFormat(), todayMarker: db.getTodayMarker(),
      accDescription: db.getAccDescription(), config: parsed.config ?? {},
    };
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


# Titles that are Mermaid keywords, directives or separators at the start of a line. `click`
# names a real id (as-of), so a click that got through would show in the parse result.
HOSTILE_TITLES = (
    'click as-of href "https://evil.invalid/"',
    "call alert(1)",
    "title x",
    "section x",
    "excludes 2026-04-01",
    "todayMarker on",
    "dateFormat DD",
    "axisFormat %d",
    '%%{init: {"theme": "dark", "gantt": {"barHeight": 99}}}%%',
    "a:b",
    "a#b",
    "a;b",
    "line\nsection injected\nclick as-of href https://evil.invalid/",
    "2024-04-01 a date first",
    "includes 2026-04-01",
    "tickInterval 1day",
    "accTitle: x",
    "weekday monday",
    "inclusiveEndDates",
    "gantt",
    "\x1b[31mred\u202e\u200b",
)


def _hostile_roadmap() -> tuple[dict, list[str]]:
    """The progress fixture with a hostile title on every phase, course and task (another in
    each language), cycling through HOSTILE_TITLES; and the titles used."""
    import yaml

    data = yaml.safe_load(PROGRESS.read_text(encoding="utf-8"))
    used: list[str] = []

    def hostile(entry: dict) -> None:
        ja, en = (HOSTILE_TITLES[(len(used) + i) % len(HOSTILE_TITLES)] for i in (0, 1))
        used.extend((ja, en))
        entry["title"] = {"ja": ja, "en": en}

    for phase in data["phases"]:
        hostile(phase)
    for course in data["courses"]:
        hostile(course)
        for item in course["items"]:
            for task in item.get("tasks", []):
                hostile(task)
    return data, used


def test_mermaid_hostile_titles_neither_break_nor_change_the_chart(tmp_path: Path) -> None:
    data, used = _hostile_roadmap()
    assert set(used) == set(HOSTILE_TITLES)  # every hostile title is somewhere
    roadmap = build(load_text(json.dumps(data, ensure_ascii=False, default=str), "hostile.yaml"))
    state = roadmap_state(roadmap, AS_OF)
    documents = {}
    for lang in ("ja", "en"):
        documents[f"hostile-{lang}"] = str(EXPORTERS["mermaid"].export(state, lang))
        markdown = str(EXPORTERS["markdown"].export(state, lang))
        documents[f"hostile-{lang}-markdown"] = markdown.split("```mermaid\n", 1)[1].split(
            "```", 1
        )[0]
    results = parse(tmp_path, documents)
    task_ids = [task.id for task in roadmap.tasks()]
    expected_ids = {
        *(f"phase-{p.id}" for p in roadmap.phases),
        "as-of",
        *task_ids,
        *(f"{c.course.id}-target" for c in state.courses),
    }
    for name, result in results.items():
        lang = "ja" if "-ja" in name else "en"
        assert "error" not in result, f"{name}: {result.get('error')}"
        assert result["type"] == "gantt"
        # Exactly the tasks and sections jtr wrote: none added, none lost, none renamed.
        assert len(result["tasks"]) == len(expected_ids), name
        assert {t["id"] for t in result["tasks"]} == expected_ids, name
        assert result["sections"] == [
            escape("期" if lang == "ja" else "Phase"),
            *(escape(f"{c.course.numeral} {c.course.title.get(lang)}") for c in state.courses),
        ], name
        # No directive took effect: no click or link, settings as jtr wrote them.
        assert result["links"] == [] and result["clickable"] == [], name
        assert result["excludes"] == [] and result["includes"] == [], name
        assert result["dateFormat"] == "YYYY-MM-DD" and result["axisFormat"] == "%Y-%m", name
        assert result["todayMarker"] == "off", name
        assert result["config"] == {}, name  # no %%{init}%% directive
        tasks = {t["id"]: t for t in result["tasks"]}
        for phase in roadmap.phases:
            drawn = tasks[f"phase-{phase.id}"]
            assert drawn["task"].endswith(escape(phase.title.get(lang))), (name, drawn)
            assert drawn["start"] == f"{phase.years.start}-04-01", name
        for task in roadmap.tasks():
            drawn = tasks[task.id]
            assert escape(task.title.get(lang)) in drawn["task"], (name, drawn)
            assert drawn["start"] == f"{task.years.start}-04-01", name
            assert drawn["end"] == f"{task.years.end + 1}-04-01", name
        text = documents[name]
        for raw in ("\x1b", "\u202e", "\u200b"):
            assert raw not in text


def test_mermaid_detects_what_the_hostile_titles_would_do(tmp_path: Path) -> None:
    """The checks above can fail: the same titles written raw at the start of a line add a
    click link, an exclusion, a section and a theme, or end in a parse error."""
    head = "gantt\n    dateFormat YYYY-MM-DD\n    section A\n    x :as-of, 2024-04-01, 1d\n"
    results = parse(
        tmp_path,
        {
            "click": head + '    click as-of href "https://evil.invalid/"\n',
            "excludes": head + "    excludes 2024-04-02\n",
            "section": head + "    section x :t2, 2024-04-01, 1d\n",
            "init": '%%{init: {"theme": "dark"}}%%\n' + head,
            "colon": head + "    a:b :t2, 2024-04-01, 1d\n",
        },
    )
    assert results["click"]["links"] == ["as-of"]
    assert results["click"]["clickable"] == ["as-of"]
    assert results["excludes"]["excludes"] == ["2024-04-02"]
    assert results["section"]["sections"] == ["A", "x :t2, 2024-04-01, 1d"]
    assert results["init"]["config"] == {"theme": "dark"}
    colon = results["colon"]
    assert "error" in colon or {t["id"] for t in colon["tasks"]} != {"as-of", "t2"}
