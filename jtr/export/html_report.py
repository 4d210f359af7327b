"""`jtr export --format html`: one self-contained web page, for screens and meeting documents.

For people who read the roadmap in a browser or on paper: the header, the status summary, the
phase timeline as a chart (an HTML table with bars over the fiscal-year columns, so it is
readable by screen readers, selectable, and prints sharply), and a card per review item with
its 現状, tasks and goal images, then Section Ⅲ's topics.

Self-contained: inline CSS, no script, no font, image or link fetched; a Content-Security-Policy
meta tag makes the browser refuse anything else. It prints on A4 landscape (@page) with the
colours kept, each part starting on a new sheet and no card split. Accessible: real tables
with <th scope>, a `lang` attribute, and states told by a symbol and words as well as by colour
and pattern.

The markup is the Jinja2 template jtr/export/templates/report.html.j2 (its style sheet
report.css.j2); this module gives it the state and the few things computed rather than
written: the timeline's columns and spans, the as-of line's position. The template
environment escapes every printed value (jtr.export.templates), so roadmap text is never markup.

A value that rests on a reading of the seed carries the reading's mark, a link to its footnote
(`<a class="reading-mark" href="#reading-3" title="the decision">※3</a>`): an item's number,
title and owners in the attention table, the timeline and the cards; its working group,
milestones and 現状 on its card, and its help marks and shading there too (facts the report
shows only when a reading decides them); a task's span (and its title, for a reading of another
of its values). The footnotes close the page, in print too: section "Readings", each reading
with its mark, id, confidence, the values it decides, decision, alternatives, seed page and
lines and the words it cites. Without readings, the page is what it was before readings existed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from jtr import __version__
from jtr.export import districts, marks
from jtr.labels import label
from jtr.model import Item, Milestone, Phase, Reading
from jtr.presenter import (
    LOOKS,
    READING_MARK,
    RECURRING_MARK,
    SHARED_MARK,
    district_fraction,
    district_progress,
    field_text,
    goal_images,
    item_ref,
    join,
    listed_fields,
    owners_text,
    record_text,
    span_label,
    state_text,
    task_state_label,
    year_label,
    year_progress,
)
from jtr.render.status import header_lines
from jtr.status import STATES, ItemState, RoadmapState, TaskState

if TYPE_CHECKING:
    from jtr.model import Span
    from jtr.render.slips import Against

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
LABEL_PERCENT = 34.0  # width of the timeline's label column

# Pattern per state, over its colour (the same idea as the SVG's patterns).
PATTERNS = {
    "overdue": "repeating-linear-gradient(135deg, rgba(255,255,255,.22) 0 3px, transparent 3px 9px)",
    "delayed": "repeating-linear-gradient(45deg, rgba(255,255,255,.18) 0 2px, transparent 2px 7px)",
    "on_hold": "repeating-linear-gradient(90deg, rgba(255,255,255,.18) 0 2px, transparent 2px 6px)",
    "due": "repeating-linear-gradient(0deg, rgba(255,255,255,.28) 0 2px, transparent 2px 6px)",
    "in_progress": "radial-gradient(rgba(255,255,255,.28) 1px, transparent 1.5px) 0 0 / 6px 6px",
    "not_yet_due": "radial-gradient(rgba(0,0,0,.22) 1px, transparent 1.5px) 0 0 / 6px 6px",
    "cancelled": "repeating-linear-gradient(45deg, rgba(0,0,0,.15) 0 1px, transparent 1px 6px)",
}


class StateStyle(NamedTuple):
    """A state's look in the style sheet: its pattern over its fill, its text colour."""

    name: str
    fill: str
    ink: str
    background: str
    border: str


class PhaseCell(NamedTuple):
    """A cell of the phase row: the phase over `span` consecutive years (or no phase)."""

    phase: Phase | None
    span: int
    current: bool


class Cell(NamedTuple):
    """A cell of a task's row: empty (`look` None), a bar over `span` years, or (recurring)
    one year's mark in that year's state."""

    span: int
    year: int
    look: str | None


class Chart(NamedTuple):
    """What every course's timeline table shares."""

    years: list[int]
    label_width: str  # percent of the table
    column: str  # percent per fiscal year
    arrow: str  # the as-of arrow across its year's cell, percent
    as_of_line: str | None  # the as-of line across the table, percent (None: outside)
    phases: list[PhaseCell]


def export(state: RoadmapState, lang: str, against: Against | None = None) -> str:
    """The page; with a baseline (`jtr export --format html --baseline REV`), each task's row
    of the timeline is followed by a thin bar over its span in the baseline."""
    from jtr.export.templates import render

    roadmap = state.roadmap
    title, subtitle = header_lines(state, lang)

    def on(item: Item, key: str) -> tuple[Reading, ...]:
        return marks.item_readings(roadmap, item, key)

    def facts(item_state: ItemState) -> list[tuple[str, str, tuple[Reading, ...]]]:
        """(name, value, the readings it rests on) of each fact on an item's card."""
        item = item_state.item
        group = roadmap.working_group(item.working_group)
        found = [(label("owners", lang), owners_text(roadmap, item, lang), on(item, "owners"))]
        if group:
            found.append(
                (
                    label("kind_working_group", lang),
                    group.title.get(lang),
                    on(item, "working_group"),
                )
            )
        if item.help is not None and on(item, "help"):  # shown only when a reading decides it
            found.append((label("help_marks", lang), _help(item, lang), on(item, "help")))
        if on(item, "shaded"):
            found.append((label("shaded", lang), _shaded(item, lang), on(item, "shaded")))
        found.append(
            (label("decided", lang), _milestone(item_state.decision), on(item, "decision"))
        )
        found.append(
            (label("realised", lang), _milestone(item_state.realisation), on(item, "realisation"))
        )
        return found

    def bar_title(ts: TaskState) -> str:
        detail = f"{span_label(ts.task.years, lang)} · {state_text(ts, lang)}"
        record = record_text(ts.last_record, lang)
        return f"{detail} · {label('last_record_col', lang)}: {record}" if record else detail

    chart = _chart(state)
    matrix = districts.matrix(state, lang) if districts.scoped(roadmap) else None
    return render(
        "report.html.j2",
        state=state,
        roadmap=roadmap,
        lang=lang,
        version=__version__,
        csp=CSP,
        title=title,
        subtitle=subtitle,
        as_of=state.as_of.isoformat(),
        further_study_title=roadmap.further_study_title.get(lang)
        or label("further_study_heading", lang),
        courses={c.course.id: c for c in state.courses},
        chart=chart,
        states=STATES,
        styles=_styles(),
        symbols={s: look.symbol for s, look in LOOKS.items()},
        recurring_mark=RECURRING_MARK,
        shared_mark=SHARED_MARK,
        t=lambda key: label(key, lang),
        year_label=lambda year, style="name": year_label(year, lang, style),
        year_name_ja=lambda year: year_label(year, "ja"),
        span_label=lambda span: span_label(span, lang),
        ref=lambda course, item: item_ref(course.course, item.item),
        owners=lambda item: owners_text(roadmap, item.item, lang),
        state_label=lambda ts: task_state_label(ts, lang),
        record_text=lambda record: record_text(record, lang),
        worst_task=lambda item: min(item.tasks, key=lambda ts: STATES.index(ts.state)),
        facts=facts,
        bar_title=bar_title,
        task_cells=lambda ts: _task_cells(ts, chart.years),
        task_fields=listed_fields(),
        field_text=lambda field, task: field_text(field, task, lang),
        goal_images=goal_images,
        readings=roadmap.readings,
        reading_sign=READING_MARK,
        item_marks=on,
        title_marks=lambda item: marks.item_title_readings(roadmap, item),
        task_marks=lambda task: marks.task_readings(roadmap, task),
        span_marks=lambda task: marks.span_readings(roadmap, task),
        other_task_marks=lambda task: marks.other_task_readings(roadmap, task),
        reading_tip=lambda reading: marks.tooltip(reading, lang),
        reading_values=lambda reading: marks.values(roadmap, reading),
        confidence_text=lambda reading: marks.confidence_text(reading, lang),
        seed_text=lambda reading: marks.seed_text(reading, lang),
        cites_text=lambda reading: marks.cites_text(reading, lang),
        district_matrix=matrix,
        district_cell=lambda cell: districts.cell_text(cell, lang),
        district_separator=districts.separator(lang),
        district_fraction=district_fraction,
        district_progress=lambda ts: district_progress(ts, lang),
        against=against,
        baseline_of=lambda task: _baseline_of(against, task.id, chart.years, lang),
        baseline_caption=None
        if against is None
        else label("baseline_against", lang).format(
            name=against.base.name, commit=against.base.short
        ),
        removed_of=lambda course: [
            (change, _baseline_of(against, change.id, chart.years, lang))
            for change in (against.comparison.removed if against else ())
            if change.course_id == course.id
        ],
    )


class BaselineRow(NamedTuple):
    """A task's thin baseline bar: its cells (look `baseline` or None), the label beside it,
    the bar's title, the slip (None: added) and the span in the baseline."""

    cells: list[Cell]
    label: str
    title: str
    slip: int | None
    span: Span | None


def _baseline_of(
    against: Against | None, task_id: str, years: list[int], lang: str
) -> BaselineRow | None:
    if against is None:
        return None
    from jtr.model import Span
    from jtr.presenter import baseline_span_text, change_text, slip_text

    change = against.comparison.task(task_id)
    if change is None:
        return None
    span = change.baseline
    cells = []
    index = 0
    while index < len(years):
        if span is None or years[index] not in span:
            cells.append(Cell(1, years[index], None))
            index += 1
            continue
        width = 1
        while index + width < len(years) and years[index + width] in span:
            width += 1
        cells.append(Cell(width, years[index], "baseline"))
        index += width
    if span is None:
        tag = label("change_added", lang)
    elif change.slip:
        tag = f"{label('baseline', lang)} {slip_text(change.slip, lang)}"
    else:
        tag = label("baseline", lang)
    title = f"{label('baseline_years', lang)}: {baseline_span_text(change, lang)} · "
    title += change_text(change, lang)
    return BaselineRow(cells, tag, title, change.slip, Span(span.start, span.end) if span else None)


def _styles() -> list[StateStyle]:
    styles = []
    for state in STATES:
        fill, ink = LOOKS[state].colour, LOOKS[state].ink
        pattern = f"{PATTERNS[state]}, " if state in PATTERNS else ""
        border = "#9e9e9e" if state == "not_yet_due" else fill
        styles.append(StateStyle(state, fill, ink, f"{pattern}{fill}", border))
    return styles


def _chart(state: RoadmapState) -> Chart:
    roadmap = state.roadmap
    years = list(roadmap.period.years())
    column = (100.0 - LABEL_PERCENT) / max(len(years), 1)
    progress = year_progress(state.as_of, roadmap.fiscal_year_start_month)
    fy = state.fiscal_year
    line = None
    if years and years[0] <= fy <= years[-1]:
        line = f"{LABEL_PERCENT + (fy - years[0] + progress) * column:.3f}"
    phases = []
    index = 0
    while index < len(years):
        phase = roadmap.phase_of(years[index])
        width = 1
        if phase is not None:
            while index + width < len(years) and years[index + width] in phase.years:
                width += 1
        current = phase is not None and state.phase is not None and phase.id == state.phase.id
        phases.append(PhaseCell(phase, width, current))
        index += width
    return Chart(
        years, f"{LABEL_PERCENT:g}", f"{column:.4f}", f"{progress * 100:.2f}", line, phases
    )


def _task_cells(ts: TaskState, years: list[int]) -> list[Cell]:
    """A task's row across the years: a mark per year of a recurring task, else one bar over
    each run of its years."""
    task = ts.task
    cells = []
    if task.recurring:
        occurrences = {o.fiscal_year: o.state for o in ts.occurrences}
        for year in years:
            look = occurrences.get(year, ts.state) if year in task.years else None
            cells.append(Cell(1, year, look))
        return cells
    index = 0
    while index < len(years):
        year = years[index]
        if year not in task.years:
            cells.append(Cell(1, year, None))
            index += 1
            continue
        width = 1
        while index + width < len(years) and years[index + width] in task.years:
            width += 1
        cells.append(Cell(width, year, ts.state))
        index += width
    return cells


def _help(item: Item, lang: str) -> str:
    """An item's help marks (●) in words, as `jtr show` writes them."""
    help_ = item.help
    if help_ is None:
        return label("none", lang)
    dots = "●" * (help_.dots or 0)
    if help_.kinds:
        kinds = [label(f"help_{kind}", lang) for kind in help_.kinds]
        return f"{dots} ({join(kinds, lang)})".strip()
    if help_.dots is None:
        return label("none", lang)
    return label("help_dots", lang).format(dots=dots, count=help_.dots)


def _shaded(item: Item, lang: str) -> str:
    key = {None: "shaded_unknown", True: "shaded_yes", False: "shaded_no"}[item.shaded]
    return label(key, lang)


def _milestone(milestone: Milestone | None) -> str:
    if milestone is None:
        return "—"
    date = milestone.date.isoformat()
    return f"{date} {milestone.note}" if milestone.note else date
