"""`jtr export --format svg`: the phase timeline as a standalone SVG picture.

A picture that a browser, a word processor or a slide program shows as it is, for meeting
documents: fiscal years across (era and western), the phase bands, one row per task with a bar
over its fiscal years, a mark per year for recurring tasks, each course's target, the as-of
date as a dashed line, and a legend. Like the terminal timeline, a state is never told by
colour alone: every bar carries the state's symbol and, where it fits, its label, and every
state has its own fill pattern. Titles too long for the label column are cut with "…" and
given whole in a <title> tooltip.

No text is measured here (nothing can be, without a font engine), so widths are estimated:
a wide (Japanese) character is 1 em, any other 0.62 em, which is at least what Noto Sans CJK
and the common sans-serif fonts draw. The browser test checks the estimate with the real font.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape as _escape

from rich.cells import cell_len

from jtr.escape import document
from jtr.export._common import (
    RECURRING_MARK,
    SHARED_MARK,
    STATE_COLOURS,
    STATE_SYMBOLS,
    join,
    owner_names,
    span_dates,
    state_text,
    word,
    year_name,
)
from jtr.fiscal import fiscal_year_end, fiscal_year_of, fiscal_year_start
from jtr.i18n import t
from jtr.model import Span
from jtr.status import STATES, RoadmapState, TaskState

FONT_FAMILY = (
    "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', "
    "'Yu Gothic', Meiryo, sans-serif"
)
SIZE = 12  # px, body text
PAD = 16
YEAR_W = 160
TASK_ROW = 22
ITEM_ROW = 22
COURSE_ROW = 30
TASK_INDENT = 28
LABEL_MIN, LABEL_MAX = 260, 600
WIDE_EM, NARROW_EM = 1.0, 0.62

# Fill patterns drawn over each state's colour (id, pattern body); done is plain.
PATTERNS: dict[str, str] = {
    "overdue": '<path d="M0,8 L8,0" stroke="#ffffff" stroke-opacity="0.45" stroke-width="2"/>',
    "delayed": '<path d="M0,0 L4,4 L0,8" fill="none" stroke="#ffffff" stroke-opacity="0.3" stroke-width="1.2"/>',
    "on_hold": '<path d="M2,0 L2,8 M6,0 L6,8" stroke="#ffffff" stroke-opacity="0.3" stroke-width="1.5"/>',
    "due": '<path d="M0,2 L8,2 M0,6 L8,6" stroke="#ffffff" stroke-opacity="0.35" stroke-width="1.5"/>',
    "in_progress": '<circle cx="4" cy="4" r="1.4" fill="#ffffff" fill-opacity="0.35"/>',
    "not_yet_due": '<circle cx="4" cy="4" r="1.2" fill="#616161" fill-opacity="0.45"/>',
    "cancelled": '<path d="M0,0 L8,8 M8,0 L0,8" stroke="#424242" stroke-opacity="0.45" stroke-width="1"/>',
}  # fmt: skip

_NON_XML = re.compile("[\ufffe\uffff]")


def esc(text: str) -> str:
    """Text safe in XML content and attribute values: control, bidi and invisible characters
    shown visibly (`jtr.escape.document`), the two non-characters XML forbids dropped."""
    return _escape(_NON_XML.sub("", document(text)), quote=True)


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


class _Svg:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = SIZE,
        bold: bool = False,
        fill: str = "#1a1a1a",
        anchor: str = "start",
        cls: str = "",
    ) -> None:
        attrs = f'x="{x:.1f}" y="{y:.1f}"'
        if size != SIZE:
            attrs += f' font-size="{size:g}"'
        if bold:
            attrs += ' font-weight="bold"'
        if fill != "#1a1a1a":
            attrs += f' fill="{fill}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if cls:
            attrs += f' class="{cls}"'
        self.add(f"<text {attrs}>{esc(content)}</text>")


def _bar(
    svg: _Svg, x: float, y: float, w: float, h: float, state: str, label: str, fallback: str = ""
) -> None:
    """A bar in a state's colour and pattern, with its symbol and, if it fits, its label."""
    fill, ink = STATE_COLOURS[state]
    stroke = ' stroke="#9e9e9e"' if state == "not_yet_due" else ""
    svg.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="3" fill="{fill}"{stroke}/>')  # fmt: skip
    if state in PATTERNS:
        svg.add(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="3" '
            f'fill="url(#p-{state})"/>'
        )
    size = SIZE - 1
    text = label if text_width(label, size) <= w - 10 else fallback or STATE_SYMBOLS[state]
    # A halo in the bar's colour keeps the text readable over the pattern.
    svg.add(
        f'<text x="{x + w / 2:.1f}" y="{y + h / 2 + size * 0.36:.1f}" font-size="{size}" '
        f'fill="{ink}" text-anchor="middle" stroke="{fill}" stroke-width="3" '
        f'paint-order="stroke" class="bar-label">{esc(text)}</text>'
    )


def export(state: RoadmapState, lang: str) -> str:
    roadmap = state.roadmap
    start_month = roadmap.fiscal_year_start_month
    years = list(roadmap.period.years())
    bar_label = {s: f"{STATE_SYMBOLS[s]} {t(s, lang)}" for s in STATES}

    # The label column: as wide as the longest task title needs, within limits.
    needed = max(
        (
            TASK_INDENT
            + text_width(ts.task.title.get(lang) + (SHARED_MARK + " " if ts.task.item_id != i.item.id else ""))
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
        first, last = fiscal_year_start(fy, start_month), fiscal_year_end(fy, start_month)
        fraction = (day - first).days / ((last - first).days + 1)
        return chart_x + min(max((fy - years[0] + fraction) * YEAR_W, 0), chart_w)

    body = _Svg()
    y = PAD
    # Title and the as-of line.
    body.text(PAD, y + 18, roadmap.title.get(lang), size=18, bold=True, cls="title")
    y += 26
    phase = f" · {state.phase.title.get(lang)}" if state.phase else ""
    body.text(PAD, y + 14, f"{t('as_of', lang)} {state.as_of.isoformat()} · "
              f"{year_name(state.fiscal_year, lang)}{phase}", cls="as-of-line")  # fmt: skip
    y += 30

    # As-of label above the years; the line itself is drawn last, over everything.
    header_top = y + 18
    as_of_x = x_of(state.as_of)
    inside = years[0] <= state.fiscal_year <= years[-1]
    mark = "▼" if inside else ("◀" if state.fiscal_year < years[0] else "▶")
    as_of_text = f"{mark} {t('as_of', lang)} {state.as_of.isoformat()}"
    anchor = "middle"
    if as_of_x + text_width(as_of_text) / 2 > width - PAD:
        anchor = "end"
    elif as_of_x - text_width(as_of_text) / 2 < chart_x:
        anchor = "start"
    body.text(as_of_x, y + 13, as_of_text, bold=True, fill="#b71c1c", anchor=anchor,
              cls="as-of-label")  # fmt: skip
    y = header_top

    # Years: era and western, the as-of year highlighted.
    body.add('<g class="years">')
    for index, year in enumerate(years):
        x = chart_x + index * YEAR_W
        now = year == state.fiscal_year
        first, second = (
            (year_name(year, "ja"), str(year)) if lang == "ja" else (f"FY{year}", year_name(year, "ja"))
        )  # fmt: skip
        flag = ' data-now="true"' if now else ""
        body.add(f'<g class="year" data-year="{year}"{flag}>')
        body.add(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{YEAR_W}" height="38" '
            f'fill="{"#fff3c4" if now else "#f5f5f5"}" stroke="#bdbdbd"/>'
        )
        body.text(x + YEAR_W / 2, y + 16, first, bold=True, anchor="middle")
        body.text(x + YEAR_W / 2, y + 32, second, size=11, fill="#424242", anchor="middle")
        body.add("</g>")
    body.add("</g>")
    y += 38

    # Phases: one band per phase over its years.
    body.add('<g class="phases">')
    body.text(chart_x - 8, y + 16, word("phase_row", lang), anchor="end", fill="#424242")
    for index, phase_ in enumerate(roadmap.phases):
        span = Span(max(phase_.years.start, years[0]), min(phase_.years.end, years[-1]))
        if span.start > span.end:
            continue
        x = chart_x + (span.start - years[0]) * YEAR_W
        w = (span.end - span.start + 1) * YEAR_W
        current = state.phase is not None and phase_.id == state.phase.id
        tint = ("#e3f2fd", "#e8eaf6")[index % 2]
        title = phase_.title.get(lang)
        body.add(f'<g class="phase" data-phase="{esc(phase_.id)}"><title>{esc(title)}</title>')
        body.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w}" height="24" fill="{tint}" stroke="#bdbdbd"/>')  # fmt: skip
        body.text(
            x + w / 2, y + 16, clip(title, w - 10, bold=current), bold=current, anchor="middle"
        )
        body.add("</g>")
    body.add("</g>")
    y += 24
    chart_top = header_top

    # Body: courses, items, tasks.
    rows = _Svg()
    zebra = 0
    for course_state in state.courses:
        course = course_state.course
        y += 6
        heading = (
            f"{course.numeral} {course.title.get(lang)} — {t('target', lang)} "
            f"{year_name(course.target_year, lang)}"
        )
        rows.add(f'<g class="course" data-course="{esc(course.id)}">')
        rows.text(PAD, y + 20, clip(heading, label_w - 8, 13, True), size=13, bold=True)
        if years[0] <= course.target_year <= years[-1]:  # the target: a flag at the year's end
            tx = chart_x + (course.target_year - years[0] + 1) * YEAR_W
            met = f"{len(course_state.goal_met)}/{len(course_state.items)}"
            flag = f"◆ {word('target_short', lang)} {met}"
            rows.add(
                f'<g class="target"><title>{esc(t("goal", lang))}: {esc(met)}</title>'
                f'<line x1="{tx:.1f}" y1="{y + 4:.1f}" x2="{tx:.1f}" y2="{y + COURSE_ROW:.1f}" '
                'stroke="#1a1a1a" stroke-width="2"/>'
            )
            rows.text(tx - 4, y + 20, flag, size=11, bold=True, anchor="end")
            rows.add("</g>")
        rows.add("</g>")
        y += COURSE_ROW
        for item_state in course_state.items:
            item = item_state.item
            owners = f"  [{join(owner_names(state, item_state, lang), lang)}]"
            number = f"{item.number} "
            room = width - PAD - PAD - text_width(owners, 11) - text_width(number, bold=True) - 8
            title = clip(item.title.get(lang), room, bold=True)
            rows.add(f'<g class="item" data-item="{esc(item.id)}"><title>{esc(item.title.get(lang))}</title>')  # fmt: skip
            rows.add(
                f'<text x="{PAD + 8:.1f}" y="{y + 16:.1f}" font-weight="bold">{esc(number + title)}'
                f'<tspan font-weight="normal" font-size="11" fill="#616161">{esc(owners)}</tspan></text>'
            )
            rows.add("</g>")
            y += ITEM_ROW
            for ts in item_state.tasks:
                shared = ts.task.item_id != item.id
                if zebra % 2 == 0:
                    rows.add(f'<rect x="{PAD}" y="{y:.1f}" width="{width - 2 * PAD}" height="{TASK_ROW}" fill="#fafafa"/>')  # fmt: skip
                zebra += 1
                _task_row(rows, ts, shared, y, lang, label_w, chart_x, years, bar_label,
                          start_month)  # fmt: skip
                y += TASK_ROW
    chart_bottom = y + 6
    y = chart_bottom

    # Grid, then the as-of line over everything.
    grid = _Svg()
    for index in range(len(years) + 1):
        x = chart_x + index * YEAR_W
        grid.add(
            f'<line x1="{x:.1f}" y1="{chart_top:.1f}" x2="{x:.1f}" y2="{chart_bottom:.1f}" '
            'stroke="#bdbdbd" stroke-width="1"/>'
        )
    marker = (
        f'<g class="as-of" data-date="{state.as_of.isoformat()}">'
        f'<line x1="{as_of_x:.1f}" y1="{chart_top - 4:.1f}" x2="{as_of_x:.1f}" y2="{chart_bottom:.1f}" '
        'stroke="#b71c1c" stroke-width="2" stroke-dasharray="6 4"/></g>'
    )

    # Legend.
    legend = _Svg()
    y += 14
    legend.add('<g class="legend">')
    legend.text(PAD, y + 15, f"{t('legend', lang)}:", bold=True)
    x = PAD + text_width(f"{t('legend', lang)}:", bold=True) + 12
    entries: list[tuple[str, str]] = [(s, t(s, lang)) for s in STATES]
    entries += [("recurring", word("legend_recurring", lang)),
                ("shared", word("legend_shared", lang)),
                ("as_of", word("legend_as_of", lang))]  # fmt: skip
    for key, text in entries:
        need = 34 + text_width(text) + 18
        if x + need > width - PAD:
            x = PAD + 60
            y += 24
        legend.add(f'<g class="legend-entry" data-key="{key}">')
        if key in STATE_SYMBOLS:
            _bar(legend, x, y + 3, 28, 16, key, STATE_SYMBOLS[key])
        elif key == "recurring":
            legend.text(x + 14, y + 16, RECURRING_MARK, anchor="middle", bold=True)
        elif key == "shared":
            legend.text(x + 14, y + 16, SHARED_MARK, anchor="middle", bold=True)
        else:
            legend.add(
                f'<line x1="{x + 14:.1f}" y1="{y + 2:.1f}" x2="{x + 14:.1f}" y2="{y + 20:.1f}" '
                'stroke="#b71c1c" stroke-width="2" stroke-dasharray="6 4"/>'
            )
        legend.text(x + 34, y + 16, text)
        legend.add("</g>")
        x += need
    legend.add("</g>")
    height = y + 24 + PAD

    title = f"{roadmap.title.get(lang)} — {t('as_of', lang)} {state.as_of.isoformat()}"
    description = _summary(state, lang)
    patterns = "".join(
        f'<pattern id="p-{s}" width="8" height="8" patternUnits="userSpaceOnUse">{body_}</pattern>'
        for s, body_ in PATTERNS.items()
    )
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="jtr-title jtr-desc" xml:lang="{lang}" lang="{lang}" '
        f'font-family="{esc(FONT_FAMILY)}" font-size="{SIZE}">\n'
        f'<title id="jtr-title">{esc(title)}</title>\n'
        f'<desc id="jtr-desc">{esc(description)}</desc>\n'
        f"<defs>{patterns}</defs>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
    )
    parts = [head, *body.parts, *rows.parts, *grid.parts, marker, *legend.parts, "</svg>"]
    return "\n".join(parts) + "\n"


def _task_row(
    svg: _Svg,
    ts: TaskState,
    shared: bool,
    y: float,
    lang: str,
    label_w: float,
    chart_x: float,
    years: list[int],
    bar_label: dict[str, str],
    start_month: int,
) -> None:
    task = ts.task
    title = task.title.get(lang)
    prefix = f"{SHARED_MARK} " if shared else ""
    full = f"{prefix}{title} — {state_text(ts, lang)}"
    first, last = span_dates(task.years, start_month)
    flag = ' data-shared="true"' if shared else ""
    svg.add(
        f'<g class="task" data-task="{esc(task.id)}" data-state="{ts.state}" '
        f'data-start="{first.isoformat()}" data-end="{last.isoformat()}"{flag}>'
        f"<title>{esc(full)}</title>"
    )
    room = label_w - TASK_INDENT - 8
    svg.text(PAD + TASK_INDENT, y + 15, clip(prefix + title, room), cls="task-label")
    h = TASK_ROW - 6
    occurrences = {o.fiscal_year: o for o in ts.occurrences}
    for year in task.years.years():
        if year not in years:
            continue
        if not task.recurring:
            break
        look = occurrences[year].state if year in occurrences else ts.state
        x = chart_x + (year - years[0]) * YEAR_W + YEAR_W * 0.2
        svg.add(f'<g class="occurrence" data-year="{year}" data-state="{look}">')
        _bar(svg, x, y + 3, YEAR_W * 0.6, h, look, f"{RECURRING_MARK} {t(look, lang)}",
             f"{RECURRING_MARK}{STATE_SYMBOLS[look]}")  # fmt: skip
        svg.add("</g>")
    if not task.recurring:
        start = max(task.years.start, years[0])
        end = min(task.years.end, years[-1])
        if start <= end:
            x = chart_x + (start - years[0]) * YEAR_W + 3
            w = (end - start + 1) * YEAR_W - 6
            _bar(svg, x, y + 3, w, h, ts.state, bar_label[ts.state])
    svg.add("</g>")


def _summary(state: RoadmapState, lang: str) -> str:
    parts = []
    for course in state.courses:
        counts = course.counts
        detail = ", ".join(f"{t(s, lang)} {counts[s]}" for s in STATES if counts[s])
        parts.append(
            f"{course.course.numeral} {course.course.title.get(lang)}: "
            f"{t('tasks', lang)} {course.task_total} ({detail})"
        )
    return "; ".join(parts)
