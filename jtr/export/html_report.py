"""`jtr export --format html`: one self-contained web page, for screens and meeting documents.

For people who read the roadmap in a browser or on paper: the header, the status summary, the
phase timeline as a chart (an HTML table with bars over the fiscal-year columns, so it is
readable by screen readers, selectable, and prints sharply), and a card per review item with
its 現状, tasks and goal images, then Section Ⅲ's topics.

Self-contained: inline CSS, no script, no font, image or link fetched; a Content-Security-Policy
meta tag makes the browser refuse anything else. It prints on A4 landscape (@page) with the
colours kept, each part starting on a new sheet and no card split. Accessible: real tables
with <th scope>, a `lang` attribute, and states told by a symbol and words as well as by colour
and pattern. Every text from the roadmap is escaped.
"""

from __future__ import annotations

from html import escape

from jtr import __version__
from jtr.escape import document
from jtr.export._common import (
    RECURRING_MARK,
    SHARED_MARK,
    STATE_COLOURS,
    STATE_SYMBOLS,
    goal_images,
    item_ref,
    join,
    owner_names,
    record_text,
    state_text,
    word,
    year_name,
    years_label,
)
from jtr.fiscal import fiscal_year_end, fiscal_year_of, fiscal_year_start, label
from jtr.i18n import t
from jtr.model import Milestone
from jtr.render.status import header_lines, state_label
from jtr.status import STATES, CourseState, ItemState, RoadmapState, TaskState

FONTS = (
    '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", '
    '"Yu Gothic", Meiryo, sans-serif'
)
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

WORDS = {
    "contents": ("目次", "Contents"),
    "courses_caption": ("コース別の状況", "Courses"),
    "by_state": ("状態別の課題", "Tasks by state"),
    "task_head": ("課題", "Task"),
    "problems": ("現状", "Current problems"),
    "goal_images": ("ゴールイメージ", "Goal images"),
    "directions": ("方向性", "Directions"),
    "study_groups": ("研究会", "Study groups"),
    "printed": ("A4横で印刷できます", "Prints on A4 landscape"),
    "timeline_note": (
        "各課題の帯は実施予定の年度を、記号と文字はその状態を示します。毎年度の課題は年度ごとの状態を示します。",
        "Each task's bar spans its fiscal years; the symbol and words tell its state. "
        "Recurring tasks show each year's state.",
    ),
}


def _w(key: str, lang: str) -> str:
    ja, en = WORDS[key]
    return ja if lang == "ja" else en


def e(text: object) -> str:
    """Text safe in HTML content and attribute values: control, bidi and invisible characters
    shown visibly (`jtr.escape.document`: a U+202E would reorder what the reader sees)."""
    return escape(document(str(text)), quote=True)


def _css() -> str:
    states = []
    for state in STATES:
        fill, ink = STATE_COLOURS[state]
        pattern = f"{PATTERNS[state]}, " if state in PATTERNS else ""
        border = "#9e9e9e" if state == "not_yet_due" else fill
        halo = f"text-shadow:0 0 2px {fill},0 0 2px {fill},0 0 3px {fill};"
        states.append(
            f".s-{state}{{background:{pattern}{fill};color:{ink};border:1px solid {border};{halo}}}"
        )
    return (
        """
:root{--ink:#1a1a1a;--muted:#555;--line:#c4c4c4;--accent:#283593;--now:#fff3c4;--asof:#b71c1c}
*{box-sizing:border-box}
html{font-family:"""
        + FONTS
        + """;color:var(--ink);background:#fff;font-size:14px;line-height:1.5}
body{margin:0 auto;max-width:1500px;padding:20px 24px 40px}
header.report{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:12px}
.city{margin:0;color:var(--muted)}
h1{font-size:1.6rem;margin:.1rem 0;line-height:1.3}
.subtitle{margin:0;color:var(--muted)}
.as-of{font-weight:bold;margin:.4rem 0 0;font-size:1.05rem}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1.2em;flex-wrap:wrap}
nav a{color:var(--accent)}
h2{font-size:1.3rem;border-left:6px solid var(--accent);padding-left:8px;margin:28px 0 10px}
h3{font-size:1.1rem;margin:18px 0 6px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#eef1f8}
caption{text-align:left;font-weight:bold;padding:4px 0;font-size:1.05rem}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.state{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap;font-size:.9em;line-height:1.6}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.muted{color:var(--muted)}
.missed{color:var(--asof);font-weight:bold}
.chart{position:relative;margin:8px 0 18px}
table.timeline{table-layout:fixed}
table.timeline caption{font-size:1.1rem}
table.timeline th,table.timeline td{padding:2px 4px}
table.timeline thead th.year{text-align:center;line-height:1.3}
table.timeline thead th.year .west{display:block;font-weight:normal;color:var(--muted);font-size:.85em}
table.timeline thead th.now{background:var(--now)}
table.timeline col.now{background:#fffbe6}
table.timeline td.phase{text-align:center;background:#e3f2fd;font-size:.9em}
table.timeline td.phase.current{font-weight:bold;background:#c5cae9}
table.timeline tr.item th{background:#f4f4f4;font-weight:bold}
table.timeline tr.item .owners{font-weight:normal;color:var(--muted);font-size:.9em}
table.timeline tr.task th{font-weight:normal;padding-left:1.6em}
table.timeline td{border-top-color:#e6e6e6;border-bottom-color:#e6e6e6}
.bar{display:block;border-radius:3px;padding:0 6px;font-size:.85em;text-align:center;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;line-height:1.7}
.bar.recurring{margin:0 14%}
.asof-mark{display:block;color:var(--asof);font-weight:bold;font-size:.85em}
.as-of-line{position:absolute;top:0;bottom:0;border-left:2px dashed var(--asof);pointer-events:none;z-index:1}
table.timeline caption{background:#fff}
table.timeline caption,table.timeline thead th,table.timeline thead td{position:relative;z-index:2}
table.timeline thead th.now{padding-bottom:14px}
.asof-arrow{position:absolute;bottom:-2px;transform:translateX(-50%);color:var(--asof);font-size:.8em;line-height:1}
.target-mark{display:block;font-size:.8em;font-weight:bold}
ul.legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:.9em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;break-inside:avoid}
.card h4{margin:0 0 4px;font-size:1.05rem;line-height:1.35}
.card h5{margin:10px 0 2px;font-size:.95rem;color:var(--accent)}
.card ul{margin:2px 0;padding-left:1.3em}
.card table{font-size:.9em}
.ref{display:inline-block;min-width:2.6em;font-weight:bold;color:var(--accent)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 10px;margin:4px 0}
dl.facts dt{font-weight:bold;color:var(--muted)}
dl.facts dd{margin:0}
.goal{border-left:4px solid #7986cb;padding:2px 8px;margin:4px 0;background:#f5f6fc}
.goal p{margin:0;font-weight:bold}
.course-goals{margin:6px 0 12px}
.topic{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0;break-inside:avoid}
.topic h3{margin:0 0 4px}
footer{margin-top:32px;border-top:1px solid var(--line);padding-top:6px;color:var(--muted);font-size:.85em}
.print-only{display:none}
@page{size:A4 landscape;margin:10mm}
@media print{
html{font-size:8.5pt}
body{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav,.screen-only{display:none}
.print-only{display:block}
main>section{break-before:page}
main>section#summary{break-before:auto}
.chart{break-inside:auto}
tr,.card,.topic,.goal{break-inside:avoid}
thead{display:table-header-group}
.cards{display:block;column-count:3;column-gap:6px}
.card{display:block;width:100%;margin:0 0 6px}
a{color:inherit;text-decoration:none}
h1{font-size:1.5rem}
h2{margin:0 0 6px}
h3{margin:8px 0 4px}
th,td{padding:2px 4px}
header.report{margin-bottom:6px;padding-bottom:4px}
}
"""
        + "\n".join(states)
        + "\n"
    )


def chip(state: str, lang: str, text: str | None = None, cls: str = "state") -> str:
    words = text if text is not None else t(state, lang)
    return f'<span class="{cls} s-{state}" data-state="{state}">{e(STATE_SYMBOLS[state])} {e(words)}</span>'  # fmt: skip


def export(state: RoadmapState, lang: str) -> str:
    roadmap = state.roadmap
    title, subtitle = header_lines(state, lang)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="jtr {e(__version__)}">',
        f"<title>{e(title)} — {e(t('as_of', lang))} {state.as_of.isoformat()}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        '<header class="report">',
        f'<p class="city">{e(roadmap.city.get(lang))}</p>',
        f"<h1>{e(title)}</h1>",
        f'<p class="subtitle">{e(roadmap.subtitle.get(lang))}</p>',
        f'<p class="as-of" data-as-of="{state.as_of.isoformat()}">{e(subtitle)}</p>',
        "</header>",
        f'<nav aria-label="{e(_w("contents", lang))}"><ul>'
        f'<li><a href="#summary">{e(word("summary", lang))}</a></li>'
        f'<li><a href="#timeline">{e(word("timeline", lang))}</a></li>'
        f'<li><a href="#items">{e(word("item_cards", lang))}</a></li>'
        f'<li><a href="#further-study">{e(roadmap.further_study_title.get(lang) or word("further_study", lang))}</a></li>'
        f'<li class="muted">{e(_w("printed", lang))}</li>'
        "</ul></nav>",
        "<main>",
    ]
    out += _summary(state, lang)
    out += _timeline(state, lang)
    out += _cards(state, lang)
    out += _further_study(state, lang)
    out += [
        "</main>",
        f"<footer>{e(roadmap.title.get(lang))} · {e(t('as_of', lang))} {state.as_of.isoformat()}"
        f" · {e(word('generated', lang))} jtr {e(__version__)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _summary(state: RoadmapState, lang: str) -> list[str]:
    out = [
        '<section id="summary" aria-labelledby="summary-h">',
        f'<h2 id="summary-h">{e(word("summary", lang))}</h2>',
        '<table class="courses">',
        f"<caption>{e(_w('courses_caption', lang))}</caption>",
        "<thead><tr>"
        f'<th scope="col">{e(t("course", lang))}</th>'
        f'<th scope="col">{e(t("target", lang))}</th>'
        f'<th scope="col" class="num">{e(t("tasks", lang))}</th>'
        f'<th scope="col" class="num">{e(t("percent_done", lang))}</th>'
        f'<th scope="col">{e(t("goal", lang))}</th>'
        f'<th scope="col">{e(_w("by_state", lang))}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for course in state.courses:
        c = course.course
        counts = course.counts
        target = label(c.target_year, lang)
        if course.target_passed:
            target += f" ({t('closed', lang)})"
        goal = f"{len(course.goal_met)}/{len(course.items)}"
        if course.goal_missed:
            goal += f' <span class="missed">{e(t("goal_missed", lang))} {len(course.goal_missed)}</span>'  # fmt: skip
        chips = "".join(chip(s, lang, f"{t(s, lang)} {counts[s]}") for s in STATES if counts[s])
        out.append(
            f'<tr data-course="{e(c.id)}"><th scope="row">{e(c.numeral)} {e(c.title.get(lang))}</th>'
            f'<td>{e(target)}</td><td class="num">{course.task_total}</td>'
            f'<td class="num">{course.percent_done:.0f}%</td><td>{goal}</td>'
            f'<td><span class="chips">{chips}</span></td></tr>'
        )
    out += ["</tbody>", "</table>"]

    attention = state.attention
    out.append(f"<h3>{e(t('attention', lang))} ({len(attention)})</h3>")
    if not attention:
        out.append(f"<p>{e(t('nothing_needs_attention', lang))}</p>")
    else:
        out += [
            '<table class="attention">',
            "<thead><tr>"
            f'<th scope="col">{e(t("item", lang))}</th>'
            f'<th scope="col">{e(t("owners", lang))}</th>'
            f'<th scope="col">{e(t("state", lang))}</th>'
            f'<th scope="col">{e(t("next", lang))}</th>'
            "</tr></thead>",
            "<tbody>",
        ]
        courses = {c.course.id: c for c in state.courses}
        for item in attention:
            course = courses[item.item.course_id]
            worst = min(item.tasks, key=lambda ts: STATES.index(ts.state))
            nxt = item.next_task
            next_text = (
                f'{e(nxt.task.title.get(lang))} <span class="muted">({e(years_label(nxt.task.years, lang))})</span>'
                if nxt
                else "—"
            )
            out.append(
                f'<tr data-item="{e(item.item.id)}"><th scope="row"><a href="#item-{e(item.item.id)}">'
                f'<span class="ref">{e(item_ref(course, item))}</span></a> {e(item.item.title.get(lang))}</th>'
                f"<td>{e(join(owner_names(state, item, lang), lang))}</td>"
                f"<td>{chip(worst.state, lang, state_label(worst, lang))}</td>"
                f"<td>{next_text}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    out.append("</section>")
    return out


def _fraction(state: RoadmapState) -> float:
    """How far through its fiscal year the as-of date lies, 0 to 1."""
    start_month = state.roadmap.fiscal_year_start_month
    fy = fiscal_year_of(state.as_of, start_month)
    first, last = fiscal_year_start(fy, start_month), fiscal_year_end(fy, start_month)
    return (state.as_of - first).days / ((last - first).days + 1)


def _as_of_percent(state: RoadmapState, years: list[int]) -> float | None:
    """Where the as-of date lies across the timeline table, in percent of its width."""
    start_month = state.roadmap.fiscal_year_start_month
    fy = fiscal_year_of(state.as_of, start_month)
    if not years or fy < years[0] or fy > years[-1]:
        return None
    column = (100.0 - LABEL_PERCENT) / len(years)
    return LABEL_PERCENT + (fy - years[0] + _fraction(state)) * column


def _legend(lang: str) -> str:
    entries = [f"<li>{chip(s, lang)}</li>" for s in STATES]
    entries.append(f"<li>{e(RECURRING_MARK)} {e(word('legend_recurring', lang))}</li>")
    entries.append(f"<li>{e(SHARED_MARK)} {e(word('legend_shared', lang))}</li>")
    entries.append(
        f'<li><span class="asof-mark" style="display:inline">┆</span> {e(word("legend_as_of", lang))}</li>'
    )
    return f'<ul class="legend" aria-label="{e(t("legend", lang))}">{"".join(entries)}</ul>'


def _timeline(state: RoadmapState, lang: str) -> list[str]:
    roadmap = state.roadmap
    years = list(roadmap.period.years())
    column = (100.0 - LABEL_PERCENT) / max(len(years), 1)
    percent = _as_of_percent(state, years)
    out = [
        '<section id="timeline" aria-labelledby="timeline-h">',
        f'<h2 id="timeline-h">{e(word("timeline", lang))}</h2>',
        f'<p class="muted">{e(_w("timeline_note", lang))}</p>',
        _legend(lang),
    ]
    for course in state.courses:
        out += _course_timeline(state, course, lang, years, column, percent)
    out.append("</section>")
    return out


def _course_timeline(
    state: RoadmapState,
    course_state: CourseState,
    lang: str,
    years: list[int],
    column: float,
    percent: float | None,
) -> list[str]:
    roadmap = state.roadmap
    course = course_state.course
    span = len(years) + 1
    out = ['<div class="chart">']
    out.append(f'<table class="timeline" data-course="{e(course.id)}">')
    out.append(
        f"<caption>{e(course.numeral)} {e(course.title.get(lang))} — {e(t('target', lang))} "
        f"{e(label(course.target_year, lang))}</caption>"
    )
    cols = [f'<col class="label" style="width:{LABEL_PERCENT:g}%">']
    cols += [
        f'<col class="year{" now" if y == state.fiscal_year else ""}" style="width:{column:.4f}%">'
        for y in years
    ]
    out.append(f"<colgroup>{''.join(cols)}</colgroup>")

    # Header: the years (the as-of year marked), then the phases.
    heads = [f'<th scope="col">{e(t("tasks", lang))}</th>']
    for year in years:
        now = year == state.fiscal_year
        west = str(year) if lang == "ja" else year_name(year, "ja")
        first = year_name(year, lang) if lang == "ja" else f"FY{year}"
        mark = (
            f'<span class="asof-mark">{e(t("as_of", lang))} {state.as_of.isoformat()}</span>'
            f'<span class="asof-arrow" style="left:{_fraction(state) * 100:.2f}%" aria-hidden="true">▼</span>'
            if now
            else ""
        )
        target = (
            f'<span class="target-mark">◆ {e(word("target_short", lang))}</span>'
            if year == course.target_year
            else ""
        )
        heads.append(
            f'<th scope="col" class="year{" now" if now else ""}" data-year="{year}">'
            f'{e(first)}<span class="west">{e(west)}</span>{target}{mark}</th>'
        )
    out.append("<thead>")
    out.append(f"<tr>{''.join(heads)}</tr>")
    phases = [f'<th scope="row">{e(word("phase_row", lang))}</th>']
    index = 0
    while index < len(years):
        phase = roadmap.phase_of(years[index])
        width = 1
        if phase is not None:
            while index + width < len(years) and years[index + width] in phase.years:
                width += 1
        current = phase is not None and state.phase is not None and phase.id == state.phase.id
        ident = f' data-phase="{e(phase.id)}"' if phase else ""
        phases.append(
            f'<td colspan="{width}" class="phase{" current" if current else ""}"{ident}>'
            f"{e(phase.title.get(lang)) if phase else ''}</td>"
        )
        index += width
    out.append(f"<tr>{''.join(phases)}</tr>")
    out.append("</thead>")

    for item_state in course_state.items:
        item = item_state.item
        owners = join(owner_names(state, item_state, lang), lang)
        out.append(f'<tbody data-item="{e(item.id)}">')
        out.append(
            f'<tr class="item"><th scope="rowgroup" colspan="{span}">'
            f'<span class="ref">{e(item_ref(course_state, item_state))}</span> {e(item.title.get(lang))} '
            f'<span class="owners">[{e(owners)}]</span></th></tr>'
        )
        for ts in item_state.tasks:
            out.append(_task_row(state, ts, ts.task.item_id != item.id, years, lang))
        if not item_state.tasks:
            out.append(
                f'<tr class="no-task"><th scope="row" class="muted">({e(t("none", lang))})</th>'
                + "<td></td>" * len(years)
                + "</tr>"
            )
        out.append("</tbody>")
    out.append("</table>")
    if percent is not None:
        out.append(
            f'<div class="as-of-line" style="left:{percent:.3f}%" aria-hidden="true" '
            f'data-as-of="{state.as_of.isoformat()}"></div>'
        )
    out.append("</div>")
    return out


def _task_row(state: RoadmapState, ts: TaskState, shared: bool, years: list[int], lang: str) -> str:
    task = ts.task
    prefix = f"{SHARED_MARK} " if shared else ""
    detail = f"{years_label(task.years, lang)} · {state_text(ts, lang)}"
    record = record_text(ts.last_record, lang)
    if record:
        detail += f" · {t('last_record', lang)}: {record}"
    attrs = (
        f'class="task" data-task="{e(task.id)}" data-state="{ts.state}" '
        f'data-from="{task.years.start}" data-to="{task.years.end}"'
    )
    if shared:
        attrs += ' data-shared="true"'
    if task.recurring:
        attrs += ' data-recurring="true"'
    cells = [f'<tr {attrs}><th scope="row">{e(prefix)}{e(task.title.get(lang))}</th>']
    if task.recurring:
        occurrences = {o.fiscal_year: o for o in ts.occurrences}
        for year in years:
            if year not in task.years:
                cells.append("<td></td>")
                continue
            look = occurrences[year].state if year in occurrences else ts.state
            cells.append(
                f'<td class="bar-cell" data-year="{year}">'
                f'<span class="bar recurring s-{look}" data-state="{look}" '
                f'title="{e(year_name(year, lang))} · {e(t(look, lang))}">'
                f"{e(RECURRING_MARK)} {e(STATE_SYMBOLS[look])} {e(t(look, lang))}</span></td>"
            )
    else:
        index = 0
        while index < len(years):
            year = years[index]
            if year not in task.years:
                cells.append("<td></td>")
                index += 1
                continue
            width = 1
            while index + width < len(years) and years[index + width] in task.years:
                width += 1
            cells.append(
                f'<td class="bar-cell" colspan="{width}">'
                f'<span class="bar s-{ts.state}" data-state="{ts.state}" title="{e(detail)}">'
                f"{e(STATE_SYMBOLS[ts.state])} {e(state_label(ts, lang))}</span></td>"
            )
            index += width
    cells.append("</tr>")
    return "".join(cells)


def _cards(state: RoadmapState, lang: str) -> list[str]:
    out = [
        '<section id="items" aria-labelledby="items-h">',
        f'<h2 id="items-h">{e(word("item_cards", lang))}</h2>',
    ]
    for course in state.courses:
        c = course.course
        out.append(f"<h3>{e(c.numeral)} {e(c.title.get(lang))}</h3>")
        out.append(f'<p class="muted">{e(c.target.get(lang))}</p>')
        out.append('<div class="cards">')
        for item in course.items:
            out += _card(state, course, item, lang)
        out.append("</div>")
    out.append("</section>")
    return out


def _card(state: RoadmapState, course: CourseState, item_state: ItemState, lang: str) -> list[str]:
    item = item_state.item
    worst = item_state.worst
    group = state.roadmap.working_group(item.working_group)
    out = [
        f'<article class="card" id="item-{e(item.id)}" data-item="{e(item.id)}" '
        f'data-state="{worst or ""}" aria-labelledby="item-{e(item.id)}-h">',
        f'<h4 id="item-{e(item.id)}-h"><span class="ref">{e(item_ref(course, item_state))}</span> '
        f"{e(item.title.get(lang))}</h4>",
    ]
    if worst:
        out.append(f"<p>{chip(worst, lang)}</p>")
    facts = [(t("owners", lang), join(owner_names(state, item_state, lang), lang))]
    if group:
        facts.append((t("working_group", lang), group.title.get(lang)))
    facts.append((t("decided", lang), _milestone(item_state.decision)))
    facts.append((t("realised", lang), _milestone(item_state.realisation)))
    out.append(
        '<dl class="facts">'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
        + "</dl>"
    )
    if item.problems:
        out.append(f"<h5>{e(_w('problems', lang))}</h5>")
        out.append(
            '<ul class="problems">'
            + "".join(f"<li>{e(p.get(lang))}</li>" for p in item.problems)
            + "</ul>"
        )
    if item_state.tasks:
        out.append(f"<h5>{e(t('tasks', lang))}</h5>")
        rows = []
        for ts in item_state.tasks:
            prefix = f"{SHARED_MARK} " if ts.task.item_id != item.id else ""
            record = record_text(ts.last_record, lang)
            note = f'<br><span class="muted">{e(record)}</span>' if record else ""
            rows.append(
                f'<tr data-task="{e(ts.task.id)}"><th scope="row">{e(prefix)}{e(ts.task.title.get(lang))}{note}</th>'
                f"<td>{e(years_label(ts.task.years, lang))}</td>"
                f"<td>{chip(ts.state, lang, state_label(ts, lang))}</td></tr>"
            )
        out.append(
            '<table class="card-tasks"><thead><tr>'
            f'<th scope="col">{e(_w("task_head", lang))}</th>'
            f'<th scope="col">{e(t("years", lang))}</th>'
            f'<th scope="col">{e(t("state", lang))}</th>'
            "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )
    images = goal_images(course, item_state)
    if images:
        out.append(f"<h5>{e(_w('goal_images', lang))}</h5>")
        for goal, states in images:
            out.append(
                f'<div class="goal" data-goal="{e(goal.id)}"><p>● {e(goal.title.get(lang))}</p><ul>'
                + "".join(f"<li>{e(s.text.get(lang))}</li>" for s in states)
                + "</ul></div>"
            )
    out.append("</article>")
    return out


def _milestone(milestone: Milestone | None) -> str:
    if milestone is None:
        return "—"
    date = milestone.date.isoformat()
    return f"{date} {milestone.note}" if milestone.note else date


def _further_study(state: RoadmapState, lang: str) -> list[str]:
    roadmap = state.roadmap
    if not roadmap.topics:
        return []
    title = roadmap.further_study_title.get(lang) or word("further_study", lang)
    out = [
        '<section id="further-study" aria-labelledby="further-study-h">',
        f'<h2 id="further-study-h">Ⅲ {e(title)}</h2>',
    ]
    for topic in roadmap.topics:
        out.append(f'<article class="topic" data-topic="{e(topic.id)}">')
        out.append(f"<h3>{e(topic.title.get(lang))}</h3>")
        if topic.problems:
            items = []
            for problem in topic.problems:
                answers = "".join(f"<li>⇒ {e(d.get(lang))}</li>" for d in problem.directions)
                items.append(
                    f"<li>{e(problem.text.get(lang))}"
                    + (f"<ul>{answers}</ul>" if answers else "")
                    + "</li>"
                )
            out.append(f"<h4>{e(_w('problems', lang))}</h4><ul>{''.join(items)}</ul>")
        if topic.directions:
            out.append(
                f"<h4>{e(_w('directions', lang))}</h4><ul>"
                + "".join(f"<li>{e(d.get(lang))}</li>" for d in topic.directions)
                + "</ul>"
            )
        if topic.study_groups:
            out.append(
                f"<h4>{e(_w('study_groups', lang))}</h4><ul>"
                + "".join(
                    f"<li>{e(g.title.get(lang))} ({e(label(g.fiscal_year, lang))})"
                    + (f" — {e(g.note.get(lang))}" if g.note else "")
                    + "</li>"
                    for g in topic.study_groups
                )
                + "</ul>"
            )
        out.append("</article>")
    out.append("</section>")
    return out
