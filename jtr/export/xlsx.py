"""`jtr export --format xlsx`: the task rows in a real Excel workbook (openpyxl).

A CSV loses its column widths, header and types; a workbook keeps them: a bold header row with
filters, the header frozen while scrolling, columns as wide as their Japanese text (counted in
display cells: a kanji is two), numbers as numbers, and a second sheet for the review items.
Text is always stored as text, never as a formula, and every control, bidi and invisible
character in it is shown visibly (`\\x1b`, `<U+202E>`: `jtr.escape.document`), as jtr shows it
everywhere; line breaks stay. (XML cannot hold most control characters at all.)
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any, NamedTuple

from jtr.escape import document
from jtr.export import delimited
from jtr.labels import label
from jtr.model import Text
from jtr.presenter import course_name, item_ref, owners_text, symbol_label, year_label
from jtr.status import CourseState, ItemState, RoadmapState

MAX_WIDTH = 60  # characters; longer text wraps


class ItemColumn(NamedTuple):
    """One column of the items sheet: its title's catalog key and how an item's cell is made."""

    key: str
    value: Callable[[RoadmapState, CourseState, ItemState, str], Any]  # (…, lang) -> cell
    wrap: bool = False


def _next(course: CourseState, item: ItemState, lang: str) -> str:
    nxt = item.next_task
    return f"{nxt.task.title.get(lang)} ({item_ref(course.course, item.item)})" if nxt else ""


def _group(state: RoadmapState, item: ItemState, lang: str) -> str:
    group = state.roadmap.working_group(item.item.working_group)
    return group.title.get(lang) if group else ""


def _lines(texts: tuple[Text, ...], lang: str) -> str:
    return "\n".join(text.get(lang) for text in texts)


ITEM_COLUMNS: tuple[ItemColumn, ...] = (
    ItemColumn("course_col", lambda s, c, i, lang: course_name(c.course, lang)),
    ItemColumn("number_col", lambda s, c, i, lang: i.item.number),
    ItemColumn("item_id_col", lambda s, c, i, lang: i.item.id),
    ItemColumn("item_col", lambda s, c, i, lang: i.item.title.get(lang), wrap=True),
    ItemColumn("owners_col", lambda s, c, i, lang: owners_text(s.roadmap, i.item, lang)),
    ItemColumn("working_group_col", lambda s, c, i, lang: _group(s, i, lang), wrap=True),
    ItemColumn("problems_col", lambda s, c, i, lang: _lines(i.item.problems, lang), wrap=True),
    ItemColumn("tasks_count_col", lambda s, c, i, lang: len(i.tasks)),
    ItemColumn("state_col", lambda s, c, i, lang: symbol_label(i.worst, lang) if i.worst else ""),
    ItemColumn("decided_col", lambda s, c, i, lang: i.decision.date if i.decision else None),
    ItemColumn("realised_col", lambda s, c, i, lang: i.realisation.date if i.realisation else None),
    ItemColumn("next_col", lambda s, c, i, lang: _next(c, i, lang), wrap=True),
)  # fmt: skip


def export(state: RoadmapState, lang: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    tasks = book.worksheets[0]  # the sheet a new workbook starts with
    tasks.title = label("tasks_sheet", lang)
    task_columns = delimited.columns()  # the CSV's columns
    _fill(tasks, delimited.header(lang), delimited.rows(state, lang),
          wrap={i for i, column in enumerate(task_columns) if column.wrap})  # fmt: skip

    items = book.create_sheet(label("items_sheet", lang))
    item_rows = [
        [column.value(state, course, item, lang) for column in ITEM_COLUMNS]
        for course in state.courses
        for item in course.items
    ]
    _fill(items, [label(column.key, lang) for column in ITEM_COLUMNS], item_rows,
          wrap={i for i, column in enumerate(ITEM_COLUMNS) if column.wrap})  # fmt: skip

    props = book.properties
    props.title = document(f"{state.roadmap.title.get(lang)} ({state.as_of.isoformat()})")
    props.subject = year_label(state.fiscal_year, lang, "label")
    props.creator = "jtr"
    props.language = lang
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, head: list[str], rows: list[list[Any]], wrap: set[int]) -> None:
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
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
