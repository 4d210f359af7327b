"""`jtr export --format json`: the whole roadmap with its derived states, for other tools.

`jtr status --format json` answers "where do we stand"; this export is the full roadmap: every
section of the YAML file, exactly as written (meta, purpose, vision, …, courses with items and
tasks and their histories, goals, further_study), with a `derived` object added to each course,
item and task saying what jtr concludes as of the date (state, timing, last record counted,
goal met…), and the summary of `jtr status` at the top. Its shape is fixed by a JSON Schema
shipped with jtr (`jtr.export.json_schema_path()`, `$id` JSON_SCHEMA_ID): fields are only
added within a `version`.

Titles are bilingual ({ja, en}) as in the roadmap; `--lang` does not change the document.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from jtr import __version__
from jtr.escape import json_text
from jtr.export import JSON_SCHEMA_ID
from jtr.labels import labels_of
from jtr.model import Span
from jtr.presenter import record_json, span_dates, task_json
from jtr.render.status import status_data
from jtr.status import STATES, TIMINGS, CourseState, ItemState, RoadmapState, TaskState

FORMAT = "jtr-roadmap-export"
VERSION = 1


def _task_derived(state: RoadmapState, ts: TaskState, listed_under: list[str]) -> dict[str, Any]:
    data = task_json(ts, ts.task.item_id)
    first, last = span_dates(ts.task.years, state.roadmap.fiscal_year_start_month)
    record = ts.last_record
    return {
        "state": data["state"],
        "status": data["status"],
        "timing": data["timing"],
        "recorded": data["recorded"],
        "start_date": first.isoformat(),
        "end_date": last.isoformat(),
        "last_record": None if record is None else record_json(record),
        "occurrences": [
            {"fiscal_year": o.fiscal_year, "state": o.state, "status": o.status, "timing": o.timing}
            for o in ts.occurrences
        ],
        "listed_under": listed_under,
    }


def _item_derived(item: ItemState) -> dict[str, Any]:
    own = [ts.task.id for ts in item.tasks if ts.task.item_id == item.item.id]
    shared = [ts.task.id for ts in item.tasks if ts.task.item_id != item.item.id]
    counts = item.counts
    return {
        "state": item.worst,
        "goal_met": item.goal_met,
        "decision": item.decision.date.isoformat() if item.decision else None,
        "realisation": item.realisation.date.isoformat() if item.realisation else None,
        "next_task": item.next_task.task.id if item.next_task else None,
        "tasks": own,
        "shared_tasks": shared,
        "by_state": {s: counts[s] for s in STATES},
    }


def _course_derived(
    state: RoadmapState, course: CourseState, summary: dict[str, Any]
) -> dict[str, Any]:
    year = course.course.target_year
    _first, last = span_dates(Span(year, year), state.roadmap.fiscal_year_start_month)
    return {
        "target_date": last.isoformat(),
        "target_passed": summary["target_passed"],
        "tasks": summary["tasks"],
        "percent_done": summary["percent_done"],
        "goal": summary["goal"],
    }


def document(state: RoadmapState) -> dict[str, Any]:
    """The export as plain data (see roadmap-export.schema.json)."""
    roadmap = state.roadmap
    if roadmap.raw is None:
        raise ValueError("the roadmap was built without its data; open it with jtr.roadmap")
    summary = status_data(state)
    raw = copy.deepcopy(roadmap.raw)
    course_states = {c.course.id: c for c in state.courses}
    course_summaries = {c["id"]: c for c in summary["courses"]}
    task_states: dict[str, TaskState] = {}
    listed: dict[str, list[str]] = {}
    for course in state.courses:
        for item in course.items:
            for ts in item.tasks:
                task_states[ts.task.id] = ts
                listed.setdefault(ts.task.id, []).append(item.item.id)

    courses = []
    shown_tasks = 0
    for course in raw["courses"]:
        cs = course_states.get(course["id"])
        if cs is None:
            continue
        item_states = {i.item.id: i for i in cs.items}
        items = []
        for item in course["items"]:
            ist = item_states.get(item["id"])
            if ist is None:
                continue
            kept = {ts.task.id for ts in ist.tasks}
            tasks = []
            for task in item.get("tasks", []):
                if task["id"] not in kept:
                    continue
                task["derived"] = _task_derived(state, task_states[task["id"]], listed[task["id"]])
                tasks.append(task)
            shown_tasks += len(tasks)
            item["tasks"] = tasks
            item["derived"] = _item_derived(ist)
            items.append(item)
        course["items"] = items
        course["derived"] = _course_derived(state, cs, course_summaries[course["id"]])
        courses.append(course)
    raw["courses"] = courses
    total_items = sum(len(c.items) for c in roadmap.courses)
    shown_items = sum(len(c["items"]) for c in courses)
    filtered = shown_tasks != sum(1 for _ in roadmap.tasks()) or shown_items != total_items

    return {
        "$schema": JSON_SCHEMA_ID,
        "format": FORMAT,
        "version": VERSION,
        "generator": {"name": "jtr", "version": __version__},
        "as_of": summary["as_of"],
        "fiscal_year": summary["fiscal_year"],
        "fiscal_year_label": summary["fiscal_year_label"],
        "phase": summary["phase"],
        "filtered": filtered,
        "labels": {name: labels_of(name) for name in dict.fromkeys((*STATES, *TIMINGS, "planned"))},
        "attention": summary["attention"],
        "check": summary["check"],
        "roadmap": raw,
    }


def export(state: RoadmapState, lang: str) -> str:
    """The JSON text: UTF-8 as written, but every control, bidi and invisible character is a
    `\\uXXXX` escape (`jtr.escape.json_text`), so the same values carry nothing hidden."""
    return (
        json_text(json.dumps(document(state), ensure_ascii=False, allow_nan=False, indent=2)) + "\n"
    )
