"""`jtr slips`: what the plan moved against a baseline, most slipped first, as text, JSON,
Markdown or CSV. Pure: the comparison (jtr.baseline) and both plans come in, a string goes out.

One entry per changed task or item (jtr.baseline.Comparison.entries): its slip in fiscal years,
its reference and title, its fiscal years in the baseline and now, and what changed.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, NamedTuple

from jtr.baseline import Comparison, ItemChange, TaskChange
from jtr.labels import label
from jtr.model import Roadmap
from jtr.presenter import (
    baseline_span_text,
    change_json,
    change_text,
    item_ref,
    slip_text,
    span_label,
)
from jtr.review.baselines import Baseline

JSON_VERSION = 1


def ref(change: TaskChange | ItemChange, current: Roadmap, baseline: Roadmap) -> str:
    """`Ⅱ-3`: the item's reference (the task's item), in the plan it is in (now, else then)."""
    item_id = change.id if isinstance(change, ItemChange) else change.item_id
    for roadmap in (current, baseline):
        for course in roadmap.courses:
            for item in course.items:
                if item.id == item_id:
                    return item_ref(course, item)
    return ""


def kind_word(change: TaskChange | ItemChange, lang: str) -> str:
    return label("kind_item" if isinstance(change, ItemChange) else "kind_task", lang)


def heading(base: Baseline, lang: str) -> tuple[str, str]:
    return (
        label("baseline_heading", lang),
        label("baseline_against", lang).format(name=base.name, commit=base.short),
    )


def render_text(
    comparison: Comparison,
    current: Roadmap,
    baseline: Roadmap,
    base: Baseline,
    lang: str,
    *,
    width: int,
    color: bool,
) -> str:
    """A heading, then two lines per entry: slip, reference and title; spans and changes."""
    from jtr.render.lines import Line, cell_len, render_lines, wrap

    title, subtitle = heading(base, lang)
    lines = [Line((title, "bold")), Line((subtitle, "dim")), Line()]
    entries = comparison.entries()
    if not entries:
        lines.append(Line((label("baseline_no_change", lang), "bold green")))
    slips = [slip_text(e.slip, lang) for e in entries]
    room = max((cell_len(s) for s in slips), default=0)
    for entry, slip in zip(entries, slips, strict=True):
        style = "bold red" if entry.slipped else ""
        head = Line((" " * (room - cell_len(slip)) + f"{slip}  ", style), hang=room + 2)
        head.add(f"{ref(entry, current, baseline)} ".lstrip(), "bold")
        head.add(f"{entry.title.get(lang)} ({entry.id})")
        lines.extend(wrap(head, width))
        detail = Line((" " * (room + 2), ""), hang=room + 2)
        detail.add(baseline_span_text(entry, lang), "dim").add(" · ", "dim")
        detail.add(change_text(entry, lang), "dim", keep=True)
        lines.extend(wrap(detail, width))
    return render_lines(lines, width, color)


def entry_data(
    change: TaskChange | ItemChange, current: Roadmap, baseline: Roadmap
) -> dict[str, Any]:
    found: dict[str, Any] = {"kind": "item" if isinstance(change, ItemChange) else "task"}
    found.update(change_json(change))
    found["ref"] = ref(change, current, baseline)
    if isinstance(change, TaskChange):
        found["item_id"] = change.item_id
        found["baseline_item_id"] = change.baseline_item_id
    return found


def baseline_data(base: Baseline) -> dict[str, Any]:
    return {"name": base.name, "commit": base.commit, "revision_id": base.revision_id}


def slips_data(
    comparison: Comparison, current: Roadmap, baseline: Roadmap, base: Baseline
) -> dict[str, Any]:
    """The documented JSON of `jtr slips --format json` (docs/status-json.md)."""
    return {
        "version": JSON_VERSION,
        "roadmap": {"id": current.id},
        "baseline": baseline_data(base),
        "slipped": [t.id for t in comparison.slipped],
        "entries": [entry_data(e, current, baseline) for e in comparison.entries()],
    }


def render_json(comparison: Comparison, current: Roadmap, baseline: Roadmap, base: Baseline) -> str:
    from jtr.escape import json_text

    data = slips_data(comparison, current, baseline, base)
    return json_text(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"


def header(lang: str) -> list[str]:
    return [
        label(key, lang)
        for key in (
            "slip_col", "kind_col", "number_col", "id_col", "title_col", "baseline_col",
            "current_col", "change_col",
        )
    ]  # fmt: skip


def rows(comparison: Comparison, current: Roadmap, baseline: Roadmap, lang: str) -> list[list[str]]:
    def years(span: Any) -> str:
        return span_label(span, lang) if span is not None else "—"

    return [
        [
            "" if e.slip is None else str(e.slip),
            kind_word(e, lang),
            ref(e, current, baseline),
            e.id,
            e.title.get(lang),
            years(e.baseline),
            years(e.current),
            change_text(e, lang),
        ]
        for e in comparison.entries()
    ]


def render_markdown(
    comparison: Comparison, current: Roadmap, baseline: Roadmap, base: Baseline, lang: str
) -> str:
    """A GitHub-flavoured table; every text from the roadmap through `jtr.escape.markdown`."""
    from jtr.escape import markdown as md

    title, subtitle = heading(base, lang)
    out = [f"# {md(title)}", "", md(subtitle), ""]
    found = rows(comparison, current, baseline, lang)
    if not found:
        return "\n".join([*out, md(label("baseline_no_change", lang)), ""])
    names = header(lang)
    out += ["| " + " | ".join(md(n) for n in names) + " |", "|--:|" + "---|" * (len(names) - 1)]
    out += ["| " + " | ".join(md(v) for v in row) + " |" for row in found]
    return "\n".join(out) + "\n"


def render_csv(comparison: Comparison, current: Roadmap, baseline: Roadmap, lang: str) -> str:
    """As the CSV export writes a sheet: a byte-order mark, CRLF, formulas defused (a slip
    is written as a number, so `-1` stays a number)."""
    from jtr.escape import document
    from jtr.export.delimited import FORMULA_START

    def safe(value: str, number: bool = False) -> str:
        value = document(value)
        if number and value.lstrip("-").isdigit():
            return value
        return "'" + value if value.startswith(FORMULA_START) else value

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe(v) for v in header(lang)])
    for row in rows(comparison, current, baseline, lang):
        writer.writerow([safe(v, number=(i == 0)) for i, v in enumerate(row)])
    return "\ufeff" + buffer.getvalue()


class Against(NamedTuple):
    """A view's baseline: what changed (jtr.baseline.compare), the baseline plan itself, and
    what named it (a git revision or a revision id, and its commit)."""

    comparison: Comparison
    baseline: Roadmap
    base: Baseline


def task_baseline_json(against: Against, task_id: str) -> dict[str, Any] | None:
    """`"baseline"` of a task in the JSON of status and show: its years in the baseline, what
    changed, its slip; None for a task the comparison does not know."""
    change = against.comparison.task(task_id)
    if change is None:
        return None
    found = change_json(change)
    return {k: found[k] for k in ("baseline_fiscal_years", "changes", "slip")}
