"""`jtr status`: one screen of where the roadmap stands, as a table, JSON or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jtr.labels import label
from jtr.presenter import (
    district_progress,
    item_ref,
    owners_text,
    reading_mark,
    readings_at,
    span_label,
    state_look,
    task_json,
    task_state_label,
    text_json,
    year_label,
)
from jtr.status import STATES, TERMINAL, CourseState, ItemState, RoadmapState

if TYPE_CHECKING:
    from jtr.render.slips import Against

JSON_VERSION = 1


def header_lines(state: RoadmapState, lang: str) -> tuple[str, str]:
    roadmap = state.roadmap
    phase = f" · {state.phase.title.get(lang)}" if state.phase else ""
    return (
        roadmap.title.get(lang),
        f"{label('as_of', lang)} {state.as_of.isoformat()} · {year_label(state.fiscal_year, lang, 'label')}{phase}",
    )


def counts_text(course: CourseState, lang: str) -> str:
    counts = course.counts
    sep = "・" if lang == "ja" else ", "
    return sep.join(f"{label(s, lang)} {counts[s]}" for s in STATES if counts[s])


def course_goal_text(course: CourseState, lang: str) -> str:
    met, total = len(course.goal_met), len(course.items)
    text = f"{met}/{total}"
    if course.goal_missed:
        text += f" ({label('goal_missed', lang)} {len(course.goal_missed)})"
    return text


def goal_unrecorded_hint(item: ItemState, lang: str) -> str:
    """What to run so the course goal counts an item whose tasks are all done."""
    return label("goal_unrecorded_hint", lang).format(
        realise=f"jtr realise {item.item.id}", decide=f"jtr decide {item.item.id}"
    )


def _ref(item: ItemState, state: RoadmapState) -> str:
    """`Ⅱ-3` of an item of the state (its course found among the state's courses), with the
    marks of the readings its number rests on (`Ⅰ-1※1`)."""
    course = next(c.course for c in state.courses if c.course.id == item.item.course_id)
    marks = reading_mark(readings_at(state.roadmap, f"{item.item.id}.number"))
    return item_ref(course, item.item) + marks


def render_table(
    state: RoadmapState, lang: str, *, width: int, color: bool, against: Against | None = None
) -> str:
    """Header, then three lines per course, then two lines per item that needs attention;
    with a baseline, then what changed from it (`baseline_lines`)."""
    from rich.cells import cell_len

    from jtr.render.lines import Line, fit, render_lines, wrap

    sep = "・" if lang == "ja" else ", "
    dot = " · "
    title, subtitle = header_lines(state, lang)
    lines = [Line((title, "bold")), Line((subtitle, "")), Line()]

    for course in state.courses:
        target = (
            f"{label('target_year', lang)} {year_label(course.course.target_year, lang, 'label')}"
        )
        if course.target_passed:
            target += f" ({label('closed', lang)})"
        lines.append(
            Line((f"{course.course.numeral} {course.course.title.get(lang)}{dot}{target}", "bold"))
        )
        counts = course.counts
        line = Line((f"  {label('tasks', lang)} {course.task_total}: ", ""))
        for i, name in enumerate(s for s in STATES if counts[s]):
            if i:
                line.add(sep)
            line.add(f"{label(name, lang)} {counts[name]}", state_look(name).style)
        line.add(f"{dot}{label('percent_done', lang)} {course.percent_done:.0f}%")
        lines.append(line)
        goal = Line((f"  {label('goal', lang)}: {len(course.goal_met)}/{len(course.items)}", ""))
        if course.goal_missed:
            goal.add(dot).add(f"{label('goal_missed', lang)} {len(course.goal_missed)}", "bold red")
        lines.append(goal)
    lines.append(Line())

    attention = state.attention
    if not attention:
        lines.append(Line((label("nothing_needs_attention", lang), "bold green")))
    else:
        lines.append(Line((f"{label('attention', lang)} ({len(attention)})", "bold")))
    for item in attention:
        worst = min(item.tasks, key=lambda ts: STATES.index(ts.state))
        right = task_state_label(worst, lang)
        left = fit(
            f"{_ref(item, state)} {item.item.title.get(lang)}",
            max(width - cell_len(right) - 2, 10),
            pad=True,
        )
        lines.append(Line((left, ""), ("  ", ""), (right, state_look(worst.state).style)))
        nxt = item.next_task
        owned = reading_mark(readings_at(state.roadmap, f"{item.item.id}.owners"))
        owners = owners_text(state.roadmap, item.item, lang, ja_sep=" ")
        detail = Line((f"    {owners}{' ' + owned if owned else ''}", "dim"))
        if nxt:
            detail.add(
                f"{dot}{label('next', lang)}: {nxt.task.title.get(lang)} ({span_label(nxt.task.years, lang)})",
                "dim",
            )
        lines.append(detail)
        for ts in item.tasks:  # 完了 18/32 地区 · 期限超過 14: a line per open district task
            if ts.districts and ts.task.item_id == item.item.id and ts.state not in TERMINAL:
                text = f"      {ts.task.title.get(lang)}: {district_progress(ts, lang)}"
                lines.append(Line((text, "dim")))
    shown = [line.fitted(width) for line in lines]
    if against is not None:
        shown += [Line(), *baseline_lines(against, state, lang, width)]
    unrecorded = state.goals_unrecorded  # wrapped, not cut: the command must read whole
    if unrecorded:
        heading = f"{label('goal_unrecorded_heading', lang)} ({len(unrecorded)})"
        shown += [Line(), *wrap(Line((heading, "bold")), width)]
    for item in unrecorded:
        shown += wrap(Line((f"{_ref(item, state)} {item.item.title.get(lang)}", "")), width)
        shown += wrap(Line((f"    {goal_unrecorded_hint(item, lang)}", "yellow")), width)
    roadmap = state.roadmap
    if any(  # what the marks mean, once
        readings_at(roadmap, f"{i.item.id}.{key}")
        for i in (*attention, *unrecorded)
        for key in ("number", "owners")
    ):
        shown += [Line(), *wrap(Line((label("reading_legend", lang), "dim")), width)]
    return render_lines(shown, width, color)


def baseline_lines(against: Against, state: RoadmapState, lang: str, width: int) -> list[Any]:
    """What changed from the baseline, for the tasks the view shows (removed ones of its
    courses too): a heading naming the baseline, a count, then per changed task its slip,
    its years in the baseline and now, and its title, most slipped first."""
    from jtr.baseline import ItemChange, in_view
    from jtr.render.lines import Line, cell_len, wrap
    from jtr.render.slips import ref

    base = against.base
    heading = f"{label('baseline_heading', lang)} · " + label("baseline_against", lang).format(
        name=base.name, commit=base.short
    )
    lines = wrap(Line((heading, "bold")), width)
    entries = [e for e in against.comparison.entries() if in_view(e, state)]
    if not entries:
        return lines + wrap(Line((f"  {label('baseline_no_change', lang)}", "green")), width)
    slipped = sum(1 for e in entries if e.slipped and not isinstance(e, ItemChange))
    lines += wrap(
        Line((f"  {label('baseline_slipped_count', lang).format(count=slipped)}", "")), width
    )
    from jtr.presenter import baseline_span_text, change_text, slip_text

    room = max(cell_len(slip_text(e.slip, lang)) for e in entries)
    for entry in entries:
        slip = slip_text(entry.slip, lang)
        pad = " " * (2 + room - cell_len(slip))
        line = Line((f"{pad}{slip}  ", "bold red" if entry.slipped else ""), hang=room + 4)
        line.add(f"{ref(entry, state.roadmap, against.baseline)} {entry.title.get(lang)}".strip())
        line.add(" · ", "dim").add(baseline_span_text(entry, lang), "dim", keep=True)
        line.add(" · ", "dim").add(change_text(entry, lang), "dim", keep=True)
        lines += wrap(line, width)
    return lines


def render_markdown(state: RoadmapState, lang: str, against: Against | None = None) -> str:
    """The summary as GitHub-flavoured Markdown; every text from the roadmap passes through
    `jtr.escape.markdown`, as in every other Markdown output. With a baseline, its table of
    changes (as `jtr slips --format markdown`) closes it."""
    text = _markdown(state, lang)
    if against is None:
        return text
    from jtr.render.slips import render_markdown as changes

    table = changes(against.comparison, state.roadmap, against.baseline, against.base, lang)
    return text + "\n" + table.replace("# ", "## ", 1)


def _markdown(state: RoadmapState, lang: str) -> str:
    from jtr.escape import markdown as md

    title, subtitle = header_lines(state, lang)
    lines = [f"# {md(title)}", "", md(subtitle), ""]
    lines += [
        f"| {label('kind_course', lang)} | {label('target_year', lang)} | {label('tasks', lang)} | "
        f"{label('percent_done', lang)} | {label('goal', lang)} | {label('state', lang)} |",
        "|---|---|--:|--:|---|---|",
    ]
    for course in state.courses:
        lines.append(
            f"| {md(course.course.numeral)} {md(course.course.title.get(lang))} | "
            f"{year_label(course.course.target_year, lang, 'label')} | {course.task_total} | "
            f"{course.percent_done:.0f}% | {course_goal_text(course, lang)} | {counts_text(course, lang)} |"
        )
    lines += ["", f"## {label('attention', lang)}", ""]
    attention = state.attention
    if not attention:
        lines.append(label("nothing_needs_attention", lang))
        return "\n".join(lines + _unrecorded_markdown(state, lang)) + "\n"
    lines += [
        f"| {label('item', lang)} | {label('owners', lang)} | {label('state', lang)} | {label('next', lang)} |",
        "|---|---|---|---|",
    ]
    for item in attention:
        worst = min(item.tasks, key=lambda ts: STATES.index(ts.state))
        nxt = item.next_task
        next_text = (
            f"{md(nxt.task.title.get(lang))} ({span_label(nxt.task.years, lang)})" if nxt else "—"
        )
        lines.append(
            f"| {md(_ref(item, state))} {md(item.item.title.get(lang))} | "
            f"{md(owners_text(state.roadmap, item.item, lang, ja_sep=' '))} | {task_state_label(worst, lang)} | {next_text} |"
        )
    return "\n".join(lines + _unrecorded_markdown(state, lang)) + "\n"


def _unrecorded_markdown(state: RoadmapState, lang: str) -> list[str]:
    from jtr.escape import markdown as md

    unrecorded = state.goals_unrecorded
    if not unrecorded:
        return []
    lines = ["", f"## {label('goal_unrecorded_heading', lang)}", ""]
    for item in unrecorded:
        hint = label("goal_unrecorded_hint", lang).format(
            realise=f"`jtr realise {md(item.item.id)}`", decide=f"`jtr decide {md(item.item.id)}`"
        )
        lines.append(f"- {md(_ref(item, state))} {md(item.item.title.get(lang))}: {hint}")
    return lines


def status_data(
    state: RoadmapState, against: Against | None = None, max_slip: int | None = None
) -> dict[str, Any]:
    """The documented, stable JSON of `jtr status --format json` (see docs/status-json.md);
    with a baseline, each task's `baseline`, the `baseline` section, and the slip check."""
    data = _status_data(state)
    if against is None:
        return data
    from jtr.render.slips import baseline_data, entry_data, task_baseline_json

    for course in data["courses"]:
        for item in course["items"]:
            for task in item["tasks"]:
                task["baseline"] = task_baseline_json(against, task["id"])
    from jtr.baseline import in_view

    comparison = against.comparison
    data["baseline"] = {
        **baseline_data(against.base),
        "slipped": [t.id for t in comparison.slipped if in_view(t, state)],
        "entries": [
            entry_data(e, state.roadmap, against.baseline)
            for e in comparison.entries()
            if in_view(e, state)
        ],
    }
    if max_slip is not None:
        over = [t.id for t in comparison.over(max_slip) if in_view(t, state)]
        check = data["check"]
        check.update(max_slip=max_slip, slipped_over_max=over, ok=check["ok"] and not over)
    return data


def _status_data(state: RoadmapState) -> dict[str, Any]:
    roadmap = state.roadmap
    courses = []
    for course in state.courses:
        counts = course.counts
        courses.append(
            {
                "id": course.course.id,
                "numeral": course.course.numeral,
                "title": text_json(course.course.title),
                "target_fiscal_year": course.course.target_year,
                "target_passed": course.target_passed,
                "tasks": {"total": course.task_total, "by_state": {s: counts[s] for s in STATES}},
                "percent_done": round(course.percent_done, 1),
                "goal": {
                    "items": len(course.items),
                    "met": [i.item.id for i in course.goal_met],
                    "missed": [i.item.id for i in course.goal_missed],
                    "unrecorded": [i.item.id for i in course.items if i.goal_unrecorded],
                },
                "items": [
                    {
                        "id": i.item.id,
                        "number": i.item.number,
                        "title": text_json(i.item.title),
                        "owners": list(i.item.owners),
                        "state": i.worst,
                        "decision": i.decision.date.isoformat() if i.decision else None,
                        "realisation": i.realisation.date.isoformat() if i.realisation else None,
                        "next_task": i.next_task.task.id if i.next_task else None,
                        "goal_unrecorded": i.goal_unrecorded,
                        "tasks": [task_json(ts, i.item.id) for ts in i.tasks],
                    }
                    for i in course.items
                ],
            }
        )
    overdue, missed = len(state.overdue), len(state.goals_missed)
    return {
        "version": JSON_VERSION,
        "roadmap": {"id": roadmap.id, "title": text_json(roadmap.title)},
        "as_of": state.as_of.isoformat(),
        "fiscal_year": state.fiscal_year,
        "fiscal_year_label": {lang: year_label(state.fiscal_year, lang) for lang in ("ja", "en")},
        "phase": None
        if state.phase is None
        else {"id": state.phase.id, "title": text_json(state.phase.title)},
        "courses": courses,
        "attention": [i.item.id for i in state.attention],
        "check": {
            "overdue_tasks": overdue,
            "goals_missed": missed,
            "ok": not overdue and not missed,
        },
    }


def render_json(
    state: RoadmapState, against: Against | None = None, max_slip: int | None = None
) -> str:
    import json

    from jtr.escape import json_text

    data = status_data(state, against, max_slip)
    return json_text(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"
