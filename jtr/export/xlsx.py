"""`jtr export --format xlsx`: the task rows in a real Excel workbook (openpyxl).

A CSV loses its column widths, header and types; a workbook keeps them: a bold header row with
filters, the header frozen while scrolling, columns as wide as their Japanese text (counted in
display cells: a kanji is two), numbers as numbers, and a second sheet for the review items.
Text is always stored as text, never as a formula, and every control, bidi and invisible
character in it is shown visibly (`\\x1b`, `<U+202E>`: `jtr.escape.document`), as jtr shows it
everywhere; line breaks stay. (XML cannot hold most control characters at all.)
"""

from __future__ import annotations

import io
from typing import Any

from jtr.escape import document
from jtr.export._common import (
    item_ref,
    join,
    owner_names,
    symbol_label,
    task_rows,
    word,
)
from jtr.export.delimited import COLUMNS, header, row_values
from jtr.fiscal import label
from jtr.status import RoadmapState

MAX_WIDTH = 60  # characters; longer text wraps
WRAP_COLUMNS = {"item_col", "task_col", "state_col", "last_record_col", "note_col"}


def export(state: RoadmapState, lang: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    tasks = book.active
    tasks.title = word("tasks_sheet", lang)
    _fill(tasks, header(lang), [row_values(state, row, lang) for row in task_rows(state)],
          wrap={i for i, key in enumerate(COLUMNS) if key in WRAP_COLUMNS})  # fmt: skip

    items = book.create_sheet(word("items_sheet", lang))
    item_header = [
        word(k, lang)
        for k in (
            "course_col", "number", "item_id", "item_col", "owners_col", "working_group_col",
            "problems_col", "tasks_count", "state_col", "decided_col", "realised_col", "next_col",
        )
    ]  # fmt: skip
    item_rows: list[list[Any]] = []
    for course in state.courses:
        for item in course.items:
            group = state.roadmap.working_group(item.item.working_group)
            worst = item.worst
            nxt = item.next_task
            item_rows.append(
                [
                    f"{course.course.numeral} {course.course.title.get(lang)}",
                    item.item.number,
                    item.item.id,
                    item.item.title.get(lang),
                    join(owner_names(state, item, lang), lang),
                    group.title.get(lang) if group else "",
                    "\n".join(p.get(lang) for p in item.item.problems),
                    len(item.tasks),
                    symbol_label(worst, lang) if worst else "",
                    item.decision.date if item.decision else None,
                    item.realisation.date if item.realisation else None,
                    f"{nxt.task.title.get(lang)} ({item_ref(course, item)})" if nxt else "",
                ]
            )
    _fill(items, item_header, item_rows, wrap={3, 5, 6, 11})

    props = book.properties
    props.title = document(f"{state.roadmap.title.get(lang)} ({state.as_of.isoformat()})")
    props.subject = f"{label(state.fiscal_year, lang)}"
    props.creator = "jtr"
    props.language = lang
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, head: list[str], rows: list[list[Any]], wrap: set[int]) -> None:
    import datetime as dt

    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from rich.cells import cell_len

    rows = [[document(v) if isinstance(v, str) else v for v in values] for values in rows]
    sheet.append(head)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    for values in rows:
        sheet.append(values)
        for index, cell in enumerate(sheet[sheet.max_row]):
            value = cell.value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = wrapped if index in wrap else top
    for index, title in enumerate(head):
        widest = max(
            [cell_len(title)]
            + [
                max((cell_len(line) for line in _text(r[index]).split("\n")), default=0)
                for r in rows
            ]
        )
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(widest + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(head))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.sheet_view.zoomScale = 100


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
