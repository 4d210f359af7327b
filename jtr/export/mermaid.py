"""`jtr export --format mermaid`: the timeline as a Mermaid gantt definition.

GitHub, GitLab and many wikis draw Mermaid blocks, so the roadmap's chart can live in an issue
or a README and be redrawn from the data. Fiscal years are written as dates, April 1 to March
31 (`inclusiveEndDates`, so the end date is the last day of the year, as people read it).
One section for the phases, one per course; one line per task, `title :tags, id, start, end`,
with the state in the title (colour alone would not tell it) and as a Mermaid tag; a
milestone for each course's target (the last day of its target year) and for the as-of date.

Mermaid's lexer ends a task title at `:`, reads `#` and `;` as the end of a task's data, `%%`
as a comment (`%%{init: …}%%` as a directive), and `click`, `call`, `href`, `section`, `title`,
`excludes`, `todayMarker`, `dateFormat`, `axisFormat`, a date… at the start of a line as
keywords, so those characters are written in their full-width forms, a line break as a space,
control, bidi and invisible characters visibly (as everywhere in jtr), and no line starts with
text from the roadmap: a task title starts with its item number, a phase with its fiscal
years, a section with `section` and the course's numeral.

A task whose span (or another value) rests on a reading of the seed has the reading's mark
after its title (`… ※3 — ! 期限超過`): `※`, digits and commas, none of which Mermaid's lexer
reads as anything but title text. A district-scoped task has its districts done before the
marks (`地区ドックの実施 18/32 — » 遅延`): digits and `/`, plain title text too.
"""

from __future__ import annotations

import re

from jtr.escape import terminal
from jtr.export import marks
from jtr.labels import label
from jtr.model import Span
from jtr.presenter import (
    LOOKS,
    TaskRow,
    course_name,
    district_fraction,
    span_dates,
    span_label,
    task_rows,
    task_state_label,
    year_label,
)
from jtr.status import RoadmapState

# Mermaid tags by derived state: done is greyed, active highlighted, crit red.
TAGS: dict[str, tuple[str, ...]] = {
    "overdue": ("crit",),
    "delayed": ("crit", "active"),
    "on_hold": ("active",),
    "due": ("active",),
    "in_progress": ("active",),
    "not_yet_due": (),
    "done": ("done",),
    "cancelled": ("done",),
}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_UNSAFE = str.maketrans(
    {":": "：", "#": "＃", ";": "；", "%": "％", "\n": " ", "\r": " ", "\t": " "}
)


def escape(text: str) -> str:
    """Text safe in a Mermaid gantt title, section name or task title (never at the start of
    a line: the caller puts a keyword or a number before it)."""
    return terminal(" ".join(text.translate(_UNSAFE).split()))


def ident(text: str) -> str:
    """An id in a task's data: the roadmap's ids already are `[a-z0-9-]` by the shipped schema;
    whatever another schema lets through is written as `_<hex>_`, so no `,` `;` `#` or line
    break in an id can add data or a line."""
    return _ID_UNSAFE.sub(lambda m: f"_{ord(m.group()):x}_", text)


def task_line(row: TaskRow, lang: str, start_month: int, mark: str = "") -> str:
    """A task's line; `mark`: the marks of the readings it rests on (` ※3`), after its title."""
    ts = row.task
    start, end = span_dates(ts.task.years, start_month)
    title = f"{row.item.item.number} {ts.task.title.get(lang)}{mark}"
    if ts.task.recurring:
        title += f" ({label('recurring', lang)})"
    title += f" — {LOOKS[ts.state].symbol} {task_state_label(ts, lang)}"
    data = [*TAGS[ts.state], ident(ts.task.id), start.isoformat(), end.isoformat()]
    return f"    {escape(title)} :{', '.join(data)}"


def export(state: RoadmapState, lang: str) -> str:
    roadmap = state.roadmap
    start_month = roadmap.fiscal_year_start_month
    title = f"{roadmap.title.get(lang)} ({label('as_of', lang)} {state.as_of.isoformat()})"
    lines = [
        "gantt",
        f"    title {escape(title)}",
        f"    accTitle: {escape(title)}",
        f"    accDescr: {escape(_description(state, lang))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    tickInterval 3month",
        "    inclusiveEndDates",
        "    todayMarker off",
        f"    section {escape(label('phase_col', lang))}",
    ]
    for phase in roadmap.phases:
        start, end = span_dates(phase.years, start_month)
        title = f"{span_label(phase.years, lang)} {phase.title.get(lang)}"
        lines.append(
            f"    {escape(title)} :phase-{ident(phase.id)}, {start.isoformat()}, {end.isoformat()}"
        )
    lines.append(
        f"    {escape(label('as_of', lang))} {state.as_of.isoformat()} :milestone, as-of, "
        f"{state.as_of.isoformat()}, 0d"
    )
    rows = task_rows(state)
    for course in state.courses:
        c = course.course
        lines.append(f"    section {escape(course_name(c, lang))}")
        for row in rows:
            if row.course.course.id == c.id:
                mark = marks.suffix(marks.task_readings(roadmap, row.task.task))
                if row.task.districts:  # 18/32: the districts done, as the timeline has it
                    mark = f" {district_fraction(row.task)}{mark}"
                lines.append(task_line(row, lang, start_month, mark))
        _start, end = span_dates(Span(c.target_year, c.target_year), start_month)
        met = f"{len(course.goal_met)}/{len(course.items)}"
        target = f"{label('target_year_end', lang)} {year_label(c.target_year, lang)} — {label('goal', lang)} {met}"
        lines.append(
            f"    {escape(target)} :milestone, {ident(c.id)}-target, {end.isoformat()}, 0d"
        )
    return "\n".join(lines) + "\n"


def _description(state: RoadmapState, lang: str) -> str:
    start, end = span_dates(Span(2001, 2001), state.roadmap.fiscal_year_start_month)
    if lang == "ja":
        return (
            f"{state.roadmap.title.get(lang)}の工程表。年度は{start.month}月{start.day}日から"
            f"{end.month}月{end.day}日まで。各課題の状態は題名の後に記す。"
        )
    first, last = (f"{MONTHS[d.month - 1]} {d.day}" for d in (start, end))
    return (
        f"Timeline of the {state.roadmap.title.get(lang)}: fiscal years run from {first} to "
        f"{last}; each task's state follows its title."
    )
