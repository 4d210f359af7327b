"""`jtr timeline`: the roadmap as a Gantt chart for the terminal, one column per fiscal year.

Pure: the state comes in, a string goes out. Every line is built as a list of styled segments
whose widths are counted in display cells (Japanese characters are two cells wide), so the
columns stay aligned whatever mix of scripts the titles use. Without colour the segments are
joined as plain text; with colour they become a `rich.text.Text` printed through a console of
the same width. A state is never shown by colour alone: every state has its own fill character.

Every line fits the width asked for. Year columns narrow down to a year's digits; below the
narrowest chart (MIN_LABEL + NARROW_COLUMN per year), the view says so and lists the tasks by
fiscal year instead. Under `JTR_AMBIGUOUS_WIDTH=2` (a terminal drawing box drawing and block
characters double-width) the chart is drawn with the ASCII glyphs, so its columns stay aligned.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from jtr.escape import terminal
from jtr.labels import LABELS, label
from jtr.presenter import (
    LOOKS,
    district_fraction,
    item_ref,
    join,
    owner_names,
    reading_mark,
    readings_at,
    state_look,
    year_label,
)
from jtr.render.lines import (
    Line,
    Segment,
    ambiguous_wide,
    cell_len,
    centre,
    fit,
    render_lines,
    shown_cells,
    wrap,
)
from jtr.status import STATES, ItemState, RoadmapState, TaskState

if TYPE_CHECKING:
    from jtr.baseline import TaskChange
    from jtr.render.slips import Against

MIN_WIDTH = 60  # the legend's lines wrap at this width at the least (never past the width)
MIN_COLUMN = 8  # cells per fiscal-year column, its left separator included, when there is room
NARROW_COLUMN = 5  # the fewest: a year's four digits
MAX_COLUMN = 24
MIN_LABEL = 20  # cells of the label column, never fewer
TASK_INDENT = 4  # task titles sit under their item's title


class Glyphs(NamedTuple):
    ellipsis: str
    recurring: str
    marker: str
    before: str  # the as-of date falls before the period
    after: str  # ... or after it
    shared: str
    header_sep: str  # between year columns in the header
    body_sep: str  # between year columns in task rows
    rule: str
    cross: str
    rule_end: str
    dash: str  # course title — target
    dot: str  # as of … · FY … · phase
    owner_sep_ja: str
    baseline: str  # the baseline's span, in the row under a task's bar (--baseline)


UNICODE = Glyphs("…", "◆", "▼", "◀", "▶", "↳ ", "│", "┊", "─", "┼", "┤", " — ", " · ", "・", "▔")
ASCII = Glyphs("~", "*", "v", "<", ">", "-> ", "|", ":", "-", "+", "+", " - ", " / ", "/", "^")
BASELINE_STYLE = "blue"

# The words this view prints are the catalog's, its looks the presenter's: under these names
# for the tests that read them, each state's (fill, ASCII fill, style).
WORDS = LABELS
STATE_LOOK = {state: (look.fill, look.ascii_fill, look.style) for state, look in LOOKS.items()}
__all__ = ["ASCII", "STATE_LOOK", "UNICODE", "WORDS", "fit", "layout", "render_timeline"]


class _Layout(NamedTuple):
    width: int
    label: int  # cells of the label column
    column: int  # cells per year column, its left separator included
    years: tuple[int, ...]  # the columns; a closing separator follows the last

    @property
    def chart(self) -> int:
        """Cells from the label column to the closing separator."""
        return self.label + len(self.years) * self.column + 1

    @property
    def inner(self) -> int:
        return self.column - 1

    def centre_of(self, index: int) -> int:
        """Offset of the middle cell of a year column's inside, from the line's start."""
        return self.label + index * self.column + 1 + (self.inner - 1) // 2


def chart_width(years: int) -> int:
    """The fewest cells a chart of `years` year columns takes."""
    return MIN_LABEL + max(years, 1) * NARROW_COLUMN + 1


def layout(width: int, years: tuple[int, ...], needed: int | None = None) -> _Layout | None:
    """Year columns take about half the width (MIN_COLUMN to MAX_COLUMN cells each, down to
    NARROW_COLUMN when the width is short), the label column the rest, or only the `needed`
    cells when the labels are shorter. None when even the narrowest chart is wider than `width`.
    """
    count = max(len(years), 1)
    if width < chart_width(count):
        return None
    column = max(MIN_COLUMN, min(MAX_COLUMN, (width // 2) // count))
    if width - count * column - 1 < MIN_LABEL:
        column = max(NARROW_COLUMN, (width - MIN_LABEL - 1) // count)
    label = width - count * column - 1
    if needed is not None and needed < label:  # short labels: the year columns widen instead
        label = max(MIN_LABEL, needed)
        column = max(column, min(MAX_COLUMN, (width - label - 1) // count))
        if column < MAX_COLUMN:
            label = width - count * column - 1
    return _Layout(width, label, column, years)


def render_timeline(
    state: RoadmapState,
    *,
    lang: str,
    width: int,
    ascii_only: bool = False,
    color: bool = False,
    against: Against | None = None,
) -> str:
    """The roadmap as a Gantt chart no line of which is wider than `width` cells, ending in a
    newline. With a baseline (`against`), each task's row is followed by one drawing its span
    in the baseline (`_baseline_row`), the tasks removed since close the body, and the legend
    says what that row is; the list by fiscal year stays as it is.

    Header: title, as-of line, the as-of marker, the fiscal years (era and western) and the
    phases. Body: per course a heading, per item a line with its owners, per task a row with
    its title and a bar over its fiscal years filled by its state (recurring tasks: a mark per
    year in that year's state; tasks shared from another item marked). Then a legend. Too
    narrow for that: a line saying so, then the tasks listed by fiscal year (`_by_year`).
    """
    roadmap = state.roadmap
    width = max(width, MIN_LABEL)  # the fewest cells anything is drawn in
    drawn_ascii = ascii_only or ambiguous_wide()  # the chart's own glyphs
    glyphs = ASCII if drawn_ascii else UNICODE
    needed = max(
        (
            TASK_INDENT + shown_cells(task_state.task.title.get(lang), width) + 1
            + (cell_len(glyphs.shared) if task_state.task.item_id != item_state.item.id else 0)
            for course_state in state.courses
            for item_state in course_state.items
            for task_state in item_state.tasks
        ),
        default=MIN_LABEL,
    )  # fmt: skip
    geo = layout(width, tuple(roadmap.period.years()), needed)
    lines: list[Line] = []

    def text_line(text: str, style: str = "") -> Line:
        return Line().add(fit(text, width, glyphs.ellipsis), style)

    # Title and as-of line.
    lines.append(text_line(roadmap.title.get(lang), "bold"))
    as_of = [
        f"{label('as_of', lang)} {state.as_of.isoformat()}",
        year_label(state.fiscal_year, lang),
    ]
    if state.phase is not None:
        as_of.append(state.phase.title.get(lang))
    lines.append(text_line(glyphs.dot.join(as_of)))
    if geo is None:
        needs = chart_width(len(roadmap.period.years()))
        notice = Line().add(label("timeline_too_narrow", lang).format(cells=needs), "dim")
        lines.extend(wrap(notice, width, 0))
        lines.extend(_by_year(state, width, glyphs, lang, drawn_ascii, ascii_only))
        lines.append(Line().add(glyphs.rule * width, "dim"))
        lines.extend(_legend(width, glyphs, lang, drawn_ascii))
        return render_lines(lines, width, color)
    lines.extend(_header(state, geo, glyphs, lang))

    # Body.
    for index, course_state in enumerate(state.courses):
        if index:
            lines.append(Line())
        course = course_state.course
        numeral = _ascii_numeral(course.numeral) if ascii_only else course.numeral
        heading = (
            f"{numeral} {course.title.get(lang)}{glyphs.dash}"
            f"{label('target_year_short', lang)} {year_label(course.target_year, lang)}"
        )
        lines.append(text_line(heading, "bold"))
        for item_state in course_state.items:
            lines.append(_item_line(state, item_state, geo, glyphs, lang, drawn_ascii))
            for task_state in item_state.tasks:
                shared = task_state.task.item_id != item_state.item.id
                mark = reading_mark(readings_at(state.roadmap, task_state.task.id), drawn_ascii)
                if task_state.districts:  # 18/32: the districts done, kept with the title
                    mark = f" {district_fraction(task_state)}{mark}"
                lines.append(
                    _task_row(task_state, shared, geo, glyphs, lang, drawn_ascii, mark=mark)
                )
                if against is not None:
                    change = against.comparison.task(task_state.task.id)
                    lines.append(_baseline_row(change, geo, glyphs, lang))
    if against is not None:
        lines.extend(_removed_rows(state, against, geo, glyphs, lang))

    lines.append(Line().add(glyphs.rule * geo.chart, "dim"))
    lines.extend(
        _legend(
            min(geo.width, max(geo.chart, MIN_WIDTH)),
            glyphs,
            lang,
            drawn_ascii,
            baseline=against is not None,
        )
    )
    return render_lines(lines, geo.width, color)


def _ascii_numeral(numeral: str) -> str:
    """`Ⅱ` → `II`; anything NFKC cannot spell in ASCII is dropped."""
    folded = unicodedata.normalize("NFKC", numeral)
    return "".join(c for c in folded if c.isascii()) or "?"


def _year_labels(year: int, inner: int, lang: str) -> list[str]:
    """The header rows naming one year: ["令和6年度", "2024"], ["R6 2024"], ["R6", "2024"];
    ["FY2024"] or ["2024"] in English, as the column's `inner` cells allow."""
    if lang != "ja":
        name = year_label(year, lang)
        return [name] if cell_len(name) <= inner else [str(year)]
    if cell_len(year_label(year, lang)) <= inner:
        return [year_label(year, lang), str(year)]
    short = year_label(year, lang, "short")
    if cell_len(f"{short} {year}") <= inner:
        return [f"{short} {year}"]
    return [short, str(year)]


def _header(state: RoadmapState, geo: _Layout, glyphs: Glyphs, lang: str) -> list[Line]:
    years = geo.years
    now = state.fiscal_year
    lines = []

    # The as-of marker, over the as-of year's column (or at the edge it lies beyond).
    marker = Line().add(" " * geo.label)
    if years and now in years:
        position, mark = geo.centre_of(years.index(now)), glyphs.marker
    elif years and now < years[0]:
        position, mark = geo.label + 1, glyphs.before
    elif years:
        position, mark = geo.label + len(years) * geo.column - 1, glyphs.after
    else:
        position, mark = -1, ""
    if mark:
        marker.add(" " * (position - geo.label)).add(mark, "bold")
    lines.append(marker)

    # The years: one or two rows, the as-of year highlighted.
    rows = max((len(_year_labels(y, geo.inner, lang)) for y in years), default=0)
    for row in range(rows):
        line = Line().add(" " * geo.label)
        for year in years:
            labels = _year_labels(year, geo.inner, lang)
            name = labels[row] if row < len(labels) else ""
            line.add(glyphs.header_sep, "dim")
            line.add(
                centre(name, geo.inner, glyphs.ellipsis), "bold reverse" if year == now else "bold"
            )
        lines.append(line.add(glyphs.header_sep, "dim"))

    # The phases, each spanning its years' columns.
    line = Line().add(" " * geo.label)
    index = 0
    while index < len(years):
        phase = state.roadmap.phase_of(years[index])
        span = 1
        if phase is not None:
            while index + span < len(years) and years[index + span] in phase.years:
                span += 1
        cells = span * geo.column - 1
        title = phase.title.get(lang) if phase else ""
        current = phase is not None and phase == state.phase
        line.add(glyphs.header_sep, "dim")
        line.add(centre(title, cells, glyphs.ellipsis), "bold" if current else "")
        index += span
    lines.append(line.add(glyphs.header_sep, "dim"))

    rule = Line().add(glyphs.rule * geo.label, "dim")
    for _ in years:
        rule.add(glyphs.cross + glyphs.rule * geo.inner, "dim")
    lines.append(rule.add(glyphs.rule_end, "dim"))
    return lines


def _item_line(
    state: RoadmapState,
    item_state: ItemState,
    geo: _Layout,
    glyphs: Glyphs,
    lang: str,
    ascii_only: bool = False,
) -> Line:
    item = item_state.item
    names = owner_names(state.roadmap, item, lang)
    roadmap = state.roadmap
    owned = reading_mark(readings_at(roadmap, f"{item.id}.owners"), ascii_only)
    # Made safe before it is measured: an escape (`\\x1b`) takes the cells it is shown in.
    owners = terminal(f"  [{join(names, lang, glyphs.owner_sep_ja)}]{owned}") if names else ""
    numbered = reading_mark(readings_at(roadmap, f"{item.id}.number"), ascii_only)
    number = f" {item.number:>2}{numbered} "
    # The owners stay whole as long as the title keeps a few cells.
    room = geo.width - cell_len(number) - cell_len(owners)
    if room < 12:
        owners = fit(owners, max(geo.width - cell_len(number) - 12, 0), glyphs.ellipsis)
        room = geo.width - cell_len(number) - cell_len(owners)
    line = Line().add(number, "bold")
    line.add(fit(item.title.get(lang), room, glyphs.ellipsis), "bold")
    return line.add(owners, "dim")


def _task_row(
    task_state: TaskState,
    shared: bool,
    geo: _Layout,
    glyphs: Glyphs,
    lang: str,
    ascii_only: bool,
    mark: str = "",
) -> Line:
    """A task's row; `mark`: the marks of the readings its values rest on (`※2`), kept
    whole after the title."""
    task = task_state.task
    line = Line().add(" " * TASK_INDENT)
    room = geo.label - TASK_INDENT - 1  # one cell before the first separator
    if shared:
        line.add(glyphs.shared, "dim")
        room -= cell_len(glyphs.shared)
    if mark and room > cell_len(mark) + 6:
        title = fit(task.title.get(lang), room - cell_len(mark), glyphs.ellipsis)
        line.add(fit(title + mark, room, glyphs.ellipsis, pad=True))
    else:
        line.add(fit(task.title.get(lang), room, glyphs.ellipsis, pad=True))
    line.add(" ")

    occurrences = {o.fiscal_year: o for o in task_state.occurrences}
    for index, year in enumerate(geo.years):
        inside = year in task.years
        if task.recurring:
            line.add(glyphs.body_sep, "dim")
            if not inside:
                line.add(" " * geo.inner)
                continue
            occurrence = occurrences.get(year)
            look = occurrence.state if occurrence else task_state.state
            fill, style = _fill(look, ascii_only)
            mark = fill + glyphs.recurring + fill
            left = (geo.inner - 3) // 2
            line.add(" " * left).add(mark, style).add(" " * (geo.inner - 3 - left))
            continue
        fill, style = _fill(task_state.state, ascii_only)
        continues = inside and index > 0 and geo.years[index - 1] in task.years
        line.add(fill if continues else glyphs.body_sep, style if continues else "dim")
        line.add(fill * geo.inner if inside else " " * geo.inner, style if inside else "")
    return line.add(glyphs.body_sep, "dim")


def _baseline_bar(line: Line, span: object, geo: _Layout, glyphs: Glyphs) -> Line:
    """The year columns of a baseline row: the baseline's fill over the years of `span` (a
    jtr.model.Span, or None: no years), its separators as a task row's."""
    years = span.years() if span is not None else range(0)  # type: ignore[attr-defined]
    for index, year in enumerate(geo.years):
        inside = year in years
        continues = inside and index > 0 and geo.years[index - 1] in years
        line.add(
            glyphs.baseline if continues else glyphs.body_sep,
            BASELINE_STYLE if continues else "dim",
        )
        line.add(
            glyphs.baseline * geo.inner if inside else " " * geo.inner,
            BASELINE_STYLE if inside else "",
        )
    return line.add(glyphs.body_sep, "dim")


def _baseline_row(change: TaskChange | None, geo: _Layout, glyphs: Glyphs, lang: str) -> Line:
    """The row under a task's bar: `baseline +1 FY` (or `task added`) in the label column,
    the task's span in the baseline across the years."""
    from jtr.presenter import slip_text

    if change is None or change.baseline is None:
        tag = label("change_added", lang)
    elif change.slip:
        tag = f"{label('baseline', lang)} {slip_text(change.slip, lang)}"
    else:
        tag = label("baseline", lang)
    indent = TASK_INDENT + 2
    room = max(geo.label - indent - 1, 0)
    line = Line().add(" " * indent)
    style = "bold red" if change is not None and change.slipped else "dim"
    line.add(fit(tag, room, glyphs.ellipsis, pad=True), style).add(" ")
    return _baseline_bar(line, None if change is None else change.baseline, geo, glyphs)


def _removed_rows(
    state: RoadmapState, against: Against, geo: _Layout, glyphs: Glyphs, lang: str
) -> list[Line]:
    """The tasks of the baseline that the plan no longer has (of the courses shown): a
    heading, then per task its title and its span in the baseline."""
    courses = {c.course.id for c in state.courses}
    removed = [c for c in against.comparison.removed if c.course_id in courses]
    if not removed:
        return []
    lines = [
        Line(),
        Line().add(fit(label("not_in_plan_heading", lang), geo.width, glyphs.ellipsis), "bold"),
    ]
    for change in removed:
        line = Line().add(" " * TASK_INDENT)
        room = geo.label - TASK_INDENT - 1
        line.add(fit(change.title.get(lang), room, glyphs.ellipsis, pad=True), "dim").add(" ")
        lines.append(_baseline_bar(line, change.baseline, geo, glyphs))
    return lines


def _fill(state: str, ascii_only: bool) -> tuple[str, str]:
    look = state_look(state)
    return (look.ascii_fill if ascii_only else look.fill), look.style


def _by_year(
    state: RoadmapState,
    width: int,
    glyphs: Glyphs,
    lang: str,
    drawn_ascii: bool,
    ascii_only: bool,
) -> list[Line]:
    """The chart read down its columns, for a width too short for it: per fiscal year a line
    (the as-of year marked), then each task of that year with its state's fill (a recurring
    task: that year's state) and its item's reference, its title wrapped under itself."""
    roadmap = state.roadmap
    lines: list[Line] = []
    for year in roadmap.period.years():
        phase = roadmap.phase_of(year)
        current = year == state.fiscal_year
        head = Line(hang=4).add(glyphs.marker if current else " ", "bold").add(" ")
        head.add(year_label(year, lang, "label"), "bold reverse" if current else "bold")
        if phase is not None:
            head.add(glyphs.dot + phase.title.get(lang), "bold" if current else "")
        lines.extend(wrap(head, width))
        seen: set[str] = set()
        for course_state in state.courses:
            course = course_state.course
            for item_state in course_state.items:
                for task_state in item_state.tasks:
                    task = task_state.task
                    if year not in task.years or task.id in seen:
                        continue
                    seen.add(task.id)
                    look = task_state.state
                    if task.recurring:
                        occurrence = next(
                            (o for o in task_state.occurrences if o.fiscal_year == year), None
                        )
                        look = occurrence.state if occurrence else look
                    fill, style = _fill(look, drawn_ascii)
                    mark = fill + (glyphs.recurring if task.recurring else fill)
                    ref = item_ref(course, item_state.item)
                    ref = (
                        f"{_ascii_numeral(course.numeral)}-{item_state.item.number}"
                        if ascii_only
                        else ref
                    )
                    line = Line().add("  ").add(mark, style).add(" " + ref + " ", "dim")
                    line.hang = cell_len(line.text)
                    line.add(task.title.get(lang))
                    lines.extend(wrap(line, width))
    return lines


def _legend(
    width: int, glyphs: Glyphs, lang: str, ascii_only: bool, *, baseline: bool = False
) -> list[Line]:
    entries: list[list[Segment]] = []
    for state in STATES:
        fill, style = _fill(state, ascii_only)
        entries.append([(fill * 2, style), (" " + label(state, lang), "")])
    if baseline:
        entries.append(
            [(glyphs.baseline * 2, BASELINE_STYLE), (" " + label("legend_baseline", lang), "")]
        )
    entries.append([(glyphs.recurring, "bold"), (" " + label("legend_recurring", lang), "")])
    entries.append([(glyphs.shared.strip(), "dim"), (" " + label("shared_from", lang), "")])
    entries.append([(glyphs.marker, "bold"), (" " + label("as_of", lang), "")])

    head = f"{label('legend', lang)}: "
    indent = cell_len(head)
    lines = [Line().add(head, "bold")]
    used = indent
    for entry in entries:
        size = sum(cell_len(text) for text, _ in entry)
        if used > indent and used + 2 + size > width:
            lines.append(Line().add(" " * indent))
            used = indent
        line = lines[-1]
        if used > indent:
            line.add("  ")
            used += 2
        room = width - used
        for text, style in entry:
            piece = fit(text, room, glyphs.ellipsis)
            line.add(piece, style)
            room -= cell_len(piece)
            used += cell_len(piece)
    return lines
