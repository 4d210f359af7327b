"""`jtr districts`: the district × task matrix of the district-scoped tasks, as of a date.

Rows are the districts, grouped by block when the registry knows blocks, else into the wholly
hilly ones and the others; columns the district-scoped tasks (numbered, named below the
matrix with their progress); each cell the district's state as a fill of its own (never
colour alone), `·` where the task is not done in that district. Columns that do not fit the
width continue in a further matrix below.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from jtr.labels import label
from jtr.model import District, Roadmap
from jtr.presenter import (
    LOOKS,
    district_progress,
    districts_json,
    item_ref,
    record_json,
    span_label,
    symbol_label,
)
from jtr.render.lines import Line, ambiguous_wide, cell_len, fit, render_lines, wrap
from jtr.status import STATES, DistrictState, ItemState, RoadmapState, TaskState

CELL = 3  # cells of a state's fill in the matrix
GAP = 2


class Column(NamedTuple):
    number: int
    item: ItemState
    task: TaskState

    def state_of(self, district: str) -> DistrictState | None:
        return next((d for d in self.task.districts if d.district == district), None)


def columns(state: RoadmapState, only: set[str] | None = None) -> list[Column]:
    """The district-scoped tasks in plan order (each once, under its own item); `only`: these
    task ids."""
    found: list[Column] = []
    for course in state.courses:
        for item in course.items:
            for ts in item.tasks:
                if ts.task.item_id != item.item.id or not ts.districts:
                    continue
                if only is not None and ts.task.id not in only:
                    continue
                found.append(Column(len(found) + 1, item, ts))
    return found


def groups(roadmap: Roadmap, lang: str) -> list[tuple[str, list[District]]]:
    """(heading, districts) in the registry's order: by block when any block is known (the
    unknown last), else the wholly hilly districts and the others."""
    districts = list(roadmap.districts)
    if any(d.block for d in districts):
        blocks: dict[str, list[District]] = {}
        for district in districts:
            blocks.setdefault(district.block or "", []).append(district)
        unknown = blocks.pop("", [])
        found = [(block, members) for block, members in blocks.items()]
        if unknown:
            found.append((label("districts_block_unknown", lang), unknown))
        return found
    hilly = [d for d in districts if d.hilly]
    other = [d for d in districts if not d.hilly]
    found = []
    if hilly:
        found.append((label("hilly", lang), hilly))
    if other:
        found.append((label("districts_other_group", lang), other))
    return found


def _fill(state: str, plain: bool, cells: int = CELL) -> str:
    look = LOOKS[state]
    return (look.ascii_fill if plain else look.fill) * cells


def render_text(
    state: RoadmapState,
    lang: str,
    *,
    width: int,
    color: bool,
    ascii_only: bool = False,
    only: set[str] | None = None,
) -> str:
    roadmap = state.roadmap
    plain = ascii_only or ambiguous_wide()
    cols = columns(state, only)
    lines = [Line((label("districts_heading", lang), "bold")),
             Line((f"{label('as_of', lang)} {state.as_of.isoformat()}", ""))]  # fmt: skip
    if not cols or not roadmap.districts:
        lines.append(Line((label("districts_none", lang), "dim")))
        return render_lines(lines, width, color)
    sets = groups(roadmap, lang)
    names = [d.name.get(lang) for _, members in sets for d in members]
    name_cells = min(max(cell_len(n) for n in names) + 2, max(12, width // 3))
    most = max(len(c.task.districts) for c in cols)
    cell = max(CELL, 2 * len(str(most)) + 1)  # room for `18/32` under the column
    per_row = max(1, (width - name_cells - 2) // (cell + GAP))
    for start in range(0, len(cols), per_row):
        chunk = cols[start : start + per_row]
        lines.append(Line())
        header = Line((" " * (name_cells + 2), ""))
        for col in chunk:
            header.add(f"{col.number:>{cell}}" + " " * GAP, "bold")
        lines.append(header)
        for heading, members in sets:
            lines.append(Line((fit(heading, width), "bold")))
            for district in members:
                row = Line((fit(f"  {district.name.get(lang)}", name_cells + 2, pad=True), ""))
                for col in chunk:
                    mine = col.state_of(district.id)
                    if mine is None:
                        row.add(" " * (cell - 1) + "·" + " " * GAP, "dim")
                    else:
                        row.add(_fill(mine.state, plain, cell), LOOKS[mine.state].style)
                        row.add(" " * GAP)
                lines.append(row)
        total = Line((fit(label("done", lang), name_cells + 2, pad=True), "bold"))
        for col in chunk:
            fraction = f"{col.task.district_counts['done']}/{len(col.task.districts)}"
            total.add(f"{fraction:>{cell}}" + " " * GAP, "bold")
        lines.append(total.fitted(width) if cell_len(total.text) > width else total)
    lines.append(Line())
    for col in cols:
        course = next(c for c in roadmap.courses if c.id == col.item.item.course_id)
        head = Line(
            (
                f"{col.number} {item_ref(course, col.item.item)} {col.task.task.title.get(lang)} "
                f"({span_label(col.task.task.years, lang)}): ",
                "",
            ),
            hang=len(str(col.number)) + 1,
        )
        for index, part in enumerate(district_progress(col.task, lang).split(" · ")):
            head.add(" · " if index else "").add(part, keep=True)  # `遅延 1` never split
        lines.extend(wrap(head, width))
        lagging = [roadmap_name(roadmap, d.district, lang) for d in col.task.lagging]
        if lagging:
            text = f"{label('districts_lagging', lang)}: {'、'.join(lagging) if lang == 'ja' else ', '.join(lagging)}"
            lines.extend(wrap(Line((" " * (len(str(col.number)) + 1) + text, "dim")), width))
    legend = Line((f"{label('legend', lang)}: ", "dim"))
    for name in STATES:
        legend.add(_fill(name, plain)[:1] + " ", LOOKS[name].style, keep=True)
        legend.add(label(name, lang), "dim", keep=True).add("  ")
    legend.add("· " + label("districts_not_in_scope", lang), "dim", keep=True)
    lines.extend(wrap(legend, width))
    return render_lines(lines, width, color)


def roadmap_name(roadmap: Roadmap, district_id: str, lang: str) -> str:
    district = roadmap.district(district_id)
    return district.name.get(lang) if district else district_id


# ---- data -------------------------------------------------------------------------------------


def matrix_data(state: RoadmapState, only: set[str] | None = None) -> dict[str, Any]:
    """`jtr districts --format json`."""
    roadmap = state.roadmap
    cols = columns(state, only)
    return {
        "as_of": state.as_of.isoformat(),
        "districts": [
            {
                "id": d.id,
                "name": {"ja": d.name.ja, "en": d.name.en},
                "block": d.block,
                "hilly": d.hilly,
                "states": {
                    col.task.task.id: None if (mine := col.state_of(d.id)) is None else mine.state
                    for col in cols
                },
            }
            for d in roadmap.districts
        ],
        "tasks": [
            {
                "id": col.task.task.id,
                "item": col.item.item.id,
                "title": {"ja": col.task.task.title.ja, "en": col.task.task.title.en},
                "state": col.task.state,
                **districts_json(col.task),
            }
            for col in cols
        ],
    }


def render_json(state: RoadmapState, only: set[str] | None = None) -> str:
    from jtr.escape import json_text

    text = json.dumps(matrix_data(state, only), ensure_ascii=False, allow_nan=False, indent=2)
    return json_text(text) + "\n"


def rows(
    state: RoadmapState, only: set[str] | None = None
) -> Iterator[tuple[District, Column, DistrictState]]:
    """(district, column, the district's state) of each district × task in scope."""
    for district in state.roadmap.districts:
        for col in columns(state, only):
            mine = col.state_of(district.id)
            if mine is not None:
                yield district, col, mine


CSV_COLUMNS = (
    "district_col", "district_id_col", "block_col", "hilly_col", "task_id_col", "task_col",
    "state_code_col", "state_col", "last_record_date_col", "last_record_note_col",
)  # fmt: skip


def csv_rows(state: RoadmapState, lang: str, only: set[str] | None = None) -> list[list[str]]:
    """One row per district × task (the CSV of `jtr districts` and the exports' district
    sheet): header first."""
    out = [[label(c, lang) for c in CSV_COLUMNS]]
    for district, col, mine in rows(state, only):
        last = record_json(mine.last_record) if mine.last_record is not None else {}
        out.append([
            district.name.get(lang),
            district.id,
            district.block or "",
            label("answer_yes" if district.hilly else "answer_no", lang),
            col.task.task.id,
            col.task.task.title.get(lang),
            mine.state,
            symbol_label(mine.state, lang),
            last.get("date") or "",
            last.get("note") or "",
        ])  # fmt: skip
    return out


def render_csv(state: RoadmapState, lang: str, only: set[str] | None = None) -> str:
    """As the CSV export writes a sheet: a byte-order mark, CRLF, formulas defused."""
    from jtr.escape import document
    from jtr.export.delimited import FORMULA_START

    def safe(value: str) -> str:
        value = document(value)
        return "'" + value if value.startswith(FORMULA_START) else value

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in csv_rows(state, lang, only):
        writer.writerow([safe(v) for v in row])
    return "\ufeff" + buffer.getvalue()


def render_markdown(state: RoadmapState, lang: str, only: set[str] | None = None) -> str:
    from jtr.escape import markdown as md

    roadmap = state.roadmap
    cols = columns(state, only)
    out = [f"# {md(label('districts_heading', lang))}", "",
           f"{label('as_of', lang)} {state.as_of.isoformat()}", ""]  # fmt: skip
    if not cols:
        return "\n".join([*out, md(label("districts_none", lang)), ""])
    head = [label("district_col", lang)] + [str(c.number) for c in cols]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for _heading, members in groups(roadmap, lang):
        for district in members:
            cells = [md(district.name.get(lang))]
            for col in cols:
                mine = col.state_of(district.id)
                cells.append("·" if mine is None else md(symbol_label(mine.state, lang)))
            out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for col in cols:
        out.append(
            f"{col.number}. {md(col.task.task.title.get(lang))}: {md(district_progress(col.task, lang))}"
        )
    return "\n".join(out) + "\n"
