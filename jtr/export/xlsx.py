"""`jtr export --format xlsx`: the task rows in a real Excel workbook (openpyxl).

A CSV loses its column widths, header and types; a workbook keeps them: a bold header row with
filters, the header frozen while scrolling, columns as wide as their Japanese text (counted in
display cells: a kanji is two), numbers as numbers, and a second sheet for the review items.
Text is always stored as text, never as a formula, and every control, bidi and invisible
character in it is shown visibly (`\\x1b`, `<U+202E>`: `jtr.escape.document`), as jtr shows it
everywhere; line breaks stay. (XML cannot hold most control characters at all.)

A roadmap with readings of the seed gets, on both sheets, a last column with the marks
(`※1,3`) of the readings a row's values rest on, and a third sheet listing every reading:
its mark, id, the values it decides and what the file holds there, the decision, the
alternatives, the seed's page and lines, the words it cites and how sure it is. Without
readings the workbook has neither.

A roadmap with district-scoped tasks gets a sheet 地区 / Districts after the items: one row per
district × task in scope, the rows of `jtr districts --format csv` (jtr.render.districts), and
the tasks sheet a column with each such task's districts done (`18/32`, jtr.export.delimited).
Without such tasks the workbook has neither.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any, NamedTuple

from jtr.escape import document
from jtr.export import delimited, marks
from jtr.export.districts import scoped
from jtr.labels import label
from jtr.model import Reading, Text
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


# The marks of the readings an item's values rest on; only for a roadmap with readings.
ITEM_READINGS_COLUMN = ItemColumn(
    "reading_marks_col",
    lambda s, c, i, lang: marks.mark(marks.whole_item_readings(s.roadmap, i.item)),
)


def item_columns(state: RoadmapState) -> tuple[ItemColumn, ...]:
    """The items sheet's columns: ITEM_COLUMNS, and the readings' marks when there are any."""
    return ITEM_COLUMNS + ((ITEM_READINGS_COLUMN,) if state.roadmap.readings else ())


# The readings sheet: one row per reading, (title's catalog key, cell, wrapped).
READING_COLUMNS: tuple[tuple[str, Callable[[RoadmapState, Reading, str], Any], bool], ...] = (
    ("reading_mark_col", lambda s, r, lang: marks.mark((r,)), False),
    ("reading_id_col", lambda s, r, lang: r.id, False),
    ("reading_path_col", lambda s, r, lang: "\n".join(r.about), True),
    ("reading_value_col",
     lambda s, r, lang: "\n".join(v for _, v in marks.values(s.roadmap, r)), True),
    ("reading_decision", lambda s, r, lang: r.decision.get(lang), True),
    ("reading_alternatives", lambda s, r, lang: marks.alternatives_text(r, lang, "\n"), True),
    ("reading_seed", lambda s, r, lang: marks.seed_text(r, lang), False),
    ("reading_cites", lambda s, r, lang: marks.cites_text(r, lang), True),
    ("reading_confidence", lambda s, r, lang: marks.confidence_text(r, lang), False),
)  # fmt: skip


def export(state: RoadmapState, lang: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    tasks = book.worksheets[0]  # the sheet a new workbook starts with
    tasks.title = label("tasks_sheet", lang)
    task_columns = delimited.columns(state)  # the CSV's columns
    _fill(tasks, delimited.header(lang, state), delimited.rows(state, lang),
          wrap={i for i, column in enumerate(task_columns) if column.wrap})  # fmt: skip

    items = book.create_sheet(label("items_sheet", lang))
    shown = item_columns(state)
    item_rows = [
        [column.value(state, course, item, lang) for column in shown]
        for course in state.courses
        for item in course.items
    ]
    _fill(items, [label(column.key, lang) for column in shown], item_rows,
          wrap={i for i, column in enumerate(shown) if column.wrap})  # fmt: skip

    if scoped(state.roadmap):
        from jtr.render.districts import CSV_COLUMNS, csv_rows

        sheet = book.create_sheet(label("districts_sheet", lang))
        head, *district_rows = csv_rows(state, lang)
        wrapped = {CSV_COLUMNS.index("task_col"), CSV_COLUMNS.index("last_record_note_col")}
        _fill(sheet, head, [list(r) for r in district_rows], wrap=wrapped)

    if state.roadmap.readings:
        sheet = book.create_sheet(label("readings_sheet", lang))
        reading_rows = [
            [cell(state, reading, lang) for _key, cell, _wrap in READING_COLUMNS]
            for reading in state.roadmap.readings
        ]
        head = [_title(key, lang) for key, _cell, _wrap in READING_COLUMNS]
        _fill(sheet, head, reading_rows,
              wrap={i for i, (_k, _c, wrap) in enumerate(READING_COLUMNS) if wrap})  # fmt: skip

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
    fit_columns(sheet, head, [[_text(v) for v in r] for r in rows], MAX_WIDTH)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(head))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.sheet_view.zoomScale = 100


def fit_columns(
    sheet: Any, head: list[str], rows: list[list[str]], limit: int, floor: list[int] | None = None
) -> list[int]:
    """Set each column's width to its widest line in terminal cells (a Japanese character is
    two), at least `floor` and at most `limit`, with a margin of 2; the widths set."""
    from openpyxl.utils import get_column_letter
    from rich.cells import cell_len

    widths = []
    for index, title in enumerate(head):
        widest = max(
            [cell_len(title), floor[index] if floor else 0]
            + [max((cell_len(line) for line in r[index].split("\n")), default=0) for r in rows]
        )
        widths.append(min(widest + 2, limit))
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
    return widths


def _title(key: str, lang: str) -> str:
    """A column title from the catalog, capitalised (`decision` → `Decision`)."""
    text = label(key, lang)
    return text[:1].upper() + text[1:]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
