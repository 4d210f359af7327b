"""`jtr export --format json`: the whole roadmap with its derived states, for other tools.

`jtr status --format json` answers "where do we stand"; this export is the full roadmap: every
section of the YAML file (meta, purpose, vision, …, courses with items and tasks and their
histories, goals, further_study), with a `derived` object added to each course, item and task
saying what jtr concludes as of the date (state, timing, last record counted, goal met…), and
the summary of `jtr status` at the top. Its shape is fixed by a JSON Schema shipped with jtr
(`jtr.export.json_schema_path()`, `$id` JSON_SCHEMA_ID): fields are only added within a
`version`.

The roadmap is written from the typed model (jtr.model), not from the parsed file: the same
values the file holds, each object's keys in the order of the roadmap's schema, an optional key
only when it has a value (a default written out, `recurring: false`, is left out as if
omitted), items in number order as every view lists them. A task is written field by field
from jtr.presenter.TASK_FIELDS, so a field added there reaches this export unchanged. The four
sections no view reads into yet (resident_activities, principles, scope, bodies) the model
carries as the validated file wrote them (`Roadmap.untyped`).

Titles are bilingual ({ja, en}) as in the roadmap; `--lang` does not change the document.

A roadmap with readings of the seed (`readings:`) has them in `roadmap.readings` as the file
writes them, and again at the top, `readings`, as `jtr readings --format json` writes them
(jtr.presenter.reading_json), numbered: `number` is the mark ※n the documents put after a
value. Each item's and task's `derived.readings` lists the numbers of the readings that decide
a value of it (empty when none does). Without readings none of these keys is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from jtr import __version__
from jtr.escape import json_text
from jtr.export import JSON_SCHEMA_ID
from jtr.labels import labels_of
from jtr.model import (
    Course,
    Goal,
    Help,
    Item,
    Milestone,
    Reading,
    ReadingText,
    Revision,
    Roadmap,
    Span,
    Text,
    Topic,
    WorkingGroup,
)
from jtr.presenter import (
    present,
    reading_json,
    readings_at,
    record_json,
    span_data,
    span_dates,
    task_data,
    task_json,
    text_data,
)
from jtr.render.status import status_data
from jtr.status import STATES, TIMINGS, CourseState, ItemState, RoadmapState, TaskState

FORMAT = "jtr-roadmap-export"
VERSION = 1


def _task_derived(state: RoadmapState, ts: TaskState, listed_under: list[str]) -> dict[str, Any]:
    data = task_json(ts, ts.task.item_id)
    first, last = span_dates(ts.task.years, state.roadmap.fiscal_year_start_month)
    record = ts.last_record
    found = {
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
    if "district_progress" in data:  # a district-scoped task: each district's state
        found["district_progress"] = data["district_progress"]
    return found


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


def _same(value: Any) -> Any:
    return value


def _maybe(found: dict[str, Any], key: str, value: Any, data: Callable[[Any], Any]) -> None:
    """`found[key] = data(value)` when the value is there (an optional key of the file)."""
    if present(value):
        found[key] = data(value)


def _texts(values: tuple[Text, ...]) -> list[dict[str, str]]:
    return [text_data(v) for v in values]


def _help(value: Help) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if value.dots is not None:
        found["dots"] = value.dots
    found["kinds"] = list(value.kinds)
    return found


def _milestone(value: Milestone) -> dict[str, Any]:
    found: dict[str, Any] = {"date": value.date.isoformat()}
    _maybe(found, "note", value.note, str)
    return found


def _meta(roadmap: Roadmap) -> dict[str, Any]:
    found: dict[str, Any] = {"id": roadmap.id, "title": text_data(roadmap.title),
                             "subtitle": text_data(roadmap.subtitle)}  # fmt: skip
    _maybe(found, "project", roadmap.project, text_data)
    found["city"] = text_data(roadmap.city)
    found["published"] = roadmap.published
    found["period"] = span_data(roadmap.period)
    found["fiscal_year_start_month"] = roadmap.fiscal_year_start_month
    _maybe(found, "source", roadmap.source, text_data)
    return found


def _working_group(group: WorkingGroup) -> dict[str, Any]:
    found: dict[str, Any] = {"id": group.id, "title": text_data(group.title)}
    _maybe(found, "themes", group.themes, _texts)
    found["members"] = _texts(group.members)
    _maybe(found, "notes", group.notes, _texts)
    _maybe(found, "subgroups", group.subgroups, _texts)
    found["city_members_only"] = group.city_members_only
    found["items"] = list(group.items)
    return found


def _goal(goal: Goal) -> dict[str, Any]:
    states = []
    for goal_state in goal.states:
        entry: dict[str, Any] = {"text": text_data(goal_state.text)}
        _maybe(entry, "items", goal_state.items, list)
        states.append(entry)
    return {"id": goal.id, "title": text_data(goal.title), "states": states,
            "items": list(goal.items)}  # fmt: skip


def _item(item: Item, tasks: list[dict[str, Any]], derived: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": item.id,
        "number": item.number,
        "title": text_data(item.title),
        "problems": _texts(item.problems),
        "owners": list(item.owners),
    }
    _maybe(found, "working_group", item.working_group, str)
    _maybe(found, "help", item.help, _help)
    found["shaded"] = item.shaded
    found["tasks"] = tasks
    _maybe(found, "decision", item.decision, _milestone)
    _maybe(found, "realisation", item.realisation, _milestone)
    _maybe(found, "note", item.note, text_data)
    found["derived"] = derived
    return found


def _course(course: Course, items: list[dict[str, Any]], derived: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": course.id,
        "numeral": course.numeral,
        "title": text_data(course.title),
        "target": text_data(course.target),
        "target_fiscal_year": course.target_year,
    }
    _maybe(found, "notes", course.notes, _texts)
    found["items"] = items
    found["goals"] = [_goal(g) for g in course.goals]
    found["derived"] = derived
    return found


def _topic(topic: Topic) -> dict[str, Any]:
    problems = []
    for problem in topic.problems:
        entry: dict[str, Any] = {"text": text_data(problem.text)}
        _maybe(entry, "directions", problem.directions, _texts)
        problems.append(entry)
    found: dict[str, Any] = {"id": topic.id, "title": text_data(topic.title),
                             "problems": problems, "directions": _texts(topic.directions)}  # fmt: skip
    groups = []
    for group in topic.study_groups:
        entry = {"id": group.id, "title": text_data(group.title), "fiscal_year": group.fiscal_year}
        _maybe(entry, "note", group.note, text_data)
        groups.append(entry)
    _maybe(found, "study_groups", groups, _same)
    _maybe(found, "help", topic.help, _help)
    return found


def _reading_text(value: ReadingText) -> dict[str, str]:
    return {"en": value.en} if value.ja is None else {"ja": value.ja, "en": value.en}


def _reading(reading: Reading) -> dict[str, Any]:
    """A reading as the file writes it (the export's top-level `readings` numbers them)."""
    found: dict[str, Any] = {"id": reading.id, "about": list(reading.about),
                             "decision": _reading_text(reading.decision)}  # fmt: skip
    _maybe(found, "alternatives", [_reading_text(a) for a in reading.alternatives], _same)
    found["seed_lines"] = list(reading.seed_lines)
    _maybe(found, "cites", list(reading.cites), _same)
    _maybe(found, "page", reading.page, _same)
    found["confidence"] = reading.confidence
    return found


def _further_study(roadmap: Roadmap) -> dict[str, Any]:
    found: dict[str, Any] = {}
    _maybe(found, "numeral", roadmap.further_study_numeral, _same)
    found["title"] = text_data(roadmap.further_study_title)
    _maybe(found, "notes", _texts(roadmap.further_study_notes), _same)
    found["topics"] = [_topic(t) for t in roadmap.topics]
    return found


def _districts(roadmap: Roadmap) -> dict[str, Any] | None:
    """The districts section as the file writes it (None when the roadmap has none)."""
    if not roadmap.districts and roadmap.districts_source is None:
        return None
    found: dict[str, Any] = {}
    if roadmap.districts_source is not None:
        source = roadmap.districts_source
        found["source"] = {**({"ja": source.ja} if source.ja else {}), "en": source.en}
    expected: dict[str, Any] = {}
    _maybe(expected, "total", roadmap.districts_expected, _same)
    _maybe(expected, "hilly", roadmap.hilly_expected, _same)
    _maybe(found, "expected", expected, _same)
    found["list"] = [
        {
            "id": d.id,
            "name": text_data(d.name),
            **({"block": d.block} if d.block is not None else {}),
            "hilly": d.hilly,
        }
        for d in roadmap.districts
    ]
    return found


def _revision(revision: Revision) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": revision.id,
        "date": revision.date,
        "title": text_data(revision.title),
        "approved_by": revision.approved_by,
    }
    _maybe(found, "note", revision.note, text_data)
    _maybe(found, "baseline", revision.baseline, str)
    return found


def _roadmap(roadmap: Roadmap, courses: list[dict[str, Any]]) -> dict[str, Any]:
    """The roadmap as its file writes it, from the model: keys in the schema's order, an
    optional key only when it has a value; `courses` as shown, with their derived states."""
    untyped = roadmap.untyped
    found = {
        "schema_version": roadmap.schema_version,
        "meta": _meta(roadmap),
        "revisions": [_revision(r) for r in roadmap.revisions],
        "purpose": text_data(roadmap.purpose) if roadmap.purpose else None,
        "vision": text_data(roadmap.vision) if roadmap.vision else None,
        "basic_policy": _texts(roadmap.basic_policy),
        "resident_activities": untyped.get("resident_activities"),
        "principles": untyped.get("principles"),
        "scope": untyped.get("scope"),
        "method": _texts(roadmap.method),
        "bodies": untyped.get("bodies"),
        "working_groups": [_working_group(g) for g in roadmap.working_groups],
        "owners": [
            {"id": o.id, "short": text_data(o.short), "name": text_data(o.name)}
            for o in roadmap.owners
        ],
        "districts": _districts(roadmap),
        "phases": [
            {"id": p.id, "title": text_data(p.title), "fiscal_years": span_data(p.years)}
            for p in roadmap.phases
        ],
        "courses": courses,
        "further_study": _further_study(roadmap),
    }
    if found["districts"] is None:
        del found["districts"]
    if not roadmap.revisions:  # a roadmap without a revision log: none written
        del found["revisions"]
    _maybe(found, "readings", [_reading(r) for r in roadmap.readings], _same)
    return found


def document(state: RoadmapState) -> dict[str, Any]:
    """The export as plain data (see roadmap-export.schema.json), written from the model."""
    roadmap = state.roadmap
    summary = status_data(state)
    course_summaries = {c["id"]: c for c in summary["courses"]}
    listed: dict[str, list[str]] = {}
    for course_state in state.courses:
        for item_state in course_state.items:
            for ts in item_state.tasks:
                listed.setdefault(ts.task.id, []).append(item_state.item.id)

    courses = []
    shown_tasks = shown_items = 0
    for course_state in state.courses:  # in roadmap order, as filtered
        items = []
        for item_state in course_state.items:
            shown = {ts.task.id: ts for ts in item_state.tasks}  # a task it shares, too
            own = [shown[t.id] for t in item_state.item.tasks if t.id in shown]
            tasks = [
                {**task_data(ts.task), "derived": _task_derived(state, ts, listed[ts.task.id])}
                for ts in own
            ]
            item_derived = _item_derived(item_state)
            if roadmap.readings:
                for task in tasks:
                    task["derived"]["readings"] = _numbers(roadmap, task["id"])
                item_derived["readings"] = _numbers(roadmap, item_state.item.id)
            shown_tasks += len(tasks)
            items.append(_item(item_state.item, tasks, item_derived))
        shown_items += len(items)
        summary_of = course_summaries[course_state.course.id]
        courses.append(
            _course(course_state.course, items, _course_derived(state, course_state, summary_of))
        )
    total_items = sum(len(c.items) for c in roadmap.courses)
    filtered = shown_tasks != sum(1 for _ in roadmap.tasks()) or shown_items != total_items

    found = {
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
        "roadmap": _roadmap(roadmap, courses),
    }
    if roadmap.readings:
        found["readings"] = [reading_json(r) for r in roadmap.readings]
    return found


def _numbers(roadmap: Roadmap, path: str) -> list[int]:
    """The numbers of the readings that decide a value at or under `path` (an item or a task)."""
    return [r.number for r in readings_at(roadmap, path)]


def export(state: RoadmapState, lang: str) -> str:
    """The JSON text: UTF-8 as written, but every control, bidi and invisible character is a
    `\\uXXXX` escape (`jtr.escape.json_text`), so the same values carry nothing hidden."""
    return (
        json_text(json.dumps(document(state), ensure_ascii=False, allow_nan=False, indent=2)) + "\n"
    )
