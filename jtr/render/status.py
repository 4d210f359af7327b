"""`jtr status`: one screen of where the roadmap stands, as a table, JSON or Markdown."""

from __future__ import annotations

from typing import Any

from jtr.fiscal import era_label, label
from jtr.i18n import t
from jtr.model import Text
from jtr.status import STATES, CourseState, ItemState, RoadmapState, TaskState

JSON_VERSION = 1


def _years(task_state: TaskState, lang: str) -> str:
    span = task_state.task.years
    if span.start == span.end:
        return label(span.start, lang) if lang == "en" else era_label(span.start)
    if lang == "en":
        return f"FY{span.start}–FY{span.end}"
    return f"{era_label(span.start)}–{era_label(span.end)}"


def state_label(task_state: TaskState, lang: str) -> str:
    """`overdue (no record)` makes 'nobody recorded anything' visible."""
    text = t(task_state.state, lang)
    if task_state.state == "overdue" and not task_state.recorded:
        text += f" ({t('no_record', lang)})"
    return text


def owners_text(state: RoadmapState, item: ItemState, lang: str) -> str:
    names = []
    for owner_id in item.item.owners:
        owner = state.roadmap.owner(owner_id)
        names.append(owner.short.get(lang) if owner else owner_id)
    return " ".join(names) if lang == "ja" else ", ".join(names)


def header_lines(state: RoadmapState, lang: str) -> tuple[str, str]:
    roadmap = state.roadmap
    phase = f" · {state.phase.title.get(lang)}" if state.phase else ""
    return (
        roadmap.title.get(lang),
        f"{t('as_of', lang)} {state.as_of.isoformat()} · {label(state.fiscal_year, lang)}{phase}",
    )


def counts_text(course: CourseState, lang: str) -> str:
    counts = course.counts
    sep = "・" if lang == "ja" else ", "
    return sep.join(f"{t(s, lang)} {counts[s]}" for s in STATES if counts[s])


def course_goal_text(course: CourseState, lang: str) -> str:
    met, total = len(course.goal_met), len(course.items)
    text = f"{met}/{total}"
    if course.goal_missed:
        text += f" ({t('goal_missed', lang)} {len(course.goal_missed)})"
    return text


def item_ref(item: ItemState, state: RoadmapState) -> str:
    course = next(c.course for c in state.courses if c.course.id == item.item.course_id)
    return f"{course.numeral}-{item.item.number}"


def render_table(state: RoadmapState, lang: str, *, width: int, color: bool) -> str:
    """Header, then three lines per course, then two lines per item that needs attention."""
    from rich.cells import cell_len

    from jtr.render.lines import STATE_STYLES, Line, fit, render_lines

    sep = "・" if lang == "ja" else ", "
    dot = " · "
    title, subtitle = header_lines(state, lang)
    lines = [Line((title, "bold")), Line((subtitle, "")), Line()]

    for course in state.courses:
        target = f"{t('target', lang)} {label(course.course.target_year, lang)}"
        if course.target_passed:
            target += f" ({t('closed', lang)})"
        lines.append(
            Line((f"{course.course.numeral} {course.course.title.get(lang)}{dot}{target}", "bold"))
        )
        counts = course.counts
        line = Line((f"  {t('tasks', lang)} {course.task_total}: ", ""))
        for i, name in enumerate(s for s in STATES if counts[s]):
            if i:
                line.add(sep)
            line.add(f"{t(name, lang)} {counts[name]}", STATE_STYLES[name])
        line.add(f"{dot}{t('percent_done', lang)} {course.percent_done:.0f}%")
        lines.append(line)
        goal = Line((f"  {t('goal', lang)}: {len(course.goal_met)}/{len(course.items)}", ""))
        if course.goal_missed:
            goal.add(dot).add(f"{t('goal_missed', lang)} {len(course.goal_missed)}", "bold red")
        lines.append(goal)
    lines.append(Line())

    attention = state.attention
    if not attention:
        lines.append(Line((t("nothing_needs_attention", lang), "bold green")))
    else:
        lines.append(Line((f"{t('attention', lang)} ({len(attention)})", "bold")))
    for item in attention:
        worst = min(item.tasks, key=lambda ts: STATES.index(ts.state))
        right = state_label(worst, lang)
        left = fit(
            f"{item_ref(item, state)} {item.item.title.get(lang)}",
            max(width - cell_len(right) - 2, 10),
            pad=True,
        )
        lines.append(Line((left, ""), ("  ", ""), (right, STATE_STYLES[worst.state])))
        nxt = item.next_task
        detail = Line((f"    {owners_text(state, item, lang)}", "dim"))
        if nxt:
            detail.add(
                f"{dot}{t('next', lang)}: {nxt.task.title.get(lang)} ({_years(nxt, lang)})", "dim"
            )
        lines.append(detail)
    return render_lines([line.fitted(width) for line in lines], width, color)


def render_markdown(state: RoadmapState, lang: str) -> str:
    """The summary as GitHub-flavoured Markdown; every text from the roadmap passes through
    `jtr.escape.markdown`, as in every other Markdown output."""
    from jtr.escape import markdown as md

    title, subtitle = header_lines(state, lang)
    lines = [f"# {md(title)}", "", md(subtitle), ""]
    lines += [
        f"| {t('course', lang)} | {t('target', lang)} | {t('tasks', lang)} | "
        f"{t('percent_done', lang)} | {t('goal', lang)} | {t('state', lang)} |",
        "|---|---|--:|--:|---|---|",
    ]
    for course in state.courses:
        lines.append(
            f"| {md(course.course.numeral)} {md(course.course.title.get(lang))} | "
            f"{label(course.course.target_year, lang)} | {course.task_total} | "
            f"{course.percent_done:.0f}% | {course_goal_text(course, lang)} | {counts_text(course, lang)} |"
        )
    lines += ["", f"## {t('attention', lang)}", ""]
    attention = state.attention
    if not attention:
        lines.append(t("nothing_needs_attention", lang))
        return "\n".join(lines) + "\n"
    lines += [
        f"| {t('item', lang)} | {t('owners', lang)} | {t('state', lang)} | {t('next', lang)} |",
        "|---|---|---|---|",
    ]
    for item in attention:
        worst = min(item.tasks, key=lambda ts: STATES.index(ts.state))
        nxt = item.next_task
        next_text = f"{md(nxt.task.title.get(lang))} ({_years(nxt, lang)})" if nxt else "—"
        lines.append(
            f"| {md(item_ref(item, state))} {md(item.item.title.get(lang))} | "
            f"{md(owners_text(state, item, lang))} | {state_label(worst, lang)} | {next_text} |"
        )
    return "\n".join(lines) + "\n"


def _text(value: Text | None) -> dict[str, str | None] | None:
    return None if value is None else {"ja": value.ja, "en": value.en}


def task_json(task_state: TaskState, item_id: str) -> dict[str, Any]:
    task = task_state.task
    last = task_state.last_record
    return {
        "id": task.id,
        "title": _text(task.title),
        "fiscal_years": {"from": task.years.start, "to": task.years.end},
        "recurring": task.recurring,
        "shared_from": task.item_id if task.item_id != item_id else None,
        "state": task_state.state,
        "status": task_state.status,
        "timing": task_state.timing,
        "recorded": task_state.recorded,
        "last_record": None
        if last is None
        else {
            "status": last.status,
            "date": last.date.isoformat() if last.date else None,
            "note": last.note,
        },
        "occurrences": [
            {"fiscal_year": o.fiscal_year, "status": o.status, "timing": o.timing}
            for o in task_state.occurrences
        ],
    }


def status_data(state: RoadmapState) -> dict[str, Any]:
    """The documented, stable JSON of `jtr status --format json` (see docs/status-json.md)."""
    roadmap = state.roadmap
    courses = []
    for course in state.courses:
        counts = course.counts
        courses.append(
            {
                "id": course.course.id,
                "numeral": course.course.numeral,
                "title": _text(course.course.title),
                "target_fiscal_year": course.course.target_year,
                "target_passed": course.target_passed,
                "tasks": {"total": course.task_total, "by_state": {s: counts[s] for s in STATES}},
                "percent_done": round(course.percent_done, 1),
                "goal": {
                    "items": len(course.items),
                    "met": [i.item.id for i in course.goal_met],
                    "missed": [i.item.id for i in course.goal_missed],
                },
                "items": [
                    {
                        "id": i.item.id,
                        "number": i.item.number,
                        "title": _text(i.item.title),
                        "owners": list(i.item.owners),
                        "state": i.worst,
                        "decision": i.decision.date.isoformat() if i.decision else None,
                        "realisation": i.realisation.date.isoformat() if i.realisation else None,
                        "next_task": i.next_task.task.id if i.next_task else None,
                        "tasks": [task_json(ts, i.item.id) for ts in i.tasks],
                    }
                    for i in course.items
                ],
            }
        )
    overdue, missed = len(state.overdue), len(state.goals_missed)
    return {
        "version": JSON_VERSION,
        "roadmap": {"id": roadmap.id, "title": _text(roadmap.title)},
        "as_of": state.as_of.isoformat(),
        "fiscal_year": state.fiscal_year,
        "fiscal_year_label": {"ja": era_label(state.fiscal_year), "en": f"FY{state.fiscal_year}"},
        "phase": None
        if state.phase is None
        else {"id": state.phase.id, "title": _text(state.phase.title)},
        "courses": courses,
        "attention": [i.item.id for i in state.attention],
        "check": {
            "overdue_tasks": overdue,
            "goals_missed": missed,
            "ok": not overdue and not missed,
        },
    }


def render_json(state: RoadmapState) -> str:
    import json

    from jtr.escape import json_text

    return (
        json_text(json.dumps(status_data(state), ensure_ascii=False, allow_nan=False, indent=2))
        + "\n"
    )
