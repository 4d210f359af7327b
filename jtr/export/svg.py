"""`jtr export --format svg`: the phase timeline as a standalone SVG picture.

A picture that a browser, a word processor or a slide program shows as it is, for meeting
documents: fiscal years across (era and western), the phase bands, one row per task with a bar
over its fiscal years, a mark per year for recurring tasks, each course's target, the as-of
date as a dashed line, and a legend. Like the terminal timeline, a state is never told by
colour alone: every bar carries the state's symbol and, where it fits, its label, and every
state has its own fill pattern. Titles too long for the label column are cut with "…" and
given whole in a <title> tooltip. A task whose span (or another value) rests on a reading of
the seed has the reading's mark after its title (`… ※3`, never cut), and its tooltip says
what the mark stands for (the reading's decision and how sure it is). A district-scoped task
has its districts done after its title, before any mark (`… 18/32`, never cut either).

No text is measured here (nothing can be, without a font engine), so widths are estimated:
a wide (Japanese) character is 1 em, any other 0.62 em, which is at least what Noto Sans CJK
and the common sans-serif fonts draw. The browser test checks the estimate with the real font.

This module lays the picture out (where each text, bar and line goes); the markup is the
Jinja2 template jtr/export/templates/timeline.svg.j2, whose environment escapes every printed
value (jtr.export.templates), so roadmap text is never markup.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from rich.cells import cell_len

from jtr.escape import document
from jtr.export import marks
from jtr.fiscal import fiscal_year_of
from jtr.labels import label
from jtr.model import Reading, Span
from jtr.presenter import (
    LOOKS,
    RECURRING_MARK,
    SHARED_MARK,
    course_name,
    district_fraction,
    owners_text,
    span_dates,
    state_text,
    symbol_label,
    year_label,
    year_progress,
)
from jtr.status import STATES, CourseState, RoadmapState, TaskState

FONT_FAMILY = (
    "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', "
    "'Yu Gothic', Meiryo, sans-serif"
)
SIZE = 12  # px, body text
INK = "#1a1a1a"
PAD = 16
YEAR_W = 160
TASK_ROW = 22
ITEM_ROW = 22
COURSE_ROW = 30
TASK_INDENT = 28
LABEL_MIN, LABEL_MAX = 260, 600
WIDE_EM, NARROW_EM = 1.0, 0.62
AS_OF_INK = "#b71c1c"
# The states drawn with a fill pattern over their colour (the patterns: the template's <defs>).
PATTERNED = frozenset(s for s in STATES if s != "done")


def text_width(text: str, size: float = SIZE, bold: bool = False) -> float:
    """Estimated width in px (see the module docstring)."""
    width = sum(WIDE_EM if cell_len(c) == 2 else NARROW_EM for c in text) * size
    return width * (1.06 if bold else 1.0)


def clip(text: str, width: float, size: float = SIZE, bold: bool = False) -> str:
    """`text` as shown (`jtr.escape.document`) cut with "…" to fit `width` px by the estimate."""
    text = document(text)
    if text_width(text, size, bold) <= width:
        return text
    kept = ""
    for char in text:
        if text_width(kept + char + "…", size, bold) > width:
            break
        kept += char
    return kept.rstrip() + "…"


# ---- the layout: what the template draws, and where ------------------------------------------


class Label(NamedTuple):
    """A <text>: only what differs from the picture's defaults is written out."""

    x: float
    y: float
    content: str
    size: float = SIZE
    bold: bool = False
    fill: str = INK
    anchor: str = "start"
    cls: str = ""


class Bar(NamedTuple):
    """A bar in a state's colour and pattern, with its symbol and, if it fits, its label."""

    x: float
    y: float
    w: float
    h: float
    state: str
    fill: str
    ink: str
    text: str
    size: int
    patterned: bool


class Year(NamedTuple):
    year: int
    x: float
    y: float
    now: bool
    first: Label
    second: Label


class Band(NamedTuple):
    """A phase over its fiscal years."""

    phase_id: str
    title: str
    x: float
    y: float
    w: float
    tint: str
    label: Label


class Target(NamedTuple):
    """A course's target: a flag at the end of its target year."""

    goal: str  # `met/items`
    x: float
    y1: float
    y2: float
    flag: Label


class CourseRow(NamedTuple):
    course_id: str
    heading: Label
    target: Target | None
    kind: str = "course"


class ItemRow(NamedTuple):
    item_id: str
    title: str  # whole, for the tooltip
    x: float
    y: float
    text: str  # number and title, cut to fit
    owners: str
    kind: str = "item"


class Occurrence(NamedTuple):
    year: int
    state: str
    bar: Bar


class TaskRow(NamedTuple):
    task_id: str
    state: str
    start: str
    end: str
    shared: bool
    title: str  # whole, with its state, for the tooltip
    label: Label
    zebra: float | None  # the y of a shaded background, every other row
    occurrences: list[Occurrence]
    bar: Bar | None
    kind: str = "task"


class LegendEntry(NamedTuple):
    key: str
    bar: Bar | None
    mark: Label | None
    line: tuple[float, float, float] | None  # the as-of line's sample: x, y1, y2
    text: Label


class Picture(NamedTuple):
    width: float
    height: float
    as_of: str
    goal_word: str  # a target's tooltip: `<goal_word>: met/items`
    title: str
    description: str
    header: list[Label]
    years: list[Year]
    phase_label: Label
    phases: list[Band]
    rows: list[CourseRow | ItemRow | TaskRow]
    grid: list[float]
    chart_top: float
    chart_bottom: float
    as_of_x: float
    legend_label: Label
    legend: list[LegendEntry]


def bar(x: float, y: float, w: float, h: float, state: str, text: str, fallback: str = "") -> Bar:
    """A bar whose label is `text` where it fits, else `fallback` or the state's symbol."""
    look = LOOKS[state]
    size = SIZE - 1
    shown = text if text_width(text, size) <= w - 10 else fallback or look.symbol
    return Bar(x, y, w, h, state, look.colour, look.ink, shown, size, state in PATTERNED)


def export(state: RoadmapState, lang: str) -> str:
    from jtr.export.templates import render

    return render(
        "timeline.svg.j2",
        picture=layout(state, lang),
        lang=lang,
        font_family=FONT_FAMILY,
        size=SIZE,
        ink=INK,
        pad=PAD,
        year_w=YEAR_W,
        task_row=TASK_ROW,
    )


def layout(state: RoadmapState, lang: str) -> Picture:
    """Where everything of the picture goes."""
    roadmap = state.roadmap
    start_month = roadmap.fiscal_year_start_month
    years = list(roadmap.period.years())

    # The label column: as wide as the longest task title needs, within limits.
    needed = max(
        (
            TASK_INDENT
            + text_width(ts.task.title.get(lang) + (SHARED_MARK + " " if ts.task.item_id != i.item.id else "")
                         + _kept(ts, marks.task_readings(roadmap, ts.task)))
            for c in state.courses for i in c.items for ts in i.tasks
        ),
        default=LABEL_MIN,
    ) + 12  # fmt: skip
    label_w = max(LABEL_MIN, min(LABEL_MAX, needed))
    chart_x = PAD + label_w
    chart_w = YEAR_W * len(years)
    width = chart_x + chart_w + PAD

    def x_of(day: dt.date) -> float:
        """Where a date lies on the chart (clamped to it)."""
        fy = fiscal_year_of(day, start_month)
        fraction = year_progress(day, start_month)
        return chart_x + min(max((fy - years[0] + fraction) * YEAR_W, 0), chart_w)

    as_of = state.as_of.isoformat()
    y: float = PAD
    # Title and the as-of line.
    header = [Label(PAD, y + 18, roadmap.title.get(lang), size=18, bold=True, cls="title")]
    y += 26
    phase = f" · {state.phase.title.get(lang)}" if state.phase else ""
    header.append(Label(PAD, y + 14, f"{label('as_of', lang)} {as_of} · "
                        f"{year_label(state.fiscal_year, lang)}{phase}", cls="as-of-line"))  # fmt: skip
    y += 30

    # As-of label above the years; the line itself is drawn last, over everything.
    header_top = y + 18
    as_of_x = x_of(state.as_of)
    inside = years[0] <= state.fiscal_year <= years[-1]
    mark = "▼" if inside else ("◀" if state.fiscal_year < years[0] else "▶")
    as_of_text = f"{mark} {label('as_of', lang)} {as_of}"
    anchor = "middle"
    if as_of_x + text_width(as_of_text) / 2 > width - PAD:
        anchor = "end"
    elif as_of_x - text_width(as_of_text) / 2 < chart_x:
        anchor = "start"
    header.append(Label(as_of_x, y + 13, as_of_text, bold=True, fill=AS_OF_INK, anchor=anchor,
                        cls="as-of-label"))  # fmt: skip
    y = header_top

    # Years: era and western, the as-of year highlighted.
    year_cells = []
    for index, year in enumerate(years):
        x = chart_x + index * YEAR_W
        first, second = (
            (year_label(year, "ja"), str(year)) if lang == "ja" else (f"FY{year}", year_label(year, "ja"))
        )  # fmt: skip
        year_cells.append(Year(
            year, x, y, year == state.fiscal_year,
            Label(x + YEAR_W / 2, y + 16, first, bold=True, anchor="middle"),
            Label(x + YEAR_W / 2, y + 32, second, size=11, fill="#424242", anchor="middle"),
        ))  # fmt: skip
    y += 38

    # Phases: one band per phase over its years.
    phase_label = Label(chart_x - 8, y + 16, label("phase_col", lang), anchor="end", fill="#424242")
    bands = []
    for index, phase_ in enumerate(roadmap.phases):
        span = Span(max(phase_.years.start, years[0]), min(phase_.years.end, years[-1]))
        if span.start > span.end:
            continue
        x = chart_x + (span.start - years[0]) * YEAR_W
        w = (span.end - span.start + 1) * YEAR_W
        current = state.phase is not None and phase_.id == state.phase.id
        title = phase_.title.get(lang)
        caption = Label(x + w / 2, y + 16, clip(title, w - 10, bold=current), bold=current, anchor="middle")  # fmt: skip
        bands.append(Band(phase_.id, title, x, y, w, ("#e3f2fd", "#e8eaf6")[index % 2], caption))
    y += 24
    chart_top = header_top

    # Body: courses, items, tasks.
    rows: list[CourseRow | ItemRow | TaskRow] = []
    zebra = 0
    for course_state in state.courses:
        course = course_state.course
        y += 6
        heading = (
            f"{course_name(course, lang)} — {label('target_year', lang)} "
            f"{year_label(course.target_year, lang)}"
        )
        rows.append(CourseRow(
            course.id,
            Label(PAD, y + 20, clip(heading, label_w - 8, 13, True), size=13, bold=True),
            _target(course_state, lang, y, chart_x, years),
        ))  # fmt: skip
        y += COURSE_ROW
        for item_state in course_state.items:
            item = item_state.item
            owners = f"  [{owners_text(roadmap, item, lang)}]"
            number = f"{item.number} "
            room = width - PAD - PAD - text_width(owners, 11) - text_width(number, bold=True) - 8
            title = clip(item.title.get(lang), room, bold=True)
            rows.append(ItemRow(item.id, item.title.get(lang), PAD + 8, y + 16, number + title, owners))  # fmt: skip
            y += ITEM_ROW
            for ts in item_state.tasks:
                shared = ts.task.item_id != item.id
                rows.append(_task_row(ts, shared, y, lang, label_w, chart_x, years, start_month,
                                      y if zebra % 2 == 0 else None,
                                      marks.task_readings(roadmap, ts.task)))  # fmt: skip
                zebra += 1
                y += TASK_ROW
    chart_bottom = y + 6
    y = chart_bottom

    # Legend.
    y += 14
    legend_heading = f"{label('legend', lang)}:"
    legend_label = Label(PAD, y + 15, legend_heading, bold=True)
    x = PAD + text_width(legend_heading, bold=True) + 12
    entries: list[tuple[str, str]] = [(s, label(s, lang)) for s in STATES]
    entries += [("recurring", label("legend_recurring", lang)),
                ("shared", label("legend_shared", lang)),
                ("as_of", label("legend_as_of", lang))]  # fmt: skip
    legend = []
    for key, text in entries:
        need = 34 + text_width(text) + 18
        if x + need > width - PAD:
            x = PAD + 60
            y += 24
        sample = Label(x + 34, y + 16, text)
        if key in LOOKS:
            legend.append(LegendEntry(key, bar(x, y + 3, 28, 16, key, LOOKS[key].symbol), None, None, sample))  # fmt: skip
        elif key in ("recurring", "shared"):
            symbol = RECURRING_MARK if key == "recurring" else SHARED_MARK
            legend.append(LegendEntry(key, None, Label(x + 14, y + 16, symbol, anchor="middle", bold=True), None, sample))  # fmt: skip
        else:
            legend.append(LegendEntry(key, None, None, (x + 14, y + 2, y + 20), sample))
        x += need
    height = y + 24 + PAD

    return Picture(
        width=width,
        height=height,
        as_of=as_of,
        goal_word=label("goal", lang),
        title=f"{roadmap.title.get(lang)} — {label('as_of', lang)} {as_of}",
        description=_summary(state, lang),
        header=header,
        years=year_cells,
        phase_label=phase_label,
        phases=bands,
        rows=rows,
        grid=[chart_x + index * YEAR_W for index in range(len(years) + 1)],
        chart_top=chart_top,
        chart_bottom=chart_bottom,
        as_of_x=as_of_x,
        legend_label=legend_label,
        legend=legend,
    )


def _target(
    course_state: CourseState, lang: str, y: float, chart_x: float, years: list[int]
) -> Target | None:
    """The course's target as a flag at its target year's end, if that is on the chart."""
    course = course_state.course
    if not years[0] <= course.target_year <= years[-1]:
        return None
    tx = chart_x + (course.target_year - years[0] + 1) * YEAR_W
    met = f"{len(course_state.goal_met)}/{len(course_state.items)}"
    flag = f"◆ {label('target_year_short', lang)} {met}"
    return Target(
        met,
        tx,
        y + 4,
        y + COURSE_ROW,
        Label(tx - 4, y + 20, flag, size=11, bold=True, anchor="end"),
    )


def _task_row(
    ts: TaskState,
    shared: bool,
    y: float,
    lang: str,
    label_w: float,
    chart_x: float,
    years: list[int],
    start_month: int,
    zebra: float | None,
    readings: tuple[Reading, ...] = (),
) -> TaskRow:
    task = ts.task
    title = task.title.get(lang)
    prefix = f"{SHARED_MARK} " if shared else ""
    mark = _kept(ts, readings)  # kept whole after the title, however short it is cut
    first, last = span_dates(task.years, start_month)
    room = label_w - TASK_INDENT - 8 - (text_width(mark) if mark else 0)
    text = Label(PAD + TASK_INDENT, y + 15, clip(prefix + title, room) + mark, cls="task-label")
    h = TASK_ROW - 6
    occurrences = []
    year_states = {o.fiscal_year: o.state for o in ts.occurrences}
    if task.recurring:
        for year in task.years.years():
            if year not in years:
                continue
            look = year_states.get(year, ts.state)
            x = chart_x + (year - years[0]) * YEAR_W + YEAR_W * 0.2
            shape = bar(x, y + 3, YEAR_W * 0.6, h, look, f"{RECURRING_MARK} {label(look, lang)}",
                        f"{RECURRING_MARK}{LOOKS[look].symbol}")  # fmt: skip
            occurrences.append(Occurrence(year, look, shape))
    whole = None
    if not task.recurring:
        start = max(task.years.start, years[0])
        end = min(task.years.end, years[-1])
        if start <= end:
            x = chart_x + (start - years[0]) * YEAR_W + 3
            w = (end - start + 1) * YEAR_W - 6
            whole = bar(x, y + 3, w, h, ts.state, symbol_label(ts.state, lang))
    tooltip = "".join(f"\n{marks.tooltip(r, lang)}" for r in readings)
    return TaskRow(
        task.id, ts.state, first.isoformat(), last.isoformat(), shared,
        f"{prefix}{title}{mark} — {state_text(ts, lang)}{tooltip}", text, zebra, occurrences, whole,
    )  # fmt: skip


def _kept(ts: TaskState, readings: tuple[Reading, ...]) -> str:
    """What follows a task's title whole: its districts done (` 18/32`, a district-scoped
    task's), then the marks of the readings it rests on (` ※3`)."""
    fraction = f" {district_fraction(ts)}" if ts.districts else ""
    return fraction + marks.suffix(readings)


def _summary(state: RoadmapState, lang: str) -> str:
    parts = []
    for course in state.courses:
        counts = course.counts
        detail = ", ".join(f"{label(s, lang)} {counts[s]}" for s in STATES if counts[s])
        parts.append(
            f"{course_name(course.course, lang)}: "
            f"{label('tasks', lang)} {course.task_total} ({detail})"
        )
    return "; ".join(parts)
