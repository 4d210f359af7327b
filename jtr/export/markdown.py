"""`jtr export --format markdown`: the status report as a GitHub-flavoured Markdown document.

For an issue, a wiki page or a pull request: the status summary of `jtr status --format
markdown`, the timeline as a Mermaid gantt block (GitHub draws it), then per course a table of
its review items and a table of its tasks. States carry a symbol and a text label.
"""

from __future__ import annotations

from jtr.escape import markdown
from jtr.export import mermaid
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
            lines.append(
                f"| {cell(item_ref(c, item.item))} | {cell(item.item.title.get(lang))} "
                f"| {cell(owners_text(state.roadmap, item.item, lang))} "
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
            title = ts.task.title.get(lang)
            if row.shared_into:
                others = ", ".join(item_ref(c, i.item) for i in row.shared_into)
                title += f" ({label('shared_with', lang)}: {others})"
            lines.append(
                f"| {cell(row.ref)} | {cell(title)} | {span_label(ts.task.years, lang)} "
                f"| {LOOKS[ts.state].symbol} {cell(state_text(ts, lang))} "
                f"| {cell(record_text(ts.last_record, lang)) or '—'} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
