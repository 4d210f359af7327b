"""`jtr export --format markdown`: the status report as a GitHub-flavoured Markdown document.

For an issue, a wiki page or a pull request: the status summary of `jtr status --format
markdown`, the timeline as a Mermaid gantt block (GitHub draws it), then per course a table of
its review items and a table of its tasks. States carry a symbol and a text label.

A value that rests on a reading of the seed carries the reading's mark (`Ⅱ-4※1`, `… ※2`):
an item's number and owners, a task's span (and its title for a reading of another of its
values); the readings follow at the end in a table (mark and id, the values decided, the
decision, alternatives, seed lines, confidence), every text through jtr.escape.markdown.

A roadmap with district-scoped tasks gets a section "地区ごとの進捗 / Progress by district"
after the courses: the district × task matrix of the HTML report as a table (a bold row per
group of districts, each cell the state's symbol and words, `·` out of scope, the districts
done in the last row), then per task its progress and its lagging districts by name.
"""

from __future__ import annotations

from jtr.escape import markdown
from jtr.export import districts, marks, mermaid
from jtr.labels import label
from jtr.presenter import (
    LOOKS,
    item_ref,
    owners_text,
    record_text,
    span_label,
    state_text,
    symbol_label,
    task_rows,
    year_label,
)
from jtr.render.status import render_markdown
from jtr.status import STATES, RoadmapState


def cell(text: str) -> str:
    """Roadmap text in this document (table cell, heading, quote): `jtr.escape.markdown`, the
    escaper of every Markdown output, so a title reads the same here and in the summary."""
    return markdown(text)


def export(state: RoadmapState, lang: str) -> str:
    lines = [render_markdown(state, lang).rstrip("\n"), ""]
    lines += [
        f"## {label('timeline_heading', lang)}",
        "",
        "```mermaid",
        mermaid.export(state, lang),
    ]
    lines[-1] = lines[-1].rstrip("\n")
    lines += ["```", ""]
    legend = " · ".join(symbol_label(s, lang) for s in STATES)
    lines += [f"{label('legend', lang)}: {legend}", ""]
    roadmap = state.roadmap
    if roadmap.readings:
        lines += [cell(label("reading_legend_document", lang)), ""]

    rows = task_rows(state)
    for course in state.courses:
        c = course.course
        lines += [
            f"## {cell(c.numeral)} {cell(c.title.get(lang))} — {label('target_year', lang)} {year_label(c.target_year, lang, 'label')}",
            "",
            f"> {cell(c.target.get(lang))}",
            "",
        ]
        if not course.items:
            lines += [f"({label('none', lang)})", ""]
            continue
        lines += [
            f"| {label('number_col', lang)} | {label('item_col', lang)} | {label('owners_col', lang)} "
            f"| {label('state_col', lang)} | {label('decided_col', lang)} | {label('realised_col', lang)} |",
            "|--:|---|---|---|---|---|",
        ]
        for item in course.items:
            worst = item.worst
            number = marks.mark(marks.item_readings(roadmap, item.item, "number"))
            owned = marks.suffix(marks.item_readings(roadmap, item.item, "owners"))
            lines.append(
                f"| {cell(item_ref(c, item.item) + number)} | {cell(item.item.title.get(lang))} "
                f"| {cell(owners_text(state.roadmap, item.item, lang) + owned)} "
                f"| {symbol_label(worst, lang) if worst else '—'} "
                f"| {item.decision.date.isoformat() if item.decision else '—'} "
                f"| {item.realisation.date.isoformat() if item.realisation else '—'} |"
            )
        lines.append("")
        mine = [r for r in rows if r.course.course.id == c.id]
        if not mine:
            continue
        lines += [
            f"### {label('tasks_sheet', lang)}",
            "",
            f"| {label('number_col', lang)} | {label('task_col', lang)} | {label('years_col', lang)} "
            f"| {label('state_col', lang)} | {label('last_record_col', lang)} |",
            "|--:|---|---|---|---|",
        ]
        for row in mine:
            ts = row.task
            title = ts.task.title.get(lang) + marks.suffix(
                marks.other_task_readings(roadmap, ts.task)
            )
            if row.shared_into:
                others = ", ".join(item_ref(c, i.item) for i in row.shared_into)
                title += f" ({label('shared_with', lang)}: {others})"
            number = marks.mark(marks.item_readings(roadmap, row.item.item, "number"))
            span = span_label(ts.task.years, lang) + marks.suffix(
                marks.span_readings(roadmap, ts.task)
            )
            lines.append(
                f"| {cell(row.ref + number)} | {cell(title)} | {cell(span)} "
                f"| {LOOKS[ts.state].symbol} {cell(state_text(ts, lang))} "
                f"| {cell(record_text(ts.last_record, lang)) or '—'} |"
            )
        lines.append("")
    if districts.scoped(roadmap):
        lines += _districts(state, lang)
    lines += _readings(state, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _districts(state: RoadmapState, lang: str) -> list[str]:
    """The districts section: the district × task matrix, then each task's progress."""
    matrix = districts.matrix(state, lang)
    lines = [f"## {cell(label('districts_heading', lang))}", ""]
    if not matrix.columns:
        return [*lines, cell(label("districts_none", lang)), ""]
    head = [label("district_col", lang)] + [str(line.column.number) for line in matrix.tasks]
    lines += ["| " + " | ".join(cell(h) for h in head) + " |", "|---|" + ":-:|" * len(matrix.tasks)]
    for group in matrix.groups:
        lines.append(f"| **{cell(group.heading)}** |" + " |" * len(matrix.tasks))
        for row in group.rows:
            cells = [cell(row.name)] + [cell(districts.cell_text(c, lang)) for c in row.cells]
            lines.append("| " + " | ".join(cells) + " |")
    done = [f"**{cell(label('done', lang))}**"] + [line.fraction for line in matrix.tasks]
    lines += ["| " + " | ".join(done) + " |", ""]
    for line in matrix.tasks:
        task, item = line.column.task.task, line.column.item.item
        ref = item_ref(next(c.course for c in state.courses if c.course.id == item.course_id), item)
        lines.append(
            f"{line.column.number}. {cell(ref)} {cell(line.title)} "
            f"({cell(span_label(task.years, lang))}): {cell(line.progress)}"
        )
        if line.lagging:
            names = cell(districts.names(line.lagging, lang))
            lines.append(f"   - {cell(label('districts_lagging', lang))}: {names}")
    return [*lines, ""]


def _readings(state: RoadmapState, lang: str) -> list[str]:
    """The readings section: every reading of the roadmap, one table row each."""
    roadmap = state.roadmap
    if not roadmap.readings:
        return []
    keys = ("reading_marks_col", "reading_about", "reading_decision", "reading_alternatives",
            "reading_seed", "reading_confidence")  # fmt: skip
    heads = [label(key, lang) for key in keys]
    lines = [
        f"## {cell(label('readings_heading', lang))}",
        "",
        cell(label("readings_intro", lang)),
        "",
        "| " + " | ".join(h[:1].upper() + h[1:] for h in heads) + " |",
        "|" + "---|" * len(heads),
    ]
    for reading in roadmap.readings:
        cells = [
            f"{marks.mark((reading,))} {reading.id}",
            "; ".join(marks.values_text(roadmap, reading)),
            reading.decision.get(lang),
            marks.alternatives_text(reading, lang),
            marks.seed_text(reading, lang),
            marks.confidence_text(reading, lang),
        ]
        lines.append("| " + " | ".join(cell(text) or "—" for text in cells) + " |")
    return [*lines, ""]
