"""`jtr export --format markdown`: the status report as a GitHub-flavoured Markdown document.

For an issue, a wiki page or a pull request: the status summary of `jtr status --format
markdown`, the timeline as a Mermaid gantt block (GitHub draws it), then per course a table of
its review items and a table of its tasks. States carry a symbol and a text label.
"""

from __future__ import annotations

from jtr.escape import markdown
from jtr.export import mermaid
from jtr.export._common import (
    STATE_SYMBOLS,
    item_ref,
    join,
    owner_names,
    record_text,
    state_text,
    symbol_label,
    task_rows,
    word,
    years_label,
)
from jtr.fiscal import label
from jtr.i18n import t
from jtr.render.status import render_markdown
from jtr.status import STATES, RoadmapState


def cell(text: str) -> str:
    """Roadmap text in this document (table cell, heading, quote): `jtr.escape.markdown`, the
    escaper of every Markdown output, so a title reads the same here and in the summary."""
    return markdown(text)


def export(state: RoadmapState, lang: str) -> str:
    lines = [render_markdown(state, lang).rstrip("\n"), ""]
    lines += [f"## {word('timeline', lang)}", "", "```mermaid", mermaid.export(state, lang)]
    lines[-1] = lines[-1].rstrip("\n")
    lines += ["```", ""]
    legend = " · ".join(f"{STATE_SYMBOLS[s]} {t(s, lang)}" for s in STATES)
    lines += [f"{t('legend', lang)}: {legend}", ""]

    rows = task_rows(state)
    for course in state.courses:
        c = course.course
        lines += [
            f"## {cell(c.numeral)} {cell(c.title.get(lang))} — {t('target', lang)} {label(c.target_year, lang)}",
            "",
            f"> {cell(c.target.get(lang))}",
            "",
        ]
        if not course.items:
            lines += [f"({t('none', lang)})", ""]
            continue
        lines += [
            f"| {word('number', lang)} | {word('item_col', lang)} | {word('owners_col', lang)} "
            f"| {word('state_col', lang)} | {word('decided_col', lang)} | {word('realised_col', lang)} |",
            "|--:|---|---|---|---|---|",
        ]
        for item in course.items:
            worst = item.worst
            lines.append(
                f"| {cell(item_ref(course, item))} | {cell(item.item.title.get(lang))} "
                f"| {cell(join(owner_names(state, item, lang), lang))} "
                f"| {symbol_label(worst, lang) if worst else '—'} "
                f"| {item.decision.date.isoformat() if item.decision else '—'} "
                f"| {item.realisation.date.isoformat() if item.realisation else '—'} |"
            )
        lines.append("")
        mine = [r for r in rows if r.course.course.id == c.id]
        if not mine:
            continue
        lines += [
            f"### {word('tasks_sheet', lang)}",
            "",
            f"| {word('number', lang)} | {word('task_col', lang)} | {word('years_col', lang)} "
            f"| {word('state_col', lang)} | {word('last_record_col', lang)} |",
            "|--:|---|---|---|---|",
        ]
        for row in mine:
            ts = row.task
            title = ts.task.title.get(lang)
            if row.shared_into:
                others = ", ".join(item_ref(course, i) for i in row.shared_into)
                title += f" ({word('shared_with', lang)}: {others})"
            lines.append(
                f"| {cell(row.ref)} | {cell(title)} | {years_label(ts.task.years, lang)} "
                f"| {STATE_SYMBOLS[ts.state]} {cell(state_text(ts, lang))} "
                f"| {cell(record_text(ts.last_record, lang)) or '—'} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
